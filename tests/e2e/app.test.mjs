// Browser end-to-end test: loads the built app from dist/ over 127.0.0.1 in headless Chromium
// and acts on it as a user. Run by `cargo xtask test`, which builds dist/, serves it, writes
// the expected values (computed with calc-core) and sets:
//   E2E_BASE_URL       http://127.0.0.1:PORT/
//   E2E_EXPECTED       path of target/e2e/expected.json
//   E2E_CHROMIUM       Chromium binary (default /usr/bin/chromium)
//   E2E_CHROMIUM_ARGS  space-separated Chromium flags
//   E2E_SCREENSHOTS    directory for screenshots (default tests/e2e/screenshots)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const baseUrl = process.env.E2E_BASE_URL;
const expectedPath = process.env.E2E_EXPECTED;
const screenshots = process.env.E2E_SCREENSHOTS ?? join(here, 'screenshots');
const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = (
  process.env.E2E_CHROMIUM_ARGS ??
  '--headless --no-sandbox --disable-gpu --disable-dev-shm-usage ' +
    '--disable-background-networking --disable-component-update --disable-sync ' +
    '--no-first-run --disable-quic'
)
  .split(/\s+/)
  .filter(Boolean);

if (!baseUrl || !expectedPath) {
  throw new Error('E2E_BASE_URL and E2E_EXPECTED are not set: run these tests with `cargo xtask test`');
}
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));

/** Text of the rendered total, with whitespace (incl. no-break spaces) normalized. */
const normalize = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

let browser;
let context;
let page;
const consoleErrors = [];
const foreignRequests = [];

before(async () => {
  // chromium.launch() gives every run a fresh, throwaway --user-data-dir.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
  // Only the local server may be contacted; anything else is recorded and blocked.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') {
      return route.continue();
    }
    foreignRequests.push(route.request().url());
    return route.abort();
  });
});

after(async () => {
  await browser?.close();
});

test('the slider changes the rendered total to the value calc-core computes', async () => {
  mkdirSync(screenshots, { recursive: true });
  const response = await page.goto(baseUrl, { waitUntil: 'load' });
  assert.equal(response?.status(), 200, 'index.html is served');

  const total = page.locator('[data-testid=total-co2e]').first();
  await total.waitFor({ state: 'visible', timeout: 30_000 });
  await page.screenshot({ path: join(screenshots, 'default.png'), fullPage: true });
  assert.equal(normalize(await total.textContent()), normalize(expected.default_total_co2e), 'total at start');

  const slider = page.locator('[data-testid=effect-slider]').first();
  await slider.fill(String(expected.slider_value));
  await slider.dispatchEvent('input');
  await page.waitForFunction(
    (before) => {
      const el = document.querySelector('[data-testid=total-co2e]');
      return el !== null && el.textContent.replace(/\s+/g, ' ').trim() !== before;
    },
    normalize(expected.default_total_co2e),
    { timeout: 10_000 },
  );
  await page.screenshot({ path: join(screenshots, 'after-slider.png'), fullPage: true });
  assert.equal(
    normalize(await total.textContent()),
    normalize(expected.after_slider_total_co2e),
    `total after moving the slider to ${expected.slider_value}`,
  );

  assert.deepEqual(consoleErrors, [], 'no console errors');
  assert.deepEqual(foreignRequests, [], 'no requests to hosts other than 127.0.0.1');
});
