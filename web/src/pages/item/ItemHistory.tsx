import type { HistoryEntry } from '../../api/types';
import { useI18n } from '../../i18n';

/** The plan versions in which this item changed, newest first. */
export function ItemHistory({ history }: { history: HistoryEntry[] }) {
  const { t, date, has } = useI18n();
  if (history.length === 0) return <p className="muted">{t('item.noHistory')}</p>;
  const sorted = [...history].sort((a, b) => b.version - a.version);
  return (
    <ol className="history-list" reversed>
      {sorted.map((h) => {
        const when = h.importedAt;
        const fields = (h.fields ?? []).map((f) => {
          const key = `field.${f}`;
          return has(key) ? t(key) : f;
        });
        return (
          <li key={h.version}>
            <strong>{t('item.version', { version: h.version })}</strong>
            {when && <span className="muted"> · {date(when.slice(0, 10))}</span>}
            <span> · {t(h.change === 'added' ? 'history.added' : 'history.changed')}</span>
            {h.sourceFile && <div className="muted">{h.sourceFile}</div>}
            {fields.length > 0 && (
              <div className="muted">
                {t('item.changedFields', { fields: fields.join(t('common.listSep')) })}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
