/** Messages of the reports pages (issue 7): zh-CN first; en-US must have every key (the type checks it). */
export const reportsZh = {} satisfies Record<string, string>;

export const reportsEn: Record<keyof typeof reportsZh, string> = {};
