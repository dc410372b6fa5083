import { WHO, type Req, type Who, type World } from './authz-world.js';

/** The cells of the authorization matrix and the shapes its rows are written with (authz-rows.ts). */

export type Cells = Record<Who, number>;

export interface Case {
  /** The resource, in words: what the caller's relation to it is. */
  resource: string;
  /** The request one caller makes (fresh resources where the call may change them). */
  request: (w: World, who: Who) => Promise<Req> | Req;
  expect: Cells;
}

/** "401 200 200 200 200 200" → cells in WHO order. */
export function cells(spec: string): Cells {
  const codes = spec.trim().split(/\s+/).map(Number);
  if (codes.length !== WHO.length || codes.some((c) => !Number.isInteger(c))) throw new Error(spec);
  return Object.fromEntries(WHO.map((w, i) => [w, codes[i]!])) as Cells;
}

export const get =
  (url: string): Case['request'] =>
  () => ({ method: 'GET', url });

/** Every signed-in caller reads it; nobody else. */
export const signedInRead = (url: string): Case[] => [
  { resource: 'the organisation', request: get(url), expect: cells('401 200 200 200 200 200') },
];
/** The office only. */
export const officeRead = (url: string): Case[] => [
  { resource: 'the organisation', request: get(url), expect: cells('401 200 403 403 403 403') },
];
