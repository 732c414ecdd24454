// Photos in a real browser: every image on every page type of the sample
// site loads (naturalWidth > 0), in Vietnamese and English; list pages load
// the small copy of a photo (photo-128.jpg) and never a larger one; the
// profile page picks its copy from srcset.
//
//   node --test tests/browser/photos.test.mjs   (scripts/test runs it)
//
// Needs `npm ci` and /usr/bin/chromium; without them every test fails.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PAGES, sampleSiteInBrowser } from './site.mjs';

const LIST_TYPES = new Set(['home', 'profiles', 'year', 'campaign', 'unit']);

describe('photos load, and lists load the small copy', () => {
  const ready = sampleSiteInBrowser();

  for (const entry of PAGES) {
    for (const lang of ['vi', 'en']) {
      test(`${entry.type} ${lang} (${entry[lang]})`, async () => {
        const { server, browser } = ready();
        const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
        const photos = [];
        page.on('request', (r) => {
          if (r.resourceType() === 'image') photos.push(new URL(r.url()).pathname);
        });
        await page.goto(server.url + entry[lang], { waitUntil: 'load' });
        // Lazy images below the fold load too, then each is decoded.
        const images = await page.evaluate(() =>
          Promise.all(
            [...document.images].map((img) => {
              img.loading = 'eager';
              return img
                .decode()
                .catch(() => {})
                .then(() => ({ src: img.currentSrc, width: img.naturalWidth, cls: img.className }));
            }),
          ),
        );
        await page.close();
        for (const img of images) {
          assert.ok(img.width > 0, `${img.src} did not load on ${entry[lang]}`);
        }
        if (LIST_TYPES.has(entry.type)) {
          const avatars = images.filter((i) => i.cls === 'avatar');
          if (entry.type === 'profiles') assert.ok(avatars.length > 0, 'the profile list shows a photo');
          for (const a of avatars) assert.match(a.src, /\/photo-128\.jpg$/);
          for (const p of photos) assert.doesNotMatch(p, /photo-(?!128\.)\d+\.jpg$/, `a list page loaded ${p}`);
        }
        if (entry.type === 'profile') {
          const portrait = images.find((i) => i.cls === 'portrait');
          assert.ok(portrait, 'the profile page shows its photo');
          assert.match(portrait.src, /\/photo-(320|360)\.jpg$/, 'a 360 px wide screen at 1× takes the 320 px copy');
        }
      });
    }
  }
});
