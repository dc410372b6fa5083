/**
 * Is this a phone-sized screen (narrower than antd's `md`, 768 px)? And is the pointer a finger?
 * Read from matchMedia synchronously, so the first render already has the right layout (antd's
 * Grid.useBreakpoint answers only after an effect, and the desktop frame would flash first).
 */
import { useSyncExternalStore } from 'react';

/** antd's screenSMMax: below `md`. */
export const PHONE_QUERY = '(max-width: 767.98px)';
export const TOUCH_QUERY = '(pointer: coarse)';

export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export function usePhone(): boolean {
  return useMedia(PHONE_QUERY);
}

/** A touch screen (phone or tablet): the camera is one tap away. */
export function useTouch(): boolean {
  return useMedia(TOUCH_QUERY);
}
