/**
 * 恢复本地草稿: a copy of unsaved typing was found on this device (the connection dropped or the
 * page was closed before the server had it). The user restores it or discards it; until then
 * the form is read-only, so nothing typed now can overwrite the copy.
 */
import { Alert, Button, Popconfirm, Space } from 'antd';
import { useI18n } from '../../../i18n';
import { momentText } from '../format';
import type { LocalDraft } from '../local-draft';

export function LocalDraftNotice({
  offer,
  editable,
  onRestore,
  onDiscard,
}: {
  offer: LocalDraft;
  editable: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Alert
      className="report-notice local-draft-notice"
      type={editable ? 'info' : 'warning'}
      showIcon
      role="alert"
      data-testid="local-draft-notice"
      title={t('draft.localFound', { at: momentText(offer.savedAt, i18n) })}
      description={
        <>
          <p className="local-draft-hint">{t(editable ? 'draft.localHint' : 'draft.localNotEditable')}</p>
          <Space wrap>
            {editable && (
              <Button type="primary" onClick={onRestore} data-testid="local-draft-restore">
                {t('draft.restore')}
              </Button>
            )}
            <Popconfirm title={t('draft.discardConfirm')} onConfirm={onDiscard}>
              <Button data-testid="local-draft-discard">{t('draft.discard')}</Button>
            </Popconfirm>
          </Space>
        </>
      }
    />
  );
}
