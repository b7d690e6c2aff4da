// Issue 23, "The app, trusted for a planner's afternoon": fields that show what the
// calculation uses, work kept across reloads, numbers that agree, whose money, language.
// Each test opens its own browser context (its own localStorage). Expected numbers come
// from the app's calc-core path (`cargo xtask expected`, web/src/testing.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  launch,
  openPage,
  expected,
  normalize,
  totalText,
  waitForTotal,
  axeViolations,
  typeInto,
  screenshots,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const first = 'food_school_kitchens';

test('the effect box marks what it cannot use, names the range and the value used, and the slider shows a typed decimal', async () => {
  for (const width of [1366, 390]) {
    const p = await openPage(browser, { width });
    const box = p.locator(`[data-testid=effect-number-${first}]`);
    const msg = p.locator(`[data-testid=effect-msg-${first}]`);
    const slider = p.locator('[data-testid=effect-slider]');
    const used = await box.inputValue();
    assert.equal(await msg.getAttribute('aria-live'), 'polite', 'the message is a live region, in the page before it speaks');
    assert.equal(await box.getAttribute('aria-describedby'), await msg.getAttribute('id'));
    // Pasted (one input event): the calculation keeps the value it had. (Typed key by key,
    // "100,5" passes through 100, which is then the value used and named in the message.)
    for (const bad of ['abc', '', '100,5', '-5', '200', '55,55']) {
      await box.fill(bad);
      assert.equal(await box.inputValue(), bad, `"${bad}" stays on screen`);
      assert.equal(await box.getAttribute('aria-invalid'), 'true', `"${bad}" is marked invalid`);
      const text = normalize(await msg.textContent());
      assert.match(text, /från 0 till 100/, `"${bad}": the message names the range: ${text}`);
      assert.ok(text.includes(`Beräkningen använder ${used} %`), `"${bad}": the message names the value used: ${text}`);
      assert.equal(await totalText(p), normalize(expected.default_total_co2e), `"${bad}" leaves the total at the value used`);
      if (bad === 'abc' && width === 1366) {
        assert.deepEqual(await axeViolations(p), [], 'an invalid effect box');
      }
    }
    // Typed key by key, "100,5" passes through "100": the message names that as the value used.
    await typeInto(box, '100,5');
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.ok(normalize(await msg.textContent()).endsWith('Beräkningen använder 100 %.'), await msg.textContent());
    assert.equal(await slider.inputValue(), '100', 'the slider shows the value used');
    assert.equal(await slider.getAttribute('step'), '0.1', 'the slider takes every value the box takes');
    await typeInto(box, '55,5');
    await waitForTotal(p, expected.effect_55_5_total_co2e);
    assert.equal(await box.getAttribute('aria-invalid'), null, 'a valid value is not marked');
    assert.equal(normalize(await msg.textContent()), '', 'and has no message');
    assert.equal(await slider.inputValue(), '55.5', 'the slider stands at 55,5, not 56');
    assert.deepEqual(p.problems, []);
    await p.context().close();
  }
});

test('a quantity above what the waste holds says it is capped where it is typed; a quantity that is not a number is marked', async () => {
  const p = await openPage(browser, { width: 1366 });
  await p.locator(`[data-testid=measure-toggle-${first}]`).locator('xpath=ancestor::li').locator('summary').click();
  const field = p.locator(`[data-testid=${first}-quantity]`);
  const msg = p.locator(`[data-testid=${first}-quantity-msg]`);
  await typeInto(field, '500');
  await field.press('Tab');
  await p.waitForFunction((id) => document.querySelector(`[data-testid=${id}-quantity-msg]`)?.textContent.trim() !== '', first);
  const capped = normalize(await msg.textContent());
  assert.ok(
    capped.includes(`beräkningen använder ${normalize(expected.first_measure_reach)} t/år`),
    `the cap is said at the field, with the tonnes used: ${capped}`,
  );
  assert.equal(await totalText(p), normalize(expected.default_total_co2e), 'capped at the default reach: the default total');
  assert.equal(await field.getAttribute('aria-invalid'), null, 'a capped value is not invalid');
  await p.screenshot({ path: join(screenshots, 'afternoon-quantity-capped.png') });

  for (const bad of ['abc', '-5']) {
    await typeInto(field, bad);
    await field.press('Tab');
    assert.equal(await field.inputValue(), bad, `"${bad}" stays`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', `"${bad}" is marked invalid`);
    assert.match(normalize(await msg.textContent()), /^Ange ett tal, 0 eller större/, `"${bad}": the message`);
  }
  assert.deepEqual(await axeViolations(p), [], 'an invalid quantity field');
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test('the working state and the language survive a reload; "Återställ standardvärden" brings the defaults back; ?lang=en is honoured', async () => {
  const p = await openPage(browser, { width: 1366 });
  const slider = p.locator('[data-testid=effect-slider]');
  await slider.fill(String(expected.slider_value));
  await slider.dispatchEvent('input');
  await waitForTotal(p, expected.after_slider_total_co2e);
  await p.locator('[data-testid=lang-switch]').click();
  await p.waitForFunction(() => document.documentElement.lang === 'en');

  await p.reload({ waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').waitFor({ timeout: 30_000 });
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'en', 'the language is kept');
  // English numbers: the expected Swedish text with a decimal point.
  const en = (sv) => normalize(sv).replace(/ /g, ',').replace(/,(\d)$/, '.$1');
  assert.equal(await totalText(p), en(expected.after_slider_total_co2e), 'the slider change is kept');

  await p.getByRole('button', { name: 'Reset to defaults' }).click();
  await waitForTotal(p, en(expected.default_total_co2e));
  await p.reload({ waitUntil: 'load' });
  await p.locator('[data-testid=total-co2e]').waitFor({ timeout: 30_000 });
  assert.equal(await totalText(p), en(expected.default_total_co2e), 'the defaults are kept after a reload too');
  await p.context().close();

  const q = await openPage(browser, { width: 390, url: '?lang=en' });
  assert.equal(await q.evaluate(() => document.documentElement.lang), 'en', '?lang=en opens in English');
  assert.equal(await totalText(q), en(expected.default_total_co2e));
  assert.deepEqual([...p.problems, ...q.problems], []);
  await q.context().close();
});

test('saving under a name that is taken asks: replace it or keep both', async () => {
  const p = await openPage(browser, { width: 1366 });
  const name = p.locator('[data-testid=scenario-name]');
  await name.fill('Plan A');
  await p.locator('[data-testid=save-scenario]').click();
  await p.locator('[data-testid="open-Plan A"]').waitFor();
  await p.locator('[data-testid=save-scenario]').click();
  const conflict = p.locator('[data-testid=save-conflict]');
  await conflict.waitFor({ timeout: 5_000 });
  assert.match(normalize(await conflict.textContent()), /Det finns redan ett sparat scenario som heter ”Plan A”/);
  assert.deepEqual(await axeViolations(p), [], 'the question on screen');
  await p.locator('[data-testid=save-both]').click();
  await p.locator('[data-testid="open-Plan A (2)"]').waitFor({ timeout: 5_000 });
  assert.equal(await p.locator('[data-testid=saved-list] li').count(), 2, 'both are kept');
  await p.locator('[data-testid=save-scenario]').click();
  await conflict.waitFor();
  await p.locator('[data-testid=save-replace]').click();
  await conflict.waitFor({ state: 'detached' });
  assert.equal(await p.locator('[data-testid=saved-list] li').count(), 2, 'replaced, not added');
  await p.context().close();
});

test('importing a one-row file says which measures it switched off', async () => {
  const p = await openPage(browser, { width: 1366 });
  await p.locator('[data-testid=import-file]').setInputFiles({
    name: 'en-rad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('kommun;atgard;effekt_procent\nBorås;textile_collection;50\n', 'utf8'),
  });
  const off = p.locator('[data-testid=import-switched-off]');
  await off.waitFor({ timeout: 10_000 });
  const text = normalize(await off.textContent());
  const toggles = await p.$$eval('[data-testid^=measure-toggle-]', (els) => els.map((e) => e.checked));
  const offCount = toggles.filter((c) => !c).length;
  assert.equal(offCount, toggles.length - 1, 'one measure on');
  assert.ok(text.startsWith(`Åtgärder som inte finns i filen har stängts av (${offCount}): `), text);
  assert.ok(text.includes('Minska matsvinnet i skolkök'), 'by name, not id');
  await p.context().close();
});

/** The budget panel's package rows and sum row, read from the page. */
const packageSums = (p) =>
  p.evaluate(() => {
    const num = (el) => Number((el.querySelector('.main') ?? el).textContent.replace(/[^\d,−-]/g, '').replace('−', '-').replace(',', '.'));
    const col = (prefix) => [...document.querySelectorAll(`[data-testid^=${prefix}]`)].map(num);
    return {
      once: col('package-once-'),
      year: col('package-year-'),
      onceSum: num(document.querySelector('[data-testid=best-package-once]')),
      yearSum: num(document.querySelector('[data-testid=best-package-year]')),
    };
  });

test('the budget panel: rows add up to the sum row for every payer, 0/0 says one thing, the next krona says one-time and per year', async () => {
  const p = await openPage(browser, { width: 1366 });
  await p.locator('table[data-testid=best-package]').waitFor({ timeout: 30_000 });
  for (const payer of ['municipality', 'waste_fee', 'municipal_budget']) {
    await p.locator('[data-testid=budget-payer]').selectOption(payer);
    await p.waitForTimeout(300);
    await p.locator('table[data-testid=best-package]').waitFor({ timeout: 30_000 });
    const s = await packageSums(p);
    assert.ok(s.once.length > 0, `${payer}: rows`);
    const add = (xs) => xs.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(add(s.once) - s.onceSum) <= s.once.length, `${payer}: one-time rows ${add(s.once)} = sum ${s.onceSum}`);
    assert.ok(Math.abs(add(s.year) - s.yearSum) <= s.year.length, `${payer}: yearly rows ${add(s.year)} = sum ${s.yearSum}`);
  }
  const next = normalize(await p.locator('[data-testid=next-step]').textContent());
  assert.match(next, /i engångskostnad och .* per år/, `the next krona says one-time and per year: ${next}`);
  const head = await p.$$eval('table[data-testid=best-package] thead th', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(head.includes('Andel av inställd effekt'), JSON.stringify(head));
  await p.locator('[data-testid=budget-payer]').selectOption('municipality');

  await p.locator('[data-testid=budget-once]').fill('0');
  await p.locator('[data-testid=budget-year]').fill('0');
  await p.waitForFunction(() => document.querySelector('p[data-testid=best-package]') !== null, null, { timeout: 30_000 });
  const budget = normalize(await p.locator('section.budget').textContent());
  assert.ok(budget.includes('Budgeten räcker inte till någon åtgärd.'));
  assert.ok(!budget.includes('Alla åtgärder som minskar utsläppen ryms i budgeten.'), 'not both sentences');
  assert.deepEqual(await axeViolations(p), [], 'an empty package');
  await p.context().close();
});

test('the headline shows the waste fee and the municipal budget each, in the card and in the sticky bar', async () => {
  for (const width of [1366, 390]) {
    const p = await openPage(browser, { width });
    const [fee, budget] = expected.default_payers_per_year.map(normalize);
    assert.equal(normalize(await p.locator('[data-testid=total-sek-waste-fee]').textContent()), fee);
    assert.equal(normalize(await p.locator('[data-testid=total-sek-budget]').textContent()), budget);
    const labels = (await p.locator('[data-testid=total-sek-payers] li').allTextContents()).map(normalize);
    assert.deepEqual(labels, [`Avfallstaxan: ${fee}`, `Kommunens budget: ${budget}`]);
    // Nothing sticks out of the cards.
    const over = await p.$$eval('.card', (cs) => cs.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.querySelector('.card-title').textContent));
    assert.deepEqual(over, [], 'no card content wider than its card');
    assert.ok(await p.locator('[data-testid=total-npv-waste-fee]').isVisible());
    const sticky = normalize(await p.locator('[data-testid=sticky-payers]').textContent());
    assert.equal(sticky, `Avfallstaxan: ${fee} per år Kommunens budget: ${budget} per år`);
    await p.locator('.cards').screenshot({ path: join(screenshots, `afternoon-totals-${width}.png`) });
    await p.context().close();
  }
});

test('print: the chosen municipalities in the title, each measure with its effect, the targets with their status, notes at 8 pt or more', async () => {
  const p = await openPage(browser, { width: 1366 });
  // Two municipalities chosen in a scenario still named after the defaults.
  await p.locator('[data-testid=muni-all]').uncheck();
  await p.locator('[data-testid=muni-1490]').check();
  await p.locator('[data-testid=muni-1443]').check();
  await p.locator('[data-testid=total-co2e]').waitFor();
  await p.locator(`[data-testid=effect-number-${first}]`).fill('55,5');
  await p.locator('[data-testid=target-status-table]').first().waitFor({ timeout: 30_000 });
  await p.emulateMedia({ media: 'print' });
  assert.equal(normalize(await p.locator('[data-testid=print-title]').textContent()), 'Sammanfattning för beslut – Borås, Bollebygd');
  assert.equal(normalize(await p.locator(`[data-testid=print-effect-${first}]`).textContent()), '(effekt 55,5 %)');
  assert.ok(await p.locator(`[data-testid=print-effect-${first}]`).isVisible(), 'the effect prints');
  const tables = p.locator('[data-testid=target-status-table]');
  assert.equal(await tables.count(), 3);
  assert.ok(await tables.first().isVisible(), 'the targets print');
  assert.ok(await p.locator('[data-testid=target-status-basis]').first().isVisible(), 'with what their status is read from');
  assert.equal(await p.locator('[data-testid=target-form]').isVisible(), false, 'not their forms');
  const small = await p.$$eval('.card-sign, .card-range, .card-note, .card-payers, .money .hint, .print-left-out, [data-testid=target-status-basis]', (els) =>
    els
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.className, (parseFloat(getComputedStyle(e).fontSize) * 72) / 96])
      .filter(([, pt]) => pt < 8 - 1e-6),
  );
  assert.deepEqual(small, [], 'notes and ranges at 8 pt or more');
  const pdf = await p.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages <= 2, `${pages} pages`);
  await p.setViewportSize({ width: 794, height: 1123 });
  await p.screenshot({ path: join(screenshots, 'afternoon-print.png'), fullPage: true });
  await p.context().close();
});

test('comparison names the municipalities; no municipality gives a prompt, not zeros; embed keeps a link to the statement', async () => {
  const p = await openPage(browser, { width: 1366 });
  const save = async (name) => {
    await p.locator('[data-testid=scenario-name]').fill(name);
    await p.locator('[data-testid=save-scenario]').click();
    await p.locator(`[data-testid="open-${name}"]`).waitFor();
    await p.locator(`input[aria-label="Jämför: ${name}"]`).check();
  };
  await save('Alla');
  await p.locator('[data-testid=muni-all]').uncheck();
  await p.locator('[data-testid=muni-1490]').check();
  await p.locator('[data-testid=muni-1443]').check();
  await save('Två');
  const towns = (await p.locator('[data-testid=compare-municipalities]').allTextContents()).map(normalize);
  assert.deepEqual(towns, ['Hela Sjuhärad', 'Borås, Bollebygd']);

  // "Hela Sjuhärad" on, then off: no municipality.
  await p.locator('[data-testid=muni-all]').check();
  await p.locator('[data-testid=muni-all]').uncheck();
  await p.locator('[data-testid=no-municipality]').waitFor({ timeout: 5_000 });
  assert.equal(normalize(await p.locator('[data-testid=no-municipality]').textContent()), 'Välj minst en kommun för att se resultat.');
  assert.equal(await p.locator('[data-testid=total-co2e]').count(), 0, 'no 0,0 card');
  assert.equal(await p.locator('[data-testid=sticky-total]').count(), 0, 'no 0 kr bar');
  assert.deepEqual(await axeViolations(p), [], 'no municipality chosen');
  await p.context().close();

  for (const width of [1366, 390]) {
    const e = await openPage(browser, { width, url: '?embed=1' });
    const link = e.locator('[data-testid=embed-statement]');
    assert.equal(await link.getAttribute('href'), './tillganglighet.html');
    assert.ok(await link.isVisible(), `${width}: the statement link is in the frame`);
    await e.context().close();
  }
});

test('no internal ids or file paths on screen: targets by their text, sources by title, drivers shares in words beyond 100 %', async () => {
  const p = await openPage(browser, { width: 1366 });
  await p.locator('[data-testid=target-list]').waitFor({ timeout: 30_000 });
  const text = await p.evaluate(() => document.body.innerText);
  for (const id of ['food_waste_halved', 'kitchen_food_waste_35g', 'food_to_biogas_60pct', 'docs/targets', 'nv_textil_2024']) {
    assert.ok(!text.includes(id), `"${id}" is not on screen`);
  }
  const labels = await p.$$eval('[data-testid^=edit-target-]', (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(labels.every((l) => !/_/.test(l)), JSON.stringify(labels));
  assert.equal(await p.locator('[data-testid=target-id]').count(), 0, 'no Id field');
  // A new target gets an id of its own.
  await p.locator('[data-testid=target-text]').fill('Mindre restavfall');
  await p.locator('[data-testid=target-base-year]').fill('2021');
  await p.locator('[data-testid=target-base-value]').fill('150');
  await p.locator('[data-testid=target-change]').fill('-10');
  await p.locator('[data-testid=target-year]').fill('2030');
  await p.locator('[data-testid=target-save]').click();
  await p.locator('[data-testid=target-item-eget_mal_1]').waitFor({ timeout: 10_000 });
  assert.match(normalize(await p.locator('[data-testid=target-status-message]').textContent()), /^Tillagt mål: Mindre restavfall$/);
  // English target headings.
  await p.locator('[data-testid=lang-switch]').click();
  const heads = (await p.locator('.target-card h3').allTextContents()).map(normalize);
  assert.ok(heads.includes('Food waste shall fall by 50 percent per inhabitant compared with 2021'), JSON.stringify(heads));
  // The drivers table: amounts, with shares beyond ±100 % in words.
  await p.locator('[data-testid=lang-switch]').click();
  await p.$$eval('details', (all) => all.forEach((d) => (d.open = true)));
  await p.locator('.drivers-table').first().waitFor({ timeout: 30_000 });
  const subs = await p.$$eval('.drivers-table td.num .sub', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(subs.length > 4);
  for (const s of subs) {
    const m = s.match(/^(−?[\d ]+,\d) % av totalen$/);
    if (m) assert.ok(Math.abs(Number(m[1].replace(/ /g, '').replace('−', '-').replace(',', '.'))) <= 100, s);
    else assert.match(s, /^(drar mot totalen|mer än totalen)/, s);
  }
  // The sources dialog: titles, not ids.
  await p.locator('[data-testid=sources-textile_collection]').click();
  const dialog = await p.locator('[data-testid=sources-dialog]').innerText();
  assert.ok(!/\b[a-z]+_[a-z0-9_]+\b/.test(dialog.replace(/https?:\S+/g, '')), `no snake_case ids in the dialog: ${dialog.match(/\b[a-z]+_[a-z0-9_]+\b/g)}`);
  await p.context().close();
});

test('follow-up refuses an actual after the target year, before the base year or below zero, at its field', async () => {
  const p = await openPage(browser, { width: 1366 });
  const form = p.locator('[data-testid=actual-form]');
  await form.waitFor({ timeout: 30_000 });
  await p.locator('[data-testid=actual-municipality]').selectOption('1490');
  await p.locator('[data-testid=actual-indicator]').selectOption('food_waste_kg_per_inhabitant');
  for (const [year, value, field, want] of [
    ['2035', '8', 'actual-year', '2035 ligger utanför målens år: från basåret 2021 till målåret 2030'],
    ['2019', '8', 'actual-year', '2019 ligger utanför målens år: från basåret 2021 till målåret 2030'],
    ['2024', '-3', 'actual-value', '-3 är negativt: det måste vara 0 eller mer'],
  ]) {
    await p.locator('[data-testid=actual-year]').fill(year);
    await p.locator('[data-testid=actual-value]').fill(value);
    await p.locator('[data-testid=actual-add]').click();
    const err = p.locator(`[data-testid=${field}-error]`);
    await err.waitFor({ timeout: 5_000 });
    assert.equal(normalize(await err.textContent()), want);
    assert.equal(await p.locator(`[data-testid=${field}]`).getAttribute('aria-invalid'), 'true');
    assert.equal(await p.locator('[data-testid=actual-list] li').count(), 0, 'nothing saved');
  }
  assert.deepEqual(await axeViolations(p), [], 'a refused actual');
  await p.context().close();
});

test('screenshots at 1366 and 390 px: totals, measures table, Monte Carlo card, budget panel, targets card', async () => {
  for (const width of [1366, 390]) {
    const p = await openPage(browser, { width });
    await p.locator('[data-testid=mc-table]').waitFor({ timeout: 30_000 });
    await p.locator('table[data-testid=best-package]').waitFor({ timeout: 30_000 });
    await p.locator('.cards').screenshot({ path: join(screenshots, `afternoon-${width}-totals.png`) });
    await p.locator('section.table-panel').screenshot({ path: join(screenshots, `afternoon-${width}-measures.png`) });
    await p.locator('section[aria-labelledby=mc-title]').screenshot({ path: join(screenshots, `afternoon-${width}-monte-carlo.png`) });
    await p.locator('section.budget').screenshot({ path: join(screenshots, `afternoon-${width}-budget.png`) });
    await p.locator('.target-card').first().screenshot({ path: join(screenshots, `afternoon-${width}-target.png`) });
    assert.deepEqual(await axeViolations(p), [], `${width} px`);
    await p.context().close();
  }
});

test('targets: the food goal is named for what it measures, and own figures are marked only where they change the numbers', async () => {
  const p = await openPage(browser, { width: 1366 });
  const halved = p.locator('[data-testid="target-food_waste_halved"]');
  await halved.waitFor({ timeout: 30_000 });
  assert.match(normalize(await halved.locator('[data-testid=target-meta]').textContent()), /^Matsvinn per invånare \(hushåll\) \(kg\/inv\), målår 2030$/);
  const row = (target, code) => p.locator(`[data-testid="target-${target}"] [data-testid="target-row-${code}"]`);
  const before = (await row('food_waste_halved', '1490').locator('td').allTextContents()).map(normalize);
  // 9 500 t of Borås's household food waste, 70 % digested, 30 % incinerated.
  await p.locator('[data-testid=own-municipality]').selectOption('1490');
  await p.locator('[data-testid=own-pool]').selectOption('household_food');
  await p.locator('[data-testid=own-year]').fill('2023');
  await p.locator('[data-testid=own-quantity]').fill('9500');
  await p.locator('[data-testid=own-unit]').selectOption('tonnes');
  await p.locator('[data-testid=own-share-anaerobic_digestion]').fill('70');
  await p.locator('[data-testid=own-share-incineration]').fill('30');
  await p.locator('[data-testid=own-source]').fill('Vågdata 2023');
  await p.locator('[data-testid=own-add]').click();
  await row('food_to_biogas_60pct', '1490').locator('[data-testid=own-figures-badge]').waitFor({ timeout: 10_000 });
  const after = (await row('food_waste_halved', '1490').locator('td').allTextContents()).map(normalize);
  if (JSON.stringify(after) === JSON.stringify(before)) {
    assert.equal(await row('food_waste_halved', '1490').locator('[data-testid=own-figures-badge]').count(), 0, 'unchanged numbers: no badge');
    assert.equal(await halved.locator('[data-testid=target-shown] [data-testid=own-figures-note]').count(), 0);
  } else {
    assert.equal(await row('food_waste_halved', '1490').locator('[data-testid=own-figures-badge]').count(), 1, 'changed numbers: the badge');
  }
  assert.equal(await row('food_to_biogas_60pct', '1443').locator('[data-testid=own-figures-badge]').count(), 0, 'not in other municipalities');
  await p.context().close();
});

test('layout: at 1366 px the measures table fits its box and the payer select shows its whole choice; at 390 px the measures, money, Monte Carlo and budget tables are cards, not sideways scrolls', async () => {
  const wide = await openPage(browser, { width: 1366 });
  await wide.locator('table[data-testid=best-package]').waitFor({ timeout: 30_000 });
  const box = await wide.evaluate(() => {
    const b = document.querySelector('[data-testid=results-table]').closest('.table-scroll');
    return [b.scrollWidth, b.clientWidth];
  });
  assert.ok(box[0] <= box[1], `the measures table is ${box[0]} px in a ${box[1]} px box`);
  const select = await wide.evaluate(() => {
    const s = document.querySelector('[data-testid=budget-payer]');
    const probe = document.createElement('span');
    const cs = getComputedStyle(s);
    probe.style.font = cs.font;
    probe.style.position = 'absolute';
    probe.style.whiteSpace = 'nowrap';
    probe.textContent = s.options[s.selectedIndex].textContent;
    document.body.append(probe);
    const need = probe.getBoundingClientRect().width + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    probe.remove();
    return [s.getBoundingClientRect().width, need, probe.textContent];
  });
  assert.ok(select[0] >= select[1] + 16, `"${select[2]}" needs ${select[1].toFixed(0)} px (+ the arrow), the select is ${select[0].toFixed(0)} px`);
  await wide.context().close();

  const phone = await openPage(browser, { width: 390 });
  await phone.locator('[data-testid=mc-table]').waitFor({ timeout: 30_000 });
  await phone.locator('table[data-testid=best-package]').waitFor({ timeout: 30_000 });
  for (const id of ['results-table', 'money-table', 'mc-table', 'best-package']) {
    const [sw, cw, display] = await phone.evaluate((id) => {
      const t = document.querySelector(`table[data-testid=${id}]`);
      const b = t.closest('.table-scroll') ?? t.parentElement;
      return [b.scrollWidth, b.clientWidth, getComputedStyle(t.querySelector('tbody tr')).display];
    }, id);
    assert.ok(sw <= cw, `${id}: ${sw} px in a ${cw} px box`);
    assert.equal(display, 'block', `${id}: rows are cards`);
  }
  // Each value says which column it is.
  const label = await phone.evaluate(() => getComputedStyle(document.querySelector('[data-testid=results-table] tbody td.num:nth-of-type(2)'), '::before').content);
  assert.match(label, /t CO2e/);
  assert.equal(await phone.locator('[data-testid=chart-macc] .macc-callout').count(), 0, 'no value boxes over the bars on a phone');
  assert.deepEqual(await axeViolations(phone), [], 'cards at 390 px');
  await phone.context().close();
});

test('follow-up: the status says which figure it is read from, next to the projected gap', async () => {
  const p = await openPage(browser, { width: 1366 });
  const row = p.locator('[data-testid="target-food_waste_halved"] [data-testid="target-row-1490"]');
  await row.waitFor({ timeout: 30_000 });
  assert.equal(normalize(await row.locator('[data-testid=target-status-basis]').textContent()), 'enligt prognosen');
  // An actual of 7 kg in 2024 meets the 7,5 kg target: reached by the actual, while the
  // projection for 2030 (the household campaign at its expected 8 %, 6/9 ramped:
  // 15 − 15 × 8 % × 6/9 = 14,2 kg) still misses it by 6,7 kg: both said, each with its figure.
  await p.locator('[data-testid=actual-municipality]').selectOption('1490');
  await p.locator('[data-testid=actual-indicator]').selectOption('food_waste_kg_per_inhabitant');
  await p.locator('[data-testid=actual-year]').fill('2024');
  await p.locator('[data-testid=actual-value]').fill('7');
  await p.locator('[data-testid=actual-add]').click();
  await p.waitForFunction(
    () => document.querySelector('[data-testid="target-food_waste_halved"] [data-testid="target-row-1490"] [data-testid=target-status-basis]')?.textContent.trim() === 'enligt senaste utfallet',
    null,
    { timeout: 10_000 },
  );
  assert.deepEqual((await row.locator('td').allTextContents()).map(normalize), ['Uppnått enligt senaste utfallet', '14,2', '7,5', '6,7']);
  const heads = (await p.locator('[data-testid="target-food_waste_halved"] [data-testid=target-status-table] thead th').allTextContents()).map(normalize);
  assert.equal(heads.at(-1), 'Gap i prognosen');
  assert.equal(normalize(await p.locator('[data-testid="target-food_waste_halved"] [data-testid="target-row-1443"] [data-testid=target-status-basis]').textContent()), 'enligt prognosen');
  assert.match(normalize(await p.locator('[data-testid=chart-macc]').locator('xpath=ancestor::figure').locator('.hint').first().textContent()), /kommunens kostnad \(avfallstaxa \+ budget\)/);
  await p.context().close();
});
