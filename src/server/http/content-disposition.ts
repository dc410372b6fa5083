/**
 * `Content-Disposition: attachment` for a file name in any script. Browsers take the UTF-8 name
 * from `filename*` (RFC 6266, RFC 5987 percent-encoding); `filename` is the fallback for clients
 * that do not: the name itself when it is plain ASCII, else "download" with the extension (a
 * name of underscores for every Chinese character helps nobody). Quote, backslash and percent
 * never appear in the fallback: some clients would interpret them.
 */
export function attachmentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const fallback = /^[\x20-\x7e]+$/.test(fileName) ? fileName.replace(/["\\%]/g, '_') : `download${ext}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char allows only `!` of them. */
function rfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
