/** antd theme and locale, dayjs locale, and the API client's error display, all following the chosen language. */
import { useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useI18n } from '../i18n';
import { setApiHandlers } from '../api/client';
import { usePhone } from '../hooks/usePhone';
import { useReducedMotion } from '../hooks/useReducedMotion';
import { PHONE_THEME } from './phone-theme';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b7202e',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif',
  },
};

function ErrorReporter() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setApiHandlers({ report: (text) => void message.error(text) });
  }, [message]);
  return null;
}

const phoneTheme: ThemeConfig = {
  token: { ...theme.token, ...PHONE_THEME.token },
  components: PHONE_THEME.components,
};

export function Providers({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const phone = usePhone();
  const reducedMotion = useReducedMotion();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  const chosen = phone ? phoneTheme : theme;
  // antd's own switch: no opening animations at all, rather than animations cut short by CSS
  // (app.css leaves antd's elements alone for that reason).
  const themed = reducedMotion ? { ...chosen, token: { ...chosen.token, motion: false } } : chosen;
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zh_CN : en_US} theme={themed}>
      <AntApp>
        <ErrorReporter />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
