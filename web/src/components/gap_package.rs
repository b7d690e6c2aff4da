//! "Billigaste paket som når målet": for one target in one municipality, the least-cost
//! package of the catalogue's measures that meets it (`calc_core::close_gap` over
//! `calc_core::full_ambition`, the same search as `avfallskalkyl targets --close-gap`).
//! Computed when asked for (a button), not on every input: the search is exact and can
//! take longer than an evaluation.

use crate::derived::Derived;
use crate::format;
use crate::hooks::use_app_cat;
use crate::i18n::{KTargets, t, tf};
use crate::settings::{Settings, catalogue};
use calc_core::{GapPlan, Sek, close_gap, full_ambition};
use yew::prelude::*;

/// Effect levels per measure: left out, or at 25 %, 50 %, 75 % or 100 % of its effect in
/// the scenario (a planner can do a measure partly).
pub const GAP_STEPS: u32 = 4;

/// What the search found.
#[derive(Clone, Debug, PartialEq)]
pub enum GapOutcome {
    /// The cheapest package (empty when the target is met without more measures).
    Plan(GapPlan),
    /// No package of the catalogue's measures meets the target.
    Unreachable,
    /// The target or municipality is unknown, or the calculation failed (why).
    Failed(String),
}

/// The least-cost package that meets target `target` in municipality `code` with the
/// scenario's settings (own figures applied), at [`GAP_STEPS`] levels per measure.
#[must_use]
pub fn compute(d: &Derived, s: &Settings, target: &str, code: &str) -> GapOutcome {
    let Some(cat) = catalogue() else {
        return GapOutcome::Failed("built-in data did not load".into());
    };
    let Some(table) = cat.current_set() else {
        return GapOutcome::Failed("no factor set".into());
    };
    let (targets, _) = s.follow_up.targets(cat);
    let Some(t) = targets.iter().find(|t| t.id == target) else {
        return GapOutcome::Failed(format!("unknown target {target}"));
    };
    let Some(k) = cat.municipalities.iter().find(|k| k.code.as_str() == code) else {
        return GapOutcome::Failed(format!("unknown municipality {code}"));
    };
    // The scenario as the page evaluates it, on the page's baseline (own figures laid over
    // once; `close_gap` lays them over the catalogue measures it adds).
    let candidates = full_ambition(&d.scenario, &cat.measures, k, t);
    match close_gap(table, &d.baseline, &candidates, k, t, GAP_STEPS) {
        Ok(Some(plan)) => GapOutcome::Plan(plan),
        Ok(None) => GapOutcome::Unreachable,
        Err(e) => GapOutcome::Failed(e.to_string()),
    }
}

/// A computed outcome with what it was computed for.
#[derive(Debug)]
struct Found {
    settings: Settings,
    target: AttrValue,
    municipality: AttrValue,
    outcome: GapOutcome,
}

/// Properties: the target's id and the municipality's SCB code.
#[derive(Properties, PartialEq, Debug)]
pub struct GapPackageProps {
    /// The target's id.
    pub target: AttrValue,
    /// The municipality's SCB code.
    pub municipality: AttrValue,
    /// The unit of the target's indicator, for the projected value.
    pub unit: AttrValue,
}

/// The button and, once asked, the package as a list (measure, level, cost) with its total
/// cost and the value it projects in the target year.
#[function_component]
pub fn GapPackage(p: &GapPackageProps) -> Html {
    let found = use_state(|| None::<Found>);
    let Some((store, lang, _)) = use_app_cat() else {
        return html! {};
    };
    // A result belongs to the settings, target and municipality it was computed for: any
    // change hides it until asked again.
    let shown = found
        .as_ref()
        .filter(|f| {
            f.settings == store.settings && f.target == p.target && f.municipality == p.municipality
        })
        .map(|f| f.outcome.clone());
    let onclick = {
        let found = found.clone();
        let settings = store.settings.clone();
        let derived = store.derived.clone();
        let (target, municipality) = (p.target.clone(), p.municipality.clone());
        Callback::from(move |_| {
            let Some(d) = derived.as_ref() else { return };
            found.set(Some(Found {
                outcome: compute(d, &settings, &target, &municipality),
                settings: settings.clone(),
                target: target.clone(),
                municipality: municipality.clone(),
            }));
        })
    };
    let body = match shown {
        None => html! {},
        Some(GapOutcome::Plan(plan)) if plan.chosen.is_empty() => html! {
            <p role="status">{ t(lang, KTargets::GapMet) }</p>
        },
        Some(GapOutcome::Plan(plan)) => html! {
            <div role="status">
                <ul class="gap-package">
                    { for plan.chosen.iter().map(|c| html! {
                        <li key={c.measure.to_string()}>
                            { super::measure_name_by_id(c.measure.as_str(), lang) }
                            { tf(lang, KTargets::GapLevel, &[
                                ("level", &format::number(c.level * rust_decimal::Decimal::ONE_HUNDRED, 0, lang)),
                                ("cost", &format::sek(c.cost_sek, lang)),
                            ]) }
                        </li>
                    }) }
                </ul>
                <p>
                    { t(lang, KTargets::GapCost) }
                    <strong>{ format::sek(Sek::new(plan.cost_sek.value()), lang) }</strong>
                    { tf(lang, KTargets::GapCostTail, &[
                        ("projected", &format::number(plan.projected_value, 1, lang)),
                        ("target", &format::number(plan.target_value, 1, lang)),
                        ("unit", &p.unit),
                    ]) }
                </p>
            </div>
        },
        Some(GapOutcome::Unreachable) => html! {
            <p role="status">{ t(lang, KTargets::GapUnreachable) }</p>
        },
        Some(GapOutcome::Failed(why)) => html! {
            <p role="status" class="error">{ t(lang, KTargets::GapFailed) }{ why }</p>
        },
    };
    html! {
        <div class="gap" data-testid="gap-package">
            <button type="button" class="button-secondary" {onclick}>
                { t(lang, KTargets::GapShow) }
            </button>
            { body }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_food_goals_get_a_package_or_a_reason() {
        let Some(cat) = catalogue() else {
            panic!("built-in data");
        };
        let s = Settings::defaults(cat);
        let d = Derived::of(&s, cat);
        for t in &cat.targets {
            match compute(&d, &s, &t.id, "1490") {
                GapOutcome::Plan(plan) => {
                    assert_eq!(plan.municipality.as_str(), "1490");
                    // The package's cost is the sum of its measures' costs.
                    let sum: rust_decimal::Decimal =
                        plan.chosen.iter().map(|c| c.cost_sek.value()).sum();
                    assert_eq!(sum, plan.cost_sek.value(), "{}", t.id);
                }
                GapOutcome::Unreachable => {}
                GapOutcome::Failed(why) => panic!("{}: {why}", t.id),
            }
        }
        assert!(matches!(
            compute(&d, &s, "no_such_target", "1490"),
            GapOutcome::Failed(_)
        ));
        assert!(matches!(
            compute(&d, &s, &cat.targets[0].id, "0000"),
            GapOutcome::Failed(_)
        ));
    }
}
