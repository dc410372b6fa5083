import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useSession, useUser } from '../app/session';
import { PasswordDialog } from './PasswordDialog';

/** "张三 · 联络员"; just the name when it already says the role ("管理员"). */
function userLabel(name: string, role: string): string {
  return name === role ? name : `${name} · ${role}`;
}

export function UserMenu() {
  const { t } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const items = [
    { key: 'password', label: t('user.changePassword') },
    { key: 'logout', label: t('user.logout') },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') setChanging(true);
    if (key === 'logout') void logout().then(() => navigate('/login'));
  };
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
          {userLabel(user.displayName || user.username, t(`role.${user.role}`))} <DownOutlined />
        </Button>
      </Dropdown>
      <PasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
