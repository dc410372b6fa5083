/** Every row of the uploaded plan as the importer read it, findings beside it, each row correctable. */
import { Alert, Button, Space, Table, type TableColumnType } from 'antd';
import { useState } from 'react';
import type { Finding, ImportPreview, Item } from '../../api/types';
import { useI18n } from '../../i18n';
import { useFindingMessage } from '../../i18n/findings';
import { useRowCells } from './RowCells';
import { ItemEditor } from './ItemEditor';

interface Props {
  preview: ImportPreview;
  items: Item[];
  edited: Set<number>;
  onEdit: (index: number, item: Item) => void;
  onNext: () => void;
  onCancel: () => void;
}

interface Row {
  index: number;
  item: Item;
  findings: Finding[];
}

export function PreviewStep({ preview, items, edited, onEdit, onNext, onCancel }: Props) {
  const { t } = useI18n();
  const message = useFindingMessage();
  const [editing, setEditing] = useState<number | null>(null);
  const findings = preview.findings.length > 0 ? preview.findings : preview.plan.findings;
  const planLevel = findings.filter((f) => f.item === null);
  const rows: Row[] = items.map((item, index) => ({
    index,
    item,
    findings: findings.filter(
      (f) => f.item !== null && f.item === (preview.plan.items[index]?.number ?? item.number),
    ),
  }));
  const bySeverity = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const cells = useRowCells({ edited, onEditRow: setEditing });
  const columns: TableColumnType<Row>[] = [
    { key: 'number', title: t('col.number'), width: 64, render: (_, r) => cells.number(r.item, r.index) },
    { key: 'title', title: t('field.title'), width: 180, render: (_, r) => cells.title(r.item, r.index) },
    { key: 'measures', title: t('field.measures'), width: 300, render: (_, r) => cells.measures(r.item) },
    { key: 'goals', title: t('field.goals'), width: 300, render: (_, r) => cells.goals(r.item) },
    {
      key: 'achievements',
      title: t('field.achievements'),
      width: 220,
      render: (_, r) => cells.achievements(r.item),
    },
    { key: 'units', title: t('field.units'), width: 170, render: (_, r) => cells.units(r.item) },
    {
      key: 'findings',
      title: t('import.findings'),
      width: 220,
      render: (_, r) => cells.findings(r.findings),
    },
  ];
  const plan = preview.plan;
  return (
    <div className="preview-step" data-testid="preview-step">
      <Alert
        type={bySeverity('error') > 0 ? 'warning' : 'info'}
        showIcon
        title={t('import.summary', {
          file: preview.file.name,
          title: plan.title,
          year: plan.year ?? '—',
          items: plan.items.length,
        })}
        description={
          <>
            {t('import.findingsSummary', {
              errors: bySeverity('error'),
              warnings: bySeverity('warning'),
              infos: bySeverity('info'),
            })}
            {planLevel.length > 0 && (
              <ul className="plain-list">
                {planLevel.map((f, i) => (
                  <li key={i}>{message(f)}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
      <p className="hl-legend">
        <mark className="hl hl-deadline">{t('import.legendDeadline')}</mark>{' '}
        <mark className="hl hl-target">{t('import.legendTarget')}</mark> {t('import.legendHint')}
      </p>
      <Table<Row>
        rowKey="index"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        scroll={{ x: 1400 }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
        rowClassName={(r) => (edited.has(r.index) ? 'row-edited' : '')}
      />
      <Space className="wizard-actions">
        <Button onClick={onCancel}>{t('import.cancel')}</Button>
        <Button type="primary" onClick={onNext} data-testid="to-diff">
          {t('import.toDiff')}
        </Button>
      </Space>
      {editing !== null && items[editing] && (
        <ItemEditor
          item={items[editing]}
          onCancel={() => setEditing(null)}
          onSave={(item) => {
            onEdit(editing, item);
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
