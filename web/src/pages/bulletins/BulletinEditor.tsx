/** The office's draft: its opening paragraph and layout, a Word preview, refresh and publish. */
import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Popconfirm, Space } from 'antd';
import { FileWordOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { BulletinDetail } from '../../api/types';
import { useI18n } from '../../i18n';

interface Values {
  opening: string;
  redHead: boolean;
  issuer: string;
}

export function BulletinEditor({
  draft,
  onChange,
  onClose,
}: {
  draft: BulletinDetail;
  onChange: (b: BulletinDetail) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.setFieldsValue({
      opening: draft.openingEdited ? draft.opening : '',
      redHead: draft.redHead,
      issuer: draft.issuer ?? '',
    });
  }, [draft, form]);

  const persist = (v: Values) =>
    api.patch<BulletinDetail>(`/bulletins/${draft.id}`, {
      opening: v.opening.trim() ? v.opening : null,
      redHead: v.redHead,
      issuer: v.issuer.trim() ? v.issuer : null,
    });
  const save = async (v: Values) => {
    onChange(await persist(v));
    void message.success(t('bulletins.saved'));
  };
  const refresh = async () => {
    onChange(await api.post<BulletinDetail>('/bulletins', { period: draft.period, refresh: true }));
  };
  const publish = async () => {
    // What is on the form is what gets published.
    await persist(form.getFieldsValue());
    onChange(await api.post<BulletinDetail>(`/bulletins/${draft.id}/publish`));
    void message.success(t('bulletins.published'));
  };

  return (
    <Card
      size="small"
      title={<h2>{t('bulletins.editing', { period: draft.periodLabel })}</h2>}
      extra={<Button onClick={onClose}>{t('bulletins.close')}</Button>}
      data-testid="bulletin-editor"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="opening" label={t('bulletins.opening')} extra={t('bulletins.openingHint')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={draft.defaultOpening}
            maxLength={4000}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="redHead" valuePropName="checked">
            <Checkbox>{t('bulletins.redHead')}</Checkbox>
          </Form.Item>
          <Form.Item name="issuer" label={t('bulletins.issuer')} extra={t('bulletins.issuerHint')}>
            <Input maxLength={100} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Button type="primary" htmlType="submit">
            {t('bulletins.save')}
          </Button>
          <Button icon={<FileWordOutlined />} href={`/api/bulletins/${draft.id}.docx`} download>
            {t('bulletins.preview')}
          </Button>
          <Button icon={<ReloadOutlined />} title={t('bulletins.refreshHint')} onClick={() => void refresh()}>
            {t('bulletins.refresh')}
          </Button>
          <Popconfirm title={t('bulletins.publishConfirm')} onConfirm={() => void publish()}>
            <Button icon={<SendOutlined />} danger>
              {t('bulletins.publish')}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
