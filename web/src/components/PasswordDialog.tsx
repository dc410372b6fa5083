import { App, Form, Input, Modal } from 'antd';
import { api } from '../api/client';
import { useI18n } from '../i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** PUT /session/password: at least 10 characters, letters and digits (the server checks too). */
export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = async () => {
    const v = await form.validateFields();
    await api.put('/session/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
    void message.success(t('user.passwordChanged'));
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('user.changePassword')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="currentPassword" label={t('user.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('user.newPassword')}
          extra={t('user.passwordPolicy')}
          rules={[
            { required: true },
            { min: 10, message: t('user.passwordPolicy') },
            { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: t('user.passwordPolicy') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('user.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('user.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
