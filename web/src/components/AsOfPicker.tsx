import { DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n';
import { usePhone } from '../hooks/usePhone';

/** The date statuses are computed as of (default today). Format follows the language. */
export function AsOfPicker({ value, onChange }: { value: string; onChange: (iso: string) => void }) {
  const { t, locale } = useI18n();
  // A phone: its own date wheel or calendar (no popup to place on a small screen, no keyboard).
  const phone = usePhone();
  return (
    <label className="asof-picker">
      <span>{t('asOf.label')}</span>
      {phone ? (
        <Input
          type="date"
          value={value}
          required
          aria-label={t('asOf.label')}
          data-testid="asof-picker"
          onChange={(e) => e.target.value && onChange(e.target.value)}
        />
      ) : (
        <DatePicker
          value={dayjs(value)}
          allowClear={false}
          format={locale === 'zh-CN' ? 'YYYY-MM-DD' : 'YYYY-MM-DD'}
          aria-label={t('asOf.label')}
          data-testid="asof-picker"
          onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
        />
      )}
    </label>
  );
}
