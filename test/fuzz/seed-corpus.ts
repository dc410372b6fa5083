/**
 * What the fuzzers start from: phrases of a real reform library (data-seed/sanmen-2022.txt),
 * and real documents of every format built from its first rows with the fixture builders, so
 * that mutations begin from files the readers accept and reach deep into them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTextTable } from '../../src/readers/text-table.reader.js';
import { buildCsv, buildDocx, buildXlsx } from '../fixtures/build-fixtures.js';
import { buildParagraphDocx } from '../fixtures/build-paragraph-docx.js';

const SEED = fileURLToPath(new URL('../../data-seed/sanmen-2022.txt', import.meta.url));

export const seedText = readFileSync(SEED, 'utf8');

/** The seed's table as cell texts: header + items. */
export const seedRows: string[][] = readTextTable(seedText, 'sanmen-2022.txt').tables[0]!.rows.map((r) =>
  r.map((c) => c.text),
);

/** A small plan (header + `items` rows), cells cut short so every base document stays small. */
export function seedPlan(items = 4, maxCell = 120): string[][] {
  return seedRows.slice(0, items + 1).map((r) => r.map((t) => t.slice(0, maxCell)));
}

/** Distinct lines and clauses of the seed: the vocabulary the generators write with. */
export const seedPhrases: string[] = [
  ...new Set(
    seedText
      .split(/\r?\n/)
      .flatMap((l) => l.split(/[，。；]/u))
      .map((l) => l.trim())
      .filter((l) => l.length >= 2 && l.length <= 60),
  ),
];

/** Words that steer the importer: headers, numbers, deadlines, unit labels, list markers. */
export const keyPhrases: string[] = [
  '序号',
  '改革事项',
  '改革举措',
  '主要目标',
  '标志性成果',
  '责任单位',
  '牵头单位',
  '配合单位',
  '备注',
  '1',
  '1*',
  '2',
  '10',
  '一、',
  '（一）',
  '1.',
  '1、',
  '①',
  '2022年6月底前',
  '2022年底前',
  '到2025年',
  '上半年',
  '二〇二二年六月底前',
  '达15亿元以上',
  '参保率达  %',
  '（牵头单位：县发改局；配合单位：县财政局）',
  '县发改局、县财政局',
  '各乡镇（街道）',
  '[bookmark: _GoBack]',
  '〔2023〕12号',
];

export interface BaseDocument {
  name: string;
  bytes: Uint8Array;
}

export interface BaseCorpus {
  docx: BaseDocument[];
  xlsx: BaseDocument[];
  csv: BaseDocument[];
  txt: BaseDocument[];
}

let corpus: Promise<BaseCorpus> | undefined;

/** Built once per process; the builders are async and take tens of milliseconds each. */
export function baseCorpus(): Promise<BaseCorpus> {
  corpus ??= buildCorpus();
  return corpus;
}

async function buildCorpus(): Promise<BaseCorpus> {
  const plan = seedPlan();
  const title = ['附件 5', '三门县共同富裕“三十”工程改革库'];
  const paragraphs = [
    '2022年三门县改革任务分解方案',
    '一、总体要求',
    '1.深化农户家庭资产池融资机制，2022年9月底前融资达15亿元以上（牵头单位：县金融办；配合单位：县农业农村局）',
    '2.持续健全农业保险基层服务网络（牵头单位：县财政局）',
    '二、重点任务',
    '1.推进“证照分离”2.0版改革，6月底前完成（牵头单位：县市场监管局）',
  ];
  return {
    docx: [
      { name: 'plain.docx', bytes: await buildDocx(plan, { title }) },
      {
        name: 'numbered.docx',
        bytes: await buildDocx(plan, { title, autoNumberColumn0: true, autoNumberMeasures: true }),
      },
      { name: 'paragraphs.docx', bytes: await buildParagraphDocx(paragraphs, { autoNumber: true }) },
    ],
    xlsx: [
      { name: 'plain.xlsx', bytes: await buildXlsx(plan) },
      {
        name: 'merged-title.xlsx',
        bytes: await buildXlsx(plan, { title: title[1], mergeTitle: true, numbersAsNumbers: true }),
      },
    ],
    csv: [
      { name: 'utf8.csv', bytes: buildCsv(plan, { encoding: 'utf8' }) },
      { name: 'bom-semicolon.csv', bytes: buildCsv(plan, { encoding: 'utf8bom', delimiter: ';' }) },
      { name: 'gbk.csv', bytes: buildCsv(plan, { encoding: 'gbk' }) },
    ],
    txt: [
      { name: 'sanmen.txt', bytes: new TextEncoder().encode(seedText.split('\n').slice(0, 80).join('\n')) },
    ],
  };
}
