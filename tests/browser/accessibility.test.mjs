// Accessibility and phone layout of the default theme: axe-core in Debian's
// headless Chromium on every page type of the sample site (home, profiles, a
// year, a campaign, an award list, a profile with a wide markdown table and
// the rest), in Vietnamese and English, at 320, 360 and 1280 px wide. A page
// fails on any serious or critical axe finding, on content wider than the
// window (it must reflow, WCAG 1.4.10; a wide table scrolls in its own box),
// and on any request that leaves 127.0.0.1 (no CDN, font or script from
// elsewhere). On a 360 x 740 phone screen, every profile page shows its
// name and its first award without scrolling.
//
//   node --test tests/browser/accessibility.test.mjs   (scripts/test runs it)
//
// Needs `npm ci` and /usr/bin/chromium; without them every test fails.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PAGES, PHONE, WIDTHS, axeSource, sampleSiteInBrowser } from './site.mjs';

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
// and the facts. Measured in the laid-out page, JavaScript on or off alike.
describe('a profile on a 360 x 740 phone shows its name and first award without scrolling', () => {
  const ready = sampleSiteInBrowser();

  for (const entry of PAGES.filter((p) => p.type.startsWith('profile-') || p.type === 'profile')) {
    for (const lang of ['vi', 'en']) {
      test(`${entry.type} ${lang} (${entry[lang]})`, async () => {
        const { server, browser } = ready();
        const context = await browser.newContext({ viewport: PHONE });
        const page = await context.newPage();
        try {
          await page.goto(server.url + entry[lang], { waitUntil: 'load' });
          const boxes = await page.evaluate(() => {
            const bottom = (selector) => {
              const el = document.querySelector(selector);
              return el && Math.ceil(el.getBoundingClientRect().bottom);
            };
            return { name: bottom('main h1'), award: bottom('.held-awards > li'), header: bottom('.site-header') };
          });
          assert.ok(boxes.name !== null, 'the page has a name (h1)');
          assert.ok(boxes.award !== null, 'the page lists awards (.held-awards > li)');
          assert.ok(boxes.name <= PHONE.height, `the name ends at y = ${boxes.name}, below the ${PHONE.height} px screen`);
          assert.ok(boxes.award <= PHONE.height, `the first award ends at y = ${boxes.award}, below the ${PHONE.height} px screen (header ends at ${boxes.header})`);
        } finally {
          await context.close();
        }
      });
    }
  }
});
