/**
 * A file name from an upload, made safe to keep, show and hand back in Content-Disposition: the
 * last path segment only (no folders, so `../../x.pdf` and `C:\x.pdf` are just `x.pdf`), without
 * control characters (NUL, CR, LF …), direction overrides (U+202E makes “invoice‮fdp.exe”
 * display as “invoiceexe.pdf”), characters Windows forbids, leading or trailing dots and spaces,
 * or a Windows device name (CON, NUL.pdf, com1.docx …), and at most `maxChars` characters before
 * its extension. May return '' — callers supply their fallback.
 */
export function safeFileName(original: string, maxChars = 120): string {
  const name = (original.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\p{Cc}|[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/^(con|prn|aux|nul|com\d|lpt\d)(?=\.|$)/i, '_$1');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const base = [...name.slice(0, name.length - ext.length)].slice(0, maxChars).join('').trim();
  return base ? `${base}${ext}` : '';
}
