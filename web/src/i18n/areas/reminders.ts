/** Messages of the reminders pages (issue 7): zh-CN first; en-US must have every key (the type checks it). */
export const remindersZh = {} satisfies Record<string, string>;

export const remindersEn: Record<keyof typeof remindersZh, string> = {};
