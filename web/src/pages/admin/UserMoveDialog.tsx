/**
 * 调动: move a user to another org the admin manages (POST /api/orgs/users/:id/move). A liaison
 * belongs to a unit of the org they go to, so the units are the target org's.
 */
import { Alert, Form, Modal, Select, TreeSelect } from 'antd';
import { api } from '../../api/client';
import {
  ROLES,
  type OrgTree,
  type OrgUser,
  type OrgUserMoveBody,
  type Role,
  type Unit,
} from '../../api/types';
import { nestOrgs } from '../../app/org-tree';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

interface Values {
  orgId: string;
  role: Role;
  unitId?: string;
}

export function UserMoveDialog({
  tree,
  user,
  onClose,
}: {
  tree: OrgTree;
  user: OrgUser;
  /** The name of the org moved to; null: cancelled. */
  onClose: (movedTo: string | null) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('orgId', form);
  const role = Form.useWatch('role', form) ?? user.role;
  const { data } = useApi(
    (signal) =>
      orgId && role === 'reporter'
        ? api.get<{ units: Unit[] }>('/units', { org: orgId }, { signal })
        : Promise.resolve({ units: [] }),
    `move-units|${orgId}|${role}`,
  );
  const submit = async () => {
    const v = await form.validateFields();
    const body: OrgUserMoveBody = { orgId: v.orgId, role: v.role, unitId: v.unitId ?? null };
    await api.post(`/orgs/users/${encodeURIComponent(user.id)}/move`, body);
    onClose(tree.orgs.find((o) => o.id === v.orgId)?.name ?? v.orgId);
  };
  return (
    <Modal
      open
      title={t('orgs.move.title', { user: user.displayName || user.username })}
      okText={t('orgs.move')}
      onOk={() => void submit()}
      onCancel={() => onClose(null)}
    >
      <Alert type="info" showIcon title={t('orgs.move.hint')} className="tab-action" />
      <Form form={form} layout="vertical" initialValues={{ role: user.role }}>
        <Form.Item name="orgId" label={t('orgs.move.org')} rules={[{ required: true }]}>
          <TreeSelect
            treeData={nestOrgs(tree.orgs)}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            data-testid="move-org"
            onChange={() => form.setFieldValue('unitId', undefined)}
          />
        </Form.Item>
        <Form.Item name="role" label={t('orgs.move.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {role === 'reporter' && (
          <Form.Item
            name="unitId"
            label={t('orgs.move.unit')}
            rules={[{ required: true, message: t('orgs.move.unitNeeded') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
