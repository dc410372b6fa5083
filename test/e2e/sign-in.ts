import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Signs in through the login page, as a user would, and waits for the dashboard. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s?录/ }).click();
  await page.waitForSelector('[data-testid="dashboard"]');
}

/** GET through the page's own session (its cookies); the answer must be 200. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}
