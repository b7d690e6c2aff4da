//! Horizontal bar chart: t CO2e per year at full effect, per measure, with low–high range.

use super::chart_table::ChartTable;
use super::measure_name_by_id;
use crate::chart::{NARROW, Scale, area_colour, c, clip, px, ticks, use_chart_width};
use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, t};
use crate::settings::catalogue;
use yew::prelude::*;

const LEFT: f64 = 290.0;
const RIGHT: f64 = 70.0;
const ROW: f64 = 26.0;
/// On a narrow screen each measure's name stands above its bar, from the left edge; the plot
/// keeps room for half a tick label at its left end.
const NARROW_LEFT: f64 = 24.0;
const NARROW_RIGHT: f64 = 52.0;
const NARROW_NAME_X: f64 = 4.0;
const NARROW_ROW: f64 = 40.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 48.0;

/// The per-measure bar chart.
#[function_component]
pub fn MeasureChart() -> Html {
    let (box_ref, w) = use_chart_width();
    let Some((store, lang, e)) = use_eval() else {
        return html! {};
    };
    let e = e.as_ref();
    // The same order as the ranking by CO2e (ties broken by measure id).
    let ranked = calc_core::rank(e, calc_core::RankBy::Co2e);
    let rows: Vec<&calc_core::GroupSummary<calc_core::MeasureId>> =
        ranked.iter().map(|r| &r.measure).collect();
    let title = t(lang, K::ChartMeasures);
    if rows.is_empty() {
        return html! {
            <figure class="panel chart"><figcaption><h2>{ title }</h2></figcaption><p class="hint">{ super::empty_reason(&store.settings, lang) }</p></figure>
        };
    }
    let val = |kg: calc_core::KgCo2e| px(format::kg_to_t(kg));
    let lo = rows
        .iter()
        .map(|g| val(g.summary.co2e_saved_kg_per_year.low))
        .fold(0.0_f64, f64::min);
    let hi = rows
        .iter()
        .map(|g| val(g.summary.co2e_saved_kg_per_year.high))
        .fold(0.0_f64, f64::max);
    let narrow = w < NARROW;
    let (left, right, row_h) = if narrow {
        (NARROW_LEFT, NARROW_RIGHT, NARROW_ROW)
    } else {
        (LEFT, RIGHT, ROW)
    };
    let (tick_values, decimals) = ticks(lo, hi, if narrow { 3 } else { 5 });
    let d0 = lo.min(0.0);
    let d1 = hi.max(1.0) * 1.1;
    let x = Scale::new(d0, d1, left, w - right);
    let h = TOP + row_h * rows.len() as f64 + BOTTOM;
    let plot_bottom = TOP + row_h * rows.len() as f64;
    // Characters of a name that fit: beside the bars (wide) or across the chart (narrow).
    let name_chars = if narrow {
        ((w - 12.0) / 6.6) as usize
    } else {
        40
    };
    let x0 = x.at(0.0);
    let area_of = |id: &str| {
        catalogue()
            .and_then(|c| c.measure(id))
            .map(|m| m.area.clone())
            .unwrap_or_default()
    };
    html! {
        <figure class="panel chart chart-measures" aria-labelledby="chart-measures-title">
            <figcaption><h2 id="chart-measures-title">{ title }</h2></figcaption>
            <div class="chart-box" ref={box_ref}>
            <svg viewBox={format!("0 0 {} {}", c(w), c(h))} role="img" aria-labelledby="chart-measures-svg-title" class="chart-svg" data-testid="chart-measures">
                <title id="chart-measures-svg-title">{ format!("{title} ({})", t(lang, K::PerYear)) }</title>
                { for tick_values.iter().filter(|v| **v >= d0 - 1e-9 && **v <= d1 + 1e-9).map(|v| { let xv = x.at(*v); html! {
                    <g>
                        <line x1={c(xv)} x2={c(xv)} y1={c(TOP)} y2={c(plot_bottom)} class="grid" />
                        <text x={c(xv)} y={c(plot_bottom + 16.0)} text-anchor="middle" class="tick">{ format::tick(*v, decimals, lang) }</text>
                    </g>
                }}) }
                <text x={c((left + w - right) / 2.0)} y={c(h - 8.0)} text-anchor="middle" class="axis-label">{ t(lang, K::AxisTCo2eYear) }</text>
                { for rows.iter().enumerate().map(|(i, g)| {
                    let s = &g.summary.co2e_saved_kg_per_year;
                    let y = TOP + row_h * i as f64;
                    let (v, l, hgh) = (val(s.central), val(s.low), val(s.high));
                    let (bx, bw) = if v >= 0.0 { (x0, x.at(v) - x0) } else { (x.at(v), x0 - x.at(v)) };
                    let name = measure_name_by_id(g.key.as_str(), lang);
                    let label = format!("{} {}", format::tonnes_co2e(s.central, lang), t(lang, K::PerYear));
                    let tip = format!("{name}: {label} ({}: {})", t(lang, K::Range), format::range_t(s.low, s.high, lang));
                    // Narrow: the name on the first line of the row, the bar below it.
                    let (bar_y, bar_h) = if narrow { (y + 19.0, row_h - 24.0) } else { (y + 5.0, row_h - 10.0) };
                    let cy = bar_y + bar_h / 2.0;
                    let (name_x, name_y, anchor) = if narrow { (NARROW_NAME_X, y + 14.0, "start") } else { (left - 8.0, cy + 4.0, "end") };
                    html! {
                        <g key={g.key.to_string()}>
                            <title>{ tip }</title>
                            <text x={c(name_x)} y={c(name_y)} text-anchor={anchor} class={classes!("label", narrow.then_some("halo"))}>{ clip(&name, name_chars) }</text>
                            <rect x={c(bx)} y={c(bar_y)} width={c(bw.max(0.5))} height={c(bar_h)} rx="2" fill={area_colour(&area_of(g.key.as_str()))} />
                            <line x1={c(x.at(l))} x2={c(x.at(hgh))} y1={c(cy)} y2={c(cy)} class="whisker" />
                            <text x={c(x.at(hgh.max(v).max(0.0)) + 6.0)} y={c(cy + 4.0)} class="value">{ format::tonnes_co2e(s.central, lang) }</text>
                        </g>
                    }
                }) }
                <line x1={c(x0)} x2={c(x0)} y1={c(TOP)} y2={c(plot_bottom)} class="zero" />
            </svg>
            </div>
            <ChartTable test_id="chart-measures-table"
                caption={format!("{title} ({})", t(lang, K::PerYear))}
                head={vec![t(lang, K::ColMeasure).to_string(), t(lang, K::ColCentral).to_string(), t(lang, K::ColLow).to_string(), t(lang, K::ColHigh).to_string()]}
                rows={rows.iter().map(|g| {
                    let s = &g.summary.co2e_saved_kg_per_year;
                    vec![measure_name_by_id(g.key.as_str(), lang), format::tonnes_co2e(s.central, lang), format::tonnes_co2e(s.low, lang), format::tonnes_co2e(s.high, lang)]
                }).collect::<Vec<_>>()} />
        </figure>
    }
}
