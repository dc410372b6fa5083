/**
 * 配合单位情况: what each co-unit says about its share of the work. Read-only for the lead unit
 * and the office; the co-unit's reporter edits its own. A stale save (someone of the same unit
 * saved in between) keeps the typed text and shows the other version beside it.
 */
import { Alert, App, Button, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../api/client';
import type { Contribution, Report } from '../../../api/types';
import { useI18n } from '../../../i18n';
import { momentText } from '../format';

function ContributionEditor({
  report,
  unitId,
  onSaved,
}: {
  report: Report;
  unitId: string | null;
  onSaved: () => Promise<void>;
}) {
  const i18n = useI18n();
  const { message } = App.useApp();
  const own = report.contributions.find((c) => c.unit.id === unitId);
  const { t } = i18n;
  const [text, setText] = useState(own?.narrative ?? '');
  const [revision, setRevision] = useState<number | null>(own?.revision ?? null);
  const [saved, setSaved] = useState(own?.narrative ?? '');
  const [stale, setStale] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<Contribution | null>(null);
  const [busy, setBusy] = useState(false);

  // A newer version arriving while nothing is typed simply replaces the text.
  useEffect(() => {
    if (!own || own.revision === revision || stale || theirs) return;
    if (text === saved) {
      setText(own.narrative);
      setSaved(own.narrative);
      setRevision(own.revision);
    }
  }, [own, revision, text, saved, stale, theirs]);

  const save = async () => {
    setBusy(true);
    try {
      await api.put(`/reports/${report.id}/contribution`, { narrative: text, revision }, { quiet: true });
      setSaved(text);
      setTheirs(null);
      await onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setStale(e.message);
      else void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const loadLatest = async () => {
    const latest = await api.get<Report>(
      `/reports/by-item/${encodeURIComponent(report.itemKey)}/${encodeURIComponent(report.period)}`,
    );
    const current = latest.contributions.find((c) => c.unit.id === unitId);
    setTheirs(current ?? null);
    setRevision(current?.revision ?? null);
    setSaved(current?.narrative ?? '');
    setStale(null);
    await onSaved();
  };

  const dirty = text !== saved;
  return (
    <div className="contribution-editor" data-testid="contribution-editor">
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('contribution.stale')}
          description={stale}
          action={
            <Button size="small" onClick={() => void loadLatest()}>
              {t('report.loadLatest')}
            </Button>
          }
        />
      )}
      {theirs && (
        <Alert
          type="info"
          showIcon
          title={t('contribution.theirs', { who: theirs.updatedBy, at: momentText(theirs.updatedAt, i18n) })}
          description={<div className="conflict-theirs">{theirs.narrative || t('report.conflictEmpty')}</div>}
          action={
            <Space orientation="vertical" size={4}>
              <Button size="small" onClick={() => (setText(theirs.narrative), setTheirs(null))}>
                {t('report.takeTheirs')}
              </Button>
              <Button size="small" type="primary" onClick={() => setTheirs(null)}>
                {t('report.keepMine')}
              </Button>
            </Space>
          }
        />
      )}
      <label className="block-field">
        <span>{t('contribution.mine')}</span>
        <Input.TextArea
          value={text}
          autoSize={{ minRows: 3, maxRows: 12 }}
          maxLength={20000}
          aria-label={t('contribution.mine')}
          data-testid="contribution-text"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <Button
        type="primary"
        loading={busy}
        disabled={!dirty}
        onClick={() => void save()}
        data-testid="contribution-save"
      >
        {t('contribution.save')}
      </Button>
    </div>
  );
}

export function ContributionsCard({
  report,
  unitId,
  canContribute,
  onSaved,
}: {
  report: Report | null;
  /** The signed-in reporter's unit. */
  unitId: string | null;
  canContribute: boolean;
  onSaved: () => Promise<void>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!report) return <p className="muted">{t('contribution.notStarted')}</p>;
  const others = report.contributions.filter((c) => c.unit.id !== unitId || !canContribute);
  return (
    <div data-testid="contributions">
      {others.length === 0 && !canContribute && <p className="muted">{t('contribution.none')}</p>}
      <ul className="contribution-list">
        {others.map((c) => (
          <li key={c.unit.id}>
            <strong>{c.unit.name}</strong>
            <span className="muted">
              {' '}
              · {c.updatedBy} · {momentText(c.updatedAt, i18n)}
            </span>
            <p className="contribution-text">{c.narrative}</p>
          </li>
        ))}
      </ul>
      {canContribute && <ContributionEditor report={report} unitId={unitId} onSaved={onSaved} />}
    </div>
  );
}
