import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useShared';
import { useI18n } from '../../i18n';
import { useUser } from '../../app/session';
import { UserDialog } from './UserDialog';

export function UsersTab() {
  const { t } = useI18n();
  const me = useUser();
  const units = useUnits();
  const { data, loading, reload } = useApi(
    (signal) => api.get<{ users: User[] } | User[]>('/users', undefined, { signal }),
    'users',
  );
  const users = Array.isArray(data) ? data : (data?.users ?? []);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : '—');
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} className="tab-action">
        {t('admin.newUser')}
      </Button>
      <Table<User>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={users}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'username', title: t('user.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('user.displayName'), dataIndex: 'displayName' },
          { key: 'role', title: t('user.role'), render: (_, u) => t(`role.${u.role}`) },
          { key: 'unit', title: t('user.unit'), render: (_, u) => unitName(u.unitId) },
          {
            key: 'state',
            title: t('user.state'),
            render: (_, u) =>
              u.disabled ? <Tag>{t('user.disabled')}</Tag> : <Tag color="green">{t('user.enabled')}</Tag>,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('admin.deleteUser', { name: u.username })}
                  onConfirm={() => api.del(`/users/${encodeURIComponent(u.id)}`).then(reload)}
                  disabled={u.id === me.id}
                >
                  <Button size="small" danger disabled={u.id === me.id}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserDialog
          user={editing === 'new' ? null : editing}
          units={units}
          onClose={(changed) => {
            setEditing(null);
            if (changed) reload();
          }}
        />
      )}
    </>
  );
}
