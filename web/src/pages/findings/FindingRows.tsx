import { Link } from 'react-router';
import type { Finding } from '../../api/types';
import { useI18n } from '../../i18n';
import { useFindingMessage } from '../../i18n/findings';

export function FindingRows({ findings }: { findings: Finding[] }) {
  const { t, has } = useI18n();
  const message = useFindingMessage();
  return (
    <table className="data-table findings-table">
      <thead>
        <tr>
          <th scope="col">{t('col.number')}</th>
          <th scope="col">{t('findings.field')}</th>
          <th scope="col">{t('findings.message')}</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => {
          const fieldKey = `field.${f.field ?? ''}`;
          return (
            <tr key={i}>
              <td className="nowrap">
                {f.item === null ? (
                  <span className="muted">{t('findings.planLevel')}</span>
                ) : (
                  <Link to={`/items/${f.item}`}>{t('findings.item', { n: f.item })}</Link>
                )}
              </td>
              <td className="nowrap">{f.field ? (has(fieldKey) ? t(fieldKey) : f.field) : '—'}</td>
              <td>
                {message(f)}
                {f.excerpt && <div className="muted excerpt">{t('common.quoted', { text: f.excerpt })}</div>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
