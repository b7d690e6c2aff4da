//! Everything the page shows that follows from the settings, worked out once per change.
//!
//! The reducer ([`crate::state`]) calls [`Derived::of`] after every action that changes
//! the settings, and only then; components read the result from the state and derive
//! nothing themselves. One pass: the municipalities' own figures are read once, laid over
//! the catalogue's pools once, the scenario is built once with them, evaluated once, and
//! the targets' progress (which the targets section and the "Din del" view both show) is
//! computed once from the same pieces.
//!
//! The counters ([`counts`]) let a test check that one input is one derivation.

use crate::settings::{SettingProblem, Settings};
use calc_core::{Baseline, Evaluation, OwnFigures, Pool, Scenario, TargetReport, progress};
use factors::Catalogue;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

/// The targets' progress as the page shows it.
#[derive(Debug, PartialEq)]
pub struct TargetsView {
    /// The progress of every target in every chosen municipality it applies to (or why
    /// it could not be computed).
    pub report: Result<TargetReport, String>,
    /// Each target's text: `(id, Swedish, English)`.
    pub texts: Vec<(String, String, String)>,
    /// Own-figure and target rows calc-core refused, with why.
    pub problems: Vec<String>,
    /// `(target, municipality)` whose figures the municipality's own figures change: only
    /// those carry the "Egna siffror" mark.
    pub own_used: Vec<(String, String)>,
}

/// What follows from one version of the settings.
#[derive(Debug)]
pub struct Derived {
    /// The scenario the page evaluates: the settings' items, what the law requires, and
    /// the municipalities' own figures laid over the pools.
    pub scenario: Scenario,
    /// The municipalities' own figures as calc-core read them, and the catalogue's pools
    /// with them laid over (the same `Arc` as the catalogue's where no own figure applies).
    pub baseline: Baseline,
    /// The evaluation of [`Derived::scenario`] (or why it failed).
    pub eval: Result<Rc<Evaluation>, String>,
    /// Values of the settings calc-core refuses (the scenario uses defaults instead).
    pub problems: Vec<SettingProblem>,
    /// The targets' progress.
    pub targets: TargetsView,
}

impl PartialEq for Derived {
    /// Derivations are compared by what they came from: two are equal only when they
    /// are the same one (the state compares settings for everything else).
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

thread_local! {
    static DERIVATIONS: Cell<u64> = const { Cell::new(0) };
    static EVALUATIONS: Cell<u64> = const { Cell::new(0) };
}

/// How many derivations, evaluations (of the scenario the page shows) and readings of
/// the own figures ran on this thread so far: `(derivations, evaluations, own figures)`.
#[must_use]
pub fn counts() -> (u64, u64, u64) {
    (
        DERIVATIONS.with(Cell::get),
        EVALUATIONS.with(Cell::get),
        crate::follow_up::own_reads(),
    )
}

fn bump(counter: &'static std::thread::LocalKey<Cell<u64>>) {
    counter.with(|c| c.set(c.get().wrapping_add(1)));
}

impl Derived {
    /// Works out everything from `settings`, once.
    #[must_use]
    pub fn of(settings: &Settings, cat: &Catalogue) -> Self {
        bump(&DERIVATIONS);
        let towns = settings.all_municipalities(cat);
        let (own, own_problems) = settings.follow_up.own_figures(cat, &towns);
        let (bare, problems) = settings.bare_scenario(cat);
        let baseline = Baseline::new(&cat.pools, own);
        let scenario = baseline.scenario(&bare);
        let eval = match cat.current_set() {
            Some(table) => {
                bump(&EVALUATIONS);
                calc_core::evaluate(table, &scenario)
                    .map(Rc::new)
                    .map_err(|e| e.to_string())
            }
            None => Err("no factor set".to_string()),
        };
        let targets = targets_view(settings, cat, &bare, &scenario, &baseline, own_problems);
        Self {
            scenario,
            baseline,
            eval,
            problems,
            targets,
        }
    }

    /// The pool a measure takes its tonnes from as the evaluation uses it (own figures
    /// laid over it).
    #[must_use]
    pub fn pool_for(&self, m: &calc_core::Measure) -> Arc<Pool> {
        self.baseline
            .pool(&m.pool.id)
            .map_or_else(|| Arc::clone(&m.pool), Arc::clone)
    }
}

/// The targets' progress with the own figures and, where there are own figures, the
/// same without them: where the numbers are the same, the own figures are not used by
/// that target there and no badge says they are.
fn targets_view(
    s: &Settings,
    cat: &Catalogue,
    bare: &Scenario,
    scenario: &Scenario,
    baseline: &Baseline,
    mut problems: Vec<String>,
) -> TargetsView {
    let towns = s.target_towns(cat);
    let (targets, target_problems) = s.follow_up.targets(cat);
    problems.extend(target_problems);
    let texts = targets
        .iter()
        .map(|t| (t.id.clone(), t.text_sv.clone(), t.text_en.clone()))
        .collect();
    let (actuals, actual_problems) = s.follow_up.actuals(&towns);
    problems.extend(actual_problems);
    let Some(table) = cat.current_set() else {
        return TargetsView {
            report: Err("no factor set".into()),
            texts,
            problems,
            own_used: Vec::new(),
        };
    };
    let report =
        progress(table, baseline, scenario, &towns, &targets, &actuals).map_err(|e| e.to_string());
    let mut own_used = Vec::new();
    if let (Ok(with), false) = (&report, baseline.own().is_empty()) {
        let defaults = Baseline::new(&cat.pools, OwnFigures::new());
        let without = progress(table, &defaults, bare, &towns, &targets, &actuals).ok();
        for p in &with.progress {
            let same = without.as_ref().and_then(|w| {
                w.progress
                    .iter()
                    .find(|q| q.target == p.target && q.municipality == p.municipality)
            });
            let changed = same.is_none_or(|q| {
                (q.base_value, q.projected_value, q.gap, q.status)
                    != (p.base_value, p.projected_value, p.gap, p.status)
            });
            if changed && !p.own_figures.is_empty() {
                own_used.push((p.target.clone(), p.municipality.to_string()));
            }
        }
    }
    TargetsView {
        report,
        texts,
        problems,
        own_used,
    }
}
