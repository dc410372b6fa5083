/** Faults and backups (issue 4): storage errors, readiness, `backup`, `restore`, `db check`. */
export const reliability: Record<string, string> = {
  'error.storage_full':
    '服务器磁盘空间已满，本次操作没有保存（已有数据不受影响），请联系管理员清理空间后重试',
  'error.storage_read_only':
    '服务器的数据目录或数据库处于只读状态，本次操作没有保存（已有数据不受影响），请联系管理员',

  'cli.storage.full': '磁盘空间已满，操作没有完成，数据库未被改动：{detail}',
  'cli.storage.read_only': '数据目录或数据库只读，无法写入，数据库未被改动：{detail}',
  'cli.storage.unavailable': '数据库不可用（无法连接或没有响应）：{detail}',
  'error.data_dir_read_only': '数据目录 {path} 不可写（只读挂载或没有写权限）：{detail}',

  'cli.backup.description':
    '备份：把 SQLite 数据库（服务运行时也可）和佐证材料打包成一个文件；--check 校验一个备份文件',
  'cli.backup.opt.out': '备份文件写到哪里（如 backup-2026-11-29.tar）',
  'cli.backup.opt.check': '不备份，只校验这个备份文件（清单、SHA-256、数据库完整性）',
  'cli.backup.opt.noEvidence': '不打包佐证材料（材料目录另行按文件复制时使用）',
  'cli.backup.written':
    '已备份到 {file}：数据库 {dbSize}（迁移 {migration}，{rows} 行），佐证材料 {files} 个（{evidenceSize}）',
  'cli.backup.checked':
    '备份文件完好：{file}（{createdAt} 由 {version} 版创建；迁移 {migration}；{rows} 行；佐证材料 {files} 个）',
  'cli.backup.missing_evidence': '警告：{count} 个佐证材料文件缺失或已损坏，未能备份：{files}',
  'cli.backup.need_out_or_check': '请用 --out FILE 指定备份文件，或用 --check FILE 校验一个备份文件',
  'cli.backup.postgres':
    'PostgreSQL 数据库请用 pg_dump -Fc 备份、pg_restore 恢复，再用 reform-ledger db check 校验（见 docs/reliability.md）',
  'cli.restore.arg.file': '由 reform-ledger backup 生成的备份文件',
  'cli.restore.description': '从备份文件恢复 SQLite 数据库和佐证材料（先停止服务）',
  'cli.restore.done':
    '已从 {file} 恢复：数据库 {rows} 行（迁移 {migration}），佐证材料 {files} 个；原数据库保留为 {previous}',
  'cli.restore.done_fresh': '已从 {file} 恢复：数据库 {rows} 行（迁移 {migration}），佐证材料 {files} 个',
  'cli.restore.postgres':
    'PostgreSQL 数据库请用 pg_restore 恢复（见 docs/reliability.md），恢复后用 reform-ledger db check 校验',

  'cli.evidence.description': '佐证材料文件的维护',
  'cli.evidence.gc.description':
    '清理没有任何报送引用的佐证材料文件（默认只列出，加 --apply 才删除；服务运行时也可）',
  'cli.evidence.gc.opt.apply': '真正删除（不加时只列出将要删除的文件）',
  'cli.evidence.gc.opt.minAge': '只处理至少这么多分钟未被写入或复用的文件，以免删掉正在上传的文件',
  'cli.evidence.gc.bad_min_age': '须为不小于 0 的整数（分钟）',
  'cli.evidence.gc.scanned': '材料目录 {dir}：{blobs} 个文件，其中 {referenced} 个仍被报送引用',
  'cli.evidence.gc.nothing': '没有需要清理的文件',
  'cli.evidence.gc.would_remove': '{count} 个文件已无任何报送引用（共 {size}），加 --apply 才会删除：',
  'cli.evidence.gc.file': '  {sha256}  {size}  最后写入 {changedAt}{kind}',
  'cli.evidence.gc.would_restore': '将恢复 {sha256}（{size}）：上次清理中断时移开，仍被报送引用',
  'cli.evidence.gc.restored': '已恢复 {sha256}（{size}）：上次清理中断时移开，仍被报送引用',
  'cli.evidence.gc.removed': '已删除 {sha256}（{size}，最后写入 {changedAt}）{kind}',
  'cli.evidence.gc.reused': '已保留 {sha256}（{size}）：清理时恰有人重新上传了相同内容',
  'cli.evidence.gc.removed_total': '共删除 {count} 个文件（{size}）',
  'cli.evidence.gc.young':
    '另有 {count} 个无人引用的文件（共 {size}）在最近 {minutes} 分钟内写入，可能正在上传，本次不处理',
  'cli.evidence.gc.kind.blob': '',
  'cli.evidence.gc.kind.temp': '（写入中断留下的临时文件）',
  'cli.evidence.gc.kind.swept': '（清理中断留下的文件）',
  'error.evidence_gc_not_migrated':
    '数据库结构不是最新（缺少迁移 {missing}），不清理佐证材料：先运行 reform-ledger db migrate',
  'error.evidence_gc_no_orgs':
    '数据库中没有任何组织，不像是这个材料目录所属的数据库（检查 DATA_DIR 或 DATABASE_URL）：不清理佐证材料',

  'error.backup_not_found': '找不到备份文件：{file}',
  'error.database_not_found': '找不到数据库文件：{file}（检查 DATA_DIR 或 DATABASE_URL）',
  'error.backup_foreign': '{file} 不是改革一本账的备份文件',
  'error.backup_damaged': '备份文件 {file} 已损坏或不完整：{detail}',
  'error.backup_newer': '备份文件 {file} 由更新的版本创建（数据库迁移 {migration}），请先升级本程序',
  'error.backup_out_exists': '文件 {file} 已存在：请换一个文件名，不会覆盖已有的备份',
  'error.restore_in_use': '数据库 {file} 正在被使用：请先停止服务（reform-ledger serve）再恢复',
  'error.backup_sqlite_only': '备份文件中的数据库是 {dialect}，只能恢复到 SQLite',

  'cli.db.check.description': '检查数据库：迁移版本、完整性、外键、各表行数和数据的一致性',
  'cli.db.check.ok': '数据库完好（{dialect}）：迁移 {migration}，共 {rows} 行',
  'cli.db.check.problems': '数据库有 {count} 个问题（{dialect}）：',
  'cli.db.check.table': '  {table}: {rows}',

  'check.migrations_behind': '数据库结构落后于程序：缺少迁移 {missing}（运行 reform-ledger db migrate）',
  'check.migrations_unknown': '数据库含有本程序不认识的迁移 {unknown}（由更新的版本写入）',
  'check.integrity': 'SQLite 完整性检查未通过：{detail}',
  'check.foreign_key': '表 {table} 有 {count} 行引用了 {parent} 中不存在的记录',
  'check.constraint_invalid': '约束 {name} 未生效（NOT VALID）',
  'check.index_invalid': '索引 {name} 无效（需要 REINDEX）',
  'check.version_without_items': '改革库版本 {id} 没有任何改革事项',
  'check.plan_current': '改革库 {id} 的当前版本数为 {count}（应为 1）',
  'check.report_state': '报送 {id} 的状态为 {status}，但它最后一次流转记录是 {action}',
  'check.bulletin_docx': '已发布的通报 {id} 缺少文件或文件校验值不符',
  'check.evidence_missing': '佐证材料 {id}（{file}）的文件缺失或大小不符',

  'health.db_up': '数据库可用',
  'health.db_down': '数据库不可用',
};
