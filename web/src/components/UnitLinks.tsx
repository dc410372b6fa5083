import { Link } from 'react-router';
import type { UnitLink } from '../api/types';

/** Unit names, each linking to the unit's page, separated the way the language separates lists. */
export function UnitLinks({ units, max }: { units: UnitLink[]; max?: number }) {
  const shown = max === undefined ? units : units.slice(0, max);
  return (
    <span className="unit-links">
      {shown.map((u) => (
        <Link key={u.id} to={`/units/${encodeURIComponent(u.id)}`}>
          {u.name}
        </Link>
      ))}
      {shown.length < units.length && <span aria-hidden>…</span>}
    </span>
  );
}
