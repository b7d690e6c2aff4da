//! Marginal abatement cost curve: bar width = t CO2e per year, height = SEK per t CO2e.

use super::chart_table::ChartTable;
use super::measure_name_by_id;
use crate::chart::{NARROW, Scale, area_colour, c, px, ticks, use_chart_width};
use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, t, tf};
use crate::settings::catalogue;
use calc_core::macc;
use yew::prelude::*;

const H: f64 = 380.0;
/// A narrow chart is lower, so it keeps its proportions on a phone.
const NARROW_H: f64 = 300.0;
// Room for "−15 000" at the printed size (26 units) left of the axis.
const LEFT: f64 = 120.0;
/// On a phone the tick labels are at their screen size.
const NARROW_LEFT: f64 = 84.0;
const RIGHT: f64 = 16.0;
// Room for a bar number above a bar that reaches the top.
const TOP: f64 = 34.0;
const BOTTOM: f64 = 52.0;

/// Line height of the clipped values' box.
const CALLOUT_LINE: f64 = 14.0;

/// A box of lines (the clipped bars' values) with its top (`anchor` "start") or bottom
/// ("end") corner at `x`, `y`; nothing for no lines.
fn callout(lines: &[String], x: f64, y: f64, anchor: &'static str, test_id: &'static str) -> Html {
    if lines.is_empty() {
        return html! {};
    }
    let chars = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    // About 6.6 px per character of the 11 px bold text, plus the padding.
    let w = chars as f64 * 6.6 + 12.0;
    let h = lines.len() as f64 * CALLOUT_LINE + 8.0;
    let (bx, top) = if anchor == "start" {
        (x, y)
    } else {
        (x - w, y - h)
    };
    html! {
        <g class="macc-callout" data-testid={test_id}>
            <rect x={c(bx)} y={c(top)} width={c(w)} height={c(h)} rx="3" />
            { for lines.iter().enumerate().map(|(i, l)| html! {
                <text x={c(bx + 6.0)} y={c(top + 4.0 + CALLOUT_LINE * (i as f64 + 0.8))} class="clip-value">{ l.clone() }</text>
            }) }
        </g>
    }
}

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
    let left = if narrow { NARROW_LEFT } else { LEFT };
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
    let x = Scale::new(0.0, total, left, w - RIGHT);
    let (xt, xdec) = ticks(0.0, total, if narrow { 3 } else { 6 });
    let y0 = y.at(0.0);
    let area_of = |id: &str| {
        catalogue()
            .and_then(|c| c.measure(id))
            .map(|m| m.area.clone())
            .unwrap_or_default()
    };
    let any_clipped = costs.iter().any(|v| *v > d1 || *v < d0);
    // "Nr: value unit" of each bar cut at the top (`high`) or at the bottom.
    let clipped_values = |high: bool| -> Vec<String> {
        bars.iter()
            .zip(&costs)
            .filter(|(_, v)| if high { **v > d1 } else { **v < d0 })
            .map(|(b, _)| {
                tf(
                    lang,
                    K::MaccClippedValue,
                    &[
                        (
                            "number",
                            &super::measure_number(b.measure.as_str()).unwrap_or_default(),
                        ),
                        ("cost", &format::number(b.cost_per_tonne.value(), 0, lang)),
                    ],
                )
            })
            .collect()
    };
    // The measure's number as in the results table.
    let number = |id: &str| {
        super::measure_number(id)
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let unit = t(lang, K::KrPerTCo2e);
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
                        <line x1={c(left)} x2={c(w - RIGHT)} y1={c(yv)} y2={c(yv)} class="grid" />
                        <text x={c(left - 8.0)} y={c(yv + 4.0)} text-anchor="end" class="tick">{ format::tick(*v, decimals, lang) }</text>
                    </g>
                }}) }
                { for xt.iter().filter(|v| **v <= total * 1.0001).map(|v| { let xv = x.at(*v); html! {
                    <text x={c(xv)} y={c(h - BOTTOM + 18.0)} text-anchor="middle" class="tick">{ format::tick(*v, xdec, lang) }</text>
                }}) }
                <text transform={format!("translate(16 {}) rotate(-90)", c((TOP + h - BOTTOM) / 2.0))} text-anchor="middle" class="axis-label y-axis">{ t(lang, K::AxisSekPerT) }</text>
                <text x={c((left + w - RIGHT) / 2.0)} y={c(h - 8.0)} text-anchor="middle" class="axis-label">{ t(lang, K::AxisTCo2eYearCumulative) }</text>
                { for bars.iter().zip(&costs).map(|(b, v)| {
                    let x1 = x.at(px(b.x_start.value()));
                    let x2 = x.at(px(b.x_start.value()) + px(b.width.value()));
                    let clipped = *v > d1 || *v < d0;
                    let vc = v.clamp(d0, d1);
                    let (top, height) = if vc >= 0.0 { (y.at(vc), y0 - y.at(vc)) } else { (y0, y.at(vc) - y0) };
                    let name = measure_name_by_id(b.measure.as_str(), lang);
                    let n = number(b.measure.as_str());
                    let value = format::number(b.cost_per_tonne.value(), 0, lang);
                    let tip = format!("{n}. {name}: {value} {unit}, {} {}", format::number(b.width.value(), 1, lang), t(lang, K::PerYear));
                    let lx = (x1 + x2) / 2.0;
                    let ly = if vc >= 0.0 { top - 5.0 } else { top + height + 13.0 };
                    // A clipped bar runs to the edge of the plot and is broken off by two
                    // slashes a little inside it; its value is in the corner box.
                    let up = vc >= 0.0;
                    let yb = if up { top + 12.0 } else { top + height - 12.0 };
                    let (bx1, bx2) = (x1 - 4.0, x2.max(x1 + 1.0) + 3.0);
                    let brk = format!(
                        "M{} {} L{} {} M{} {} L{} {}",
                        c(bx1), c(yb + 2.0), c(bx2), c(yb - 4.0), c(bx1), c(yb + 7.0), c(bx2), c(yb + 1.0)
                    );
                    html! {
                        <g key={b.measure.to_string()} data-measure={b.measure.to_string()} data-testid={clipped.then(|| format!("macc-clipped-{}", b.measure.as_str()))}>
                            <title>{ tip }</title>
                            <rect x={c(x1)} y={c(top)} width={c((x2 - x1 - 1.0).max(0.8))} height={c(height.max(0.8))}
                                fill={area_colour(&area_of(b.measure.as_str()))} class={classes!("macc-bar", clipped.then_some("clipped"))} />
                            if clipped {
                                <path d={brk.clone()} class="macc-break-gap" />
                                <path d={brk} class="macc-break" />
                            }
                            if x2 - x1 >= 12.0 {
                                <text x={c(lx)} y={c(ly)} text-anchor="middle" class={classes!("bar-label", (x2 - x1 < 26.0).then_some("narrow"))}>{ n.clone() }</text>
                            }
                        </g>
                    }
                }) }
                <line x1={c(left)} x2={c(w - RIGHT)} y1={c(y0)} y2={c(y0)} class="zero" />
                // The clipped bars' values: the ones cut at the top in the top left corner,
                // the ones cut at the bottom in the bottom right (the curve rises from left
                // to right, so those corners are empty).
                // On a phone the boxes would cover bars and their numbers: the values are
                // listed under the chart instead.
                if !narrow {
                    { callout(&clipped_values(true), left + 6.0, TOP + 2.0, "start", "macc-callout-high") }
                    { callout(&clipped_values(false), w - RIGHT - 6.0, h - BOTTOM - 4.0, "end", "macc-callout-low") }
                }
            </svg>
            </div>
            if narrow && any_clipped {
                <p class="macc-clipped-values" data-testid="macc-clipped-values">
                    { t(lang, K::MaccClippedPrint) }{ " " }{ [clipped_values(false), clipped_values(true)].concat().join("; ") }{ "." }
                </p>
            }
            if any_clipped {
                <p class="hint" data-testid="macc-clipped-note">{ t(lang, K::MaccClipped) }</p>
            }
            // On paper the legend gives way to the table's numbers, and the clipped values,
            // too small in the corner boxes at print size, are written out.
            <p class="print-only macc-print-note" data-testid="macc-print-note">
                { t(lang, K::PrintMaccNumbers) }
                if any_clipped {
                    { " " }{ t(lang, K::MaccClippedPrint) }{ " " }{ [clipped_values(false), clipped_values(true)].concat().join("; ") }{ "." }
                }
            </p>
            <ol class="macc-legend">
                { for bars.iter().map(|b| html! {
                    <li key={b.measure.to_string()} value={number(b.measure.as_str())} data-measure={b.measure.to_string()}>
                        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill={area_colour(&area_of(b.measure.as_str()))} /></svg>
                        <span class="legend-name">{ measure_name_by_id(b.measure.as_str(), lang) }</span>
                        <span class="legend-value" data-testid="macc-legend-value">{ format!("{} {unit} · {} {}", format::number(b.cost_per_tonne.value(), 0, lang), format::number(b.width.value(), 1, lang), t(lang, K::PerYear)) }</span>
                    </li>
                }) }
            </ol>
            <ChartTable test_id="chart-macc-table" row_header={1}
                caption={format!("{title}: {unit}, {}", t(lang, K::PerYear))}
                head={vec![t(lang, K::ColNumber).to_string(), t(lang, K::ColMeasure).to_string(), unit.to_string(), t(lang, K::PerYear).to_string()]}
                rows={bars.iter().map(|b| vec![
                    number(b.measure.as_str()),
                    measure_name_by_id(b.measure.as_str(), lang),
                    format::number(b.cost_per_tonne.value(), 0, lang),
                    format::number(b.width.value(), 1, lang),
                ]).collect::<Vec<_>>()} />
        </figure>
    }
}
