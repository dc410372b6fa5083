import { Link } from 'react-router';
import type { ItemDetail } from '../../api/types';
import { useI18n } from '../../i18n';

/** 牵头单位 and 配合单位 (and any role the document labelled itself), each linking to the unit. */
export function ItemUnits({ units }: { units: ItemDetail['units'] }) {
  const { t } = useI18n();
  const lead = units.filter((u) => u.role === 'lead');
  const co = units.filter((u) => u.role === 'co');
  const row = (label: string, list: ItemDetail['units'], testid: string) => (
    <div className="unit-row" data-testid={testid}>
      <span className="unit-row-label">{label}</span>
      <span className="unit-links">
        {list.length === 0
          ? '—'
          : list.map((u) => (
              <Link
                key={`${u.id}-${u.name}`}
                to={`/units/${encodeURIComponent(u.id)}`}
                title={u.name !== u.canonical ? u.name : undefined}
              >
                {u.canonical || u.name}
                {u.label && <span className="muted">{t('unit.roleLabel', { label: u.label })}</span>}
              </Link>
            ))}
      </span>
    </div>
  );
  return (
    <div>
      {row(t('role.lead'), lead, 'lead-units')}
      {row(t('role.co'), co, 'co-units')}
    </div>
  );
}
