/** How each cell of a preview row is drawn: the original text with extracted phrases marked. */
import { Button, Tag } from 'antd';
import { EditOutlined, StarFilled } from '@ant-design/icons';
import type { Finding, Item } from '../../api/types';
import { HighlightedText } from '../../components/HighlightedText';
import { marksOf } from '../../components/marks';
import { useI18n } from '../../i18n';
import { useFindingMessage } from '../../i18n/findings';

export function useRowCells({
  edited,
  onEditRow,
}: {
  edited: Set<number>;
  onEditRow: (index: number) => void;
}) {
  const { t, date } = useI18n();
  const message = useFindingMessage();
  const lines = (item: Item, list: string[], source: string) => {
    const marks = marksOf(item).filter((m) => m.source === source);
    return (
      <div className="cell-text">
        {list.map((line, i) => (
          <div key={i}>
            <HighlightedText text={line} marks={marks} />
          </div>
        ))}
      </div>
    );
  };
  return {
    number: (item: Item, index: number) => (
      <span>
        {item.number ?? '—'}
        {item.numberInferred && (
          <Tag color="orange" title={t('import.inferredHint')}>
            {t('import.inferred')}
          </Tag>
        )}
        {edited.has(index) && <Tag color="blue">{t('import.edited')}</Tag>}
      </span>
    ),
    title: (item: Item, index: number) => (
      <div>
        {item.key && <StarFilled className="key-star" aria-label={t('item.key')} />} {item.title}
        {item.section && <div className="muted">{item.section}</div>}
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEditRow(index)}
          className="row-edit"
          data-testid={`edit-row-${index}`}
        >
          {t('common.edit')}
        </Button>
      </div>
    ),
    measures: (item: Item) => lines(item, item.measures, 'measures'),
    goals: (item: Item) => (
      <div>
        <div className="cell-text">
          <HighlightedText text={item.goalsText} marks={marksOf(item).filter((m) => m.source === 'goals')} />
        </div>
        <div className="extracted muted">
          {item.milestones.map((m, i) => (
            <span key={i} className="extracted-chip chip-deadline" title={m.text}>
              {date(m.deadline)}
            </span>
          ))}
          {item.targets.map((tg, i) => (
            <span key={i} className="extracted-chip chip-target" title={tg.metric}>
              {tg.text}
            </span>
          ))}
        </div>
      </div>
    ),
    achievements: (item: Item) => lines(item, item.achievements, 'achievements'),
    units: (item: Item) => (
      <div className="cell-text">
        {item.units.map((u, i) => (
          <div key={i} className={u.role === 'lead' ? 'unit-lead' : undefined}>
            {u.canonical || u.name}
            {u.role === 'lead' && <span className="muted"> · {t('role.lead')}</span>}
          </div>
        ))}
      </div>
    ),
    findings: (findings: Finding[]) =>
      findings.length === 0 ? (
        <span className="muted">—</span>
      ) : (
        <ul className="finding-list compact">
          {findings.map((f, i) => (
            <li key={i}>
              <span className={`severity severity-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
              {message(f)}
            </li>
          ))}
        </ul>
      ),
  };
}
