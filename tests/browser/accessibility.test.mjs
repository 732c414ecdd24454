// Accessibility and phone layout of the default theme: axe-core in Debian's
// headless Chromium on every page type of the sample site (home, profiles, a
// year, a campaign, an award list, the award types and an award type, the
// units and a unit, a profile with a wide markdown table and the rest), in
// Vietnamese and English, at 320, 360 and 1280 px wide. A page fails on any
// serious or critical axe finding, on content wider than the window (it
// must reflow, WCAG 1.4.10; a wide table scrolls in its own box), and on any
// request that leaves 127.0.0.1 (no CDN, font or script from elsewhere).
// Every page of the sitemap, in both languages, fits a 320 px screen. On a
// 360 x 740 phone screen, every profile of the sample site shows its name
// and, when it holds any, its first award without scrolling.
//
//   node --test tests/browser/accessibility.test.mjs   (scripts/test runs it)
//
// Needs `npm ci` and /usr/bin/chromium; without them every test fails.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PAGES, PHONE, WIDTHS, axeSource, sampleSiteInBrowser, sitemapPaths } from './site.mjs';

const BLOCKING = new Set(['serious', 'critical']);

// One line per finding: rule, impact, what it means, and the first elements.
function describeViolations(violations) {
  return violations
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => `      ${n.target.join(' ')}`).join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n${targets}`;
    })
    .join('\n');
}

describe('default theme passes axe-core', () => {
  const ready = sampleSiteInBrowser();

  for (const entry of PAGES) {
    const { type } = entry;
    for (const lang of ['vi', 'en']) {
      for (const width of WIDTHS) {
        test(`${type} ${lang} at ${width} px (${entry[lang]})`, async (t) => {
          const { server, browser } = ready();
          const context = await browser.newContext({ viewport: { width, height: PHONE.height } });
          const page = await context.newPage();
          const outside = [];
          page.on('request', (req) => {
            if (!req.url().startsWith(server.url + '/')) outside.push(req.url());
          });
          try {
            const response = await page.goto(server.url + entry[lang], { waitUntil: 'load' });
            assert.equal(response.status(), type === '404' ? 404 : 200, `${entry[lang]}: status`);
            assert.equal(await page.getAttribute('html', 'lang'), lang);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `the page is ${overflow} px wider than the window`);
            if (type === 'profile-wide-table' && lang === 'en' && width < 1280) {
              // The overflow check proves something only if the table is wider
              // than the screen (the English one is; the Vietnamese one just
              // fits at 360 px): it must scroll inside its own box.
              const table = await page.evaluate(() => {
                const box = document.querySelector('.prose .table-scroll');
                return box && { scroll: box.scrollWidth, client: box.clientWidth };
              });
              assert.ok(table, 'the story has a table in a .table-scroll box');
              assert.ok(table.scroll > table.client, `the table fits (${table.scroll} px in ${table.client} px): not a wide table`);
            }
            await page.addScriptTag({ content: axeSource() });
            const results = await page.evaluate(() =>
              // eslint-disable-next-line no-undef
              axe.run(document, { resultTypes: ['violations'] }),
            );
            const blocking = results.violations.filter((v) => BLOCKING.has(v.impact));
            const minor = results.violations.filter((v) => !BLOCKING.has(v.impact));
            if (minor.length > 0) t.diagnostic(`moderate or minor axe findings:\n${describeViolations(minor)}`);
            assert.deepEqual(outside, [], 'requests outside the site');
            assert.equal(blocking.length, 0, `serious or critical axe findings:\n${describeViolations(blocking)}`);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

// The top of a profile on a phone: the name and the first award (the most
// prestigious) are on the first screen, not behind a portrait, a tall header
// and the facts. Measured in the laid-out page, JavaScript on or off alike,
// on every profile of the sample site in both languages (from the sitemap).
describe('every profile on a 360 x 740 phone shows its name and first award without scrolling', () => {
  const ready = sampleSiteInBrowser();

  test('every profile page, vi and en', async (t) => {
    const { server, browser, site } = ready();
    const profiles = sitemapPaths(site.dir).filter((p) => /^(\/en)?\/(ho-so|profiles)\/[^/]+\/$/.test(p) && !/\/(trang|page)\//.test(p));
    assert.ok(profiles.length >= 10, `the sitemap lists ${profiles.length} profile pages`);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    let withAwards = 0;
    try {
      for (const path of profiles) {
        await page.goto(server.url + path, { waitUntil: 'load' });
        const boxes = await page.evaluate(() => {
          const bottom = (selector) => {
            const el = document.querySelector(selector);
            return el && Math.ceil(el.getBoundingClientRect().bottom);
          };
          // The first award: its year, its name, and the first line of its
          // decision (or, for a type held several times, the line of its
          // years). Its issuer, campaign and reason may follow below.
          const first = document.querySelector('.held-awards > li');
          let award = null;
          if (first) {
            const parts = [first.querySelector('.award-year'), first.querySelector('.award-name')];
            const decision = first.querySelector('.award-decisions > summary') || first.querySelector('.meta a, .meta time');
            const rects = [...parts.filter(Boolean).map((el) => el.getBoundingClientRect())];
            if (decision) rects.push(decision.getClientRects()[0]);
            award = Math.ceil(Math.max(...rects.map((r) => r.bottom)));
          }
          return { name: bottom('main h1'), award, card: bottom('.held-awards > li'), header: bottom('.site-header') };
        });
        assert.ok(boxes.name !== null, `${path}: the page has a name (h1)`);
        assert.ok(boxes.name <= PHONE.height, `${path}: the name ends at y = ${boxes.name}, below the ${PHONE.height} px screen`);
        if (boxes.award === null) continue;
        withAwards += 1;
        assert.ok(boxes.award <= PHONE.height, `${path}: the first award's year, name and decision end at y = ${boxes.award}, below the ${PHONE.height} px screen (header ends at ${boxes.header}, the award's box at ${boxes.card})`);
      }
    } finally {
      await context.close();
    }
    t.diagnostic(`${profiles.length} profile pages, ${withAwards} with awards`);
    assert.ok(withAwards > 0, 'some profile holds an award');
  });
});

// No page is wider than the narrowest phone: every page the sitemap lists,
// in both languages, at 320 px (the page types above are also checked at
// 360 and 1280 px).
describe('every page of the sample site fits a 320 px screen', () => {
  const ready = sampleSiteInBrowser();

  test('every page of the sitemap at 320 px', async (t) => {
    const { server, browser, site } = ready();
    const paths = sitemapPaths(site.dir);
    const context = await browser.newContext({ viewport: { width: 320, height: PHONE.height }, javaScriptEnabled: false });
    const page = await context.newPage();
    const wide = [];
    try {
      for (const path of paths) {
        await page.goto(server.url + path, { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wide.push(`${path} (${overflow} px wider)`);
      }
    } finally {
      await context.close();
    }
    t.diagnostic(`${paths.length} pages`);
    assert.deepEqual(wide, [], 'pages wider than a 320 px screen');
  });
});
