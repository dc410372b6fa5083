/**
 * The report's history: who created, saved, submitted, returned, approved or contributed, and
 * when. A run of saves by one person (the form saves itself while they type) is one line with
 * the count and the latest time.
 */
import type { ReportEvent } from '../../../api/types';
import { useI18n } from '../../../i18n';
import { momentText } from '../format';

export function ReportEvents({ events }: { events: ReportEvent[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (events.length === 0) return <p className="muted">{t('report.noEvents')}</p>;
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq);
  const lines: { event: ReportEvent; saves: number }[] = [];
  for (const e of newestFirst) {
    const last = lines[lines.length - 1];
    if (last && e.action === 'save' && last.event.action === 'save' && last.event.actor === e.actor) {
      last.saves += 1;
    } else {
      lines.push({ event: e, saves: 1 });
    }
  }
  return (
    <ol className="history-list report-events" reversed data-testid="report-events">
      {lines.map(({ event: e, saves }) => (
        <li key={e.seq} data-action={e.action}>
          <span className="muted">{momentText(e.at, i18n)}</span> <strong>{e.actor}</strong>{' '}
          {saves > 1 ? t('draft.savedTimes', { n: saves }) : t(`report.action.${e.action}`)}
          {e.comment && <div className="review-comment">{e.comment}</div>}
        </li>
      ))}
    </ol>
  );
}
