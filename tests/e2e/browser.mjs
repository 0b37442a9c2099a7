// Headless Chromium for the end-to-end tests: the system browser, driven by playwright-core.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync',
  '--disable-background-networking', '--disable-component-update',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A fresh context (empty localStorage) and a page that records console errors and uncaught
 * exceptions in `page.problems`.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  return page;
}

/** Opens `url` and waits until the app has mounted. */
export async function gotoApp(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-app="ready"]', { timeout: 15000 });
}
