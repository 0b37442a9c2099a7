// Faults that must lose nothing, against the release build: two tabs saving the same field,
// two tabs editing and adding different leads at the same time, leads found sharing a number
// at start or after an import, a lead deleted in another tab,
// storage the browser refuses, storage that runs out in the middle of an import, and a reload
// while an import waits for confirmation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { closeClean, download, gotoApp, launch, openPage, reloadApp } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await serve('dist', '/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (hash = '') => `${server.origin}/${hash}`;
const storedAll = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
/** Waits until the one stored deal's contact is `expected` (a save may land a moment later). */
async function storedContact(page, expected) {
  const read = () => page.evaluate(() => JSON.parse(Object.entries(localStorage)
    .find(([k]) => k.startsWith('sp:deal:'))[1]).data.contact);
  await page.waitForFunction((want) => Object.entries(localStorage)
    .some(([k, v]) => k.startsWith('sp:deal:') && JSON.parse(v).data.contact === want), expected, { timeout: 5000 })
    .catch(() => {});
  return read();
}

async function addLead(page, name) {
  await page.getByRole('textbox', { name: 'Customer name' }).fill(name);
  await page.getByRole('button', { name: 'Add lead' }).click();
  await page.getByRole('link', { name }).waitFor();
}

async function exportBackup(page) {
  await gotoApp(page, url('#/settings'));
  return (await download(page, page.getByRole('button', { name: 'Export all data' }).first())).path;
}

describe('two tabs, one field', () => {
  test('the later save wins, and the tab still typing is told first what the other saved', async () => {
    const a = await openPage(browser);
    await gotoApp(a, url('#/deals'));
    await addLead(a, 'Same Field Co');
    await a.getByRole('link', { name: 'Same Field Co' }).click();
    const b = await a.context().newPage();
    await gotoApp(b, a.url());
    await a.bringToFront();
    const contact = (p) => p.getByRole('textbox', { name: 'Contact person' });
    // A stays in front, typing; B, in the background, saves through its field's change event
    // (bringing B to the front would blur A's field, which saves A's draft first).
    const saveInB = async (text) => {
      await contact(b).fill(text);
      await contact(b).dispatchEvent('change');
    };

    await contact(a).fill('Typed in A');
    await saveInB('Saved by B');
    const notice = a.locator('.field-conflict');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Another tab saved “Saved by B” here while you were typing/);
    assert.equal(await contact(a).inputValue(), 'Typed in A', 'what A typed stays');
    await contact(a).press('Tab');
    assert.equal(await storedContact(a, 'Typed in A'), 'Typed in A', 'the later save wins');
    assert.match(await notice.textContent(), /You saved yours over “Saved by B” from another tab/);
    // Taking theirs back after the save.
    await notice.getByRole('button', { name: 'Use theirs' }).click();
    assert.equal(await contact(a).inputValue(), 'Saved by B');
    assert.equal(await storedContact(a, 'Saved by B'), 'Saved by B');
    assert.equal(await notice.count(), 0, 'the notice goes once resolved');

    // Taking theirs while still typing: what A typed is not kept.
    await contact(a).fill('A again');
    await saveInB('B again');
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Use theirs' }).click();
    assert.equal(await contact(a).inputValue(), 'B again');
    assert.equal(await storedContact(a, 'B again'), 'B again');
    assert.equal(await notice.count(), 0);
    await closeClean(a);
  });
});

describe('two tabs, two leads', () => {
  test('edits to different leads at the same time both stay, and each tab shows the other\'s', async () => {
    const a = await openPage(browser);
    await gotoApp(a, url('#/deals'));
    await addLead(a, 'North Co');
    await addLead(a, 'South Co');
    const b = await a.context().newPage();
    await gotoApp(b, url('#/deals'));
    await b.getByRole('link', { name: 'South Co' }).click();
    await a.bringToFront();
    await a.getByRole('link', { name: 'North Co' }).click();
    const contact = (p) => p.getByRole('textbox', { name: 'Contact person' });
    // Both type, then both save (B through its field's change event, staying in the background).
    await contact(a).fill('Ann North');
    await contact(b).fill('Bo South');
    await contact(b).dispatchEvent('change');
    await contact(a).press('Tab');
    const stored = () => a.evaluate(() => Object.values(localStorage).filter((v) => v.includes('"customer"'))
      .map((v) => JSON.parse(v).data).map((d) => `${d.customer}: ${d.contact}`).sort());
    await a.waitForFunction(() => Object.values(localStorage).filter((v) => v.includes('"contact":"')).length === 2);
    assert.deepEqual(await stored(), ['North Co: Ann North', 'South Co: Bo South']);
    assert.equal(await a.locator('[data-testid="changed-elsewhere"], .field-conflict').count(), 0, 'no conflict: different leads');
    // Each tab shows the other's edit without a reload.
    await a.goto(url('#/deals'));
    await a.getByRole('searchbox', { name: 'Search leads' }).fill('Bo South');
    await a.getByRole('link', { name: 'South Co' }).waitFor();
    await b.goto(url('#/deals'));
    await b.getByRole('searchbox', { name: 'Search leads' }).fill('Ann North');
    await b.getByRole('link', { name: 'North Co' }).waitFor();

    // Both add a lead at once: each gives it the next number, L-0003. The lead added second
    // takes the next free number in the tab that added it, which says so; nothing is dropped.
    await b.getByRole('searchbox', { name: 'Search leads' }).fill('');
    await a.getByRole('searchbox', { name: 'Search leads' }).fill('');
    await addLead(a, 'East Co');
    const east = await a.evaluate(() => Object.values(localStorage).map((v) => JSON.parse(v).data)
      .find((d) => d?.customer === 'East Co'));
    assert.equal(east.number, 'L-0003');
    // B's lead, written as B's add writes it, a second earlier: B had not heard of East Co yet.
    await b.evaluate((at) => {
      const data = { id: 'west-from-b', number: 'L-0003', customer: 'West Co', assigned_at: at, updated_at: at };
      localStorage.setItem('sp:deal:west-from-b', JSON.stringify({ schema: 1, data }));
    }, new Date(Date.parse(east.assigned_at) - 1000).toISOString());
    const toast = a.locator('.toast span');
    await toast.waitFor();
    assert.equal(await toast.textContent(), 'An earlier lead has the number L-0003 too, so “East Co” is now L-0004.');
    const numbers = () => a.evaluate(() => Object.values(localStorage).map((v) => JSON.parse(v).data)
      .filter((d) => d?.customer).map((d) => `${d.number} ${d.customer}`).sort());
    assert.deepEqual(await numbers(), ['L-0001 North Co', 'L-0002 South Co', 'L-0003 West Co', 'L-0004 East Co']);
    await b.reload();
    await b.getByRole('searchbox', { name: 'Search leads' }).fill('L-0004');
    await b.getByRole('link', { name: 'East Co' }).waitFor();

    // The real race: both tabs click Add in the same moment, five times (before the repair,
    // about half of these gave two leads one number).
    await b.getByRole('searchbox', { name: 'Search leads' }).fill('');
    await b.waitForSelector('html[data-app="ready"]');
    for (let i = 0; i < 5; i++) {
      for (const [p, name] of [[a, `A${i} Co`], [b, `B${i} Co`]]) await p.getByRole('textbox', { name: 'Customer name' }).fill(name);
      await Promise.all([a, b].map((p) => p.evaluate(() => {
        const add = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Add lead');
        setTimeout(() => add.click(), 100);
      })));
      for (const p of [a, b]) await p.getByRole('link', { name: `B${i} Co` }).waitFor();
    }
    await a.waitForFunction(() => {
      const numbers = Object.values(localStorage).map((v) => JSON.parse(v).data?.number).filter(Boolean);
      return numbers.length === 14 && new Set(numbers).size === 14;
    }, null, { timeout: 5000 }).catch(() => {});
    const all = await numbers();
    assert.equal(all.length, 14);
    assert.equal(new Set(all.map((n) => n.split(' ')[0])).size, 14, `one number per lead: ${all.join(', ')}`);
    await closeClean(a);
  });
});

describe('leads that share a number when the app reads them', () => {
  test('a tab that closed too soon, or a backup from another laptop: the later leads are renumbered, and the app says so', async () => {
    const page = await openPage(browser);
    await gotoApp(page, url('#/deals'));
    await addLead(page, 'Old Co');
    await addLead(page, 'Mid Co');
    const numbers = () => page.evaluate(() => Object.values(localStorage).map((v) => JSON.parse(v).data)
      .filter((d) => d?.customer).map((d) => `${d.number} ${d.customer}`).sort());
    // Left by a tab that added a lead in the same moment as Mid Co and closed before it heard
    // of it: two leads numbered L-0002, this one assigned a second later.
    await page.evaluate(() => {
      const mid = Object.values(localStorage).map((v) => JSON.parse(v).data).find((d) => d?.customer === 'Mid Co');
      const at = new Date(Date.parse(mid.assigned_at) + 1000).toISOString();
      const data = { id: 'closed-tab', number: 'L-0002', customer: 'Closed Tab Co', assigned_at: at, updated_at: at };
      localStorage.setItem('sp:deal:closed-tab', JSON.stringify({ schema: 1, data }));
    });
    await reloadApp(page);
    const toast = page.locator('.toast span');
    await toast.waitFor();
    assert.equal(await toast.textContent(), 'An earlier lead has the number L-0002 too, so “Closed Tab Co” is now L-0003.');
    assert.deepEqual(await numbers(), ['L-0001 Old Co', 'L-0002 Mid Co', 'L-0003 Closed Tab Co']);
    // Once repaired, the next start finds nothing to say.
    await reloadApp(page);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.locator('.toast').count(), 0);

    // Another laptop's backup: its leads count from L-0001 too, and were added later.
    const laptop = await openPage(browser);
    await gotoApp(laptop, url('#/deals'));
    await addLead(laptop, 'Laptop One');
    await addLead(laptop, 'Laptop Two');
    await gotoApp(laptop, url('#/settings'));
    const { path: file } = await download(laptop, laptop.getByRole('button', { name: 'Export all data' }).first());
    await gotoApp(page, url('#/settings'));
    await page.getByLabel('Backup file (.json)').setInputFiles(file);
    await page.getByTestId('import-preview').getByRole('button', { name: 'Import' }).click();
    await page.locator('.toast span', { hasText: '2 leads' }).waitFor();
    assert.equal(await toast.textContent(), '2 leads had numbers that earlier leads have, so they now have new numbers, L-0004 to L-0005.');
    assert.deepEqual(await numbers(), ['L-0001 Old Co', 'L-0002 Mid Co', 'L-0003 Closed Tab Co', 'L-0004 Laptop One', 'L-0005 Laptop Two']);
    await closeClean(page, laptop);
  });
});

describe('two tabs, one deleting', () => {
  test('a lead deleted in another tab while open here: this tab is told and can put it back, with what was being typed', async () => {
    const a = await openPage(browser);
    await gotoApp(a, url('#/deals'));
    await addLead(a, 'Gone Co');
    await a.getByRole('link', { name: 'Gone Co' }).click();
    await a.getByRole('textbox', { name: 'Contact person' }).fill('Saved in A');
    await a.getByRole('textbox', { name: 'Contact person' }).press('Tab');
    const b = await a.context().newPage();
    await gotoApp(b, a.url());
    const phone = b.getByRole('textbox', { name: 'Phone' });
    // Typed in B and not yet saved (the field keeps the focus) when A deletes the lead.
    // (A is not brought to the front: in Firefox that takes the focus from B's field, which saves.)
    await phone.fill('+86 138 0000 0000');
    const storedPhone = () => b.evaluate(() => Object.entries(localStorage)
      .filter(([k]) => k.startsWith('sp:deal:')).map(([, v]) => JSON.parse(v).data.phone));
    assert.deepEqual(await storedPhone(), [''], 'the typing in B is not saved yet');
    await a.getByRole('button', { name: 'Delete lead' }).click();
    await a.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await a.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('sp:deal:')));

    const toast = b.locator('.toast');
    await toast.getByText('Lead “Gone Co” was deleted in another tab.').waitFor();
    // The page stays, with what was typed; the "changed in another tab" banner is not for this.
    await b.getByRole('heading', { level: 1, name: 'Gone Co' }).waitFor();
    assert.equal(await phone.inputValue(), '+86 138 0000 0000');
    assert.equal(await b.getByTestId('changed-elsewhere').count(), 0);
    assert.equal(await b.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('sp:deal:'))), false);
    // Undo takes the focus from the field, which saves what was typed into the lead it puts back.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await toast.waitFor({ state: 'detached' });
    assert.equal(await b.getByRole('textbox', { name: 'Contact person' }).inputValue(), 'Saved in A');
    assert.equal(await phone.inputValue(), '+86 138 0000 0000');
    const stored = await b.evaluate(() => Object.entries(localStorage)
      .filter(([k]) => k.startsWith('sp:deal:')).map(([, v]) => JSON.parse(v).data));
    assert.equal(stored.length, 1);
    assert.equal(stored[0].contact, 'Saved in A');
    assert.equal(stored[0].phone, '+86 138 0000 0000');
    // Put back in storage too, so the tab that deleted it sees it again.
    await a.goto(url('#/deals'));
    await a.getByRole('link', { name: 'Gone Co' }).waitFor();

    // Dismissed instead, the lead stays deleted and its page says so.
    await a.getByRole('link', { name: 'Gone Co' }).click();
    await a.getByRole('button', { name: 'Delete lead' }).click();
    await a.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await toast.getByText('Lead “Gone Co” was deleted in another tab.').waitFor();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await b.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await closeClean(a);
  });
});

describe('storage faults', () => {
  test('storage the browser refuses: the app works and says nothing will be kept', async () => {
    const page = await openPage(browser);
    await page.context().addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
    await gotoApp(page, url('#/deals'));
    await page.getByText(/This browser does not allow the app to store data/).waitFor();
    await addLead(page, 'Memory Co');
    await page.getByRole('link', { name: 'Memory Co' }).click();
    await page.getByRole('heading', { level: 1, name: 'Memory Co' }).waitFor();
    await gotoApp(page, url('#/playbook'));
    await page.getByRole('link', { name: 'Objection finder' }).waitFor();
    await closeClean(page);
  });

  test('storage that fills up in the middle of an import: nothing is written and the reason is shown', async () => {
    const source = await openPage(browser);
    await gotoApp(source, url('#/deals'));
    for (const name of ['Big One', 'Big Two', 'Big Three']) {
      await addLead(source, name);
      await source.getByRole('link', { name }).click();
      const notes = source.getByRole('textbox', { name: 'Follow-up record' });
      await notes.fill(`${name}: ${'long notes '.repeat(4000)}`);
      await notes.press('Tab');
      await gotoApp(source, url('#/deals'));
    }
    const file = await exportBackup(source);

    const page = await openPage(browser);
    await gotoApp(page, url('#/deals'));
    await addLead(page, 'Mine');
    // Fill the origin's storage, then free about 60,000 characters: room for one big lead only.
    await page.evaluate(() => {
      let size = 0;
      for (let step = 1 << 23; step >= 512; step >>= 1) {
        try { localStorage.setItem('other-app', 'x'.repeat(size + step)); size += step; } catch { /* too big */ }
      }
      localStorage.setItem('other-app', 'x'.repeat(size - 60000));
    });
    const before = await storedAll(page);
    await gotoApp(page, url('#/settings'));
    await page.getByLabel('Backup file (.json)').setInputFiles(file);
    await page.getByTestId('import-preview').getByRole('button', { name: 'Import' }).click();
    await page.getByText(/not imported: the browser's storage for this app is full/).waitFor();
    assert.equal(await storedAll(page), before, 'storage is byte for byte as before');
    await gotoApp(page, url('#/deals'));
    await page.getByRole('link', { name: 'Mine' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Big One' }).count(), 0);
    await closeClean(source, page);
  });

  test('a reload while an import waits for confirmation changes nothing', async () => {
    const source = await openPage(browser);
    await gotoApp(source, url('#/deals'));
    await addLead(source, 'Incoming Co');
    const file = await exportBackup(source);
    const page = await openPage(browser);
    await gotoApp(page, url('#/deals'));
    await addLead(page, 'Resident Co');
    const before = await storedAll(page);
    await gotoApp(page, url('#/settings'));
    await page.getByLabel('Backup file (.json)').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    await page.reload();
    await page.waitForSelector('html[data-app="ready"]');
    assert.equal(await page.getByTestId('import-preview').count(), 0, 'no half-done import after the reload');
    assert.equal(await storedAll(page), before);
    await closeClean(source, page);
  });
});
