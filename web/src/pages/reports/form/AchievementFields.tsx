/** 标志性成果: each one reached (on a date, with what shows it) or not yet. */
import { Button, Input, Radio } from 'antd';
import { useI18n } from '../../../i18n';
import type { AchievementDraft, Slot } from '../report-draft';
import { ConflictInline } from './ConflictInline';
import { FieldError, errorProps } from './FieldError';
import { usePhoneFields, type SectionProps } from './MilestoneFields';
import { DateField } from './DateField';

export function AchievementFields({
  achievements,
  draft,
  errors,
  disabled,
  conflicts,
  onEdit,
  onResolve,
}: SectionProps & { achievements: string[] }) {
  const { t } = useI18n();
  const phoneFields = usePhoneFields();
  if (achievements.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <ol className="report-slots">
      {achievements.map((text, i) => {
        const slot: Slot = `achievements.${i}`;
        const d = draft.achievements[i]!;
        const f = (name: string) => `${slot}.${name}`;
        const set = (patch: Partial<AchievementDraft>) =>
          onEdit(
            (dr) => ({
              ...dr,
              achievements: dr.achievements.map((x, j) => (j === i ? { ...x, ...patch } : x)),
            }),
            slot,
          );
        return (
          <li
            key={i}
            className={conflicts.has(slot) ? 'report-slot has-conflict' : 'report-slot'}
            data-testid={`achievement-entry-${i}`}
          >
            <div className="slot-head">
              <span className="slot-text">{text}</span>
            </div>
            <div className="slot-fields">
              <Radio.Group
                value={d.reached}
                disabled={disabled}
                aria-label={t('report.achievementState')}
                onChange={(e) => set({ reached: e.target.value as boolean })}
                options={[
                  { value: false, label: t('report.notReached') },
                  { value: true, label: t('report.reached') },
                ]}
                {...phoneFields.radio}
              />
              {d.reached && (
                <label className="inline-field">
                  <span>{t('report.reachedOn')}</span>
                  <DateField
                    value={d.reachedOn}
                    disabled={disabled}
                    label={t('report.reachedOn')}
                    onChange={(reachedOn) => set({ reachedOn })}
                    {...errorProps(f('reachedOn'), errors)}
                  />
                </label>
              )}
              {d.reached !== null && !disabled && (
                <Button type="link" size="small" onClick={() => set({ reached: null })}>
                  {t('report.clear')}
                </Button>
              )}
            </div>
            {d.reached && (
              <label className="block-field">
                <span className="required">{t('report.achievementEvidence')}</span>
                <Input.TextArea
                  value={d.evidence}
                  disabled={disabled}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={2000}
                  placeholder={t('report.achievementEvidenceHint')}
                  aria-label={t('report.achievementEvidence')}
                  onChange={(e) => set({ evidence: e.target.value })}
                  {...errorProps(f('evidence'), errors)}
                />
              </label>
            )}
            {['reached', 'reachedOn', 'evidence'].map((n) => (
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
