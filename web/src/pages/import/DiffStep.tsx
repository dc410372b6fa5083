/** What the import changes against the current version: added, removed, changed (with fields), unchanged. */
import { Alert, Button, Card, Col, Row, Space, Statistic } from 'antd';
import type { Item, PlanDiffSummary } from '../../api/types';
import { useI18n } from '../../i18n';

interface Props {
  diff: PlanDiffSummary;
  editedCount: number;
  confirming: boolean;
  onBack: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DiffStep({ diff, editedCount, confirming, onBack, onConfirm, onCancel }: Props) {
  const { t, has } = useI18n();
  const first = diff.removed.length === 0 && diff.changed.length === 0 && diff.unchanged === 0;
  const fieldName = (f: string) => {
    const key = `field.${f}`;
    return has(key) ? t(key) : f;
  };
  const itemLine = (i: Pick<Item, 'number' | 'title'>, k: number) => (
    <li key={k}>
      <span className="diff-number">{i.number ?? '—'}</span> {i.title}
    </li>
  );
  return (
    <div className="diff-step" data-testid="diff-step">
      {first ? (
        <Alert type="info" showIcon title={t('import.firstImport', { n: diff.added.length })} />
      ) : (
        <Alert type="warning" showIcon title={t('import.reimport')} />
      )}
      {editedCount > 0 && <Alert type="info" showIcon title={t('import.editedCount', { n: editedCount })} />}
      <Row gutter={16} className="diff-stats">
        <Col span={6}>
          <Statistic title={t('diff.added')} value={diff.added.length} valueStyle={{ color: '#3f9c35' }} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('diff.removed')}
            value={diff.removed.length}
            valueStyle={{ color: '#d9363e' }}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('diff.changed')}
            value={diff.changed.length}
            valueStyle={{ color: '#e8a317' }}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t('diff.unchanged')} value={diff.unchanged} />
        </Col>
      </Row>
      {diff.changed.length > 0 && (
        <Card size="small" title={<h2>{t('diff.changed')}</h2>} data-testid="diff-changed">
          <ul className="diff-list">
            {diff.changed.map((c, k) => (
              <li key={k}>
                <span className="diff-number">{c.number ?? '—'}</span> {c.title}
                <span className="muted">
                  {' '}
                  — {t('diff.fields', { fields: c.fields.map(fieldName).join(t('common.listSep')) })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {diff.added.length > 0 && !first && (
        <Card size="small" title={<h2>{t('diff.added')}</h2>} data-testid="diff-added">
          <ul className="diff-list diff-added">{diff.added.map(itemLine)}</ul>
        </Card>
      )}
      {diff.removed.length > 0 && (
        <Card size="small" title={<h2>{t('diff.removed')}</h2>} data-testid="diff-removed">
          <Alert type="error" title={t('diff.removedHint')} />
          <ul className="diff-list diff-removed">{diff.removed.map(itemLine)}</ul>
        </Card>
      )}
      <Space className="wizard-actions">
        <Button onClick={onCancel}>{t('import.cancel')}</Button>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" loading={confirming} onClick={onConfirm} data-testid="confirm-import">
          {t('import.confirm')}
        </Button>
      </Space>
    </div>
  );
}
