import { z } from 'zod';

/**
 * The backup file: a plain .tar whose entries are, in this order,
 *
 *   reform-ledger-backup.json      what this file is (format, version, when, which engine)
 *   database.sqlite                the SQLite database, as SQLite's online backup copied it
 *   evidence/ab/cd/<sha256>        each evidence file the database refers to, named by its hash
 *   manifest.json                  sizes and SHA-256 of all of the above, migration, row counts
 *
 * The manifest comes last because it is written once everything before it has been read and
 * hashed; a file that ends before it is incomplete. Evidence files are content-addressed, so an
 * entry's name is its own checksum.
 */

export const BACKUP_FORMAT = 'reform-ledger-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const MARKER_ENTRY = 'reform-ledger-backup.json';
export const DATABASE_ENTRY = 'database.sqlite';
export const MANIFEST_ENTRY = 'manifest.json';
export const EVIDENCE_ENTRY = /^evidence\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export function evidenceEntry(sha256: string): string {
  return `evidence/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

export const markerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
});
export type BackupMarker = z.infer<typeof markerSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  database: z.object({ bytes: z.number().int().nonnegative(), sha256 }),
  migration: z.string().nullable(),
  migrations: z.array(z.string()),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  evidence: z.object({
    /** False with --no-evidence: the files are copied some other way. */
    included: z.boolean(),
    files: z.array(z.object({ sha256, bytes: z.number().int().nonnegative() })),
    /** Referred to by the database but missing or damaged on disk when the backup was made. */
    missing: z.array(z.object({ sha256, fileName: z.string() })),
  }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export function totalRows(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
