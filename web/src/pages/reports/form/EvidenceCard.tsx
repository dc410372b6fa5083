/**
 * 佐证材料: files attached to the report — upload with a progress bar (XMLHttpRequest, as the
 * import wizard does), the list with download links, removal of the unit's own files. On a
 * phone or tablet a 拍照 button opens the camera straight away; the ordinary button still
 * offers files, photos and (on phones) the camera, and on a PC PDFs and Office documents.
 */
import { Alert, Button, Popconfirm, Progress, Space, Upload } from 'antd';
import { CameraOutlined, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError, apiHref, upload } from '../../../api/client';
import type { Evidence, Report } from '../../../api/types';
import { useI18n } from '../../../i18n';
import { useOnline } from '../../../hooks/useOnline';
import { usePhone, useTouch } from '../../../hooks/usePhone';
import { momentText, sizeText } from '../format';

/**
 * What the server accepts (it checks the content; this only narrows the file dialog).
 * `image/*` first: phones then offer the camera and the photo library, and an iPhone hands over
 * its HEIC photos as JPEG. The extensions keep PDFs and Office files pickable on a PC.
 */
export const ACCEPT =
  'image/*,.pdf,.jpg,.jpeg,.png,.gif,.webp,.doc,.docx,.wps,.xls,.xlsx,.et,.ppt,.pptx,.dps,.odt,.ods,.odp';

/** HEIC/HEIF (iPhone photos copied as files): refused before a byte is sent; the server refuses it too. */
export function isHeic(file: { name: string; type: string }): boolean {
  return /\.(heic|heif)$/i.test(file.name) || /^image\/hei[cf]/i.test(file.type);
}

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
  const online = useOnline();
  const phone = usePhone();
  const touch = useTouch();

  if (!report) return <p className="muted">{t('evidence.saveFirst')}</p>;

  const send = async (f: File) => {
    setFile(f.name);
    setError(null);
    if (isHeic(f)) {
      setError(t('evidence.heic'));
      return;
    }
    setPercent(0);
    try {
      await upload<Evidence>(`/reports/${report.id}/evidence`, f, f.name, setPercent);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 0 ? t('evidence.network') : e.message) : String(e));
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
              <a
                href={apiHref(`/evidence/${encodeURIComponent(e.id)}`)}
                download={e.fileName}
                className="evidence-name"
              >
                {e.fileName}
              </a>
              <span className="muted evidence-meta">
                {sizeText(e.bytes)} · <bdi>{e.unit.name}</bdi> · {e.uploadedBy} ·{' '}
                {momentText(e.uploadedAt, i18n)}
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
        <div className="evidence-actions">
          <Space wrap>
            {(touch || phone) && (
              <Upload
                accept="image/*"
                capture="environment"
                multiple={false}
                showUploadList={false}
                disabled={percent !== null || !online}
                beforeUpload={(f) => {
                  void send(f);
                  return false;
                }}
              >
                <Button
                  type="primary"
                  icon={<CameraOutlined />}
                  disabled={percent !== null || !online}
                  data-testid="evidence-camera"
                >
                  {t('evidence.camera')}
                </Button>
              </Upload>
            )}
            <Upload
              accept={ACCEPT}
              multiple={false}
              showUploadList={false}
              disabled={percent !== null || !online}
              beforeUpload={(f) => {
                void send(f);
                return false;
              }}
            >
              <Button
                icon={<UploadOutlined />}
                disabled={percent !== null || !online}
                data-testid="evidence-upload"
              >
                {t('evidence.upload')}
              </Button>
            </Upload>
          </Space>
          <p className="muted evidence-hint">{t(online ? 'evidence.formats' : 'evidence.offline')}</p>
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
