/**
 * The navigation on a phone: a menu button in the header opening the side menu as a drawer,
 * closed again as soon as the user goes somewhere (or taps outside, or presses Esc).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Drawer } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n';

export function NavDrawer({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { pathname, search } = useLocation();
  useEffect(() => setOpen(false), [pathname, search]);
  return (
    <>
      <Button
        type="text"
        className="nav-drawer-button"
        icon={<MenuOutlined />}
        aria-label={t('nav.open')}
        aria-expanded={open}
        aria-controls="nav-drawer"
        data-testid="nav-open"
        onClick={() => setOpen(true)}
      />
      <Drawer
        id="nav-drawer"
        className="nav-drawer"
        placement="left"
        size={280}
        open={open}
        onClose={() => setOpen(false)}
        title={brand}
        closable={{ 'aria-label': t('nav.close') }}
        styles={{ body: { padding: 0 } }}
      >
        {/* A tap on the entry of the page already shown closes the drawer too. */}
        <div onClick={() => setOpen(false)} role="presentation">
          {children}
        </div>
      </Drawer>
    </>
  );
}
