import { useState } from 'react';
import { Button, Segmented, Space, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { ReminderLog, ReminderLogRow } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n, type MessageKey } from '../../i18n';
import { useStamp } from '../../hooks/useStamp';

type Status = '' | ReminderLogRow['status'];
const STATUS_COLOR: Record<ReminderLogRow['status'], string> = {
  pending: 'gold',
  sent: 'green',
  failed: 'red',
};
const PAGE_SIZE = 20;

/** The outbox: every reminder with its status and retries, newest first; a row opens its attempts. */
export function SendLog() {
  const { t } = useI18n();
  const stamp = useStamp();
  const [status, setStatus] = useState<Status>('');
  const [page, setPage] = useState(1);
  const { data, loading, reload } = useApi(
    (signal) => api.get<ReminderLog>('/reminders/log', { status, page, pageSize: PAGE_SIZE }, { signal }),
    `log|${status}|${page}`,
  );
  const statusLabel = (s: ReminderLogRow['status']) => t(`reminders.log.${s}` as MessageKey);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span id="log-status-label">{t('reminders.log.status')}</span>
        <Segmented<Status>
          aria-labelledby="log-status-label"
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: '', label: t('reminders.log.all') },
            { value: 'pending', label: statusLabel('pending') },
            { value: 'sent', label: statusLabel('sent') },
            { value: 'failed', label: statusLabel('failed') },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={reload}>
          {t('reminders.log.refresh')}
        </Button>
      </Space>
      <Table<ReminderLogRow>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('reminders.log.empty') }}
        scroll={{ x: 1000 }}
        data-testid="reminder-log"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        expandable={{
          rowExpandable: (r) => r.log.length > 0,
          expandedRowRender: (r) => (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {r.log.map((a, i) => (
                <li key={`${a.at}-${i}`}>
                  {t('reminders.log.attempt', {
                    n: i + 1,
                    at: stamp(a.at),
                    result: t(a.ok ? 'reminders.log.ok' : 'reminders.log.error'),
                  })}
                  {a.detail ? ` — ${a.detail}` : ''}
                </li>
              ))}
            </ol>
          ),
        }}
        columns={[
          {
            key: 'createdAt',
            title: t('reminders.log.createdAt'),
            width: 150,
            render: (_, r) => stamp(r.createdAt),
          },
          { key: 'title', title: t('reminders.log.title'), dataIndex: 'title' },
          {
            key: 'channel',
            title: t('reminders.log.channel'),
            width: 130,
            render: (_, r) => t(`reminders.channel.${r.channel}` as MessageKey),
          },
          { key: 'recipient', title: t('reminders.log.recipient'), dataIndex: 'recipient', width: 200 },
          {
            key: 'status',
            title: t('reminders.log.status'),
            width: 90,
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{statusLabel(r.status)}</Tag>,
          },
          {
            key: 'attempts',
            title: t('reminders.log.attempts'),
            dataIndex: 'attempts',
            width: 80,
            align: 'right',
          },
          {
            key: 'when',
            title: `${t('reminders.log.sentAt')} / ${t('reminders.log.nextAttempt')}`,
            width: 150,
            render: (_, r) =>
              r.status === 'sent' ? stamp(r.sentAt) : r.status === 'pending' ? stamp(r.nextAttemptAt) : '—',
          },
          {
            key: 'lastError',
            title: t('reminders.log.lastError'),
            dataIndex: 'lastError',
            ellipsis: true,
            render: (v: string | null) => v ?? '',
          },
        ]}
      />
    </Space>
  );
}
