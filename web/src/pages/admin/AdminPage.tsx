/** 系统管理 (admin): users, units, organisation settings; the tab is in the URL. */
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { UsersTab } from './UsersTab';
import { UnitsTab } from './UnitsTab';
import { OrgTab } from './OrgTab';
import { OrgsTab } from './OrgsTab';

export default function AdminPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'users';
  return (
    <div data-testid="admin-page">
      <PageHeader title={t('admin.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'users', label: t('admin.users'), children: <UsersTab /> },
          { key: 'units', label: t('admin.units'), children: <UnitsTab /> },
          { key: 'org', label: t('admin.org'), children: <OrgTab /> },
          { key: 'orgs', label: t('orgs.tab'), children: <OrgsTab /> },
        ]}
      />
    </div>
  );
}
