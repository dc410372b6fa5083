/** Each item's public note for one period: one text box per item, saved one at a time. */
import { useState } from 'react';
import { App, Button, Card, Input, List, Space, Tag } from 'antd';
import type { PublicationPeriodDto, PublicSummaryDto } from '../../../../src/shared/api/publications.js';
import { api } from '../../api/client';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/StatusTag';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

type Row = PublicationPeriodDto['items'][number];

export function SummaryEditor({ period, onClose }: { period: string; onClose: () => void }) {
  const { t } = useI18n();
  const view = useApi(
    (signal) => api.get<PublicationPeriodDto>(`/publications/${period}`, undefined, { signal }),
    `publication-${period}`,
  );
  return (
    <Card
      size="small"
      data-testid="summary-editor"
      title={<h2>{t('publications.summaries', { period: view.data?.periodLabel ?? period })}</h2>}
      extra={<Button onClick={onClose}>{t('publications.close')}</Button>}
    >
      <p>{t('publications.summariesHint')}</p>
      {!view.data && <PageLoading />}
      {view.data && (
        <List
          dataSource={view.data.items}
          rowKey="itemKey"
          renderItem={(row) => <SummaryRow key={row.itemKey} period={period} row={row} />}
        />
      )}
    </Card>
  );
}

function SummaryRow({ period, row }: { period: string; row: Row }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState(row.summary ?? '');
  const [saved, setSaved] = useState(row.summary);
  const label = t('publications.summaryLabel', { number: row.number ?? '—' });
  const save = async () => {
    const r = await api.put<PublicSummaryDto>(`/publications/${period}/summaries/${row.itemKey}`, { text });
    setSaved(r.summary);
    setText(r.summary ?? '');
    void message.success(t('publications.saved'));
  };
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Space wrap style={{ marginBottom: 4 }}>
          <strong>
            {row.number ?? ''} {row.title}
          </strong>
          <StatusTag status={row.status} />
          {(saved ?? null) !== (row.publishedSummary ?? null) && (
            <Tag color="orange">{t('publications.changed')}</Tag>
          )}
        </Space>
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={label}
            value={text}
            maxLength={2000}
            autoSize={{ minRows: 1, maxRows: 6 }}
            placeholder={t('publications.summaryPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <Button onClick={() => void save()} disabled={text.trim() === (saved ?? '')}>
            {t('publications.save')}
          </Button>
        </Space.Compact>
      </div>
    </List.Item>
  );
}
