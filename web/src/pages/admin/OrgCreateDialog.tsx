/** 新建下级组织: a name and a level under an org the admin manages (POST /api/orgs). */
import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { api } from '../../api/client';
import type { OrgCreateBody, OrgNode, OrgTree, OrgType } from '../../api/types';
import { nestOrgs } from '../../app/org-tree';
import { useI18n } from '../../i18n';
import { CHILD_TYPES } from '../../../../src/domain/org-tree.js';

interface Values {
  name: string;
  type: OrgType;
  parentId: string;
}

export function OrgCreateDialog({
  tree,
  parent,
  onClose,
}: {
  tree: OrgTree;
  parent: OrgNode;
  onClose: (created: OrgNode | null) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const parentId = Form.useWatch('parentId', form) ?? parent.id;
  const parentNode = tree.orgs.find((o) => o.id === parentId) ?? parent;
  const types = CHILD_TYPES[parentNode.type];
  const submit = async () => {
    const v = await form.validateFields();
    const body: OrgCreateBody = { name: v.name.trim(), type: v.type, parentId: v.parentId };
    onClose(await api.post<OrgNode>('/orgs', body));
  };
  return (
    <Modal
      open
      title={t('orgs.create.title', { parent: parentNode.name })}
      okText={t('common.save')}
      onOk={() => void submit()}
      onCancel={() => onClose(null)}
      okButtonProps={{ disabled: types.length === 0 }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ parentId: parent.id, type: CHILD_TYPES[parent.type][0] }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.parentId) {
            const p = tree.orgs.find((o) => o.id === changed.parentId);
            form.setFieldValue('type', p ? CHILD_TYPES[p.type][0] : undefined);
          }
        }}
      >
        <Form.Item name="parentId" label={t('orgs.parent')} rules={[{ required: true }]}>
          <TreeSelect
            treeData={nestOrgs(tree.orgs)}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('orgs.type')}
          rules={[{ required: true }]}
          extra={
            types.length === 0 ? t('orgs.noChildType', { type: t(`orgType.${parentNode.type}`) }) : undefined
          }
        >
          <Select options={types.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('orgs.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input autoComplete="off" data-testid="org-create-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
