import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n';

/** The date statuses are computed as of (default today). Format follows the language. */
export function AsOfPicker({ value, onChange }: { value: string; onChange: (iso: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <label className="asof-picker">
      <span>{t('asOf.label')}</span>
      <DatePicker
        value={dayjs(value)}
        allowClear={false}
        format={locale === 'zh-CN' ? 'YYYY-MM-DD' : 'YYYY-MM-DD'}
        aria-label={t('asOf.label')}
        data-testid="asof-picker"
        onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
      />
    </label>
  );
}
