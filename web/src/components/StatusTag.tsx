import type { Status } from '../api/types';
import { useI18n } from '../i18n';

/** A coloured label for a status; the word is always there, so colour is never the only signal. */
export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  return <span className={`status-tag status-${status}`}>{t(`status.${status}`)}</span>;
}
