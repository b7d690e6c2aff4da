// The shared browser context of the app's end-to-end tests (app, trust, a11y and targets
// .test.mjs; the environment is described in app.test.mjs). Not a test file: node --test
// runs *.test.mjs only. A test file calls `useSharedContext()` once at its top; the
// bindings below are live, so its tests see the browser, context and page `before` made.
import { before, after } from 'node:test';
import { baseUrl, expected, launch, normalize } from './helpers.mjs';


export let browser;
export let context;
export let page;
/** Console errors of `page` and of every `freshPage`. */
export const consoleErrors = [];
/** Requests to hosts other than 127.0.0.1, from any page of `context` (blocked). */
export const foreignRequests = [];

/** Starts one browser with one context (1280 × 900) and one page before the file's tests
 * and closes it after them. */
export const useSharedContext = () => {
  before(async () => {
    // launch() (chromium.launch) gives every run a fresh, throwaway --user-data-dir.
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // These tests expect every load to start from the defaults (or a link or saved scenario);
    // the working state the app keeps across reloads (issue 23) is tested in
    // afternoon.test.mjs, so here it is forgotten before each page's scripts run.
    await context.addInitScript(() => {
      try {
        localStorage.removeItem('avfallskalkyl.working');
      } catch {
        // about:blank and other opaque origins have no localStorage.
      }
    });
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
};

/** The rendered total of the shared page. */
export const totalText = async () =>
  normalize(await page.locator('[data-testid=total-co2e]').first().textContent());
/** The rendered total of page `p`. */
export const totalTextOf = async (p) => normalize(await p.locator('[data-testid=total-co2e]').first().textContent());

/** A new page on `url` with the total rendered. */
export const freshPage = async (url = baseUrl, viewport = { width: 1280, height: 900 }) => {
  const p = await context.newPage();
  await p.setViewportSize(viewport);
  p.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  p.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
  await p.goto(url, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ state: 'visible', timeout: 30_000 });
  return p;
};

/** Moves the first measure's slider to the e2e's `slider_value` and waits for the total. */
export const moveFirstSlider = async (p) => {
  const slider = p.locator('[data-testid=effect-slider]').first();
  await slider.fill(String(expected.slider_value));
  await slider.dispatchEvent('input');
  await p.waitForFunction(
    (want) => document.querySelector('[data-testid=total-co2e]')?.textContent.replace(/\s+/g, ' ').trim() === want,
    normalize(expected.after_slider_total_co2e),
    { timeout: 10_000 },
  );
};

/** Opens the app in a new page of `width` × 844 px (in English with `lang: 'en'`) and waits
 * until the analysis (tornado, budget package) is drawn. */
export const openApp = async ({ width = 1280, lang = 'sv' } = {}) => {
  const p = await context.newPage();
  await p.setViewportSize({ width, height: 844 });
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  if (lang === 'en') {
    await p.locator('[data-testid=lang-switch]').click();
    await p.waitForFunction(() => document.documentElement.lang === 'en');
  }
  await p.locator('[data-testid=chart-tornado-sek]').waitFor({ timeout: 30_000 });
  await p.locator('[data-testid=best-package]').first().waitFor({ timeout: 30_000 });
  return p;
};
