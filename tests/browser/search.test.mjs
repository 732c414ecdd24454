// The search page in Debian's headless Chromium, on the search fixture
// (tests/fixtures/search/): folded queries find the right records in the
// right order, a CSV-only recipient is found, nothing found is said in the
// page's language, a facet narrows and lives in the URL, no request leaves
// the host, axe-core finds nothing serious, and a name that is markup
// stays text.
//
//   node --test tests/browser/search.test.mjs   (scripts/test runs it)
//
// Needs `npm ci` and /usr/bin/chromium; without them every test fails.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, axeSource, launchChromium, serve } from './site.mjs';

const MARKUP = '</script><script>alert(1)</script>';

function buildFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'vinhdanh-search-'));
  const out = join(dir, 'public');
  const args = ['run', '--locked', '--quiet', '--', 'build', '--root', 'tests/fixtures/search', '--output-dir', out];
  execFileSync('cargo', args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  return { dir: out, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('search page', () => {
  let site;
  let server;
  let browser;
  let setupError;

  before(async () => {
    try {
      site = buildFixture();
      server = await serve(site.dir);
      browser = await launchChromium();
    } catch (err) {
      setupError = err;
    }
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  // A fresh page that records requests leaving the server and alerts.
  async function open(path) {
    if (setupError) throw setupError;
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const outside = [];
    const dialogs = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(server.url + '/')) outside.push(req.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto(server.url + path, { waitUntil: 'load' });
    return { page, context, outside, dialogs };
  }

  // Types `query` as a person would and waits for its results.
  async function type(page, query) {
    await page.fill('#search-q', '');
    await page.type('#search-q', query, { delay: 20 });
    await page.waitForFunction((q) => document.querySelector('form.search-form').dataset.done === q, query);
  }

  const names = (page) => page.$$eval('#search-results li > a', (as) => as.map((a) => a.textContent));
  const status = (page) => page.textContent('#search-status');

  test('"dao" shows people named Đào first, then the unit "Đào tạo"', async () => {
    const { page, context } = await open('/tim-kiem/');
    try {
      await type(page, 'dao');
      const found = await names(page);
      assert.deepEqual(found.slice(0, 3).sort(), ['Nguyễn Thị Đào', 'Trần Thị Đào', 'Đào Văn Minh'].sort());
      assert.match(found[0], /Đào/);
      assert.equal(found[3], 'Nguyễn Văn Bình', 'a unit match comes after the name matches');
      assert.equal(found.length, 4);
      assert.equal(await status(page), '4 kết quả');
    } finally {
      await context.close();
    }
  });

  test('a folded two-word query finds the right person and not another', async () => {
    const { page, context } = await open('/tim-kiem/');
    try {
      // Both words in the name come first; "Văn" in the name and "Lộc"
      // only in the unit (Lộc Ninh) after; "Lộc" alone does not match.
      await type(page, 'van loc');
      assert.deepEqual(await names(page), ['Nguyễn Văn Lộc', 'Hoàng Văn Tâm']);
      await type(page, 'dao van');
      const dao = await names(page);
      assert.equal(dao[0], 'Đào Văn Minh');
      assert.ok(!dao.includes('Nguyễn Thị Đào') && !dao.includes('Trần Thị Đào'), dao.join(', '));
      await type(page, 'loc ninh');
      const found = await names(page);
      assert.ok(found.includes('Hoàng Văn Tâm'), found.join(', '));
      assert.ok(!found.includes('Nguyễn Văn Lộc'), 'Lộc Hiệp is not Lộc Ninh');
      await type(page, 'lộc ninh');
      assert.deepEqual(await names(page), found, 'with and without tone marks alike');
    } finally {
      await context.close();
    }
  });

  test('a recipient only in a CSV is found and links to its decision', async () => {
    const { page, context } = await open('/tim-kiem/');
    try {
      await type(page, 'lo thi xuan');
      assert.deepEqual(await names(page), ['Lò Thị Xuân']);
      const href = await page.getAttribute('#search-results li > a', 'href');
      assert.equal(href, '/khen-thuong/qd-100-2022/');
      assert.match(await page.textContent('#search-results li'), /100\/QĐ-UBND/);
    } finally {
      await context.close();
    }
  });

  test('nothing found is said in the page language', async () => {
    for (const [path, said] of [['/tim-kiem/', 'Không tìm thấy kết quả nào.'], ['/en/search/', 'Nothing found.']]) {
      const { page, context } = await open(path);
      try {
        await type(page, 'zzqqxx');
        assert.equal(await status(page), said);
        assert.deepEqual(await names(page), []);
      } finally {
        await context.close();
      }
    }
  });

  test('a facet narrows the results, goes into the URL, and a reload restores it', async () => {
    const { page, context } = await open('/en/search/');
    try {
      await type(page, 'nguyen');
      const all = await names(page);
      assert.equal(all.length, 4);
      const options = await page.$$eval('#search-year option', (os) => os.map((o) => o.textContent));
      assert.deepEqual(options, ['All', '2022 (3)', '2021 (1)']);
      await page.selectOption('#search-year', '2021');
      await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1);
      assert.deepEqual(await names(page), ['Nguyễn Văn Lộc']);
      assert.equal(new URL(page.url()).search, '?q=nguyen&year=2021');
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('form.search-form').dataset.done === 'nguyen');
      assert.deepEqual(await names(page), ['Nguyễn Văn Lộc']);
      assert.equal(await page.inputValue('#search-q'), 'nguyen');
      assert.equal(await page.inputValue('#search-year'), '2021');
      await page.goBack({ waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 4);
      assert.equal(await page.inputValue('#search-year'), '');
    } finally {
      await context.close();
    }
  });

  test('results are usable by keyboard alone', async () => {
    const { page, context } = await open('/tim-kiem/');
    try {
      await page.focus('#search-q');
      await page.keyboard.type('dao van');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('form.search-form').dataset.done === 'dao van');
      assert.equal((await names(page))[0], 'Đào Văn Minh');
      let focused = '';
      for (let i = 0; i < 12 && focused !== 'Đào Văn Minh'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement.textContent);
      }
      assert.equal(focused, 'Đào Văn Minh', 'Tab reaches the result');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/ho-so/dao-van-minh/');
    } finally {
      await context.close();
    }
  });

  test('no request leaves the host, and axe-core finds nothing serious with results', async () => {
    for (const path of ['/tim-kiem/?q=dao', '/en/search/?q=loc']) {
      const { page, context, outside } = await open(path);
      try {
        await page.waitForFunction(() => document.querySelector('form.search-form').dataset.done !== undefined);
        assert.ok((await names(page)).length > 0);
        await page.addScriptTag({ content: axeSource() });
        // eslint-disable-next-line no-undef
        const results = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
        const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(blocking.map((v) => `${v.id}: ${v.help}`), []);
        assert.deepEqual(outside, [], 'requests outside the site');
      } finally {
        await context.close();
      }
    }
  });

  test('a name that is markup shows as text', async () => {
    const { page, context, dialogs } = await open('/tim-kiem/');
    try {
      await type(page, 'script');
      assert.deepEqual(await names(page), [MARKUP]);
      assert.equal(await page.$$eval('#search-results script', (s) => s.length), 0);
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
    }
  });
});
