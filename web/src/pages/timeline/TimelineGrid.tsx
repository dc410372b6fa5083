import { Link } from 'react-router';
import type { Timeline } from '../../api/types';
import { useI18n } from '../../i18n';

function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The grid itself: a table, so it reads row by row with a keyboard or a screen reader. */
export function TimelineGrid({
  items,
  quarters,
  asOf,
}: {
  items: Timeline['items'];
  quarters: string[];
  asOf: string;
}) {
  const { t, date, quarter } = useI18n();
  const current = quarterOf(asOf);
  return (
    <div className="timeline-scroll" tabIndex={0} aria-label={t('timeline.title')}>
      <table className="timeline-grid">
        <thead>
          <tr>
            <th scope="col" className="tl-item">
              {t('col.title')}
            </th>
            {quarters.map((q) => (
              <th key={q} scope="col" className={q === current ? 'tl-now' : undefined}>
                {quarter(q)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.itemKey}>
              <th scope="row" className="tl-item">
                <Link
                  to={`/items/${item.number}?asOf=${asOf}`}
                  className={`tl-title status-text-${item.status}`}
                >
                  {item.number}
                  {item.key ? '*' : ''}. {item.title}
                </Link>
              </th>
              {quarters.map((q) => {
                const ms = item.milestones.filter((m) => m.quarter === q);
                return (
                  <td key={q} className={q === current ? 'tl-now' : undefined}>
                    {ms.map((m, i) => {
                      const label = t('timeline.milestone', {
                        date: date(m.deadline),
                        status: t(`status.${m.status}`),
                        text: m.text,
                      });
                      return (
                        <span
                          key={i}
                          className={`tl-dot status-bg-${m.status}`}
                          title={label}
                          aria-label={label}
                          role="img"
                        />
                      );
                    })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
