//! The fast evaluation path gives the same decimals, scale included, as the straightforward
//! one that computes every year anew: on the default Sjuhärad scenario and on seeded random
//! variations of it (other effects, years, quantities, costs, periods, discount rates and
//! factor overrides), and the same for `evaluate_totals` (the same figures without the
//! year-by-year ones) and the Monte Carlo draw loop. `Debug` prints a decimal with its scale ("1.50" ≠ "1.5"), so comparing
//! the printed evaluations compares digit for digit; `==` on decimals would not.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support {
    pub(crate) mod random_scenario;
}
use support::random_scenario::random_scenario;

fn printed(r: &Result<calc_core::Evaluation, calc_core::CalcError>) -> String {
    format!("{r:?}")
}

/// The evaluation without its year-by-year figures, as `evaluate_totals` leaves them out.
fn without_years(
    r: Result<calc_core::Evaluation, calc_core::CalcError>,
) -> Result<calc_core::Evaluation, calc_core::CalcError> {
    r.map(|mut e| {
        e.by_year.clear();
        for i in e.items.iter_mut().chain(e.required_by_law_items.iter_mut()) {
            i.years.clear();
        }
        e
    })
}

/// `evaluate` and `evaluate_totals` print as the straightforward path does (the totals
/// without its year rows and totals per year).
fn check_paths(table: &calc_core::FactorTable, s: &calc_core::Scenario) -> Result<(), String> {
    let slow = calc_core::evaluate_every_year(table, s);
    let fast = calc_core::evaluate(table, s);
    if printed(&fast) != printed(&slow) {
        return Err("evaluate differs from evaluate_every_year".into());
    }
    let totals = calc_core::evaluate_totals(table, s);
    if printed(&totals) != printed(&without_years(slow)) {
        return Err("evaluate_totals differs from evaluate_every_year without years".into());
    }
    Ok(())
}

#[test]
fn default_scenario_fast_equals_every_year() {
    let cat = factors::builtin().unwrap();
    let table = cat.current_set().unwrap();
    let s = cat.default_scenario();
    let fast = calc_core::evaluate(table, &s);
    let slow = calc_core::evaluate_every_year(table, &s);
    // The comparison covers real results: 18 measures × 8 municipalities, 6 years each.
    let e = fast.as_ref().unwrap();
    assert_eq!(e.items.len(), 144);
    assert!(e.items.iter().all(|i| i.years.len() == 6));
    assert_eq!(printed(&fast), printed(&slow));
    // The totals leave out only the years, and they are real figures too.
    let totals = calc_core::evaluate_totals(table, &s);
    assert!(
        totals
            .as_ref()
            .unwrap()
            .total
            .co2e_saved_kg_cumulative
            .central
            > calc_core::KgCo2e::ZERO
    );
    assert_eq!(printed(&totals), printed(&without_years(slow)));
}

#[test]
fn random_scenarios_fast_equals_every_year() {
    let cat = factors::builtin().unwrap();
    let table = cat.current_set().unwrap();
    let mut ramped = 0;
    for seed in 0..60 {
        let s = random_scenario(cat, seed);
        let fast = calc_core::evaluate(table, &s);
        check_paths(table, &s).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        if let Ok(e) = &fast {
            ramped += e
                .items
                .iter()
                .filter(|i| {
                    i.years
                        .iter()
                        .any(|y| !y.ramp.is_zero() && y.ramp < rust_decimal::Decimal::ONE)
                })
                .count();
        }
    }
    // The scenarios ramp up (so years differ from the full-effect year) in many items.
    assert!(ramped > 400, "{ramped}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// The same on random scenarios proptest picks (and shrinks to the smallest seed).
    #[test]
    fn any_scenario_fast_paths_equal_every_year(seed in 1_000_u64..u64::MAX) {
        let cat = factors::builtin().unwrap();
        let table = cat.current_set().unwrap();
        let s = random_scenario(cat, seed);
        proptest::prop_assert_eq!(check_paths(table, &s), Ok(()));
    }
}

/// The Monte Carlo draw loop on i64 draws and unchecked i128 sums gives the same
/// percentiles as the saturating loop, whenever the model's bounds let it run, with the
/// effects exact and with every effect drawn.
#[test]
fn monte_carlo_flat_equals_saturating() {
    let cat = factors::builtin().unwrap();
    let table = cat.current_set().unwrap();
    let mut compared = 0;
    for seed in 0..20 {
        let s = if seed == 0 {
            cat.default_scenario()
        } else {
            random_scenario(cat, seed)
        };
        let Ok(model) = calc_core::LinearModel::new(table, &s) else {
            continue;
        };
        let fast = calc_core::monte_carlo(&model, 500, seed).unwrap();
        let slow = calc_core::monte_carlo_saturating(&model, 500, seed).unwrap();
        assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "seed {seed}");
        compared += 1;
        // With every effect uncertain too (its range from half the effect to half-way to 1),
        // so the pools run in every draw.
        let mut ranged = s.clone();
        for item in &mut ranged.items {
            let e = item.effect().value();
            let r = calc_core::Estimate::new(
                calc_core::Share::new(e / rust_decimal::Decimal::TWO).unwrap(),
                item.effect(),
                calc_core::Share::new(
                    (e + rust_decimal::Decimal::ONE) / rust_decimal::Decimal::TWO,
                )
                .unwrap(),
            )
            .unwrap();
            *item = item.clone().with_effect_range(r);
        }
        let model = calc_core::LinearModel::new(table, &ranged).unwrap();
        assert!(!model.effects().is_empty());
        let fast = calc_core::monte_carlo(&model, 200, seed).unwrap();
        let slow = calc_core::monte_carlo_saturating(&model, 200, seed).unwrap();
        assert_eq!(
            format!("{fast:?}"),
            format!("{slow:?}"),
            "seed {seed}, effects"
        );
    }
    assert!(compared >= 15, "{compared}");
}
