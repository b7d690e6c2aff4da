// Shared helpers of the browser end-to-end tests (see app.test.mjs for the environment
// `cargo xtask test` sets). Not a test file: node --test runs *.test.mjs only.
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const baseUrl = process.env.E2E_BASE_URL;
const expectedPath = process.env.E2E_EXPECTED;
export const screenshots = process.env.E2E_SCREENSHOTS ?? join(here, 'screenshots');
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
/** The values computed by the app's own calc-core path (`cargo xtask expected`). */
export const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
mkdirSync(screenshots, { recursive: true });

/** Text with whitespace (incl. no-break spaces) collapsed to single spaces. */
export const normalize = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A headless Chromium as the tests run it (a throwaway profile per launch). */
export const launch = () => chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

/**
 * A page of a new browser context (its own, empty localStorage unless `context` is given)
 * at `width` × `height`, on `url` (relative to the app), with the total (or `ready`)
 * rendered. Console errors and requests to other hosts are collected in `p.problems`.
 */
export const openPage = async (browser, { width = 1366, height = 844, url = '', context = null, ready = '[data-testid=total-co2e]' } = {}) => {
  const ctx = context ?? (await browser.newContext());
  const p = await ctx.newPage();
  p.problems = [];
  p.on('console', (msg) => {
    if (msg.type() === 'error') p.problems.push(msg.text());
  });
  p.on('pageerror', (err) => p.problems.push(`page error: ${err.message}`));
  await ctx.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    p.problems.push(`request to ${route.request().url()}`);
    return route.abort();
  });
  await p.setViewportSize({ width, height });
  await p.goto(new URL(url, baseUrl).href, { waitUntil: 'load' });
  await p.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
  return p;
};

/** The rendered total t CO2e per year. */
export const totalText = async (p) => normalize(await p.locator('[data-testid=total-co2e]').first().textContent());

/** Waits until the total reads `want`. */
export const waitForTotal = (p, want) =>
  p.waitForFunction(
    (w) => document.querySelector('[data-testid=total-co2e]')?.textContent.replace(/\s+/g, ' ').trim() === w,
    normalize(want),
    { timeout: 10_000 },
  );

/** A number as the app writes it in Swedish ("−1 234,5 kr", "12 tkr" is not parsed). */
export const svNumber = (text) => Number(normalize(text).replace(/[^\d,−-]/g, '').replace('−', '-').replace(',', '.'));

const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's WCAG violations on the page as "rule (impact): targets" lines. */
export const axeViolations = async (p) => {
  await p.evaluate(axeSource);
  return p.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
};

/** Types `text` into a text field as a person does (select all, type), firing input events. */
export const typeInto = async (locator, text) => {
  await locator.click();
  await locator.press('Control+a');
  if (text === '') await locator.press('Backspace');
  else await locator.pressSequentially(text);
};
