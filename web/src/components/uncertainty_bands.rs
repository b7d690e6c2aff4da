//! Monte Carlo bands: 5–95 % of the cumulative t CO2e and the municipality's net SEK (waste
//! fee + budget, after all measure costs), for the total and per measure, and the
//! probability that the municipality saves money. Computed off the input path
//! (see [`crate::decide`]).

use super::measure_name_by_id;
use super::scroll_box::ScrollBox;
use crate::chart::{Scale, c, px};
use crate::decide::{MC_DRAWS, MC_SEED, monte_carlo_for, use_analysis};
use crate::format;
use crate::hooks::use_app;
use crate::i18n::{K, Lang, t, tf};
use calc_core::{McFigures, Percentiles};
use rust_decimal::Decimal;
use yew::prelude::*;

const BAR_W: f64 = 160.0;
const BAR_H: f64 = 18.0;

fn band_t(p: &Percentiles<calc_core::KgCo2e>, lang: Lang) -> String {
    format::range_t(p.p5, p.p95, lang)
}

/// A small SVG of the 5–95 % range (bar) and the median (tick) on a shared scale.
fn range_bar(p: &Percentiles<calc_core::KgCo2e>, scale: &Scale, zero: bool) -> Html {
    let v = |kg: calc_core::KgCo2e| scale.at(px(format::kg_to_t(kg)));
    let (x1, x2, xm) = (v(p.p5), v(p.p95), v(p.p50));
    html! {
        <svg class="mc-bar" viewBox={format!("0 0 {BAR_W} {BAR_H}")} width={c(BAR_W)} height={c(BAR_H)} aria-hidden="true">
            <line x1="0" x2={c(BAR_W)} y1={c(BAR_H / 2.0)} y2={c(BAR_H / 2.0)} class="mc-axis" />
            if zero {
                <line x1={c(scale.at(0.0))} x2={c(scale.at(0.0))} y1="2" y2={c(BAR_H - 2.0)} class="mc-zero" />
            }
            <rect x={c(x1.min(x2))} y="5" width={c((x2 - x1).abs().max(2.0))} height={c(BAR_H - 10.0)} rx="3" class="mc-range" />
            <line x1={c(xm)} x2={c(xm)} y1="2" y2={c(BAR_H - 2.0)} class="mc-median" />
        </svg>
    }
}

fn prob_cell(p: Decimal, lang: Lang) -> Html {
    let w = px(p).clamp(0.0, 1.0) * 60.0;
    let class = if p >= Decimal::new(9, 1) {
        "prob-high"
    } else if p >= Decimal::new(5, 1) {
        "prob-mid"
    } else {
        "prob-low"
    };
    html! {
        <span class="prob">
            <svg viewBox="0 0 60 8" width="60" height="8" aria-hidden="true">
                <rect width="60" height="8" rx="4" class="prob-track" />
                <rect width={c(w)} height="8" rx="4" class={class} />
            </svg>
            <span class="prob-text">{ format::percent(p, 0, lang) }</span>
        </span>
    }
}

/// The bands table.
#[function_component]
pub fn UncertaintyBands() -> Html {
    let Some((store, lang)) = use_app() else {
        return html! {};
    };
    let (result, pending) = use_analysis(&store.settings, monte_carlo_for);
    let status = html! {
        <span class={classes!("status", pending.then_some("busy"))} role="status" data-testid="mc-status">
            { if pending { t(lang, K::Computing).to_string() } else { format!("{} {}, {} {MC_SEED}", format::number(Decimal::from(MC_DRAWS), 0, lang), t(lang, K::McDraws), t(lang, K::McSeed)) } }
        </span>
    };
    let body = match result.as_deref() {
        None => html! { <p class="hint">{ t(lang, K::Computing) }</p> },
        Some(Err(msg)) => {
            html! { <div class="alert" role="alert">{ format!("{} {msg}", t(lang, K::CalcError)) }</div> }
        }
        Some(Ok(mc)) if mc.measures.is_empty() => {
            html! { <p class="hint">{ super::empty_reason(&store.settings, lang) }</p> }
        }
        Some(Ok(mc)) => {
            let mut rows: Vec<&calc_core::McMeasure> = mc.measures.iter().collect();
            calc_core::sort::sort_by(&mut rows, |a, b| {
                b.figures
                    .co2e_saved_kg_cumulative
                    .p50
                    .cmp(&a.figures.co2e_saved_kg_cumulative.p50)
                    .then_with(|| a.measure.cmp(&b.measure))
            });
            let t_of = |kg: calc_core::KgCo2e| px(format::kg_to_t(kg));
            let lo = rows
                .iter()
                .map(|m| t_of(m.figures.co2e_saved_kg_cumulative.p5))
                .fold(0.0_f64, f64::min);
            let hi = rows
                .iter()
                .map(|m| t_of(m.figures.co2e_saved_kg_cumulative.p95))
                .fold(0.0_f64, f64::max);
            let shared = Scale::new(lo, hi, 2.0, BAR_W - 2.0);
            let tp = &mc.total.co2e_saved_kg_cumulative;
            let total_scale = Scale::new(
                t_of(tp.p5).min(0.0),
                t_of(tp.p95).max(0.0),
                2.0,
                BAR_W - 2.0,
            );
            // One unit for the whole SEK column (the total's band is usually the widest).
            let sek_unit = format::SekUnit::for_amounts(
                std::iter::once(&mc.total)
                    .chain(rows.iter().map(|m| &m.figures))
                    .flat_map(|f| {
                        let p = &f.net_sek_saved_cumulative_municipality;
                        [p.p5, p.p50, p.p95]
                    }),
            );
            let sek_head = sek_unit.heading(t(lang, K::McSekCum), lang);
            let row = |name: Html, f: &McFigures, scale: &Scale, total: bool, key: String| {
                let co2e_id = total.then_some("mc-total-co2e");
                let sek_id = total.then_some("mc-total-sek");
                html! {
                    <tr key={key} class={classes!(total.then_some("mc-total"))}>
                        <th scope="row">{ name }</th>
                        <td class="num" data-label={t(lang, K::McCo2eCum)}>
                            <span class="main">{ format::tonnes_co2e(f.co2e_saved_kg_cumulative.p50, lang) }</span>
                            <span class="sub" data-testid={co2e_id}>{ band_t(&f.co2e_saved_kg_cumulative, lang) }</span>
                        </td>
                        <td class="mc-bar-cell">{ range_bar(&f.co2e_saved_kg_cumulative, scale, lo < 0.0 || total) }</td>
                        <td class="num" data-label={sek_head.clone()}>
                            <span class="main">{ sek_unit.amount(f.net_sek_saved_cumulative_municipality.p50, lang) }</span>
                            <span class="sub" data-testid={sek_id}>{ sek_unit.range(f.net_sek_saved_cumulative_municipality.p5, f.net_sek_saved_cumulative_municipality.p95, lang) }</span>
                        </td>
                        <td class="num" data-label={t(lang, K::McProb)}>{ prob_cell(f.probability_municipality_saves_money, lang) }</td>
                    </tr>
                }
            };
            let agreement = agreement_notes(&mc.agreement, lang);
            html! {
                <>
                { agreement }
                <ScrollBox label={t(lang, K::McTitle)}>
                    <table class={classes!("mc-table", "stack", pending.then_some("stale"))} data-testid="mc-table">
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, K::ColMeasure) }</th>
                                <th scope="col" class="num">{ t(lang, K::McCo2eCum) }<span class="sub">{ format!("{} · {}", t(lang, K::McMedian), t(lang, K::McRange)) }</span></th>
                                <th scope="col"><span class="visually-hidden">{ "5–95 %" }</span></th>
                                <th scope="col" class="num">{ sek_head.clone() }<span class="sub">{ format!("{} · {}", t(lang, K::McMedian), t(lang, K::McRange)) }</span></th>
                                <th scope="col" class="num">{ t(lang, K::McProb) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { row(html! { <strong>{ t(lang, K::McTotal) }</strong> }, &mc.total, &total_scale, true, "total".to_string()) }
                            { for rows.iter().map(|m| row(html! { measure_name_by_id(m.measure.as_str(), lang) }, &m.figures, &shared, false, m.measure.as_str().to_string())) }
                        </tbody>
                    </table>
                </ScrollBox>
                </>
            }
        }
    };
    html! {
        <section class="decide-part" aria-labelledby="mc-title" aria-busy={pending.to_string()}>
            <div class="panel-head">
                <h3 id="mc-title">{ t(lang, K::McTitle) }</h3>
                { status }
            </div>
            <p class="hint">{ t(lang, K::McHelp) }</p>
            { body }
        </section>
    }
}

/// An input of a [`calc_core::Disagreement`] as a reader names it: a measure's effect or a
/// factor by its name.
fn input_name(id: &calc_core::FactorId, lang: Lang) -> String {
    super::factor_name(id.as_str(), lang)
}

/// Whether the band agrees with the headline (the all-central result) for each total, and
/// why not where it does not (issue 21).
fn agreement_notes(agreement: &[calc_core::Agreement], lang: Lang) -> Html {
    use calc_core::{Disagreement, McFigure, Payer};
    let figure = |f: McFigure| match f {
        McFigure::Co2e => t(lang, K::TCo2e),
        McFigure::Society => t(lang, K::BandSociety),
        McFigure::Municipality => t(lang, K::BandMunicipality),
        McFigure::Payer(Payer::WasteFee) => t(lang, K::BandWasteFee),
        McFigure::Payer(Payer::MunicipalBudget) => t(lang, K::BandBudget),
        McFigure::Payer(Payer::Households) => t(lang, K::BandHouseholds),
    };
    let off: Vec<Html> = agreement
        .iter()
        .filter(|a| !(a.central_in_iqr && a.saving_at_least_even))
        .map(|a| {
            let why = match &a.reason {
                Some(Disagreement::Lopsided { below, inputs }) => {
                    let names: Vec<String> = inputs.iter().map(|i| input_name(i, lang)).collect();
                    let key = if *below {
                        K::BandLopsidedDown
                    } else {
                        K::BandLopsidedUp
                    };
                    tf(lang, key, &[("inputs", &names.join(", "))])
                }
                Some(Disagreement::Interaction { below }) => t(
                    lang,
                    if *below {
                        K::BandInteractionDown
                    } else {
                        K::BandInteractionUp
                    },
                )
                .to_string(),
                None => String::new(),
            };
            html! {
                <li>
                    <strong>{ figure(a.figure) }{ ": " }</strong>
                    { t(lang, K::BandOutside) }
                    { why }
                </li>
            }
        })
        .collect();
    if off.is_empty() {
        html! {
            <p class="hint" data-testid="mc-agreement">
                { t(lang, K::BandAgrees) }
            </p>
        }
    } else {
        html! {
            <div class="notice" data-testid="mc-agreement">
                <p>{ t(lang, K::BandWhy) }</p>
                <ul>{ for off }</ul>
            </div>
        }
    }
}
