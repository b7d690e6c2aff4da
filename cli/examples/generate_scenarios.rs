//! Writes a large scenario file for benchmarks (not committed): N rows spread over as
//! many scenarios as needed (one row per measure × municipality per scenario), in the
//! Swedish Excel dialect with varied effects, quantities and years.
//!
//! `cargo run -p cli --release --example generate_scenarios -- 100000 /tmp/big.csv`

use std::error::Error;
use std::fmt::Write as _;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().unwrap_or_else(|| "100000".into()).parse()?;
    let out = args.next().unwrap_or_else(|| "big_scenario.csv".into());
    let catalogue = factors::builtin()?;
    let mut s = String::from(
        "\u{feff}scenario;kommun;åtgärd;effekt_procent;mängd_ton;startår;fullt_år;engångskostnad_kr;löpande_kostnad_kr\r\n",
    );
    let (ms, ks) = (&catalogue.measures, &catalogue.municipalities);
    let per_scenario = ms.len() * ks.len();
    for i in 0..rows {
        let (scenario, j) = (i / per_scenario.max(1), i % per_scenario.max(1));
        let (Some(m), Some(k)) = (ms.get(j / ks.len()), ks.get(j % ks.len())) else {
            continue;
        };
        let effect = (i * 7) % 101;
        let quantity = if i % 3 == 0 {
            format!("{},{}", 100 + i % 900, i % 10)
        } else {
            String::new()
        };
        let start = 2025 + (i % 4);
        let full = start + (i % 5);
        let cost = if i % 5 == 0 {
            format!("{}", 10_000 + i % 5_000)
        } else {
            String::new()
        };
        writeln!(
            s,
            "S{scenario};{};{};{effect};{quantity};{start};{full};{cost};{cost}\r",
            if i % 2 == 0 {
                k.name.clone()
            } else {
                k.code.0.clone()
            },
            m.id
        )?;
    }
    std::fs::write(&out, s)?;
    eprintln!("wrote {rows} rows to {out}");
    Ok(())
}
