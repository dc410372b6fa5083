import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { isolateBidi } from '../../../src/shared/text/bidi.js';
import { useSession, useUser } from '../app/session';
import { PasswordDialog } from './PasswordDialog';

/** "张三 · 联络员"; just the name when it already says the role ("管理员"). */
function userLabel(name: string, role: string): string {
  return name === role ? name : `${isolateBidi(name)} · ${role}`;
}

/** `compact`: the icon only (a phone's header), the name and role as its label and menu title. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const label = userLabel(user.displayName || user.username, t(`role.${user.role}`));
  const items = [
    ...(compact ? [{ key: 'who', label, disabled: true }] : []),
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
        <Button
          type="text"
          icon={<UserOutlined />}
          aria-label={compact ? label : undefined}
          data-testid="user-menu"
        >
          {compact ? null : (
            <>
              {label} <DownOutlined />
            </>
          )}
        </Button>
      </Dropdown>
      <PasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
