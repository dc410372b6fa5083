/**
 * The bell in the header: the signed-in user's unread count, and a list of their newest messages
 * (reminders, returned or approved reports …). Opening one marks it read and follows its link.
 * Polls every 60 s while the page is visible, and when opened.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { Notification, Notifications } from '../api/types';
import { useI18n } from '../i18n';
import { useStamp } from '../hooks/useStamp';

const POLL_MS = 60_000;

export function NotificationBell() {
  const { t } = useI18n();
  const stamp = useStamp();
  const navigate = useNavigate();
  const [data, setData] = useState<Notifications>({ notifications: [], unread: 0 });
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    api
      .get<Notifications>('/notifications', undefined, { quiet: true })
      .then(setData)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(() => {
      if (!document.hidden) load();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    const { unread } = await api.post<{ unread: number }>(`/notifications/${encodeURIComponent(n.id)}/read`);
    const now = new Date().toISOString();
    setData((d) => ({
      unread,
      notifications: d.notifications.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)),
    }));
  };
  const follow = async (n: Notification) => {
    await markRead(n).catch(() => undefined);
    if (n.link) {
      setOpen(false);
      void navigate(n.link);
    }
  };
  const readAll = async () => {
    await api.post('/notifications/read-all');
    load();
  };

  const list = data.notifications;
  const content = (
    <div style={{ width: 360, maxWidth: '90vw' }} data-testid="bell-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('bell.label')}</Typography.Text>
        <Button size="small" type="link" disabled={data.unread === 0} onClick={() => void readAll()}>
          {t('bell.readAll')}
        </Button>
      </Space>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
          {list.map((n) => (
            <li key={n.id} style={{ borderTop: '1px solid rgba(5, 5, 5, 0.06)', padding: '6px 0' }}>
              <Button
                type="text"
                block
                onClick={() => void follow(n)}
                style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'left', padding: '4px 6px' }}
                data-testid="bell-item"
              >
                <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.message}</span>
              </Button>
              <Space size="small" style={{ paddingLeft: 6 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {stamp(n.createdAt)}
                </Typography.Text>
                {!n.readAt && (
                  <Button size="small" type="link" onClick={() => void markRead(n)} style={{ padding: 0 }}>
                    {t('bell.markRead')}
                  </Button>
                )}
              </Space>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) load();
      }}
      content={content}
    >
      <Button
        type="text"
        aria-label={`${t('bell.label')}: ${t('bell.unread', { count: data.unread })}`}
        data-testid="notification-bell"
        icon={
          <Badge count={data.unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
