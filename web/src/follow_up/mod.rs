//! Targets and follow-up as the planner enters them: the municipality's own figures, the
//! yearly actuals and (when changed from the plan's built-in goals) the targets. Saved and
//! shared with the scenario as part of [`crate::settings::Settings`]; turned into calc-core's
//! [`OwnFigures`], [`Actual`]s and [`Target`]s here, each row through calc-core's validating
//! constructors (a row calc-core refuses is named, never dropped silently).

mod forms;
#[cfg(test)]
mod tests;

use calc_core::Municipality;
pub use calc_core::input::{ActualInput, BaseInput, OwnFigureInput, TargetInput};
use calc_core::{Actual, OwnFigures, Target};
use factors::Catalogue;
pub use forms::{
    ActualField, ActualForm, OwnField, OwnForm, QuantityUnit, TargetField, TargetForm,
    free_target_id,
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

thread_local! {
    static OWN_READS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times [`FollowUp::own_figures`] ran on this thread (the reducer reads them
/// once per change: [`crate::derived`]).
#[must_use]
pub fn own_reads() -> u64 {
    OWN_READS.with(std::cell::Cell::get)
}

/// Everything the planner entered for follow-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Own figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own: Vec<OwnFigureInput>,
    /// Actuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<ActualInput>,
    /// Targets (`None`: the plan's built-in goals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<TargetInput>>,
}

impl FollowUp {
    /// Nothing entered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.own.is_empty() && self.actuals.is_empty() && self.targets.is_none()
    }

    /// The own figures calc-core accepts, and a message per row it refuses; `towns` are the
    /// municipalities the settings know (Sjuhärad's and those the planner added).
    #[must_use]
    pub fn own_figures(
        &self,
        cat: &Catalogue,
        towns: &[Arc<Municipality>],
    ) -> (OwnFigures, Vec<String>) {
        OWN_READS.with(|c| c.set(c.get().wrapping_add(1)));
        let mut out = OwnFigures::new();
        let mut problems = Vec::new();
        for r in &self.own {
            match r.check(&cat.pools, towns) {
                Ok(f) => {
                    out.rows
                        .retain(|x| !(x.municipality == f.municipality && x.pool == f.pool));
                    out.rows.push(f);
                }
                Err(refused) => problems.push(format!(
                    "{} {}: {}",
                    r.municipality,
                    r.pool,
                    refusal_text(&refused)
                )),
            }
        }
        (out, problems)
    }

    /// The actuals calc-core accepts, and a message per row it refuses.
    #[must_use]
    pub fn actuals(&self, towns: &[Arc<Municipality>]) -> (Vec<Actual>, Vec<String>) {
        let mut out = Vec::new();
        let mut problems = Vec::new();
        for a in &self.actuals {
            match a.check(towns) {
                Ok(x) => out.push(x),
                Err(refused) => problems.push(format!(
                    "{} {} {}: {}",
                    a.municipality,
                    a.indicator,
                    a.year,
                    refusal_text(&refused)
                )),
            }
        }
        (out, problems)
    }

    /// The targets: the planner's, or the plan's built-in goals.
    #[must_use]
    pub fn targets(&self, cat: &Catalogue) -> (Vec<Target>, Vec<String>) {
        match &self.targets {
            None => (cat.targets.clone(), Vec::new()),
            Some(rows) => {
                let mut out = Vec::new();
                let mut problems = Vec::new();
                for r in rows {
                    match r.check(&cat.pools, &cat.municipalities) {
                        Ok(t) => out.push(t),
                        Err(refused) => {
                            problems.push(format!("{}: {}", r.id, refusal_text(&refused)));
                        }
                    }
                }
                (out, problems)
            }
        }
    }

    /// The target rows to edit: the planner's, or the built-in goals as rows.
    #[must_use]
    pub fn target_rows(&self, cat: &Catalogue) -> Vec<TargetInput> {
        self.targets
            .clone()
            .unwrap_or_else(|| cat.targets.iter().map(TargetInput::from).collect())
    }
}

/// Refusals of one saved row as one line (the problems list is the app's log of what it
/// could not use, in English like the engine's errors).
fn refusal_text(refused: &calc_core::input::Refusals) -> String {
    refused
        .iter()
        .map(|(_, e)| e.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
