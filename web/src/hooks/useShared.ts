/**
 * Small lists several pages need (units for filters and admin, the plan's quarters), fetched
 * once per session and shared; `invalidate` after an admin changes them.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Timeline, Unit } from '../api/types';
import { useViewedOrgId } from '../app/org-context';

const cache = new Map<string, Promise<unknown>>();

function shared<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export function invalidateShared(key?: 'units' | 'quarters'): void {
  if (!key) return cache.clear();
  for (const k of [...cache.keys()]) if (k.startsWith(`${key}|`)) cache.delete(k);
}

function useShared<T>(name: string, load: () => Promise<T>, empty: T): T {
  const [value, setValue] = useState<T>(empty);
  // Another org's ledger (issue 9) has its own units and quarters: the client asks for its.
  const key = `${name}|${useViewedOrgId() ?? ''}`;
  useEffect(() => {
    let live = true;
    shared(key, load).then(
      (v) => live && setValue(v),
      () => undefined,
    );
    return () => {
      live = false;
    };
    // load is a fresh closure each render; the key names what it loads.
  }, [key]);
  return value;
}

const NO_UNITS: Unit[] = [];
const NO_QUARTERS: string[] = [];

export function useUnits(): Unit[] {
  return useShared('units', () => api.get<{ units: Unit[] }>('/units').then((r) => r.units), NO_UNITS);
}

export function useQuarters(): string[] {
  return useShared('quarters', () => api.get<Timeline>('/timeline').then((r) => r.quarters), NO_QUARTERS);
}
