/**
 * 组织 (issue 9, admin): the org tree at and below the admin's own org — create an org below one,
 * see an org's users, grant or withdraw reading the orgs below, move a user to another org.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Switch, Table, Tag, Tooltip, Tree } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { OrgNode, OrgTree, OrgUser, OrgUsers } from '../../api/types';
import { nestOrgs, refreshOrgTree, useOrgTree, type OrgTreeNode } from '../../app/org-tree';
import { useSession } from '../../app/session';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { PageLoading } from '../../components/PageLoading';
import { OrgCreateDialog } from './OrgCreateDialog';
import { UserMoveDialog } from './UserMoveDialog';
import { CHILD_TYPES } from '../../../../src/domain/org-tree.js';
import '../../styles/rollup.css';

interface TreeEntry {
  key: string;
  title: React.ReactNode;
  children: TreeEntry[];
}

function OrgLabel({ node }: { node: OrgNode }) {
  const { t } = useI18n();
  return (
    <span className="org-tree-label" data-testid="org-tree-node">
      {node.name} <Tag>{t(`orgType.${node.type}`)}</Tag>
      <span className="muted">
        {node.hasPlan ? t('orgs.hasPlan') : t('orgs.noPlan')}
        {node.userCount !== null && ` · ${t('orgs.userCount', { n: node.userCount })}`}
      </span>
    </span>
  );
}

function entries(nodes: OrgTreeNode[]): TreeEntry[] {
  return nodes.map((n) => ({
    key: n.value,
    title: <OrgLabel node={n.node} />,
    children: entries(n.children),
  }));
}

function OrgUsersCard({ tree, org }: { tree: OrgTree; org: OrgNode }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user: me } = useSession();
  const [moving, setMoving] = useState<OrgUser | null>(null);
  const { data, loading, reload } = useApi(
    (signal) => api.get<OrgUsers>(`/orgs/${encodeURIComponent(org.id)}/users`, undefined, { signal }),
    `org-users|${org.id}`,
  );
  const mayHaveBelow = CHILD_TYPES[org.type].length > 0;
  const grant = async (u: OrgUser, readBelow: boolean) => {
    await api.put(`/orgs/users/${encodeURIComponent(u.id)}/read-below`, { readBelow });
    const name = u.displayName || u.username;
    void message.success(t(readBelow ? 'orgs.readBelowSet' : 'orgs.readBelowCleared', { user: name }));
    reload();
  };
  return (
    <Card size="small" title={<h2>{t('orgs.users', { org: org.name })}</h2>} data-testid="org-users">
      <Table<OrgUser>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.users ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: 'username',
            title: t('user.username'),
            render: (_, u) => (
              <>
                {u.username}
                {u.id === me?.id && <span className="muted">{t('orgs.self')}</span>}
              </>
            ),
          },
          { key: 'displayName', title: t('user.displayName'), dataIndex: 'displayName' },
          { key: 'role', title: t('user.role'), render: (_, u) => t(`role.${u.role}`) },
          {
            key: 'readBelow',
            title: t('orgs.readBelow'),
            render: (_, u) =>
              u.role === 'admin' ? (
                <Tooltip title={t('orgs.readBelowImplicit')}>
                  <Switch size="small" checked disabled aria-label={t('orgs.readBelow')} />
                </Tooltip>
              ) : (
                <Switch
                  size="small"
                  checked={u.readBelow}
                  disabled={!mayHaveBelow && !u.readBelow}
                  aria-label={`${t('orgs.readBelow')} ${u.username}`}
                  data-testid={`grant-${u.username}`}
                  onChange={(v) => void grant(u, v)}
                />
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, u) => (
              <Button
                size="small"
                disabled={u.id === me?.id}
                onClick={() => setMoving(u)}
                data-testid={`move-${u.username}`}
              >
                {t('orgs.move')}
              </Button>
            ),
          },
        ]}
      />
      {moving && (
        <UserMoveDialog
          tree={tree}
          user={moving}
          onClose={(movedTo) => {
            setMoving(null);
            if (movedTo !== null) {
              void message.success(t('orgs.moved', { user: moving.username, org: movedTo }));
              refreshOrgTree();
              reload();
            }
          }}
        />
      )}
    </Card>
  );
}

export function OrgsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const { tree, error } = useOrgTree(user?.id);
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  // Everything open, new orgs included, but what the admin closed.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  if (!tree) return error ? <Empty description={error.message} /> : <PageLoading />;
  const current = tree.orgs.find((o) => o.id === selected) ?? tree.orgs[0];
  return (
    <div className="orgs-admin" data-testid="orgs-tab">
      <Card
        size="small"
        title={<h2>{t('orgs.tree')}</h2>}
        extra={
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            disabled={!current || CHILD_TYPES[current.type].length === 0}
            onClick={() => setCreating(true)}
            data-testid="org-create"
          >
            {t('orgs.create')}
          </Button>
        }
      >
        <Tree
          treeData={entries(nestOrgs(tree.orgs))}
          expandedKeys={tree.orgs.map((o) => o.id).filter((id) => !closed.has(id))}
          onExpand={(keys) => {
            const open = new Set(keys.map(String));
            setClosed(new Set(tree.orgs.map((o) => o.id).filter((id) => !open.has(id))));
          }}
          selectedKeys={current ? [current.id] : []}
          onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]))}
        />
      </Card>
      {current ? (
        <OrgUsersCard key={current.id} tree={tree} org={current} />
      ) : (
        <Empty description={t('orgs.pickOrg')} />
      )}
      {creating && current && (
        <OrgCreateDialog
          tree={tree}
          parent={current}
          onClose={(created) => {
            setCreating(false);
            if (created) {
              void message.success(t('orgs.created', { name: created.name }));
              refreshOrgTree();
              setSelected(created.id);
            }
          }}
        />
      )}
    </div>
  );
}
