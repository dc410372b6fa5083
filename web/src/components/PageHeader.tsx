import type { ReactNode } from 'react';

/** A page's title (the only h1) and its actions on the right. */
export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {sub && <div className="page-header-sub">{sub}</div>}
      </div>
      {extra && <div className="page-header-extra">{extra}</div>}
    </header>
  );
}
