/** Errors for bad input: each names the problem; the place (file, row, field) is added by formatPlace. */
export const errors: Record<string, string> = {
  'error.empty_file': '文件是空的',
  'error.too_large': '文件大小 {size} 超过上限 {limit}',
  'error.unknown_format': '无法识别文件格式（支持 .docx、.xlsx、.csv 和 Word 导出的文本表格）',
  'error.binary_garbage': '文件内容不是文本，也不是可识别的 Word 或 Excel 文档',
  'error.corrupt_zip': '文件已损坏：无法作为 {format} 文档解压（{detail}）',
  'error.zip_bomb': '压缩包解压后过大或文件过多（{detail}），为安全起见拒绝读取',
  'error.not_office': '这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文档',
  'error.corrupt_document': '文件已损坏：解压成功，但无法作为 {format} 文档读取（{detail}）',
  'error.encrypted_office': '文档设置了打开密码（已加密），请在 Office 或 WPS 中取消密码后再导入',
  'error.csv_parse': 'CSV 格式有误：{detail}',
  'error.legacy_office':
    '这是旧版 Office 格式（.doc/.xls），请在 Office 或 WPS 中另存为 .docx 或 .xlsx 后再导入',
  'error.no_table': '文档中没有表格',
  'error.no_header':
    '找不到表头：没有一行包含“序号”“改革事项”“改革举措”“主要目标”“责任单位”等列名。看到的表头：{seen}',
  'error.no_rows': '表头下面没有任何数据行',
  'error.encoding': '无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030（{detail}）',
  'error.sheet_not_found': '找不到名为“{sheet}”的工作表（现有：{sheets}）',
  'error.file_not_found': '找不到文件：{file}',
  'error.not_a_file': '不是一个文件：{file}',
  'error.empty_dir': '目录中没有可导入的文档（.docx、.xlsx、.csv、.txt）',
  'error.org_not_found': '找不到组织“{org}”',
  'error.db': '数据库错误：{detail}',
  'error.config': '配置错误（{name}）：{detail}',
  'error.import_conflict': '{org}的“{title}”正由另一次导入同时写入并已先完成；请重新导入本文件',
  'error.internal': '内部错误：{detail}',
};
