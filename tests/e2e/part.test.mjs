// Issue 26, "Din del" and any municipality. An official from meal services (kost) opens
// "Din del" from the start screen with the keyboard, picks their unit and reads what it
// gives; every figure on screen is checked against the CLI's `evaluate --by unit` for the
// same scenario (the built-in default: the CLI's `template`, which is the app's start).
// A municipality outside Sjuhärad (Umeå, 2480) is added in the app with its population
// and its per-inhabitant results are checked by hand against the national defaults.
// At 1366 and 390 px, with axe-core at zero in every state reached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, normalize, totalText, waitForTotal, axeViolations, typeInto, screenshots } from './helpers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let browser;
/** The CLI's `evaluate --by unit --format json` for the default scenario: its kost unit. */
let kost;
before(async () => {
  browser = await launch();
  const dir = mkdtempSync(join(tmpdir(), 'avfallskalkyl-part-'));
  const scenario = join(dir, 'default.csv');
  const cli = (args) =>
    execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'cli', '--', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  cli(['template', '--out', scenario]);
  const out = JSON.parse(cli(['evaluate', scenario, '--by', 'unit', '--format', 'json']));
  const doc = Array.isArray(out) ? out[0] : out;
  kost = doc.units.find((u) => u.unit === 'kost');
  assert.ok(kost, 'the CLI lists kost');
  assert.ok(readFileSync(scenario, 'utf8').length > 0);
});
after(async () => {
  await browser?.close();
});

// ----- the app's Swedish number formatting, for the CLI's exact decimals ---------------

/** Rounds a decimal text to `dp` places, half away from zero (as calc-core's formatter). */
const round = (text, dp) => {
  const x = Number(text);
  const f = 10 ** dp;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
};
/** A number as the app writes it in Swedish: "1 234,5", "−6 283" (spaces normalised). */
const sv = (x, dp) => {
  const [int, frac] = Math.abs(x).toFixed(dp).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const neg = x < 0 && Number(Math.abs(x).toFixed(dp)) !== 0;
  return `${neg ? '−' : ''}${grouped}${frac ? `,${frac}` : ''}`;
};
/** kg CO2e (CLI text) → "193,1" (t, one decimal). */
const t1 = (kg) => sv(round(Number(kg) / 1000, 1), 1);
/** SEK (CLI text) → "91 135 kr". */
const kr = (sek) => `${sv(round(sek, 0), 0)} kr`;
/** A band of kg CO2e → the app's main value and its "low till high" line. */
const tBand = (b) => [t1(b.central), b.low === b.high ? '' : `${t1(b.low)} till ${t1(b.high)}`];
const krBand = (b) => [kr(b.central), b.low === b.high ? '' : `${kr(b.low)} till ${kr(b.high)}`];

/** A cell's main value and range as shown. */
const cell = async (p, testid) => {
  const c = p.locator(`[data-testid="${testid}"]`);
  const main = normalize(await c.locator('.main').textContent());
  const sub = (await c.locator('.sub').count()) ? normalize(await c.locator('.sub').textContent()) : '';
  return [main, sub];
};

const names = {
  food_school_kitchens: 'Minska matsvinnet i skolkök',
};

test('an official from meal services walks through "Din del"; the figures are the CLI’s `evaluate --by unit`', async () => {
  for (const width of [1366, 390]) {
    const p = await openPage(browser, { width });
    // The way in: a button near the top of the start screen, before the calculator.
    const open = p.locator('[data-testid=part-open]');
    const box = await open.boundingBox();
    assert.ok(box && box.y < 260, `"Din del" is near the top at ${width} px (y = ${box?.y})`);
    assert.deepEqual(await axeViolations(p), [], `start screen at ${width} px`);

    // Keyboard only: focus the button, Enter; focus moves to the view's heading; Tab to
    // the first unit (kost), Space to choose it.
    await open.focus();
    await p.keyboard.press('Enter');
    await p.locator('[data-testid=part-view]').waitFor();
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'part-title');
    assert.equal(await p.locator('[data-testid=part-none]').count(), 1);
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.activeElement?.dataset.testid), 'unit-kost');
    await p.keyboard.press('Space');
    const section = p.locator('[data-testid=part-kost]');
    await section.waitFor();
    // The address is a link to this view.
    assert.match(new URL(p.url()).search, /[?&]del=kost(&|$)/);

    // Its share of the plan (only the measures it leads), 4,1 % in the default scenario.
    const share = normalize(await p.locator('[data-testid=part-kost-share-value]').textContent());
    assert.equal(share, `${sv(round(kost.share_of_total * 100, 1), 1)} %`);

    // What it gives: every measure it carries, per year and over the plan period.
    const c = kost.carried;
    assert.deepEqual(await cell(p, 'part-kost-co2e-year'), tBand(c.co2e_saved_kg_per_year));
    assert.deepEqual((await cell(p, 'part-kost-co2e-period'))[0], t1(c.co2e_saved_kg_cumulative.central));
    for (const payer of ['waste_fee', 'municipal_budget', 'households']) {
      assert.deepEqual(await cell(p, `part-kost-${payer}-year`), krBand(c.sek_saved_per_year_by_payer[payer]), payer);
      assert.deepEqual(await cell(p, `part-kost-${payer}-period`), krBand(c.sek_saved_cumulative_by_payer[payer]), payer);
    }

    // The measures its work drives, with its role, in the CLI's order.
    const rows = p.locator('[data-testid=part-kost-measures] tbody tr');
    assert.deepEqual(
      await rows.evaluateAll((trs) => trs.map((tr) => [tr.dataset.measure, tr.dataset.role])),
      kost.measures.map((m) => [m.measure, m.role]),
    );
    for (const m of kost.measures) {
      assert.deepEqual(await cell(p, `part-kost-${m.measure}-co2e`), tBand(m.co2e_saved_kg_per_year), m.measure);
    }
    assert.equal(normalize(await rows.first().locator('th').textContent()), names[kost.measures[0].measure]);

    // The targets it serves, and the share of each needed change (municipalities with the
    // same figures share a row, as in the CLI's table).
    const targetRows = p.locator('[data-testid=part-kost-targets] tbody tr');
    const shown = await targetRows.evaluateAll((trs) =>
      trs.map((tr) => [tr.dataset.target, tr.querySelector('[data-testid=share-of-needed]').textContent.replace(/\s+/g, ' ').trim()]),
    );
    const served = kost.targets.filter((x) => Number(x.change) !== 0);
    assert.ok(shown.length >= 1 && served.length >= 1);
    const want = new Set(served.map((x) => `${x.target}|${x.share_of_needed === null ? '–' : `${sv(round(x.share_of_needed * 100, 1), 1)} %`}`));
    assert.deepEqual(new Set(shown.map(([t, s]) => `${t}|${s}`)), want);
    // 38,8 % of the kitchens' 35 g target in the default scenario (CLI table, by hand:
    // −11,4 of the needed −29,5 g per portion).
    assert.ok(shown.some(([t, s]) => t === 'kitchen_food_waste_35g' && s === '38,8 %'), JSON.stringify(shown));

    // The next best measures, by the municipality's cost per tonne, cheapest first.
    const next = p.locator('[data-testid=part-kost-next] li');
    assert.deepEqual(
      await next.evaluateAll((lis) => lis.map((li) => li.dataset.measure)),
      kost.next_best.map((x) => x.measure),
    );
    // The municipality's cost per tonne over the plan period: −(waste fee + budget) ÷ t
    // CO2e, e.g. school kitchens −(243 158 + 2 645 026) kr ÷ 459,7 t = −6 283 kr/t.
    for (const x of kost.next_best) {
      const money = Number(x.sek_saved_cumulative_by_payer.waste_fee.central) + Number(x.sek_saved_cumulative_by_payer.municipal_budget.central);
      const cost = -money / (Number(x.co2e_saved_kg_cumulative.central) / 1000);
      assert.equal(normalize(await p.locator(`[data-testid="part-kost-next-${x.measure}"]`).textContent()), sv(round(cost, 0), 0), x.measure);
    }
    assert.equal(normalize(await p.locator('[data-testid="part-kost-next-food_school_kitchens"]').textContent()), '−6 283');

    // Phone: the tables are cards, nothing scrolls sideways.
    if (width === 390) {
      assert.equal(await rows.first().evaluate((tr) => getComputedStyle(tr).display), 'block');
      const [sw, cw] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(sw <= cw, `no sideways scroll at 390 px: ${sw} > ${cw}`);
    }
    await p.locator('[data-testid=part-view]').screenshot({ path: join(screenshots, `part-kost-${width}.png`) });
    assert.deepEqual(await axeViolations(p), [], `"Din del" for kost at ${width} px`);

    // Back to the whole plan: focus returns to the button, the link loses `del`.
    await p.locator('[data-testid=part-close]').click();
    await p.locator('[data-testid=part-open]').waitFor();
    assert.equal(await p.evaluate(() => document.activeElement?.dataset.testid), 'part-open');
    assert.doesNotMatch(new URL(p.url()).search, /del=/);
    await p.context().close();
  }
});

test('a link opens "Din del" for several units; printed, each unit is one A4 page', async () => {
  const p = await openPage(browser, { width: 1366, url: '?del=kost,it', ready: '[data-testid=part-view]' });
  await p.locator('[data-testid=part-kost]').waitFor();
  await p.locator('[data-testid=part-it]').waitFor();
  assert.equal(await p.locator('[data-testid=unit-kost]').isChecked(), true);
  assert.equal(await p.locator('[data-testid=unit-it]').isChecked(), true);
  assert.deepEqual(await axeViolations(p), [], 'two units');
  await p.emulateMedia({ media: 'print' });
  const pdf = await p.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 2, 'one page per unit');
  // An unknown unit in a link is named, not dropped silently.
  const q = await openPage(browser, { width: 1366, url: '?del=kost,kok', ready: '[data-testid=part-view]' });
  assert.match(normalize(await q.locator('[data-testid=part-unknown]').textContent()), /kok/);
  // In English, at 390 px: the same view, the English texts, axe at zero.
  const en = await openPage(browser, { width: 390, url: '?lang=en&del=kost', ready: '[data-testid=part-kost]' });
  assert.equal(normalize(await en.locator('#part-title').textContent()), 'Your part of the waste plan');
  assert.match(normalize(await en.locator('[data-testid=part-kost] h3').textContent()), /^Meal services – your part of the waste plan$/);
  assert.deepEqual(await axeViolations(en), [], 'in English at 390 px');
  await p.context().close();
  await q.context().close();
  await en.context().close();
});

test('a municipality outside Sjuhärad: Umeå with its population gets the national defaults per inhabitant', async () => {
  for (const width of [1366, 390]) {
    const p = await openPage(browser, { width });
    await p.locator('[data-testid=muni-all]').uncheck();
    await p.locator('[data-testid=own-muni-details] summary').click();
    // A refusal at its field: calc-core's own check (a population must be positive).
    await typeInto(p.locator('[data-testid=own-muni-name]'), 'Umeå');
    await typeInto(p.locator('[data-testid=own-muni-population]'), '0');
    await typeInto(p.locator('[data-testid=own-muni-date]'), '2024-12-31');
    await typeInto(p.locator('[data-testid=own-muni-source]'), 'Testsiffra');
    await p.locator('[data-testid=own-muni-add]').click();
    await p.locator('[data-testid=own-muni-population-error]').waitFor();
    assert.equal(await p.locator('[data-testid=own-muni-population]').getAttribute('aria-invalid'), 'true');
    assert.equal(await p.locator('[data-testid=own-muni-name]').getAttribute('aria-invalid'), null);
    assert.deepEqual(await axeViolations(p), [], `a refused population at ${width} px`);
    await typeInto(p.locator('[data-testid=own-muni-population]'), '100 000');
    await p.locator('[data-testid=own-muni-add]').click();
    const umea = p.locator('[data-testid=muni-2480]');
    await umea.waitFor();
    assert.equal(await umea.isChecked(), true);

    // One measure, household food waste (food_households), as in cli/tests/units.rs:
    // by hand from the national defaults in factors/data, nothing of Sjuhärad's own:
    // 15 kg avoidable food waste per inhabitant × 100 000 = 1 500 t; 8 % expected effect
    // → 120 t a year = 1,2 kg per inhabitant; a tonne prevented saves 2 070 kg CO2e less
    // the 40 % that went to digestion (0,4 × −70): 2 042 kg; 120 × 2 042 = 245 040 kg
    // = 245,0 t a year = 2,4504 kg per inhabitant (shown 2,5); the municipality saves
    // 129 925,92 kr of treatment and pays 5 kr × 100 000 running cost: −370 074,08 kr
    // = −3,70 kr per inhabitant (shown −4 kr); households avoid 40 034,69 kr/t × 120 t of
    // food: society 4 434 088,72 kr = 44,34 kr per inhabitant (shown 44 kr).
    for (const id of await p.locator('[data-testid^=measure-toggle-]').evaluateAll((els) => els.filter((e) => e.checked).map((e) => e.dataset.testid))) {
      if (id !== 'measure-toggle-food_households') await p.locator(`[data-testid=${id}]`).uncheck();
    }
    await waitForTotal(p, '245,0');
    const row = p.locator('[data-testid=per-municipality] tr[data-municipality="2480"]');
    await row.waitFor();
    assert.equal(normalize(await row.locator('th').textContent()), 'Umeå');
    const col = async (c) => normalize(await row.locator(`td[data-col="${c}"]`).textContent());
    assert.equal(await col('inhabitants'), '100 000');
    assert.equal(await col('t-co2e'), '245,0');
    assert.equal(await col('kg-co2e-per-inhabitant'), '2,5');
    assert.equal(await col('sek-per-inhabitant'), '−4 kr');
    assert.equal(normalize(await row.locator('td').last().textContent()), '44 kr');
    // No built-in targets: the targets card says so and points to the form.
    assert.match(normalize(await p.locator('[data-testid=targets-outside]').textContent()), /^Umeå: inga inbyggda mål/);
    assert.deepEqual(await axeViolations(p), [], `Umeå at ${width} px`);
    if (width === 390) {
      const [sw, cw] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(sw <= cw, `no sideways scroll at 390 px: ${sw} > ${cw}`);
    }
    // Kept in the working state: a reload has Umeå, chosen, with the same total.
    await p.reload();
    await p.locator('[data-testid=muni-2480]').waitFor();
    assert.equal(await p.locator('[data-testid=muni-2480]').isChecked(), true);
    assert.equal(normalize(await totalText(p)), '245,0');
    if (width === 1366) {
      // Refined with its own figures, as Sjuhärad's municipalities can: 40 kg household food
      // waste per inhabitant, all of it to digestion. The measure still reaches its 1 500 t
      // (the pool now has 4 000 t) and moves 120 t, but a prevented tonne now saves
      // 2 070 − 70 = 2 000 kg: 120 × 2 000 = 240 000 kg = 240,0 t a year.
      await p.locator('[data-testid=own-municipality]').selectOption('2480');
      await p.locator('[data-testid=own-pool]').selectOption('household_food');
      await p.locator('[data-testid=own-year]').fill('2024');
      await p.locator('[data-testid=own-quantity]').fill('40');
      await p.locator('[data-testid=own-unit]').selectOption('kg_per_inhabitant');
      await p.locator('[data-testid=own-share-anaerobic_digestion]').fill('100');
      await p.locator('[data-testid=own-source]').fill('Testsiffra');
      await p.locator('[data-testid=own-add]').click();
      await waitForTotal(p, '240,0');
      assert.match(normalize(await p.locator('[data-testid=own-status]').textContent()), /Umeå, Hushållens matavfall/);
      assert.deepEqual(await axeViolations(p), [], 'Umeå with own figures');
    }
    await p.context().close();
  }
});
