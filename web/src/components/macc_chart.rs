//! Marginal abatement cost curve: bar width = t CO2e per year, height = SEK per t CO2e.

use super::chart_table::ChartTable;
use super::measure_name_by_id;
use crate::chart::{NARROW, Scale, area_colour, c, per_year, px, ticks, use_chart_width};
use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, Lang, t};
use crate::settings::catalogue;
use calc_core::macc;
use yew::prelude::*;

const H: f64 = 380.0;
/// A narrow chart is lower, so it keeps its proportions on a phone.
const NARROW_H: f64 = 300.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 52.0;

/// The MACC with a numbered legend.
#[function_component]
pub fn MaccChart() -> Html {
    let (box_ref, w) = use_chart_width();
    let Some((store, lang, e)) = use_eval() else {
        return html! {};
    };
    let e = e.as_ref();
    let bars = macc(e);
    let narrow = w < NARROW;
    let h = if narrow { NARROW_H } else { H };
    let title = t(lang, K::ChartMacc);
    if bars.is_empty() {
        return html! {
            <figure class="panel chart"><figcaption><h2>{ title }</h2></figcaption><p class="hint">{ super::empty_reason(&store.settings, lang) }</p></figure>
        };
    }
    let total: f64 = bars
        .last()
        .map_or(1.0, |b| px(b.x_start.value()) + px(b.width.value()));
    let costs: Vec<f64> = bars.iter().map(|b| px(b.cost_per_tonne.value())).collect();
    // Very narrow bars with extreme costs would flatten the rest: the axis covers the bars
    // that are at least 2 % of the curve's width; taller bars are cut and marked.
    let visible = |f: fn(f64, f64) -> f64, start: f64| {
        bars.iter()
            .zip(&costs)
            .filter(|(b, _)| px(b.width.value()) >= total * 0.02)
            .map(|(_, v)| *v)
            .fold(start, f)
    };
    let (lo, hi) = (visible(f64::min, 0.0), visible(f64::max, 0.0));
    let pad = (hi - lo).max(1.0) * 0.08;
    let (tick_values, decimals) = ticks(lo - pad, hi + pad, 6);
    let d0 = tick_values.first().copied().unwrap_or(lo).min(lo);
    let d1 = tick_values.last().copied().unwrap_or(hi).max(hi);
    let y = Scale::new(d0, d1, h - BOTTOM, TOP);
    let x = Scale::new(0.0, total, LEFT, w - RIGHT);
    let (xt, xdec) = ticks(0.0, total, if narrow { 3 } else { 6 });
    let y0 = y.at(0.0);
    let area_of = |id: &str| {
        catalogue()
            .and_then(|c| c.measure(id))
            .map(|m| m.area.clone())
            .unwrap_or_default()
    };
    let unit = match lang {
        Lang::Sv => "kr/t CO2e",
        Lang::En => "SEK/t CO2e",
    };
    html! {
        <figure class="panel chart chart-macc" aria-labelledby="chart-macc-title">
            <figcaption>
                <h2 id="chart-macc-title">{ title }</h2>
                <p class="hint">{ t(lang, K::ChartMaccHelp) }</p>
            </figcaption>
            <div class="chart-box" ref={box_ref}>
            <svg viewBox={format!("0 0 {} {h}", c(w))} role="img" aria-labelledby="chart-macc-svg-title" class="chart-svg" data-testid="chart-macc">
                <title id="chart-macc-svg-title">{ format!("{title}: {} / {}", t(lang, K::AxisSekPerT), t(lang, K::AxisTCo2eYear)) }</title>
                { for tick_values.iter().filter(|v| **v >= d0 && **v <= d1).map(|v| { let yv = y.at(*v); html! {
                    <g>
                        <line x1={c(LEFT)} x2={c(w - RIGHT)} y1={c(yv)} y2={c(yv)} class="grid" />
                        <text x={c(LEFT - 8.0)} y={c(yv + 4.0)} text-anchor="end" class="tick">{ format::tick(*v, decimals, lang) }</text>
                    </g>
                }}) }
                { for xt.iter().filter(|v| **v <= total * 1.0001).map(|v| { let xv = x.at(*v); html! {
                    <text x={c(xv)} y={c(h - BOTTOM + 18.0)} text-anchor="middle" class="tick">{ format::tick(*v, xdec, lang) }</text>
                }}) }
                <text transform={format!("translate(16 {}) rotate(-90)", c((TOP + h - BOTTOM) / 2.0))} text-anchor="middle" class="axis-label">{ t(lang, K::AxisSekPerT) }</text>
                <text x={c((LEFT + w - RIGHT) / 2.0)} y={c(h - 8.0)} text-anchor="middle" class="axis-label">{ format!("{} ({})", t(lang, K::AxisTCo2eYear), match lang { Lang::Sv => "summerat", Lang::En => "cumulative" }) }</text>
                { for bars.iter().zip(&costs).enumerate().map(|(i, (b, v))| {
                    let x1 = x.at(px(b.x_start.value()));
                    let x2 = x.at(px(b.x_start.value()) + px(b.width.value()));
                    let clipped = *v > d1 || *v < d0;
                    let vc = v.clamp(d0, d1);
                    let (top, height) = if vc >= 0.0 { (y.at(vc), y0 - y.at(vc)) } else { (y0, y.at(vc) - y0) };
                    let name = measure_name_by_id(b.measure.as_str(), lang);
                    let tip = format!("{}. {name}: {} {unit}, {} {}", i + 1, format::number(b.cost_per_tonne.value(), 0, lang), format::number(b.width.value(), 1, lang), per_year(lang));
                    let lx = (x1 + x2) / 2.0;
                    let ly = if vc >= 0.0 { top - 5.0 } else { top + height + 13.0 };
                    html! {
                        <g key={b.measure.to_string()}>
                            <title>{ tip }</title>
                            <rect x={c(x1)} y={c(top)} width={c((x2 - x1 - 1.0).max(0.8))} height={c(height.max(0.8))}
                                fill={area_colour(&area_of(b.measure.as_str()))} class={classes!("macc-bar", clipped.then_some("clipped"))} />
                            if x2 - x1 >= 12.0 {
                                <text x={c(lx)} y={c(ly)} text-anchor="middle" class="bar-label">{ if clipped { format!("{}▲", i + 1) } else { (i + 1).to_string() } }</text>
                            }
                        </g>
                    }
                }) }
                <line x1={c(LEFT)} x2={c(w - RIGHT)} y1={c(y0)} y2={c(y0)} class="zero" />
            </svg>
            </div>
            <ol class="macc-legend">
                { for bars.iter().map(|b| html! {
                    <li key={b.measure.to_string()}>
                        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill={area_colour(&area_of(b.measure.as_str()))} /></svg>
                        <span class="legend-name">{ measure_name_by_id(b.measure.as_str(), lang) }</span>
                        <span class="legend-value">{ format!("{} {unit} · {} {}", format::number(b.cost_per_tonne.value(), 0, lang), format::number(b.width.value(), 1, lang), per_year(lang)) }</span>
                    </li>
                }) }
            </ol>
            <ChartTable test_id="chart-macc-table" row_header={1}
                caption={format!("{title}: {unit}, {}", per_year(lang))}
                head={vec![t(lang, K::ColNumber).to_string(), t(lang, K::ColMeasure).to_string(), unit.to_string(), per_year(lang).to_string()]}
                rows={bars.iter().enumerate().map(|(i, b)| vec![
                    (i + 1).to_string(),
                    measure_name_by_id(b.measure.as_str(), lang),
                    format::number(b.cost_per_tonne.value(), 0, lang),
                    format::number(b.width.value(), 1, lang),
                ]).collect::<Vec<_>>()} />
        </figure>
    }
}
