import { App, Button, Form, Input, InputNumber, Select, Spin } from 'antd';
import { api } from '../../api/client';
import type { Org } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

/**
 * The organisation's name, the warning window (days before a deadline an item turns yellow) and
 * the reporting schedule (monthly or quarterly, and the day reports are due).
 */
export function OrgTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data } = useApi((signal) => api.get<Org>('/org', undefined, { signal }), 'org');
  if (!data) return <Spin />;
  const save = async (v: Org) => {
    await api.patch('/org', v);
    void message.success(t('common.saved'));
  };
  return (
    <Form<Org>
      layout="vertical"
      initialValues={data}
      onFinish={(v) => void save(v)}
      style={{ maxWidth: 480 }}
    >
      <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="warningDays"
        label={t('org.warningDays')}
        extra={t('org.warningDaysHint')}
        rules={[{ required: true }]}
      >
        <InputNumber min={0} max={365} />
      </Form.Item>
      <Form.Item name="cadence" label={t('org.cadence')} rules={[{ required: true }]}>
        <Select
          options={(['monthly', 'quarterly'] as const).map((c) => ({
            value: c,
            label: t(`org.cadence.${c}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="dueDay"
        label={t('org.dueDay')}
        extra={t('org.dueDayHint')}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={31} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}
