//! What is seen only on paper: a heading with the scenario name, municipalities and
//! measures; the factor set, its price years, the plan period and the date; and exactly
//! what the one-page summary leaves out.

use crate::i18n::{K, Lang, t, tf};

use crate::hooks::use_app_cat;
use calc_core::{FactorSetInfo, Year};
use std::collections::BTreeSet;
use yew::prelude::*;

/// The price level as printed: the set's price year when its costs were converted to
/// one (the built-in sets: KPI), else the cost factors' own years — one year, a span that
/// says they are not indexed, or a dash for none.
#[must_use]
pub fn price_year_text(set: &FactorSetInfo, years: &BTreeSet<Year>, lang: Lang) -> String {
    if let Some(y) = set.price_year {
        return tf(lang, K::PriceYearIndexed, &[("year", &y)]);
    }
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => tf(lang, K::PriceYearsSpan, &[("first", a), ("last", b)]),
        _ => "—".to_string(),
    }
}

/// The line that says which data the printout rests on and when it was printed:
/// factor set, version, price year, plan period and date (`YYYY-MM-DD`).
#[must_use]
pub fn print_meta(
    set: &FactorSetInfo,
    price_years: &BTreeSet<Year>,
    period: (u16, u16),
    date: &str,
    lang: Lang,
) -> String {
    let price = price_year_text(set, price_years, lang);
    let (p0, p1) = period;
    tf(
        lang,
        K::PrintMeta,
        &[
            ("set", &set.name),
            ("id", &set.id),
            ("version", &set.version),
            ("price", &price),
            ("first", &p0),
            ("last", &p1),
            ("date", &date),
        ],
    )
}

/// Today's date in the browser as `YYYY-MM-DD` (empty outside a browser).
fn today() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The print-only heading.
#[function_component]
pub fn PrintHeader() -> Html {
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    let names: Vec<String> = store
        .settings
        .chosen(cat)
        .iter()
        .map(|k| k.name.clone())
        .collect();
    let on = store.settings.measures.iter().filter(|m| m.enabled).count();
    let towns = if !names.is_empty() && names.len() == cat.municipalities.len() {
        t(lang, K::WholeSjuharad).to_string()
    } else {
        names.join(", ")
    };
    let meta = match (cat.current_set(), store.eval.as_ref()) {
        (Some(set), Ok(e)) => print_meta(
            set.info(),
            &set.price_years(),
            (e.period.start().get(), e.period.end().get()),
            &today(),
            lang,
        ),
        _ => String::new(),
    };
    html! {
        <div class="print-only print-header">
            // The municipalities actually chosen, not the scenario's name (a scenario named
            // "Sjuhärad" may hold two of them).
            <h2 data-testid="print-title">{ format!("{} – {}", t(lang, K::PrintTitle), towns) }</h2>
            <p>
                if !store.settings.name.trim().is_empty() {
                    { format!("{}: {}. ", t(lang, K::ScenarioName), store.settings.name.trim()) }
                }
                { format!("{} {}.", on, t(lang, K::MeasuresOn)) }
            </p>
            <p data-testid="print-meta">{ meta }</p>
        </div>
    }
}

/// The print-only note at the end: what the one-page summary leaves out.
#[function_component]
pub fn PrintLeftOut() -> Html {
    let Some((store, lang, _)) = use_app_cat() else {
        return html! {};
    };
    let warnings = store.eval.as_ref().map_or(0, |e| e.warnings.len());
    html! {
        <p class="print-only print-left-out" data-testid="print-left-out">
            { t(lang, K::PrintLeftOut) }
            if warnings > 0 {
                { " " }{ format!("{} {warnings}.", t(lang, K::PrintWarnings)) }
            }
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_print_says_which_data_and_when() {
        let cat = crate::settings::catalogue().unwrap();
        let set = cat.current_set().unwrap();
        let years = set.price_years();
        // The built-in set's costs are all converted to its price year.
        assert_eq!(years.into_iter().collect::<Vec<_>>(), [Year(2025)]);
        let meta = print_meta(
            set.info(),
            &set.price_years(),
            (2025, 2035),
            "2026-11-27",
            Lang::Sv,
        );
        assert_eq!(
            meta,
            format!(
                "Faktorunderlag: {} ({}), version {}. Prisår: 2025 (alla kronor i 2025 års prisnivå, omräknade med KPI). Planperiod 2025–2035. Utskrivet 2026-11-27.",
                set.info().name,
                set.info().id,
                set.info().version,
            )
        );
        // A user's set read as it is: its costs' own years.
        let mut own = set.info().clone();
        own.price_year = None;
        let one: BTreeSet<Year> = [Year(2024)].into();
        assert_eq!(price_year_text(&own, &one, Lang::En), "2024");
        assert_eq!(price_year_text(&own, &BTreeSet::new(), Lang::Sv), "—");
        let two: BTreeSet<Year> = [Year(2019), Year(2024)].into();
        assert_eq!(
            price_year_text(&own, &two, Lang::En),
            "2019–2024 (the cost factors have different price years and are not indexed)"
        );
        assert!(
            print_meta(&own, &one, (2025, 2035), "2026-11-27", Lang::En)
                .ends_with("Price year: 2024. Plan period 2025–2035. Printed 2026-11-27.")
        );
    }
}
