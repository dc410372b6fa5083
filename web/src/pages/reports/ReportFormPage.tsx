/**
 * The report form (/reports/:itemKey/:period): the item's milestones, targets and landmark
 * achievements with what the unit reports about each, the narrative, evidence files, co-units'
 * contributions, the workflow (save, submit, return, approve) and the report's history. The same
 * page is the office's review view: the report's `can` flags decide what shows.
 */
import { Alert, Button, Card, Col, Input, Result, Row } from 'antd';
import { usePhone } from '../../hooks/usePhone';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { Evidence } from '../../api/types';
import { mayRemoveEvidence, reportPermissions } from '../../../../src/domain/reporting/report-access';
import { useUser } from '../../app/session';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { momentText, periodText } from './format';
import type { Slot } from './report-draft';
import { useReportForm, type ReportForm } from './useReportForm';
import { unitsOf } from './report-form-support';
import { MilestoneFields, type SectionProps } from './form/MilestoneFields';
import { TargetFields } from './form/TargetFields';
import { AchievementFields } from './form/AchievementFields';
import { EvidenceCard } from './form/EvidenceCard';
import { ContributionsCard } from './form/ContributionsCard';
import { WorkflowCard } from './form/WorkflowCard';
import { ReportEvents } from './form/ReportEvents';
import { ConflictInline } from './form/ConflictInline';
import { FieldError, errorProps } from './form/FieldError';
import { LocalDraftNotice } from './form/LocalDraftNotice';
import { useOnline } from '../../hooks/useOnline';
import '../../styles/reports.css';

/** The 409 notice, and after the merge what it did: nobody's work is dropped silently. */
function StaleNotices({ form }: { form: ReportForm }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      {form.stale && (
        <Alert
          className="report-notice"
          type="error"
          showIcon
          data-testid="stale-notice"
          title={t('report.staleTitle')}
          description={t('report.staleKept')}
          action={
            <Button
              type="primary"
              loading={form.busy === 'reload'}
              onClick={() => void form.loadLatest()}
              data-testid="load-latest"
            >
              {t('report.loadLatest')}
            </Button>
          }
        />
      )}
      {form.merged && (
        <Alert
          className="report-notice"
          type="warning"
          showIcon
          closable={{ onClose: form.dismissMerged }}
          data-testid="merged-notice"
          title={t('report.mergedTitle', {
            n: form.merged.revision,
            who: form.merged.by,
            at: momentText(form.merged.at, i18n),
          })}
          description={
            form.conflicts.length > 0
              ? t('report.mergedConflicts', { n: form.conflicts.length })
              : t('report.mergedClean')
          }
        />
      )}
    </>
  );
}

function NarrativeField(props: Omit<SectionProps, 'onEdit'> & { onChange: (text: string) => void }) {
  const { t } = useI18n();
  const slot: Slot = 'narrative';
  return (
    <div className={props.conflicts.has(slot) ? 'report-slot has-conflict' : 'report-slot'}>
      <Input.TextArea
        value={props.draft.narrative}
        disabled={props.disabled}
        autoSize={{ minRows: 4, maxRows: 16 }}
        maxLength={20000}
        showCount
        placeholder={t('report.narrativeHint')}
        aria-label={t('report.narrative')}
        data-testid="report-narrative"
        onChange={(e) => props.onChange(e.target.value)}
        {...errorProps(slot, props.errors)}
      />
      <FieldError field={slot} errors={props.errors} />
      <ConflictInline slot={slot} theirs={props.conflicts.get(slot)} onResolve={props.onResolve} />
    </div>
  );
}

export default function ReportFormPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useUser();
  const { itemKey = '', period = '' } = useParams();
  const [params] = useSearchParams();
  const n = params.get('n');
  const phone = usePhone();
  const online = useOnline();
  const form = useReportForm(itemKey, period, n && /^\d+$/.test(n) ? Number(n) : null, {
    orgId: user.org.id,
    userId: user.id,
    role: user.role,
    unitId: user.unitId,
  });
  const { item, report, draft, errors } = form;

  // A message from the server is worth nothing off screen: bring the first one into view.
  useEffect(() => {
    if (Object.keys(errors).length > 0) {
      document.querySelector('.field-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }, [errors]);

  if (form.loadError) {
    const status = form.loadError instanceof ApiError ? form.loadError.status : 0;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={
          status === 403
            ? t('report.forbidden')
            : status === 404
              ? t('report.notFound')
              : form.loadError.message
        }
        extra={<Link to="/todo">{t('nav.todo')}</Link>}
      />
    );
  }
  if (!item || !draft) return <PageLoading />;

  const actor = { role: user.role, unitId: user.unitId };
  const units = unitsOf(item);
  const perms = reportPermissions(actor, units, report?.status ?? null);
  const canCreate = report === null && perms.edit;
  const editable = report ? report.can.edit : canCreate;
  const mayRemove = (e: Evidence) =>
    report !== null && mayRemoveEvidence(actor, units, report.status, e.unit.id);
  const conflicts = new Map(form.conflicts.map((c) => [c.slot, { entry: c.theirs }]));
  const section: SectionProps = {
    draft,
    errors,
    disabled: !editable || form.busy !== null || form.offer !== null,
    conflicts,
    onEdit: form.edit,
    onResolve: form.resolve,
  };
  const lead = item.units.find((u) => u.role === 'lead');

  return (
    <article
      className={
        phone
          ? `report-form report-form-phone${editable || report?.can.review ? ' has-action-bar' : ''}`
          : 'report-form'
      }
      data-testid="report-form"
    >
      <PageHeader
        title={
          <>
            {item.number !== null && <span className="item-page-number">{item.number}</span>}
            {item.title}
          </>
        }
        sub={t('report.subtitle', {
          period: periodText(period, i18n),
          unit: report?.unit.name ?? lead?.canonical ?? '—',
        })}
        extra={
          item.number !== null && (
            <Link to={`/items/${item.number}`} className="touch-link">
              {t('report.openItem')}
            </Link>
          )
        }
      />
      {form.offer && (
        <LocalDraftNotice
          offer={form.offer}
          editable={editable}
          onRestore={form.restoreLocal}
          onDiscard={form.discardLocal}
        />
      )}
      <StaleNotices form={form} />
      {report?.status === 'returned' && report.reviewComment && (
        <Alert
          className="report-notice"
          type="error"
          showIcon
          data-testid="returned-notice"
          title={t('report.returnedTitle')}
          description={<div className="review-comment">{report.reviewComment}</div>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={<h2>{t('item.milestones')}</h2>}>
            <MilestoneFields milestones={item.milestones} {...section} />
          </Card>
          <Card size="small" title={<h2>{t('item.targets')}</h2>}>
            <TargetFields targets={item.targets} {...section} />
          </Card>
          <Card size="small" title={<h2>{t('item.achievements')}</h2>}>
            <AchievementFields achievements={item.achievements} {...section} />
          </Card>
          <Card size="small" title={<h2>{t('report.narrative')}</h2>}>
            <NarrativeField
              {...section}
              onChange={(text) => form.edit((d) => ({ ...d, narrative: text }), 'narrative')}
            />
          </Card>
          <Card size="small" title={<h2>{t('evidence.title')}</h2>}>
            <EvidenceCard
              report={report}
              mayAttach={report !== null && perms.attach}
              mayRemove={mayRemove}
              onChanged={() => void form.refresh()}
            />
          </Card>
          <Card size="small" title={<h2>{t('contribution.title')}</h2>}>
            <ContributionsCard
              report={report}
              unitId={user.unitId}
              canContribute={report?.can.contribute ?? false}
              onSaved={form.refresh}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <div className="report-side">
            <Card size="small" title={<h2>{t('report.workflow')}</h2>}>
              <WorkflowCard form={form} canCreate={canCreate} online={online} />
            </Card>
            <Card size="small" title={<h2>{t('report.events')}</h2>}>
              <ReportEvents events={report?.events ?? []} />
            </Card>
          </div>
        </Col>
      </Row>
    </article>
  );
}
