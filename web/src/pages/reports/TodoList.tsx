/**
 * 我的待办 on a phone: each item one card that is one link (number, title, the item's status, the
 * report's, what to do) — a table of five columns does not fit 390 px, a card is one easy tap.
 */
import { Link } from 'react-router';
import type { TodoItem } from '../../api/types';
import { useI18n } from '../../i18n';
import { StatusTag } from '../../components/StatusTag';
import { ReportStatusTag } from './ReportStatusTag';
import { reportLink } from './format';

export type TodoAction = 'todo.write' | 'todo.continue' | 'todo.resubmit' | 'todo.view' | 'todo.contribute';

export function actionLabel(row: TodoItem): TodoAction {
  if (row.role === 'co') return row.needsAction ? 'todo.contribute' : 'todo.view';
  if (!row.report) return 'todo.write';
  if (row.report.status === 'draft') return 'todo.continue';
  if (row.report.status === 'returned') return 'todo.resubmit';
  return 'todo.view';
}

export function TodoList({ rows, period }: { rows: TodoItem[]; period: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="muted">{t('todo.noItems')}</p>;
  return (
    <ul className="todo-list" data-testid="todo-list">
      {rows.map((r) => (
        <li key={r.itemKey} className={r.needsAction ? 'todo-needs-action' : undefined}>
          <Link
            to={reportLink(r.itemKey, period, r.number)}
            className="todo-card"
            data-testid={`todo-open-${r.number}`}
          >
            <span className="todo-card-title">
              {r.number !== null && <span className="item-number">{r.number}</span>}
              {r.title}
            </span>
            <span className="todo-card-meta">
              <StatusTag status={r.itemStatus} />
              <ReportStatusTag status={r.report?.status ?? null} />
              <span className={r.needsAction ? 'todo-action todo-action-primary' : 'todo-action'}>
                {t(actionLabel(r))}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
