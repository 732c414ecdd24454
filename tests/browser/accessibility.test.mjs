// Accessibility of the default theme: axe-core in Debian's headless Chromium
// on every page type of the sample site (home, profiles, a year, a campaign,
// an award list and the rest), in Vietnamese and English, at 360 px and
// 1280 px wide. A page fails on any serious or critical axe finding, on
// content wider than the window (it must reflow, WCAG 1.4.10), and on any
// request that leaves 127.0.0.1 (no CDN, font or script from elsewhere).
//
//   node --test tests/browser/accessibility.test.mjs   (scripts/test runs it)
//
// Needs `npm ci` and /usr/bin/chromium; without them every test fails.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PAGES, WIDTHS, axeSource, buildSampleSite, launchChromium, serve } from './site.mjs';

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
  let site;
  let server;
  let browser;
  // A failed setup (no chromium, no `npm ci`, a broken build) fails every
  // test with its message, so the runner counts them as failed, not cancelled.
  let setupError;

  before(async () => {
    try {
      site = buildSampleSite();
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

  for (const entry of PAGES) {
    const { type } = entry;
    for (const lang of ['vi', 'en']) {
      for (const width of WIDTHS) {
        test(`${type} ${lang} at ${width} px (${entry[lang]})`, async (t) => {
          if (setupError) throw setupError;
          const context = await browser.newContext({ viewport: { width, height: 800 } });
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
