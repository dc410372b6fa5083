import { Alert, Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client';
import { UNIT_TYPES, type Unit, type UnitType } from '../../api/types';
import { useI18n } from '../../i18n';

interface Props {
  unit: Unit;
  mode: 'edit' | 'merge';
  units: Unit[];
  onClose: (changed: boolean) => void;
}

export function UnitDialog({ unit, mode, units, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; type: UnitType | null; into: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    if (mode === 'edit') {
      await api.patch(`/units/${encodeURIComponent(unit.id)}`, { name: v.name.trim(), type: v.type ?? null });
    } else {
      await api.post(`/units/${encodeURIComponent(unit.id)}/merge`, { into: v.into });
    }
    onClose(true);
  };
  return (
    <Modal
      open
      title={
        mode === 'edit' ? t('admin.editUnit', { name: unit.name }) : t('admin.mergeUnit', { name: unit.name })
      }
      okText={mode === 'edit' ? t('common.save') : t('admin.merge')}
      okButtonProps={{ danger: mode === 'merge' }}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" initialValues={{ name: unit.name, type: unit.type }}>
        {mode === 'edit' ? (
          <>
            <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="type" label={t('unit.type')}>
              <Select
                allowClear
                options={UNIT_TYPES.map((ty) => ({ value: ty, label: t(`unitType.${ty}`) }))}
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Alert type="warning" showIcon title={t('admin.mergeHint', { name: unit.name })} />
            <Form.Item name="into" label={t('admin.mergeInto')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={units.filter((u) => u.id !== unit.id).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
