import { Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFound')}
      extra={<Link to="/">{t('nav.dashboard')}</Link>}
    />
  );
}
