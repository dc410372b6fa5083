import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/readers/read-document.js';
import { normalizeDocument } from '../../src/domain/normalize.js';
import { zipDocxXml } from '../fixtures/build-fixtures.js';

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (text: string, vMerge?: 'restart' | 'continue') =>
  `<w:tc>${vMerge ? `<w:tcPr>${vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>'}</w:tcPr>` : ''}${text ? text.split('\n').map(p).join('') : '<w:p/>'}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

describe('an item written over several table rows', () => {
  it('merges rows whose number and title cells are merged down into one item', async () => {
    const body = `<w:tbl>${[
      row(cell('序号'), cell('重点任务'), cell('具体举措'), cell('完成时限'), cell('责任单位')),
      row(
        cell('1', 'restart'),
        cell('深化“最多跑一次”改革', 'restart'),
        cell('推进企业开办全程网办'),
        cell('2023年6月底前，企业开办时间压缩至1个工作日以内'),
        cell('区市场监管局'),
      ),
      row(
        cell('', 'continue'),
        cell('', 'continue'),
        cell('推进工程建设项目审批改革'),
        cell('2023年12月底前，审批时间压缩至40个工作日以内'),
        cell('区建设局'),
      ),
      row(
        cell('2'),
        cell('推进“浙里办”应用'),
        cell('上线一批高频事项'),
        cell('2023年9月底前，新上线事项20项以上'),
        cell('区大数据中心'),
      ),
    ].join('')}</w:tbl>`;
    const doc = await readDocument(zipDocxXml({ body }), '分工表.docx');
    const plan = normalizeDocument(doc);
    expect(plan.items.map((i) => [i.number, i.title])).toEqual([
      [1, '深化“最多跑一次”改革'],
      [2, '推进“浙里办”应用'],
    ]);
    const first = plan.items[0]!;
    expect(first.measures).toEqual(['推进企业开办全程网办', '推进工程建设项目审批改革']);
    expect(first.milestones.map((m) => m.deadline)).toEqual(['2023-06-30', '2023-12-31']);
    expect(first.targets.map((t) => [t.op, t.value, t.unit])).toEqual([
      ['<=', 1, '工作日'],
      ['<=', 40, '工作日'],
    ]);
    expect(first.units.map((u) => [u.name, u.role])).toEqual([
      ['区市场监管局', 'lead'],
      ['区建设局', 'co'],
    ]);
  });
});
