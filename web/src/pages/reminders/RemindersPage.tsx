/** 催办 (admin): the rules and channels, each channel with a test send; the send log. */
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { SettingsForm } from './SettingsForm';
import { SendLog } from './SendLog';

export default function RemindersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'log' ? 'log' : 'settings';
  return (
    <div data-testid="reminders-page">
      <PageHeader title={t('reminders.title')} sub={t('reminders.sub')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'settings', label: t('reminders.tab.settings'), children: <SettingsForm /> },
          { key: 'log', label: t('reminders.tab.log'), children: <SendLog /> },
        ]}
      />
    </div>
  );
}
