//! The measures ranked in a table, sortable by CO2e, SEK and cost per tonne.

use super::{Store, area_name, measure_name_by_id};
use crate::format;
use crate::i18n::{K, t};
use crate::state::{Action, SortKey, catalogue};
use calc_core::GroupSummary;
use std::cmp::Ordering;
use yew::prelude::*;

fn compare(
    key: SortKey,
    a: &GroupSummary,
    b: &GroupSummary,
    names: &dyn Fn(&str) -> String,
) -> Ordering {
    let (sa, sb) = (&a.summary, &b.summary);
    match key {
        SortKey::Name => names(&a.key).cmp(&names(&b.key)),
        SortKey::Co2e => sa
            .co2e_saved_kg_per_year
            .central
            .cmp(&sb.co2e_saved_kg_per_year.central),
        SortKey::Sek => sa
            .net_sek_saved_per_year
            .central
            .cmp(&sb.net_sek_saved_per_year.central),
        // Measures that save no CO2e have no cost per tonne: they sort last either way.
        SortKey::CostPerTonne => match (sa.cost_per_tonne_co2e, sb.cost_per_tonne_co2e) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    }
}

/// The ranked measures.
#[function_component]
pub fn ResultsTable() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let Ok(e) = store.eval.as_ref() else {
        return html! {};
    };
    let lang = store.lang;
    let names = move |id: &str| measure_name_by_id(id, lang);
    let mut rows: Vec<&GroupSummary> = e.by_measure.iter().collect();
    let (key, asc) = (store.sort, store.ascending);
    rows.sort_by(|a, b| {
        let o = compare(key, a, b, &names);
        let o = if asc
            || (key == SortKey::CostPerTonne
                && (a.summary.cost_per_tonne_co2e.is_none()
                    || b.summary.cost_per_tonne_co2e.is_none()))
        {
            o
        } else {
            o.reverse()
        };
        o.then_with(|| a.key.cmp(&b.key))
    });
    let header = |k: SortKey, label: K, numeric: bool| {
        let sort = if key == k {
            if asc { "ascending" } else { "descending" }
        } else {
            "none"
        };
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::Sort(k)))
        };
        let arrow = match sort {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "↕",
        };
        html! {
            <th scope="col" aria-sort={sort} class={classes!(numeric.then_some("num"))}>
                <button type="button" class="sort" data-testid={format!("sort-{k:?}").to_lowercase()} {onclick}>
                    { t(lang, label) }<span class="arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let area_of = |id: &str| {
        catalogue()
            .and_then(|c| c.measure(id))
            .map(|m| m.area.clone())
            .unwrap_or_default()
    };
    html! {
        <section class="panel table-panel" aria-labelledby="table-title">
            <h2 id="table-title">{ t(lang, K::TableTitle) }</h2>
            if rows.is_empty() {
                <p class="hint">{ t(lang, K::NoData) }</p>
            } else {
                <div class="table-scroll">
                    <table class="results" data-testid="results-table">
                        <caption class="hint">{ t(lang, K::TableCaption) }</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="num rank">{ "#" }</th>
                                { header(SortKey::Name, K::ColMeasure, false) }
                                { header(SortKey::Co2e, K::ColCo2e, true) }
                                { header(SortKey::Sek, K::ColSek, true) }
                                { header(SortKey::CostPerTonne, K::ColCostPerT, true) }
                                <th scope="col" class="no-print"><span class="visually-hidden">{ t(lang, K::ColSources) }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().enumerate().map(|(i, g)| {
                                let s = &g.summary;
                                let id = g.key.clone();
                                let area = area_of(&id);
                                let open = {
                                    let store = store.clone();
                                    let id = id.clone();
                                    Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowSources(Some(id.clone()))))
                                };
                                let cpt = s.cost_per_tonne_co2e
                                    .filter(|_| s.co2e_saved_kg_cumulative.central.value().is_sign_positive() && !s.co2e_saved_kg_cumulative.central.is_zero())
                                    .map_or_else(|| t(lang, K::NotSaving).to_string(), |c| format::number(c.value(), 0, lang));
                                html! {
                                    <tr key={id.clone()} class={classes!((i >= 8).then_some("print-rest"))} data-measure={id.clone()}>
                                        <td class="num rank">{ i + 1 }</td>
                                        <th scope="row" class="measure-cell">
                                            <span class="name">{ names(&id) }</span>
                                            <span class={classes!("area-tag", format!("area-{area}"))}>{ area_name(&area, lang) }</span>
                                        </th>
                                        <td class="num">
                                            <span class="main">{ format::tonnes_co2e(s.co2e_saved_kg_per_year.central, lang) }</span>
                                            <span class="sub">{ format!("{}–{}", format::tonnes_co2e(s.co2e_saved_kg_per_year.low, lang), format::tonnes_co2e(s.co2e_saved_kg_per_year.high, lang)) }</span>
                                        </td>
                                        <td class="num">
                                            <span class="main">{ format::number(s.net_sek_saved_per_year.central.value(), 0, lang) }</span>
                                            <span class="sub">{ format!("{} – {}", format::sek_short(s.net_sek_saved_per_year.low, lang), format::sek_short(s.net_sek_saved_per_year.high, lang)) }</span>
                                        </td>
                                        <td class="num">{ cpt }</td>
                                        <td class="no-print">
                                            <button type="button" class="button-secondary small" data-testid={format!("sources-{id}")}
                                                aria-label={format!("{}: {}", t(lang, K::Sources), names(&id))} onclick={open}>
                                                { t(lang, K::Sources) }
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
