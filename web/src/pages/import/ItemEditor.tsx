/** Correct one row before it is stored: any field, including the extracted milestones and targets. */
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Item, TargetOp, UnitRef } from '../../api/types';
import { useI18n } from '../../i18n';

interface Values {
  number: number | null;
  key: boolean;
  title: string;
  section: string;
  measures: string;
  goalsText: string;
  achievements: string;
  lead: string;
  co: string;
  milestones: {
    deadline: Dayjs | null;
    text: string;
    phrase: string;
    source: Item['milestones'][number]['source'];
  }[];
  targets: {
    metric: string;
    op: TargetOp;
    value: number | null;
    unit: string;
    deadline: Dayjs | null;
    text: string;
    source: Item['targets'][number]['source'];
  }[];
}

const splitLines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const splitUnits = (s: string) =>
  s
    .split(/[\n、，,；;]/)
    .map((l) => l.trim())
    .filter(Boolean);
const iso = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

function toValues(item: Item): Values {
  return {
    number: item.number,
    key: item.key,
    title: item.title,
    section: item.section ?? '',
    measures: item.measures.join('\n'),
    goalsText: item.goalsText,
    achievements: item.achievements.join('\n'),
    lead: item.units
      .filter((u) => u.role === 'lead')
      .map((u) => u.canonical || u.name)
      .join('、'),
    co: item.units
      .filter((u) => u.role === 'co')
      .map((u) => u.canonical || u.name)
      .join('、'),
    milestones: item.milestones.map((m) => ({ ...m, deadline: dayjs(m.deadline) })),
    targets: item.targets.map((tg) => ({ ...tg, deadline: tg.deadline ? dayjs(tg.deadline) : null })),
  };
}

function unitsOf(item: Item, v: Values): UnitRef[] {
  const keep = (name: string, role: UnitRef['role']): UnitRef =>
    item.units.find((u) => u.role === role && (u.canonical === name || u.name === name)) ?? {
      name,
      canonical: name,
      role,
    };
  return [...splitUnits(v.lead).map((n) => keep(n, 'lead')), ...splitUnits(v.co).map((n) => keep(n, 'co'))];
}

export function toItem(item: Item, v: Values): Item {
  return {
    ...item,
    number: v.number,
    numberText: v.number === item.number ? item.numberText : String(v.number ?? ''),
    numberInferred: v.number === item.number ? item.numberInferred : false,
    key: v.key,
    title: v.title.trim(),
    section: v.section.trim() || undefined,
    measures: splitLines(v.measures),
    goalsText: v.goalsText,
    achievements: splitLines(v.achievements),
    units: unitsOf(item, v),
    milestones: v.milestones
      .filter((m) => m.deadline)
      .map((m) => ({
        deadline: iso(m.deadline)!,
        text: m.text ?? '',
        phrase: m.phrase ?? '',
        source: m.source ?? 'goals',
      })),
    targets: v.targets.map((tg) => ({
      metric: tg.metric ?? '',
      op: tg.op ?? '=',
      value: tg.value ?? null,
      unit: tg.unit ?? '',
      deadline: iso(tg.deadline),
      text: tg.text ?? '',
      source: tg.source ?? 'goals',
    })),
  };
}

export function ItemEditor({
  item,
  onSave,
  onCancel,
}: {
  item: Item;
  onSave: (i: Item) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = async () => {
    await form.validateFields();
    // All values, not only the fields on screen: a milestone's phrase and a target's text and
    // source have no input of their own and must survive the edit.
    onSave(toItem(item, form.getFieldsValue(true) as Values));
  };
  return (
    <Modal
      open
      width={860}
      title={t('import.editRow', { number: item.number ?? '—' })}
      okText={t('common.save')}
      onOk={() => void save()}
      onCancel={onCancel}
      data-testid="item-editor"
    >
      <Form form={form} layout="vertical" initialValues={toValues(item)} className="item-editor">
        <Space align="start" wrap>
          <Form.Item name="number" label={t('field.number')}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="key" label={t('item.key')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="section" label={t('field.section')}>
            <Input style={{ width: 300 }} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('field.title')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="edit-title" />
        </Form.Item>
        <Form.Item name="measures" label={t('field.measures')} extra={t('import.onePerLine')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="goalsText" label={t('field.goals')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="achievements" label={t('field.achievements')} extra={t('import.onePerLine')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="lead" label={t('role.lead')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="co" label={t('role.co')} extra={t('import.unitsSep')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 500 }} />
          </Form.Item>
        </Space>
        <fieldset className="editor-group">
          <legend>{t('field.milestones')}</legend>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" className="editor-line">
                    <Form.Item name={[f.name, 'deadline']} rules={[{ required: true }]}>
                      <DatePicker aria-label={t('target.deadline')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'text']}>
                      <Input style={{ width: 520 }} aria-label={t('milestone.text')} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ deadline: null, text: '', phrase: '', source: 'goals' })}
                >
                  {t('import.addMilestone')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <fieldset className="editor-group">
          <legend>{t('field.targets')}</legend>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap className="editor-line">
                    <Form.Item name={[f.name, 'metric']}>
                      <Input
                        style={{ width: 240 }}
                        aria-label={t('target.metric')}
                        placeholder={t('target.metric')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'op']}>
                      <Select
                        style={{ width: 72 }}
                        aria-label={t('target.op')}
                        options={[
                          { value: '>=', label: '≥' },
                          { value: '<=', label: '≤' },
                          { value: '=', label: '=' },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']}>
                      <InputNumber
                        style={{ width: 150 }}
                        aria-label={t('target.value')}
                        placeholder={t('target.value')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']}>
                      <Input
                        style={{ width: 70 }}
                        aria-label={t('target.unit')}
                        placeholder={t('target.unit')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'deadline']}>
                      <DatePicker aria-label={t('target.deadline')} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('common.remove')}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      metric: '',
                      op: '>=',
                      value: null,
                      unit: '',
                      deadline: null,
                      text: '',
                      source: 'goals',
                    })
                  }
                >
                  {t('import.addTarget')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
      </Form>
    </Modal>
  );
}
