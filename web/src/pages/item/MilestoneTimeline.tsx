import { Timeline } from 'antd';
import type { ItemDetail } from '../../api/types';
import { STATUS_COLOR } from '../../components/status';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n';

/** The item's milestones in date order, each dot coloured by its status. */
export function MilestoneTimeline({ milestones }: { milestones: ItemDetail['milestones'] }) {
  const { t, date } = useI18n();
  if (milestones.length === 0) return <p className="muted">{t('item.noMilestones')}</p>;
  const sorted = [...milestones].sort((a, b) => a.deadline.localeCompare(b.deadline));
  return (
    <Timeline
      className="milestone-timeline"
      items={sorted.map((m, i) => ({
        key: i,
        color: STATUS_COLOR[m.status],
        content: (
          <div data-testid="milestone">
            <div className="milestone-head">
              <time dateTime={m.deadline}>{date(m.deadline)}</time> <StatusTag status={m.status} />
            </div>
            <div className="milestone-text">{m.text}</div>
          </div>
        ),
      }))}
    />
  );
}
