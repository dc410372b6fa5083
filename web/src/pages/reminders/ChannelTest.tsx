import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { ReminderChannel, ReminderSettings, ReminderTestResult } from '../../api/types';
import { useI18n } from '../../i18n';

/**
 * 测试发送: sends a test message through one channel with the settings the form holds now (saved
 * or not) and shows what the receiver answered.
 */
export function ChannelTest({
  channel,
  settings,
  to,
}: {
  channel: ReminderChannel;
  /** The form's current values, read when the button is pressed. */
  settings: () => ReminderSettings;
  to?: string;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReminderTestResult | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const body = { channel, settings: settings(), ...(to ? { to } : {}) };
      setResult(await api.post<ReminderTestResult>('/org/reminders/test', body));
    } catch {
      // shown by the client's error reporter
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        icon={<SendOutlined />}
        loading={busy}
        onClick={() => void run()}
        data-testid={`test-${channel}`}
      >
        {t('reminders.test')}
      </Button>
      {result && (
        <Alert
          role="status"
          type={result.ok ? 'success' : 'error'}
          showIcon
          message={t(result.ok ? 'reminders.testOk' : 'reminders.testFailed', { detail: result.detail })}
          data-testid={`test-result-${channel}`}
        />
      )}
    </Space>
  );
}
