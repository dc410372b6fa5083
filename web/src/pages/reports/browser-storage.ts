import type { DraftStorage } from './local-draft';

/** localStorage, or null where there is none (storage disabled, some private modes throw on access). */
export function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}
