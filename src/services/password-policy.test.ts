import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    // The username, reversed, or with only digits and punctuation around it.
    ['nongyeju', 'nongyeju', 'error.password_username'],
    ['Nongyeju2022!', 'nongyeju', 'error.password_username'],
    ['2022-nongyeju', 'nongyeju', 'error.password_username'],
    ['ujeygnon2022', 'nongyeju', 'error.password_username'],
    // Common passwords, decorated the usual ways, in full-width forms too.
    ['password123', 'leader', 'error.password_common'],
    ['Password2022!', 'leader', 'error.password_common'],
    ['2022password', 'leader', 'error.password_common'],
    ['1qaz2wsx3edc', 'leader', 'error.password_common'],
    ['qwerty123456', 'leader', 'error.password_common'],
    ['woaini1314', 'leader', 'error.password_common'],
    ['ｐａｓｓｗｏｒｄ１２３', 'leader', 'error.password_common'],
    ['admin123456', 'leader', 'error.password_common'],
  ])('%j for %j → %s', async (password, username, problem) => {
    expect(await passwordProblem(password, username)).toBe(problem);
  });

  it.each([
    ['sanmen2022reform', 'admin'],
    ['e2e-Admin-2022', 'admin'],
    ['reset-by-admin-2022', 'leader'],
    ['nongyeju-qingxie-7', 'nongyeju'],
    ['三门青蟹2022年', 'leader'],
  ])('accepts %j for %j', async (password, username) => {
    expect(await passwordProblem(password, username)).toBeNull();
  });
});
