//! Deciding under uncertainty in the app: Monte Carlo bands, tornado data and what drives
//! the result for the current settings, computed off the input path.
//!
//! The reducer evaluates the scenario on every change (fast, so sliders stay live). The
//! Monte Carlo run and the sensitivity analysis need a [`LinearModel`] and thousands of
//! draws, so [`use_debounced`] computes them [`DEBOUNCE_MS`] after the last change of the
//! settings, in a timer callback, and the components show the previous figures as
//! "computing…" until then. The analyses key on [`analysis_key`] (the settings without the
//! scenario's name, which changes no number), and the four of one change (bands, tornado,
//! drivers, budget candidates) share one model ([`model_for`]).

use crate::settings::{Settings, catalogue};
use calc_core::{
    Candidates, Contributions, LinearModel, MonteCarlo, Sensitivity, candidates, contributions,
    monte_carlo, sensitivity,
};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Draws of the app's Monte Carlo run.
pub const MC_DRAWS: u32 = 2_000;
/// Its seed: the same settings always show the same bands.
pub const MC_SEED: u64 = 2026;
/// Quiet time after the last change before the analysis runs.
pub const DEBOUNCE_MS: u32 = 300;

thread_local! {
    /// The last model built and the settings it was built for: the analyses of one change
    /// (bands, tornado, drivers, budget) run in separate timers on the same settings, so
    /// they share one model.
    static LAST_MODEL: RefCell<Option<(Settings, Rc<LinearModel>)>> = const { RefCell::new(None) };
}

/// What the analyses depend on: the settings without the scenario's name, so typing a
/// name neither reruns them nor rebuilds the model.
#[must_use]
pub fn analysis_key(settings: &Settings) -> Settings {
    Settings {
        name: String::new(),
        municipalities: settings.municipalities.clone(),
        measures: settings.measures.clone(),
        // Own figures change the pools; actuals and targets do not change the analyses.
        follow_up: crate::follow_up::FollowUp {
            own: settings.follow_up.own.clone(),
            ..crate::follow_up::FollowUp::default()
        },
        ambition: settings.ambition,
        include_required_by_law: settings.include_required_by_law,
        own_municipalities: settings.own_municipalities.clone(),
    }
}

/// The linear model of the settings against the current factor set (reused while the
/// settings, but for their name, are unchanged).
pub fn model_for(settings: &Settings) -> Result<Rc<LinearModel>, String> {
    let key = analysis_key(settings);
    let cached = LAST_MODEL.with(|m| {
        m.borrow()
            .as_ref()
            .filter(|(s, _)| *s == key)
            .map(|(_, model)| Rc::clone(model))
    });
    if let Some(model) = cached {
        return Ok(model);
    }
    let cat = catalogue().ok_or_else(|| "built-in data did not load".to_string())?;
    let table = cat
        .current_set()
        .ok_or_else(|| "no factor set".to_string())?;
    let model =
        Rc::new(LinearModel::new(table, &settings.to_scenario(cat)).map_err(|e| e.to_string())?);
    LAST_MODEL.with(|m| *m.borrow_mut() = Some((key, Rc::clone(&model))));
    Ok(model)
}

/// Monte Carlo bands of the settings ([`MC_DRAWS`] draws, seed [`MC_SEED`]).
pub fn monte_carlo_for(settings: &Settings) -> Result<MonteCarlo, String> {
    let model = model_for(settings)?;
    monte_carlo(&model, MC_DRAWS, MC_SEED).map_err(|e| e.to_string())
}

/// One-at-a-time sensitivity of the settings.
pub fn sensitivity_for(settings: &Settings) -> Result<Sensitivity, String> {
    let model = model_for(settings)?;
    sensitivity(&model).map_err(|e| e.to_string())
}

/// Each factor's, pool quantity's and measure cost's share of the settings' CO2e and of the
/// municipality's net SEK over the plan period, largest first.
pub fn contributions_for(settings: &Settings) -> Result<Contributions, String> {
    let model = model_for(settings)?;
    let cat = catalogue().ok_or_else(|| "built-in data did not load".to_string())?;
    let table = cat
        .current_set()
        .ok_or_else(|| "no factor set".to_string())?;
    let cost_sources = cat.cost_sources();
    contributions(&model, table, &cost_sources).map_err(|e| e.to_string())
}

/// The budget optimizer's candidates for the settings with `steps` effect levels per
/// measure: every combination of levels of measures that share waste, evaluated exactly
/// (the expensive part; [`calc_core::optimize`] on them runs in an effect when they or the
/// budget change).
pub fn candidates_for(input: &(Settings, u32)) -> Result<Candidates, String> {
    let model = model_for(&input.0)?;
    candidates(&model, input.1).map_err(|e| e.to_string())
}

/// `compute(input)`, run [`DEBOUNCE_MS`] after the input (the settings, or the settings
/// with other choices) last changed.
///
/// Returns the latest result (`None` before the first run) and whether a newer one is
/// pending. A change within the quiet time cancels the timer (dropping a gloo `Timeout`
/// clears it), so a slider drag computes once, after the drag.
#[hook]
pub fn use_debounced<D, T>(input: &D, compute: fn(&D) -> T) -> (Option<Rc<T>>, bool)
where
    D: Clone + PartialEq + 'static,
    T: 'static,
{
    let result = use_state(|| None::<Rc<T>>);
    let pending = use_state_eq(|| true);
    {
        let result = result.setter();
        let pending = pending.setter();
        use_effect_with(input.clone(), move |s| {
            pending.set(true);
            let s = s.clone();
            let timer = Timeout::new(DEBOUNCE_MS, move || {
                result.set(Some(Rc::new(compute(&s))));
                pending.set(false);
            });
            move || drop(timer)
        });
    }
    ((*result).clone(), *pending)
}

/// [`use_debounced`] on the settings' [`analysis_key`]: `compute` runs once per change of
/// anything but the scenario's name.
#[hook]
pub fn use_analysis<T>(settings: &Settings, compute: fn(&Settings) -> T) -> (Option<Rc<T>>, bool)
where
    T: 'static,
{
    use_debounced(&analysis_key(settings), compute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_analyses_of_one_change_share_one_model_and_a_rename_keeps_it() {
        let cat = catalogue().unwrap();
        let mut s = Settings::defaults(cat);
        let a = model_for(&s).unwrap();
        monte_carlo_for(&s).unwrap();
        sensitivity_for(&s).unwrap();
        contributions_for(&s).unwrap();
        candidates_for(&(s.clone(), 1)).unwrap();
        s.name = "Renamed".to_string();
        assert!(Rc::ptr_eq(&a, &model_for(&s).unwrap()));
        s.measures[0].effect_pct = rust_decimal::Decimal::ONE;
        assert!(!Rc::ptr_eq(&a, &model_for(&s).unwrap()));
    }

    #[test]
    fn the_sek_tornado_includes_measure_costs_and_yields() {
        let cat = catalogue().unwrap();
        let s = sensitivity_for(&Settings::defaults(cat)).unwrap();
        let top: Vec<&str> = s.sek.iter().take(8).map(|w| w.factor.as_str()).collect();
        assert!(top.iter().any(|id| id.starts_with("cost.")), "{top:?}");
        assert!(
            s.sek
                .iter()
                .any(|w| w.factor.as_str().starts_with("yield."))
        );
    }

    #[test]
    fn the_factors_and_costs_co2e_shares_add_up_to_100() {
        let cat = catalogue().unwrap();
        let c = contributions_for(&Settings::defaults(cat)).unwrap();
        let sum: rust_decimal::Decimal = c
            .items
            .iter()
            .filter(|x| x.kind != calc_core::ContributionKind::Quantity)
            .map(|x| x.co2e_share_pct)
            .sum();
        assert!(
            (sum - rust_decimal::Decimal::ONE_HUNDRED).abs() < rust_decimal::Decimal::new(1, 6),
            "{sum}"
        );
        assert!(c.items.iter().any(|x| x.source.is_some()));
    }
}
