import { useEffect, useState, type ComponentType } from 'react';
import { Button, Result } from 'antd';
import { PageLoading } from '../components/PageLoading';
import { useI18n } from '../i18n';

type Loader = () => Promise<{ default: ComponentType }>;

/**
 * A page in its own chunk, loaded on first use — like React.lazy, but without Suspense: a lazy
 * component suspends on its first render even when its chunk has just arrived, and React then
 * holds the reveal back (~300 ms) to batch it. The dashboard's chunk is fetched while the session
 * is being checked (`preload`), so it shows as soon as the session and its numbers are in.
 * A chunk that fails to load (a new version was deployed meanwhile) offers a reload.
 */
export function lazyPage(load: Loader) {
  let loaded: ComponentType | undefined;
  let pending: Promise<ComponentType> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (m) => (loaded = m.default),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));

  function Page() {
    const { t } = useI18n();
    const [Loaded, setLoaded] = useState<ComponentType | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      preload().then(
        (c) => live && setLoaded(() => c),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [Loaded]);
    if (Loaded) return <Loaded />;
    if (failed) {
      return (
        <Result
          status="warning"
          title={t('error.chunk')}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('error.reload')}
            </Button>
          }
        />
      );
    }
    return <PageLoading />;
  }
  Page.preload = preload;
  return Page;
}
