import { lazy, type ComponentType } from 'react';

/**
 * React.lazy, except that once the page's code has arrived it is rendered directly. A lazy
 * component suspends on its first render even when its chunk is already loaded, and React then
 * holds the reveal back (~300 ms) to batch it with other content; the dashboard's code is fetched
 * while the session is being checked, so by the time it is shown there is nothing to wait for.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  let loaded: ComponentType | undefined;
  let pending: Promise<{ default: ComponentType }> | undefined;
  const preload = () =>
    (pending ??= load().then((m) => {
      loaded = m.default;
      return m;
    }));
  const Lazy = lazy(preload);
  function Page() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  Page.preload = preload;
  return Page;
}
