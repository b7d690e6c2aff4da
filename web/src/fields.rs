//! A measure's detail fields (affected tonnes, one-time and running cost): their defaults
//! per municipality and their totals over the chosen municipalities.

use crate::settings::{MeasureSettings, Settings};
use calc_core::{Measure, Municipality, Pool, Sek, Tonnes};
use factors::Catalogue;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

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
/// Tonnes per year a measure can reach in a municipality before any other measure acts,
/// as the evaluation computes them ([`calc_core::reachable_tonnes`]: its own quantity, or
/// everything `pool` has in the routes it acts on, capped at what the pool has there);
/// `pool` is the measure's pool with the own figures laid over it
/// ([`crate::derived::Derived::pool_for`]).
#[must_use]
pub fn reach_default(m: &Measure, pool: &Pool, k: &Municipality) -> Option<Tonnes> {
    calc_core::reachable_tonnes(m, pool, k, None)
}

/// The per-municipality default of a detail field: the measure's reach, and the central
/// value of its cost ranges × population.
fn field_default(m: &Measure, pool: &Pool, k: &Municipality, field: Field) -> Decimal {
    match field {
        Field::Quantity => reach_default(m, pool, k).map(Tonnes::value),
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

/// A detail field of measure `m` (set as `s`) summed over the `chosen` municipalities:
/// `(value, is_overridden)`. `pool` is the measure's pool as the evaluation uses it
/// ([`crate::derived::Derived::pool_for`]).
#[must_use]
pub fn field_total(
    s: &MeasureSettings,
    chosen: &[Arc<Municipality>],
    m: &Measure,
    pool: &Pool,
    field: Field,
) -> (Decimal, bool) {
    let map = field_map(s, field);
    let mut total = Decimal::ZERO;
    let mut overridden = false;
    for k in chosen {
        let v = match map.get(k.code.as_str()) {
            Some(v) => {
                overridden = true;
                *v
            }
            None => field_default(m, pool, k, field),
        };
        total = total.saturating_add(v);
    }
    (total, overridden)
}

/// Sets a detail field's total over the chosen municipalities, shared among them in
/// proportion to their defaults (evenly when every default is zero); `None` restores
/// the defaults for the chosen municipalities. `pool` as for [`field_total`].
pub(crate) fn set_field_total(
    settings: &mut Settings,
    cat: &Catalogue,
    pool: &Pool,
    id: &str,
    field: Field,
    total: Option<Decimal>,
) {
    let Some(m) = cat.measure(id) else { return };
    let chosen: Vec<Arc<Municipality>> = settings.chosen(cat);
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
    let defaults: Vec<Decimal> = chosen
        .iter()
        .map(|k| field_default(m, pool, k, field))
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{catalogue, evaluate_settings};

    fn pool_for(s: &Settings, cat: &Catalogue, m: &Measure) -> Arc<Pool> {
        crate::derived::Derived::of(s, cat).pool_for(m)
    }

    #[test]
    fn quantity_total_is_shared_by_population() {
        let cat = catalogue().unwrap();
        let mut s = Settings::defaults(cat);
        let m = &cat.measures[0];
        let id = m.id.0.clone();
        let pool = pool_for(&s, cat, m);
        set_field_total(
            &mut s,
            cat,
            &pool,
            &id,
            Field::Quantity,
            Some(Decimal::from(1000)),
        );
        let total_of = |s: &Settings| {
            field_total(
                s.measure(&id).unwrap(),
                &s.chosen(cat),
                m,
                &pool,
                Field::Quantity,
            )
        };
        let (total, overridden) = total_of(&s);
        assert!(overridden);
        assert_eq!(total.round_dp(6), Decimal::from(1000));
        set_field_total(&mut s, cat, &pool, &id, Field::Quantity, None);
        assert!(!total_of(&s).1);
    }

    /// Every item's default quantity field is the tonnes the evaluation reaches.
    fn assert_defaults_are_what_the_evaluation_reaches(s: &Settings) {
        let cat = catalogue().unwrap();
        let e = evaluate_settings(s, cat).unwrap();
        for item in &e.items {
            let m = cat.measure(item.measure.as_str()).unwrap();
            let k = cat.municipality(item.municipality.as_str()).unwrap();
            // The field and the evaluation use one function: the same tonnes exactly.
            let field = reach_default(m, &pool_for(s, cat, m), k).unwrap();
            assert!(
                field.value() == item.affected_tonnes_per_year.value(),
                "{} in {}: {field} against {}",
                item.measure,
                item.municipality,
                item.affected_tonnes_per_year
            );
        }
    }

    #[test]
    fn quantity_default_is_what_calc_core_reaches() {
        let cat = catalogue().unwrap();
        let s = Settings::defaults(cat);
        assert_defaults_are_what_the_evaluation_reaches(&s);
    }

    /// With Borås's own figures for household food (40 kg per inhabitant, 80 % digested,
    /// 20 % incinerated), the detail field shows the tonnes the evaluation reaches there:
    /// the food measures act on incineration, 114 872 × 40 kg × 20 % = 918.976 t, where
    /// the defaults give 114 872 × 56 kg × 60 % = 3 859.6992 t. (The engine holds shares
    /// in binary, 2⁻⁶²: 60 % is not exact there, so the tonnes are within 10⁻¹² t.)
    #[test]
    fn quantity_default_uses_the_own_figures_the_evaluation_uses() {
        use crate::follow_up::OwnFigureInput;
        let cat = catalogue().unwrap();
        let mut s = Settings::defaults(cat);
        let food = cat
            .measures
            .iter()
            .find(|m| m.pool.id.as_str() == "household_food" && m.basis.is_none())
            .unwrap();
        let boras = cat.municipality("1490").unwrap();
        let near = |t: Option<Tonnes>, want: &str| {
            let want: Decimal = want.parse().unwrap();
            let got = t.unwrap().value();
            assert!(
                (got - want).abs() < Decimal::new(1, 12),
                "{got} against {want}"
            );
        };
        near(
            reach_default(food, &pool_for(&s, cat, food), boras),
            "3859.6992",
        );
        s.follow_up.own.push(OwnFigureInput {
            municipality: "1490".into(),
            pool: "household_food".into(),
            year: 2023,
            tonnes: None,
            kg_per_inhabitant: Some(Decimal::from(40)),
            g_per_portion: None,
            shares_pct: [
                ("anaerobic_digestion".to_string(), Decimal::from(80)),
                ("incineration".to_string(), Decimal::from(20)),
            ]
            .into_iter()
            .collect(),
            source: "Plockanalys".into(),
            note: String::new(),
        });
        let pool = pool_for(&s, cat, food);
        near(reach_default(food, &pool, boras), "918.976");
        assert_defaults_are_what_the_evaluation_reaches(&s);
    }

    #[test]
    fn cost_defaults_are_the_central_estimates() {
        let cat = catalogue().unwrap();
        let s = Settings::defaults(cat);
        let m = &cat.measures[0];
        let (total, edited) = field_total(
            s.measure(m.id.as_str()).unwrap(),
            &s.chosen(cat),
            m,
            &m.pool,
            Field::RunningCost,
        );
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
}
