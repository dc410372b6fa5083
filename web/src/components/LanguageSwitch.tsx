/** One button: shows the other language and switches to it (persisted in localStorage). */
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { LANGUAGE_NAMES, useI18n } from '../i18n';

/** `compact`: the icon only (a phone's header has no room), the language named to screen readers. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const other = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      lang={other}
      title={t('lang.switch')}
      aria-label={compact ? `${t('lang.switch')}: ${LANGUAGE_NAMES[other]}` : undefined}
      data-testid="language-switch"
      onClick={() => setLocale(other)}
    >
      {compact ? null : LANGUAGE_NAMES[other]}
    </Button>
  );
}
