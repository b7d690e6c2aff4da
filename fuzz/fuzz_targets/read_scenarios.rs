//! Fuzzes the scenario CSV reader with the built-in catalogue: any bytes must give
//! scenarios or errors, never a panic; and whatever it imports must write back and read
//! again to the same scenarios.
#![no_main]

use calc_core::csvio::{self, Dialect, Lang, ScenarioContext};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn context() -> &'static ScenarioContext {
    static CTX: OnceLock<ScenarioContext> = OnceLock::new();
    CTX.get_or_init(|| {
        let c = factors::builtin().expect("built-in data loads");
        ScenarioContext::new(c.measures.iter().cloned(), c.municipalities.iter().cloned())
    })
}

fuzz_target!(|data: &[u8]| {
    let ctx = context();
    let strict = csvio::read_scenarios(data, ctx);
    let lenient = csvio::read_scenarios_keep_valid(data, ctx);
    let (text, _) = csvio::decode(data);
    let last = csvio::line_breaks(&text) + 2;
    for e in &lenient.errors {
        assert!((1..=last).contains(&e.line), "line {} of {last}: {e}", e.line);
        assert!(e.message(Lang::Sv).starts_with(&format!("rad {}", e.line)));
        assert!(e.message(Lang::En).starts_with(&format!("line {}", e.line)));
        // Bounded and terminal-safe (issue 22).
        let m = e.message(Lang::En);
        assert!(m.chars().count() < 1_000, "a message of {} chars", m.len());
        assert!(!m.chars().any(char::is_control), "{m:?}");
    }
    if let Ok(import) = strict {
        assert!(lenient.errors.is_empty());
        for dialect in [Dialect::EXCEL_SV, Dialect::PLAIN] {
            let text = csvio::write_scenarios_csv(&import.scenarios, dialect, Lang::Sv);
            // No written cell starts a formula past what a spreadsheet skips (issue 22).
            // Lines that start a record: an even number of quotes before them.
            let mut quotes = 0usize;
            for line in text.lines() {
                let starts_record = quotes.is_multiple_of(2);
                quotes += line.matches('"').count();
                if !starts_record {
                    continue;
                }
                let first = line.strip_prefix('"').unwrap_or(line);
                let shown = first.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'));
                assert!(!shown.starts_with(['=', '+', '-', '@', '\u{ff1d}']), "{line:?}");
            }
            let again = csvio::read_scenarios(text.as_bytes(), ctx).expect("written file reads back");
            assert_eq!(again.scenarios, import.scenarios);
        }
    }
});
