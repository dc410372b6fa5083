import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type * as S from '../../../../src/shared/api/index.js';
import type { ReminderSettings } from '../../api/types';

/** What the server answers for a stored secret (the type keeps it equal to the server's). */
const SECRET_MASK: typeof S.SECRET_MASK = '******';
import { useUnits } from '../../hooks/useShared';
import { useI18n } from '../../i18n';
import { ChannelTest } from './ChannelTest';

interface CardProps {
  settings: () => ReminderSettings;
}

/** "已设置" under a secret field the server answered masked: leaving it keeps the stored secret. */
function SecretHint({ name }: { name: (string | number)[] }) {
  const { t } = useI18n();
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) =>
        getFieldValue(name) === SECRET_MASK ? (
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t('reminders.secretKept')}
          </Typography.Text>
        ) : null
      }
    </Form.Item>
  );
}

/** A DingTalk group robot (markdown, optionally signed) or any receiver of a JSON body. */
export function WebhookCard({ settings }: CardProps) {
  const { t } = useI18n();
  return (
    <Card size="small" title={<h2>{t('reminders.channel.webhook')}</h2>}>
      <Form.Item
        name={['channels', 'webhook', 'enabled']}
        label={t('reminders.enabled')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item name={['channels', 'webhook', 'kind']} label={t('reminders.webhook.kind')}>
        <Radio.Group
          options={[
            { value: 'dingtalk', label: t('reminders.webhook.dingtalk') },
            { value: 'json', label: t('reminders.webhook.json') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={['channels', 'webhook', 'url']}
        label={t('reminders.webhook.url')}
        extra={t('reminders.webhook.urlHint')}
        rules={[{ type: 'url', warningOnly: true }]}
      >
        <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('reminders.webhook.secret')}>
        <Form.Item name={['channels', 'webhook', 'secret']} noStyle>
          <Input.Password autoComplete="new-password" placeholder="SEC…" style={{ maxWidth: 420 }} />
        </Form.Item>
        <SecretHint name={['channels', 'webhook', 'secret']} />
      </Form.Item>
      <ChannelTest channel="webhook" settings={settings} />
    </Card>
  );
}

/** SMTP: the server, the sender, the office's and each unit's addresses. */
export function EmailCard({ settings }: CardProps) {
  const { t } = useI18n();
  const units = useUnits();
  const [testTo, setTestTo] = useState('');
  const field = (name: string) => ['channels', 'email', name];
  const addresses = (
    <Select
      mode="tags"
      tokenSeparators={[',', '，', ';', ' ']}
      open={false}
      placeholder={t('reminders.addressPlaceholder')}
    />
  );
  return (
    <Card size="small" title={<h2>{t('reminders.channel.email')}</h2>}>
      <Form.Item name={field('enabled')} label={t('reminders.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Space wrap size="middle" align="start">
        <Form.Item name={field('host')} label={t('reminders.email.host')}>
          <Input placeholder="smtp.example.gov.cn" style={{ width: 260 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name={field('port')} label={t('reminders.email.port')}>
          <InputNumber min={1} max={65535} />
        </Form.Item>
        <Form.Item name={field('secure')} label={t('reminders.email.secure')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Space wrap size="middle" align="start">
        <Form.Item name={field('user')} label={t('reminders.email.user')}>
          <Input style={{ width: 220 }} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('reminders.email.password')}>
          <Form.Item name={field('password')} noStyle>
            <Input.Password style={{ width: 220 }} autoComplete="new-password" />
          </Form.Item>
          <SecretHint name={field('password')} />
        </Form.Item>
        <Form.Item name={field('from')} label={t('reminders.email.from')} rules={[{ type: 'email' }]}>
          <Input style={{ width: 260 }} />
        </Form.Item>
      </Space>
      <Form.Item name={field('officeAddresses')} label={t('reminders.email.office')}>
        {addresses}
      </Form.Item>
      <Form.Item label={t('reminders.email.units')}>
        <Form.List name={field('unitAddresses')}>
          {(rows, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {rows.map((row) => (
                <Space key={row.key} align="start" wrap>
                  <Form.Item name={[row.name, 'unitId']} noStyle rules={[{ required: true }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 240 }}
                      placeholder={t('reminders.email.unit')}
                      aria-label={t('reminders.email.unit')}
                      options={units.map((u) => ({ value: u.id, label: u.name }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'addresses']} noStyle>
                    <Select
                      mode="tags"
                      tokenSeparators={[',', '，', ';', ' ']}
                      open={false}
                      style={{ width: 360 }}
                      aria-label={t('reminders.email.addresses')}
                      placeholder={t('reminders.addressPlaceholder')}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => remove(row.name)}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ unitId: undefined, addresses: [] })}>
                {t('reminders.email.addUnit')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('reminders.email.testTo')} extra={t('reminders.email.testToHint')}>
        <Input
          type="email"
          value={testTo}
          onChange={(e) => setTestTo(e.target.value.trim())}
          style={{ width: 260 }}
          placeholder="ggb@example.gov.cn"
        />
      </Form.Item>
      <ChannelTest channel="email" settings={settings} {...(testTo ? { to: testTo } : {})} />
    </Card>
  );
}
