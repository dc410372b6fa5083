/**
 * Where the report stands and what the user may do with it now — 保存草稿, 提交, and for the
 * office 退回 (with a required comment) and 审核通过. The `can` flags of the report decide.
 */
import { Alert, Button, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { Report } from '../../../api/types';
import { useI18n } from '../../../i18n';
import { ReportStatusTag } from '../ReportStatusTag';
import { momentText } from '../format';
import type { ReportForm } from '../useReportForm';
import { SaveState } from './SaveState';

function ReturnDialog({ form, onClose }: { form: ReportForm; onClose: () => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const ok = comment.trim() !== '';
  return (
    <Modal
      open
      title={t('review.returnTitle')}
      okText={t('review.return')}
      okButtonProps={{ danger: true, disabled: !ok, loading: form.busy === 'return' }}
      onOk={async () => {
        if ((await form.review('return', comment.trim())) !== null) onClose();
      }}
      onCancel={onClose}
    >
      <label className="block-field">
        <span className="required">{t('review.comment')}</span>
        <Input.TextArea
          value={comment}
          autoFocus
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={2000}
          aria-label={t('review.comment')}
          placeholder={t('review.commentHint')}
          data-testid="return-comment-input"
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
    </Modal>
  );
}

function readOnlyReason(report: Report | null, canCreate: boolean): string | null {
  if (!report) return canCreate ? null : 'report.readOnlyNotLead';
  if (report.can.edit || report.can.review) return null;
  if (report.status === 'submitted') return 'report.readOnlySubmitted';
  if (report.status === 'approved') return 'report.readOnlyApproved';
  return 'report.readOnlyNotLead';
}

/**
 * `online`: the browser's connection. The buttons and the save state are one bar (`.workflow-
 * actions`), which a phone keeps at the bottom of the screen (reports.css).
 */
export function WorkflowCard({
  form,
  canCreate,
  online,
}: {
  form: ReportForm;
  canCreate: boolean;
  online: boolean;
}) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const [returning, setReturning] = useState(false);
  const { report, busy, dirty } = form;
  const editable = report ? report.can.edit : canCreate;
  const reason = readOnlyReason(report, canCreate);
  // A local copy waiting to be restored or discarded: nothing is written until the user chooses.
  const waiting = busy !== null || form.offer !== null;
  const hasActions = editable || report?.can.review === true;
  return (
    <div className="workflow" data-testid="workflow">
      <dl className="workflow-facts">
        <dt>{t('report.statusLabel')}</dt>
        <dd data-testid="report-status">
          <ReportStatusTag status={report?.status ?? null} />
          {report && <span className="muted">{t('report.revision', { n: report.revision })}</span>}
        </dd>
        {report && (
          <>
            <dt>{t('report.due')}</dt>
            <dd>{date(report.dueDate)}</dd>
            {report.submittedAt && (
              <>
                <dt>{t('report.submittedAt')}</dt>
                <dd>{momentText(report.submittedAt, i18n)}</dd>
              </>
            )}
            <dt>{t('report.updated')}</dt>
            <dd>
              {report.updatedBy} · {momentText(report.updatedAt, i18n)}
            </dd>
          </>
        )}
      </dl>
      {form.formError && (
        <Alert
          type="error"
          showIcon
          title={t('report.fixFields')}
          description={form.formError}
          data-testid="form-error"
        />
      )}
      {reason && <p className="muted">{t(reason as 'report.readOnlySubmitted')}</p>}
      {hasActions && (
        <div className="workflow-actions" data-testid="workflow-actions">
          <SaveState form={form} online={online} />
          <Space wrap className="workflow-buttons">
            {editable && (
              <Button
                onClick={() => void form.save()}
                loading={busy === 'save'}
                disabled={waiting || (!dirty && report !== null && form.autosave.kind !== 'saved')}
                data-testid="report-save"
              >
                {t('report.saveDraft')}
              </Button>
            )}
            {editable && (
              <Button
                type="primary"
                onClick={() => void form.submit()}
                loading={busy === 'submit'}
                disabled={waiting}
                data-testid="report-submit"
              >
                {t(report?.status === 'returned' ? 'report.resubmit' : 'report.submit')}
              </Button>
            )}
            {report?.can.review && (
              <Button
                danger
                onClick={() => setReturning(true)}
                disabled={busy !== null}
                data-testid="report-return"
              >
                {t('review.return')}
              </Button>
            )}
            {report?.can.review && (
              <Popconfirm title={t('review.approveConfirm')} onConfirm={() => form.review('approve')}>
                <Button
                  type="primary"
                  loading={busy === 'approve'}
                  disabled={busy !== null}
                  data-testid="report-approve"
                >
                  {t('review.approve')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </div>
      )}
      {returning && <ReturnDialog form={form} onClose={() => setReturning(false)} />}
    </div>
  );
}
