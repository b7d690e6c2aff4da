//! The app's state and everything that changes it: a [`Reducible`] driven by [`Action`]s.
//!
//! No HTML and no browser here: the reducer is a pure function of the state and the
//! action. After every change of the settings it works out what follows from them once
//! ([`Derived::of`]: the scenario with own figures, the pools, the [`Evaluation`], the
//! targets' progress), so every component renders from one consistent result and derives
//! nothing itself.
//! Writing the saved scenarios to localStorage is the App's effect on
//! [`AppState::save_requests`] (see [`crate::hooks::use_saved_writer`]); the reducer only
//! asks for it.

use crate::derived::Derived;
use crate::fields::{Field, set_field_total};
use crate::settings::{
    MeasureSettings, SettingProblem, SettingProblemKind, Settings, YEAR_RANGE, catalogue,
};
use crate::storage::{SavedScenario, StorageNote};
use calc_core::Evaluation;
use calc_core::csvio::{CsvError, Lang, ScenarioContext, read_scenarios};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

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
        /// Optional columns the file lacked, whose defaults were used.
        assumed: Vec<calc_core::csvio::AssumedColumn>,
        /// Measures whose effect or years differed between municipalities.
        simplified: Vec<String>,
        /// Ids of the measures the applied scenario switched off because the file has no
        /// row for them.
        switched_off: Vec<String>,
    },
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Interface language.
    pub lang: Lang,
    /// The scenario being edited.
    pub settings: Settings,
    /// Its evaluation (or why it failed): [`Derived::eval`].
    pub eval: Result<Rc<Evaluation>, String>,
    /// What follows from the settings, worked out once per change (`None` only when the
    /// built-in data did not load).
    pub derived: Option<Rc<Derived>>,
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
    /// How many times the reducer asked for [`AppState::saved`] to be written to the
    /// browser (a save, a delete, an import of several scenarios); the App writes once
    /// per new value, none at start.
    pub save_requests: u64,
    /// A save under a name that is already saved, waiting for the planner to say whether
    /// to replace that scenario or keep both.
    pub save_pending: Option<String>,
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
                    follow_up: crate::follow_up::FollowUp::default(),
                    ambition: false,
                    include_required_by_law: false,
                    own_municipalities: Vec::new(),
                },
                false,
            ),
        };
        let mut s = Self {
            lang: Lang::Sv,
            settings,
            eval: Err(String::new()),
            derived: None,
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
            save_requests: 0,
            save_pending: None,
        };
        s.recompute();
        s
    }

    /// Continues the work of the last visit: `settings` from the browser's working state,
    /// brought into the catalogue's ranges (not marked as coming from a link).
    pub fn restore_working(&mut self, settings: Settings) {
        if let Some(cat) = catalogue() {
            self.settings = settings.normalized(cat).0;
            self.recompute();
        }
    }

    /// Works out what follows from the settings, once ([`Derived::of`]).
    fn recompute(&mut self) {
        match catalogue() {
            Some(cat) => {
                let d = Rc::new(Derived::of(&self.settings, cat));
                self.eval = d.eval.clone();
                self.problems = d.problems.clone();
                self.derived = Some(d);
            }
            None => {
                self.eval = Err("built-in data did not load".to_string());
                self.problems = Vec::new();
                self.derived = None;
            }
        }
    }

    /// Adds or replaces (by name) a saved scenario.
    fn upsert(&mut self, settings: &Settings) {
        let entry = SavedScenario {
            settings: settings.clone(),
        };
        match self
            .saved
            .iter_mut()
            .find(|s| s.settings.name == settings.name)
        {
            Some(s) => *s = entry,
            None => self.saved.push(entry),
        }
    }

    /// Asks the App to write [`AppState::saved`] to the browser.
    fn request_save(&mut self) {
        self.save_requests = self.save_requests.wrapping_add(1);
    }
}

/// Everything the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Choose or unchoose one municipality (SCB code).
    ToggleMunicipality(String),
    /// Choose all of Sjuhärad's municipalities (`true`) or none of them.
    SetAllMunicipalities(bool),
    /// Add a municipality outside Sjuhärad (checked by calc-core) and choose it.
    AddOwnMunicipality(crate::own_municipality::OwnMunicipality),
    /// Remove an added municipality (SCB code).
    RemoveOwnMunicipality(String),
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
    /// Save the current scenario under its name (asks first when the name is taken).
    Save,
    /// Replace the saved scenario of the same name ([`AppState::save_pending`]).
    SaveReplace,
    /// Keep the saved scenario of the same name and save this one under a new name
    /// ("Namn (2)").
    SaveBoth,
    /// Do not save after all.
    SaveCancel,
    /// Open a saved scenario.
    Open(String),
    /// Delete a saved scenario.
    Delete(String),
    /// Add or remove a saved scenario from the comparison.
    ToggleCompare(String),
    /// Forget the storage notes shown.
    DismissNotes,
    /// What writing the saved scenarios to the browser reported (a refused or skipped
    /// write); each note is shown once.
    StorageNotes(Vec<StorageNote>),
    /// Replace the own figures, actuals and targets (the "Mål och uppföljning" forms).
    SetFollowUp(crate::follow_up::FollowUp),
    /// Every measure at a case's effects: the expected outcome or the plan's ambition.
    SetCase(calc_core::Case),
    /// Count what the law requires in the totals, or not.
    SetIncludeRequiredByLaw(bool),
}

/// What an import switched off: "Åtgärder som inte finns i filen har stängts av (2): A, B."
#[must_use]
pub fn switched_off_text(ids: &[String], lang: Lang) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            catalogue()
                .and_then(|c| c.measure(id))
                .map_or_else(|| id.clone(), |m| m.name(lang).to_string())
        })
        .collect();
    format!(
        "{} ({}): {}.",
        crate::i18n::t(lang, crate::i18n::K::ImportSwitchedOff),
        names.len(),
        names.join(", ")
    )
}

/// `name (2)`, `name (3)` … : the first that no saved scenario has.
#[must_use]
pub fn free_name(saved: &[SavedScenario], name: &str) -> String {
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|c| !saved.iter().any(|x| x.settings.name == *c))
        .unwrap_or_else(|| name.to_string())
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
                // "All of Sjuhärad": its eight; a municipality added outside it stays as it is.
                s.settings
                    .municipalities
                    .retain(|c| !cat.municipalities.iter().any(|k| k.code.as_str() == c));
                if all {
                    s.settings
                        .municipalities
                        .extend(cat.municipalities.iter().map(|k| k.code.0.clone()));
                }
                s.settings = s.settings.normalized(cat).0;
            }
            Action::AddOwnMunicipality(m) => {
                let code = m.code.clone();
                s.settings.own_municipalities.retain(|o| o.code != code);
                s.settings.own_municipalities.push(m);
                if !s.settings.has_municipality(&code) {
                    s.settings.municipalities.push(code);
                }
                s.settings = s.settings.normalized(cat).0;
            }
            Action::RemoveOwnMunicipality(code) => {
                s.settings.own_municipalities.retain(|o| o.code != code);
                s.settings.municipalities.retain(|c| *c != code);
            }
            Action::ToggleMeasure(id) => {
                if let Some(m) = s.settings.measure_mut(&id) {
                    m.enabled = !m.enabled;
                }
            }
            Action::SetCase(case) => s.settings.set_case(case, cat),
            Action::SetIncludeRequiredByLaw(on) => s.settings.include_required_by_law = on,
            Action::SetEffect(id, pct) => {
                if let Some(m) = s.settings.measure_mut(&id) {
                    m.effect_pct = pct.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED).normalize();
                    // The slider sets one effect for every municipality.
                    m.effect_pct_by_municipality.clear();
                }
            }
            Action::SetField(id, field, total) => {
                // The own figures do not change with a detail field: the pool is the one
                // the current derivation laid them over.
                if let (Some(m), Some(d)) = (cat.measure(&id), self.derived.as_ref()) {
                    let pool = d.pool_for(m);
                    set_field_total(&mut s.settings, cat, &pool, &id, field, total);
                }
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
                                s.upsert(&settings);
                            }
                            if first.is_none() {
                                first = Some(settings);
                            }
                        }
                        if import.scenarios.len() > 1 {
                            s.request_save();
                        }
                        let mut switched_off = Vec::new();
                        if let Some(first) = first {
                            let in_file: Vec<&str> = import
                                .scenarios
                                .first()
                                .map(|sc| {
                                    sc.items.iter().map(|i| i.measure().id.as_str()).collect()
                                })
                                .unwrap_or_default();
                            switched_off = first
                                .measures
                                .iter()
                                .filter(|m| !m.enabled && !in_file.contains(&m.id.as_str()))
                                .map(|m| m.id.clone())
                                .collect();
                            s.settings = first;
                        }
                        s.import = ImportState::Applied {
                            file,
                            scenarios: names,
                            assumed: import.assumed.clone(),
                            simplified,
                            switched_off,
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
                let name = s.settings.name.clone();
                if s.saved.iter().any(|x| x.settings.name == name) {
                    s.save_pending = Some(name);
                } else {
                    let settings = s.settings.clone();
                    s.upsert(&settings);
                    s.request_save();
                    s.save_pending = None;
                }
                changed = false;
            }
            Action::SaveReplace => {
                if let Some(name) = s.save_pending.take() {
                    s.settings.name = name;
                    let settings = s.settings.clone();
                    s.upsert(&settings);
                    s.request_save();
                }
                changed = false;
            }
            Action::SaveBoth => {
                if let Some(name) = s.save_pending.take() {
                    s.settings.name = free_name(&s.saved, &name);
                    let settings = s.settings.clone();
                    s.upsert(&settings);
                    s.request_save();
                }
                changed = false;
            }
            Action::SaveCancel => {
                s.save_pending = None;
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
                s.request_save();
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
            Action::StorageNotes(notes) => {
                for note in notes {
                    if !s.storage_notes.contains(&note) {
                        s.storage_notes.push(note);
                    }
                }
                changed = false;
            }
            Action::SetFollowUp(f) => {
                s.settings.follow_up = f;
            }
        }
        // A change that leaves the settings as they were (a slider let go where it was,
        // a language switch) keeps the derivation it had.
        if changed && s.settings != self.settings {
            s.recompute();
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests;
