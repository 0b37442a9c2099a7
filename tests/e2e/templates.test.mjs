// End to end against the release build: the proposal templates browser with its preview, and
// the playbook home's industry filter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { closeClean, gotoApp, launch, openPage } from './browser.mjs';

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
const MANUFACTURING = 'Manufacturing and industrial equipment';

/** The titles of the template cards, once the list has arrived. */
async function cardTitles(page) {
  const links = page.locator('[data-testid="template-list"] > li > a');
  await links.first().waitFor();
  return (await links.allTextContents()).sort();
}

describe('proposal templates', () => {
  test('the templates list shows the five default templates and the industry filter narrows it', async () => {
    const page = await openPage(browser);
    await gotoApp(page, url('#/playbook'));
    await page.getByRole('link', { name: 'Proposal templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposal templates' }).waitFor();
    assert.equal(await page.title(), 'Proposal templates · Sales Playbook');
    assert.deepEqual(await cardTitles(page), [
      'Proposal for manufacturing',
      'Proposal for professional services firms',
      'Proposal for retail and chains',
      'Proposal for software and SaaS',
      'Standard proposal',
    ]);
    await page.getByRole('combobox', { name: 'Industry' }).selectOption({ label: MANUFACTURING });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="template-list"] > li').length === 2);
    // The industry's own template and the generic one, which fits any industry.
    assert.deepEqual(await cardTitles(page), ['Proposal for manufacturing', 'Standard proposal']);
    await closeClean(page);
  });

  test('a template previews with sample values, shows its source on demand, and in Chinese', async () => {
    const page = await openPage(browser);
    await gotoApp(page, url('#/playbook/templates'));
    await page.getByRole('link', { name: 'Proposal for manufacturing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposal for manufacturing' }).waitFor();
    assert.equal(await page.title(), 'Proposal for manufacturing · Sales Playbook');
    const preview = page.getByTestId('template-preview');
    await preview.waitFor();
    const text = await preview.textContent();
    assert.match(text, /Acme Manufacturing Ltd/);
    assert.ok(!text.includes('{{') && !text.includes('}}'), 'no template tag left in the preview');
    // Every variable this template uses has a sample value: nothing is marked missing.
    assert.equal(await page.getByTestId('missing-values').count(), 0);
    assert.equal(await preview.locator('mark.missing').count(), 0);
    await page.getByTestId('pricing-note').waitFor();
    assert.ok((await preview.getByRole('heading', { level: 2 }).count()) >= 5, 'one heading per section');

    const source = page.getByTestId('template-source');
    const showPreview = page.getByRole('radio', { name: 'Preview with sample values' });
    const showSource = page.getByRole('radio', { name: 'Show the template source' });
    assert.equal(await showPreview.isChecked(), true);
    assert.equal(await source.isVisible(), false, 'the source is hidden at first');
    await showSource.check();
    await source.waitFor();
    assert.match(await source.textContent(), /\{\{company\}\}/);
    assert.equal(await preview.isVisible(), false, 'the preview is hidden while the source shows');
    await showPreview.check();
    await preview.waitFor();
    assert.equal(await source.isVisible(), false);

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await page.getByRole('heading', { level: 1, name: '制造业方案建议书' }).waitFor();
    await preview.waitFor();
    const zh = await preview.textContent();
    assert.match(zh, /华东精密制造有限公司/);
    assert.ok(!zh.includes('{{'), 'no template tag left in the Chinese preview');
    await page.getByRole('radio', { name: '查看模板原文' }).check();
    await source.waitFor();
    assert.match(await source.textContent(), /\{\{company\}\}/);
    await closeClean(page);
  });

  test('a value with no sample shows as a highlighted marker and is listed as missing', async () => {
    const page = await openPage(browser);
    await gotoApp(page, url('#/templates/tpl-software'));
    await page.getByRole('heading', { level: 1, name: 'Proposal for software and SaaS' }).waitFor();
    const preview = page.getByTestId('template-preview');
    const marker = preview.locator('mark.missing', { hasText: '[current_vendor]' });
    await marker.first().waitFor();
    assert.ok((await marker.count()) >= 1);
    const missing = page.getByTestId('missing-values');
    assert.equal(await missing.textContent(), 'Missing values (no sample): current_vendor');
    // The migration section shows only when the current vendor is known, and says so.
    await preview.getByText('Shown only when “Current vendor” has an answer.').waitFor();
    assert.ok(!(await preview.textContent()).includes('{{'));
    await closeClean(page);
  });

  test('an unknown template id shows the not-found page', async () => {
    const page = await openPage(browser);
    await gotoApp(page, url('#/templates/no-such-template'));
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByText('This template is not in the playbook.', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('template-preview').count(), 0);
    assert.equal(await page.title(), 'Page not found · Sales Playbook');
    await closeClean(page);
  });
});

describe('playbook home', () => {
  test('choosing an industry filters the scripts and templates of each stage and is remembered', async () => {
    const page = await openPage(browser);
    await gotoApp(page, url('#/playbook'));
    const path = page.getByRole('list', { name: 'Stages of the sales process' });
    await path.waitFor();
    const scripts = path.locator('a[href^="#/scripts/"]');
    const templates = path.locator('a[href^="#/templates/"]');
    const retail = path.locator('a[href="#/templates/tpl-retail"]');
    await scripts.first().waitFor();
    const allScripts = await scripts.count();
    assert.ok(allScripts >= 6, `${allScripts} scripts`);
    assert.ok((await retail.count()) >= 1, 'the retail template shows for all industries');
    const allTemplates = await templates.count();

    const filter = page.getByRole('combobox', { name: 'Show content for' });
    await filter.selectOption({ label: MANUFACTURING });
    await page.waitForFunction(() => !document.querySelector('.stage-path a[href="#/templates/tpl-retail"]'));
    assert.ok((await templates.count()) < allTemplates, 'fewer templates');
    assert.ok((await path.locator('a[href="#/templates/tpl-manufacturing"]').count()) >= 1);
    // Every default script is written for all industries, so none is hidden.
    assert.equal(await scripts.count(), allScripts);
    // The stage path itself is unchanged.
    assert.equal(await path.getByRole('listitem').count(), 6);

    // The stage page lists every template that serves it, whatever the industry chosen.
    await path.getByRole('link', { name: 'Quote and contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quote and contract' }).waitFor();
    const forStage = page.getByRole('region', { name: 'Proposal templates' });
    assert.equal(await forStage.getByRole('link').count(), 5);

    // Back on the home page the choice is still applied.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbook' }).click();
    await path.waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Show content for' }).inputValue(), 'manufacturing');
    assert.equal(await retail.count(), 0);
    assert.equal(await scripts.count(), allScripts);
    await closeClean(page);
  });
});
