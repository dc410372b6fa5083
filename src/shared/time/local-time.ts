/**
 * An instant as the office's wall clock shows it ({ date: "2022-06-30", time: "10:00:00" } in
 * Asia/Shanghai), for the audit page and its .xlsx export alike; null for an unreadable stamp.
 * No Node imports: the web app bundles it too.
 */
export function localDateTime(
  timeZone: string | undefined,
): (iso: string) => { date: string; time: string } | null {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (iso) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return null;
    const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
    return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
  };
}
