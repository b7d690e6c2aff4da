//! Column chart over the plan period: t CO2e saved each year, with the low–high range.

use super::chart_table::ChartTable;
use crate::chart::{Scale, c, px, ticks, use_chart_width};
use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, t};
use yew::prelude::*;

const H: f64 = 300.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 52.0;

/// The per-year chart.
#[function_component]
pub fn YearChart() -> Html {
    let (box_ref, w) = use_chart_width();
    let Some((_, lang, e)) = use_eval() else {
        return html! {};
    };
    let e = e.as_ref();
    let years = &e.by_year;
    let title = t(lang, K::ChartYears);
    let val = |kg: calc_core::KgCo2e| px(format::kg_to_t(kg));
    let lo = years
        .iter()
        .map(|y| val(y.co2e_saved_kg.low))
        .fold(0.0_f64, f64::min);
    let hi = years
        .iter()
        .map(|y| val(y.co2e_saved_kg.high))
        .fold(0.0_f64, f64::max);
    let (tick_values, decimals) = ticks(lo, hi.max(1.0), 5);
    let d0 = lo.min(0.0);
    let d1 = tick_values.last().copied().unwrap_or(1.0).max(hi);
    let y = Scale::new(d0, d1, H - BOTTOM, TOP);
    let left = LEFT;
    let n = years.len().max(1) as f64;
    let band = (w - left - RIGHT) / n;
    // Every year's label needs about 34 px ("2030" at 11 px and a gap); on a narrow chart
    // every second or third year is labelled (the table below lists them all).
    let label_every = ((34.0 / band).ceil() as usize).max(1);
    let y0 = y.at(0.0);
    html! {
        <figure class="panel chart chart-years" aria-labelledby="chart-years-title">
            <figcaption>
                <h2 id="chart-years-title">{ title }</h2>
                <p class="hint">{ t(lang, K::ChartYearsHelp) }</p>
            </figcaption>
            <div class="chart-box" ref={box_ref}>
            <svg viewBox={format!("0 0 {} {H}", c(w))} role="img" aria-labelledby="chart-years-svg-title" class="chart-svg" data-testid="chart-years">
                <title id="chart-years-svg-title">{ format!("{title} ({})", t(lang, K::AxisTCo2eYear)) }</title>
                { for tick_values.iter().filter(|v| **v >= d0 - 1e-9 && **v <= d1 + 1e-9).map(|v| { let yv = y.at(*v); html! {
                    <g>
                        <line x1={c(left)} x2={c(w - RIGHT)} y1={c(yv)} y2={c(yv)} class="grid" />
                        <text x={c(left - 8.0)} y={c(yv + 4.0)} text-anchor="end" class="tick">{ format::tick(*v, decimals, lang) }</text>
                    </g>
                }}) }
                <text transform={format!("translate(16 {}) rotate(-90)", c((TOP + H - BOTTOM) / 2.0))} text-anchor="middle" class="axis-label">{ t(lang, K::AxisTCo2eYear) }</text>
                <text x={c((left + w - RIGHT) / 2.0)} y={c(H - 8.0)} text-anchor="middle" class="axis-label">{ t(lang, K::AxisYear) }</text>
                { for years.iter().enumerate().map(|(i, yr)| {
                    let cx = left + band * (i as f64 + 0.5);
                    let labelled = i % label_every == 0;
                    let v = val(yr.co2e_saved_kg.central);
                    let (top, height) = if v >= 0.0 { (y.at(v), y0 - y.at(v)) } else { (y0, y.at(v) - y0) };
                    let bw = band * 0.62;
                    let tip = format!("{}: {} t CO2e ({}: {})", yr.year, format::tonnes_co2e(yr.co2e_saved_kg.central, lang), t(lang, K::Range), format::range_t(yr.co2e_saved_kg.low, yr.co2e_saved_kg.high, lang));
                    let (wl, wh) = (y.at(val(yr.co2e_saved_kg.low)), y.at(val(yr.co2e_saved_kg.high)));
                    html! {
                        <g key={yr.year.get()}>
                            <title>{ tip }</title>
                            <rect x={c(cx - bw / 2.0)} y={c(top)} width={c(bw)} height={c(height.max(0.0))} rx="2" class="bar" />
                            <line x1={c(cx)} x2={c(cx)} y1={c(wl)} y2={c(wh)} class="whisker" />
                            <line x1={c(cx - 5.0)} x2={c(cx + 5.0)} y1={c(wh)} y2={c(wh)} class="whisker" />
                            <line x1={c(cx - 5.0)} x2={c(cx + 5.0)} y1={c(wl)} y2={c(wl)} class="whisker" />
                            if labelled {
                                <text x={c(cx)} y={c(H - BOTTOM + 18.0)} text-anchor="middle" class="tick">{ yr.year.get() }</text>
                            }
                        </g>
                    }
                }) }
                <line x1={c(left)} x2={c(w - RIGHT)} y1={c(y0)} y2={c(y0)} class="zero" />
            </svg>
            </div>
            <ChartTable test_id="chart-years-table"
                caption={format!("{title} ({})", t(lang, K::AxisTCo2eYear))}
                head={vec![t(lang, K::AxisYear).to_string(), t(lang, K::ColCentral).to_string(), t(lang, K::ColLow).to_string(), t(lang, K::ColHigh).to_string()]}
                rows={years.iter().map(|yr| vec![
                    yr.year.get().to_string(),
                    format::tonnes_co2e(yr.co2e_saved_kg.central, lang),
                    format::tonnes_co2e(yr.co2e_saved_kg.low, lang),
                    format::tonnes_co2e(yr.co2e_saved_kg.high, lang),
                ]).collect::<Vec<_>>()} />
        </figure>
    }
}
