// The browser of the end-to-end tests, driven by playwright-core: the system's headless
// Chromium, or with E2E_BROWSER=firefox Debian's firefox-esr over WebDriver BiDi.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, firefox } from 'playwright-core';

/** `chromium` or `firefox`: which browser this run drives. */
export const BROWSER = process.env.E2E_BROWSER ?? 'chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync',
  '--disable-background-networking', '--disable-component-update',
];

export function launch() {
  if (BROWSER === 'firefox') {
    return firefox.launch({ channel: 'moz-firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr' });
  }
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
  context.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`); });
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

/** Reloads the page and waits until the app has mounted again. */
export async function reloadApp(page) {
  await page.reload();
  await page.waitForSelector('html[data-app="ready"]', { timeout: 15000 });
}

/**
 * Stores deals as the app does (`sp:deal:<id>` = `{ schema: 1, data }`), reloads and waits
 * until the app has mounted with them. `build(arg)` runs in the page, so its `Date.now()` is
 * the page's clock (fixed by `page.clock` where a test sets it); it returns the deals' data.
 */
export async function seedDeals(page, build, arg) {
  const deals = await page.evaluate(build, arg);
  await page.evaluate((all) => {
    for (const data of all) localStorage.setItem(`sp:deal:${data.id}`, JSON.stringify({ schema: 1, data }));
  }, deals);
  await reloadApp(page);
}

/**
 * Clicks `trigger`, which downloads a file, and returns `{ name, path }` of that file.
 * Playwright reports no download events over WebDriver BiDi, so in Firefox the file is read
 * from the link the app clicks to hand it to the browser.
 */
export async function download(page, trigger) {
  if (BROWSER === 'chromium') {
    const [d] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
    return { name: d.suggestedFilename(), path: await d.path() };
  }
  await page.evaluate(() => {
    window.__downloads = [];
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      const url = create.call(URL, blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (this.download && blob) window.__downloads.push(blob.text().then((text) => ({ name: this.download, text })));
      return click.call(this);
    };
  });
  await trigger.click();
  await page.waitForFunction(() => window.__downloads.length > 0);
  const { name, text } = await page.evaluate(() => window.__downloads.at(-1));
  const path = join(await mkdtemp(join(tmpdir(), 'e2e-download-')), name);
  await writeFile(path, text);
  return { name, path };
}
