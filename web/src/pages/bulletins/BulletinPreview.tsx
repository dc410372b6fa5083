/** A bulletin's content as the .docx lays it out: headings, paragraphs, tables, and its charts. */
import type { BulletinDetail } from '../../api/types';
import { Chart } from '../../charts/Chart';
import '../../charts/register-basic';
import { useI18n } from '../../i18n';
import {
  statusColumnsOption,
  unitBarsHeight,
  unitBarsOption,
  unitStatusSeries,
} from '../../../../src/shared/charts/index.js';

type Block = BulletinDetail['sections'][number]['blocks'][number];

export function BulletinPreview({ bulletin }: { bulletin: BulletinDetail }) {
  return (
    <article className="bulletin-preview" lang={bulletin.title.match(/[\u4e00-\u9fff]/) ? 'zh-CN' : 'en'}>
      <h2 className="bulletin-title">{bulletin.title}</h2>
      {bulletin.opening.split(/\n+/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {bulletin.sections.map((s) => (
        <section key={s.key}>
          <h3>{s.heading}</h3>
          {s.blocks.map((b, i) => (
            <BlockView key={i} block={b} bulletin={bulletin} />
          ))}
        </section>
      ))}
    </article>
  );
}

function BlockView({ block, bulletin }: { block: Block; bulletin: BulletinDetail }) {
  switch (block.kind) {
    case 'heading':
      return <h3>{block.text}</h3>;
    case 'subheading':
      return <h4>{block.text}</h4>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'table':
      return (
        <div className="bulletin-table">
          <table>
            <caption>{block.caption}</caption>
            <thead>
              <tr>
                {block.table.columns.map((c) => (
                  <th key={c.title} scope="col">
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i} rowSpan={c.rowSpan} className={c.tone ? `tone-${c.tone}` : undefined}>
                      {c.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'chart':
      return <BulletinChart chart={block.chart} caption={block.caption} bulletin={bulletin} />;
  }
}

/** The same ECharts definitions the server draws into the .docx (src/shared/charts/). */
function BulletinChart({
  chart,
  caption,
  bulletin,
}: {
  chart: 'trend' | 'byUnit';
  caption: string;
  bulletin: BulletinDetail;
}) {
  const { t } = useI18n();
  // The bulletin's words for the statuses (逾期, 预警 …), as its text and its .docx figures say.
  const names = {
    red: t('bulletins.status.red'),
    yellow: t('bulletins.status.yellow'),
    green: t('bulletins.status.green'),
    done: t('bulletins.status.done'),
  };
  if (chart === 'trend') {
    const points = bulletin.charts.trend;
    const option = statusColumnsOption({
      categories: points.map((p) => p.label),
      rows: points.map((p) => p.counts),
      names,
      labels: true,
    });
    return (
      <figure>
        <Chart option={option} height={280} label={caption} />
        <figcaption>{caption}</figcaption>
      </figure>
    );
  }
  const rows = bulletin.charts.byUnit;
  const option = unitBarsOption({
    units: rows.map((r) => r.name),
    series: unitStatusSeries(rows, names),
    labels: true,
  });
  return (
    <figure>
      <Chart option={option} height={unitBarsHeight(rows.length)} label={caption} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
