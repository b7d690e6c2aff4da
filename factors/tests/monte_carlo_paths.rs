//! The Monte Carlo draw loop on i64 draws and unchecked i128 sums gives the same
//! percentiles as the saturating loop whenever the model's bounds let it run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support {
    pub(crate) mod random_scenario;
}
use support::random_scenario::random_scenario;

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
