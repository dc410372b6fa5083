export const cli: Record<string, string> = {};
