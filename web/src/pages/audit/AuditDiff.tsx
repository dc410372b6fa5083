/**
 * One audit entry's before → after, field by field: changed fields marked (colour and a word, so
 * it does not rest on colour alone), unchanged ones hidden behind a toggle, long values (a whole
 * item, a plan) collapsed to their first characters until asked for.
 */
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { auditDiff, type FieldChange } from '../../../../src/domain/audit-diff';
import type { AuditEntry } from '../../api/types';
import { useI18n } from '../../i18n';

/** Longer values are collapsed to this many characters. */
const COLLAPSE_AT = 160;

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t, has } = useI18n();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const fields = auditDiff(entry.before, entry.after);
  if (fields.length === 0) return <p className="audit-diff-none">{t('audit.diff.none')}</p>;
  // A create has no "before", a delete no "after": one column of values, nothing to compare.
  const sides: ('before' | 'after')[] =
    entry.before == null ? ['after'] : entry.after == null ? ['before'] : ['before', 'after'];
  const compare = sides.length === 2;
  const unchanged = compare ? fields.filter((f) => !f.changed).length : 0;
  const shown = compare && !showUnchanged ? fields.filter((f) => f.changed) : fields;
  const fieldName = (f: FieldChange) => {
    if (f.field === '') return t('audit.diff.value');
    const key = `audit.field.${f.field}`;
    return has(key) ? t(key) : f.field;
  };
  return (
    <div className={`audit-diff ${compare ? 'is-compare' : 'is-single'}`} data-testid="audit-diff">
      <table aria-label={t('audit.diff.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('audit.diff.field')}</th>
            {compare ? (
              <>
                <th scope="col">{t('audit.diff.before')}</th>
                <th scope="col" aria-hidden="true" />
                <th scope="col">{t('audit.diff.after')}</th>
              </>
            ) : (
              <th scope="col">{t(`audit.diff.${sides[0]!}`)}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={f.field} className={compare && f.changed ? 'audit-diff-changed' : 'audit-diff-same'}>
              <th scope="row">
                <span title={f.field}>{fieldName(f)}</span>
                {compare && f.changed && (
                  <Tag color="orange" className="audit-diff-tag">
                    {t('audit.diff.changed')}
                  </Tag>
                )}
              </th>
              {compare ? (
                <>
                  <td className="audit-diff-before">
                    <Value value={f.before} />
                  </td>
                  <td className="audit-diff-arrow" aria-hidden="true">
                    {f.changed ? '→' : '='}
                  </td>
                  <td className="audit-diff-after">
                    <Value value={f.after} />
                  </td>
                </>
              ) : (
                <td>
                  <Value value={f[sides[0]!]} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {unchanged > 0 && (
        <Button type="link" size="small" onClick={() => setShowUnchanged((v) => !v)}>
          {showUnchanged ? t('audit.diff.hideUnchanged') : t('audit.diff.unchanged', { n: unchanged })}
        </Button>
      )}
    </div>
  );
}

function Value({ value }: { value: unknown }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (value === undefined) return <span className="audit-diff-absent">{t('audit.diff.absent')}</span>;
  if (value === null || value === '')
    return <span className="audit-diff-absent">{t('audit.diff.null')}</span>;
  if (typeof value === 'boolean') return <span>{t(value ? 'audit.diff.yes' : 'audit.diff.no')}</span>;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const structured = typeof value === 'object';
  if (text.length <= COLLAPSE_AT) {
    return structured ? (
      <pre className="audit-diff-json">{text}</pre>
    ) : (
      <span className="audit-diff-text">{text}</span>
    );
  }
  const shown = open ? text : `${(structured ? JSON.stringify(value) : text).slice(0, COLLAPSE_AT)}…`;
  return (
    <>
      {structured && open ? (
        <pre className="audit-diff-json">{shown}</pre>
      ) : (
        <span className="audit-diff-text">{shown}</span>
      )}
      <Button type="link" size="small" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
        {open ? t('audit.diff.less') : t('audit.diff.more', { n: text.length })}
      </Button>
    </>
  );
}
