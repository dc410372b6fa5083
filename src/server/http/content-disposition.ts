/**
 * `Content-Disposition: attachment` for a file name in any script. Browsers take the UTF-8 name
 * from `filename*` (RFC 6266 / RFC 5987 percent-encoding); `filename` is the ASCII fallback for
 * the few that do not, with anything outside printable ASCII — and the quote, backslash and
 * percent sign, which some clients would interpret — replaced.
 */
export function attachmentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // A name with no ASCII letter or digit before its extension would fall back to "____.pdf".
  const fallback = /[A-Za-z0-9]/.test(dot > 0 ? ascii.slice(0, dot) : ascii) ? ascii : `download${ext}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char allows only `!` of them. */
function rfc5987(s: string): string {
  return encodeURIComponent(s).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
