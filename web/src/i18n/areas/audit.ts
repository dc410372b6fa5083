/** Messages of the audit pages (issue 7): zh-CN first; en-US must have every key (the type checks it). */
export const auditZh = {} satisfies Record<string, string>;

export const auditEn: Record<keyof typeof auditZh, string> = {};
