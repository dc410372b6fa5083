/** 责任单位: every unit's items as lead and co-unit and its next deadline, and who works with whom. */
import { Card, Col, Input, Row, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { itemsLink } from '../../app/links';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { AsOfPicker } from '../../components/AsOfPicker';
import { useAsOf } from '../../hooks/useAsOf';
import { UnitGraphCard } from './UnitGraphCard';

export default function UnitsPage() {
  const { t, date } = useI18n();
  const [filter, setFilter] = useState('');
  const [asOf, setAsOf] = useAsOf();
  const { data, loading } = useApi(
    (signal) => api.get<{ units: Unit[] }>('/units', { asOf }, { signal }),
    asOf,
  );
  const units = (data?.units ?? []).filter(
    (u) => !filter || u.name.includes(filter) || u.aliases.some((a) => a.includes(filter)),
  );
  return (
    <div data-testid="units-page">
      <PageHeader
        title={t('units.title')}
        sub={data ? t('units.count', { n: data.units.length }) : undefined}
        extra={<AsOfPicker value={asOf} onChange={setAsOf} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card size="small" title={<h2>{t('units.list')}</h2>}>
            <Input.Search
              allowClear
              placeholder={t('units.search')}
              aria-label={t('units.search')}
              onChange={(e) => setFilter(e.target.value.trim())}
              style={{ marginBottom: 8 }}
            />
            <Table<Unit>
              rowKey="id"
              size="small"
              loading={loading}
              dataSource={units}
              pagination={{ pageSize: 15, showSizeChanger: false }}
              columns={[
                {
                  key: 'name',
                  title: t('unit.name'),
                  sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
                  render: (_, u) => (
                    <Link to={`/units/${encodeURIComponent(u.id)}?asOf=${asOf}`}>{u.name}</Link>
                  ),
                },
                {
                  key: 'lead',
                  title: t('role.lead'),
                  align: 'right',
                  defaultSortOrder: 'descend',
                  sorter: (a, b) => a.lead - b.lead || a.co - b.co,
                  render: (_, u) => <Link to={itemsLink({ unit: u.id, role: 'lead', asOf })}>{u.lead}</Link>,
                },
                {
                  key: 'co',
                  title: t('role.co'),
                  align: 'right',
                  sorter: (a, b) => a.co - b.co,
                  render: (_, u) => <Link to={itemsLink({ unit: u.id, role: 'co', asOf })}>{u.co}</Link>,
                },
                {
                  key: 'next',
                  title: t('unit.nextDeadline'),
                  sorter: (a, b) =>
                    (a.nextDeadline?.deadline ?? '9').localeCompare(b.nextDeadline?.deadline ?? '9'),
                  render: (_, u) => (u.nextDeadline ? date(u.nextDeadline.deadline) : '—'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <UnitGraphCard />
        </Col>
      </Row>
    </div>
  );
}
