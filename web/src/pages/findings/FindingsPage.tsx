/** 规范性检查: the current plan's findings grouped by code, each linking to its item. */
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Collapse, Empty, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { api, apiHref } from '../../api/client';
import type { Finding, FindingsResponse, Severity } from '../../api/types';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { FindingRows } from './FindingRows';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export default function FindingsPage() {
  const { t, has } = useI18n();
  const { hash } = useLocation();
  const [severity, setSeverity] = useState<'all' | Severity>('all');
  const { data, loading } = useApi(
    (signal) => api.get<FindingsResponse>('/findings', undefined, { signal }),
    'findings',
  );
  const [open, setOpen] = useState<string[] | undefined>(undefined);
  if (!data) return loading ? <PageLoading /> : <Empty />;
  const shown = data.findings.filter((f) => severity === 'all' || f.severity === severity);
  const groups = new Map<string, Finding[]>();
  for (const f of shown) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  const ordered = [...groups.entries()].sort(
    ([, a], [, b]) => SEVERITY_RANK[a[0]!.severity] - SEVERITY_RANK[b[0]!.severity] || b.length - a.length,
  );
  const activeKey = open ?? (hash ? [hash.slice(1)] : []);
  const codeLabel = (code: string) => {
    const key = `finding.${code}`;
    return has(key) ? t(key) : code;
  };
  return (
    <div data-testid="findings-page">
      <PageHeader
        title={t('findings.title')}
        sub={t('findings.count', { n: data.findings.length, codes: Object.keys(data.byCode).length })}
        extra={
          <Space wrap>
            <Segmented
              aria-label={t('findings.severity')}
              value={severity}
              onChange={(v) => setSeverity(v as 'all' | Severity)}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'error', label: t('severity.error') },
                { value: 'warning', label: t('severity.warning') },
                { value: 'info', label: t('severity.info') },
              ]}
            />
            {/* Plain links: the session cookie goes along, and the browser saves the attachment. */}
            <Button
              icon={<FileWordOutlined />}
              href={apiHref('/findings/report.docx')}
              download
              title={t('findings.report.hint')}
              data-testid="findings-report-docx"
            >
              {t('findings.report.docx')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={apiHref('/findings/report.xlsx')}
              download
              title={t('findings.report.hint')}
              data-testid="findings-report-xlsx"
            >
              {t('findings.report.xlsx')}
            </Button>
          </Space>
        }
      />
      {ordered.length === 0 ? (
        <Empty description={t('findings.none')} />
      ) : (
        <Collapse
          activeKey={activeKey}
          onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
          items={ordered.map(([code, list]) => ({
            key: code,
            id: code,
            label: (
              <span className="finding-group-label">
                <span className={`severity severity-${list[0]!.severity}`}>
                  {t(`severity.${list[0]!.severity}`)}
                </span>
                <strong>{codeLabel(code)}</strong>
                <code className="muted">{code}</code>
                <span className="finding-count">{t('findings.groupCount', { n: list.length })}</span>
              </span>
            ),
            children: <FindingRows findings={list} />,
          }))}
        />
      )}
    </div>
  );
}
