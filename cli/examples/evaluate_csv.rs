//! Reads a scenario CSV with the library, evaluates it with the built-in factors and
//! prints the totals and the results CSV.
//!
//! `cargo run -p cli --example evaluate_csv [-- path/to/scenario.csv]`
//! (default: `examples/sjuharad.csv`).

use calc_core::csvio::{self, Lang, ScenarioContext};
use calc_core::{Perspective, evaluate};
use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/sjuharad.csv").to_string()
    });
    let catalogue = factors::builtin()?;
    let table = catalogue.current_set().ok_or("no built-in factor set")?;
    let ctx = ScenarioContext::new(
        catalogue.measures.iter().cloned(),
        catalogue.municipalities.iter().cloned(),
    )
    .with_default_name("example");
    let bytes = std::fs::read(&path)?;
    let import = match csvio::read_scenarios(&bytes, &ctx) {
        Ok(import) => import,
        Err(errors) => {
            for e in &errors {
                eprintln!("{path}: {}", e.message(Lang::En));
            }
            return Err(format!("{} problem(s) in {path}", errors.len()).into());
        }
    };
    for scenario in &import.scenarios {
        let result = evaluate(table, scenario)?;
        let total = &result.total;
        // Whose money: the municipality's (waste fee and budget, the app's default view)
        // and society's (also the households').
        let municipality = total
            .net_sek_per_year(Perspective::Municipality)
            .map_or_else(Default::default, |b| b.central.value());
        println!(
            "{}: {} measure × municipality rows, {} t CO2e/yr saved at full effect; net SEK/yr saved: {} by the municipality (waste fee and budget), {} by society (with households)",
            result.scenario,
            result.items.len(),
            csvio::format_number(
                total.co2e_saved_kg_per_year.central.to_tonnes().value(),
                1,
                Lang::En
            ),
            csvio::format_number(municipality, 0, Lang::En),
            csvio::format_number(
                total.society_net_sek_saved_per_year.central.value(),
                0,
                Lang::En
            ),
        );
        print!(
            "{}",
            csvio::write_results_csv(&result, import.dialect, Lang::En)
        );
    }
    Ok(())
}
