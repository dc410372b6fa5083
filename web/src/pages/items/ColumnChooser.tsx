import { Button, Checkbox, Popover } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import type { ColumnKey } from './columns';

export function ColumnChooser({
  all,
  visible,
  onChange,
}: {
  all: { key: ColumnKey; label: string }[];
  visible: ColumnKey[];
  onChange: (keys: ColumnKey[]) => void;
}) {
  const { t } = useI18n();
  const content = (
    <Checkbox.Group
      className="column-chooser"
      value={visible}
      onChange={(keys) => keys.length > 0 && onChange(keys as ColumnKey[])}
      options={all.map((c) => ({ value: c.key, label: c.label, disabled: c.key === 'title' }))}
    />
  );
  return (
    <Popover content={content} title={t('items.columns')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('items.columns')}
      </Button>
    </Popover>
  );
}
