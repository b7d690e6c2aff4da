//! The app's components, one per file. Each reads the shared [`Store`] from context
//! through the hooks in [`crate::hooks`] ([`crate::hooks::use_app`] and its kin).

pub mod budget_panel;
pub mod case_panel;
pub mod chart_table;
pub mod compare_table;
pub mod drivers_table;
pub mod follow_up_files;
pub mod footer;
pub mod gap_package;
pub mod header;
pub mod import_panel;
pub mod macc_chart;
pub mod measure_card;
pub mod measure_chart;
pub mod measure_list;
pub mod method_section;
pub mod municipality_picker;
pub mod municipality_table;
pub mod own_municipality_form;
pub mod part_view;
pub mod print_header;
pub mod results_table;
pub mod scenarios_panel;
pub mod scroll_box;
pub mod sources_dialog;
pub mod sticky_total;
pub mod targets;
pub mod toolbar;
pub mod tornado_chart;
pub mod totals_cards;
pub mod uncertainty_bands;
pub mod warnings;
pub mod year_chart;

use crate::follow_up::OwnFigureInput;
use crate::i18n::{K, t, tf};
use crate::state::AppState;
use calc_core::csvio::Lang;
use yew::UseReducerHandle;
use yew::prelude::*;

/// The app state as components see it.
pub type Store = UseReducerHandle<AppState>;

/// The mark that figures are a municipality's own: an "Egna siffror" badge followed by
/// each row's source and year (with the municipality's name when `towns`); nothing when
/// there are none.
pub fn own_figures_note(rows: &[&OwnFigureInput], towns: bool, lang: Lang) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    let mut parts: Vec<String> = Vec::new();
    for r in rows {
        let mut text = format!("{}, {}", r.source, r.year);
        if towns {
            let name = crate::settings::catalogue()
                .and_then(|c| c.municipality(&r.municipality))
                .map_or_else(|| r.municipality.clone(), |k| k.name.clone());
            text = format!("{name}: {text}");
        }
        if !parts.contains(&text) {
            parts.push(text);
        }
    }
    let badge = t(lang, K::OwnFigures);
    html! {
        <p class="own-figures-note" data-testid="own-figures-note">
            <span class="badge own-figures">{ badge }</span>{ " " }{ parts.join("; ") }
        </p>
    }
}

/// A measure's name in a language.
#[must_use]
pub fn measure_name(m: &calc_core::Measure, lang: Lang) -> &str {
    m.name(lang)
}

pub use crate::settings::measure_name_by_id;

/// A measure's number, the same in the results table, the MACC and its legend: its place
/// (from 1) in the measure list, which groups the catalogue's measures by goal area. It does
/// not change when the table is sorted or measures are switched off. `None` for an id the
/// catalogue lacks.
#[must_use]
pub fn measure_number(id: &str) -> Option<usize> {
    let cat = crate::settings::catalogue()?;
    let area_pos = |area: &str| {
        cat.areas
            .iter()
            .position(|a| a.id == area)
            .unwrap_or(usize::MAX)
    };
    let mut order: Vec<(usize, usize, &str)> = cat
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| (area_pos(&m.area), i, m.id.as_str()))
        .collect();
    calc_core::sort::sort(&mut order);
    order.iter().position(|(_, _, m)| *m == id).map(|p| p + 1)
}

/// The name of a goal area in a language.
#[must_use]
pub fn area_name(id: &str, lang: Lang) -> String {
    crate::settings::catalogue()
        .and_then(|c| c.areas.iter().find(|a| a.id == id))
        .map_or_else(|| id.to_string(), |a| a.name(lang).to_string())
}

/// Why a chart or table has nothing to show: no municipality is chosen, or no measure is
/// switched on.
#[must_use]
pub fn empty_reason(settings: &crate::settings::Settings, lang: Lang) -> &'static str {
    if settings.municipalities.is_empty() {
        crate::i18n::t(lang, crate::i18n::K::NoMunicipality)
    } else {
        crate::i18n::t(lang, crate::i18n::K::NoData)
    }
}

/// A readable name for an uncertain input's id, as "first line · second line":
/// `ef.textiles.reuse` → "Textilier · Återanvändning", `cf.…` → "… · Återanvändning, kr/t",
/// `yield.plastic_packaging.recycling` → "Plastförpackningar · utbyte till
/// materialåtervinning", `cost.reuse_park.running` → "(the measure's name) · löpande kostnad";
/// the id itself when unknown.
#[must_use]
pub fn factor_name(id: &str, lang: Lang) -> String {
    use calc_core::FactorRef;
    // A measure's effect, an input of the Monte Carlo and the tornado (issue 21).
    if let Some(measure) = id.strip_prefix("effect.") {
        return tf(
            lang,
            K::FactorEffect,
            &[("measure", &measure_name_by_id(measure, lang))],
        );
    }
    let fid = calc_core::FactorId::from(id);
    let parts = fid.parts();
    let (fraction_id, route) = match parts {
        None => return id.to_string(),
        Some(FactorRef::MeasureCost { measure, part }) => {
            let part = match part {
                "implementation" => t(lang, K::FactorImplementationCost),
                "running" => t(lang, K::FactorRunningCost),
                "fixed" => t(lang, K::FactorFixedCosts),
                other => other,
            };
            return format!("{} · {part}", measure_name_by_id(measure, lang));
        }
        Some(
            FactorRef::Emission { fraction, route }
            | FactorRef::Cost { fraction, route }
            | FactorRef::Yield { fraction, route },
        ) => (fraction, route),
    };
    let fraction = crate::settings::catalogue()
        .and_then(|c| c.fractions.iter().find(|f| f.id.as_str() == fraction_id))
        .map_or_else(
            || fraction_id.replace('_', " "),
            |f| f.name(lang).to_string(),
        );
    let route = route.name(lang);
    match parts {
        Some(FactorRef::Yield { .. }) => tf(
            lang,
            K::FactorYield,
            &[("fraction", &fraction), ("route", &route.to_lowercase())],
        ),
        Some(FactorRef::Cost { .. }) => tf(
            lang,
            K::FactorCost,
            &[("fraction", &fraction), ("route", &route)],
        ),
        _ => format!("{fraction} · {route}"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn measure_numbers_follow_the_measure_list() {
        let cat = crate::settings::catalogue().unwrap();
        // The list shows each goal area's measures in catalogue order, areas in their order.
        let listed: Vec<&str> = cat
            .areas
            .iter()
            .flat_map(|a| cat.measures.iter().filter(move |m| m.area == a.id))
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(listed.len(), cat.measures.len());
        let numbers: Vec<usize> = listed
            .iter()
            .map(|id| measure_number(id).unwrap())
            .collect();
        assert_eq!(numbers, (1..=listed.len()).collect::<Vec<_>>());
        assert_eq!(measure_number("no_such_measure"), None);
    }

    #[test]
    fn factor_names_read_the_typed_id() {
        assert_eq!(
            factor_name("ef.textiles.reuse", Lang::Sv),
            "Textilier · Återanvändning"
        );
        assert_eq!(
            factor_name("cf.textiles.reuse", Lang::En),
            "Textiles · Reuse, SEK/t"
        );
        assert_eq!(
            factor_name("yield.textiles.reuse", Lang::Sv),
            "Textilier · utbyte till återanvändning"
        );
        assert_eq!(factor_name("not an id", Lang::En), "not an id");
    }
}
