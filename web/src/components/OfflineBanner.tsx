/**
 * Says so when the browser has no connection: what is typed stays on this device, and is saved
 * to the server once the connection is back (the report form does that by itself).
 */
import { Alert } from 'antd';
import { useI18n } from '../i18n';
import { useOnline } from '../hooks/useOnline';

export function OfflineBanner() {
  const { t } = useI18n();
  const online = useOnline();
  if (online) return null;
  return (
    <Alert
      className="offline-banner no-print"
      type="warning"
      showIcon
      role="status"
      data-testid="offline-banner"
      title={t('offline.banner')}
      description={t('offline.bannerHint')}
    />
  );
}
