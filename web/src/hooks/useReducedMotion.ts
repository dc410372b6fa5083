import { useMedia } from './usePhone';

/** The user asked their system for less motion (prefers-reduced-motion: reduce). */
export function useReducedMotion(): boolean {
  return useMedia('(prefers-reduced-motion: reduce)');
}
