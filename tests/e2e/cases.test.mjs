// Issue 21, "Expected, not hoped": the app says which effects its headline assumes (the
// expected outcome by default, the plan's ambition on request), shows what the law
// requires on its own line with a switch to count it, each measure's expected result beside
// its result at the plan's goal, and a Monte Carlo card that says where its band and the
// headline part and why. At 1366 and 390 px, with axe-core at zero in every state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, normalize, totalText, axeViolations, screenshots } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Runs `action` and waits until the headline total reads otherwise than before it. */
const changes = async (p, action) => {
  const before = normalize(await totalText(p));
  await action();
  await p.waitForFunction(
    (b) => document.querySelector('[data-testid=total-co2e]')?.textContent.replace(/\s+/g, ' ').trim() !== b,
    before,
    { timeout: 10_000 },
  );
};

/** "1 234,5" → 1234.5 (the t CO2e of a text as the app writes it in Swedish). */
const tonnes = (text) => Number(normalize(text).replace(/[^\d,−-]/g, '').replace('−', '-').replace(',', '.'));

test('the headline says it is the expected outcome, the law is apart, and the plan’s ambition is one choice away', async () => {
  for (const width of [1366, 390]) {
    const p = await openPage(browser, { width });
    const panel = p.locator('[data-testid=case-panel]');
    await panel.waitFor();
    assert.match(normalize(await p.locator('[data-testid=case-shown]').textContent()), /Resultaten visar: förväntat utfall/);
    assert.equal(await p.locator('[data-testid=case-expected]').isChecked(), true);
    // What the law requires: its own line, not in the totals.
    const law = p.locator('[data-testid=required-by-law]');
    assert.match(normalize(await law.textContent()), /Krävs enligt lag/);
    assert.match(normalize(await law.textContent()), /ingår inte i totalerna/);
    const lawT = tonnes(await p.locator('[data-testid=required-by-law-co2e]').textContent());
    assert.ok(lawT > 0, `the law's line has tonnes: ${lawT}`);
    // The result at the plan's goals arrives off the input path and is larger.
    await p.waitForFunction(() => /t CO2e/.test(document.querySelector('[data-testid=case-goal-total] strong')?.textContent ?? ''), null, { timeout: 30_000 });
    const goalT = tonnes(await p.locator('[data-testid=case-goal-total] strong').textContent());
    const expectedT = tonnes(await totalText(p));
    assert.ok(goalT > expectedT, `at the goals ${goalT} > expected ${expectedT}`);
    await panel.screenshot({ path: join(screenshots, `cases-panel-${width}.png`) });
    assert.deepEqual(await axeViolations(p), [], `case panel at ${width} px`);

    // Per measure: expected beside the goal.
    await p.locator('.case-measures summary').click();
    const school = tonnes(await p.locator('[data-testid=case-expected-food_households]').textContent());
    await p.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=case-goal-food_households]')?.textContent ?? ''), null, { timeout: 30_000 });
    const schoolGoal = tonnes(await p.locator('[data-testid=case-goal-food_households]').textContent());
    assert.ok(schoolGoal > school, `household food at its goal ${schoolGoal} > expected ${school}`);
    assert.deepEqual(await axeViolations(p), [], `per-measure comparison at ${width} px`);

    // The plan's ambition: the headline says so and moves up to the figure shown before.
    await changes(p, () => p.locator('[data-testid=case-ambition]').check());
    assert.match(normalize(await p.locator('[data-testid=case-shown]').textContent()), /planens ambition/);
    const ambitionT = tonnes(await totalText(p));
    assert.ok(Math.abs(ambitionT - goalT) <= 0.1 + goalT * 1e-6, `ambition headline ${ambitionT} = the goals' figure ${goalT}`);
    // Reload keeps the choice (the working state).
    await p.reload({ waitUntil: 'load' });
    await p.locator('[data-testid=case-panel]').waitFor();
    assert.equal(await p.locator('[data-testid=case-ambition]').isChecked(), true, 'kept on reload');
    // Back to the expected outcome, then count the law.
    await changes(p, () => p.locator('[data-testid=case-expected]').check());
    const plain = tonnes(await totalText(p));
    assert.ok(Math.abs(plain - expectedT) <= 0.1, `back to the expected ${plain} = ${expectedT}`);
    await changes(p, () => p.locator('[data-testid=include-required-by-law]').check());
    const withLaw = tonnes(await totalText(p));
    assert.ok(withLaw > plain, `with the law ${withLaw} > without ${plain}`);
    assert.match(normalize(await law.textContent()), /ingår i totalerna ovan/);
    assert.deepEqual(await axeViolations(p), [], `law counted at ${width} px`);
    assert.deepEqual(p.problems, []);
    await p.context().close();
  }
});

test('the Monte Carlo card says how its band relates to the headline', async () => {
  for (const width of [1366, 390]) {
    const p = await openPage(browser, { width });
    await p.locator('[data-testid=mc-table]').waitFor({ timeout: 30_000 });
    const note = p.locator('[data-testid=mc-agreement]');
    await note.waitFor();
    const text = normalize(await note.textContent());
    // Either every total agrees, or each that does not says why, by the inputs' names.
    assert.ok(
      /ligger inom bandet 25–75 % för alla totaler/.test(text) || /median.*drar bandet/.test(text),
      text,
    );
    assert.doesNotMatch(text, /effect\.|cf\.|ef\.|cost\./, 'inputs by name, not by id');
    await p.locator('[data-testid=mc-table]').screenshot({ path: join(screenshots, `cases-monte-carlo-${width}.png`) });
    assert.deepEqual(await axeViolations(p), [], `Monte Carlo card at ${width} px`);
    await p.context().close();
  }
});
