import { Link } from 'react-router';
import type { Finding } from '../../api/types';
import { useI18n } from '../../i18n';
import { useFindingMessage } from '../../i18n/findings';

/** The item's plan-quality findings, most severe first. */
export function ItemFindings({ findings }: { findings: Finding[] }) {
  const { t, has } = useI18n();
  const message = useFindingMessage();
  if (findings.length === 0) return <p className="muted">{t('item.noFindings')}</p>;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (
    <ul className="finding-list">
      {sorted.map((f, i) => {
        const codeKey = `finding.${f.code}`;
        return (
          <li key={i} className={`finding finding-${f.severity}`}>
            <span className={`severity severity-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
            <Link to={`/findings#${f.code}`}>{has(codeKey) ? t(codeKey) : f.code}</Link>
            <div>{message(f)}</div>
            {f.excerpt && <div className="muted excerpt">{t('common.quoted', { text: f.excerpt })}</div>}
          </li>
        );
      })}
    </ul>
  );
}
