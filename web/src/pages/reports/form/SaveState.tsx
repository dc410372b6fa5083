/**
 * One line under the workflow buttons: online or not, and where the typing is — being saved,
 * saved to the server (when), waiting to be saved, or kept on this device only.
 */
import { CloudOutlined, DisconnectOutlined, LoadingOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n';
import { momentText } from '../format';
import type { ReportForm } from '../useReportForm';

export function SaveState({ form, online }: { form: ReportForm; online: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { autosave, dirty } = form;
  let icon = <CloudOutlined aria-hidden />;
  let text: string | null = null;
  if (!online) {
    icon = <DisconnectOutlined aria-hidden />;
    text = t(dirty ? 'draft.stateOfflineKept' : 'draft.stateOffline');
  } else if (autosave.kind === 'saving') {
    icon = <LoadingOutlined aria-hidden />;
    text = t('draft.stateSaving');
  } else if (dirty && autosave.kind === 'failed') {
    text = t('draft.stateFailed', { message: autosave.message });
  } else if (dirty && autosave.kind === 'offline') {
    text = t('draft.stateNetwork');
  } else if (dirty) {
    text = t(form.editable && !form.stale && !form.offer ? 'draft.stateDirty' : 'report.unsaved');
  } else if (autosave.kind === 'saved') {
    text = t('draft.stateSaved', { at: momentText(autosave.at, i18n) });
  }
  if (text === null) return null;
  return (
    <p
      className={online ? 'save-state muted' : 'save-state save-state-offline'}
      role="status"
      data-testid="save-state"
      data-online={online}
    >
      {icon} {text}
    </p>
  );
}
