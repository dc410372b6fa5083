/**
 * The report form's state and its conversations with the server: load the report (or none yet)
 * and the item it reports on, save, submit, return, approve, and the 409 path — a stale write
 * keeps the user's draft, says so, and on request merges it onto the latest version.
 *
 * Nothing typed is lost when the connection drops: every change is kept on this device
 * (local-draft.ts) until the server has it, offered back when the page is opened again, and
 * saved to the server by itself a few seconds after the user stops typing, when online
 * (useAutosave.ts). Offline, saving and submitting say so and keep the local copy.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App } from 'antd';
import { api, ApiError } from '../../api/client';
import type { ItemDetail, Report, ReportContent, SaveReportBody } from '../../api/types';
import { reportPermissions } from '../../../../src/domain/reporting/report-access';
import { todayIso } from '../../i18n/format';
import { useI18n } from '../../i18n';
import { isOnline } from '../../hooks/useOnline';
import { keepForOffline } from '../../app/offline-shell';
import { browserStorage } from './browser-storage';
import {
  differsFromServer,
  localDraftKey,
  readLocalDraft,
  removeLocalDraft,
  restoreLocalDraft,
  writeLocalDraft,
  type LocalDraft,
} from './local-draft';
import { useAutosave } from './useAutosave';
import { findItemNumber, notFound, sameContent, shapeOf, unitsOf } from './report-form-support';
import {
  contentOf,
  draftOf,
  isDirty,
  mergeDrafts,
  slotOfField,
  takeTheirs,
  type Conflict,
  type Draft,
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

/** Who is typing: the local copy is theirs alone; what they may write decides autosaving. */
export interface FormOwner {
  orgId: string;
  userId: string;
  role: 'admin' | 'reporter' | 'viewer';
  unitId: string | null;
}

export function useReportForm(itemKey: string, period: string, numberHint: number | null, owner: FormOwner) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const path = `/reports/by-item/${encodeURIComponent(itemKey)}/${encodeURIComponent(period)}`;
  const { orgId, userId, role, unitId } = owner;
  const storageKey = localDraftKey({ orgId, userId }, itemKey, period);
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
  /** The local copy found on opening, until the user restores or discards it. */
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  /** The storage key the loaded draft belongs to (none while another report is loading). */
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  /** Is what the user typed safe on this device? If not, leaving the page warns. */
  const keptLocally = useRef(false);
  /** The revision every write names: a ref, so a save right after an autosave names the new one. */
  const baseRef = useRef<Base | null>(null);
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
      const serverBase = found ? { content: found.content, revision: found.revision } : null;
      // A copy left on this device (the connection dropped, the page was closed) is offered back,
      // unless the server already has every word of it.
      const storage = browserStorage();
      const local = readLocalDraft(storage, storageKey, shapeOf(detail));
      if (local && !differsFromServer(local, found?.content ?? null, todayIso())) {
        removeLocalDraft(storage, storageKey);
      }
      setItem(detail);
      setReport(found);
      baseRef.current = serverBase;
      setBase(serverBase);
      setDraft(draftOf(found?.content ?? null, shapeOf(detail)));
      setOffer(local && differsFromServer(local, found?.content ?? null, todayIso()) ? local : null);
      setLoadedKey(storageKey);
      setErrors({});
      setStale(null);
      setConflicts([]);
      setMerged(null);
      setLoadError(null);
    })()
      .catch((e: Error) => !signal.aborted && setLoadError(e))
      .finally(() => !signal.aborted && setLoading(false));
    return () => {
      ctl.abort();
      setLoadedKey(null);
    };
  }, [path, itemKey, numberHint, storageKey]);

  const dirty = draft !== null && isDirty(draft, base?.content ?? null, today);

  // Every change is kept on this device until the server has it; then the copy goes.
  useEffect(() => {
    if (!draft || loadedKey !== storageKey || offer) return;
    const storage = browserStorage();
    if (dirty) {
      keptLocally.current = writeLocalDraft(storage, storageKey, {
        v: 1,
        baseRevision: base?.revision ?? null,
        baseContent: base?.content ?? null,
        draft,
        savedAt: new Date().toISOString(),
      });
    } else {
      removeLocalDraft(storage, storageKey);
    }
  }, [draft, base, dirty, offer, loadedKey, storageKey]);

  // Leaving warns only when leaving would lose something: unsaved and not kept on this device.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      if (!keptLocally.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** A version the server answered with becomes the base; the draft the user sees stays. */
  const accept = useCallback(
    (r: Report) => {
      keepForOffline(path, r);
      setReport(r);
      baseRef.current = { content: r.content, revision: r.revision };
      setBase(baseRef.current);
      setErrors({});
      setFormError(null);
    },
    [path],
  );

  const fail = useCallback(
    (e: unknown) => {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 409) {
        setStale(e.message);
      } else if (e.status === 400 && e.field) {
        setErrors({ [e.field]: e.message });
        setFormError(e.message);
      } else if (e.status === 0) {
        // The connection dropped on the way: the typing is on this device, say so plainly.
        void message.warning(t('draft.networkKept'));
      } else {
        void message.error(e.message);
      }
    },
    [message, t],
  );

  const editable =
    item !== null &&
    (report ? report.can.edit : reportPermissions({ role, unitId }, unitsOf(item), null).edit);
  const autosave = useAutosave({
    path,
    draft,
    today,
    baseRef,
    accept,
    onStale: setStale,
    enabled: editable && dirty && busy === null && !stale && !offer && conflicts.length === 0,
  });

  const run = useCallback(
    async <T>(what: Exclude<Busy, null>, job: () => Promise<T>): Promise<T | null> => {
      setBusy(what);
      try {
        // An autosave on its way finishes first: this write then names the revision it made.
        await autosave.settled();
        return await job();
      } catch (e) {
        fail(e);
        return null;
      } finally {
        setBusy(null);
      }
    },
    [fail, autosave],
  );

  const put = async (): Promise<Report> => {
    const revision = baseRef.current?.revision ?? null;
    const body: SaveReportBody = { ...contentOf(draft!, today), revision };
    const r = await api.put<Report>(path, body, { quiet: true });
    accept(r);
    return r;
  };

  /** Offline nothing is sent: the user hears why, and the copy on this device stays. */
  const offline = (key: 'draft.offlineSave' | 'draft.offlineSubmit'): boolean => {
    if (isOnline()) return false;
    void message.warning(t(key));
    return true;
  };

  const save = () =>
    offline('draft.offlineSave')
      ? Promise.resolve(null)
      : run('save', async () => {
          // Pressed just after the autosave got there: already saved, nothing to send.
          const current = baseRef.current;
          if (report && current && !isDirty(draft!, current.content, today)) {
            autosave.acknowledge();
            return report;
          }
          return put();
        });

  const submit = () =>
    offline('draft.offlineSubmit')
      ? Promise.resolve(null)
      : run('submit', async () => {
          // Unsaved edits are saved first: what is submitted is what the user sees.
          const current = baseRef.current;
          const saved = current === null || isDirty(draft!, current.content, today) ? await put() : null;
          const id = saved?.id ?? report!.id;
          const revision = saved?.revision ?? baseRef.current?.revision ?? report!.revision;
          const r = await api.post<Report>(`/reports/${id}/submit`, { revision }, { quiet: true });
          accept(r);
          return r;
        });

  const review = (action: 'return' | 'approve', comment?: string) =>
    run(action, async () => {
      const r = await api.post<Report>(
        `/reports/${report!.id}/${action}`,
        {
          revision: baseRef.current?.revision ?? report!.revision,
          ...(comment === undefined ? {} : { comment }),
        },
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
      baseRef.current = { content: latest.content, revision: latest.revision };
      setBase(baseRef.current);
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
    const b = baseRef.current;
    if (b === null || sameContent(b.content, latest.content)) {
      baseRef.current = { content: latest.content, revision: latest.revision };
      setBase(baseRef.current);
    }
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

  /** The copy from this device back in the form (merged when the report moved on meanwhile). */
  const restoreLocal = () => {
    if (!offer || !shape) return;
    const current = report ? { content: report.content, revision: report.revision } : null;
    const restored = restoreLocalDraft(offer, current, shape, today);
    setDraft(restored.draft);
    if (restored.merged && report) {
      setConflicts(restored.conflicts);
      setTheirs(report.content);
      setMerged({ revision: report.revision, by: report.updatedBy, at: report.updatedAt });
    }
    setOffer(null);
  };

  const discardLocal = () => {
    removeLocalDraft(browserStorage(), storageKey);
    setOffer(null);
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
    editable,
    offer,
    autosave: autosave.state,
    edit,
    save,
    submit,
    review,
    loadLatest,
    refresh,
    resolve,
    restoreLocal,
    discardLocal,
    dismissMerged: () => setMerged(null),
  };
}

export type ReportForm = ReturnType<typeof useReportForm>;
