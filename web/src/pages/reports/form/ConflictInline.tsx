/**
 * After a 409 and a merge: where the other person wrote something else in the same place, their
 * version beside the user's, and the choice of which to keep.
 */
import { Alert, Button, Space } from 'antd';
import { useI18n, type I18n } from '../../../i18n';
import type { ReportContent } from '../../../api/types';
import type { Slot } from '../report-draft';

type Entry<K extends 'milestones' | 'targets' | 'achievements'> = ReportContent[K][number];

/** An entry as one line of text (the other person's version of a slot). */
export function describeEntry(slot: Slot, entry: unknown, i18n: Pick<I18n, 't' | 'date'>): string {
  const { t, date } = i18n;
  if (slot === 'narrative') return (entry as string) || t('report.conflictEmpty');
  if (entry === null || entry === undefined) return t('report.notReported');
  if (slot.startsWith('milestones.')) {
    const m = entry as NonNullable<Entry<'milestones'>>;
    if (m.state === 'done') return t('report.describeDone', { date: date(m.doneOn) || '—' });
    if (m.state === 'in_progress') return t('report.describeProgress', { percent: m.percent ?? '—' });
    return t('report.describeRisk', { reason: m.reason ?? '' });
  }
  if (slot.startsWith('targets.')) {
    const v = entry as NonNullable<Entry<'targets'>>;
    return t('report.describeActual', { actual: String(v.actual), unit: v.unit, date: date(v.reportedOn) });
  }
  const a = entry as NonNullable<Entry<'achievements'>>;
  return a.reached
    ? t('report.describeReached', { date: date(a.reachedOn) || '—', evidence: a.evidence ?? '' })
    : t('report.describeNotReached');
}

export interface ConflictProps {
  slot: Slot;
  /** The other person's entry, when this slot is in conflict. */
  theirs: { entry: unknown } | undefined;
  onResolve: (slot: Slot, choice: 'mine' | 'theirs') => void;
}

export function ConflictInline({ slot, theirs, onResolve }: ConflictProps) {
  const i18n = useI18n();
  if (!theirs) return null;
  return (
    <Alert
      className="slot-conflict"
      type="warning"
      showIcon
      data-testid={`conflict-${slot}`}
      title={i18n.t('report.conflictTheirs')}
      description={<div className="conflict-theirs">{describeEntry(slot, theirs.entry, i18n)}</div>}
      action={
        <Space orientation="vertical" size={4}>
          <Button size="small" onClick={() => onResolve(slot, 'theirs')}>
            {i18n.t('report.takeTheirs')}
          </Button>
          <Button size="small" type="primary" onClick={() => onResolve(slot, 'mine')}>
            {i18n.t('report.keepMine')}
          </Button>
        </Space>
      }
    />
  );
}
