//! The integer evaluation against the decimal one it replaced (issue 24), kept as a test
//! oracle for one release (`calc_core::evaluate_oracle`, hidden): on the default Sjuhärad
//! scenario and on 300 seeded random variations of it (other effects, years, quantities,
//! costs, periods, discount rates and factor overrides), every figure of the evaluation is
//! within 10⁻⁶ of its unit (t, kg CO2e, SEK, kg CO2e/t, SEK/t: the display units are
//! these or coarser; a figure per tonne also within 10⁻⁹ of itself), and everything else (ids, order, years, warnings) is the same.
//! `evaluate_totals` is the same evaluation without the year-by-year figures.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use rust_decimal::Decimal;
use std::str::FromStr;

mod support {
    pub(crate) mod random_scenario;
}
use support::random_scenario::random_scenario;

/// The largest difference a figure may have: 10⁻⁶ of its unit.
const TOLERANCE: &str = "0.000001";
/// A figure per tonne (kg CO2e/t, SEK/t, SEK per t CO2e) divides by tonnes that may be
/// tiny (a measure that moves a gram gives SEK/t in the millions), where both evaluations'
/// last digits are magnified alike: such a figure may also differ by 10⁻⁹ of itself.
const RATIO_TOLERANCE: &str = "0.000000001";

/// The numbers of a printed value, and the text around them.
fn split(printed: &str) -> (String, Vec<Decimal>) {
    let mut skeleton = String::with_capacity(printed.len());
    let mut numbers = Vec::new();
    let bytes = printed.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit()
            || (bytes[i] == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        // A digit inside an identifier (nv_textil_2024, pool ids) is text.
        let in_word = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if starts_number && !in_word {
            let start = i;
            i += 1;
            let mut dot = false;
            while i < bytes.len() {
                let c = bytes[i];
                let decimal_point =
                    c == b'.' && !dot && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !(c.is_ascii_digit() || decimal_point) {
                    break;
                }
                dot |= decimal_point;
                i += 1;
            }
            numbers.push(Decimal::from_str(&printed[start..i]).unwrap());
            skeleton.push('#');
        } else {
            skeleton.push(bytes[i] as char);
            i += 1;
        }
    }
    (skeleton, numbers)
}

/// Whether two results agree: the same errors, or the same text with every number within
/// the tolerance. Returns the largest difference.
fn agree(
    fast: &Result<calc_core::Evaluation, calc_core::CalcError>,
    oracle: &Result<calc_core::Evaluation, calc_core::CalcError>,
) -> Result<Decimal, String> {
    let (a, b) = (format!("{fast:?}"), format!("{oracle:?}"));
    let ((sa, na), (sb, nb)) = (split(&a), split(&b));
    if sa != sb {
        let at = sa
            .bytes()
            .zip(sb.bytes())
            .take_while(|(x, y)| x == y)
            .count();
        let from = at.saturating_sub(200);
        return Err(format!(
            "the results differ in more than numbers at {at}:\n  integer: …{}\n  oracle:  …{}",
            &sa[from..(at + 80).min(sa.len())],
            &sb[from..(at + 80).min(sb.len())]
        ));
    }
    let tol = Decimal::from_str(TOLERANCE).unwrap();
    let mut worst = Decimal::ZERO;
    let ratio_tol = Decimal::from_str(RATIO_TOLERANCE).unwrap();
    let places: Vec<usize> = sa.match_indices('#').map(|(i, _)| i).collect();
    for (k, (x, y)) in na.iter().zip(&nb).enumerate() {
        let d = (x - y).abs();
        let at = places.get(k).copied().unwrap_or(0);
        let ratio = sa[..at].ends_with("PerTonne(") || sa[..at].ends_with("PerTonneCo2e(");
        let allowed = if ratio {
            tol.max(y.abs() * ratio_tol)
        } else {
            tol
        };
        if d > allowed {
            let context = &sa[at.saturating_sub(120)..at];
            return Err(format!(
                "number {k} (…{context}): integer {x}, oracle {y} (difference {d})"
            ));
        }
        worst = worst.max(d);
    }
    Ok(worst)
}

fn without_years(mut e: calc_core::Evaluation) -> calc_core::Evaluation {
    e.by_year.clear();
    for i in e.items.iter_mut().chain(e.required_by_law_items.iter_mut()) {
        i.years.clear();
    }
    e
}

fn check(table: &calc_core::FactorTable, s: &calc_core::Scenario) -> Result<Decimal, String> {
    let fast = calc_core::evaluate(table, s);
    let worst = agree(&fast, &calc_core::evaluate_oracle(table, s))?;
    let totals = calc_core::evaluate_totals(table, s);
    if format!("{:?}", totals) != format!("{:?}", fast.map(without_years)) {
        return Err("evaluate_totals is not evaluate without the years".into());
    }
    Ok(worst)
}

#[test]
fn the_splitter_keeps_identifiers_and_finds_signed_decimals() {
    let (s, n) = split("Sek(-12.50) nv_textil_2024 Year(2025)");
    assert_eq!(s, "Sek(#) nv_textil_2024 Year(#)");
    assert_eq!(n, vec![Decimal::new(-1250, 2), Decimal::from(2025)]);
}

#[test]
fn the_check_fails_on_a_difference_above_the_tolerance() {
    let cat = factors::builtin().unwrap();
    let table = cat.current_set().unwrap();
    let s = cat.default_scenario();
    let e = calc_core::evaluate(table, &s).unwrap();
    let mut off = e.clone();
    off.total.society_net_sek_saved_per_year.central = calc_core::Sek::new(
        off.total.society_net_sek_saved_per_year.central.value() + Decimal::new(2, 6),
    );
    let err = agree(&Ok(off), &Ok(e)).unwrap_err();
    assert!(err.contains("difference 0.000002"), "{err}");
}

#[test]
fn default_scenario_agrees_with_the_decimal_oracle() {
    let cat = factors::builtin().unwrap();
    let table = cat.current_set().unwrap();
    let s = cat.default_scenario();
    let e = calc_core::evaluate(table, &s).unwrap();
    // Real results: 18 measures × 8 municipalities, 6 years each, and the legal duties.
    assert_eq!(e.items.len(), 144);
    assert!(e.items.iter().all(|i| i.years.len() == 6));
    assert!(!e.required_by_law_items.is_empty());
    let worst = check(table, &s).unwrap();
    // The integers are not the decimals digit for digit (shares are binary, 1/3 rounds).
    assert!(worst > Decimal::ZERO, "{worst}");
}

#[test]
fn random_scenarios_agree_with_the_decimal_oracle() {
    let cat = factors::builtin().unwrap();
    let table = cat.current_set().unwrap();
    let (mut ramped, mut worst) = (0, Decimal::ZERO);
    for seed in 0..300 {
        let s = random_scenario(cat, seed);
        let w = check(table, &s).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        worst = worst.max(w);
        if let Ok(e) = calc_core::evaluate(table, &s) {
            ramped += e
                .items
                .iter()
                .filter(|i| {
                    i.years
                        .iter()
                        .any(|y| !y.ramp.is_zero() && y.ramp < Decimal::ONE)
                })
                .count();
        }
    }
    // The scenarios ramp up (so years differ from the full-effect year) in many items.
    assert!(ramped > 2_000, "{ramped}");
    println!("largest difference over 300 scenarios: {worst}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
    /// The same on random scenarios proptest picks (and shrinks to the smallest seed).
    #[test]
    fn any_scenario_agrees_with_the_decimal_oracle(seed in 1_000_u64..u64::MAX) {
        let cat = factors::builtin().unwrap();
        let table = cat.current_set().unwrap();
        let s = random_scenario(cat, seed);
        let r = check(table, &s).map(|_| ());
        proptest::prop_assert_eq!(r, Ok(()));
    }
}
