//! Tornado chart: the eight emission factors that move the cumulative t CO2e most, each
//! bar from the total with the factor at its low value to the total at its high value,
//! around the central total. Computed with the same debounce as the Monte Carlo bands.

use super::{Store, factor_name};
use crate::chart::{Scale, c, clip, px, ticks};
use crate::decide::{sensitivity_for, use_debounced};
use crate::format;
use crate::i18n::{K, t};
use yew::prelude::*;

/// Number of factors shown.
pub const TORNADO_FACTORS: usize = 8;

const W: f64 = 760.0;
const LEFT: f64 = 230.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 46.0;
const ROW: f64 = 38.0;
const BOTTOM: f64 = 48.0;

/// The tornado chart.
#[function_component]
pub fn TornadoChart() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let (result, pending) = use_debounced(&store.settings, sensitivity_for);
    let title = t(lang, K::TornadoTitle);
    let head = html! {
        <>
            <div class="panel-head">
                <h3 id="tornado-title">{ title }</h3>
                if pending {
                    <span class="status busy" role="status">{ t(lang, K::Computing) }</span>
                }
            </div>
            <p class="hint">{ t(lang, K::TornadoHelp) }</p>
        </>
    };
    let s = match result.as_deref() {
        None => {
            return html! { <section class="decide-part" aria-labelledby="tornado-title">{ head }<p class="hint">{ t(lang, K::Computing) }</p></section> };
        }
        Some(Err(msg)) => {
            return html! { <section class="decide-part" aria-labelledby="tornado-title">{ head }<div class="alert" role="alert">{ format!("{} {msg}", t(lang, K::CalcError)) }</div></section> };
        }
        Some(Ok(s)) => s,
    };
    let swings: Vec<_> = s
        .co2e
        .iter()
        .filter(|w| w.at_low != w.at_high)
        .take(TORNADO_FACTORS)
        .collect();
    if swings.is_empty() {
        return html! { <section class="decide-part" aria-labelledby="tornado-title">{ head }<p class="hint">{ t(lang, K::NoData) }</p></section> };
    }
    let tv = |kg: calc_core::KgCo2e| px(format::kg_to_t(kg));
    let central = tv(s.co2e_central);
    let lo = swings
        .iter()
        .flat_map(|w| [tv(w.at_low), tv(w.at_high)])
        .fold(central, f64::min);
    let hi = swings
        .iter()
        .flat_map(|w| [tv(w.at_low), tv(w.at_high)])
        .fold(central, f64::max);
    let pad = (hi - lo).max(1.0) * 0.04;
    let (tick_values, decimals) = ticks(lo - pad, hi + pad, 6);
    let d0 = tick_values.first().copied().unwrap_or(lo).min(lo - pad);
    let d1 = tick_values.last().copied().unwrap_or(hi).max(hi + pad);
    let x = Scale::new(d0, d1, LEFT, W - RIGHT);
    let h = TOP + ROW * swings.len() as f64 + BOTTOM;
    let bottom = h - BOTTOM;
    let xc = x.at(central);
    let central_text = format::tonnes_co2e(s.co2e_central, lang);
    html! {
        <section class="decide-part" aria-labelledby="tornado-title">
            { head }
            <svg viewBox={format!("0 0 {W} {}", c(h))} role="img" aria-labelledby="chart-tornado-svg-title" class={classes!("chart-svg", "chart-tornado", pending.then_some("stale"))} data-testid="chart-tornado">
                <title id="chart-tornado-svg-title">{ format!("{title}: {} ({}: {central_text})", t(lang, K::AxisTCo2eCum), t(lang, K::TornadoCentral)) }</title>
                // Legend
                <g class="tornado-legend">
                    <rect x={c(LEFT)} y="4" width="12" height="12" rx="2" class="tor-low" />
                    <text x={c(LEFT + 18.0)} y="14" class="label">{ t(lang, K::TornadoLow) }</text>
                    <rect x={c(LEFT + 190.0)} y="4" width="12" height="12" rx="2" class="tor-high" />
                    <text x={c(LEFT + 208.0)} y="14" class="label">{ t(lang, K::TornadoHigh) }</text>
                </g>
                { for tick_values.iter().filter(|v| **v >= d0 && **v <= d1).map(|v| { let xv = x.at(*v); html! {
                    <g>
                        <line x1={c(xv)} x2={c(xv)} y1={c(TOP - 4.0)} y2={c(bottom)} class="grid" />
                        <text x={c(xv)} y={c(bottom + 16.0)} text-anchor="middle" class="tick">{ format::tick(*v, decimals, lang) }</text>
                    </g>
                }}) }
                <text x={c((LEFT + W - RIGHT) / 2.0)} y={c(h - 8.0)} text-anchor="middle" class="axis-label">{ t(lang, K::AxisTCo2eCum) }</text>
                { for swings.iter().enumerate().map(|(i, w)| {
                    let y = TOP + ROW * i as f64;
                    let (xl, xh) = (x.at(tv(w.at_low)), x.at(tv(w.at_high)));
                    let name = factor_name(w.factor.as_str(), lang);
                    let (fraction, route) = name.split_once(" · ").unwrap_or((name.as_str(), ""));
                    let tip = format!("{name} ({}): {} {} t CO2e, {} {} t CO2e", w.factor.as_str(),
                        t(lang, K::TornadoLow), format::tonnes_co2e(w.at_low, lang),
                        t(lang, K::TornadoHigh), format::tonnes_co2e(w.at_high, lang));
                    let seg = |xe: f64, class: &'static str| html! {
                        <rect x={c(xe.min(xc))} y={c(y + 8.0)} width={c((xe - xc).abs().max(1.0))} height={c(ROW - 16.0)} class={class} />
                    };
                    html! {
                        <g key={w.factor.as_str().to_string()}>
                            <title>{ tip }</title>
                            <text x={c(LEFT - 10.0)} y={c(y + ROW / 2.0 - 2.0)} text-anchor="end" class="label">{ clip(fraction, 34) }</text>
                            <text x={c(LEFT - 10.0)} y={c(y + ROW / 2.0 + 11.0)} text-anchor="end" class="tick">{ clip(route, 34) }</text>
                            { seg(xl, "tor-low") }
                            { seg(xh, "tor-high") }
                        </g>
                    }
                }) }
                <line x1={c(xc)} x2={c(xc)} y1={c(TOP - 4.0)} y2={c(bottom)} class="zero" />
                <text x={c(xc)} y={c(TOP - 8.0)} text-anchor="middle" class="value">{ format!("{} {central_text}", t(lang, K::TornadoCentral)) }</text>
            </svg>
        </section>
    }
}
