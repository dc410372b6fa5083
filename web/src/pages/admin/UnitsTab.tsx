import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { invalidateShared } from '../../hooks/useShared';
import { useI18n } from '../../i18n';
import { UnitDialog } from './UnitDialog';

/** Rename a unit, set its type, or merge two spellings of one unit (aliases and links move). */
export function UnitsTab() {
  const { t } = useI18n();
  const { data, loading, reload } = useApi(
    (signal) => api.get<{ units: Unit[] }>('/units', undefined, { signal }),
    'units',
  );
  const units = data?.units ?? [];
  const [editing, setEditing] = useState<{ unit: Unit; mode: 'edit' | 'merge' } | null>(null);
  return (
    <>
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={units}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            key: 'name',
            title: t('unit.name'),
            dataIndex: 'name',
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
          },
          { key: 'type', title: t('unit.type'), render: (_, u) => (u.type ? t(`unitType.${u.type}`) : '—') },
          {
            key: 'aliases',
            title: t('unit.aliasesCol'),
            render: (_, u) => u.aliases.join(t('common.listSep')) || '—',
          },
          { key: 'lead', title: t('role.lead'), dataIndex: 'lead', align: 'right' },
          { key: 'co', title: t('role.co'), dataIndex: 'co', align: 'right' },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ unit: u, mode: 'edit' })}>
                  {t('common.edit')}
                </Button>
                <Button size="small" onClick={() => setEditing({ unit: u, mode: 'merge' })}>
                  {t('admin.merge')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UnitDialog
          unit={editing.unit}
          mode={editing.mode}
          units={units}
          onClose={(changed) => {
            setEditing(null);
            if (changed) {
              invalidateShared('units');
              reload();
            }
          }}
        />
      )}
    </>
  );
}
