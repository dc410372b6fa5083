import type { ApiApp } from '../../src/server/context.js';

/** A multipart upload (field `file`) through app.inject, as the web app sends one. */
export function injectUpload(
  app: ApiApp,
  headers: Record<string, string>,
  url: string,
  fileName: string,
  bytes: Uint8Array,
) {
  const boundary = '----reform-ledger-faults';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}
