// The benchmark of the release build in headless Chromium: transfer size, start-up (beside the
// same page as static HTML, the floor), interactions, saving (beside a raw setItem of the same
// bytes) and capacity. Medians of several runs. Prints a Markdown table and writes it to
// BENCHMARKS.md with the machine and date. Usage: `make bench` (builds dist/ first).
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { serve } from '../tests/e2e/server.mjs';
import { launch, openPage, gotoApp } from '../tests/e2e/browser.mjs';
import { measure, BUDGET_BROTLI_BYTES } from './size.mjs';

const SIZES = [0, 1000, 5000];
const EDITS = 200;
const RUNS = 5;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x, digits = 1) => `${x.toFixed(digits)} ms`;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// Seeds `n` typical deals straight into localStorage, in the app's stored format. With
// n = Infinity it writes until the browser refuses (the capacity), then clears them all.
// Returns how many were written. Runs in the page, so it is self-contained.
function seed(n) {
  localStorage.clear();
  const t = Date.UTC(2026, 10, 1);
  let i = 0;
  try {
    for (; i < n; i++) {
      const id = `${(t + i).toString(36)}-${String(i).padStart(8, '0')}`;
      const data = {
        id, number: `L-${String(i + 1).padStart(4, '0')}`, customer: `客户 Customer ${i} 有限公司`,
        contact: 'Wang Fang 王芳', phone: '+86 138 0000 0000', email: `buyer${i}@example.com`,
        source: 'trade_show', industry: 'manufacturing', grade: 'ABC'[i % 3], stage: 'lead_development', status: 'following',
        class: 'potential', owner: 'Li Lei', notes: 'Met at the trade show; wants a quote for 20 units before Q1. 展会上认识，一季度前需要报价。',
        value_minor: 12500000, currency: 'CNY', assigned_at: new Date(t + i).toISOString(), first_follow_up_at: null,
        updated_at: new Date(t + i).toISOString(),
      };
      localStorage.setItem(`sp:deal:${id}`, JSON.stringify({ schema: 1, data }));
    }
  } catch (e) {
    if (n !== Infinity) throw e;
  }
  if (n === Infinity) localStorage.clear();
  return i;
}

// One edit through the UI: type into the notes field and commit it (the change event saves
// synchronously); then the same bytes written with a bare setItem, as the floor. Timers are
// coarse (0.1 ms without cross-origin isolation), so each figure is a batch's mean.
function timeEdits(edits) {
  const area = document.querySelector('.form-grid textarea');
  const key = `sp:deal:${location.hash.split('/').pop()}`;
  let t0 = performance.now();
  for (let i = 0; i < edits; i++) {
    area.value = `edit ${i}`;
    area.dispatchEvent(new Event('input'));
    area.dispatchEvent(new Event('change'));
  }
  const app = (performance.now() - t0) / edits;
  const value = localStorage.getItem(key);
  if (!value.includes(`"notes":"edit ${edits - 1}"`)) throw new Error('the last edit was not saved');
  t0 = performance.now();
  for (let i = 0; i < edits; i++) localStorage.setItem('bench-floor', value.replace(/edit \d+/, `edit ${i}`));
  const raw = (performance.now() - t0) / edits;
  localStorage.removeItem('bench-floor');
  return { app, raw };
}

// Time from an action in the page until `done()` holds, measured in the page at the next
// frames (so rendering is included), in ms.
// The interactions run in the page as functions handed over by the driver: the app's CSP
// forbids the page itself from compiling code (no eval, no new Function).

/** Key 1 in practice mode, until the next step's text is shown. */
async function practiceStep() {
  const text = () => document.querySelector('.practice .step-text')?.textContent;
  const before = text();
  const t0 = performance.now();
  dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
  while (text() === undefined || text() === before) await new Promise((ok) => requestAnimationFrame(ok));
  return performance.now() - t0;
}

/** The language switch set to `to`, until the page is drawn again in it. */
async function switchLanguage(to) {
  const t0 = performance.now();
  const select = document.querySelector('header select');
  select.value = to;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  while (document.documentElement.lang !== to || document.querySelector('h1') === null) {
    await new Promise((ok) => requestAnimationFrame(ok));
  }
  return performance.now() - t0;
}

/**
 * One keystroke in the deal search: the box gets `text` and its input event, and the time is
 * taken at the next frame, when the app has handled the input and drawn the list (the app
 * draws in microtasks, which all run before a frame). A keystroke that changes nothing shown
 * ("c" → "cu" with every deal matching) is timed the same way.
 */
function keystroke(text) {
  return new Promise((done) => {
    const box = document.querySelector('input[type=search]');
    const t0 = performance.now();
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => done(performance.now() - t0));
  });
}

/**
 * A change of the dashboard's period, until the next frame: the app computes the measures of
 * the new period and of the one before over every deal, and draws the cards and tables.
 */
function dashboardPeriod(to) {
  return new Promise((done) => {
    const select = document.querySelector('.dashboard-filters select');
    const t0 = performance.now();
    select.value = to;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    requestAnimationFrame(() => done(performance.now() - t0));
  });
}

/**
 * A choice in the `nth` select of the lead list's filters (0: grade, the last: the order),
 * until the next frame: the app filters or orders every deal again and draws the list.
 */
function chooseInList([nth, value]) {
  return new Promise((done) => {
    const selects = document.querySelectorAll('.lead-filters select');
    const select = selects[nth < 0 ? selects.length + nth : nth];
    const t0 = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    requestAnimationFrame(() => done(performance.now() - t0));
  });
}

/** Navigation start to `selector` shown, by the page's own clock (ms). */
async function startup(page, url, selector) {
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 30000 });
  return page.evaluate(() => performance.now());
}

const server = await serve('dist', '/');
const browser = await launch();
const startRows = [];
const saveRows = [];
const interactions = {};
let staticFloor = 0;
let capacity = 0;
try {
  // Start-up to the first meaningful screen: the playbook home with the default content.
  for (const n of SIZES) {
    const page = await openPage(browser);
    await gotoApp(page, `${server.origin}/`);
    await page.evaluate(seed, n);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(await startup(page, `${server.origin}/?r=${n}-${i}#/playbook`, '.stage-path a'));
    }
    startRows.push({ n, start: median(times) });
    if (n === 0) {
      // The floor: the same rendered page as static HTML (its CSS, no app).
      const html = await page.evaluate(() => {
        const doc = document.documentElement.cloneNode(true);
        doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((e) => e.remove());
        return `<!doctype html>${doc.outerHTML}`;
      });
      server.files.set('static.html', html);
      const floors = [];
      for (let i = 0; i < RUNS; i++) floors.push(await startup(page, `${server.origin}/static.html?r=${i}`, '.stage-path a'));
      staticFloor = median(floors);
      server.files.delete('static.html');

      // Interactions with empty storage.
      await gotoApp(page, `${server.origin}/#/scripts/script-first-contact`);
      await page.getByRole('button', { name: 'Practice' }).click();
      await page.locator('.practice .step-text').waitFor();
      const steps = [];
      for (let i = 0; i < RUNS; i++) steps.push(await page.evaluate(practiceStep));
      interactions.step = median(steps);
      const langs = [];
      for (let i = 0; i < RUNS; i++) langs.push(await page.evaluate(switchLanguage, i % 2 === 0 ? 'zh-CN' : 'en'));
      interactions.language = median(langs);
    }
    if (n > 0) {
      // Saving one edit with n deals stored.
      await gotoApp(page, `${server.origin}/#/deals`);
      const first = await page.locator('.deal-list a').first().getAttribute('href');
      await gotoApp(page, `${server.origin}/${first}`);
      await page.locator('.form-grid textarea').fill('edit 0');
      await page.locator('.form-grid textarea').press('Tab');
      const { app, raw } = await page.evaluate(timeEdits, EDITS);
      const used = await page.evaluate(() => Object.entries(localStorage).reduce((s, [k, v]) => s + 2 * (k.length + v.length), 0));
      saveRows.push({ n, edit: app, floor: raw, perDeal: used / n });
    }
    if (n === SIZES.at(-1)) {
      // Typing in the deal search with n deals: each keystroke until the list is drawn again
      // and a frame has passed.
      await gotoApp(page, `${server.origin}/#/deals`);
      await page.locator('.deal-list li').first().waitFor();
      const query = 'customer 4999';
      const keys = [];
      for (let run = 0; run < RUNS; run++) {
        for (let i = 1; i <= query.length; i++) keys.push(await page.evaluate(keystroke, query.slice(0, i)));
        const found = await page.locator('p.count').textContent();
        if (!found.startsWith(`2 of ${n.toLocaleString('en').replace(/,/g, '')} leads`)) throw new Error(`the search found: ${found}`);
        await page.evaluate(keystroke, '');
      }
      interactions.search = median(keys);
      interactions.searchN = n;
      // The list's filter (grade B: every third deal from the second, and back to any) and its order
      // (by customer, every row built and sorted again, and back to newest first).
      const filters = [];
      const sorts = [];
      for (let i = 0; i < RUNS; i++) {
        filters.push(await page.evaluate(chooseInList, [0, '2']));
        const kept = await page.locator('p.count').textContent();
        if (!kept.startsWith(`${Math.floor((n + 1) / 3)} of ${n} leads`)) throw new Error(`the grade filter kept: ${kept}`);
        filters.push(await page.evaluate(chooseInList, [0, '0']));
        sorts.push(await page.evaluate(chooseInList, [-1, '1']));
        sorts.push(await page.evaluate(chooseInList, [-1, '0']));
      }
      interactions.filter = median(filters);
      interactions.sort = median(sorts);
      // The dashboard with n deals, all assigned on 1 November 2026: this month and this
      // quarter both hold every one of them (run in November or December 2026).
      await gotoApp(page, `${server.origin}/#/dashboard`);
      await page.getByTestId('follow_up').waitFor();
      const periods = [];
      for (let i = 0; i < RUNS; i++) periods.push(await page.evaluate(dashboardPeriod, i % 2 === 0 ? 'quarter' : 'month'));
      const leads = await page.locator('[data-testid=lead_to_won] .card-basis').textContent();
      if (!leads.endsWith(` of ${n}`)) throw new Error(`the dashboard counted: ${leads}`);
      interactions.dashboard = median(periods);
      capacity = await page.evaluate(seed, Infinity);
    }
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}

const size = measure('dist');
const perDeal = saveRows.at(-1).perDeal;
const cpu = cpus();
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`make bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, headless Chromium ${browser.version()}. Medians of ${RUNS} runs; each save figure is the mean of ${EDITS} edits.`,
  '',
  '## Transfer size (release build)',
  '',
  '| | raw | gzip | brotli | budget (brotli) |',
  '|---|---:|---:|---:|---:|',
  `| wasm + js + css + html + service worker | ${kib(size.total.raw)} | ${kib(size.total.gzip)} | ${kib(size.total.brotli)} | ${kib(BUDGET_BROTLI_BYTES)} |`,
  '',
  '## Start-up: navigation to the playbook home rendered with the default content',
  '',
  '| deals stored | app | same page as static HTML (floor) | ratio |',
  '|---:|---:|---:|---:|',
  ...startRows.map((r) => `| ${r.n.toLocaleString('en')} | ${ms(r.start, 0)} | ${ms(staticFloor, 0)} | ${(r.start / staticFloor).toFixed(1)}× |`),
  '',
  '## Interactions (until the next frame shows the change)',
  '',
  '| interaction | time | goal |',
  '|---|---:|---:|',
  `| next script step in practice (key 1) | ${ms(interactions.step)} | 16 ms |`,
  `| switch language (whole page drawn again) | ${ms(interactions.language)} | 100 ms |`,
  `| keystroke in the deal search, ${interactions.searchN.toLocaleString('en')} deals (median over typing “customer 4999”) | ${ms(interactions.search)} | 16 ms |`,
  `| lead list: a grade filter set or cleared, ${interactions.searchN.toLocaleString('en')} deals | ${ms(interactions.filter)} | 16 ms |`,
  `| lead list: the order changed (every row built and sorted again), ${interactions.searchN.toLocaleString('en')} deals | ${ms(interactions.sort)} | 100 ms |`,
  `| dashboard: change of period, ${interactions.searchN.toLocaleString('en')} deals (measures of two periods computed, cards and tables drawn) | ${ms(interactions.dashboard)} | 100 ms |`,
  '',
  '## Saving one edit',
  '',
  '| deals stored | UI → localStorage | raw setItem, same bytes (floor) | ratio |',
  '|---:|---:|---:|---:|',
  ...saveRows.map((r) => `| ${r.n.toLocaleString('en')} | ${ms(r.edit, 3)} | ${ms(r.floor, 3)} | ${(r.edit / Math.max(r.floor, 0.001)).toFixed(1)}× |`),
  '',
  '## Capacity',
  '',
  `About ${Math.round(perDeal).toLocaleString('en')} bytes stored per typical deal (key and value as UTF-16). Written until the browser refused: ${capacity.toLocaleString('en')} deals fit in this browser's localStorage quota.`,
  '',
];
const text = lines.join('\n');
console.log(text);
writeFileSync('BENCHMARKS.md', text);
