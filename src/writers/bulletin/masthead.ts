import { AlignmentType, BorderStyle, Paragraph, TabStopType, TextRun } from 'docx';
import { FONT, TEXT_WIDTH, fonts } from '../official-document.style.js';

/**
 * The red-headed block (红头) of an official bulletin: the issuing body's masthead in red
 * 方正小标宋, then a line with the issuer on the left and the date on the right, over a red rule.
 * Optional per organisation: a bulletin without it starts at its title.
 */

/** The red of 公文 mastheads and rules. */
export const RED = 'E60012';

/** Half-points: 小初 (36 pt), large enough to read as a masthead, small enough for a long org name. */
const MASTHEAD_SIZE = 72;

export function masthead(text: string, issuer: string, date: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240, line: 240, lineRule: 'auto' },
      children: [
        new TextRun({ text, font: fonts(FONT.title), size: MASTHEAD_SIZE, color: RED, characterSpacing: 40 }),
      ],
    }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      spacing: { before: 0, after: 480, line: 360, lineRule: 'auto' },
      // The rule under the line: 2¼ pt red, as 公文 draw the separator under the masthead.
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
      children: [new TextRun({ text: issuer }), new TextRun({ children: ['\t', date] })],
    }),
  ];
}
