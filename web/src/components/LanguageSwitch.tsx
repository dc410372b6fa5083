/** One button: shows the other language and switches to it (persisted in localStorage). */
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { LANGUAGE_NAMES, useI18n } from '../i18n';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const other = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      lang={other}
      title={t('lang.switch')}
      data-testid="language-switch"
      onClick={() => setLocale(other)}
    >
      {LANGUAGE_NAMES[other]}
    </Button>
  );
}
