import { useI18n } from '../i18n';

/** "2022年6月30日 10:00" for an ISO timestamp: the day the i18n way and the time, in the browser's zone. */
export function useStamp(): (iso: string | null | undefined) => string {
  const { date, locale } = useI18n();
  return (iso) => {
    if (!iso) return '—';
    const d = new Date(iso);
    const p = (n: number) => String(n).padStart(2, '0');
    const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    return `${date(day)} ${d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}`;
  };
}
