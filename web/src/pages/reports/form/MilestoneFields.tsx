/** 时间节点: for each milestone of the item, done (on a date), in progress (percent) or at risk (why). */
import { Button, InputNumber, Input, Radio } from 'antd';
import type { ItemDetail } from '../../../api/types';
import { StatusTag } from '../../../components/StatusTag';
import { useI18n } from '../../../i18n';
import { usePhone } from '../../../hooks/usePhone';
import { MILESTONE_STATES, type Draft, type MilestoneDraft, type Slot } from '../report-draft';
import { ConflictInline, type ConflictProps } from './ConflictInline';
import { FieldError, errorProps } from './FieldError';
import { DateField } from './DateField';

export interface SectionProps {
  draft: Draft;
  errors: Record<string, string>;
  disabled: boolean;
  conflicts: Map<Slot, { entry: unknown }>;
  onEdit: (update: (d: Draft) => Draft, slot: Slot) => void;
  onResolve: ConflictProps['onResolve'];
}

/**
 * On a phone a choice is a row of full-width buttons (44 px tall, a thumb's width each) rather
 * than small round radios.
 */
export function usePhoneFields() {
  const phone = usePhone();
  return {
    radio: phone ? ({ optionType: 'button', buttonStyle: 'solid', block: true } as const) : {},
  };
}

export function MilestoneFields({
  milestones,
  draft,
  errors,
  disabled,
  conflicts,
  onEdit,
  onResolve,
}: SectionProps & { milestones: ItemDetail['milestones'] }) {
  const { t, date } = useI18n();
  const phoneFields = usePhoneFields();
  if (milestones.length === 0) return <p className="muted">{t('item.noMilestones')}</p>;
  return (
    <ol className="report-slots">
      {milestones.map((m, i) => {
        const slot: Slot = `milestones.${i}`;
        const d = draft.milestones[i]!;
        const f = (name: string) => `${slot}.${name}`;
        const set = (patch: Partial<MilestoneDraft>) =>
          onEdit(
            (dr) => ({
              ...dr,
              milestones: dr.milestones.map((x, j) => (j === i ? { ...x, ...patch } : x)),
            }),
            slot,
          );
        return (
          <li
            key={i}
            className={conflicts.has(slot) ? 'report-slot has-conflict' : 'report-slot'}
            data-testid={`milestone-entry-${i}`}
          >
            <div className="slot-head">
              <time dateTime={m.deadline}>{date(m.deadline)}</time> <StatusTag status={m.status} />
              <span className="slot-text">{m.text}</span>
            </div>
            <div className="slot-fields">
              <Radio.Group
                value={d.state}
                disabled={disabled}
                aria-label={t('report.milestoneState')}
                onChange={(e) => set({ state: e.target.value as MilestoneDraft['state'] })}
                options={MILESTONE_STATES.map((s) => ({ value: s, label: t(`report.state.${s}`) }))}
                data-testid={`milestone-state-${i}`}
                {...phoneFields.radio}
              />
              {d.state === 'done' && (
                <label className="inline-field">
                  <span>{t('report.doneOn')}</span>
                  <DateField
                    value={d.doneOn}
                    disabled={disabled}
                    label={t('report.doneOn')}
                    testId={`milestone-doneOn-${i}`}
                    onChange={(doneOn) => set({ doneOn })}
                    {...errorProps(f('doneOn'), errors)}
                  />
                </label>
              )}
              {d.state === 'in_progress' && (
                <label className="inline-field">
                  <span>{t('report.percent')}</span>
                  <InputNumber
                    min={0}
                    max={100}
                    value={d.percent}
                    disabled={disabled}
                    suffix="%"
                    className="field-percent"
                    aria-label={t('report.percent')}
                    onChange={(v) => set({ percent: typeof v === 'number' ? v : null })}
                    {...errorProps(f('percent'), errors)}
                  />
                </label>
              )}
              {d.state !== null && !disabled && (
                <Button type="link" size="small" onClick={() => set({ state: null })}>
                  {t('report.clear')}
                </Button>
              )}
            </div>
            {d.state === 'at_risk' && (
              <label className="block-field">
                <span className="required">{t('report.reason')}</span>
                <Input.TextArea
                  value={d.reason}
                  disabled={disabled}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={2000}
                  aria-label={t('report.reason')}
                  data-testid={`milestone-reason-${i}`}
                  onChange={(e) => set({ reason: e.target.value })}
                  {...errorProps(f('reason'), errors)}
                />
              </label>
            )}
            {['state', 'doneOn', 'percent', 'reason'].map((n) => (
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
