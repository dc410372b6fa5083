/** The list's filters: search, unit and role, key items, status, quarter, deadline range, as-of date. */
import { Button, Checkbox, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { ItemFilters } from '../../app/links';
import { STATUS_ORDER } from '../../components/status';
import { AsOfPicker } from '../../components/AsOfPicker';
import { useQuarters, useUnits } from '../../hooks/useShared';
import { useI18n } from '../../i18n';

export function FilterBar({
  filters,
  onChange,
}: {
  filters: ItemFilters & { asOf: string };
  onChange: (patch: Partial<ItemFilters>) => void;
}) {
  const { t, quarter } = useI18n();
  const units = useUnits();
  const quarters = useQuarters();
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null =
    filters.deadlineFrom || filters.deadlineTo
      ? [
          filters.deadlineFrom ? dayjs(filters.deadlineFrom) : null,
          filters.deadlineTo ? dayjs(filters.deadlineTo) : null,
        ]
      : null;
  const hasFilters = Boolean(
    filters.q || filters.unit || filters.role || filters.key || filters.status || filters.quarter || range,
  );
  return (
    <div role="search" className="filter-bar" aria-label={t('filters.label')}>
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t('filters.search')}
        aria-label={t('filters.search')}
        allowClear
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="search"
      />
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        placeholder={t('filters.unit')}
        aria-label={t('filters.unit')}
        value={filters.unit}
        onChange={(unit?: string) => onChange({ unit })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        style={{ width: 200 }}
        data-testid="filter-unit"
      />
      <Select
        allowClear
        placeholder={t('filters.role')}
        aria-label={t('filters.role')}
        value={filters.role}
        onChange={(role?: 'lead' | 'co') => onChange({ role })}
        options={[
          { value: 'lead', label: t('role.lead') },
          { value: 'co', label: t('role.co') },
        ]}
        style={{ width: 110 }}
        data-testid="filter-role"
      />
      <Select
        allowClear
        placeholder={t('filters.status')}
        aria-label={t('filters.status')}
        value={filters.status}
        onChange={(status?: ItemFilters['status']) => onChange({ status })}
        options={STATUS_ORDER.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={{ width: 110 }}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={t('filters.quarter')}
        aria-label={t('filters.quarter')}
        value={filters.quarter}
        onChange={(q?: string) => onChange({ quarter: q })}
        options={quarters.map((q) => ({ value: q, label: quarter(q) }))}
        style={{ width: 150 }}
        data-testid="filter-quarter"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        aria-label={t('filters.deadline')}
        placeholder={[t('filters.deadlineFrom'), t('filters.deadlineTo')]}
        onChange={(v) =>
          onChange({
            deadlineFrom: v?.[0]?.format('YYYY-MM-DD') ?? undefined,
            deadlineTo: v?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
        style={{ width: 260 }}
      />
      <Checkbox
        checked={Boolean(filters.key)}
        onChange={(e) => onChange({ key: e.target.checked || undefined })}
        data-testid="filter-key"
      >
        {t('filters.key')}
      </Checkbox>
      <AsOfPicker value={filters.asOf} onChange={(asOf) => onChange({ asOf })} />
      {hasFilters && (
        <Button
          type="link"
          onClick={() =>
            onChange({
              q: undefined,
              unit: undefined,
              role: undefined,
              key: undefined,
              status: undefined,
              quarter: undefined,
              deadlineFrom: undefined,
              deadlineTo: undefined,
            })
          }
        >
          {t('filters.reset')}
        </Button>
      )}
    </div>
  );
}
