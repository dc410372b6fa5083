import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition.js';

describe('attachmentDisposition', () => {
  it.each([
    [
      '农民持股改革进展（6月）.pdf',
      `attachment; filename="download.pdf"; filename*=UTF-8''%E5%86%9C%E6%B0%91%E6%8C%81%E8%82%A1%E6%94%B9%E9%9D%A9%E8%BF%9B%E5%B1%95%EF%BC%886%E6%9C%88%EF%BC%89.pdf`,
    ],
    ['report.pdf', `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`],
    // RFC 5987 attr-char: ' ( ) * are percent-encoded; space too.
    [
      "it's (final) *v2*.docx",
      `attachment; filename="it's (final) *v2*.docx"; filename*=UTF-8''it%27s%20%28final%29%20%2Av2%2A.docx`,
    ],
    ['100% "done".pdf', `attachment; filename="100_ _done_.pdf"; filename*=UTF-8''100%25%20%22done%22.pdf`],
    ['扫描件', `attachment; filename="download"; filename*=UTF-8''%E6%89%AB%E6%8F%8F%E4%BB%B6`],
  ])('%s', (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });
});
