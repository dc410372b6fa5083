import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { View } from './view.js';

/** The Host header is the client's to choose: only a plain host name (and port) goes into a page. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const HOST_NAME = /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/;

type PublicConfig = Pick<Config, 'publicBaseUrl' | 'publicPort'>;

/** https://host[:port] of the public site as this request reached it, or PUBLIC_BASE_URL. */
export function publicOrigin(config: PublicConfig, request: FastifyRequest): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  const host = HOST.test(request.host) ? request.host : 'localhost';
  return `${request.protocol}://${host}`;
}

/**
 * Where the office's server sends a reader of /public when the portal runs in a process of its
 * own: PUBLIC_BASE_URL, else the same host name on PUBLIC_PORT.
 */
export function separatePublicOrigin(config: PublicConfig, request: FastifyRequest): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  const name = HOST_NAME.test(request.hostname) ? request.hostname : 'localhost';
  return `${request.protocol}://${name}:${config.publicPort ?? 0}`;
}

/** The view of a page that belongs to no org yet (error pages): language and origin only. */
export function bareView(config: PublicConfig, request: FastifyRequest): View {
  const query = request.query as Record<string, string | undefined> | undefined;
  return {
    locale: query?.lang === 'en-US' ? 'en-US' : 'zh-CN',
    orgId: '',
    orgName: '',
    origin: publicOrigin(config, request),
  };
}
