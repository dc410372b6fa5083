import { useCallback, useEffect, useRef, useState } from 'react';
import { useViewedOrgId } from '../app/org-context';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: Error | undefined;
  reload: () => void;
}

/**
 * Runs `load` when `key` changes (a string of everything the request depends on) or the viewed
 * org does (the client adds it to the request: app/org-context.ts) and keeps the last result; a
 * newer request wins over an older one still in flight.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const org = useViewedOrgId();
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ data, loading: false });
      },
      (error: Error) => {
        if (!ctl.signal.aborted) setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
    return () => ctl.abort();
  }, [key, tick, org]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, loading: state.loading, error: state.error, reload };
}
