import { ValidationError } from '../domain/errors.js';

/**
 * The password rules the request schema cannot check on its own (`passwordSchema` in
 * shared/api/session.ts already requires ≥ 10 characters with letters and digits — the web form
 * shares it): not the username, and not a password that attackers try first.
 *
 * "Tried first" is the 49 000 most common passwords of public breach corpora as packaged by
 * zxcvbn-ts (@zxcvbn-ts/language-common, MIT, maintained), plus a few that Chinese users favour
 * and that list lacks. A password is refused when it, or it without the digits and punctuation
 * around it ("2022password!"), is on the list: these are the first guesses of any attack that
 * gets past the lock-out (a stolen hash, a spraying bot rotating addresses). The list is loaded
 * on first use, not at start-up: it is a 1.5 MB module.
 */

/** Common in Chinese breach corpora, ≥ 8 characters, absent from the zxcvbn-ts list. */
const ALSO_COMMON = [
  'woaini1314',
  'woaini520',
  'woaini521',
  'iloveyou1314',
  'a123456789',
  'aa123456789',
  'qq123456789',
  'abc123456789',
  'abcd123456',
  'asd123456789',
  'qwe123456789',
  'zxc123456789',
  '1314520520',
  'woaiwojia',
  'wangyut2',
  'dearbook',
  'xiazhili',
  'zhangwei',
  'wangjing',
  'liu123456',
  'admin123456',
  'administrator',
  'root123456',
  'test123456',
  'pass123456',
  'gaige2022',
  'gaigeban',
] as const;

let common: Promise<Set<string>> | undefined;

function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set([...dictionary['passwords-common'], ...ALSO_COMMON]),
  );
  return common;
}

/** Lower case, compatibility forms folded (full-width Ａ１ → a1): what a guesser would type. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

export type PasswordProblem = 'error.password_username' | 'error.password_common';

/** Digits, punctuation and symbols around a word: "2022admin!" is "admin" to a guesser. */
const DECORATION = /^[\p{Nd}\p{P}\p{S}\s]+|[\p{Nd}\p{P}\p{S}\s]+$/gu;

/**
 * The first rule `password` breaks, or null. `username` is the account's own name: the password
 * may not be it, reversed, or either with only digits and punctuation around it.
 */
export async function passwordProblem(password: string, username: string): Promise<PasswordProblem | null> {
  const p = fold(password);
  const core = p.replace(DECORATION, '');
  const name = fold(username).trim();
  if (core === name || core === [...name].reverse().join('')) return 'error.password_username';
  const list = await commonPasswords();
  if (list.has(p) || (core.length >= 4 && list.has(core))) return 'error.password_common';
  return null;
}

/** Throws a 400 naming `field` when the password breaks a rule. */
export async function checkPassword(password: string, username: string, field: string): Promise<void> {
  const problem = await passwordProblem(password, username);
  if (problem) throw new ValidationError(problem, {}, { field });
}
