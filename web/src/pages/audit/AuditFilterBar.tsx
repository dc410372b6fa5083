/** The audit log's filters: kind, who, action, a range of days, text; all kept in the URL. */
import { AutoComplete, Button, DatePicker, Input, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditAction } from '../../api/types';
import { useI18n } from '../../i18n';
import { ACTIONS, type AuditFilters } from './audit-query';

export function AuditFilterBar({
  filters,
  entities,
  actors,
  onChange,
}: {
  filters: AuditFilters;
  /** Entity kinds in the log (GET /audit/entities). */
  entities: string[];
  /** Usernames to suggest; any other name may be typed (the CLI's, a deleted user's). */
  actors: string[];
  onChange: (patch: Partial<AuditFilters>) => void;
}) {
  const { t, has } = useI18n();
  const [actor, setActor] = useState(filters.actor ?? '');
  const kind = (e: string) => {
    const key = `audit.entity.${e}`;
    return has(key) ? t(key) : e;
  };
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null =
    filters.from || filters.to
      ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
      : null;
  const hasFilters = Boolean(
    filters.entity ||
    filters.entityId ||
    filters.actor ||
    filters.action ||
    filters.from ||
    filters.to ||
    filters.q,
  );
  const applyActor = (v: string) => onChange({ actor: v.trim() || undefined });
  return (
    <div role="search" className="filter-bar" aria-label={t('audit.filters')}>
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t('audit.filter.q')}
        aria-label={t('audit.filter.q')}
        allowClear
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="audit-search"
      />
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        placeholder={t('audit.filter.entity')}
        aria-label={t('audit.filter.entity')}
        value={filters.entity}
        onChange={(entity?: string) => onChange({ entity, entityId: undefined })}
        options={entities.map((e) => ({ value: e, label: kind(e) }))}
        style={{ width: 160 }}
        data-testid="audit-entity"
      />
      <AutoComplete
        value={actor}
        options={actors.filter((a) => a.includes(actor.trim())).map((a) => ({ value: a }))}
        onChange={setActor}
        onSelect={(v: string) => applyActor(v)}
        onBlur={() => applyActor(actor)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') applyActor(actor);
        }}
        allowClear
        onClear={() => applyActor('')}
        placeholder={t('audit.filter.actor')}
        aria-label={t('audit.filter.actor')}
        style={{ width: 150 }}
        data-testid="audit-actor"
      />
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        placeholder={t('audit.filter.action')}
        aria-label={t('audit.filter.action')}
        value={filters.action}
        onChange={(action?: AuditAction) => onChange({ action })}
        options={ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) }))}
        style={{ width: 110 }}
        data-testid="audit-action"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        aria-label={t('audit.filter.range')}
        placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
        onChange={(v) =>
          onChange({
            from: v?.[0]?.format('YYYY-MM-DD') ?? undefined,
            to: v?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
        style={{ width: 260 }}
        data-testid="audit-range"
      />
      {filters.entityId && (
        <Tag closable onClose={() => onChange({ entityId: undefined })} data-testid="audit-entity-id">
          {t('audit.filter.entityId', { id: filters.entityId })}
        </Tag>
      )}
      {hasFilters && (
        <Button
          type="link"
          onClick={() => {
            setActor('');
            onChange({
              entity: undefined,
              entityId: undefined,
              actor: undefined,
              action: undefined,
              from: undefined,
              to: undefined,
              q: undefined,
            });
          }}
        >
          {t('audit.filter.reset')}
        </Button>
      )}
    </div>
  );
}
