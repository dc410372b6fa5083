import { App, Button, Card, Form, InputNumber, Select, Space, Spin, Switch, Typography } from 'antd';
import { api } from '../../api/client';
import type { ReminderSettings } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { ChannelTest } from './ChannelTest';
import { EmailCard, WebhookCard } from './ChannelCards';

/** Days typed as tags ("7", "1") → distinct whole numbers, largest first. */
export function toDays(max: number) {
  return (v: unknown): number[] => {
    const list = Array.isArray(v) ? v : [];
    const days = list.map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n <= max);
    return [...new Set(days)].sort((a, b) => b - a);
  };
}

/** The rules and the three channels, saved together; each channel can be tested before saving. */
export function SettingsForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReminderSettings>();
  const { data, reload } = useApi(
    (signal) => api.get<ReminderSettings>('/org/reminders', undefined, { signal }),
    'reminder-settings',
  );
  if (!data) return <Spin />;
  const current = () => form.getFieldsValue(true) as ReminderSettings;
  const save = async (values: ReminderSettings) => {
    const saved = await api.put<ReminderSettings>('/org/reminders', values);
    form.setFieldsValue(saved);
    void message.success(t('reminders.saved'));
    reload();
  };
  const daysField = (name: 'milestoneDaysBefore' | 'reportDaysBefore', max: number) => (
    <Form.Item
      name={['rules', name]}
      label={t(`reminders.${name}`)}
      extra={t(`reminders.${name}Hint`)}
      normalize={toDays(max)}
    >
      <Select
        mode="tags"
        tokenSeparators={[',', '，', ' ']}
        placeholder={t('reminders.daysPlaceholder')}
        suffixIcon={t('reminders.days')}
        open={false}
        style={{ maxWidth: 360 }}
      />
    </Form.Item>
  );
  return (
    <Form<ReminderSettings>
      form={form}
      layout="vertical"
      initialValues={data}
      onFinish={() => void save(current())}
      data-testid="reminder-settings"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
        <Card size="small" title={<h2>{t('reminders.rules')}</h2>}>
          {daysField('milestoneDaysBefore', 180)}
          {daysField('reportDaysBefore', 31)}
          <Space wrap size="large" align="start">
            <Form.Item
              name={['rules', 'overdueEveryDays']}
              label={t('reminders.overdueEveryDays')}
              extra={t('reminders.overdueEveryDaysHint')}
            >
              <InputNumber min={1} max={90} addonAfter={t('reminders.days')} />
            </Form.Item>
            <Form.Item
              name={['rules', 'escalateAfterDays']}
              label={t('reminders.escalateAfterDays')}
              extra={t('reminders.escalateAfterDaysHint')}
            >
              <InputNumber min={1} max={365} addonAfter={t('reminders.days')} />
            </Form.Item>
            <Form.Item
              name={['rules', 'overdueMaxRepeats']}
              label={t('reminders.overdueMaxRepeats')}
              extra={t('reminders.overdueMaxRepeatsHint')}
            >
              <InputNumber min={1} max={52} addonAfter={t('reminders.times')} />
            </Form.Item>
          </Space>
          <Form.Item name="locale" label={t('reminders.locale')}>
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en-US', label: 'English' },
              ]}
            />
          </Form.Item>
        </Card>

        <Card size="small" title={<h2>{t('reminders.channel.in_app')}</h2>}>
          <Form.Item
            name={['channels', 'inApp', 'enabled']}
            label={t('reminders.enabled')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('reminders.inAppHint')}</Typography.Paragraph>
          <ChannelTest channel="in_app" settings={current} />
        </Card>

        <WebhookCard settings={current} />
        <EmailCard settings={current} />

        <Button type="primary" htmlType="submit" data-testid="save-reminders">
          {t('reminders.save')}
        </Button>
      </Space>
    </Form>
  );
}
