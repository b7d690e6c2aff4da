// Performance budgets of the app (issues 6, 16, 24), measured, not asserted: first render of
// the default scenario, slider input → updated totals with all measures on for all eight
// municipalities, requests after load, 10 000 Monte Carlo draws in wasm (issue 7), and the
// first render and slider → totals again with the CPU throttled 4× (issue 24).
// Serve the app first (`cargo xtask serve`), then:
//   node tests/e2e/budgets.mjs http://127.0.0.1:8080/
import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const requests = [];
page.on('request', r => requests.push(r.url()));
page.on('pageerror', e => console.log('pageerror:', e.message));
await page.goto(process.argv[2] ?? 'http://127.0.0.1:8080/');
await page.waitForSelector('[data-testid=total-co2e]');
const firstRender = await page.evaluate(() => performance.now());
const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd));
const afterLoad = requests.length;
const times = await page.evaluate(async () => {
  const s = document.querySelector('[data-testid=effect-slider]');
  const total = document.querySelector('[data-testid=total-co2e]');
  const out = [];
  for (let i = 0; i < 40; i++) {
    const before = total.textContent;
    const t0 = performance.now();
    s.value = String(i % 2 ? 90 : 10 + i);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise(r => requestAnimationFrame(() => r()));
    const t1 = performance.now();
    out.push({ ms: t1 - t0, changed: total.textContent !== before });
  }
  return out;
});
const ms = times.map(t => t.ms).sort((a, b) => a - b);
console.log('first render (ms since navigation start):', firstRender.toFixed(0), 'DOMContentLoaded', nav);
console.log('slider->totals ms: median', ms[Math.floor(ms.length/2)].toFixed(1), 'p90', ms[Math.floor(ms.length*0.9)].toFixed(1), 'max', ms[ms.length-1].toFixed(1), 'all changed:', times.every(t => t.changed));
// Slider input → the totals' text changed in the DOM (compute and render, without the frame
// wait), `n` inputs, sorted; an input after which the total does not change within 10 s is
// left out instead of hanging the run.
const sliderToDom = (p, n) => p.evaluate(async (n) => {
  const s = document.querySelector('[data-testid=effect-slider]');
  const total = document.querySelector('[data-testid=total-co2e]');
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    s.value = String((Number(s.value) + 7) % 90 + 5);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    const changed = await new Promise(r => { const o = new MutationObserver(() => { o.disconnect(); r(true); }); o.observe(total, { childList: true, characterData: true, subtree: true }); setTimeout(() => { o.disconnect(); r(false); }, 10000); });
    if (changed) out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}, n);
const sync = await sliderToDom(page, 30);
console.log('slider->DOM update ms: median', sync[Math.floor(sync.length / 2)]?.toFixed(1), 'max', sync[sync.length - 1]?.toFixed(1), 'inputs', sync.length);
console.log('requests after load:', requests.length - afterLoad, 'total requests:', requests.length, requests.map(u => new URL(u).pathname).join(' '));
// Monte Carlo in the browser (issue 7): 10 000 draws of the default scenario (every measure,
// all eight municipalities), timed inside the wasm with performance.now() by the exported
// bench_monte_carlo (web/src/lib.rs). Native figure for comparison: `cargo bench` (criterion).
const mc = await page.evaluate(async () => {
  const m = await import(new URL('web.js', location.href).href);
  m.bench_monte_carlo(1000); // warm-up
  const out = [];
  for (let i = 0; i < 7; i++) out.push(m.bench_monte_carlo(10000));
  return out.sort((a, b) => a - b);
});
console.log('monte carlo 10 000 draws ms (wasm): median', mc[3].toFixed(1), 'min', mc[0].toFixed(1), 'max', mc[6].toFixed(1));

// The same with the CPU throttled 4× (about a mid-range phone, issue 24): a fresh page
// whose CPU is slowed through the DevTools protocol before it loads.
const slow = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const cdp = await slow.context().newCDPSession(slow);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await slow.goto(process.argv[2] ?? 'http://127.0.0.1:8080/');
await slow.waitForSelector('[data-testid=total-co2e]');
const slowFirst = await slow.evaluate(() => performance.now());
console.log('throttled 4x first render (ms since navigation start):', slowFirst.toFixed(0));
const slowSync = await sliderToDom(slow, 21);
console.log('throttled 4x slider->DOM update ms: median', slowSync[Math.floor(slowSync.length / 2)]?.toFixed(1), 'max', slowSync[slowSync.length - 1]?.toFixed(1), 'inputs', slowSync.length);
await browser.close();
