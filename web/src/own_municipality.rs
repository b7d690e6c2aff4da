//! Any Swedish municipality (issue 26): a municipality outside Sjuhärad that the planner
//! adds with its population, the population's date and source. Its results come from the
//! national per-inhabitant defaults; it has no built-in targets.
//!
//! The form's values are checked by calc-core's `csvio::own_municipality` (the rules its
//! file reader applies to each row), so a refusal is calc-core's text (unknown code, a name that is not the
//! code's, a missing or non-positive population, a date not `YYYY-MM-DD` or outside the
//! plan period), shown next to its field.

use crate::i18n::{KTargets, tf};
use calc_core::Municipality;
use calc_core::csvio::{self, Lang};
use factors::Catalogue;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A municipality the planner added, as it was accepted (saved and shared with the
/// settings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnMunicipality {
    /// SCB code, e.g. `2480`.
    pub code: String,
    /// Name as in SCB's list, e.g. `Umeå`.
    pub name: String,
    /// Population as typed (`100 000`).
    pub population: String,
    /// The population's date, `YYYY-MM-DD`.
    pub date: String,
    /// Where the population comes from.
    pub source: String,
}

/// A field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnMuniField {
    /// Name or SCB code.
    Municipality,
    /// Population.
    Population,
    /// The population's date.
    Date,
    /// Its source.
    Source,
}

/// The plan period the app evaluates (the population's date must fall in it).
fn period(cat: &Catalogue) -> calc_core::PlanPeriod {
    cat.scenario_for("", &[], &[]).period
}

/// calc-core's check of one own municipality (`csvio::own_municipality`, the rules of
/// its file reader), each refusal at the form's field in calc-core's words.
fn check(
    input: &csvio::OwnMunicipalityInput<'_>,
    cat: &Catalogue,
    lang: Lang,
) -> Result<Municipality, Vec<(OwnMuniField, String)>> {
    csvio::own_municipality(&cat.all_municipalities, input, period(cat)).map_err(|problems| {
        problems
            .into_iter()
            .map(|(field, kind)| {
                let (at, text) = match field {
                    csvio::OwnField::Code => (OwnMuniField::Municipality, input.code),
                    csvio::OwnField::Name => (OwnMuniField::Municipality, input.name),
                    csvio::OwnField::Population => (OwnMuniField::Population, input.population),
                    csvio::OwnField::Date => (OwnMuniField::Date, input.date),
                    _ => (OwnMuniField::Source, input.source),
                };
                let e = csvio::CsvError::new(0, None, text.trim().to_string(), kind);
                (at, e.detail(lang))
            })
            .collect()
    })
}

impl OwnMunicipality {
    /// The form's values checked by calc-core: the municipality (by name or SCB code, as
    /// SCB's list writes either), its population, date and source; or each refusal at its
    /// field. A Sjuhärad municipality is refused: it is in the list above the form.
    pub fn check(
        municipality: &str,
        population: &str,
        date: &str,
        source: &str,
        cat: &Catalogue,
        lang: Lang,
    ) -> Result<Self, Vec<(OwnMuniField, String)>> {
        let Some(scb) = cat.any_municipality(municipality) else {
            let near = csvio::suggest(
                municipality.trim(),
                cat.all_municipalities.iter().map(|m| m.name.as_str()),
            );
            let shown = csvio::shown(municipality.trim());
            let msg = match near.first() {
                Some(n) => tf(
                    lang,
                    KTargets::NotInScbListDidYouMean,
                    &[("text", &shown), ("near", n)],
                ),
                None => tf(lang, KTargets::NotInScbList, &[("text", &shown)]),
            };
            return Err(vec![(OwnMuniField::Municipality, msg)]);
        };
        if cat.is_plan_municipality(&scb.code) {
            let msg = tf(lang, KTargets::OneOfSjuharad, &[("name", &scb.name)]);
            return Err(vec![(OwnMuniField::Municipality, msg)]);
        }
        let input = csvio::OwnMunicipalityInput {
            code: scb.code.as_str(),
            name: &scb.name,
            population: population.trim(),
            date: date.trim(),
            source: source.trim(),
        };
        check(&input, cat, lang)?;
        Ok(Self {
            code: input.code.to_string(),
            name: input.name.to_string(),
            population: input.population.to_string(),
            date: input.date.to_string(),
            source: input.source.to_string(),
        })
    }

    /// The calc-core municipality, or `None` when calc-core refuses the row (possible only
    /// for a changed link or saved data: the form checks every row it adds).
    #[must_use]
    pub fn municipality(&self, cat: &Catalogue) -> Option<Arc<Municipality>> {
        let input = csvio::OwnMunicipalityInput {
            code: &self.code,
            name: &self.name,
            population: &self.population,
            date: &self.date,
            source: &self.source,
        };
        check(&input, cat, Lang::En).ok().map(Arc::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat() -> &'static Catalogue {
        factors::builtin().unwrap()
    }

    #[test]
    fn umea_by_name_or_code_with_its_population() {
        let u = OwnMunicipality::check("umeå", "100 000", "2024-12-31", "SCB", cat(), Lang::Sv)
            .unwrap();
        assert_eq!((u.code.as_str(), u.name.as_str()), ("2480", "Umeå"));
        let m = u.municipality(cat()).unwrap();
        assert_eq!((m.population, m.name.as_str()), (100_000, "Umeå"));
        let by_code =
            OwnMunicipality::check("2480", "100000", "2024-12-31", "SCB", cat(), Lang::En).unwrap();
        assert_eq!(by_code.name, "Umeå");
    }

    #[test]
    fn refusals_are_at_their_fields() {
        let e = OwnMunicipality::check("Umeå", "0", "2019-12-31", "", cat(), Lang::En).unwrap_err();
        let fields: Vec<OwnMuniField> = e.iter().map(|(f, _)| *f).collect();
        assert!(fields.contains(&OwnMuniField::Population), "{e:?}");
        assert!(fields.contains(&OwnMuniField::Date), "{e:?}");
        assert!(fields.contains(&OwnMuniField::Source), "{e:?}");
        // Letter case and å/ä/ö do not matter ("umea" is Umeå); a typo gets the nearest.
        assert!(OwnMunicipality::check("umea", "1", "2024-12-31", "x", cat(), Lang::En).is_ok());
        let e =
            OwnMunicipality::check("Umeo", "1", "2024-12-31", "x", cat(), Lang::En).unwrap_err();
        assert_eq!(e[0].0, OwnMuniField::Municipality);
        assert!(e[0].1.contains("did you mean 'Umeå'"), "{}", e[0].1);
        let e =
            OwnMunicipality::check("Borås", "1", "2024-12-31", "x", cat(), Lang::Sv).unwrap_err();
        assert!(
            e[0].1.starts_with("Borås är en av Sjuhärads kommuner"),
            "{}",
            e[0].1
        );
    }

    /// Umeå added and chosen alone: kept through a share link (encoded, decoded,
    /// normalized as a link is opened), evaluated in Umeå only, and outside the plan's
    /// targets; a link that changed its population to 0 loses it, named.
    #[test]
    fn an_added_municipality_travels_in_a_link_and_is_evaluated() {
        let mut s = crate::settings::Settings::defaults(cat());
        let umea = OwnMunicipality::check("Umeå", "100 000", "2024-12-31", "SCB", cat(), Lang::Sv)
            .unwrap();
        s.own_municipalities.push(umea.clone());
        s.municipalities = vec!["2480".into()];
        let link = crate::share::encode(&s);
        let back = crate::share::decode(&link).unwrap().unwrap();
        let (back, unknown) = back.normalized(cat());
        assert!(unknown.is_empty(), "{unknown:?}");
        assert_eq!(back.own_municipalities, vec![umea]);
        assert_eq!(back.municipalities, vec!["2480".to_string()]);
        let e = crate::settings::evaluate_settings(&back, cat()).unwrap();
        assert!(!e.items.is_empty());
        assert!(e.items.iter().all(|i| i.municipality.as_str() == "2480"));
        assert!(back.target_towns(cat()).is_empty());
        assert_eq!(back.chosen_outside_plan(cat()).len(), 1);
        let mut bad = back.clone();
        bad.own_municipalities[0].population = "0".into();
        let (bad, unknown) = bad.normalized(cat());
        assert_eq!(unknown, vec!["2480".to_string()]);
        assert!(bad.own_municipalities.is_empty() && bad.municipalities.is_empty());
    }
}
