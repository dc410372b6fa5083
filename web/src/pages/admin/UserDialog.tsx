import { Form, Input, Modal, Select, Switch } from 'antd';
import { api } from '../../api/client';
import {
  ROLES,
  type Role,
  type Unit,
  type User,
  type UserCreateBody,
  type UserPatchBody,
} from '../../api/types';
import { useI18n } from '../../i18n';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  password?: string;
  disabled: boolean;
}

/** Create a user (with an initial password) or edit one; a reporter belongs to a unit. */
export function UserDialog({
  user,
  units,
  onClose,
}: {
  user: User | null;
  units: Unit[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const submit = async () => {
    const v = await form.validateFields();
    const unitId = v.unitId ?? null;
    if (user) {
      const body: UserPatchBody = { displayName: v.displayName, role: v.role, unitId, disabled: v.disabled };
      if (v.password) body.password = v.password;
      await api.patch(`/users/${encodeURIComponent(user.id)}`, body);
    } else {
      const body: UserCreateBody = {
        username: v.username,
        displayName: v.displayName,
        role: v.role,
        unitId,
        password: v.password ?? '',
      };
      await api.post('/users', body);
    }
    onClose(true);
  };
  return (
    <Modal
      open
      title={user ? t('admin.editUser', { name: user.username }) : t('admin.newUser')}
      okText={t('common.save')}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={user ?? { role: 'viewer', disabled: false, unitId: null }}
      >
        <Form.Item name="username" label={t('user.username')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" disabled={Boolean(user)} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('user.unit')}
          rules={[{ required: role === 'reporter', message: t('admin.reporterNeedsUnit') }]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('admin.resetPassword') : t('user.password')}
          extra={t('user.passwordPolicy')}
          rules={[
            { required: !user },
            { min: 10, message: t('user.passwordPolicy') },
            { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: t('user.passwordPolicy') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {user && (
          <Form.Item name="disabled" label={t('user.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
