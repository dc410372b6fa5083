/**
 * 我的待办: what the reporter's unit owes this period — returned reports first, with the
 * office's comment; then the items it leads (a report to write) and co-works on (a contribution
 * to add). Every row opens the report form.
 */
import { Alert, Card, Empty, Table, Tag, type TableColumnType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { ReportSummary, Todo, TodoItem } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { useUser } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/StatusTag';
import { ReportStatusTag } from './ReportStatusTag';
import { daysBetween, momentText, periodText, reportLink } from './format';
import { actionLabel, TodoList } from './TodoList';
import { usePhone } from '../../hooks/usePhone';
import '../../styles/reports.css';

function DueLine({ todo }: { todo: Todo }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const left = daysBetween(todo.asOf, todo.dueDate);
  const days =
    left > 0
      ? t('todo.daysLeft', { n: left })
      : left === 0
        ? t('todo.dueToday')
        : t('todo.overdue', { n: -left });
  return (
    <span data-testid="todo-period">
      {t('todo.period', { period: periodText(todo.period, i18n), due: date(todo.dueDate) })}{' '}
      <Tag color={left < 0 ? 'red' : left <= 3 ? 'orange' : 'default'}>{days}</Tag>
    </span>
  );
}

function Returned({ rows }: { rows: ReportSummary[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (rows.length === 0) return null;
  return (
    <Card
      size="small"
      className="todo-returned"
      title={<h2>{t('todo.returned', { n: rows.length })}</h2>}
      data-testid="todo-returned"
    >
      <ul className="plain-list">
        {rows.map((r) => (
          <li key={r.id}>
            <Alert
              type="error"
              showIcon
              title={
                <Link to={reportLink(r.itemKey, r.period, r.itemNumber)} className="touch-link">
                  {r.itemNumber !== null && <span className="item-number">{r.itemNumber}</span>}
                  <bdi>{r.itemTitle}</bdi> · {periodText(r.period, i18n)}
                </Link>
              }
              description={
                <>
                  <div className="review-comment" data-testid="return-comment">
                    {t('todo.officeComment', { comment: r.reviewComment ?? '' })}
                  </div>
                  {r.reviewedAt && <div className="muted">{momentText(r.reviewedAt, i18n)}</div>}
                </>
              }
            />
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default function TodoPage() {
  const { t } = useI18n();
  const user = useUser();
  const phone = usePhone();
  const [params] = useSearchParams();
  // Without ?asOf= the server's today decides the period (its clock and time zone are the office's).
  const asOf = params.get('asOf') ?? undefined;
  const { data, loading } = useApi(
    (signal) => api.get<Todo>('/reports/todo', { asOf }, { signal }),
    `todo|${asOf ?? ''}`,
  );
  if (!data) return loading ? <PageLoading /> : <Empty />;

  const columns: TableColumnType<TodoItem>[] = [
    { key: 'number', title: t('col.number'), dataIndex: 'number', width: 64 },
    {
      key: 'title',
      title: t('col.title'),
      render: (_, r) => (
        <Link to={reportLink(r.itemKey, data.period, r.number)} data-testid={`todo-open-${r.number}`}>
          {r.title}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('col.status'),
      width: 90,
      render: (_, r) => <StatusTag status={r.itemStatus} />,
    },
    {
      key: 'report',
      title: t('todo.reportCol'),
      width: 110,
      render: (_, r) => <ReportStatusTag status={r.report?.status ?? null} />,
    },
    {
      key: 'action',
      title: t('common.actions'),
      width: 150,
      render: (_, r) => (
        <Link
          to={reportLink(r.itemKey, data.period, r.number)}
          className={r.needsAction ? 'todo-action todo-action-primary' : 'todo-action'}
        >
          {t(actionLabel(r))}
        </Link>
      ),
    },
  ];

  const lead = data.items.filter((i) => i.role === 'lead');
  const co = data.items.filter((i) => i.role === 'co');
  // What needs doing first: rows needing action, then by number.
  const order = (rows: TodoItem[]) =>
    [...rows].sort(
      (a, b) => Number(b.needsAction) - Number(a.needsAction) || (a.number ?? 0) - (b.number ?? 0),
    );
  const pending = lead.filter((i) => i.needsAction).length;
  const table = (rows: TodoItem[]) =>
    phone ? (
      <TodoList rows={order(rows)} period={data.period} />
    ) : (
      <Table<TodoItem>
        rowKey="itemKey"
        size="small"
        columns={columns}
        dataSource={order(rows)}
        pagination={false}
        rowClassName={(r) => (r.needsAction ? 'todo-needs-action' : '')}
        locale={{ emptyText: t('todo.noItems') }}
      />
    );

  return (
    <div data-testid="todo-page">
      <PageHeader
        title={t('todo.title')}
        sub={
          <>
            {user.unitName && <bdi className="todo-unit">{user.unitName}</bdi>} <DueLine todo={data} />
          </>
        }
      />
      <Returned rows={data.returned} />
      <Card
        size="small"
        title={<h2>{t('todo.asLead', { n: lead.length, pending })}</h2>}
        data-testid="todo-lead"
      >
        {table(lead)}
      </Card>
      <Card size="small" title={<h2>{t('todo.asCo', { n: co.length })}</h2>} data-testid="todo-co">
        {table(co)}
      </Card>
    </div>
  );
}
