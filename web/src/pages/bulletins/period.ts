/** The latest period whose reports are due by `today`: the bulletin the office is most likely after. */
export function latestDuePeriod(today: string, cadence: 'monthly' | 'quarterly', dueDay: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const lastOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (cadence === 'quarterly') {
    const q = Math.ceil(m / 3);
    const dueMonth = q * 3;
    const passed = m > dueMonth || (m === dueMonth && d > Math.min(dueDay, lastOfMonth(y, m)));
    const n = y * 4 + q - 1 - (passed ? 0 : 1);
    return `${Math.floor(n / 4)}Q${(n % 4) + 1}`;
  }
  const passed = d > Math.min(dueDay, lastOfMonth(y, m));
  const n = y * 12 + m - 1 - (passed ? 0 : 1);
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|Q[1-4])$/;
