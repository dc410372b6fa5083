/** 较上期: a rank's change since the previous period's due date, as the scoreboard shows it. */
import { useI18n } from '../i18n';

export function RankChange({ rank, previous }: { rank: number | null; previous: number | null }) {
  const { t } = useI18n();
  if (rank === null) return <span className="muted">—</span>;
  if (previous === null) {
    return <span aria-label={t('scoreboard.change.newLabel')}>{t('scoreboard.change.new')}</span>;
  }
  const n = previous - rank;
  if (n > 0) {
    return (
      <span className="rank-up" aria-label={t('scoreboard.change.upLabel', { n })}>
        {t('scoreboard.change.up', { n })}
      </span>
    );
  }
  if (n < 0) {
    return (
      <span className="rank-down" aria-label={t('scoreboard.change.downLabel', { n: -n })}>
        {t('scoreboard.change.down', { n: -n })}
      </span>
    );
  }
  return <span aria-label={t('scoreboard.change.sameLabel')}>{t('scoreboard.change.same')}</span>;
}
