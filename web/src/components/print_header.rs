//! What is seen only on paper: a heading with the scenario name, municipalities and
//! measures; the factor set, its price years, the plan period and the date; and exactly
//! what the one-page summary leaves out.

use crate::i18n::{K, Lang, t};

use crate::hooks::use_app_cat;
use calc_core::{FactorSetInfo, Year};
use std::collections::BTreeSet;
use yew::prelude::*;

/// The price years as printed: one year, a span for several (the data's cost factors are
/// not indexed to one year, so the reader must know), or a dash for none.
#[must_use]
pub fn price_year_text(years: &BTreeSet<Year>, lang: Lang) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => match lang {
            Lang::Sv => {
                format!("{a}–{b} (kostnadsfaktorerna har olika prisår och är inte indexerade)")
            }
            Lang::En => {
                format!("{a}–{b} (the cost factors have different price years and are not indexed)")
            }
        },
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
    let price = price_year_text(price_years, lang);
    let (p0, p1) = period;
    match lang {
        Lang::Sv => format!(
            "Faktorunderlag: {} ({}), version {}. Prisår: {price}. Planperiod {p0}–{p1}. Utskrivet {date}.",
            set.name, set.id, set.version
        ),
        Lang::En => format!(
            "Factor set: {} ({}), version {}. Price year: {price}. Plan period {p0}–{p1}. Printed {date}.",
            set.name, set.id, set.version
        ),
    }
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
            <h2>{ format!("{} – {}", t(lang, K::PrintTitle), store.settings.name) }</h2>
            <p>
                { format!("{}: {}. {} {}.", t(lang, K::Chosen), names.join(", "), on, t(lang, K::MeasuresOn)) }
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
        // The built-in set's cost factors are priced in several years (2018–2025).
        assert!(years.len() > 1, "{years:?}");
        let meta = print_meta(set.info(), &years, (2025, 2035), "2026-11-27", Lang::Sv);
        assert_eq!(
            meta,
            format!(
                "Faktorunderlag: {} ({}), version {}. Prisår: {}–{} (kostnadsfaktorerna har olika prisår och är inte indexerade). Planperiod 2025–2035. Utskrivet 2026-11-27.",
                set.info().name,
                set.info().id,
                set.info().version,
                years.first().unwrap(),
                years.last().unwrap()
            )
        );
        let one: BTreeSet<Year> = [Year(2024)].into();
        assert_eq!(price_year_text(&one, Lang::En), "2024");
        assert_eq!(price_year_text(&BTreeSet::new(), Lang::Sv), "—");
        assert!(
            print_meta(set.info(), &one, (2025, 2035), "2026-11-27", Lang::En)
                .ends_with("Price year: 2024. Plan period 2025–2035. Printed 2026-11-27.")
        );
    }
}
