// Layout at a phone's and a desktop's width, in whichever browser the run drives: every kind
// of page fits the width (no sideways scrolling), and the navigation and the page's heading
// are on screen.
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

const PAGES = [
  '#/playbook', '#/stages/stage-needs-analysis', '#/scripts/script-first-contact',
  '#/playbook/objections', '#/playbook/checklists', '#/checklists/cl-meddpicc',
  '#/playbook/templates', '#/templates/tpl-manufacturing', '#/deals', 'deal', '#/settings',
];

for (const [name, width, height] of [['phone', 360, 740], ['desktop', 1280, 800]]) {
  describe(`at a ${name}'s width (${width} px)`, () => {
    for (const locale of ['en-US', 'zh-CN']) {
      test(`every kind of page fits the width, in ${locale}`, async () => {
        const page = await openPage(browser, { viewport: { width, height }, locale });
        await gotoApp(page, `${server.origin}/#/deals`);
        await page.locator('.quick-add input').fill('Shenzhen Precision Machinery Manufacturing Co., Ltd. 深圳精密机械制造有限公司');
        await page.locator('.quick-add button[type=submit]').click();
        const deal = await page.locator('.deal-list a').first().getAttribute('href');
        for (const p of PAGES) {
          const hash = p === 'deal' ? deal : p;
          await page.goto(`${server.origin}/${hash}`);
          await page.waitForFunction((h) => location.hash === h && !document.querySelector('p.loading'), hash);
          const h1 = page.getByRole('heading', { level: 1 }).first();
          await h1.waitFor();
          const box = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            view: document.documentElement.clientWidth,
            wide: [...document.querySelectorAll('main *')]
              .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .slice(0, 3).map((e) => `${e.tagName}.${e.className}`),
          }));
          assert.ok(box.view <= width && box.view >= width - 20, `the viewport is ${box.view} px wide`);
          assert.ok(box.scroll <= box.view, `${hash} scrolls sideways: ${box.scroll} > ${box.view} (${box.wide.join(', ')})`);
          assert.ok(await page.getByRole('navigation').first().isVisible(), `${hash}: navigation visible`);
          const h = await h1.boundingBox();
          assert.ok(h && h.x >= 0 && h.x + h.width <= width + 1, `${hash}: heading within the width`);
        }
        await closeClean(page);
      });
    }
  });
}
