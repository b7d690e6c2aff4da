// Issue 13: trust (share link, money labels, ranges, MACC, English exports, the sticky
// total, embed). Run by `cargo xtask test` like app.test.mjs (same environment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { baseUrl, expected, screenshots, normalize } from './helpers.mjs';
import {
  page,
  context,
  consoleErrors,
  totalTextOf,
  freshPage,
  moveFirstSlider,
  useSharedContext,
} from './app-context.mjs';

useSharedContext();

test('the share link is short, copies with a confirmation, and a cut or broken link says so instead of showing the defaults as shared', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const p = await freshPage();
  await moveFirstSlider(p);
  const href = new URL(await p.locator('[data-testid=share-link]').getAttribute('href'), baseUrl).toString();
  const hash = new URL(href).hash;
  assert.match(hash, /^#s=2\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/, 'format 2: version, checksum, base64url data');
  assert.ok(href.length < 1_000, `the link survives e-mail (cut at 1 500 characters): ${href.length} characters`);

  // Copying says so, visibly and in a status region.
  await p.locator('[data-testid=copy-link]').click();
  const status = p.locator('[data-testid=copy-status]');
  await p.waitForFunction(() => document.querySelector('[data-testid=copy-status]')?.textContent.includes('kopierad'), null, { timeout: 10_000 });
  assert.equal(await status.getAttribute('role'), 'status');
  assert.ok(await status.isVisible(), 'the confirmation is visible');
  assert.equal(normalize(await status.textContent()), `Länken är kopierad (${href.length} tecken).`);
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), href, 'the clipboard holds the link');
  await p.close();

  // The whole link opens the exact scenario, said to come from the link.
  const whole = await freshPage(href);
  await whole.waitForFunction(
    (want) => document.querySelector('[data-testid=total-co2e]')?.textContent.replace(/\s+/g, ' ').trim() === want,
    normalize(expected.after_slider_total_co2e),
    { timeout: 10_000 },
  );
  assert.equal(await whole.locator('[data-testid=link-problem]').count(), 0);
  await whole.close();

  // A format-1 link (percent-encoded JSON, as the app wrote before) still opens.
  const json = inflateRawSync(Buffer.from(hash.split('.')[2], 'base64url')).toString('utf8');
  const old = await freshPage(`${baseUrl}#s=${encodeURIComponent(json)}`);
  await old.waitForFunction(
    (want) => document.querySelector('[data-testid=total-co2e]')?.textContent.replace(/\s+/g, ' ').trim() === want,
    normalize(expected.after_slider_total_co2e),
    { timeout: 10_000 },
  );
  await old.close();

  // Cut (as an e-mail would), changed, or not a link at all: an alert, and nothing is
  // presented as the shared scenario.
  const cut = href.slice(0, href.length - Math.floor(hash.length / 3));
  const changed = href.replace(/\.([A-Za-z0-9_-])([A-Za-z0-9_-]{20})/, (m, c, rest) => `.${c === 'A' ? 'B' : 'A'}${rest}`);
  const oldCut = `${baseUrl}#s=${encodeURIComponent(json)}`.slice(0, 1_500);
  for (const [what, url, says] of [
    ['cut', cut, /Länken är trasig eller ofullständig/],
    ['changed', changed, /Länken är trasig eller ofullständig/],
    ['#s=%7Bbroken', `${baseUrl}#s=%7Bbroken`, /äldre version av Avfallskalkyl/],
    ['old format cut at 1 500', oldCut, /äldre version av Avfallskalkyl/],
  ]) {
    const b = await freshPage(url);
    const alert = b.locator('[data-testid=link-problem]');
    await alert.waitFor({ timeout: 10_000 });
    assert.equal(await alert.getAttribute('role'), 'alert', what);
    const text = normalize(await alert.textContent());
    assert.match(text, says, `${what}: ${text}`);
    assert.match(text, /Det delade scenariot visas inte: det du ser nedan är standardscenariot, inte avsändarens siffror/, what);
    assert.equal(await b.locator('text=Scenariot har lästs in från länken').count(), 0, `${what}: not said to come from the link`);
    assert.equal(await totalTextOf(b), normalize(expected.default_total_co2e), `${what}: the defaults`);
    if (what === 'cut') await b.screenshot({ path: join(screenshots, 'broken-link.png'), fullPage: false });
    await b.close();
  }
  assert.deepEqual(consoleErrors, [], 'no console errors');
});

test('in English the exports are results.csv and results.json, and the CSV names the measures in English', async () => {
  const p = await freshPage();
  await p.locator('[data-testid=lang-switch]').click();
  await p.waitForFunction(() => document.documentElement.lang === 'en');
  const [csv] = await Promise.all([p.waitForEvent('download'), p.locator('[data-testid=export-csv]').click()]);
  const [json] = await Promise.all([p.waitForEvent('download'), p.locator('[data-testid=export-json]').click()]);
  const [scenario] = await Promise.all([p.waitForEvent('download'), p.locator('[data-testid=export-scenario]').click()]);
  assert.deepEqual(
    [csv, json, scenario].map((d) => d.suggestedFilename().replace(/^avfallskalkyl-.*?-(?=[a-z]+\.)/, '')),
    ['results.csv', 'results.json', 'scenario.csv'],
  );
  const [header, first] = readFileSync(await csv.path(), 'utf8').slice(1).split(/\r?\n/);
  assert.deepEqual(header.split(';').slice(3, 5), ['measure', 'measure_name']);
  const names = await p.$$eval('.measure-name', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(names.includes(first.split(';')[4].replace(/^"|"$/g, '')), first);
  await p.close();
});

test('every money figure says its sign convention and what it includes; the two kinds of range have their own names and ranges are written with words', async () => {
  const p = await freshPage();
  await p.locator('[data-testid=mc-table]').waitFor({ timeout: 30_000 });
  assert.equal(normalize(await p.locator('[data-testid=total-sek-sign]').textContent()), 'Positivt = besparing. Utan engångskostnader.');
  assert.equal(normalize(await p.locator('[data-testid=total-npv-sign]').textContent()), 'Positivt = besparing. Med engångskostnader.');
  const heads = await p.$$eval('[data-testid=results-table] thead th', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
  // One sign convention for every money column, stated once in the caption (issue 23).
  assert.ok(heads.some((h) => h.startsWith('Kommunens nettobesparing, tkr/år')), JSON.stringify(heads));
  assert.ok(heads.some((h) => h.startsWith('Kommunens besparing, kr per t CO2e')), JSON.stringify(heads));
  assert.match(normalize(await p.locator('[data-testid=table-caption]').textContent()), /^Alla kronor i tabellen: positivt = besparing, negativt = kostnad\./);

  // Worst–best case (interval arithmetic) and the Monte Carlo likely range are named apart.
  const labels = await p.$$eval('.range-label', (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(labels, Array(4).fill('Sämsta–bästa fall:'));
  const mcHeads = normalize(await p.locator('[data-testid=mc-table] thead').textContent());
  assert.match(mcHeads, /median · troligt spann 5–95 %/);
  const body = await p.evaluate(() => document.body.innerText);
  assert.ok(!/Intervall/.test(body), 'no figure is just called "Intervall"');

  // Ranges: "a till b" with a real minus sign, never a dash between two numbers.
  const ranges = await p.$$eval(
    '[data-testid$=-range], [data-testid=results-table] td .sub, [data-testid=money-table] td .sub, [data-testid=mc-table] td .sub',
    (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()),
  );
  assert.ok(ranges.length > 40, `${ranges.length} ranges`);
  for (const r of ranges) {
    assert.match(r, /^−?[\d ,]+( mnkr| tkr| kr)? till −?[\d ,]+( mnkr| tkr| kr)?$/, r);
  }
  assert.ok(ranges.some((r) => r.startsWith('−')), 'some range has a negative bound, written with U+2212');

  // The comparison of saved scenarios says the same.
  for (const name of ['Jämför A', 'Jämför B']) {
    await p.locator('[data-testid=scenario-name]').fill(name);
    await p.locator('[data-testid=save-scenario]').click();
    await p.locator(`[data-testid="open-${name}"]`).waitFor();
    await p.locator(`input[aria-label="Jämför: ${name}"]`).check();
  }
  const rows = await p.$$eval('[data-testid=compare-table] tbody th', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
  // A money row names its one unit (from its largest amount) after its label.
  assert.ok(rows.some((r) => /^Kommunens nettobesparing per år, (kr|tkr|mnkr)Positivt = besparing\. Utan engångskostnader\.$/.test(r)), JSON.stringify(rows));
  assert.ok(rows.some((r) => /^Kommunens nettonuvärde, (kr|tkr|mnkr)Positivt = besparing\. Med engångskostnader\.$/.test(r)), JSON.stringify(rows));
  assert.ok(rows.includes('Kommunens kostnad, kr per t CO2ePositivt = kostnad, negativt = besparing. Med engångskostnader, över planperioden.'), JSON.stringify(rows));

  // The same in English.
  await p.locator('[data-testid=lang-switch]').click();
  await p.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(normalize(await p.locator('[data-testid=total-sek-sign]').textContent()), 'Positive = saving. One-time costs not included.');
  assert.match(normalize(await p.locator('[data-testid=total-npv-range]').textContent()), /^SEK −?[\d,.]+ m to SEK −?[\d,.]+ m$/);
  assert.equal(normalize(await p.locator('.range-label').first().textContent()), 'Worst–best case:');
  await p.close();
});

test('the MACC numbers measures as the table does, and bars beyond the scale are broken off with their values', async () => {
  const p = await freshPage();
  const tableNo = Object.fromEntries(
    await p.$$eval('[data-testid=results-table] tbody tr', (rows) =>
      rows.map((r) => [r.dataset.measure, r.querySelector('td.rank').textContent.trim()]),
    ),
  );
  assert.equal(Object.keys(tableNo).length >= 17, true);
  // Sorting the table does not renumber the measures.
  await p.locator('[data-testid=sort-name]').click();
  const afterSort = Object.fromEntries(
    await p.$$eval('[data-testid=results-table] tbody tr', (rows) =>
      rows.map((r) => [r.dataset.measure, r.querySelector('td.rank').textContent.trim()]),
    ),
  );
  assert.deepEqual(afterSort, tableNo);
  const labels = await p.$$eval('[data-testid=chart-macc] g[data-measure]', (gs) =>
    gs.map((g) => [g.dataset.measure, g.querySelector('.bar-label')?.textContent.trim() ?? null]),
  );
  const labelled = labels.filter(([, l]) => l !== null);
  assert.ok(labelled.length >= 5, JSON.stringify(labels));
  for (const [id, label] of labelled) assert.equal(label, tableNo[id], `bar ${id}`);
  const legend = await p.$$eval('.macc-legend li', (lis) => lis.map((li) => [li.dataset.measure, li.getAttribute('value'), li.querySelector('[data-testid=macc-legend-value]').textContent]));
  for (const [id, value] of legend) assert.equal(value, tableNo[id], `legend ${id}`);

  // Clipped bars: a break mark each, and each value in a corner box.
  const clipped = await p.$$eval('g[data-testid^=macc-clipped-]', (gs) => gs.map((g) => [g.dataset.measure, g.querySelectorAll('path.macc-break').length]));
  assert.ok(clipped.length >= 2, `the default scenario has bars beyond the scale: ${JSON.stringify(clipped)}`);
  const boxes = normalize(await p.locator('[data-testid=chart-macc] .macc-callout').allTextContents().then((t) => t.join(' | ')));
  for (const [id, marks] of clipped) {
    assert.equal(marks, 1, `break mark on ${id}`);
    const value = normalize(legend.find(([m]) => m === id)[2]).split(' kr/t')[0];
    assert.ok(boxes.includes(`${tableNo[id]}: ${value} kr/t`), `${id}: "${tableNo[id]}: ${value} kr/t" in ${boxes}`);
  }
  assert.match(normalize(await p.locator('[data-testid=macc-clipped-note]').textContent()), /avbrutna/);
  await p.close();
});

test('on a desktop the compact total stays in view while moving sliders far down the list', async () => {
  const p = await freshPage(baseUrl, { width: 1366, height: 900 });
  const bar = p.locator('[data-testid=sticky-total]');
  assert.equal(await bar.isVisible(), false, 'not shown while the cards are in view');
  const last = p.locator('input[type=range]').last();
  await last.scrollIntoViewIfNeeded();
  await bar.waitFor({ state: 'visible', timeout: 5_000 });
  const box = await bar.boundingBox();
  assert.ok(box && box.y + box.height <= 900 + 1 && box.y > 700, `pinned to the bottom of the window: ${JSON.stringify(box)}`);
  // It follows the slider.
  await last.fill('0');
  await last.dispatchEvent('input');
  await p.waitForFunction(() => {
    const card = document.querySelector('[data-testid=total-co2e]')?.textContent.trim();
    return document.querySelector('[data-testid=sticky-total] strong')?.textContent.trim() === card;
  }, null, { timeout: 10_000 });
  await p.screenshot({ path: join(screenshots, 'wide-1366-scrolled.png'), fullPage: false });
  assert.ok((await p.evaluate(() => document.documentElement.scrollWidth)) <= 1366);
  await p.close();
});

test('embed mode (?embed=1) has no header or footer and fits an iframe from 320 to 800 px', async () => {
  const url = `${baseUrl}?embed=1`;
  for (const width of [320, 480, 640, 800]) {
    const p = await freshPage(url, { width, height: 700 });
    await p.locator('[data-testid=chart-tornado-sek]').waitFor({ timeout: 30_000 });
    assert.equal(await p.locator('header.site-header').count(), 0, `${width}: no header`);
    assert.equal(await p.locator('footer.site-footer').count(), 0, `${width}: no footer`);
    assert.equal(await p.locator('h1').count(), 1, `${width}: still one page heading`);
    const scrollWidth = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${width}: page is ${scrollWidth} px wide`);
    if (width === 320 || width === 800) await p.screenshot({ path: join(screenshots, `embed-${width}.png`), fullPage: false });
    const share = await p.locator('[data-testid=share-link]').getAttribute('href');
    assert.ok(!share.includes('embed'), `a link shared from the embedded app opens the whole app: ${share}`);
    await p.close();
  }
  // In a real iframe on another page.
  const host = await context.newPage();
  await host.setViewportSize({ width: 900, height: 800 });
  await host.setContent(`<!doctype html><title>Kommunen</title><h1>Vår avfallsplan</h1><iframe src="${url}" title="Avfallskalkyl" style="width: 800px; height: 600px; border: 0"></iframe>`);
  const frame = host.frameLocator('iframe');
  await frame.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  assert.equal(normalize(await frame.locator('[data-testid=total-co2e]').first().textContent()), normalize(expected.default_total_co2e));
  const inner = await host.frames()[1].evaluate(() => [document.documentElement.scrollWidth, document.querySelectorAll('header.site-header').length]);
  assert.deepEqual(inner, [800, 0]);
  await host.screenshot({ path: join(screenshots, 'embed-iframe-800.png'), fullPage: false });
  await host.close();
  // Without the parameter the header and footer are there.
  const normal = await freshPage();
  assert.equal(await normal.locator('header.site-header').count(), 1);
  assert.equal(await normal.locator('footer.site-footer').count(), 1);
  await normal.close();
  // Before the split this file's pages were checked by app.test.mjs's last console check.
  assert.deepEqual(consoleErrors, [], 'no console errors');
});
