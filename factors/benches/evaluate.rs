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
    c.bench_function("rank + macc", |b| {
        let e = calc_core::evaluate(table, &scenario).unwrap();
        b.iter(|| calc_core::macc(black_box(&e)))
    });
    c.bench_function("parse built-in data", |b| {
        b.iter(|| factors::load().unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
