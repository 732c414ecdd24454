// Accessibility of the default theme: axe-core in Debian's headless Chromium
// on home, a profile, a year, a campaign and an award list of the sample
// site, in Vietnamese and English, at 360 px and 1280 px wide. Any serious
// or critical finding fails, and so does any request that leaves 127.0.0.1
// (the theme may use no CDN, font or script from elsewhere).
//
//   node --test tests/browser/
//
// Needs `npm ci` and /usr/bin/chromium; without them every test fails.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PAGES, WIDTHS, axeSource, buildSampleSite, launchChromium, serve } from './site.mjs';

const CHECKED = ['home', 'profile', 'profile-untranslated', 'year', 'campaign', 'award-list'];
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

  before(async () => {
    site = buildSampleSite();
    server = await serve(site.dir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  for (const type of CHECKED) {
    const entry = PAGES.find((p) => p.type === type);
    for (const lang of ['vi', 'en']) {
      for (const width of WIDTHS) {
        test(`${type} ${lang} at ${width} px (${entry[lang]})`, async (t) => {
          const context = await browser.newContext({ viewport: { width, height: 800 } });
          const page = await context.newPage();
          const outside = [];
          page.on('request', (req) => {
            if (!req.url().startsWith(server.url + '/')) outside.push(req.url());
          });
          try {
            const response = await page.goto(server.url + entry[lang], { waitUntil: 'load' });
            assert.equal(response.status(), 200, `${entry[lang]} was not built`);
            assert.equal(await page.getAttribute('html', 'lang'), lang);
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
