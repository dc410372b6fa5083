/**
 * A signed-in client of a server listening on a real port, as a browser is: the session cookie,
 * and the CSRF token on writes.
 */
export interface Client {
  url: string;
  get(path: string): Promise<Response>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response>;
  upload(path: string, fileName: string, bytes: Uint8Array): Promise<Response>;
}

export async function signIn(url: string, username: string, password: string): Promise<Client> {
  const r = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    url,
    get: (path) => fetch(`${url}${path}`, { headers: { cookie } }),
    send: (method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    upload: (path, fileName, bytes) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), fileName);
      return fetch(`${url}${path}`, { method: 'POST', headers, body: form });
    },
  };
}

/** The body as JSON after checking the status; the body's text in the failure message. */
export async function json<T>(r: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await r;
  const text = await res.text();
  if (res.status !== status) throw new Error(`${res.url}: ${res.status} (expected ${status}) ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
