/** 重点改革: the key items with their status, lead unit and next deadline. */
import { Card } from 'antd';
import { Link } from 'react-router';
import type { ItemSummary } from '../../api/types';
import { itemsLink } from '../../app/links';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n';

export function KeyItems({ items, asOf }: { items: ItemSummary[]; asOf: string }) {
  const { t, date } = useI18n();
  return (
    <Card
      size="small"
      className="dash-card"
      title={<h2>{t('dashboard.keyItems')}</h2>}
      extra={
        <Link to={itemsLink({ key: true, asOf })} data-testid="key-items-link">
          {t('dashboard.keyItemsAll', { n: items.length })}
        </Link>
      }
    >
      <ol className="key-items">
        {items.map((i) => (
          <li key={i.itemKey}>
            <StatusTag status={i.status} />
            <Link to={`/items/${i.number ?? ''}?asOf=${asOf}`} className="key-item-title">
              {i.number}. <bdi>{i.title}</bdi>
            </Link>
            <span className="key-item-meta">
              <bdi>{i.leadUnit?.name}</bdi>
              {i.nextDeadline && ` · ${t('item.nextDeadline')} ${date(i.nextDeadline.deadline)}`}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
