//! The measures ranked in a table, sortable by CO2e, SEK and cost per tonne.

use super::scroll_box::ScrollBox;
use super::{area_name, measure_name_by_id};
use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, t, tf};
use crate::settings::catalogue;
use crate::state::{Action, SortKey};
use calc_core::{Evaluation, GroupSummary, KgCo2e, MeasureId, Perspective, RankBy, rank_for};
use yew::prelude::*;

/// The measures in table order. Numeric columns use calc-core's ranking (the same order as
/// the ranking and the MACC, so a measure that saves no CO2e has no cost per tonne and
/// stays last); the other direction reverses the measures that have a value.
fn ordered<'e>(
    e: &'e Evaluation,
    key: SortKey,
    asc: bool,
    names: &dyn Fn(&str) -> String,
) -> Vec<&'e GroupSummary<MeasureId>> {
    let by = match key {
        SortKey::Name => {
            let mut rows: Vec<&GroupSummary<MeasureId>> = e.by_measure.iter().collect();
            calc_core::sort::sort_by(&mut rows, |a, b| {
                let o = names(a.key.as_str())
                    .cmp(&names(b.key.as_str()))
                    .then_with(|| a.key.cmp(&b.key));
                if asc { o } else { o.reverse() }
            });
            return rows;
        }
        SortKey::Co2e => (RankBy::Co2e, Perspective::Municipality),
        SortKey::Sek => (RankBy::Sek, Perspective::Municipality),
        SortKey::HouseholdSek => (RankBy::Sek, Perspective::Households),
        SortKey::CostPerTonne => (RankBy::CostPerTonne, Perspective::Municipality),
    };
    let mut rows: Vec<&GroupSummary<MeasureId>> = rank_for(e, by.0, by.1)
        .iter()
        .filter_map(|r| e.by_measure.iter().find(|g| g.key == r.measure.key))
        .collect();
    // Best first is descending for CO2e and SEK, ascending for cost per tonne.
    let best_first = if key == SortKey::CostPerTonne {
        asc
    } else {
        !asc
    };
    if !best_first {
        let valued = if key == SortKey::CostPerTonne {
            rows.iter()
                .take_while(|g| {
                    g.summary.municipality_cost_per_tonne_co2e.is_some()
                        && g.summary.co2e_saved_kg_cumulative.central > KgCo2e::ZERO
                })
                .count()
        } else {
            rows.len()
        };
        if let Some(head) = rows.get_mut(..valued) {
            head.reverse();
        }
    }
    rows
}

/// Where a measure stands among the measures on its pool of waste: `(order, of how many)`
/// in the first municipality it is in (the order is the same everywhere: waste-hierarchy
/// stage, then measure id). `None` when no other measure shares its pool.
#[must_use]
pub fn pool_order(e: &Evaluation, measure: &str) -> Option<(u32, usize)> {
    let item = e.items.iter().find(|i| i.measure.as_str() == measure)?;
    // The legal duties of the reference path take their place in the order too.
    let n = e
        .items
        .iter()
        .chain(&e.required_by_law_items)
        .filter(|i| i.municipality == item.municipality && i.pool == item.pool)
        .count();
    (n > 1).then_some((item.order_in_pool, n))
}

/// The ranked measures.
#[function_component]
pub fn ResultsTable() -> Html {
    let Some((store, lang, e)) = use_eval() else {
        return html! {};
    };
    let e = e.as_ref();
    let names = move |id: &str| measure_name_by_id(id, lang);
    let (key, asc) = (store.sort, store.ascending);
    let rows = ordered(e, key, asc, &names);
    let header = |k: SortKey, label: K, numeric: bool, sign: Option<K>| {
        // The per-tonne column shows the saving (minus the cost it is sorted by), so its
        // displayed order is the reverse of the cost order.
        let shown_asc = if k == SortKey::CostPerTonne {
            !asc
        } else {
            asc
        };
        let sort = if key == k {
            if shown_asc { "ascending" } else { "descending" }
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
                if let Some(sign) = sign {
                    <span class="sub sign">{ t(lang, sign) }</span>
                }
            </th>
        }
    };
    let area_of = |id: &str| {
        catalogue()
            .and_then(|c| c.measure(id))
            .map(|m| m.area.clone())
            .unwrap_or_default()
    };
    let pool_of = |id: &str| {
        catalogue()
            .and_then(|c| c.measure(id))
            .map(|m| m.pool.name(lang).to_lowercase())
            .unwrap_or_default()
    };
    let shared = rows.iter().any(|g| pool_order(e, g.key.as_str()).is_some());
    html! {
        <section class="panel table-panel" aria-labelledby="table-title">
            <h2 id="table-title">{ t(lang, K::TableTitle) }</h2>
            if rows.is_empty() {
                <p class="hint">{ super::empty_reason(&store.settings, lang) }</p>
            } else {
                <ScrollBox label={t(lang, K::TableTitle)}>
                    <table class="results stack" data-testid="results-table">
                        <caption class="hint" data-testid="table-caption">{ t(lang, K::TableSignOnce) }{ " " }{ t(lang, K::TableCaption) }</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="num rank" title={t(lang, K::NumberHelp)}>{ t(lang, K::Number) }</th>
                                { header(SortKey::Name, K::ColMeasure, false, None) }
                                { header(SortKey::Co2e, K::ColCo2e, true, None) }
                                // One sign convention for every money column (positive = saving),
                                // stated once in the caption.
                                { header(SortKey::Sek, K::ColSek, true, None) }
                                { header(SortKey::HouseholdSek, K::ColSekHouseholds, true, None) }
                                { header(SortKey::CostPerTonne, K::ColSavingPerT, true, None) }
                                <th scope="col" class="no-print"><span class="visually-hidden">{ t(lang, K::ColSources) }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().map(|g| {
                                let s = &g.summary;
                                let id = g.key.to_string();
                                let area = area_of(&id);
                                let order = pool_order(e, &id).map(|(o, n)| {
                                    let pool = pool_of(&id);
                                    tf(lang, K::PoolOrder, &[("o", &o), ("n", &n), ("pool", &pool)])
                                });
                                let muni = s.net_sek_per_year(Perspective::Municipality).unwrap_or_default();
                                let home = s.net_sek_saved_per_year_by_payer.households;
                                let open = {
                                    let store = store.clone();
                                    let id = id.clone();
                                    Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowSources(Some(id.clone()))))
                                };
                                let cpt = s.municipality_cost_per_tonne_co2e
                                    .filter(|_| s.co2e_saved_kg_cumulative.central.value().is_sign_positive() && !s.co2e_saved_kg_cumulative.central.is_zero())
                                    .map_or_else(|| t(lang, K::NotSaving).to_string(), |c| format::number(-c.value(), 0, lang));
                                html! {
                                    <tr key={id.clone()} data-measure={id.clone()}>
                                        <td class="num rank" data-testid={format!("number-{id}")} data-label={t(lang, K::Number)}>{ super::measure_number(&id).map(|n| n.to_string()).unwrap_or_default() }</td>
                                        <th scope="row" class="measure-cell">
                                            <span class="name">{ names(&id) }</span>
                                            // On paper the chosen effect goes with the measure (the sliders do not print).
                                            <span class="print-effect" data-testid={format!("print-effect-{id}")}>{ format!(
                                                " ({} {}\u{a0}%)",
                                                t(lang, K::Effect).to_lowercase(),
                                                store.settings.measure(&id).map_or_else(String::new, |m| format::number(m.effect_pct, 1, lang))
                                            ) }</span>
                                            <span class={classes!("area-tag", format!("area-{area}"))}>{ area_name(&area, lang) }</span>
                                            if let Some(order) = order {
                                                <span class="pool-order" data-testid={format!("pool-order-{id}")}
                                                    title={t(lang, K::PoolOrderNote)}>{ order }</span>
                                            }
                                        </th>
                                        <td class="num" data-label={t(lang, K::ColCo2e)}>
                                            <span class="main">{ format::tonnes_co2e(s.co2e_saved_kg_per_year.central, lang) }</span>
                                            <span class="sub">{ format::range_t(s.co2e_saved_kg_per_year.low, s.co2e_saved_kg_per_year.high, lang) }</span>
                                        </td>
                                        <td class="num" data-label={t(lang, K::ColSek)}>
                                            <span class="main" data-value={muni.central.value().to_string()}>{ format::tkr(muni.central, lang) }</span>
                                            <span class="sub">{ format::range_tkr(muni.low, muni.high, lang) }</span>
                                        </td>
                                        <td class="num" data-label={t(lang, K::ColSekHouseholds)}>
                                            if home == calc_core::Band::exact(calc_core::Sek::ZERO) {
                                                <span class="main none" data-value="0" title={t(lang, K::NoHouseholdMoney)}>{ "–" }</span>
                                            } else {
                                                <span class="main" data-value={home.central.value().to_string()}>{ format::tkr(home.central, lang) }</span>
                                                <span class="sub">{ format::range_tkr(home.low, home.high, lang) }</span>
                                            }
                                        </td>
                                        <td class="num" data-label={t(lang, K::ColSavingPerT)}>{ cpt }</td>
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
                </ScrollBox>
                <p class="hint table-note" data-testid="table-note">{ t(lang, K::TableSign) }</p>
                if shared {
                    <p class="hint table-note" data-testid="pool-order-note">{ t(lang, K::PoolOrderNote) }</p>
                }
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evaluation_with_first_measure_off() -> Evaluation {
        let cat = factors::builtin().unwrap();
        let mut s = cat.default_scenario();
        let first = cat.measures.first().unwrap().id.clone();
        s.items = s
            .items
            .into_iter()
            .map(|i| {
                if i.measure().id == first {
                    i.with_effect(calc_core::Share::ZERO)
                } else {
                    i
                }
            })
            .collect();
        calc_core::evaluate(cat.current_set().unwrap(), &s).unwrap()
    }

    #[test]
    fn numeric_columns_follow_calc_core_ranking_and_keep_no_cost_last() {
        let e = evaluation_with_first_measure_off();
        let names = |id: &str| id.to_string();
        let keys = |v: Vec<&GroupSummary<MeasureId>>| {
            v.into_iter().map(|g| g.key.clone()).collect::<Vec<_>>()
        };
        let ranked: Vec<MeasureId> = calc_core::rank(&e, RankBy::Co2e)
            .into_iter()
            .map(|r| r.measure.key)
            .collect();
        assert_eq!(keys(ordered(&e, SortKey::Co2e, false, &names)), ranked);
        let mut rev = ranked.clone();
        rev.reverse();
        assert_eq!(keys(ordered(&e, SortKey::Co2e, true, &names)), rev);
        // The measure switched to 0 % saves no CO2e: last in both directions.
        let first = factors::builtin().unwrap().measures[0].id.clone();
        for asc in [true, false] {
            let v = keys(ordered(&e, SortKey::CostPerTonne, asc, &names));
            assert_eq!(v.last(), Some(&first), "asc = {asc}");
        }
        let up = keys(ordered(&e, SortKey::CostPerTonne, true, &names));
        let down = keys(ordered(&e, SortKey::CostPerTonne, false, &names));
        let n = up.len() - 1;
        assert_eq!(
            up[..n].iter().rev().collect::<Vec<_>>(),
            down[..n].iter().collect::<Vec<_>>()
        );
    }
}
