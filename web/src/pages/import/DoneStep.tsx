import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { ImportConfirmed } from '../../api/types';
import { useI18n } from '../../i18n';

export function DoneStep({ result, onAgain }: { result: ImportConfirmed; onAgain: () => void }) {
  const { t } = useI18n();
  const d = result.diff;
  return (
    <Result
      status="success"
      data-testid="import-done"
      title={t('import.done', { version: result.version })}
      subTitle={t('import.doneDiff', {
        added: d.added.length,
        removed: d.removed.length,
        changed: d.changed.length,
        unchanged: d.unchanged,
      })}
      extra={[
        <Link
          key="dash"
          to="/"
          className="ant-btn ant-btn-primary ant-btn-color-primary ant-btn-variant-solid"
        >
          {t('nav.dashboard')}
        </Link>,
        <Link
          key="items"
          to="/items"
          className="ant-btn ant-btn-default ant-btn-color-default ant-btn-variant-outlined"
        >
          {t('nav.items')}
        </Link>,
        <Button key="again" onClick={onAgain}>
          {t('import.again')}
        </Button>,
      ]}
    />
  );
}
