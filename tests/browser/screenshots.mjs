// Writes full-page PNG screenshots of every page type of the sample site,
// in both languages, at phone and desktop width, with JavaScript off (the
// theme must read without it). Run through scripts/screenshots.
//
//   node tests/browser/screenshots.mjs [folder]   (default /tmp/vinhdanh-shots)

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PAGES, WIDTHS, buildSampleSite, launchChromium, serve } from './site.mjs';

// Drafts are built too (they are not published), to show the draft mark.
const SHOTS = [...PAGES, { type: 'profile-draft', vi: '/ho-so/dam-thi-hien/', en: '/en/profiles/dam-thi-hien/' }];

const folder = resolve(process.argv[2] || '/tmp/vinhdanh-shots');
mkdirSync(folder, { recursive: true });

const site = buildSampleSite({ drafts: true });
const server = await serve(site.dir);
const browser = await launchChromium();
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const entry of SHOTS) {
      for (const lang of ['vi', 'en']) {
        await page.goto(server.url + entry[lang], { waitUntil: 'load' });
        const file = join(folder, `${entry.type}-${lang}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
    }
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  for (const type of ['year', 'award-list']) {
    const entry = PAGES.find((p) => p.type === type);
    await page.goto(server.url + entry.vi, { waitUntil: 'load' });
    const file = join(folder, `${type}-vi-print.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  site.remove();
}
