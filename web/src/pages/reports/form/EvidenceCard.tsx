/**
 * 佐证材料: files attached to the report — upload with a progress bar (XMLHttpRequest, as the
 * import wizard does), the list with download links, removal of the unit's own files.
 */
import { Alert, Button, Popconfirm, Progress, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, upload, ApiError } from '../../../api/client';
import type { Evidence, Report } from '../../../api/types';
import { useI18n } from '../../../i18n';
import { momentText, sizeText } from '../format';

/** What the server accepts (it checks the content; this only narrows the file dialog). */
const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.gif,.webp,.doc,.docx,.wps,.xls,.xlsx,.et,.ppt,.pptx,.dps,.odt,.ods,.odp';

export function EvidenceCard({
  report,
  mayAttach,
  mayRemove,
  onChanged,
}: {
  report: Report | null;
  mayAttach: boolean;
  mayRemove: (e: Evidence) => boolean;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [percent, setPercent] = useState<number | null>(null);
  const [file, setFile] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (!report) return <p className="muted">{t('evidence.saveFirst')}</p>;

  const send = async (f: File) => {
    setFile(f.name);
    setError(null);
    setPercent(0);
    try {
      await upload<Evidence>(`/reports/${report.id}/evidence`, f, f.name, setPercent);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setPercent(null);
    }
  };

  const remove = async (e: Evidence) => {
    await api.del(`/evidence/${encodeURIComponent(e.id)}`);
    onChanged();
  };

  return (
    <div className="evidence" data-testid="evidence">
      {report.evidence.length === 0 ? (
        <p className="muted">{t('evidence.none')}</p>
      ) : (
        <ul className="evidence-list">
          {report.evidence.map((e) => (
            <li key={e.id} data-testid="evidence-file">
              <PaperClipOutlined aria-hidden />{' '}
              <a href={`/api/evidence/${encodeURIComponent(e.id)}`} download={e.fileName}>
                {e.fileName}
              </a>
              <span className="muted">
                {' '}
                · {sizeText(e.bytes)} · {e.unit.name} · {e.uploadedBy} · {momentText(e.uploadedAt, i18n)}
              </span>
              {mayRemove(e) && (
                <Popconfirm
                  title={t('evidence.removeConfirm', { file: e.fileName })}
                  onConfirm={() => remove(e)}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('evidence.remove', { file: e.fileName })}
                    title={t('evidence.remove', { file: e.fileName })}
                  />
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayAttach && (
        <div>
          <Upload
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={percent !== null}
            beforeUpload={(f) => {
              void send(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={percent !== null} data-testid="evidence-upload">
              {t('evidence.upload')}
            </Button>
          </Upload>
          <span className="muted evidence-hint">{t('evidence.formats')}</span>
        </div>
      )}
      {percent !== null && (
        <div className="upload-progress" role="status" data-testid="evidence-progress">
          <span>{t('evidence.uploading', { file })}</span>
          <Progress percent={percent} status={percent < 100 ? 'active' : 'normal'} />
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('evidence.failed')}
          description={error}
          data-testid="evidence-error"
        />
      )}
    </div>
  );
}
