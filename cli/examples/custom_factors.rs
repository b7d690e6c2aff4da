//! Brings your own factors: writes the built-in factor set as CSV, changes one emission
//! factor (as an analyst would in Excel), reads it back through the same reader and
//! compares the results.
//!
//! `cargo run -p cli --example custom_factors`

use calc_core::csvio::{self, Dialect};
use calc_core::{FactorSetInfo, evaluate};
use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let catalogue = factors::builtin()?;
    let builtin = catalogue.current_set().ok_or("no built-in factor set")?;
    let scenario = catalogue.default_scenario();

    // The factor file an analyst gets from `avfallskalkyl factors --format csv`...
    let text = csvio::write_factor_table(builtin, Dialect::PLAIN);
    // ...with the central emission factor of food waste incineration set to −100 kg CO2e/t
    // (between its low and high value, as the reader checks).
    let edited: String = text
        .lines()
        .map(|line| {
            if line.starts_with("food,incineration,") {
                // Only unquoted leading cells are touched, so splitting on ',' is safe.
                let mut cells: Vec<&str> = line.split(',').collect();
                if let Some(c) = cells.get_mut(3) {
                    *c = "-100";
                }
                cells.join(",")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let info = FactorSetInfo {
        id: "my-factors".into(),
        name: "My factors".into(),
        version: "1".into(),
        year: None,
        price_year: None,
    };
    let mine = match csvio::read_factor_table(edited.as_bytes(), info) {
        Ok(t) => t,
        Err(errors) => {
            for e in errors {
                eprintln!("{}", e.message(csvio::Lang::En));
            }
            return Err("the edited factor file has problems".into());
        }
    };
    // Lay the user's factors over the built-in set (or use `mine` alone to replace it).
    let combined = builtin.overlaid_with(&mine);
    let before = evaluate(builtin, &scenario)?;
    let after = evaluate(&combined, &scenario)?;
    let t = |kg: calc_core::KgCo2e| kg.to_tonnes().value();
    println!(
        "{}: {} t CO2e/yr; with {}: {} t CO2e/yr",
        before.factor_set.name,
        t(before.total.co2e_saved_kg_per_year.central).round_dp(1),
        after.factor_set.name,
        t(after.total.co2e_saved_kg_per_year.central).round_dp(1),
    );
    Ok(())
}
