//! The app's components, one per file. Each reads the shared [`Store`] from context.

pub mod compare_table;
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
pub mod totals_cards;
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
    crate::state::catalogue()
        .and_then(|c| c.measure(id))
        .map_or_else(|| id.to_string(), |m| measure_name(m, lang).to_string())
}

/// The name of a goal area in a language.
#[must_use]
pub fn area_name(id: &str, lang: Lang) -> String {
    crate::state::catalogue()
        .and_then(|c| c.areas.iter().find(|a| a.id == id))
        .map_or_else(
            || id.to_string(),
            |a| match lang {
                Lang::Sv => a.name_sv.clone(),
                Lang::En => a.name_en.clone(),
            },
        )
}
