/** The sums over every org below: orgs, items by status, due milestones done, reports on time. */
import type { RollupFigures } from '../../api/types';
import { STATUS_ORDER } from '../../components/status';
import { useI18n } from '../../i18n';
import { percent } from '../scoreboard/period';

export function RollupTotals({ totals }: { totals: RollupFigures }) {
  const { t } = useI18n();
  const { items, milestones, reports, rates } = totals;
  return (
    <section className="rollup-totals" aria-label={t('rollup.tab.overview')} data-testid="rollup-totals">
      <div className="stat-card">
        <span className="stat-label">{t('rollup.total.orgs')}</span>
        <span className="stat-value" data-testid="total-orgs">
          {totals.orgs}
        </span>
        <span className="stat-hint">{t('rollup.total.orgsHint', { n: totals.withPlan })}</span>
      </div>
      <div className="stat-card stat-total">
        <span className="stat-label">{t('rollup.total.items')}</span>
        <span className="stat-value" data-testid="total-items">
          {items.total}
        </span>
      </div>
      {STATUS_ORDER.map((s) => (
        <div key={s} className={`stat-card stat-${s}`}>
          <span className="stat-label">{t(`status.${s}`)}</span>
          <span className="stat-value" data-testid={`total-${s}`}>
            {items[s]}
          </span>
        </div>
      ))}
      <div className="stat-card">
        <span className="stat-label">{t('rollup.total.milestones')}</span>
        <span className="stat-value" data-testid="total-milestones">
          {percent(rates.done)}
        </span>
        <span className="stat-hint">
          {milestones.dueDone}/{milestones.due}
        </span>
      </div>
      <div className="stat-card">
        <span className="stat-label">{t('rollup.total.reports')}</span>
        <span className="stat-value" data-testid="total-reports">
          {percent(rates.reports)}
        </span>
        <span className="stat-hint">
          {reports.onTime}/{reports.due}
        </span>
      </div>
    </section>
  );
}
