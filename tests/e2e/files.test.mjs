// Files in, files out (issue 22): the app's import refuses a quote that never closes by the
// line it opened on, and its exports guard every text cell against CSV injection as the
// spreadsheet reads it. Run by `cargo xtask test` like app.test.mjs (same environment:
// E2E_BASE_URL, E2E_CHROMIUM, E2E_CHROMIUM_ARGS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { baseUrl, launch, normalize } from './helpers.mjs';

let browser;
const consoleErrors = [];

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A fresh page with the app loaded (its own localStorage: a new context per page). */
const openApp = async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // Only the local server may be contacted.
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') {
      return route.continue();
    }
    consoleErrors.push(`request to ${route.request().url()}`);
    return route.abort();
  });
  const p = await ctx.newPage();
  p.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  p.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
  await p.goto(baseUrl, { waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').first().waitFor({ timeout: 30_000 });
  return p;
};

const total = async (p) => normalize(await p.locator('[data-testid=total-co2e]').first().textContent());

const importFile = async (p, name, text) => {
  await p.locator('[data-testid=import-file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
};

test('an import with a quote that never closes is refused by the line the quote opened on', async () => {
  const p = await openApp();
  const before = await total(p);
  // The file: Borås's comment opens a quote that swallows Mark and Tranemo.
  await importFile(
    p,
    'citat.csv',
    'kommun;åtgärd;kommentar\nBorås;food_households;"obs\nMark;food_households;\nTranemo;food_households;\n',
  );
  const errors = p.locator('[data-testid=import-errors]');
  await errors.waitFor({ timeout: 10_000 });
  assert.equal(
    normalize(await errors.textContent()),
    "rad 2, kolumn 'kommentar': citattecknet som börjar här (\"obs) fortsätter över rad 3, som ser ut som en egen rad; avsluta det med \" på samma rad",
  );
  assert.equal(await total(p), before, 'nothing applied');

  // Open at the end of the file (CRLF, as Excel on Windows writes it).
  await importFile(
    p,
    'citat2.csv',
    'kommun;åtgärd;kommentar\r\nMark;food_households;ok\r\nBorås;food_households;"obs\r\nmer text\r\n',
  );
  await p.waitForFunction(
    () => document.querySelector('[data-testid=import-errors]')?.textContent.includes('rad 3'),
    null,
    { timeout: 10_000 },
  );
  const text = normalize(await errors.textContent());
  assert.ok(
    text.startsWith(
      "rad 3, kolumn 'kommentar': citattecknet som börjar här (\"obs) avslutas aldrig: resten av filen skulle bli en enda cell",
    ),
    text,
  );
  assert.equal(await total(p), before, 'nothing applied');
  await p.close();
});

/** The first cell of each data row of an exported CSV (UTF-8 with BOM, `;`). */
const firstCells = (bytes) => {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const rows = bytes.toString('utf8').slice(1).split(/\r?\n/).filter(Boolean).slice(1);
  return rows.map((r) => r.split(';')[0].replace(/^"/, ''));
};

const download = async (p, testid) => {
  const button = p.locator(`[data-testid=${testid}]`);
  await button.scrollIntoViewIfNeeded();
  const [d] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), button.click()]);
  return readFileSync(await d.path());
};

test('exports guard a scenario name hidden behind a BOM, a zero-width space or in full width', async () => {
  const p = await openApp();
  let lastScenario;
  // Imported names: U+FEFF, a zero-width space or nothing before a formula, full-width ＝,
  // and names that look like numbers.
  for (const [i, name] of ['\u{feff}=1+1', '\u{200b}=2+2', '\u{ff1d}3+3', '+1', '-1'].entries()) {
    await importFile(p, `namn${i}.csv`, `scenario;kommun;åtgärd\n${name};Borås;food_school_kitchens\n`);
    await p.waitForFunction(
      (n) => document.querySelector('[data-testid=import-ok]')?.textContent.includes(`namn${n}.csv`),
      i,
      { timeout: 10_000 },
    );
    assert.equal(await p.locator('[data-testid=scenario-name]').inputValue(), name, 'the imported name');
    for (const testid of ['export-csv', 'export-scenario']) {
      const bytes = await download(p, testid);
      if (testid === 'export-scenario') lastScenario = bytes;
      const cells = firstCells(bytes);
      assert.ok(cells.length > 0, testid);
      for (const c of cells) {
        assert.equal(c, `'${name}`, `${testid}: ${JSON.stringify(name)} is written as text`);
      }
    }
  }
  // The exported scenario file reads back with the original name. (The last one is
  // reused: Chromium holds back an eleventh download from one page as "multiple
  // automatic downloads".)
  const back = lastScenario;
  await importFile(p, 'tillbaka.csv', back.toString('utf8'));
  await p.locator('[data-testid=import-ok]').waitFor({ timeout: 10_000 });
  assert.equal(await p.locator('[data-testid=scenario-name]').inputValue(), '-1');
  assert.deepEqual(consoleErrors, [], 'no console errors');
  await p.close();
});
