/** Messages of the scoreboard pages (issue 7): zh-CN first; en-US must have every key (the type checks it). */
export const scoreboardZh = {} satisfies Record<string, string>;

export const scoreboardEn: Record<keyof typeof scoreboardZh, string> = {};
