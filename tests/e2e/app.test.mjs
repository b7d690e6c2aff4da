// Browser end-to-end tests of the main path (slider, save, share, export, print, one
// municipality, the money and per-inhabitant tables, typed input and imports): load the
// built app from dist/ over 127.0.0.1 in headless Chromium and act on it as a user. The
// other *.test.mjs files share `helpers.mjs` (and `app-context.mjs`). Run by `cargo xtask
// test`, which builds dist/, serves it, writes the expected values (computed with calc-core)
// and sets:
//   E2E_BASE_URL       http://127.0.0.1:PORT/
//   E2E_EXPECTED       path of target/e2e/expected.json
//   E2E_CHROMIUM       Chromium binary (default /usr/bin/chromium)
//   E2E_CHROMIUM_ARGS  space-separated Chromium flags
//   E2E_SCREENSHOTS    directory for screenshots (default tests/e2e/screenshots)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { baseUrl, expected, screenshots, normalize } from './helpers.mjs';
import {
  page,
  context,
  consoleErrors,
  foreignRequests,
  totalText,
  useSharedContext,
} from './app-context.mjs';

useSharedContext();

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
  assert.match(download.suggestedFilename(), /^avfallskalkyl-.*-resultat\.csv$/, 'Swedish file name');
  const path = await download.path();
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = bytes.toString('utf8').slice(1);
  const [header, first] = text.split(/\r?\n/);
  assert.ok(header.split(';').length > 5, `semicolon-separated header: ${header}`);
  assert.match(first, /\d,\d/, 'decimal comma in the first data row');
  // Each measure's name next to its id, in the interface's language.
  const cells = header.split(';');
  assert.deepEqual(cells.slice(3, 5), ['åtgärd', 'åtgärdens_namn']);
  const names = await page.$$eval('.measure-name', (els) => els.map((e) => e.textContent.trim()));
  const rowName = first.split(';')[4].replace(/^"|"$/g, '');
  assert.ok(names.includes(rowName), `the first row names its measure: ${first}`);
  // Per inhabitant next to the absolute figures, the own-figure columns and the price
  // year (issues 11 and 12): Borås's first row divides by its 114 872 inhabitants.
  const col = (name) => cells.indexOf(name);
  const row = first.split(';');
  assert.equal(row[col('folkmängd')], '114872', `population column: ${header}`);
  assert.ok(col('kg_co2e_per_invånare_och_år') > 0, 'kg CO2e per inhabitant column');
  assert.equal(row[col('egna_siffror_källa')], '', 'defaults: no own-figure source');
  assert.equal(row[col('prisnivå_år')], '2025', 'the price year of the SEK figures');

  const [json] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.locator('[data-testid=export-json]').click(),
  ]);
  assert.match(json.suggestedFilename(), /^avfallskalkyl-.*-resultat\.json$/, 'one naming scheme in Swedish');
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  const results = Array.isArray(doc) ? doc[0] : doc;
  assert.equal(results.schema_version, '2');
  assert.equal(typeof results.totals.sek_saved_per_year_by_payer.households.central, 'string', 'SEK split by payer');
  assert.equal(typeof results.totals.co2e_saved_kg_per_year.central, 'string', 'decimals as strings');
  assert.deepEqual(consoleErrors, [], 'no console errors');
  assert.deepEqual(foreignRequests, [], 'no requests to hosts other than 127.0.0.1');
});

test('the print stylesheet gives an A4 committee summary of at most two pages', async () => {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // Issue 23 added each measure's effect and the targets' status: two pages at most.
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages in the printed summary`);

  // Every measure that is switched on, each with its number.
  const on = await page.$$eval('.measure input.toggle:checked', (els) => els.length);
  const rows = await page.locator('[data-testid=results-table] tbody tr').evaluateAll((trs) => trs.filter((tr) => tr.offsetParent !== null).length);
  assert.ok(rows >= 17, `${rows} measures printed`);
  assert.equal(rows, on, 'every measure switched on is printed');
  // The cards' notes (discount rate) and sign conventions print; sort arrows do not.
  const notes = await page.locator('.card-note').evaluateAll((els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent));
  assert.equal(notes.length, 4);
  assert.match(notes[3], /diskonteringsränta 3,5/);
  assert.ok(await page.locator('[data-testid=total-sek-sign]').isVisible());
  assert.equal(await page.locator('.arrow').evaluateAll((els) => els.filter((e) => e.offsetParent !== null).length), 0, 'no sort arrows');
  // Chart text at least 8 pt on paper.
  const sizes = await page.$$eval('[data-testid=chart-macc] text.tick, [data-testid=chart-macc] text.bar-label', (els) =>
    els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => {
      const svg = e.ownerSVGElement;
      const scale = svg.getBoundingClientRect().height / svg.viewBox.baseVal.height;
      return (parseFloat(getComputedStyle(e).fontSize) * scale * 72) / 96;
    }),
  );
  assert.ok(sizes.length > 5 && Math.min(...sizes) >= 8, `chart text in pt: ${sizes.map((x) => x.toFixed(1))}`);
  // On paper the MACC keeps its screen drawing (wide layout), scaled to its box, instead of
  // being re-laid out for the narrow print column.
  await page.waitForTimeout(100);
  const viewBoxWidth = await page.$eval('[data-testid=chart-macc]', (svg) => svg.viewBox.baseVal.width);
  assert.ok(viewBoxWidth >= 560, `MACC drawn ${viewBoxWidth} units wide on paper`);
  // Which data, which prices, when; and what the page leaves out.
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const meta = normalize(await page.locator('[data-testid=print-meta]').textContent());
  assert.match(meta, /^Faktorunderlag: .+ \(.+\), version \S+\. Prisår: 2025 \(alla kronor i 2025 års prisnivå, omräknade med KPI\)\. Planperiod \d{4}–\d{4}\. Utskrivet /);
  assert.ok(meta.endsWith(`Utskrivet ${today}.`), meta);
  assert.ok(await page.locator('[data-testid=print-meta]').isVisible());
  assert.match(normalize(await page.locator('[data-testid=print-left-out]').textContent()), /visar alla påslagna åtgärder med vald effekt och målens status men inte: .*källorna och metoden/);
  assert.match(normalize(await page.locator('[data-testid=macc-print-note]').textContent()), /Siffran på en stapel är åtgärdens Nr i tabellen/);
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: join(screenshots, 'print.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'screen' });
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
  // The headline SEK card is the municipality per year (the card in mnkr, the table's
  // column in its own unit): the same amount to the card's rounding.
  const card = normalize(await page.locator('[data-testid=total-sek]').textContent());
  assert.match(card, / mnkr$/);
  const cardKr = Number(card.replace(' mnkr', '').replace('−', '-').replace(',', '.')) * 1e6;
  assert.ok(Math.abs(cardKr - (await value('money-year-municipality'))) <= 50_000, `${card} is the table's municipality per year`);
  const note = normalize(await page.locator('[data-testid=pool-order-note]').textContent());
  assert.match(note, /avfallstrappans ordning/);
});

test('per municipality and inhabitant: one row per chosen municipality, and kg CO2e per inhabitant is its tonnes over its inhabitants', async () => {
  await page.goto(baseUrl, { waitUntil: 'load' });
  const table = page.locator('[data-testid=per-municipality]');
  await table.waitFor({ timeout: 30_000 });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const cell = (c) => tr.querySelector(`[data-col=${c}]`).textContent.replace(/\s+/g, '').replace('−', '-').replace(',', '.');
    return {
      code: tr.getAttribute('data-municipality'),
      name: tr.querySelector('th').textContent.trim(),
      inhabitants: Number(cell('inhabitants')),
      t: Number(cell('t-co2e')),
      kg: Number(cell('kg-co2e-per-inhabitant')),
    };
  }));
  assert.equal(rows.length, 8, 'all eight Sjuhärad municipalities');
  const boras = rows.find((r) => r.code === '1490');
  assert.equal(boras.name, 'Borås');
  assert.equal(boras.inhabitants, 114872);
  for (const r of rows) {
    // Tonnes are shown to 0.1 t, kg per inhabitant to 0.1 kg: agree within those roundings.
    const expectedKg = (r.t * 1000) / r.inhabitants;
    assert.ok(Math.abs(r.kg - expectedKg) <= 0.05 + 50 / r.inhabitants, `${r.name}: ${r.kg} kg vs ${r.t} t / ${r.inhabitants}`);
  }
  assert.match(normalize(await table.textContent()), /positivt = besparing/);
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
  // The slider moves in steps of 0,1 (issue 23): it stands where the box says, not at 56.
  assert.equal(await slider.inputValue(), '55.5');
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
