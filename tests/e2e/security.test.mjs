// Security end to end, against the release build: the strict Content-Security-Policy holds on
// every page (no violation on a tour of the whole app), the app asks for nothing but its own
// files, and hostile text typed or imported is shown as text and never runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { serve, SUB_PATH } from './server.mjs';
import { closeClean, download, gotoApp, launch, openPage, seedDeals } from './browser.mjs';

const servers = {};
let browser;
before(async () => {
  servers['/'] = await serve('dist', '/');
  servers[SUB_PATH] = await serve('dist', SUB_PATH);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
});

/** A page whose CSP violations are collected in `window.__csp` from the first script on. */
async function watchedPage() {
  const page = await openPage(browser);
  await page.context().addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const requests = [];
  page.context().on('request', (r) => requests.push(r.url()));
  page.requests = requests;
  return page;
}

const violations = (page) => page.evaluate(() => window.__csp);

/** Visits every in-app address reachable by links from the playbook, breadth first. */
async function tour(page, url) {
  const seen = new Set(['#/playbook']);
  const queue = ['#/playbook', '#/deals', '#/training', '#/dashboard', '#/settings', '#/no/such/page'];
  for (const h of queue) seen.add(h);
  let visited = 0;
  while (queue.length > 0) {
    const hash = queue.shift();
    await page.goto(url(hash));
    // Drawn: the address is taken, the content has loaded and a frame has passed.
    await page.waitForFunction((h) => location.hash === h && !document.querySelector('p.loading'), hash);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    visited++;
    const links = await page.locator('a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const l of links) {
      if (!seen.has(l)) { seen.add(l); queue.push(l); }
    }
  }
  return visited;
}

describe('content security policy', () => {
  test('index.html carries a strict policy with the inline scripts pinned by hash', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before every script');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['connect-src'], ["'self'"]);
    assert.deepEqual(directives['style-src'], ["'self'"]);
    assert.deepEqual(directives['object-src'], ["'none'"]);
    assert.deepEqual(directives['base-uri'], ["'none'"]);
    const scripts = directives['script-src'];
    assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), 'no unsafe script sources');
    assert.ok(scripts.includes("'wasm-unsafe-eval'"), 'WebAssembly may compile');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;
    assert.equal(scripts.filter((s) => s.startsWith("'sha256-")).length, inline, 'one hash per inline script');
  });

  for (const base of ['/', SUB_PATH]) {
    test(`a tour of every page runs with no violation and asks only for the app's own files (served at ${base})`, async () => {
      const server = servers[base];
      const url = (hash = '') => `${server.origin}${base}${hash}`;
      const page = await watchedPage();
      server.requests.length = 0;
      await gotoApp(page, url('#/deals'));
      await page.getByRole('textbox', { name: 'Customer name' }).fill('Tour Co');
      await page.getByRole('button', { name: 'Add lead' }).click();
      const visited = await tour(page, url);
      // Six stages, their scripts and templates, six checklists, the lists, the lead.
      assert.ok(visited >= 33, `the tour reached ${visited} pages`);
      // The other language, search everywhere, a practice run and a backup download too.
      await page.goto(url('#/playbook'));
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
      await page.getByRole('heading', { level: 1, name: '销售手册' }).waitFor();
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog').getByRole('searchbox').fill('价格');
      await page.getByRole('dialog').getByRole('link').first().waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
      await page.goto(url('#/settings'));
      await download(page, page.getByRole('button', { name: 'Export all data' }).first());
      assert.deepEqual(await violations(page), [], 'CSP violations');
      const foreign = page.requests.filter((r) => !r.startsWith(`${server.origin}${base}`) && !r.startsWith('blob:'));
      assert.deepEqual(foreign, [], 'requests outside the app');
      assert.deepEqual(server.requests.filter((p) => !p.startsWith(base)), [], 'requests outside the base path');
      await closeClean(page);
    });
  }
});

// Each payload sets window.__xss or adds an element if it ever runs or is parsed as HTML.
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  'javascript:window.__xss=3',
  '"><svg onload="window.__xss=4"></svg>',
  '<iframe src="javascript:window.__xss=5"></iframe>',
  '[click me](javascript:window.__xss=6) {{company}}',
  "'; window.__xss=7; '\u0000\u202e\u0007",
];

/** Nothing ran, and no element a payload could have made exists. */
async function assertInert(page) {
  const found = await page.evaluate(() => ({
    flag: window.__xss ?? null,
    elements: [...document.querySelectorAll('img, svg, iframe, object, embed, body script')].map((e) => e.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)),
  }));
  assert.deepEqual(found, { flag: null, elements: [], handlers: [], links: [] });
}

describe('hostile text', () => {
  const url = (hash = '') => `${servers['/'].origin}/${hash}`;

  test('payloads typed into every field, searched for and imported are shown as text and never run', async () => {
    const page = await watchedPage();
    await gotoApp(page, url('#/deals'));
    for (const p of PAYLOADS) {
      await page.getByRole('textbox', { name: 'Customer name' }).fill(p);
      await page.getByRole('button', { name: 'Add lead' }).click();
      await page.locator('.deal-list a').filter({ hasText: p.trim().slice(0, 12) }).first().waitFor();
    }
    assert.equal(await page.locator('.deal-list li').count(), PAYLOADS.length);
    await assertInert(page);

    // Every text field of a deal (a date-and-time field takes no free text: the browser refuses it).
    await page.locator('.deal-list a').first().click();
    const fields = page.locator('main input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=datetime-local]), main textarea');
    await fields.first().waitFor();
    const n = await fields.count();
    assert.ok(n >= 5, `${n} fields on the deal page`);
    for (let i = 0; i < n; i++) {
      await fields.nth(i).fill(PAYLOADS[i % PAYLOADS.length]);
      await fields.nth(i).press('Tab');
    }
    // The history: a call and a note with what was said.
    const entry = page.getByRole('textbox', { name: 'What was said or done' });
    await entry.fill(PAYLOADS[0]);
    await page.getByRole('button', { name: 'Log call' }).click();
    await entry.fill(PAYLOADS[5]);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.history li').nth(1).waitFor();
    await page.reload();
    await page.waitForSelector('html[data-app="ready"]');
    assert.ok((await page.locator('.history').textContent()).includes(PAYLOADS[5]), 'the note is shown as typed');
    await assertInert(page);

    // Where the leads' names and owners show elsewhere: the lead list's owner filter and Today
    // list, and the dashboard's owner filter, the deals behind each number and the printed report.
    // Leads overdue since yesterday, so the Today list and the report's overdue names show them.
    await page.goto(url('#/deals'));
    await seedDeals(page, (payloads) => payloads.map((p, i) => {
      const ago = new Date(Date.now() - 30 * 3600e3).toISOString();
      return { id: `xss-${i}`, number: `L-90${i}`, customer: p, owner: p, assigned_at: ago, updated_at: ago };
    }), PAYLOADS);
    const owners = page.getByRole('combobox', { name: 'Owner' });
    assert.ok((await owners.getByRole('option').allTextContents()).some((o) => o.includes('<')), 'a payload owner is offered');
    await owners.selectOption({ index: 1 });
    await assertInert(page);
    await page.getByRole('button', { name: `Today (${PAYLOADS.length})` }).click();
    await page.locator('.deal-list li').nth(PAYLOADS.length - 1).waitFor();
    await assertInert(page);
    await page.goto(url('#/dashboard'));
    await page.getByTestId('follow_up').waitFor();
    for (const d of await page.locator('details').all()) await d.evaluate((e) => { e.open = true; });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.getByTestId('overdue-list').locator('li').first().waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: 'Owner' }).selectOption({ index: 1 });
    await assertInert(page);

    // Searches.
    await page.goto(url('#/playbook/objections'));
    await page.getByRole('searchbox', { name: 'Search objections' }).fill(PAYLOADS[0]);
    await page.getByText('No objection matches.', { exact: false }).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').getByRole('searchbox').fill(PAYLOADS[3]);
    await assertInert(page);
    await page.keyboard.press('Escape');

    // The same data exported and imported into a clean browser.
    await page.goto(url('#/settings'));
    const { path: file } = await download(page, page.getByRole('button', { name: 'Export all data' }).first());
    assert.ok((await readFile(file, 'utf8')).includes('onerror'), 'the payloads are in the backup');
    const target = await watchedPage();
    await gotoApp(target, url('#/settings'));
    await target.getByLabel('Backup file (.json)').setInputFiles(file);
    await target.getByTestId('import-preview').getByRole('button', { name: 'Import' }).click();
    await gotoApp(target, url('#/deals'));
    await target.locator('.deal-list li').nth(PAYLOADS.length - 1).waitFor();
    await assertInert(target);
    for (const p of [page, target]) assert.deepEqual(await violations(p), [], 'CSP violations');
    await closeClean(page, target);
  });
});
