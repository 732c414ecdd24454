// Shared by the browser tests and scripts/screenshots: build the sample site
// into a temporary folder, serve it on 127.0.0.1 from a tiny static server,
// and open Debian's headless Chromium through playwright-core. Nothing here
// skips: a missing piece throws an error that says how to get it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.VINHDANH_CHROMIUM || '/usr/bin/chromium';
// The narrowest phones, a common phone, a desktop.
export const WIDTHS = [320, 360, 1280];
// A phone's screen height: what is above the fold at 360 px wide.
export const PHONE = { width: 360, height: 740 };

// One page of each type of the sample site, in both languages. The profile
// with a photo is translated; the one without is not, so its English page
// shows the untranslated notice. The committee's profile has a markdown
// table wider than a phone and six awards of one type. The 404 paths do not
// exist: the server answers them with the language's 404.html.
export const PAGES = [
  { type: 'home', vi: '/', en: '/en/' },
  { type: 'profiles', vi: '/ho-so/', en: '/en/profiles/' },
  { type: 'profile', vi: '/ho-so/hoang-thi-dao/', en: '/en/profiles/hoang-thi-dao/' },
  { type: 'profile-untranslated', vi: '/ho-so/nong-van-duc/', en: '/en/profiles/nong-van-duc/' },
  { type: 'profile-wide-table', vi: '/ho-so/ban-dan-toc-tinh-cao-bang/', en: '/en/profiles/ban-dan-toc-tinh-cao-bang/' },
  { type: 'years', vi: '/nam/', en: '/en/years/' },
  { type: 'year', vi: '/nam/2022/', en: '/en/years/2022/' },
  { type: 'campaigns', vi: '/phong-trao/', en: '/en/campaigns/' },
  { type: 'campaign', vi: '/phong-trao/phat-trien-vung-dtts/', en: '/en/campaigns/phat-trien-vung-dtts/' },
  { type: 'award-lists', vi: '/khen-thuong/', en: '/en/awards/' },
  { type: 'award-list', vi: '/khen-thuong/giay-khen-ban-dan-toc-binh-phuoc-2022/', en: '/en/awards/giay-khen-ban-dan-toc-binh-phuoc-2022/' },
  { type: 'award-types', vi: '/hinh-thuc/', en: '/en/award-types/' },
  { type: 'award-type', vi: '/hinh-thuc/bang-khen-cap-tinh/', en: '/en/award-types/bang-khen-cap-tinh/' },
  { type: 'units', vi: '/don-vi/', en: '/en/units/' },
  { type: 'unit', vi: '/don-vi/ban-dan-toc-tinh-cao-bang/', en: '/en/units/ban-dan-toc-tinh-cao-bang/' },
  { type: 'search', vi: '/tim-kiem/?q=dao', en: '/en/search/?q=dao' },
  { type: '404', vi: '/khong-co-trang-nay/', en: '/en/no-such-page/' },
];

// Builds the sample site at the repository root into a new temporary
// folder and returns { dir, remove }. `drafts` adds --drafts.
// VINHDANH_BUILT_SITE=DIR tests a site already built into DIR instead (for
// instance another branch's build, to see the tests fail on it).
export function buildSampleSite({ drafts = false } = {}) {
  const built = process.env.VINHDANH_BUILT_SITE;
  if (built) return { dir: resolve(built), remove: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'vinhdanh-browser-'));
  const out = join(dir, 'public');
  const args = ['run', '--locked', '--quiet', '--', 'build', '--output-dir', out];
  if (drafts) args.push('--drafts');
  // The photo cache in the temporary folder too, not the user's.
  const env = { ...process.env, VINHDANH_CACHE: join(dir, 'cache') };
  execFileSync('cargo', args, { cwd: REPO, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return { dir: out, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

// Serves `root` on 127.0.0.1 at a random port, the way an agency's web
// server would: `/x/` is `/x/index.html`, anything missing gets the
// language's 404.html with status 404. Resolves to { url, close }.
export function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) file = null;
    else if (path.endsWith('/')) file = join(file, 'index.html');
    if (file && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(readFileSync(file));
      return;
    }
    const notFound = path.startsWith('/en/') ? join(root, 'en', '404.html') : join(root, '404.html');
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    res.end(readFileSync(notFound));
  });
  return new Promise((done, fail) => {
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({ url: `http://127.0.0.1:${port}`, close: () => new Promise((c) => server.close(c)) });
    });
  });
}

// Imports playwright-core, failing with the command that installs it.
async function playwright() {
  try {
    return await import('playwright-core');
  } catch (err) {
    throw new Error(`playwright-core is not installed: run \`npm ci\` at the repository root (${err.message})`);
  }
}

// Reads axe-core's browser script, failing with the command that installs it.
export function axeSource() {
  const path = join(REPO, 'node_modules', 'axe-core', 'axe.min.js');
  if (!existsSync(path)) {
    throw new Error(`axe-core is not installed (${path} missing): run \`npm ci\` at the repository root`);
  }
  return readFileSync(path, 'utf8');
}

// Launches Debian's Chromium headless with a fresh profile (playwright makes
// a new temporary user-data-dir for every launch).
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set VINHDANH_CHROMIUM)`);
  }
  const { chromium } = await playwright();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// The site paths of every page the sitemap of the built site in `dir`
// lists (the sitemap, or its parts when it is split).
export function sitemapPaths(dir) {
  const read = (name) => readFileSync(join(dir, name), 'utf8');
  let xml = read('sitemap.xml');
  if (xml.includes('<sitemapindex')) {
    xml = [...xml.matchAll(/<loc>[^<]*\/(sitemap-\d+\.xml)<\/loc>/g)].map((m) => read(m[1])).join('\n');
  }
  return [...xml.matchAll(/<url>\s*<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

// Hooks for the enclosing `describe`: before its tests, the sample site is
// built, served and Chromium opened; after them, all is closed. Returns
// `ready()`, which each test calls for `{ server, browser }`: a failed setup
// (no chromium, no `npm ci`, a broken build) then fails every test with its
// message, so the runner counts them as failed, not cancelled.
export function sampleSiteInBrowser() {
  const state = {};
  before(async () => {
    try {
      state.site = buildSampleSite();
      state.server = await serve(state.site.dir);
      state.browser = await launchChromium();
    } catch (err) {
      state.error = err;
    }
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
    state.site?.remove();
  });
  return () => {
    if (state.error) throw state.error;
    return state;
  };
}
