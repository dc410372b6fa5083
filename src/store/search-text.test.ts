import { describe, expect, it } from 'vitest';
import { likePattern, searchTextOf } from './search-text.js';

describe('search text', () => {
  it('joins the searchable fields and unit names once each, folding full-width forms', () => {
    expect(
      searchTextOf({
        title: '数字化改革（５Ｇ）',
        goalsText: '2022年底前完成',
        measures: ['建设青蟹产业园'],
        achievements: ['形成经验'],
        unitNames: ['县农业农村局', '县农业农村局', '县农业局'],
      }),
    ).toBe('数字化改革(5G)\n建设青蟹产业园\n2022年底前完成\n形成经验\n县农业农村局\n县农业局');
  });

  it.each([
    ['青蟹', '%青蟹%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['C:\\x', '%C:\\\\x%'],
    ['Ｇ', '%G%'],
  ])('likePattern(%s) = %s', (term, pattern) => {
    expect(likePattern(term)).toBe(pattern);
  });
});
