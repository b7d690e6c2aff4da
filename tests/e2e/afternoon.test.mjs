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
    assert.equal(normalize(await p.locator('[data-testid=total-sek-waste-fee]').textContent()), `${fee} per år`);
    assert.equal(normalize(await p.locator('[data-testid=total-sek-budget]').textContent()), `${budget} per år`);
    const labels = (await p.locator('[data-testid=total-sek-payers] li').allTextContents()).map(normalize);
    assert.deepEqual(labels, [`Avfallstaxan: ${fee} per år`, `Kommunens budget: ${budget} per år`]);
    assert.ok(await p.locator('[data-testid=total-npv-waste-fee]').isVisible());
    const sticky = normalize(await p.locator('[data-testid=sticky-payers]').textContent());
    assert.equal(sticky, `(avfallstaxan ${fee}, kommunens budget ${budget})`);
    await p.locator('.cards').screenshot({ path: join(screenshots, `afternoon-totals-${width}.png`) });
    await p.context().close();
  }
});
