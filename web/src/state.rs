//! The app's state and everything that changes it: a [`Reducible`] driven by [`Action`]s.
//!
//! No HTML here. The reducer recomputes the [`Evaluation`] with calc-core after every
//! change of the scenario, so every component renders from one consistent result.

use crate::storage::{self, SavedScenario, StorageNote};
use calc_core::csvio::{CsvError, Lang, ScenarioContext, read_scenarios};
use calc_core::{
    Evaluation, Measure, Municipality, Scenario, ScenarioItem, Sek, Share, Tonnes, Year, evaluate,
};
use factors::Catalogue;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use yew::Reducible;

/// First and last year a measure may start or reach full effect.
pub const YEAR_RANGE: (u16, u16) = (2020, 2060);

/// The built-in catalogue (`None` only if the embedded data is broken, which tests rule out).
#[must_use]
pub fn catalogue() -> Option<&'static Catalogue> {
    factors::builtin().ok()
}

/// A value of the settings that calc-core refuses (possible from a shared link or saved
/// data from another version); the scenario uses the measure's default instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingProblem {
    /// The measure id.
    pub measure: String,
    /// The municipality's name, when the value is one municipality's.
    pub municipality: Option<String>,
    /// What is wrong.
    pub kind: SettingProblemKind,
}

/// What is wrong with a setting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingProblemKind {
    /// The effect is outside 0–100 %.
    Effect {
        /// The percentage given.
        given: Decimal,
        /// The measure's default percentage, used instead.
        used: Decimal,
    },
    /// calc-core refused the value (years out of order, a negative quantity).
    Model(calc_core::ModelError),
    /// A link or saved scenario had an effect outside 0–100 %; it was clamped.
    EffectClamped {
        /// The percentage given.
        given: Decimal,
        /// The percentage used.
        used: Decimal,
    },
    /// A link or saved scenario had years outside [`YEAR_RANGE`] or out of order.
    YearsAdjusted {
        /// Start and full-effect year given.
        given: (u16, u16),
        /// Start and full-effect year used.
        used: (u16, u16),
    },
    /// A link named a measure or municipality the catalogue lacks (`measure` holds the id).
    Unknown,
}

impl SettingProblem {
    /// The message, e.g. `textile_reuse: the effect 140 % is outside 0–100 %; the
    /// measure's default 30 % is used`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let place = match &self.municipality {
            Some(k) => format!("{}, {k}", self.measure),
            None => self.measure.clone(),
        };
        match (&self.kind, lang) {
            (SettingProblemKind::Effect { given, used }, Lang::Sv) => format!(
                "{place}: effekten {} % ligger utanför 0–100 %; åtgärdens standardvärde {} % används",
                calc_core::csvio::format_decimal(*given, true),
                calc_core::csvio::format_decimal(*used, true)
            ),
            (SettingProblemKind::Effect { given, used }, Lang::En) => format!(
                "{place}: the effect {} % is outside 0–100 %; the measure's default {} % is used",
                calc_core::csvio::format_decimal(*given, false),
                calc_core::csvio::format_decimal(*used, false)
            ),
            (SettingProblemKind::Model(e), Lang::Sv) => format!(
                "{place}: {}; värdet används inte",
                calc_core::csvio::model_error_sv(e)
            ),
            (SettingProblemKind::Model(e), Lang::En) => {
                format!("{place}: {e}; the value is not used")
            }
            (SettingProblemKind::EffectClamped { given, used }, Lang::Sv) => format!(
                "{place}: effekten {} % ligger utanför 0–100 %; {} % används",
                calc_core::csvio::format_decimal(*given, true),
                calc_core::csvio::format_decimal(*used, true)
            ),
            (SettingProblemKind::EffectClamped { given, used }, Lang::En) => format!(
                "{place}: the effect {} % is outside 0–100 %; {} % is used",
                calc_core::csvio::format_decimal(*given, false),
                calc_core::csvio::format_decimal(*used, false)
            ),
            (SettingProblemKind::YearsAdjusted { given, used }, Lang::Sv) => format!(
                "{place}: åren {}–{} ligger utanför {}–{} eller i fel ordning; {}–{} används",
                given.0, given.1, YEAR_RANGE.0, YEAR_RANGE.1, used.0, used.1
            ),
            (SettingProblemKind::YearsAdjusted { given, used }, Lang::En) => format!(
                "{place}: the years {}–{} are outside {}–{} or out of order; {}–{} are used",
                given.0, given.1, YEAR_RANGE.0, YEAR_RANGE.1, used.0, used.1
            ),
            (SettingProblemKind::Unknown, Lang::Sv) => {
                format!("{place}: finns inte i katalogen och hoppades över")
            }
            (SettingProblemKind::Unknown, Lang::En) => {
                format!("{place}: not in the catalogue, left out")
            }
        }
    }
}

/// One measure as the planner set it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureSettings {
    /// Catalogue id.
    pub id: String,
    /// Switched on.
    pub enabled: bool,
    /// Effect in percent, 0–100.
    pub effect_pct: Decimal,
    /// First year with effect.
    pub start_year: u16,
    /// First year with full effect.
    pub full_effect_year: u16,
    /// Overriding affected tonnes per year, per municipality code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quantity_t: BTreeMap<String, Decimal>,
    /// Overriding one-time cost in SEK, per municipality code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub implementation_sek: BTreeMap<String, Decimal>,
    /// Overriding running cost in SEK per year, per municipality code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub running_sek: BTreeMap<String, Decimal>,
}

impl MeasureSettings {
    /// The catalogue defaults for a measure, switched on, starting in the plan's first year.
    #[must_use]
    pub fn default_for(m: &Measure) -> Self {
        let start = factors::DEFAULT_PERIOD.0;
        Self {
            id: m.id.0.clone(),
            enabled: true,
            effect_pct: m.default_effect.percent().normalize(),
            start_year: start,
            full_effect_year: start.saturating_add(m.ramp_years),
            quantity_t: BTreeMap::new(),
            implementation_sek: BTreeMap::new(),
            running_sek: BTreeMap::new(),
        }
    }
}

/// Which quantity an edit of a measure's details changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Affected tonnes per year.
    Quantity,
    /// One-time cost (SEK).
    ImplementationCost,
    /// Running cost (SEK per year).
    RunningCost,
}

/// A scenario as the planner set it up: what is saved, shared and compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Name of the scenario.
    pub name: String,
    /// SCB codes of the chosen municipalities.
    pub municipalities: Vec<String>,
    /// Every catalogue measure, in catalogue order.
    pub measures: Vec<MeasureSettings>,
}

impl Settings {
    /// Every measure on at its defaults, all eight municipalities.
    #[must_use]
    pub fn defaults(cat: &Catalogue) -> Self {
        Self {
            name: "Sjuhärad".to_string(),
            municipalities: cat
                .municipalities
                .iter()
                .map(|k| k.code.0.clone())
                .collect(),
            measures: cat
                .measures
                .iter()
                .map(|m| MeasureSettings::default_for(m))
                .collect(),
        }
    }

    /// The settings of one measure.
    #[must_use]
    pub fn measure(&self, id: &str) -> Option<&MeasureSettings> {
        self.measures.iter().find(|m| m.id == id)
    }

    fn measure_mut(&mut self, id: &str) -> Option<&mut MeasureSettings> {
        self.measures.iter_mut().find(|m| m.id == id)
    }

    /// True when a municipality is chosen.
    #[must_use]
    pub fn has_municipality(&self, code: &str) -> bool {
        self.municipalities.iter().any(|c| c == code)
    }

    /// The chosen municipalities, in catalogue order.
    #[must_use]
    pub fn chosen<'a>(&self, cat: &'a Catalogue) -> Vec<&'a Arc<Municipality>> {
        cat.municipalities
            .iter()
            .filter(|k| self.has_municipality(k.code.as_str()))
            .collect()
    }

    /// The calc-core scenario for these settings. A value calc-core refuses (an effect
    /// outside 0–100 %, a full-effect year before the start, a negative quantity) is not
    /// used; [`Settings::problems`] names each one for the user.
    #[must_use]
    pub fn to_scenario(&self, cat: &Catalogue) -> Scenario {
        self.to_scenario_checked(cat).0
    }

    /// Every value of these settings that calc-core refuses, with why; the scenario uses
    /// the measure's default instead (see [`Settings::to_scenario`]).
    #[must_use]
    pub fn problems(&self, cat: &Catalogue) -> Vec<SettingProblem> {
        self.to_scenario_checked(cat).1
    }

    fn to_scenario_checked(&self, cat: &Catalogue) -> (Scenario, Vec<SettingProblem>) {
        let mut problems = Vec::new();
        let mut scenario = cat.scenario_for(&self.name, &[], &[]);
        let chosen = self.chosen(cat);
        for m in &cat.measures {
            let Some(s) = self.measure(m.id.as_str()) else {
                continue;
            };
            if !s.enabled {
                continue;
            }
            let effect = match Share::from_percent(s.effect_pct) {
                Ok(e) => e,
                Err(_) => {
                    problems.push(SettingProblem {
                        measure: m.id.0.clone(),
                        municipality: None,
                        kind: SettingProblemKind::Effect {
                            given: s.effect_pct,
                            used: m.default_effect.percent().normalize(),
                        },
                    });
                    m.default_effect
                }
            };
            for (n, k) in chosen.iter().enumerate() {
                let code = k.code.as_str();
                let mut item = ScenarioItem::new(Arc::clone(m), Arc::clone(k), Year(s.start_year))
                    .with_effect(effect);
                match item
                    .clone()
                    .with_years(Year(s.start_year), Year(s.full_effect_year))
                {
                    Ok(i) => item = i,
                    // One note per measure, not one per municipality.
                    Err(e) if n == 0 => problems.push(SettingProblem {
                        measure: m.id.0.clone(),
                        municipality: None,
                        kind: SettingProblemKind::Model(e),
                    }),
                    Err(_) => {}
                }
                if let Some(q) = s.quantity_t.get(code) {
                    match item.clone().with_quantity(Tonnes::new(*q)) {
                        Ok(i) => item = i,
                        Err(e) => problems.push(SettingProblem {
                            measure: m.id.0.clone(),
                            municipality: Some(k.name.clone()),
                            kind: SettingProblemKind::Model(e),
                        }),
                    }
                }
                if let Some(c) = s.implementation_sek.get(code) {
                    item = item.with_implementation_cost(Sek::new(*c));
                }
                if let Some(c) = s.running_sek.get(code) {
                    item = item.with_running_cost(Sek::new(*c));
                }
                scenario.items.push(item);
            }
        }
        (scenario, problems)
    }

    /// Settings that reproduce an imported scenario. A measure's effect and years come from
    /// its first row; the returned notes name measures whose rows differ between
    /// municipalities (the app keeps one effect per measure).
    #[must_use]
    pub fn from_scenario(s: &Scenario, cat: &Catalogue) -> (Self, Vec<String>) {
        let mut out = Self {
            name: s.name.clone(),
            municipalities: Vec::new(),
            measures: Vec::new(),
        };
        let mut simplified = Vec::new();
        for k in &cat.municipalities {
            if s.items.iter().any(|i| i.municipality().code == k.code) {
                out.municipalities.push(k.code.0.clone());
            }
        }
        for m in &cat.measures {
            let items: Vec<&ScenarioItem> =
                s.items.iter().filter(|i| i.measure().id == m.id).collect();
            let mut ms = MeasureSettings::default_for(m);
            match items.first() {
                None => ms.enabled = false,
                Some(first) => {
                    ms.effect_pct = first.effect().percent().normalize();
                    ms.start_year = first.start_year().get();
                    ms.full_effect_year = first.full_effect_year().get();
                    if items.iter().any(|i| {
                        i.effect() != first.effect()
                            || i.start_year() != first.start_year()
                            || i.full_effect_year() != first.full_effect_year()
                    }) {
                        simplified.push(m.id.0.clone());
                    }
                    for i in &items {
                        let code = i.municipality().code.0.clone();
                        if let Some(q) = i.quantity_override() {
                            ms.quantity_t.insert(code.clone(), q.value());
                        }
                        if let Some(c) = i.implementation_cost_override() {
                            ms.implementation_sek.insert(code.clone(), c.value());
                        }
                        if let Some(c) = i.running_cost_override() {
                            ms.running_sek.insert(code, c.value());
                        }
                    }
                }
            }
            out.measures.push(ms);
        }
        (out, simplified)
    }

    /// The values [`Settings::normalized`] changes, for telling the user: effects clamped
    /// into 0–100 % and years put into [`YEAR_RANGE`] and order (unknown ids are the
    /// second item of `normalized`'s result).
    #[must_use]
    pub fn adjustments(&self, cat: &Catalogue) -> Vec<SettingProblem> {
        let (norm, _) = self.clone().normalized(cat);
        let mut out = Vec::new();
        for m in &self.measures {
            let Some(n) = norm.measure(&m.id) else {
                continue;
            };
            if n.effect_pct != m.effect_pct {
                out.push(SettingProblem {
                    measure: m.id.clone(),
                    municipality: None,
                    kind: SettingProblemKind::EffectClamped {
                        given: m.effect_pct,
                        used: n.effect_pct,
                    },
                });
            }
            if (n.start_year, n.full_effect_year) != (m.start_year, m.full_effect_year) {
                out.push(SettingProblem {
                    measure: m.id.clone(),
                    municipality: None,
                    kind: SettingProblemKind::YearsAdjusted {
                        given: (m.start_year, m.full_effect_year),
                        used: (n.start_year, n.full_effect_year),
                    },
                });
            }
        }
        out
    }

    /// These settings checked against the catalogue: unknown measures and municipalities
    /// left out (and named in the result), missing measures added switched off, effects
    /// clamped to 0–100 and years put in order.
    #[must_use]
    pub fn normalized(self, cat: &Catalogue) -> (Self, Vec<String>) {
        let mut unknown = Vec::new();
        for m in &self.measures {
            if cat.measure(&m.id).is_none() {
                unknown.push(m.id.clone());
            }
        }
        for c in &self.municipalities {
            if !cat.municipalities.iter().any(|k| k.code.as_str() == c) {
                unknown.push(c.clone());
            }
        }
        let municipalities = cat
            .municipalities
            .iter()
            .filter(|k| self.municipalities.iter().any(|c| c == k.code.as_str()))
            .map(|k| k.code.0.clone())
            .collect();
        let measures = cat
            .measures
            .iter()
            .map(
                |m| match self.measures.iter().find(|s| s.id == m.id.as_str()) {
                    Some(s) => {
                        let mut s = s.clone();
                        s.effect_pct = s.effect_pct.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                        s.start_year = s.start_year.clamp(YEAR_RANGE.0, YEAR_RANGE.1);
                        s.full_effect_year = s.full_effect_year.clamp(s.start_year, YEAR_RANGE.1);
                        s
                    }
                    None => MeasureSettings {
                        enabled: false,
                        ..MeasureSettings::default_for(m)
                    },
                },
            )
            .collect();
        (
            Self {
                name: self.name,
                municipalities,
                measures,
            },
            unknown,
        )
    }
}

/// Tonnes per year a measure can reach in a municipality before any other measure acts:
/// its own quantity (catalogue basis × population), or everything its pool has in the
/// routes it acts on, capped at what the pool has there (as calc-core caps it).
#[must_use]
pub fn reach_default(m: &Measure, k: &Municipality) -> Option<Tonnes> {
    let pool = m.pool.basis.tonnes_for(k.population)?;
    let share = m.acts_on.iter().try_fold(Decimal::ZERO, |acc, r| {
        acc.checked_add(m.pool.baseline.share(*r).value())
    })?;
    let available = pool.value().checked_mul(share)?;
    let own = match &m.basis {
        Some(b) => b.tonnes_for(k.population)?.value(),
        None => available,
    };
    Some(Tonnes::new(own.min(available)))
}

/// The per-municipality default of a detail field: the measure's reach, and the central
/// value of its cost ranges × population.
fn field_default(m: &Measure, k: &Municipality, field: Field) -> Decimal {
    match field {
        Field::Quantity => reach_default(m, k).map(Tonnes::value),
        Field::ImplementationCost => m
            .implementation_cost
            .central()
            .for_population(k.population)
            .map(Sek::value),
        Field::RunningCost => m
            .running_cost
            .central()
            .for_population(k.population)
            .map(Sek::value),
    }
    .unwrap_or(Decimal::ZERO)
}

fn field_map(s: &MeasureSettings, field: Field) -> &BTreeMap<String, Decimal> {
    match field {
        Field::Quantity => &s.quantity_t,
        Field::ImplementationCost => &s.implementation_sek,
        Field::RunningCost => &s.running_sek,
    }
}

fn field_map_mut(s: &mut MeasureSettings, field: Field) -> &mut BTreeMap<String, Decimal> {
    match field {
        Field::Quantity => &mut s.quantity_t,
        Field::ImplementationCost => &mut s.implementation_sek,
        Field::RunningCost => &mut s.running_sek,
    }
}

/// A detail field summed over the chosen municipalities: `(value, is_overridden)`.
#[must_use]
pub fn field_total(
    settings: &Settings,
    cat: &Catalogue,
    id: &str,
    field: Field,
) -> (Decimal, bool) {
    let (Some(m), Some(s)) = (cat.measure(id), settings.measure(id)) else {
        return (Decimal::ZERO, false);
    };
    let map = field_map(s, field);
    let mut total = Decimal::ZERO;
    let mut overridden = false;
    for k in settings.chosen(cat) {
        let v = match map.get(k.code.as_str()) {
            Some(v) => {
                overridden = true;
                *v
            }
            None => field_default(m, k, field),
        };
        total = total.saturating_add(v);
    }
    (total, overridden)
}

/// Sets a detail field's total over the chosen municipalities, shared among them in
/// proportion to their defaults (evenly when every default is zero); `None` restores
/// the defaults for the chosen municipalities.
fn set_field_total(
    settings: &mut Settings,
    cat: &Catalogue,
    id: &str,
    field: Field,
    total: Option<Decimal>,
) {
    let Some(m) = cat.measure(id) else { return };
    let chosen: Vec<Arc<Municipality>> = settings.chosen(cat).into_iter().cloned().collect();
    let Some(s) = settings.measure_mut(id) else {
        return;
    };
    let map = field_map_mut(s, field);
    let Some(total) = total else {
        for k in &chosen {
            map.remove(k.code.as_str());
        }
        return;
    };
    let total = total.max(Decimal::ZERO);
    let defaults: Vec<Decimal> = chosen.iter().map(|k| field_default(m, k, field)).collect();
    let sum = defaults
        .iter()
        .fold(Decimal::ZERO, |a, d| a.saturating_add(*d));
    let n = Decimal::from(chosen.len().max(1));
    for (k, d) in chosen.iter().zip(defaults) {
        let v = if sum.is_zero() {
            total.checked_div(n)
        } else {
            total.checked_mul(d).and_then(|x| x.checked_div(sum))
        }
        .unwrap_or(Decimal::ZERO);
        map.insert(k.code.0.clone(), v);
    }
}

/// What the measure table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Measure name.
    Name,
    /// t CO2e per year.
    Co2e,
    /// The municipality's net SEK per year.
    Sek,
    /// Households' net SEK per year.
    HouseholdSek,
    /// SEK per tonne CO2e.
    CostPerTonne,
}

/// The outcome of the last scenario file import.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum ImportState {
    /// Nothing imported yet.
    #[default]
    None,
    /// The file had errors; nothing was applied.
    Failed {
        /// File name.
        file: String,
        /// Every problem found.
        errors: Vec<CsvError>,
    },
    /// The file is larger than [`crate::io::MAX_IMPORT_BYTES`]; it was not read.
    TooLarge {
        /// File name.
        file: String,
        /// Its size in bytes.
        bytes: u64,
    },
    /// The file was applied.
    Applied {
        /// File name.
        file: String,
        /// Names of the scenarios in the file (the first was applied, all were saved).
        scenarios: Vec<String>,
        /// Measures whose effect or years differed between municipalities.
        simplified: Vec<String>,
    },
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Interface language.
    pub lang: Lang,
    /// The scenario being edited.
    pub settings: Settings,
    /// Its evaluation (or why it failed).
    pub eval: Rc<Result<Evaluation, String>>,
    /// Table sort key.
    pub sort: SortKey,
    /// Table sort direction.
    pub ascending: bool,
    /// The measure whose sources are open.
    pub sources_for: Option<String>,
    /// Outcome of the last import.
    pub import: ImportState,
    /// Scenarios saved in the browser.
    pub saved: Vec<SavedScenario>,
    /// Problems and migrations found in saved data.
    pub storage_notes: Vec<StorageNote>,
    /// Names of saved scenarios chosen for comparison (at most three).
    pub compare: Vec<String>,
    /// A scenario loaded from the link the page was opened with.
    pub from_link: bool,
    /// Values of the settings calc-core refuses, shown to the user (not silently dropped).
    pub problems: Vec<SettingProblem>,
    /// Why the link the page was opened with could not be used.
    pub link_problem: Option<crate::share::LinkError>,
    /// Values of the link's scenario that were changed or left out on the way in.
    pub link_adjustments: Vec<SettingProblem>,
}

/// Evaluates settings against the current factor set.
pub fn evaluate_settings(settings: &Settings, cat: &Catalogue) -> Result<Evaluation, String> {
    let table = cat
        .current_set()
        .ok_or_else(|| "no factor set".to_string())?;
    evaluate(table, &settings.to_scenario(cat)).map_err(|e| e.to_string())
}

impl AppState {
    /// The state the app starts in: defaults, or `settings` (from a shared link), with the
    /// saved scenarios read from the browser.
    #[must_use]
    pub fn new(
        settings: Option<Settings>,
        saved: Vec<SavedScenario>,
        notes: Vec<StorageNote>,
    ) -> Self {
        let mut link_adjustments = Vec::new();
        let (settings, from_link) = match (settings, catalogue()) {
            (Some(s), Some(cat)) => {
                link_adjustments = s.adjustments(cat);
                let (norm, unknown) = s.normalized(cat);
                link_adjustments.extend(unknown.into_iter().map(|id| SettingProblem {
                    measure: id,
                    municipality: None,
                    kind: SettingProblemKind::Unknown,
                }));
                (norm, true)
            }
            (None, Some(cat)) => (Settings::defaults(cat), false),
            (_, None) => (
                Settings {
                    name: String::new(),
                    municipalities: Vec::new(),
                    measures: Vec::new(),
                },
                false,
            ),
        };
        let mut s = Self {
            lang: Lang::Sv,
            settings,
            eval: Rc::new(Err(String::new())),
            sort: SortKey::Co2e,
            ascending: false,
            sources_for: None,
            import: ImportState::None,
            saved,
            storage_notes: notes,
            compare: Vec::new(),
            from_link,
            problems: Vec::new(),
            link_problem: None,
            link_adjustments,
        };
        s.recompute();
        s
    }

    fn recompute(&mut self) {
        self.problems = catalogue().map_or_else(Vec::new, |cat| self.settings.problems(cat));
        self.eval = Rc::new(match catalogue() {
            Some(cat) => evaluate_settings(&self.settings, cat),
            None => Err("built-in data did not load".to_string()),
        });
    }
}

/// Everything the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Choose or unchoose one municipality (SCB code).
    ToggleMunicipality(String),
    /// Choose all municipalities (`true`) or none.
    SetAllMunicipalities(bool),
    /// Switch a measure on or off.
    ToggleMeasure(String),
    /// Set a measure's effect in percent.
    SetEffect(String, Decimal),
    /// Set a detail field's total for the chosen municipalities (`None`: defaults).
    SetField(String, Field, Option<Decimal>),
    /// Set a measure's start year.
    SetStartYear(String, u16),
    /// Set a measure's full-effect year.
    SetFullEffectYear(String, u16),
    /// Put one measure back to its catalogue defaults.
    ResetMeasure(String),
    /// Put everything back to the defaults.
    ResetAll,
    /// Sort the table by a key (again: reverse).
    Sort(SortKey),
    /// Show the sources of a measure, or close them.
    ShowSources(Option<String>),
    /// A scenario file was read: parse it and apply it if it is valid.
    Import {
        /// File name.
        file: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// A file too large to import was chosen (it was not read).
    ImportTooLarge {
        /// File name.
        file: String,
        /// Its size in bytes.
        bytes: u64,
    },
    /// Rename the current scenario.
    SetName(String),
    /// Save the current scenario under its name.
    Save,
    /// Open a saved scenario.
    Open(String),
    /// Delete a saved scenario.
    Delete(String),
    /// Add or remove a saved scenario from the comparison.
    ToggleCompare(String),
    /// Forget the storage notes shown.
    DismissNotes,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let Some(cat) = catalogue() else { return self };
        let mut s = (*self).clone();
        let mut changed = true;
        match action {
            Action::SetLang(lang) => {
                s.lang = lang;
                changed = false;
            }
            Action::ToggleMunicipality(code) => {
                if s.settings.has_municipality(&code) {
                    s.settings.municipalities.retain(|c| *c != code);
                } else {
                    s.settings.municipalities.push(code);
                    s.settings = s.settings.normalized(cat).0;
                }
            }
            Action::SetAllMunicipalities(all) => {
                s.settings.municipalities = if all {
                    cat.municipalities
                        .iter()
                        .map(|k| k.code.0.clone())
                        .collect()
                } else {
                    Vec::new()
                };
            }
            Action::ToggleMeasure(id) => {
                if let Some(m) = s.settings.measure_mut(&id) {
                    m.enabled = !m.enabled;
                }
            }
            Action::SetEffect(id, pct) => {
                if let Some(m) = s.settings.measure_mut(&id) {
                    m.effect_pct = pct.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED).normalize();
                }
            }
            Action::SetField(id, field, total) => {
                set_field_total(&mut s.settings, cat, &id, field, total);
            }
            Action::SetStartYear(id, y) => {
                if let Some(m) = s.settings.measure_mut(&id) {
                    let ramp = m.full_effect_year.saturating_sub(m.start_year);
                    m.start_year = y.clamp(YEAR_RANGE.0, YEAR_RANGE.1);
                    m.full_effect_year = m.start_year.saturating_add(ramp).min(YEAR_RANGE.1);
                }
            }
            Action::SetFullEffectYear(id, y) => {
                if let Some(m) = s.settings.measure_mut(&id) {
                    m.full_effect_year = y.clamp(m.start_year, YEAR_RANGE.1);
                }
            }
            Action::ResetMeasure(id) => {
                if let (Some(m), Some(ms)) = (cat.measure(&id), s.settings.measure_mut(&id)) {
                    *ms = MeasureSettings::default_for(m);
                }
            }
            Action::ResetAll => {
                let name = s.settings.name.clone();
                s.settings = Settings::defaults(cat);
                s.settings.name = name;
            }
            Action::Sort(key) => {
                if s.sort == key {
                    s.ascending = !s.ascending;
                } else {
                    s.sort = key;
                    s.ascending = matches!(key, SortKey::Name | SortKey::CostPerTonne);
                }
                changed = false;
            }
            Action::ShowSources(id) => {
                s.sources_for = id;
                changed = false;
            }
            Action::Import { file, bytes }
                if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > crate::io::MAX_IMPORT_BYTES =>
            {
                s.import = ImportState::TooLarge {
                    bytes: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
                    file,
                };
                changed = false;
            }
            Action::ImportTooLarge { file, bytes } => {
                s.import = ImportState::TooLarge { file, bytes };
                changed = false;
            }
            Action::Import { file, bytes } => {
                let ctx = ScenarioContext::new(
                    cat.measures.iter().cloned(),
                    cat.municipalities.iter().cloned(),
                );
                match read_scenarios(&bytes, &ctx) {
                    Err(errors) => {
                        s.import = ImportState::Failed { file, errors };
                        changed = false;
                    }
                    Ok(import) => {
                        let mut names = Vec::new();
                        let mut simplified = Vec::new();
                        let mut first = None;
                        for sc in &import.scenarios {
                            let (settings, simp) = Settings::from_scenario(sc, cat);
                            names.push(settings.name.clone());
                            simplified.extend(simp);
                            if import.scenarios.len() > 1 {
                                storage::upsert(&mut s.saved, &settings);
                            }
                            if first.is_none() {
                                first = Some(settings);
                            }
                        }
                        if import.scenarios.len() > 1 {
                            storage::store(&s.saved, &mut s.storage_notes);
                        }
                        if let Some(first) = first {
                            s.settings = first;
                        }
                        s.import = ImportState::Applied {
                            file,
                            scenarios: names,
                            simplified,
                        };
                    }
                }
            }
            Action::SetName(name) => {
                s.settings.name = name;
                changed = false;
            }
            Action::Save => {
                if s.settings.name.trim().is_empty() {
                    s.settings.name = "Scenario".to_string();
                }
                s.settings.name = s.settings.name.trim().to_string();
                storage::upsert(&mut s.saved, &s.settings);
                storage::store(&s.saved, &mut s.storage_notes);
                changed = false;
            }
            Action::Open(name) => {
                if let Some(saved) = s.saved.iter().find(|x| x.settings.name == name) {
                    s.settings = saved.settings.clone().normalized(cat).0;
                }
            }
            Action::Delete(name) => {
                s.saved.retain(|x| x.settings.name != name);
                s.compare.retain(|x| *x != name);
                storage::store(&s.saved, &mut s.storage_notes);
                changed = false;
            }
            Action::ToggleCompare(name) => {
                if s.compare.contains(&name) {
                    s.compare.retain(|x| *x != name);
                } else if s.compare.len() < 3 {
                    s.compare.push(name);
                }
                changed = false;
            }
            Action::DismissNotes => {
                s.storage_notes.clear();
                changed = false;
            }
        }
        if changed {
            s.recompute();
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat() -> &'static Catalogue {
        catalogue().expect("built-in data")
    }

    #[test]
    fn defaults_evaluate_like_the_catalogue_default_scenario() {
        let cat = cat();
        let mine = evaluate_settings(&Settings::defaults(cat), cat).unwrap();
        let theirs = evaluate(cat.current_set().unwrap(), &cat.default_scenario()).unwrap();
        assert_eq!(mine.total, theirs.total);
    }

    #[test]
    fn refused_settings_are_reported_not_dropped() {
        let cat = cat();
        let mut s = Settings::defaults(cat);
        let id = cat.measures[0].id.0.clone();
        let default = cat.measures[0].default_effect.percent().normalize();
        s.measures[0].effect_pct = Decimal::from(140);
        s.measures[0].start_year = 2030;
        s.measures[0].full_effect_year = 2027;
        s.measures[0]
            .quantity_t
            .insert(s.municipalities[0].clone(), Decimal::from(-5));
        let k = cat.municipality(&s.municipalities[0]).unwrap().name.clone();
        let problems = s.problems(cat);
        let en: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
        assert_eq!(
            en,
            [
                format!(
                    "{id}: the effect 140 % is outside 0–100 %; the measure's default {default} % is used"
                ),
                format!("{id}: year 2027 comes before 2030; the value is not used"),
                format!("{id}, {k}: quantity -5 t is negative; the value is not used"),
            ]
        );
        assert_eq!(
            problems[0].message(Lang::Sv),
            format!(
                "{id}: effekten 140 % ligger utanför 0–100 %; åtgärdens standardvärde {} % används",
                calc_core::csvio::format_decimal(default, true)
            )
        );
        assert_eq!(
            problems[1].message(Lang::Sv),
            format!("{id}: året 2027 kommer före 2030; värdet används inte")
        );
        // The app state shows them (a link's effect and years are clamped into range on
        // the way in; a negative quantity is not), and they go when the value is fixed.
        let state = Rc::new(AppState::new(Some(s), Vec::new(), Vec::new()));
        assert_eq!(
            state
                .problems
                .iter()
                .map(|p| p.message(Lang::En))
                .collect::<Vec<_>>(),
            [en[2].clone()]
        );
        let mut fixed = (*state).clone();
        fixed.settings.measures[0].quantity_t.clear();
        fixed.recompute();
        assert!(fixed.problems.is_empty());
    }

    #[test]
    fn a_links_out_of_range_values_and_unknown_ids_are_reported() {
        let cat = cat();
        let mut s = Settings::defaults(cat);
        let id = cat.measures[1].id.0.clone();
        s.measures[1].effect_pct = Decimal::from(140);
        s.measures[1].start_year = 2070;
        s.measures[1].full_effect_year = 2010;
        s.measures.push(MeasureSettings {
            id: "no_such_measure".into(),
            ..s.measures[0].clone()
        });
        s.municipalities.push("9999".into());
        let state = AppState::new(Some(s), Vec::new(), Vec::new());
        let en: Vec<String> = state
            .link_adjustments
            .iter()
            .map(|p| p.message(Lang::En))
            .collect();
        assert_eq!(
            en,
            [
                format!("{id}: the effect 140 % is outside 0–100 %; 100 % is used"),
                format!(
                    "{id}: the years 2070–2010 are outside 2020–2060 or out of order; 2060–2060 are used"
                ),
                "no_such_measure: not in the catalogue, left out".to_string(),
                "9999: not in the catalogue, left out".to_string(),
            ]
        );
        let sv: Vec<String> = state
            .link_adjustments
            .iter()
            .map(|p| p.message(Lang::Sv))
            .collect();
        assert_eq!(
            sv,
            [
                format!("{id}: effekten 140 % ligger utanför 0–100 %; 100 % används"),
                format!(
                    "{id}: åren 2070–2010 ligger utanför 2020–2060 eller i fel ordning; 2060–2060 används"
                ),
                "no_such_measure: finns inte i katalogen och hoppades över".to_string(),
                "9999: finns inte i katalogen och hoppades över".to_string(),
            ]
        );
        let note = crate::storage::StorageNote::Adjusted {
            scenario: "Plan".into(),
            changes: state.link_adjustments[..2].to_vec(),
        };
        assert_eq!(
            note.message(Lang::En),
            format!(
                "Values outside the allowed range were adjusted in Plan: {}; {}",
                en[0], en[1]
            )
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size() {
        let state = Rc::new(AppState::new(None, Vec::new(), Vec::new()));
        let before = state.eval.as_ref().clone().unwrap().total;
        let bytes = vec![b'x'; usize::try_from(crate::io::MAX_IMPORT_BYTES).unwrap() + 1];
        let after = state.reduce(Action::Import {
            file: "big.csv".into(),
            bytes,
        });
        assert_eq!(
            after.import,
            ImportState::TooLarge {
                file: "big.csv".into(),
                bytes: crate::io::MAX_IMPORT_BYTES + 1
            }
        );
        assert_eq!(after.eval.as_ref().clone().unwrap().total, before);
        assert_eq!(
            crate::io::too_large_text("big.csv", 50 * 1024 * 1024, Lang::Sv),
            "big.csv: filen är 50,0 MB, webbläsaren läser in högst 5,0 MB. Använd kommandoradsverktyget (avfallskalkyl evaluate) för större filer."
        );
        assert_eq!(
            crate::io::too_large_text("big.csv", 50 * 1024 * 1024, Lang::En),
            "big.csv: the file is 50.0 MB, the browser imports at most 5.0 MB. Use the command-line tool (avfallskalkyl evaluate) for larger files."
        );
    }

    #[test]
    fn quantity_total_is_shared_by_population() {
        let cat = cat();
        let mut s = Settings::defaults(cat);
        let id = cat.measures[0].id.0.clone();
        set_field_total(&mut s, cat, &id, Field::Quantity, Some(Decimal::from(1000)));
        let (total, overridden) = field_total(&s, cat, &id, Field::Quantity);
        assert!(overridden);
        assert_eq!(total.round_dp(6), Decimal::from(1000));
        set_field_total(&mut s, cat, &id, Field::Quantity, None);
        assert!(!field_total(&s, cat, &id, Field::Quantity).1);
    }

    #[test]
    fn scenario_round_trips_through_settings() {
        let cat = cat();
        let mut s = Settings::defaults(cat);
        s.measures[1].enabled = false;
        s.measures[0].effect_pct = Decimal::from(80);
        s.municipalities.retain(|c| c == "1490" || c == "1463");
        let (back, simplified) = Settings::from_scenario(&s.to_scenario(cat), cat);
        assert!(simplified.is_empty());
        assert_eq!(back, s);
    }

    #[test]
    fn quantity_default_is_what_calc_core_reaches() {
        let cat = cat();
        let s = Settings::defaults(cat);
        let e = evaluate_settings(&s, cat).unwrap();
        for item in &e.items {
            let m = cat.measure(item.measure.as_str()).unwrap();
            let k = cat.municipality(item.municipality.as_str()).unwrap();
            assert_eq!(
                reach_default(m, k),
                Some(item.affected_tonnes_per_year),
                "{} in {}",
                item.measure,
                item.municipality
            );
        }
    }

    #[test]
    fn cost_defaults_are_the_central_estimates() {
        let cat = cat();
        let s = Settings::defaults(cat);
        let m = &cat.measures[0];
        let (total, edited) = field_total(&s, cat, m.id.as_str(), Field::RunningCost);
        assert!(!edited);
        let want = cat.municipalities.iter().fold(Decimal::ZERO, |a, k| {
            a + m
                .running_cost
                .central()
                .for_population(k.population)
                .unwrap()
                .value()
        });
        assert_eq!(total, want);
    }

    #[test]
    fn reducer_recomputes_on_effect_change() {
        let state = Rc::new(AppState::new(None, Vec::new(), Vec::new()));
        let before = state.eval.as_ref().clone().unwrap().total;
        let id = cat().measures[0].id.0.clone();
        let after = state.reduce(Action::SetEffect(id, Decimal::ZERO));
        assert_ne!(after.eval.as_ref().clone().unwrap().total, before);
    }
}
