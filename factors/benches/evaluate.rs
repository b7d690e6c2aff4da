//! Evaluate all of Sjuhärad: 8 municipalities × every catalogue measure × 2025–2035.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let cat = match factors::builtin() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let table = cat.current_set().unwrap();
    let scenario = cat.default_scenario();
    c.bench_function(
        &format!(
            "evaluate sjuharad ({} items x 11 years)",
            scenario.items.len()
        ),
        |b| b.iter(|| calc_core::evaluate(black_box(table), black_box(&scenario)).unwrap()),
    );
    c.bench_function(
        &format!(
            "evaluate_totals sjuharad ({} items, no year-by-year figures)",
            scenario.items.len()
        ),
        |b| b.iter(|| calc_core::evaluate_totals(black_box(table), black_box(&scenario)).unwrap()),
    );
    c.bench_function("rank + macc", |b| {
        let e = calc_core::evaluate(table, &scenario).unwrap();
        b.iter(|| calc_core::macc(black_box(&e)))
    });
    c.bench_function("parse built-in data", |b| {
        b.iter(|| factors::load().unwrap())
    });
}

fn bench_decide(c: &mut Criterion) {
    let cat = match factors::builtin() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let table = cat.current_set().unwrap();
    let scenario = cat.default_scenario();
    let model = calc_core::LinearModel::new(table, &scenario).unwrap();
    let mut group = c.benchmark_group("decide");
    group.sample_size(10);
    group.bench_function("monte carlo 10 000 draws", |b| {
        b.iter(|| calc_core::monte_carlo(black_box(&model), 10_000, 1).unwrap())
    });
    // Every effect with a range (half the effect to half-way to 1), so every pool is run
    // again in every draw.
    let mut ranged = scenario.clone();
    for item in &mut ranged.items {
        let e = item.effect().value();
        let two = rust_decimal::Decimal::TWO;
        let r = calc_core::Estimate::new(
            calc_core::Share::new(e / two).unwrap(),
            item.effect(),
            calc_core::Share::new((e + rust_decimal::Decimal::ONE) / two).unwrap(),
        )
        .unwrap();
        *item = item.clone().with_effect_range(r);
    }
    let ranged = calc_core::LinearModel::new(table, &ranged).unwrap();
    group.bench_function("monte carlo 10 000 draws, every effect drawn", |b| {
        b.iter(|| calc_core::monte_carlo(black_box(&ranged), 10_000, 1).unwrap())
    });
    group.bench_function("sensitivity", |b| {
        b.iter(|| calc_core::sensitivity(black_box(&model)).unwrap())
    });
    group.bench_function(
        "candidates, 17 measures x 4 steps (pooled combinations)",
        |b| b.iter(|| calc_core::candidates(black_box(&model), 4).unwrap()),
    );
    let cands = calc_core::candidates(&model, 4).unwrap();
    // Budgets of about a third of the catalogue's costs make the search non-trivial.
    let budget = calc_core::Budget {
        once: Some(calc_core::Sek::new(rust_decimal::Decimal::from(2_000_000))),
        per_year: Some(calc_core::Sek::new(rust_decimal::Decimal::from(3_000_000))),
        perspective: calc_core::Perspective::Municipality,
    };
    group.bench_function("optimize, 17 measures x 4 steps", |b| {
        b.iter(|| calc_core::optimize(black_box(&cands), budget))
    });
    group.finish();
}

criterion_group!(benches, bench, bench_decide);
criterion_main!(benches);
