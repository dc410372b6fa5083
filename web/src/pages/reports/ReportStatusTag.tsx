import { Tag } from 'antd';
import type { ReportStatus } from '../../api/types';
import { useI18n } from '../../i18n';

const COLOR: Record<ReportStatus | 'none', string> = {
  none: 'orange',
  draft: 'default',
  submitted: 'blue',
  returned: 'red',
  approved: 'green',
};

/** A report's state in words (需填报 when there is none yet); the colour only repeats the word. */
export function ReportStatusTag({ status }: { status: ReportStatus | null }) {
  const { t } = useI18n();
  const s = status ?? 'none';
  return (
    <Tag color={COLOR[s]} className="report-status" data-status={s}>
      {t(`report.status.${s}`)}
    </Tag>
  );
}
