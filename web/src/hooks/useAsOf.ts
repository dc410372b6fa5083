import { useSearchParams } from 'react-router';
import { todayIso } from '../i18n/format';

/** The as-of date of a page: `?asOf=` in the URL (so the view is a link), today by default. */
export function useAsOf(): [string, (iso: string) => void] {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? todayIso();
  const setAsOf = (iso: string) => {
    const next = new URLSearchParams(params);
    next.set('asOf', iso);
    setParams(next, { replace: true });
  };
  return [asOf, setAsOf];
}
