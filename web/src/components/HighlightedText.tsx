/**
 * Text as written, with the phrases the importer understood marked: deadlines (时间节点) and
 * targets (量化指标), each in its own colour, so a reader checks the extraction against the source.
 */
import type { ReactNode } from 'react';

export interface Mark {
  text: string;
  kind: 'deadline' | 'target';
  title?: string;
}

interface Span {
  start: number;
  end: number;
  mark: Mark;
}

/** Non-overlapping spans, first occurrence after the previous match of the same phrase. */
export function findSpans(text: string, marks: Mark[]): Span[] {
  const spans: Span[] = [];
  const from = new Map<string, number>();
  for (const mark of marks) {
    if (!mark.text) continue;
    let at = text.indexOf(mark.text, from.get(mark.text) ?? 0);
    while (at >= 0 && spans.some((s) => at < s.end && at + mark.text.length > s.start)) {
      at = text.indexOf(mark.text, at + 1);
    }
    if (at < 0) continue;
    from.set(mark.text, at + mark.text.length);
    spans.push({ start: at, end: at + mark.text.length, mark });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function HighlightedText({ text, marks }: { text: string; marks: Mark[] }) {
  const spans = findSpans(text, marks);
  const out: ReactNode[] = [];
  let pos = 0;
  spans.forEach((s, i) => {
    if (s.start > pos) out.push(text.slice(pos, s.start));
    out.push(
      <mark key={i} className={`hl hl-${s.mark.kind}`} title={s.mark.title}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    pos = s.end;
  });
  if (pos < text.length) out.push(text.slice(pos));
  return <span className="highlighted-text">{out}</span>;
}
