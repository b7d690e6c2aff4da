//! A loop over one call, for instruction counts under callgrind:
//! `valgrind --tool=callgrind target/release/examples/profile_loop eval 20`
//! (`eval`, `totals`, `slow`, `mc` or `model`, then the number of calls).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "eval".to_owned());
    let n: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let cat = factors::builtin().unwrap();
    let table = cat.current_set().unwrap();
    let scenario = cat.default_scenario();
    match what.as_str() {
        "eval" => {
            for _ in 0..n {
                black_box(calc_core::evaluate(black_box(table), black_box(&scenario)).unwrap());
            }
        }
        "totals" => {
            for _ in 0..n {
                black_box(
                    calc_core::evaluate_totals(black_box(table), black_box(&scenario)).unwrap(),
                );
            }
        }
        "slow" => {
            for _ in 0..n {
                black_box(
                    calc_core::evaluate_oracle(black_box(table), black_box(&scenario)).unwrap(),
                );
            }
        }
        "model" => {
            for _ in 0..n {
                black_box(calc_core::LinearModel::new(black_box(table), &scenario).unwrap());
            }
        }
        "mc" => {
            let model = calc_core::LinearModel::new(table, &scenario).unwrap();
            for _ in 0..n {
                black_box(calc_core::monte_carlo(black_box(&model), 10_000, 1).unwrap());
            }
        }
        other => panic!("unknown {other}"),
    }
}
