/** The formula in words, built from the weights the API scores with (never a second copy of them). */
import { Card } from 'antd';
import type { Scoreboard } from '../../api/types';
import { useI18n } from '../../i18n';
import { periodLabel } from './period';

export function FormulaCard({ board }: { board: Scoreboard }) {
  const i18n = useI18n();
  const { t } = i18n;
  const w = board.weights;
  return (
    <Card size="small" title={<h2>{t('scoreboard.formula.title')}</h2>} data-testid="score-formula">
      <p>
        <strong>
          {t('scoreboard.formula.score', {
            done: w.done,
            onTime: w.onTime,
            reports: w.reports,
            penalty: w.returnedPenalty,
          })}
        </strong>
      </p>
      <ul className="formula-list">
        <li>{t('scoreboard.formula.done', { w: w.done })}</li>
        <li>{t('scoreboard.formula.onTime', { w: w.onTime })}</li>
        <li>{t('scoreboard.formula.reports', { w: w.reports })}</li>
        <li>{t('scoreboard.formula.returned', { w: w.returnedPenalty })}</li>
        <li>{t('scoreboard.formula.missing')}</li>
        <li>{t('scoreboard.formula.due')}</li>
        <li>
          {board.reportingFrom
            ? t('scoreboard.formula.owed', { from: periodLabel(board.reportingFrom, i18n) })
            : t('scoreboard.formula.notYet')}
        </li>
        <li>{t('scoreboard.formula.ties')}</li>
      </ul>
    </Card>
  );
}
