// Storage figures of the release build in headless Chromium: start-up with N deals stored,
// and the time for one edit to reach localStorage, beside a raw setItem of the same bytes.
// Medians of several runs. Usage: node scripts/bench.mjs (after a release build in dist/).
import { serve } from '../tests/e2e/server.mjs';
import { launch, openPage, gotoApp } from '../tests/e2e/browser.mjs';

const SIZES = [0, 1000, 5000];
const EDITS = 200;
const STARTS = 5;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(3)} ms`;

// Seeds `n` typical deals straight into localStorage, in the app's stored format.
function seed(n) {
  localStorage.clear();
  const t = Date.UTC(2026, 10, 1);
  for (let i = 0; i < n; i++) {
    const id = `${(t + i).toString(36)}-${String(i).padStart(8, '0')}`;
    const data = {
      id, number: `L-${String(i + 1).padStart(4, '0')}`, customer: `客户 Customer ${i} 有限公司`,
      contact: 'Wang Fang 王芳', phone: '+86 138 0000 0000', email: `buyer${i}@example.com`,
      source: 'trade_show', industry: 'manufacturing', grade: 'B', stage: 'lead_development', status: 'following',
      class: 'potential', owner: 'Li Lei', notes: 'Met at the trade show; wants a quote for 20 units before Q1. 展会上认识，一季度前需要报价。',
      value_minor: 12500000, currency: 'CNY', assigned_at: new Date(t + i).toISOString(), first_follow_up_at: null,
      updated_at: new Date(t + i).toISOString(),
    };
    localStorage.setItem(`sp:deal:${id}`, JSON.stringify({ schema: 1, data }));
  }
  return Object.keys(localStorage).filter((k) => k.startsWith('sp:deal:'))[0];
}

// One edit through the UI: type into the notes field and commit it (the change event saves
// synchronously); then the same bytes written with a bare setItem, as the floor. Timers are
// coarse (0.1 ms without cross-origin isolation), so each figure is a batch's mean.
function timeEdits(edits) {
  const area = document.querySelector('textarea');
  const id = location.hash.split('/').pop();
  const key = `sp:deal:${id}`;
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
  return { app, raw, bytes: value.length * 2 };
}

const server = await serve('dist', '/');
const browser = await launch();
const rows = [];
try {
  for (const n of SIZES) {
    const page = await openPage(browser);
    await gotoApp(page, `${server.origin}/`);
    await page.evaluate(seed, Math.max(n, 1));
    const starts = [];
    for (let i = 0; i < STARTS; i++) {
      const t0 = Date.now();
      await gotoApp(page, `${server.origin}/?r=${i}#/deals`);
      await page.waitForSelector(n > 0 ? '.deal-list a' : 'h1');
      starts.push(Date.now() - t0);
    }
    const first = await page.locator('.deal-list a').first().getAttribute('href');
    await gotoApp(page, `${server.origin}/${first}`);
    await page.locator('textarea').fill('edit 0');
    await page.locator('textarea').press('Tab');
    const { app, raw, bytes } = await page.evaluate(timeEdits, EDITS);
    const used = await page.evaluate(() => Object.entries(localStorage).reduce((s, [k, v]) => s + 2 * (k.length + v.length), 0));
    rows.push({ n: Math.max(n, 1), start: median(starts), edit: app, floor: raw, bytes, perDeal: used / Math.max(n, 1) });
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Chromium ${browser.version()} · ${new Date().toISOString().slice(0, 10)} · start-up: median of ${STARTS}; edit: mean of ${EDITS}`);
console.log('| deals stored | start-up to list shown | one edit saved (UI → localStorage) | raw setItem, same bytes | ratio | stored bytes per deal |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.start} ms | ${ms(r.edit)} | ${ms(r.floor)} | ${(r.edit / Math.max(r.floor, 0.001)).toFixed(1)}× | ${Math.round(r.perDeal)} B |`);
}
