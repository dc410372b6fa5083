/** Faults and backups (issue 4): storage errors, readiness, `backup`, `restore`, `db check`. */
export const reliability: Record<string, string> = {
  'error.storage_full':
    'The server has run out of disk space; nothing was saved (existing data is unaffected). Ask the administrator to free space, then try again',
  'error.storage_read_only':
    "The server's data folder or database is read-only; nothing was saved (existing data is unaffected). Ask the administrator",

  'cli.storage.full':
    'The disk is full; the operation did not complete and the database was not changed: {detail}',
  'cli.storage.read_only':
    'The data folder or database is read-only; nothing could be written and the database was not changed: {detail}',
  'cli.storage.unavailable': 'The database is unavailable (cannot connect or no answer): {detail}',
  'error.data_dir_read_only':
    'The data folder {path} cannot be written (read-only mount or no permission): {detail}',

  'cli.backup.description':
    'back up the SQLite database (also while the server runs) and the evidence files into one file; --check verifies a backup file',
  'cli.backup.opt.out': 'where to write the backup (e.g. backup-2026-11-29.tar)',
  'cli.backup.opt.check': 'do not back up: verify this backup file (manifest, SHA-256, database integrity)',
  'cli.backup.opt.noEvidence':
    'leave the evidence files out (when the evidence folder is copied file by file)',
  'cli.backup.written':
    'Backed up to {file}: database {dbSize} (migration {migration}, {rows} rows), {files} evidence files ({evidenceSize})',
  'cli.backup.checked':
    'The backup is sound: {file} (made {createdAt} by version {version}; migration {migration}; {rows} rows; {files} evidence files)',
  'cli.backup.missing_evidence':
    'Warning: {count} evidence files are missing or damaged and were not backed up: {files}',
  'cli.backup.need_out_or_check': 'Name the backup file with --out FILE, or verify one with --check FILE',
  'cli.backup.postgres':
    'Back up a PostgreSQL database with pg_dump -Fc and restore it with pg_restore, then verify it with reform-ledger db check (see docs/reliability.md)',
  'cli.restore.arg.file': 'a backup file made by reform-ledger backup',
  'cli.restore.description':
    'restore the SQLite database and the evidence files from a backup (stop the server first)',
  'cli.restore.done':
    'Restored from {file}: {rows} database rows (migration {migration}), {files} evidence files; the previous database is kept as {previous}',
  'cli.restore.done_fresh':
    'Restored from {file}: {rows} database rows (migration {migration}), {files} evidence files',
  'cli.restore.postgres':
    'Restore a PostgreSQL database with pg_restore (see docs/reliability.md), then verify it with reform-ledger db check',

  'cli.evidence.description': 'maintenance of the evidence files',
  'cli.evidence.gc.description':
    'remove the evidence files no report refers to any more (lists them; --apply removes them; safe while the server runs)',
  'cli.evidence.gc.opt.apply': 'remove them (without it, only list what would be removed)',
  'cli.evidence.gc.opt.minAge':
    'only files not written or reused for at least this many minutes, so that uploads in progress are left alone',
  'cli.evidence.gc.bad_min_age': 'must be a whole number of minutes, 0 or more',
  'cli.evidence.gc.scanned':
    'Evidence folder {dir}: {blobs} files, {referenced} still referred to by reports',
  'cli.evidence.gc.nothing': 'Nothing to remove',
  'cli.evidence.gc.would_remove': 'Files referred to by no report: {count} ({size}); --apply removes them:',
  'cli.evidence.gc.file': '  {sha256}  {size}  last written {changedAt}{kind}',
  'cli.evidence.gc.would_restore':
    'Would put back {sha256} ({size}): moved aside by an interrupted sweep, still referred to',
  'cli.evidence.gc.restored':
    'Put back {sha256} ({size}): moved aside by an interrupted sweep, still referred to',
  'cli.evidence.gc.removed': 'Removed {sha256} ({size}, last written {changedAt}){kind}',
  'cli.evidence.gc.reused': 'Kept {sha256} ({size}): the same content was uploaded again during the sweep',
  'cli.evidence.gc.removed_total': 'Files removed: {count} ({size})',
  'cli.evidence.gc.young':
    'Unreferenced files written in the last {minutes} minutes, left for now (they may be uploads in progress): {count} ({size})',
  'cli.evidence.gc.kind.blob': '',
  'cli.evidence.gc.kind.temp': ' (temporary file of an interrupted write)',
  'cli.evidence.gc.kind.swept': ' (left by an interrupted sweep)',
  'error.evidence_gc_not_migrated':
    'The database schema is not current (missing migrations {missing}); evidence files are not swept: run reform-ledger db migrate first',
  'error.evidence_gc_no_orgs':
    'The database has no organisation and does not look like the one these evidence files belong to (check DATA_DIR or DATABASE_URL): evidence files are not swept',

  'error.backup_not_found': 'Backup file not found: {file}',
  'error.database_not_found': 'No database file at {file} (check DATA_DIR or DATABASE_URL)',
  'error.backup_foreign': '{file} is not a reform-ledger backup',
  'error.backup_damaged': 'The backup {file} is damaged or incomplete: {detail}',
  'error.backup_newer':
    'The backup {file} was made by a newer version (database migration {migration}); upgrade this program first',
  'error.backup_out_exists':
    '{file} already exists: choose another name; an existing backup is never overwritten',
  'error.restore_in_use':
    'The database {file} is in use: stop the server (reform-ledger serve) before restoring',
  'error.backup_sqlite_only': 'The backup holds a {dialect} database; only SQLite can be restored this way',

  'cli.db.check.description':
    'check the database: migration level, integrity, foreign keys, row counts per table and the consistency of the data',
  'cli.db.check.ok': 'The database is sound ({dialect}): migration {migration}, {rows} rows',
  'cli.db.check.problems': 'The database has {count} problems ({dialect}):',
  'cli.db.check.table': '  {table}: {rows}',

  'check.migrations_behind':
    'The database schema is behind the program: missing migrations {missing} (run reform-ledger db migrate)',
  'check.migrations_unknown':
    'The database has migrations this program does not know: {unknown} (a newer version wrote them)',
  'check.integrity': 'SQLite integrity check failed: {detail}',
  'check.foreign_key': 'Table {table} has {count} rows referring to missing rows of {parent}',
  'check.constraint_invalid': 'Constraint {name} is not validated (NOT VALID)',
  'check.index_invalid': 'Index {name} is invalid (REINDEX it)',
  'check.version_without_items': 'Plan version {id} has no items',
  'check.plan_current': 'Plan {id} has {count} current versions (should be 1)',
  'check.report_state': 'Report {id} is {status} but its last workflow event is {action}',
  'check.bulletin_docx': 'Published bulletin {id} has no document or its checksum does not match',
  'check.evidence_missing': 'The file of evidence {id} ({file}) is missing or has the wrong size',

  'health.db_up': 'The database is available',
  'health.db_down': 'The database is unavailable',
};
