//! A scenario as the planner sets it up ([`Settings`], one [`MeasureSettings`] per
//! measure): what is saved, shared, compared and evaluated, and how it becomes a calc-core
//! [`Scenario`]. Values calc-core refuses are named ([`SettingProblem`]), never dropped.

use crate::i18n::{K, tf};
use calc_core::csvio::Lang;
use calc_core::{
    Evaluation, ItemOverrides, Measure, ModelError, Municipality, OverrideField, Scenario,
    ScenarioItem, Sek, Share, Tonnes, Year, evaluate,
};
use factors::Catalogue;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

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
    /// calc-core refused an override (years out of order, a negative quantity or cost),
    /// as `ItemOverrides::build` refuses it for a scenario file: the field and why.
    Override {
        /// The override refused.
        field: OverrideField,
        /// Why.
        error: ModelError,
    },
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
        let sv = lang == Lang::Sv;
        let number = |d: &Decimal| calc_core::csvio::format_decimal(*d, sv);
        match &self.kind {
            SettingProblemKind::Effect { given, used } => tf(
                lang,
                K::ProblemEffect,
                &[
                    ("place", &place),
                    ("given", &number(given)),
                    ("used", &number(used)),
                ],
            ),
            SettingProblemKind::Override { error, .. } => tf(
                lang,
                K::ProblemOverride,
                &[("place", &place), ("error", &error.message(lang))],
            ),
            SettingProblemKind::EffectClamped { given, used } => tf(
                lang,
                K::ProblemEffectClamped,
                &[
                    ("place", &place),
                    ("given", &number(given)),
                    ("used", &number(used)),
                ],
            ),
            SettingProblemKind::YearsAdjusted { given, used } => tf(
                lang,
                K::ProblemYears,
                &[
                    ("place", &place),
                    ("given_start", &given.0),
                    ("given_full", &given.1),
                    ("first", &YEAR_RANGE.0),
                    ("last", &YEAR_RANGE.1),
                    ("used_start", &used.0),
                    ("used_full", &used.1),
                ],
            ),
            SettingProblemKind::Unknown => tf(lang, K::ProblemUnknown, &[("place", &place)]),
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
    /// An effect of its own in percent per municipality code, where an imported scenario
    /// gave the municipalities different effects (empty: [`MeasureSettings::effect_pct`]
    /// in every municipality). The slider sets one effect for all and empties it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub effect_pct_by_municipality: BTreeMap<String, Decimal>,
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
            effect_pct: m.default_effect().percent().normalize(),
            effect_pct_by_municipality: BTreeMap::new(),
            start_year: start,
            full_effect_year: start.saturating_add(m.ramp_years),
            quantity_t: BTreeMap::new(),
            implementation_sek: BTreeMap::new(),
            running_sek: BTreeMap::new(),
        }
    }
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
    /// Own figures, actuals and targets for follow-up (issue 12).
    #[serde(default, skip_serializing_if = "crate::follow_up::FollowUp::is_empty")]
    pub follow_up: crate::follow_up::FollowUp,
    /// The plan's ambition chosen (issue 21): measures whose effect is their goal's are in
    /// that case; otherwise the expected outcome (or own effects).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambition: bool,
    /// Whether the totals count what the law requires (the reference path).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub include_required_by_law: bool,
    /// Municipalities outside Sjuhärad the planner added with their populations (issue
    /// 26); chosen or not through [`Settings::municipalities`] like the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own_municipalities: Vec<crate::own_municipality::OwnMunicipality>,
}

impl Settings {
    /// Every measure at a case's effect: the expected outcome's central value, or the
    /// effect its goal needs (the plan's ambition).
    pub fn set_case(&mut self, case: calc_core::Case, cat: &Catalogue) {
        self.ambition = case == calc_core::Case::Ambition;
        for m in &cat.measures {
            if let Some(s) = self.measures.iter_mut().find(|s| s.id == m.id.0) {
                s.effect_pct = m.effects.for_case(case).central().percent().normalize();
                s.effect_pct_by_municipality.clear();
            }
        }
    }

    /// The catalogue's default scenario ([`Catalogue::default_scenario`]: every measure on
    /// at its defaults, all eight municipalities) as settings.
    #[must_use]
    pub fn defaults(cat: &Catalogue) -> Self {
        Self::from_scenario(&cat.default_scenario(), cat).0
    }

    /// The settings of one measure.
    #[must_use]
    pub fn measure(&self, id: &str) -> Option<&MeasureSettings> {
        self.measures.iter().find(|m| m.id == id)
    }

    pub(crate) fn measure_mut(&mut self, id: &str) -> Option<&mut MeasureSettings> {
        self.measures.iter_mut().find(|m| m.id == id)
    }

    /// True when a municipality is chosen.
    #[must_use]
    pub fn has_municipality(&self, code: &str) -> bool {
        self.municipalities.iter().any(|c| c == code)
    }

    /// Every municipality the settings know: Sjuhärad's eight, then those the planner
    /// added ([`Settings::own_municipalities`]; one calc-core refuses is left out).
    #[must_use]
    pub fn all_municipalities(&self, cat: &Catalogue) -> Vec<Arc<Municipality>> {
        let own: Vec<Arc<Municipality>> = self
            .own_municipalities
            .iter()
            .filter_map(|o| o.municipality(cat))
            .collect();
        cat.municipalities_with(&own)
    }

    /// The chosen municipalities, Sjuhärad's in catalogue order, then the added ones.
    #[must_use]
    pub fn chosen(&self, cat: &Catalogue) -> Vec<Arc<Municipality>> {
        self.all_municipalities(cat)
            .into_iter()
            .filter(|k| self.has_municipality(k.code.as_str()))
            .collect()
    }

    /// The chosen municipalities the targets apply to: the plan's built-in targets are
    /// Sjuhärad's, so a municipality outside it has none until the planner sets their own
    /// targets (the targets form).
    #[must_use]
    pub fn target_towns(&self, cat: &Catalogue) -> Vec<Arc<Municipality>> {
        let own_targets = self.follow_up.targets.is_some();
        self.chosen(cat)
            .into_iter()
            .filter(|k| own_targets || cat.is_plan_municipality(&k.code))
            .collect()
    }

    /// The chosen municipalities outside Sjuhärad (no built-in targets).
    #[must_use]
    pub fn chosen_outside_plan(&self, cat: &Catalogue) -> Vec<Arc<Municipality>> {
        self.chosen(cat)
            .into_iter()
            .filter(|k| !cat.is_plan_municipality(&k.code))
            .collect()
    }

    /// The calc-core scenario for these settings, each item built by
    /// [`ItemOverrides::build`] as a scenario file's are. A value calc-core refuses (an
    /// effect outside 0–100 %, a full-effect year before the start, a negative quantity or
    /// cost) is not used; [`Settings::problems`] names each one for the user.
    #[must_use]
    pub fn to_scenario(&self, cat: &Catalogue) -> Scenario {
        let (own, _) = self
            .follow_up
            .own_figures(cat, &self.all_municipalities(cat));
        let scenario = self.bare_scenario(cat).0;
        if own.is_empty() {
            scenario
        } else {
            own.apply(&scenario)
        }
    }

    /// Every value of these settings that calc-core refuses, with why; the scenario uses
    /// the measure's default instead (see [`Settings::to_scenario`]).
    #[must_use]
    pub fn problems(&self, cat: &Catalogue) -> Vec<SettingProblem> {
        self.bare_scenario(cat).1
    }

    /// The scenario without the municipalities' own figures, and the values of the
    /// settings calc-core refuses ([`Settings::problems`]). The page lays the own figures
    /// over it once per change ([`crate::derived::Derived::of`]).
    #[must_use]
    pub fn bare_scenario(&self, cat: &Catalogue) -> (Scenario, Vec<SettingProblem>) {
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
                            used: m.default_effect().percent().normalize(),
                        },
                    });
                    m.default_effect()
                }
            };
            for (n, k) in chosen.iter().enumerate() {
                let code = k.code.as_str();
                // The municipality's own effect (from an imported scenario), if valid.
                let effect = match s.effect_pct_by_municipality.get(code) {
                    None => effect,
                    Some(pct) => match Share::from_percent(*pct) {
                        Ok(e) => e,
                        Err(_) => {
                            problems.push(SettingProblem {
                                measure: m.id.0.clone(),
                                municipality: Some(k.name.clone()),
                                kind: SettingProblemKind::Effect {
                                    given: *pct,
                                    used: effect.percent().normalize(),
                                },
                            });
                            effect
                        }
                    },
                };
                let overrides = ItemOverrides {
                    effect: Some(effect),
                    quantity: s.quantity_t.get(code).map(|q| Tonnes::new(*q)),
                    start_year: Some(Year(s.start_year)),
                    full_effect_year: Some(Year(s.full_effect_year)),
                    implementation_cost: s.implementation_sek.get(code).map(|c| Sek::new(*c)),
                    running_cost: s.running_sek.get(code).map(|c| Sek::new(*c)),
                };
                let (mut item, refused) = overrides.build_leaving_out(m, k, scenario.period);
                // The plan's ambition: a measure at its goal's effect is in that case.
                if self.ambition && effect == m.effects.ambition() {
                    item = item.map(|i| i.with_case(calc_core::Case::Ambition));
                }
                for (field, error) in refused {
                    let years = matches!(
                        field,
                        OverrideField::StartYear | OverrideField::FullEffectYear
                    );
                    // The years are the measure's: one note per measure, not one per
                    // municipality.
                    if years && n > 0 {
                        continue;
                    }
                    problems.push(SettingProblem {
                        measure: m.id.0.clone(),
                        municipality: (!years).then(|| k.name.clone()),
                        kind: SettingProblemKind::Override { field, error },
                    });
                }
                scenario.items.extend(item);
            }
        }
        // What the law requires in the chosen municipalities, whatever the plan does.
        scenario.add_reference_path(&cat.legal_duties);
        scenario.include_required_by_law = self.include_required_by_law;
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
            follow_up: crate::follow_up::FollowUp::default(),
            ambition: false,
            include_required_by_law: false,
            own_municipalities: Vec::new(),
        };
        out.ambition = s.case() == calc_core::Case::Ambition;
        out.include_required_by_law = s.include_required_by_law;
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
                    // Effects per municipality are kept; the years are the measure's.
                    if items.iter().any(|i| i.effect() != first.effect()) {
                        for i in &items {
                            ms.effect_pct_by_municipality.insert(
                                i.municipality().code.0.clone(),
                                i.effect().percent().normalize(),
                            );
                        }
                    }
                    if items.iter().any(|i| {
                        i.start_year() != first.start_year()
                            || i.full_effect_year() != first.full_effect_year()
                    }) {
                        simplified.push(m.id.0.clone());
                    }
                    for i in &items {
                        let code = i.municipality().code.0.clone();
                        let o = ItemOverrides::of(i);
                        if let Some(q) = o.quantity {
                            ms.quantity_t.insert(code.clone(), q.value());
                        }
                        if let Some(c) = o.implementation_cost {
                            ms.implementation_sek.insert(code.clone(), c.value());
                        }
                        if let Some(c) = o.running_cost {
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
        // An added municipality calc-core refuses (a changed link) is left out and named.
        let own_municipalities: Vec<_> = self
            .own_municipalities
            .iter()
            .filter(|o| {
                let ok = o.municipality(cat).is_some()
                    && !cat.is_plan_municipality(&calc_core::ScbCode(o.code.clone()));
                if !ok {
                    unknown.push(o.code.clone());
                }
                ok
            })
            .cloned()
            .collect();
        let known = |c: &str| {
            cat.municipalities.iter().any(|k| k.code.as_str() == c)
                || own_municipalities.iter().any(|o| o.code == c)
        };
        for c in &self.municipalities {
            if !known(c) && !unknown.contains(c) {
                unknown.push(c.clone());
            }
        }
        let mut municipalities: Vec<String> = cat
            .municipalities
            .iter()
            .filter(|k| self.municipalities.iter().any(|c| c == k.code.as_str()))
            .map(|k| k.code.0.clone())
            .collect();
        municipalities.extend(
            own_municipalities
                .iter()
                .filter(|o| self.municipalities.contains(&o.code))
                .map(|o| o.code.clone()),
        );
        let measures = cat
            .measures
            .iter()
            .map(
                |m| match self.measures.iter().find(|s| s.id == m.id.as_str()) {
                    Some(s) => {
                        let mut s = s.clone();
                        s.effect_pct = s.effect_pct.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                        for e in s.effect_pct_by_municipality.values_mut() {
                            *e = (*e).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                        }
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
                follow_up: self.follow_up,
                ambition: self.ambition,
                include_required_by_law: self.include_required_by_law,
                own_municipalities,
            },
            unknown,
        )
    }
}

/// A measure's name by id, or the id when unknown.
#[must_use]
pub fn measure_name_by_id(id: &str, lang: calc_core::Lang) -> String {
    catalogue()
        .and_then(|c| c.measure(id))
        .map_or_else(|| id.to_string(), |m| m.name(lang).to_string())
}

/// Evaluates settings against the current factor set (a saved scenario in the
/// comparison; the page's own scenario is evaluated by [`crate::derived::Derived::of`]).
pub fn evaluate_settings(settings: &Settings, cat: &Catalogue) -> Result<Evaluation, String> {
    match cat.current_set() {
        Some(table) => evaluate(table, &settings.to_scenario(cat)).map_err(|e| e.to_string()),
        None => Err("no factor set".to_string()),
    }
}

#[cfg(test)]
mod tests;
