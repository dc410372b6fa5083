/**
 * 量化指标: the actual value of each target, in the target's unit or a convertible one (万元 for a
 * 元 target; any other unit may be typed, and the server says when it does not convert), as of a
 * date; what it comes to in the target's unit is shown as the user types.
 */
import { AutoComplete, Input } from 'antd';
import type { ItemDetail } from '../../../api/types';
import { convertValue, convertibleUnits } from '../../../../../src/domain/reporting/unit-conversion';
import { StatusTag } from '../../../components/StatusTag';
import { useI18n } from '../../../i18n';
import type { Slot, TargetDraft } from '../report-draft';
import { ConflictInline } from './ConflictInline';
import { FieldError, errorProps } from './FieldError';
import { type SectionProps } from './MilestoneFields';
import { DateField } from './DateField';

const OP: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };

function converted(d: TargetDraft, unit: string): number | null {
  if (d.actual.trim() === '') return null;
  try {
    return convertValue(d.actual, d.unit, unit);
  } catch {
    return null;
  }
}

export function TargetFields({
  targets,
  draft,
  errors,
  disabled,
  conflicts,
  onEdit,
  onResolve,
}: SectionProps & { targets: ItemDetail['targets'] }) {
  const { t, date, value } = useI18n();
  if (targets.length === 0) return <p className="muted">{t('item.noTargets')}</p>;
  return (
    <ol className="report-slots">
      {targets.map((tg, i) => {
        const slot: Slot = `targets.${i}`;
        const d = draft.targets[i]!;
        const f = (name: string) => `${slot}.${name}`;
        const set = (patch: Partial<TargetDraft>) =>
          onEdit(
            (dr) => ({ ...dr, targets: dr.targets.map((x, j) => (j === i ? { ...x, ...patch } : x)) }),
            slot,
          );
        const inTargetUnit = converted(d, tg.unit);
        return (
          <li
            key={i}
            className={conflicts.has(slot) ? 'report-slot has-conflict' : 'report-slot'}
            data-testid={`target-entry-${i}`}
          >
            <div className="slot-head">
              <strong>{tg.metric}</strong>{' '}
              <span className="nowrap">
                {tg.value === null
                  ? t('target.blank')
                  : t('report.targetGoal', { goal: `${OP[tg.op] ?? tg.op} ${value(tg.value, tg.unit)}` })}
              </span>
              {tg.deadline && <span className="muted"> · {date(tg.deadline)}</span>}{' '}
              <StatusTag status={tg.status} />
            </div>
            <div className="slot-fields target-fields">
              <label className="inline-field">
                <span>{t('report.actual')}</span>
                <Input
                  value={d.actual}
                  disabled={disabled}
                  inputMode="decimal"
                  className="field-actual"
                  aria-label={t('report.actual')}
                  data-testid={`target-actual-${i}`}
                  onChange={(e) => set({ actual: e.target.value })}
                  {...errorProps(f('actual'), errors)}
                />
              </label>
              <label className="inline-field">
                <span>{t('target.unit')}</span>
                <AutoComplete
                  value={d.unit}
                  disabled={disabled}
                  className="field-unit"
                  options={convertibleUnits(tg.unit).map((u) => ({ value: u }))}
                  aria-label={t('target.unit')}
                  onChange={(u: string) => set({ unit: u })}
                  {...errorProps(f('unit'), errors)}
                />
              </label>
              <label className="inline-field">
                <span>{t('report.reportedOn')}</span>
                <DateField
                  value={d.reportedOn}
                  disabled={disabled}
                  placeholder={t('report.reportedOnDefault')}
                  label={t('report.reportedOn')}
                  onChange={(reportedOn) => set({ reportedOn })}
                  {...errorProps(f('reportedOn'), errors)}
                />
              </label>
              {inTargetUnit !== null && d.unit !== tg.unit && (
                <span className="muted">
                  {t('report.converted', { value: value(inTargetUnit, tg.unit) })}
                </span>
              )}
            </div>
            {['actual', 'unit', 'reportedOn'].map((n) => (
              <FieldError key={n} field={f(n)} errors={errors} />
            ))}
            <FieldError field={slot} errors={errors} />
            <ConflictInline slot={slot} theirs={conflicts.get(slot)} onResolve={onResolve} />
          </li>
        );
      })}
    </ol>
  );
}
