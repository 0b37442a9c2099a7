// Headless Chromium for the end-to-end tests: the system browser, driven by playwright-core.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync',
  '--disable-background-networking', '--disable-component-update',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A fresh context (empty localStorage) and a page in it. Console errors and uncaught
 * exceptions of every page of the context, including tabs opened later, are recorded in
 * `page.problems`.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const problems = [];
  context.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  context.on('weberror', (e) => problems.push(`pageerror: ${e.error().message}`));
  const page = await context.newPage();
  page.problems = problems;
  return page;
}

/** Asserts that no page of the context logged an error, then closes the context. */
export async function closeClean(...pages) {
  const problems = pages.flatMap((p) => p.problems);
  for (const p of pages) await p.context().close();
  assert.deepEqual(problems, [], 'console errors or uncaught exceptions');
}

/** Opens `url` and waits until the app has mounted. */
export async function gotoApp(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-app="ready"]', { timeout: 15000 });
}
