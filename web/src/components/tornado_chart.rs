//! Tornado charts: the eight inputs that move the cumulative t CO2e most, and the eight
//! that move the municipality's cumulative net SEK most (waste fee + budget, after all
//! measure costs). Each bar runs from the total with the input at its low value to the
//! total at its high value, around the central total. Computed with the same debounce as
//! the Monte Carlo bands.

use super::chart_table::ChartTable;
use super::factor_name;
use crate::chart::{NARROW, Scale, c, clip, px, ticks, use_chart_width};
use crate::decide::{sensitivity_for, use_analysis};
use crate::format;
use crate::hooks::use_app;
use crate::i18n::{K, Lang, t};
use calc_core::{Sek, Swing};
use rust_decimal::Decimal;
use yew::prelude::*;

/// Number of factors shown per chart.
pub const TORNADO_FACTORS: usize = 8;

const LEFT: f64 = 230.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 46.0;
const ROW: f64 = 38.0;
const BOTTOM: f64 = 48.0;
/// On a narrow screen the input's name stands above its bar, from the left edge, and the
/// legend takes two lines; the plot keeps room for half a tick label at each end.
const NARROW_LEFT: f64 = 26.0;
const NARROW_RIGHT: f64 = 26.0;
const NARROW_NAME_X: f64 = 4.0;
const NARROW_TOP: f64 = 62.0;
const NARROW_ROW: f64 = 54.0;

/// One bar: the input's id, the total at its low and high value (chart units) and the
/// same as text.
struct Bar {
    id: String,
    low: f64,
    high: f64,
    low_text: String,
    high_text: String,
}

/// One chart's data in chart units.
struct Chart<'a> {
    test_id: &'static str,
    title: &'a str,
    axis: &'a str,
    unit: &'a str,
    central: f64,
    central_text: String,
    bars: Vec<Bar>,
}

/// The chart drawn `w` units wide (see [`crate::chart::use_chart_width`]).
fn draw(ch: &Chart<'_>, lang: Lang, pending: bool, w: f64) -> Html {
    let narrow = w < NARROW;
    let (left, right, top, row_h) = if narrow {
        (NARROW_LEFT, NARROW_RIGHT, NARROW_TOP, NARROW_ROW)
    } else {
        (LEFT, RIGHT, TOP, ROW)
    };
    let name_chars = if narrow {
        ((w - 12.0) / 6.6) as usize
    } else {
        34
    };
    let legend_x = if narrow { NARROW_NAME_X } else { left };
    let central = ch.central;
    let lo = ch
        .bars
        .iter()
        .flat_map(|b| [b.low, b.high])
        .fold(central, f64::min);
    let hi = ch
        .bars
        .iter()
        .flat_map(|b| [b.low, b.high])
        .fold(central, f64::max);
    let pad = (hi - lo).max(if hi.abs().max(lo.abs()) < 10.0 {
        0.1
    } else {
        1.0
    }) * 0.04;
    let (tick_values, decimals) = ticks(lo - pad, hi + pad, if narrow { 3 } else { 6 });
    let d0 = tick_values.first().copied().unwrap_or(lo).min(lo - pad);
    let d1 = tick_values.last().copied().unwrap_or(hi).max(hi + pad);
    let x = Scale::new(d0, d1, left, w - right);
    // An axis title wider than a narrow chart (about 6.6 units a character at 12 px) takes
    // two lines, split before its parenthesis.
    let axis_lines: Vec<String> = match ch.axis.split_once(" (") {
        Some((a, b)) if narrow && ch.axis.chars().count() as f64 * 6.6 > w - 8.0 => {
            vec![a.to_string(), format!("({b}")]
        }
        _ => vec![ch.axis.to_string()],
    };
    let bottom_margin = BOTTOM + 15.0 * (axis_lines.len() as f64 - 1.0);
    let h = top + row_h * ch.bars.len() as f64 + bottom_margin;
    let bottom = h - bottom_margin;
    let xc = x.at(central);
    let title_id = format!("{}-svg-title", ch.test_id);
    html! {
        <svg viewBox={format!("0 0 {} {}", c(w), c(h))} role="img" aria-labelledby={title_id.clone()} class={classes!("chart-svg", "chart-tornado", pending.then_some("stale"))} data-testid={ch.test_id}>
            <title id={title_id}>{ format!("{}: {} ({}: {})", ch.title, ch.axis, t(lang, K::TornadoCentral), ch.central_text) }</title>
            <g class="tornado-legend">
                <rect x={c(legend_x)} y="4" width="12" height="12" rx="2" class="tor-low" />
                <text x={c(legend_x + 18.0)} y="14" class="label">{ t(lang, K::TornadoLow) }</text>
                <rect x={c(if narrow { legend_x } else { legend_x + 190.0 })} y={if narrow { "22" } else { "4" }} width="12" height="12" rx="2" class="tor-high" />
                <text x={c(if narrow { legend_x + 18.0 } else { legend_x + 208.0 })} y={if narrow { "32" } else { "14" }} class="label">{ t(lang, K::TornadoHigh) }</text>
            </g>
            { for tick_values.iter().filter(|v| **v >= d0 && **v <= d1).map(|v| { let xv = x.at(*v); html! {
                <g>
                    <line x1={c(xv)} x2={c(xv)} y1={c(top - 4.0)} y2={c(bottom)} class="grid" />
                    <text x={c(xv)} y={c(bottom + 16.0)} text-anchor="middle" class="tick">{ format::tick(*v, decimals, lang) }</text>
                </g>
            }}) }
            <text x={c((left + w - right) / 2.0)} y={c(bottom + 40.0)} text-anchor="middle" class="axis-label">
                { for axis_lines.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={c((left + w - right) / 2.0)} dy={if i == 0 { "0" } else { "15" }}>{ line.clone() }</tspan>
                }) }
            </text>
            { for ch.bars.iter().enumerate().map(|(i, b)| {
                let y = top + row_h * i as f64;
                let (xl, xh) = (x.at(b.low), x.at(b.high));
                let name = factor_name(&b.id, lang);
                let (first, second) = name.split_once(" · ").unwrap_or((name.as_str(), ""));
                let tip = format!("{name} ({}): {} {} {}, {} {} {}", b.id,
                    t(lang, K::TornadoLow), b.low_text, ch.unit,
                    t(lang, K::TornadoHigh), b.high_text, ch.unit);
                // Narrow: two lines of name, then the bar.
                let (bar_y, bar_h) = if narrow { (y + 33.0, row_h - 38.0) } else { (y + 8.0, row_h - 16.0) };
                let seg = |xe: f64, class: &'static str| html! {
                    <rect x={c(xe.min(xc))} y={c(bar_y)} width={c((xe - xc).abs().max(1.0))} height={c(bar_h)} class={class} />
                };
                let (name_x, first_y, second_y, anchor) = if narrow {
                    (NARROW_NAME_X, y + 13.0, y + 27.0, "start")
                } else {
                    (left - 10.0, y + row_h / 2.0 - 2.0, y + row_h / 2.0 + 11.0, "end")
                };
                html! {
                    <g key={b.id.clone()}>
                        <title>{ tip }</title>
                        <text x={c(name_x)} y={c(first_y)} text-anchor={anchor} class={classes!("label", narrow.then_some("halo"))}>{ clip(first, name_chars) }</text>
                        <text x={c(name_x)} y={c(second_y)} text-anchor={anchor} class={classes!("tick", narrow.then_some("halo"))}>{ clip(second, name_chars) }</text>
                        { seg(xl, "tor-low") }
                        { seg(xh, "tor-high") }
                    </g>
                }
            }) }
            <line x1={c(xc)} x2={c(xc)} y1={c(top - 4.0)} y2={c(bottom)} class="zero" />
            // The central label stays inside the drawing when the centre is near an edge.
            <text x={c(xc.clamp(left + 60.0, (w - right - 60.0).max(left + 60.0)))} y={c(top - 8.0)} text-anchor="middle" class="value">{ format!("{} {}", t(lang, K::TornadoCentral), ch.central_text) }</text>
        </svg>
    }
}

/// SEK in millions, for the SEK chart's axis.
fn mn(s: Sek) -> f64 {
    px(s.value() / Decimal::from(1_000_000))
}

fn mn_text(s: Sek, lang: Lang) -> String {
    format::number(s.value() / Decimal::from(1_000_000), 1, lang)
}

fn sek_bars(swings: &[Swing<Sek>], lang: Lang) -> Vec<Bar> {
    swings
        .iter()
        .filter(|w| w.at_low != w.at_high)
        .take(TORNADO_FACTORS)
        .map(|w| Bar {
            id: w.factor.as_str().to_string(),
            low: mn(w.at_low),
            high: mn(w.at_high),
            low_text: mn_text(w.at_low, lang),
            high_text: mn_text(w.at_high, lang),
        })
        .collect()
}

/// The two tornado charts.
#[function_component]
pub fn TornadoChart() -> Html {
    let (co2e_ref, co2e_w) = use_chart_width();
    let (sek_ref, sek_w) = use_chart_width();
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let (result, pending) = use_analysis(&store.settings, sensitivity_for);
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
    let tv = |kg: calc_core::KgCo2e| px(format::kg_to_t(kg));
    let co2e = Chart {
        test_id: "chart-tornado",
        title: t(lang, K::TornadoCo2e),
        axis: t(lang, K::AxisTCo2eCum),
        unit: "t CO2e",
        central: tv(s.co2e_central),
        central_text: format::tonnes_co2e(s.co2e_central, lang),
        bars: s
            .co2e
            .iter()
            .filter(|w| w.at_low != w.at_high)
            .take(TORNADO_FACTORS)
            .map(|w| Bar {
                id: w.factor.as_str().to_string(),
                low: tv(w.at_low),
                high: tv(w.at_high),
                low_text: format::tonnes_co2e(w.at_low, lang),
                high_text: format::tonnes_co2e(w.at_high, lang),
            })
            .collect(),
    };
    let sek = Chart {
        test_id: "chart-tornado-sek",
        title: t(lang, K::TornadoSek),
        axis: t(lang, K::AxisMnkrCum),
        unit: t(lang, K::Mnkr),
        central: mn(s.sek_central),
        central_text: format!("{} {}", mn_text(s.sek_central, lang), t(lang, K::Mnkr)),
        bars: sek_bars(&s.sek, lang),
    };
    let part = |ch: &Chart<'_>, box_ref: NodeRef, w: f64| {
        let caption = format!(
            "{}: {} ({}: {})",
            ch.title,
            ch.axis,
            t(lang, K::TornadoCentral),
            ch.central_text
        );
        let rows: Vec<Vec<String>> = ch
            .bars
            .iter()
            .map(|b| {
                vec![
                    factor_name(&b.id, lang),
                    b.low_text.clone(),
                    b.high_text.clone(),
                ]
            })
            .collect();
        html! {
            <figure class="tornado-part">
                <figcaption><h4>{ ch.title }</h4></figcaption>
                <div class="chart-box" ref={box_ref}>
                    if ch.bars.is_empty() {
                        <p class="hint">{ super::empty_reason(&store.settings, lang) }</p>
                    } else {
                        { draw(ch, lang, pending, w) }
                    }
                </div>
                if !ch.bars.is_empty() {
                    <ChartTable test_id={format!("{}-table", ch.test_id)} {caption}
                        head={vec![t(lang, K::DriversInput).to_string(), format!("{} ({})", t(lang, K::AtLowCol), ch.unit), format!("{} ({})", t(lang, K::AtHighCol), ch.unit)]}
                        {rows} />
                }
            </figure>
        }
    };
    html! {
        <section class="decide-part" aria-labelledby="tornado-title">
            { head }
            <div class="tornado-pair">
                { part(&co2e, co2e_ref, co2e_w) }
                { part(&sek, sek_ref, sek_w) }
            </div>
        </section>
    }
}
