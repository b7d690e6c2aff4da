//! Two or three saved scenarios side by side.

use super::scroll_box::ScrollBox;
use crate::format;
use crate::hooks::use_app_cat;
use crate::i18n::{K, t};
use crate::settings::{Settings, evaluate_settings};
use calc_core::{Perspective, Summary};
use yew::prelude::*;

/// The comparison table of the scenarios ticked in the saved list.
#[function_component]
pub fn CompareTable() -> Html {
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    // The compared scenarios are evaluated when they change, not on every render (a
    // slider move re-renders the whole app).
    let compared: Vec<Settings> = store
        .compare
        .iter()
        .filter_map(|n| store.saved.iter().find(|s| s.settings.name == *n))
        .map(|s| s.settings.clone())
        .collect();
    let cols = use_memo(compared, |compared| {
        compared
            .iter()
            .map(|s| {
                // A scenario that cannot be evaluated shows why in its column, not a bare dash.
                let e = evaluate_settings(s, cat).map(|e| e.total);
                let on = s.measures.iter().filter(|m| m.enabled).count();
                // The municipalities by name ("Hela Sjuhärad" for all of them), not a count.
                let towns = if s.municipalities.len() == cat.municipalities.len() {
                    String::new()
                } else {
                    s.municipalities
                        .iter()
                        .map(|c| {
                            cat.any_municipality(c)
                                .map_or_else(|| c.clone(), |k| k.name.clone())
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                (s.name.clone(), e, towns, on)
            })
            .collect::<Vec<(String, Result<Summary, String>, String, usize)>>()
    });
    if store.compare.len() < 2 {
        return html! {};
    }
    // On a phone each row is a card, each value under its scenario's name.
    let names: Vec<String> = cols.iter().map(|(n, _, _, _)| n.clone()).collect();
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    // Every money row says its sign convention and whether one-time costs are in it.
    let row = |label: String, sign: Option<K>, f: &dyn Fn(&Summary) -> String| {
        html! {
            <tr>
                <th scope="row">
                    { label }
                    if let Some(sign) = sign {
                        <span class="sub">{ t(lang, sign) }</span>
                    }
                </th>
                { for cols.iter().enumerate().map(|(i, (_, s, _, _))| html! { <td class="num" data-label={name(i)}>{ s.as_ref().map(f).unwrap_or_else(|e| format!("– ({e})")) }</td> }) }
            </tr>
        }
    };
    // A money row: one unit for the row (its scenarios side by side), said in its heading.
    let money_row =
        |label: String,
         sign: K,
         pick: &dyn Fn(&Summary) -> Option<calc_core::Band<calc_core::Sek>>| {
            let unit = format::SekUnit::for_amounts(
                cols.iter()
                    .filter_map(|(_, s, _, _)| s.as_ref().ok().and_then(pick))
                    .map(|b| b.central),
            );
            row(unit.heading(&label, lang), Some(sign), &|s| {
                pick(s).map_or_else(|| "–".to_string(), |b| unit.amount(b.central, lang))
            })
        };
    let (muni, meas) = (t(lang, K::Municipalities), t(lang, K::CompareMeasuresOn));
    html! {
        <div class="compare">
            <h3>{ t(lang, K::Compare) }</h3>
            <ScrollBox label={t(lang, K::Compare)}>
                <table class="results stack" data-testid="compare-table">
                    <thead>
                        <tr>
                            <td></td>
                            { for cols.iter().map(|(n, _, _, _)| html! { <th scope="col" class="num">{ n.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        <tr><th scope="row">{ muni }</th>{ for cols.iter().enumerate().map(|(i, (_, _, k, _))| html! {
                            <td data-testid="compare-municipalities" data-label={name(i)}>{ if k.is_empty() { t(lang, K::WholeSjuharad).to_string() } else { k.clone() } }</td>
                        }) }</tr>
                        <tr><th scope="row">{ meas }</th>{ for cols.iter().enumerate().map(|(i, (_, _, _, m))| html! { <td class="num" data-label={name(i)}>{ m }</td> }) }</tr>
                        { row(format!("{} ({})", t(lang, K::TotalCo2eYear), t(lang, K::PerYear)), None, &|s| format::tonnes_co2e(s.co2e_saved_kg_per_year.central, lang)) }
                        { row(format!("{} ({})", t(lang, K::TotalCo2eCum), t(lang, K::TCo2e)), None, &|s| format::tonnes_co2e(s.co2e_saved_kg_cumulative.central, lang)) }
                        { money_row(t(lang, K::TotalSek).to_string(), K::SignSavingNoOnce, &|s| s.net_sek_per_year(Perspective::Municipality)) }
                        { money_row(format!("{}, {}", t(lang, K::PayerHouseholds), t(lang, K::PerYearUnit)), K::SignSavingNoOnce, &|s| s.net_sek_per_year(Perspective::Households)) }
                        { money_row(format!("{}, {}", t(lang, K::PayerSociety), t(lang, K::PerYearUnit)), K::SignSavingNoOnce, &|s| s.net_sek_per_year(Perspective::Society)) }
                        { money_row(t(lang, K::TotalNpvMuni).to_string(), K::SignSavingOnce, &|s| s.net_present_value(Perspective::Municipality)) }
                        { row(t(lang, K::ColCostPerT).to_string(), Some(K::SignCostOnce), &|s| s.municipality_cost_per_tonne_co2e.map_or_else(|| "–".into(), |c| format::number(c.value(), 0, lang))) }
                    </tbody>
                </table>
            </ScrollBox>
        </div>
    }
}
