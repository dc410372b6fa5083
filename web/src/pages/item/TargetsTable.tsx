import type { ItemDetail } from '../../api/types';
import { StatusTag } from '../../components/StatusTag';
import { usePhone } from '../../hooks/usePhone';
import { useI18n } from '../../i18n';

const OP: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/** 量化指标: what is measured, the value in the document's magnitude (15亿元), deadline, status. */
export function TargetsTable({ targets }: { targets: ItemDetail['targets'] }) {
  const { t, date, value } = useI18n();
  const phone = usePhone();
  if (targets.length === 0) return <p className="muted">{t('item.noTargets')}</p>;
  const goal = (tg: ItemDetail['targets'][number]) =>
    tg.value === null ? (
      <span className="blank-value">{t('target.blank')}</span>
    ) : (
      `${OP[tg.op] ?? tg.op} ${value(tg.value, tg.unit)}`
    );
  // Five columns do not fit a phone: one card per target, the same facts one under another.
  if (phone) {
    return (
      <ul className="target-cards" data-testid="targets">
        {targets.map((tg, i) => (
          <li key={i}>
            <div className="target-card-head">
              <strong>{tg.metric}</strong> <StatusTag status={tg.status} />
            </div>
            <dl className="target-card-facts">
              <dt>{t('target.value')}</dt>
              <dd>{goal(tg)}</dd>
              <dt>{t('target.deadline')}</dt>
              <dd>{tg.deadline ? date(tg.deadline) : '—'}</dd>
            </dl>
            <p className="muted target-card-text">{tg.text}</p>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <table className="data-table" data-testid="targets">
      <thead>
        <tr>
          <th scope="col">{t('target.metric')}</th>
          <th scope="col">{t('target.value')}</th>
          <th scope="col">{t('target.deadline')}</th>
          <th scope="col">{t('target.status')}</th>
          <th scope="col">{t('target.asWritten')}</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((tg, i) => (
          <tr key={i}>
            <td>{tg.metric}</td>
            <td className="nowrap">{goal(tg)}</td>
            <td className="nowrap">{tg.deadline ? date(tg.deadline) : '—'}</td>
            <td>
              <StatusTag status={tg.status} />
            </td>
            <td className="muted">{tg.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
