// Called by scripts/bench-search with a built site: for each query, in a
// fresh Chromium context (nothing cached), opens the search page, waits for
// its base files, types the query and reports the bytes the query fetched
// (gzip size, as a compressing server sends them), the base files' bytes,
// and the time from the last keystroke to the results (search.js marks
// `vd:input` on each keystroke and measures `vd:search` when results show).

import { gzipSync } from 'node:zlib';
import { launchChromium, serve } from '../tests/browser/site.mjs';

const QUERIES = ['nguyen', 'nguyen van', 'dao', 'loc ninh', 'tran thi bich', 'lai chau', 'h hen', 'zzqqxx'];
const ROUNDS = 3;
const root = process.argv[2];
const server = await serve(root);
const browser = await launchChromium();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  console.log('query            base KB  query KB  files  results  ms (last key → results)');
  for (const q of QUERIES) {
    const kb = [];
    const ms = [];
    let baseKb = 0;
    let files = 0;
    let results = '';
    for (let round = 0; round < ROUNDS; round++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes = [];
      let typing = false;
      page.on('response', async (res) => {
        if (!res.url().includes('/index/')) return;
        const phase = typing;
        const body = await res.body().catch(() => Buffer.alloc(0));
        sizes.push({ phase, gz: gzipSync(body).length });
      });
      await page.goto(server.url + '/tim-kiem/', { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('form.search-form').dataset.done === '');
      typing = true;
      await page.type('#search-q', q, { delay: 60 });
      await page.waitForFunction((x) => document.querySelector('form.search-form').dataset.done === x, q);
      await page.waitForTimeout(100);
      const took = await page.evaluate(() => performance.getEntriesByName('vd:search').pop().duration);
      results = await page.textContent('#search-status');
      const mine = sizes.filter((s) => s.phase);
      kb.push(mine.reduce((a, s) => a + s.gz, 0) / 1024);
      baseKb = sizes.filter((s) => !s.phase).reduce((a, s) => a + s.gz, 0) / 1024;
      files = mine.length;
      ms.push(took);
      await context.close();
    }
    console.log(
      `${JSON.stringify(q).padEnd(16)} ${baseKb.toFixed(0).padStart(7)}  ${median(kb).toFixed(0).padStart(8)}  ${String(files).padStart(5)}  ${results.padEnd(14)} ${median(ms).toFixed(0).padStart(4)}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
