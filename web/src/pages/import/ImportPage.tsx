/**
 * 导入 wizard (admin): upload → preview every row with what was extracted, the lint findings and
 * corrections → the diff against the current version → confirm. Nothing is stored until confirm;
 * cancelling discards the upload on the server.
 */
import { App, Steps } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ImportConfirmed, ImportPreview, Item } from '../../api/types';
import { useI18n } from '../../i18n';
import { invalidateShared } from '../../hooks/useShared';
import { PageHeader } from '../../components/PageHeader';
import { UploadStep } from './UploadStep';
import { PreviewStep } from './PreviewStep';
import { DiffStep } from './DiffStep';
import { DoneStep } from './DoneStep';

type Step = 'upload' | 'preview' | 'diff' | 'done';
const ORDER: Step[] = ['upload', 'preview', 'diff', 'done'];

export default function ImportPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [step, setStep] = useState<Step>('upload');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [edited, setEdited] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ImportConfirmed | null>(null);

  const onUploaded = (p: ImportPreview) => {
    setPreview(p);
    setItems(p.plan.items);
    setEdited(new Set());
    setStep('preview');
  };
  const onEdit = (index: number, item: Item) => {
    setItems((all) => all.map((it, i) => (i === index ? item : it)));
    setEdited((s) => new Set(s).add(index));
  };
  const restart = () => {
    setPreview(null);
    setItems([]);
    setEdited(new Set());
    setResult(null);
    setStep('upload');
  };
  const cancel = () =>
    modal.confirm({
      title: t('import.cancelConfirm'),
      okText: t('import.cancel'),
      cancelText: t('common.back'),
      onOk: async () => {
        if (preview) await api.del(`/imports/${encodeURIComponent(preview.id)}`).catch(() => undefined);
        restart();
      },
    });
  const confirm = async () => {
    if (!preview) return;
    setConfirming(true);
    try {
      const body = edited.size > 0 ? { items } : {};
      const r = await api.post<ImportConfirmed>(`/imports/${encodeURIComponent(preview.id)}/confirm`, body);
      invalidateShared();
      setResult(r);
      setStep('done');
    } finally {
      setConfirming(false);
    }
  };

  return (
    <div data-testid="import-page">
      <PageHeader title={t('import.title')} />
      <Steps
        className="import-steps"
        size="small"
        current={ORDER.indexOf(step)}
        items={[
          { title: t('import.step.upload') },
          { title: t('import.step.preview') },
          { title: t('import.step.diff') },
          { title: t('import.step.done') },
        ]}
      />
      {step === 'upload' && <UploadStep onUploaded={onUploaded} />}
      {step === 'preview' && preview && (
        <PreviewStep
          preview={preview}
          items={items}
          edited={edited}
          onEdit={onEdit}
          onNext={() => setStep('diff')}
          onCancel={cancel}
        />
      )}
      {step === 'diff' && preview && (
        <DiffStep
          diff={preview.diff}
          editedCount={edited.size}
          confirming={confirming}
          onBack={() => setStep('preview')}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        />
      )}
      {step === 'done' && result && <DoneStep result={result} onAgain={restart} />}
    </div>
  );
}
