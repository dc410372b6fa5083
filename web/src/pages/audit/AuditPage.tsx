/**
 * 审计日志 (admin): every write, newest first — filters in the URL, a page at a time from the
 * server, each row expandable to its before → after; the filtered log exports to .xlsx. Read
 * only: the app has no way to change the log.
 */
import { Button, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { localDateTime } from '../../../../src/shared/time/local-time';
import { DownloadOutlined, FilterOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, queryString } from '../../api/client';
import type {
  AuditAction,
  AuditEntities,
  AuditEntry,
  AuditPage as AuditPageDto,
  User,
} from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { AuditDiff } from './AuditDiff';
import { AuditFilterBar } from './AuditFilterBar';
import {
  auditQuery,
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  parseAuditFilters,
  type AuditFilters,
} from './audit-query';
import '../../styles/audit.css';

const ACTION_COLOR: Record<AuditAction, string> = { create: 'green', update: 'blue', delete: 'red' };
/** Fields that name a record in words, in the order tried. */
const LABEL_FIELDS = ['name', 'title', 'displayName', 'username', 'fileName', 'alias', 'period'];

export default function AuditPage() {
  const { t, has, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = parseAuditFilters(params);
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  const query = auditQuery({ ...filters, page, pageSize });
  const { data, loading } = useApi(
    (signal) => api.get<AuditPageDto>('/audit', query, { signal }),
    JSON.stringify(query),
  );
  const entities = useApi(
    (signal) => api.get<AuditEntities>('/audit/entities', undefined, { signal }),
    'entities',
  );
  const users = useApi((signal) => api.get<{ users: User[] }>('/users', undefined, { signal }), 'users');

  const update = (patch: Partial<AuditFilters>, keepPage = false) => {
    // From the address bar, not from this render: the router re-renders in a transition, and a
    // second filter picked before it lands would otherwise drop the first.
    const next = { ...parseAuditFilters(new URLSearchParams(window.location.search)), ...patch };
    if (!keepPage) next.page = undefined;
    setParams(auditQuery(next));
  };
  const kind = (e: string) => {
    const key = `audit.entity.${e}`;
    return has(key) ? t(key) : e;
  };
  const when = useMemo(() => localTime(data?.timeZone, date), [data?.timeZone, date]);

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      title: t('audit.col.at'),
      width: 190,
      render: (_, e) => (
        <time dateTime={e.at} title={e.at}>
          {when(e.at)}
        </time>
      ),
    },
    {
      key: 'actor',
      title: t('audit.col.actor'),
      width: 130,
      render: (_, e) => (
        <Button type="link" size="small" className="audit-link" onClick={() => update({ actor: e.actor })}>
          {e.actor}
        </Button>
      ),
    },
    {
      key: 'action',
      title: t('audit.col.action'),
      width: 90,
      render: (_, e) => <Tag color={ACTION_COLOR[e.action]}>{t(`audit.action.${e.action}`)}</Tag>,
    },
    { key: 'entity', title: t('audit.col.entity'), width: 140, render: (_, e) => kind(e.entity) },
    {
      key: 'target',
      title: t('audit.col.target'),
      render: (_, e) => {
        const label = labelOf(e);
        return (
          <span className="audit-target">
            {label && <span className="audit-target-label">{label}</span>}
            <Typography.Text type="secondary" className="audit-id" copyable={{ text: e.entityId }}>
              <span title={e.entityId}>{shortId(e.entityId)}</span>
            </Typography.Text>
            <Tooltip title={t('audit.showHistory')}>
              <Button
                type="text"
                size="small"
                icon={<FilterOutlined />}
                aria-label={t('audit.showHistory')}
                onClick={() => update({ entity: e.entity, entityId: e.entityId })}
              />
            </Tooltip>
          </span>
        );
      },
    },
  ];

  const exportQuery = auditQuery({ ...filters, page: undefined, pageSize: undefined });
  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t('audit.title')}
        sub={t('audit.sub')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={`/api/audit/export.xlsx${queryString(exportQuery)}`}
            download
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
        }
      />
      <AuditFilterBar
        key={filters.actor ?? ''}
        filters={filters}
        entities={entities.data?.entities ?? []}
        actors={(users.data?.users ?? []).map((u) => u.username)}
        onChange={(patch) => update(patch)}
      />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        className="audit-table"
        columns={columns}
        dataSource={data?.entries}
        loading={loading}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{
          expandedRowRender: (e) => <AuditDiff entry={e} />,
          expandRowByClick: false,
          expandIcon: ({ expanded, onExpand, record }) => (
            <button
              type="button"
              className={`audit-expand ${expanded ? 'is-open' : ''}`}
              aria-expanded={expanded}
              aria-label={expanded ? t('audit.collapse') : t('audit.expand')}
              onClick={(ev) => onExpand(record, ev)}
            >
              {expanded ? '−' : '+'}
            </button>
          ),
        }}
        onChange={(p) =>
          update(
            { page: p.current, pageSize: p.pageSize === DEFAULT_PAGE_SIZE ? undefined : p.pageSize },
            true,
          )
        }
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (n) => t('audit.count', { n }),
        }}
        data-testid="audit-table"
      />
    </div>
  );
}

/**
 * "2022年6月30日 10:00:00": the instant where the office is (the zone the server names, so the
 * times read like the export and the date filter), in the i18n date format.
 */
function localTime(timeZone: string | undefined, date: (iso: string) => string): (iso: string) => string {
  const parts = localDateTime(timeZone);
  return (iso) => {
    const p = parts(iso);
    return p ? `${date(p.date)} ${p.time}` : iso;
  };
}

/** The record's name in words when the entry carries one (a unit's name, an item's title …). */
function labelOf(e: AuditEntry): string | null {
  for (const side of [e.after, e.before]) {
    if (typeof side !== 'object' || side === null || Array.isArray(side)) continue;
    const rec = side as Record<string, unknown>;
    for (const f of LABEL_FIELDS) {
      const v = rec[f];
      if (typeof v === 'string' && v !== '') return v;
    }
  }
  return null;
}

/** A UUID's first block is enough to tell rows apart; the whole id is in the title and copied. */
function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `${id.slice(0, 8)}…` : id;
}
