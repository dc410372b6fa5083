import { STATUS_ORDER } from './status';
import { useI18n } from '../i18n';

export function StatusLegend() {
  const { t } = useI18n();
  return (
    <ul className="status-legend" aria-label={t('common.legend')}>
      {STATUS_ORDER.map((s) => (
        <li key={s}>
          <span className={`tl-dot status-bg-${s}`} aria-hidden /> {t(`status.${s}`)}
        </li>
      ))}
    </ul>
  );
}
