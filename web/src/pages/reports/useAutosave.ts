/**
 * Saves the report draft to the server by itself, AUTOSAVE_DELAY_MS after the user stops typing,
 * when online — through the same endpoint and the same optimistic-concurrency revision as the
 * 保存草稿 button. Quiet: a refusal does not pop up while the user types; it shows in the save
 * state line, and the copy on this device keeps everything. A 409 goes the usual way (the stale
 * notice, then the merge). One autosave at a time; a manual save or submit waits for it
 * (`settled`), so two writes never name the same revision.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { api, ApiError } from '../../api/client';
import type { Report, SaveReportBody } from '../../api/types';
import { useOnline } from '../../hooks/useOnline';
import { contentOf, type Draft } from './report-draft';

export const AUTOSAVE_DELAY_MS = 3000;

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** The connection dropped on the way; tried again when the browser is back online. */
  | { kind: 'offline' }
  /** The server refused (a field it cannot take yet): said in the state line, tried after the next edit. */
  | { kind: 'failed'; message: string };

export interface AutosaveInput {
  path: string;
  draft: Draft | null;
  today: string;
  baseRef: RefObject<{ revision: number } | null>;
  accept: (r: Report) => void;
  onStale: (message: string) => void;
  /** Editable, changed, nothing else running, no 409 or conflict or local copy waiting. */
  enabled: boolean;
}

export function useAutosave({ path, draft, today, baseRef, accept, onStale, enabled }: AutosaveInput) {
  const online = useOnline();
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const inflight = useRef<Promise<unknown> | null>(null);
  /** The content of the last attempt that failed: not sent again until it changes or we are back online. */
  const failed = useRef<string | null>(null);

  useEffect(() => {
    if (online) failed.current = null;
    else setState((s) => (s.kind === 'saving' ? s : { kind: 'offline' }));
  }, [online]);

  const saveNow = useCallback(async () => {
    if (!draft || inflight.current) return;
    const content = contentOf(draft, today);
    const sent = JSON.stringify(content);
    if (sent === failed.current) return;
    const body: SaveReportBody = { ...content, revision: baseRef.current?.revision ?? null };
    setState({ kind: 'saving' });
    const job = api.put<Report>(path, body, { quiet: true });
    inflight.current = job;
    try {
      const saved = await job;
      failed.current = null;
      accept(saved);
      setState({ kind: 'saved', at: saved.updatedAt });
    } catch (e) {
      failed.current = sent;
      if (!(e instanceof ApiError)) {
        setState({ kind: 'failed', message: String(e) });
      } else if (e.status === 409) {
        setState({ kind: 'idle' });
        onStale(e.message);
      } else if (e.status === 0) {
        setState({ kind: 'offline' });
      } else {
        setState({ kind: 'failed', message: e.message });
      }
    } finally {
      inflight.current = null;
    }
  }, [draft, today, path, baseRef, accept, onStale]);

  // Every edit restarts the wait: the server hears from a typing user every few seconds at most.
  useEffect(() => {
    if (!enabled || !online) return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, online, saveNow]);

  /** Resolves once no autosave is on its way (whatever its outcome). */
  const settled = useCallback(async () => {
    await inflight.current?.catch(() => undefined);
  }, []);

  /** The user pressed 保存草稿 on what the autosave already saved: nothing left to say. */
  const acknowledge = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, online, settled, acknowledge };
}
