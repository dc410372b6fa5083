/** The report's history: who created, saved, submitted, returned, approved or contributed, and when. */
import type { ReportEvent } from '../../../api/types';
import { useI18n } from '../../../i18n';
import { momentText } from '../format';

export function ReportEvents({ events }: { events: ReportEvent[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (events.length === 0) return <p className="muted">{t('report.noEvents')}</p>;
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="history-list report-events" reversed data-testid="report-events">
      {newestFirst.map((e) => (
        <li key={e.seq} data-action={e.action}>
          <span className="muted">{momentText(e.at, i18n)}</span> <strong>{e.actor}</strong>{' '}
          {t(`report.action.${e.action}`)}
          {e.comment && <div className="review-comment">{e.comment}</div>}
        </li>
      ))}
    </ol>
  );
}
