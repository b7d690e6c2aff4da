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

// The following tests continue from the state the slider test left (first measure at
// `slider_value`): node's test runner runs tests in a file one after another.

const totalText = async () =>
  normalize(await page.locator('[data-testid=total-co2e]').first().textContent());

test('a saved scenario survives a reload and restores the exact total', async () => {
  await page.locator('[data-testid=scenario-name]').fill('E2E plan');
  await page.locator('[data-testid=save-scenario]').click();
  await page.locator('[data-testid="open-E2E plan"]').waitFor({ timeout: 10_000 });

  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  assert.equal(await totalText(), normalize(expected.default_total_co2e), 'a fresh load shows the defaults');

  await page.locator('[data-testid="open-E2E plan"]').click();
  await page.waitForFunction(
    (want) => {
      const el = document.querySelector('[data-testid=total-co2e]');
      return el !== null && el.textContent.replace(/\s+/g, ' ').trim() === want;
    },
    normalize(expected.after_slider_total_co2e),
    { timeout: 10_000 },
  );
  assert.equal(await totalText(), normalize(expected.after_slider_total_co2e));
  await page.screenshot({ path: join(screenshots, 'restored.png'), fullPage: false });
});

test('the share link restores the exact scenario in a new tab', async () => {
  const href = await page.locator('[data-testid=share-link]').getAttribute('href');
  assert.ok(href && href.includes('#'), `share link has the scenario in its hash: ${href}`);
  const other = await context.newPage();
  await other.goto(new URL(href, baseUrl).toString(), { waitUntil: 'load' });
  const total = other.locator('[data-testid=total-co2e]').first();
  await total.waitFor({ timeout: 30_000 });
  assert.equal(normalize(await total.textContent()), normalize(expected.after_slider_total_co2e));
  await other.close();
});

test('results export as a CSV that Excel (sv-SE) opens: BOM, semicolons, decimal comma', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.locator('[data-testid=export-csv]').click(),
  ]);
  const path = await download.path();
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = bytes.toString('utf8').slice(1);
  const [header, first] = text.split(/\r?\n/);
  assert.ok(header.split(';').length > 5, `semicolon-separated header: ${header}`);
  assert.match(first, /\d,\d/, 'decimal comma in the first data row');

  const [json] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.locator('[data-testid=export-json]').click(),
  ]);
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  const results = Array.isArray(doc) ? doc[0] : doc;
  assert.equal(results.schema_version, '2');
  assert.equal(typeof results.totals.sek_saved_per_year_by_payer.households.central, 'string', 'SEK split by payer');
  assert.equal(typeof results.totals.co2e_saved_kg_per_year.central, 'string', 'decimals as strings');
  assert.deepEqual(consoleErrors, [], 'no console errors');
  assert.deepEqual(foreignRequests, [], 'no requests to hosts other than 127.0.0.1');
});

test('the print stylesheet gives a one-page A4 committee summary', async () => {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, 'pages in the printed summary');
});

test('choosing Borås alone shows the Borås total; a bad CSV is refused with line and column', async () => {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=muni-all]').uncheck();
  await page.locator('[data-testid=muni-1490]').check();
  await page.waitForFunction(
    (want) => {
      const el = document.querySelector('[data-testid=total-co2e]');
      return el !== null && el.textContent.replace(/\s+/g, ' ').trim() === want;
    },
    normalize(expected.boras_total_co2e),
    { timeout: 10_000 },
  );
  assert.equal(await totalText(), normalize(expected.boras_total_co2e));

  const before = await totalText();
  const bad = 'kommun;åtgärd;effekt_procent\nBorås;food_school_kitchens;140\nBorås;matsvinn_skola;10\n';
  await page.locator('[data-testid=import-file]').setInputFiles({
    name: 'fel.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bad, 'utf8'),
  });
  const errors = page.locator('[data-testid=import-errors]');
  await errors.waitFor({ timeout: 10_000 });
  const text = normalize(await errors.textContent());
  assert.match(text, /rad 2, kolumn 'effekt_procent'/, text);
  assert.match(text, /rad 3, kolumn 'åtgärd'/, text);
  assert.equal(await totalText(), before, 'nothing applied from a file with errors');
  await page.screenshot({ path: join(screenshots, 'import-errors.png'), fullPage: false });
});

test('the money table splits net SEK by payer, and the parts add up to society', async () => {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.locator('[data-testid=money-table]').waitFor({ timeout: 30_000 });
  const value = async (id) =>
    Number(await page.locator(`[data-testid=${id}]`).first().getAttribute('data-value'));
  for (const col of ['year', 'cum', 'npv']) {
    const fee = await value(`money-${col}-waste_fee`);
    const budget = await value(`money-${col}-municipal_budget`);
    const homes = await value(`money-${col}-households`);
    const muni = await value(`money-${col}-municipality`);
    const society = await value(`money-${col}-society`);
    // Exact decimals in data-value; floats here, so compare to a krona.
    assert.ok(Math.abs(muni - (fee + budget)) < 1, `${col}: ${muni} = ${fee} + ${budget}`);
    assert.ok(Math.abs(society - (muni + homes)) < 1, `${col}: ${society} = ${muni} + ${homes}`);
  }
  const table = normalize(await page.locator('[data-testid=money]').textContent());
  for (const label of ['Kommunen (avfallstaxa + budget)', 'varav avfallstaxan', 'varav kommunens budget', 'Hushållen', 'Samhället (alla)', 'Positivt = besparing']) {
    assert.ok(table.includes(label), `money table shows "${label}"`);
  }
  assert.equal(
    normalize(await page.locator('[data-testid=total-sek]').textContent()),
    normalize(await page.locator('[data-testid=money-year-municipality]').textContent()),
    'the headline SEK card is the municipality per year',
  );
  const note = normalize(await page.locator('[data-testid=pool-order-note]').textContent());
  assert.match(note, /avfallstrappans ordning/);
});

test('screenshots at 1366 and 390 px, with the analysis and the sources of a shared pool', async () => {
  for (const [width, height, name] of [
    [1366, 900, 'wide-1366'],
    [390, 844, 'phone-390'],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=chart-tornado-sek]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=best-package], p[data-testid=best-package]').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
    await page.locator('[data-testid=sources-textile_collection]').click();
    const dialog = page.locator('[data-testid=sources-dialog]');
    await dialog.waitFor({ timeout: 10_000 });
    const mix = normalize(await page.locator('[data-testid=sources-mix]').textContent());
    assert.match(mix, /Energiåtervinning/, 'the pool baseline is listed');
    await page.screenshot({ path: join(screenshots, `${name}-sources.png`), fullPage: false });
    await page.keyboard.press('Escape');
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(consoleErrors, [], 'no console errors');
});

test('the icon is served (no 404 on load) and the footer links the accessibility statement in each language', async () => {
  const p = await context.newPage();
  const failed = [];
  p.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ state: 'visible', timeout: 30_000 });
  const icon = await p.evaluate(() => document.querySelector('link[rel=icon]')?.getAttribute('href'));
  assert.equal(icon, './favicon.svg');
  const iconResponse = await p.request.get(new URL(icon, baseUrl).href);
  assert.equal(iconResponse.status(), 200);
  assert.equal(iconResponse.headers()['content-type'], 'image/svg+xml');

  const link = p.locator('footer a[href="./tillganglighet.html"]');
  assert.equal(normalize(await link.textContent()), 'Tillgänglighetsredogörelse');
  await link.click();
  await p.waitForURL(/tillganglighet\.html$/);
  assert.equal(await p.locator('html').getAttribute('lang'), 'sv');
  assert.equal(normalize(await p.locator('h1').textContent()), 'Tillgänglighetsredogörelse för Avfallskalkyl');
  // It says how to report problems and names the supervisory authority.
  assert.match(normalize(await p.locator('main').textContent()), /Rapportera brister.*Digg/);
  await p.locator('a[href="./accessibility.html"]').click();
  await p.waitForURL(/accessibility\.html$/);
  assert.equal(await p.locator('html').getAttribute('lang'), 'en');
  assert.equal(normalize(await p.locator('h1').textContent()), 'Accessibility statement for Avfallskalkyl');
  assert.deepEqual(failed, [], 'every request succeeds');
  await p.close();
});

test('no horizontal page scroll at 390 and 320 px: wide tables scroll inside their box', async () => {
  const p = await context.newPage();
  for (const width of [390, 320]) {
    await p.setViewportSize({ width, height: 800 });
    await p.goto(baseUrl, { waitUntil: 'load' });
    await p.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
    await p.locator('[data-testid=chart-tornado-sek]').waitFor({ timeout: 30_000 });
    const scrollWidth = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `page is ${scrollWidth} px wide in a ${width} px viewport`);
  }
  await p.close();
});

test('each effect slider is named after its measure, and the live region announces the total only', async () => {
  const p = await context.newPage();
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  const names = await p.$$eval('input[type=range]', (els) => els.map((e) => e.getAttribute('aria-label')));
  const measures = await p.$$eval('.measure-name', (els) => els.map((e) => e.textContent.trim()));
  assert.equal(names.length, measures.length);
  assert.deepEqual(names, measures.map((m) => `Effekt: ${m}`));
  assert.equal(new Set(names).size, names.length, 'no two sliders share a name');
  const live = await p.$$eval('[aria-live]', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
  const total = live.find((t) => t.startsWith('Minskade utsläpp per år:'));
  assert.ok(total, `a live region announces the total: ${JSON.stringify(live)}`);
  const shown = normalize(await p.locator('[data-testid=total-co2e]').first().textContent());
  assert.equal(total, `Minskade utsläpp per år: ${shown} t CO2e/år`);
  assert.ok(total.length < 80, `short announcement: ${total}`);
  assert.equal(await p.locator('.cards[aria-live]').count(), 0, 'the cards are not read on every change');
  await p.close();
});

test('an effect typed with a decimal comma is read as a decimal and shown with a comma', async () => {
  const p = await context.newPage();
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  const box = p.locator('input.effect-number').first();
  await box.fill('55,5');
  const slider = p.locator('input[type=range]').first();
  await p.waitForFunction(
    () => (document.querySelector('input[type=range]')?.getAttribute('aria-valuetext') ?? '').startsWith('55,5'),
    null,
    { timeout: 10_000 },
  );
  assert.equal(normalize(await slider.getAttribute('aria-valuetext')), '55,5 %');
  assert.equal(await box.inputValue(), '55,5');
  // The slider moves in whole percent; the box shows what was typed.
  assert.equal(await slider.inputValue(), '56');
  await p.close();
});

test('with no municipality chosen, the empty sections say so instead of "no measures are on"', async () => {
  const p = await context.newPage();
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  await p.locator('[data-testid=muni-all]').uncheck();
  await p.waitForFunction(
    () => [...document.querySelectorAll('.hint')].some((e) => e.textContent.includes('Välj minst en kommun')),
    null,
    { timeout: 10_000 },
  );
  const hints = await p.$$eval('.hint', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(!hints.includes('Inga åtgärder är påslagna.'), JSON.stringify(hints));
  await p.close();
});

test('a scenario file without the effect column says which columns it lacked and what was assumed', async () => {
  const p = await context.newPage();
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  await p.locator('[data-testid=import-file]').setInputFiles({
    name: 'utan-effekt.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('kommun;åtgärd;startår\nBorås;food_school_kitchens;2026\n', 'utf8'),
  });
  await p.locator('[data-testid=import-ok]').waitFor({ timeout: 10_000 });
  const assumed = await p.$$eval('[data-testid=import-assumed]', (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(assumed, [
    'Kolumnen effekt_procent saknas: varje åtgärds standardeffekt används.',
    'Kolumnen fullt_år saknas: full effekt nås efter varje åtgärds standardtid från start.',
  ]);
  await p.close();
});

test('targets: own figures change Borås results, an actual changes the status, reload and share keep both', async () => {
  const p = await context.newPage();
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  const card = (target, code) => p.locator(`[data-testid="target-${target}-${code}"]`);
  const halved = card('food_waste_halved', '1490');
  const biogas = card('food_to_biogas_60pct', '1490');
  await halved.waitFor({ timeout: 10_000 });
  // Default scenario: food_households ramps 2025–2033, so 2030 is 6/9 of the way:
  // 15 − 7.5 × 6/9 = 10 kg against the target 7.5: behind.
  assert.equal(normalize(await halved.locator('[data-testid=target-projected]').textContent()), '10,0 kg/inv');
  assert.equal(normalize(await halved.locator('[data-testid=target-status]').textContent()), 'Efter');
  const totalBefore = normalize(await p.locator('[data-testid=total-co2e]').first().textContent());
  const biogasBefore = normalize(await biogas.locator('[data-testid=target-projected]').textContent());
  assert.equal(await biogas.locator('[data-testid=own-figures-badge]').count(), 0);

  // Own figures for Borås: 5 000 t household food waste, 70 % digested, 30 % incinerated.
  await p.locator('[data-testid=own-municipality]').selectOption('1490');
  await p.locator('[data-testid=own-pool]').selectOption('household_food');
  await p.locator('[data-testid=own-year]').fill('2023');
  await p.locator('[data-testid=own-tonnes]').fill('5000');
  await p.locator('[data-testid=own-digestion]').fill('70');
  await p.locator('[data-testid=own-incineration]').fill('30');
  await p.locator('[data-testid=own-source]').fill('Plockanalys 2023');
  await p.locator('[data-testid=own-add]').click();
  await biogas.locator('[data-testid=own-figures-badge]').waitFor({ timeout: 10_000 });
  assert.notEqual(normalize(await p.locator('[data-testid=total-co2e]').first().textContent()), totalBefore, 'the totals change');
  assert.notEqual(normalize(await biogas.locator('[data-testid=target-projected]').textContent()), biogasBefore, 'Borås projection changes');
  // Other municipalities keep the defaults.
  assert.equal(await card('food_to_biogas_60pct', '1443').locator('[data-testid=own-figures-badge]').count(), 0);

  // An actual on the straight path (15 − 7.5 × 3/9 = 12.5 kg in 2024): on track.
  await p.locator('[data-testid=actual-municipality]').selectOption('1490');
  await p.locator('[data-testid=actual-indicator]').selectOption('food_waste_kg_per_inhabitant');
  await p.locator('[data-testid=actual-year]').fill('2024');
  await p.locator('[data-testid=actual-value]').fill('12,5');
  await p.locator('[data-testid=actual-add]').click();
  await p.waitForFunction(
    () => document.querySelector('[data-testid="target-food_waste_halved-1490"] [data-testid=target-status]')?.textContent.trim() === 'I fas',
    null,
    { timeout: 10_000 },
  );
  await halved.scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(screenshots, 'targets.png'), fullPage: false });
  const totalAfter = normalize(await p.locator('[data-testid=total-co2e]').first().textContent());

  // The share link carries both.
  const href = await p.locator('[data-testid=share-link]').getAttribute('href');
  const shared = await context.newPage();
  await shared.goto(new URL(href, baseUrl).toString(), { waitUntil: 'load' });
  await shared.locator('[data-testid="target-food_waste_halved-1490"]').waitFor({ timeout: 30_000 });
  assert.equal(
    normalize(await shared.locator('[data-testid="target-food_waste_halved-1490"] [data-testid=target-status]').textContent()),
    'I fas',
  );
  assert.equal(await shared.locator('[data-testid="target-food_to_biogas_60pct-1490"] [data-testid=own-figures-badge]').count(), 1);
  assert.equal(normalize(await shared.locator('[data-testid=total-co2e]').first().textContent()), totalAfter);
  await shared.close();

  // Saved with the scenario: survives a reload.
  await p.locator('[data-testid=scenario-name]').fill('E2E mål');
  await p.locator('[data-testid=save-scenario]').click();
  await p.locator('[data-testid="open-E2E mål"]').waitFor({ timeout: 10_000 });
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid="open-E2E mål"]').click();
  await p.waitForFunction(
    () => document.querySelector('[data-testid="target-food_waste_halved-1490"] [data-testid=target-status]')?.textContent.trim() === 'I fas',
    null,
    { timeout: 10_000 },
  );
  assert.equal(normalize(await p.locator('[data-testid=total-co2e]').first().textContent()), totalAfter);
  assert.deepEqual(
    await p.$$eval('[data-testid=own-list] li', (els) => els.length),
    1,
  );
  // A baseline file with an error is refused with its line and column; nothing changes.
  await p.locator('[data-testid=follow-up-import-baseline]').setInputFiles({
    name: 'egna.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('kommun;pool;år;ton;källa\r\nBorås;houshold_food;2023;5000;x\r\n', 'utf8'),
  });
  const errors = p.locator('[data-testid=follow-up-import-errors]');
  await errors.waitFor({ timeout: 10_000 });
  assert.ok(
    normalize(await errors.textContent()).includes("rad 2, kolumn 'pool': okänd avfallspool 'houshold_food'; menade du 'household_food'?"),
  );
  assert.equal(normalize(await p.locator('[data-testid=total-co2e]').first().textContent()), totalAfter);
  await p.close();
});
