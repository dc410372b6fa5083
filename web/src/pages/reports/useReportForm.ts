/**
 * The report form's state and its conversations with the server: load the report (or none yet)
 * and the item it reports on, save, submit, return, approve, and the 409 path — a stale write
 * keeps the user's draft, says so, and on request merges it onto the latest version.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App } from 'antd';
import { api, ApiError } from '../../api/client';
import type { ItemDetail, ItemList, Report, ReportContent, SaveReportBody } from '../../api/types';
import { todayIso } from '../../i18n/format';
import {
  contentOf,
  draftOf,
  isDirty,
  mergeDrafts,
  slotOfField,
  takeTheirs,
  type Conflict,
  type Draft,
  type ItemShape,
  type Slot,
} from './report-draft';

export interface Base {
  content: ReportContent;
  revision: number;
}

export interface Merged {
  revision: number;
  by: string;
  at: string;
}

export type Busy = 'save' | 'submit' | 'return' | 'approve' | 'reload' | null;

function shapeOf(item: ItemDetail): ItemShape {
  return {
    milestones: item.milestones.length,
    targets: item.targets.map((t) => ({ unit: t.unit, value: t.value })),
    achievements: item.achievements.length,
  };
}

function notFound(e: unknown): null {
  if (e instanceof ApiError && e.status === 404) return null;
  throw e;
}

function sameContent(a: ReportContent, b: ReportContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function findItemNumber(itemKey: string, signal: AbortSignal): Promise<number | null> {
  const list = await api.get<ItemList>('/items', { pageSize: 200 }, { signal });
  return list.items.find((i) => i.itemKey === itemKey)?.number ?? null;
}

export function useReportForm(itemKey: string, period: string, numberHint: number | null) {
  const { message } = App.useApp();
  const path = `/reports/by-item/${encodeURIComponent(itemKey)}/${encodeURIComponent(period)}`;
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [base, setBase] = useState<Base | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [theirs, setTheirs] = useState<ReportContent | null>(null);
  const [merged, setMerged] = useState<Merged | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const today = todayIso();
  const shape = useMemo(() => (item ? shapeOf(item) : null), [item]);

  useEffect(() => {
    const ctl = new AbortController();
    const { signal } = ctl;
    setLoading(true);
    (async () => {
      const found = await api.get<Report>(path, undefined, { signal, quiet: true }).catch(notFound);
      const number = found?.itemNumber ?? numberHint ?? (await findItemNumber(itemKey, signal));
      if (number === null) throw new ApiError(404, 'not_found', itemKey);
      const detail = await api.get<ItemDetail>(`/items/${number}`, undefined, { signal, quiet: true });
      if (signal.aborted) return;
      setItem(detail);
      setReport(found);
      setBase(found ? { content: found.content, revision: found.revision } : null);
      setDraft(draftOf(found?.content ?? null, shapeOf(detail)));
      setErrors({});
      setStale(null);
      setConflicts([]);
      setMerged(null);
      setLoadError(null);
    })()
      .catch((e: Error) => !signal.aborted && setLoadError(e))
      .finally(() => !signal.aborted && setLoading(false));
    return () => ctl.abort();
  }, [path, itemKey, numberHint]);

  const dirty = draft !== null && isDirty(draft, base?.content ?? null, today);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** A version the server answered with becomes the base; the draft the user sees stays. */
  const accept = useCallback((r: Report) => {
    setReport(r);
    setBase({ content: r.content, revision: r.revision });
    setErrors({});
    setFormError(null);
  }, []);

  const fail = useCallback(
    (e: unknown) => {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 409) {
        setStale(e.message);
      } else if (e.status === 400 && e.field) {
        setErrors({ [e.field]: e.message });
        setFormError(e.message);
      } else {
        void message.error(e.message);
      }
    },
    [message],
  );

  const run = useCallback(
    async <T>(what: Exclude<Busy, null>, job: () => Promise<T>): Promise<T | null> => {
      setBusy(what);
      try {
        return await job();
      } catch (e) {
        fail(e);
        return null;
      } finally {
        setBusy(null);
      }
    },
    [fail],
  );

  const put = async (): Promise<Report> => {
    const body: SaveReportBody = { ...contentOf(draft!, today), revision: base?.revision ?? null };
    const r = await api.put<Report>(path, body, { quiet: true });
    accept(r);
    return r;
  };

  const save = () => run('save', put);

  const submit = () =>
    run('submit', async () => {
      // Unsaved edits are saved first: what is submitted is what the user sees.
      const saved = !report || dirty ? await put() : null;
      const id = saved?.id ?? report!.id;
      const revision = saved?.revision ?? base?.revision ?? report!.revision;
      const r = await api.post<Report>(`/reports/${id}/submit`, { revision }, { quiet: true });
      accept(r);
      return r;
    });

  const review = (action: 'return' | 'approve', comment?: string) =>
    run(action, async () => {
      const r = await api.post<Report>(
        `/reports/${report!.id}/${action}`,
        { revision: base?.revision ?? report!.revision, ...(comment === undefined ? {} : { comment }) },
        { quiet: true },
      );
      accept(r);
      return r;
    });

  /** After a 409: the latest version, with the user's edits carried over onto it. */
  const loadLatest = () =>
    run('reload', async () => {
      const latest = await api.get<Report>(path, undefined, { quiet: true });
      const result = mergeDrafts(base?.content ?? null, draft!, latest.content, shape!, today);
      setReport(latest);
      setBase({ content: latest.content, revision: latest.revision });
      setDraft(result.draft);
      setConflicts(result.conflicts);
      setTheirs(latest.content);
      setMerged({ revision: latest.revision, by: latest.updatedBy, at: latest.updatedAt });
      setStale(null);
      return latest;
    });

  /**
   * Evidence, contributions and events changed by a side action: show them; take the new revision
   * only if the content is still what the draft was based on (otherwise the next save says 409).
   */
  const refresh = useCallback(async () => {
    const latest = await api.get<Report>(path, undefined, { quiet: true }).catch(notFound);
    if (!latest) return;
    setReport(latest);
    setBase((b) =>
      b === null || sameContent(b.content, latest.content)
        ? { content: latest.content, revision: latest.revision }
        : b,
    );
  }, [path]);

  const edit = useCallback((update: (d: Draft) => Draft, slot?: Slot) => {
    setDraft((d) => (d ? update(d) : d));
    if (slot) {
      setErrors((errs) => {
        const keys = Object.keys(errs).filter((k) => slotOfField(k) === slot);
        if (keys.length === 0) return errs;
        const next = { ...errs };
        for (const k of keys) delete next[k];
        return next;
      });
    }
  }, []);

  const resolve = (slot: Slot, choice: 'mine' | 'theirs') => {
    if (choice === 'theirs' && theirs && shape) setDraft((d) => (d ? takeTheirs(d, theirs, shape, slot) : d));
    setConflicts((cs) => cs.filter((c) => c.slot !== slot));
  };

  return {
    item,
    report,
    base,
    draft,
    shape,
    loading,
    loadError,
    errors,
    formError,
    stale,
    conflicts,
    merged,
    busy,
    dirty,
    edit,
    save,
    submit,
    review,
    loadLatest,
    refresh,
    resolve,
    dismissMerged: () => setMerged(null),
  };
}

export type ReportForm = ReturnType<typeof useReportForm>;
