import { describe, expect, it } from 'vitest';
import { escapeHtml, markup, raw } from './html.js';

describe('markup tagged template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const evil = `<script>alert("x")</script>' onmouseover='y`;
    const out = markup`<p title="${evil}">${evil}</p>`.text;
    expect(out).not.toContain('<script>');
    expect(out).not.toMatch(/"[^"]*"[^>]*onmouseover/);
    expect(out).toBe(
      `<p title="${escapeHtml(evil)}">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y</p>`,
    );
  });

  it('keeps nested markup and raw as they are, escapes inside lists, drops null/false', () => {
    const items = ['a&b', markup`<b>${'<i>'}</b>`];
    expect(
      markup`<ul>${items.map((i) => markup`<li>${i}</li>`)}</ul>${null}${false}${raw('<br>')}`.text,
    ).toBe('<ul><li>a&amp;b</li><li><b>&lt;i&gt;</b></li></ul><br>');
    expect(markup`${0}`.text).toBe('0');
  });

  it('does not treat a look-alike object as safe', () => {
    const fake = { text: '<x>', toString: () => '<x>' } as unknown as string;
    expect(markup`${fake}`.text).toBe('&lt;x&gt;');
  });
});
