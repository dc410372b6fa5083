/**
 * Typed fetch client for /api. Same-origin credentials (the session cookie), `X-CSRF-Token` on
 * every request that is not GET/HEAD, `Accept-Language` from the chosen language so server
 * messages come back in it. A 401 sends the user to the login page; any other error is shown with
 * the server's `error.message` (see setErrorReporter) and rethrown as ApiError.
 */
import type { ApiErrorBody } from './types';
import { orgForRequest } from '../app/org-context';

type ErrorInfo = Omit<ApiErrorBody['error'], 'code'> & { code: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface Handlers {
  unauthorized: () => void;
  report: (message: string) => void;
}

let csrfToken: string | null = null;
let language = 'zh-CN';
const handlers: Handlers = { unauthorized: () => undefined, report: () => undefined };

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called once by the app shell: where a 401 leads and how errors are shown. */
export function setApiHandlers(h: Partial<Handlers>): void {
  Object.assign(handlers, h);
}

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not show the error to the user (the caller handles it). */
  quiet?: boolean;
  /** Do not redirect to the login page on 401 (the login form itself). */
  noAuthRedirect?: boolean;
}

/** GETs started before anyone asked (see prefetch), handed to the first request for the same URL. */
const prefetched = new Map<string, Promise<unknown>>();

/**
 * Starts a GET now, so the data is on its way while the code that needs it is still loading
 * (the dashboard's numbers during the session check). Quiet: a failure shows when it is used.
 */
export function prefetch(path: string, query?: Query): void {
  const org = orgForRequest('GET', path);
  const q = org ? { ...query, org } : query;
  const key = `${path}${queryString(q)}`;
  const p = request('GET', path, { query: q, quiet: true, noAuthRedirect: true });
  p.catch(() => undefined);
  prefetched.set(key, p);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  // Reading another org's ledger (issue 9): every read of it names the org, here and nowhere else.
  const org = orgForRequest(method, path);
  if (org && opts.query?.org === undefined) opts = { ...opts, query: { ...opts.query, org } };
  if (method === 'GET') {
    const key = `${path}${queryString(opts.query)}`;
    const early = prefetched.get(key);
    if (early) {
      prefetched.delete(key);
      try {
        return (await early) as T;
      } catch {
        // fall through: ask again, with this caller's error handling
      }
    }
  }
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}${queryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    const err = new ApiError(0, 'network', (e as Error).message);
    if (!opts.quiet) handlers.report(err.message);
    throw err;
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('json') ? await res.json() : await res.text()) as T;
  }
  throw fail(res.status, await readError(res), opts);
}

function fail(status: number, body: ErrorInfo, opts: RequestOptions): ApiError {
  const err = new ApiError(status, body.code, body.message, body.field);
  if (status === 401 && !opts.noAuthRedirect) {
    setCsrfToken(null);
    handlers.unauthorized();
  } else if (!opts.quiet) {
    handlers.report(err.message);
  }
  return err;
}

async function readError(res: Response): Promise<ErrorInfo> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    if (body.error?.message) return body.error;
  } catch {
    // not JSON: fall through
  }
  return { code: String(res.status), message: text.slice(0, 200) || `HTTP ${res.status} ${res.statusText}` };
}

/** A link to a download of the API (an .xlsx, a .docx), naming the viewed org like `request` does. */
export function apiHref(path: string, query: Query = {}): string {
  const org = orgForRequest('GET', path);
  return `/api${path}${queryString(org && query.org === undefined ? { ...query, org } : query)}`;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('PUT', path, { ...opts, body }),
  del: <T = void>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
};

/**
 * Multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can).
 * Resolves with the JSON response; rejects with ApiError like `request`.
 */
export function upload<T>(
  path: string,
  file: File | Blob,
  filename: string,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as T);
        return;
      }
      const e: ErrorInfo = (body as Partial<ApiErrorBody> | null)?.error ?? {
        code: String(xhr.status),
        message: `HTTP ${xhr.status} ${xhr.statusText}`,
      };
      reject(fail(xhr.status, e, {}));
    };
    xhr.onerror = () => {
      const err = new ApiError(0, 'network', 'Network error');
      handlers.report(err.message);
      reject(err);
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, filename);
    xhr.send(form);
  });
}
