/** Server messages of reporting (issue 7). */
export const reporting: Record<string, string> = {};
