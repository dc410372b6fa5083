/** Dates, quarters and target values written the locale's way. Pure functions. */
export type Locale = 'zh-CN' | 'en-US';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-06-30" → "2022年6月30日" (zh-CN) / "Jun 30, 2022" (en-US); "" for no date. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return locale === 'zh-CN' ? `${y}年${mo}月${d}日` : `${EN_MONTHS[mo - 1]} ${d}, ${y}`;
}

/** "2022Q3" → "2022年第3季度" / "Q3 2022". */
export function formatQuarter(q: string, locale: Locale): string {
  const m = /^(\d{4})Q([1-4])$/.exec(q);
  if (!m) return q;
  return locale === 'zh-CN' ? `${m[1]}年第${m[2]}季度` : `Q${m[2]} ${m[1]}`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** Base units the English text names in English; others (个, 家 …) stay as written. */
const EN_UNITS: Record<string, string> = {
  元: 'yuan',
  亩: 'mu',
  平方米: 'm²',
  公里: 'km',
  吨: 't',
  人: 'people',
  人次: 'person-times',
};

/** 1500000000 元 → "15亿元" / "1.5 billion yuan"; 90 % → "90%"; null → "—". */
export function formatValue(value: number | null, unit: string, locale: Locale): string {
  if (value === null) return '—';
  const abs = Math.abs(value);
  let text: string;
  if (locale === 'zh-CN') {
    if (abs >= 1e8) text = `${trim(value / 1e8)}亿`;
    else if (abs >= 1e4) text = `${trim(value / 1e4)}万`;
    else text = trim(value);
    return `${text}${unit}`;
  }
  if (abs >= 1e9) text = `${trim(value / 1e9)} billion`;
  else if (abs >= 1e6) text = `${trim(value / 1e6)} million`;
  else text = value.toLocaleString('en-US');
  return unit === '%' || unit === '' ? `${text}${unit}` : `${text} ${EN_UNITS[unit] ?? unit}`;
}

/** Today's date as YYYY-MM-DD in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
