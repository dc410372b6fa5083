/** Choose a document; it is sent with XMLHttpRequest so the upload's progress can be shown. */
import { Alert, Progress, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { upload, ApiError } from '../../api/client';
import type { ImportPreview } from '../../api/types';
import { useI18n } from '../../i18n';

const ACCEPT = '.docx,.xlsx,.csv,.txt';

export function UploadStep({ onUploaded }: { onUploaded: (p: ImportPreview) => void }) {
  const { t } = useI18n();
  const [percent, setPercent] = useState<number | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (f: File) => {
    setFile(f.name);
    setError(null);
    setPercent(0);
    try {
      const preview = await upload<ImportPreview>('/imports', f, f.name, setPercent);
      onUploaded(preview);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setPercent(null);
    }
  };

  return (
    <div className="upload-step">
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={percent !== null}
        beforeUpload={(f) => {
          void send(f);
          return false;
        }}
        data-testid="upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.formats')}</p>
      </Upload.Dragger>
      {percent !== null && (
        <div className="upload-progress" role="status" data-testid="upload-progress">
          <span>
            {percent < 100
              ? t('import.uploading', { file: file ?? '' })
              : t('import.reading', { file: file ?? '' })}
          </span>
          <Progress percent={percent} status={percent < 100 ? 'active' : 'normal'} />
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('import.failed')}
          description={error}
          data-testid="upload-error"
        />
      )}
    </div>
  );
}
