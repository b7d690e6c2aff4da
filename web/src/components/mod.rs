//! The app's components, one per file. Each reads the shared [`Store`] from context
//! through the hooks in [`crate::hooks`] ([`crate::hooks::use_app`] and its kin).

pub mod budget_panel;
pub mod compare_table;
pub mod drivers_table;
pub mod footer;
pub mod header;
pub mod import_panel;
pub mod macc_chart;
pub mod measure_card;
pub mod measure_chart;
pub mod measure_list;
pub mod method_section;
pub mod municipality_picker;
pub mod print_header;
pub mod results_table;
pub mod scenarios_panel;
pub mod sources_dialog;
pub mod sticky_total;
pub mod toolbar;
pub mod tornado_chart;
pub mod totals_cards;
pub mod uncertainty_bands;
pub mod warnings;
pub mod year_chart;

use crate::state::AppState;
use calc_core::Measure;
use calc_core::csvio::Lang;
use yew::UseReducerHandle;

/// The app state as components see it.
pub type Store = UseReducerHandle<AppState>;

/// A measure's name in a language.
#[must_use]
pub fn measure_name(m: &Measure, lang: Lang) -> &str {
    match lang {
        Lang::Sv => &m.name_sv,
        Lang::En => &m.name_en,
    }
}

/// A measure's name by id, or the id when unknown.
#[must_use]
pub fn measure_name_by_id(id: &str, lang: Lang) -> String {
    crate::settings::catalogue()
        .and_then(|c| c.measure(id))
        .map_or_else(|| id.to_string(), |m| measure_name(m, lang).to_string())
}

/// The name of a goal area in a language.
#[must_use]
pub fn area_name(id: &str, lang: Lang) -> String {
    crate::settings::catalogue()
        .and_then(|c| c.areas.iter().find(|a| a.id == id))
        .map_or_else(
            || id.to_string(),
            |a| match lang {
                Lang::Sv => a.name_sv.clone(),
                Lang::En => a.name_en.clone(),
            },
        )
}

/// A readable name for an uncertain input's id, as "first line · second line":
/// `ef.textiles.reuse` → "Textilier · Återanvändning", `cf.…` → "… · Återanvändning, kr/t",
/// `yield.plastic_packaging.recycling` → "Plastförpackningar · utbyte till
/// materialåtervinning", `cost.reuse_park.running` → "(the measure's name) · löpande kostnad";
/// the id itself when unknown.
#[must_use]
pub fn factor_name(id: &str, lang: Lang) -> String {
    let mut parts = id.splitn(3, '.');
    let (Some(kind), Some(what), Some(which)) = (parts.next(), parts.next(), parts.next()) else {
        return id.to_string();
    };
    if kind == "cost" {
        let part = match (which, lang) {
            ("implementation", Lang::Sv) => "engångskostnad",
            ("implementation", Lang::En) => "one-time cost",
            ("running", Lang::Sv) => "löpande kostnad",
            ("running", Lang::En) => "running cost",
            ("fixed", Lang::Sv) => "fasta kostnader",
            ("fixed", Lang::En) => "fixed costs",
            (other, _) => other,
        };
        return format!("{} · {part}", measure_name_by_id(what, lang));
    }
    let fraction = crate::settings::catalogue()
        .and_then(|c| c.fractions.iter().find(|f| f.id.as_str() == what))
        .map_or_else(
            || what.replace('_', " "),
            |f| match lang {
                Lang::Sv => f.name_sv.clone(),
                Lang::En => f.name_en.clone(),
            },
        );
    let route = calc_core::Route::from_id(which).map_or_else(
        || which.replace('_', " "),
        |r| match lang {
            Lang::Sv => r.name_sv().to_string(),
            Lang::En => r.name_en().to_string(),
        },
    );
    match (kind, lang) {
        ("yield", Lang::Sv) => format!("{fraction} · utbyte till {}", route.to_lowercase()),
        ("yield", Lang::En) => format!("{fraction} · yield to {}", route.to_lowercase()),
        ("cf", Lang::Sv) => format!("{fraction} · {route}, kr/t"),
        ("cf", Lang::En) => format!("{fraction} · {route}, SEK/t"),
        _ => format!("{fraction} · {route}"),
    }
}
