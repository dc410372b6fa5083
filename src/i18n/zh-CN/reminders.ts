/** Server messages of reminders (issue 7). */
export const reminders: Record<string, string> = {};
