//! Error positions are physical lines of the file, as an editor or Excel shows them: the
//! same content with LF, CRLF or CR line ends, with or without BOM, in UTF-8 or
//! Windows-1252 with `;`, gives the same errors; quoted fields with line breaks count.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use calc_core::csvio::{self, CsvError, Encoding, Lang, ScenarioContext, read_scenarios};
use calc_core::*;
use common::*;
use proptest::prelude::*;
use std::sync::Arc;

fn municipality(code: &str, name: &str) -> Arc<Municipality> {
    Arc::new(Municipality {
        code: ScbCode::from(code),
        name: name.into(),
        population: 10_000,
        population_date: "2024-12-31".into(),
        source: SourceId::from("test_source"),
    })
}

fn ctx() -> ScenarioContext {
    ScenarioContext::new(
        [food_prevention(), textile_reuse()],
        [
            municipality("1490", "Borås"),
            municipality("1442", "Vårgårda"),
        ],
    )
}

fn errors(bytes: &[u8]) -> Vec<CsvError> {
    read_scenarios(bytes, &ctx()).unwrap_err()
}

/// `text` (written with `\n`) with every line break replaced by `eol`.
fn with_eol(text: &str, eol: &str) -> String {
    text.replace('\n', eol)
}

#[test]
fn crlf_file_reports_the_third_line_as_line_3() {
    let lf = "kommun;åtgärd\nBorås;food_prevention\nBorås;nothing\n";
    for eol in ["\n", "\r\n", "\r"] {
        let e = errors(with_eol(lf, eol).as_bytes());
        assert_eq!(
            e.iter().map(|e| e.message(Lang::En)).collect::<Vec<_>>(),
            ["line 3, column 'åtgärd': unknown measure 'nothing'"],
            "{eol:?}"
        );
        assert_eq!(
            e[0].message(Lang::Sv),
            "rad 3, kolumn 'åtgärd': okänd åtgärd 'nothing'"
        );
    }
}

/// A file with blank lines, a quoted note over three lines, and errors before and after
/// it, in several columns.
const CONTENT: &str = "\n\
    scenario;kommentar;kommun;åtgärd;effekt_procent;startår\n\
    a;ok;Borås;food_prevention;50;2026\n\
    b;\"första\nandra\nтретья\";Borås;nothing;50;2026\n\
    \n\
    c;\"x\ny\";Vårgårda;textile_reuse;abc;20x5\n\
    d;\"\nnotis\";Borxs;food_prevention;101;2027\n\
    e;\"\"\"citat\"\"\";Vårgårda;food_prevention;50;\n";

fn expected() -> Vec<(u64, Option<String>, String)> {
    [
        // The cells after a quoted note over three lines are on its last line.
        (6, "åtgärd", "nothing"),
        (9, "effekt_procent", "abc"),
        (9, "startår", "20x5"),
        (11, "kommun", "Borxs"),
        (11, "effekt_procent", "101"),
    ]
    .into_iter()
    .map(|(l, c, t)| (l, Some(c.to_string()), t.to_string()))
    .collect()
}

fn summary(e: &[CsvError]) -> Vec<(u64, Option<String>, String)> {
    e.iter()
        .map(|e| (e.line, e.column.clone(), e.text.clone()))
        .collect()
}

#[test]
fn same_content_gives_the_same_errors_in_every_line_ending_and_encoding() {
    let base = errors(CONTENT.as_bytes());
    assert_eq!(summary(&base), expected());
    for eol in ["\n", "\r\n", "\r"] {
        let text = with_eol(CONTENT, eol);
        let with_bom = format!("\u{feff}{text}");
        // Windows-1252 has no Cyrillic: that line's note becomes '?', its line count stays.
        let cp1252 = csvio::encode(&text, Encoding::Windows1252);
        for bytes in [text.as_bytes(), with_bom.as_bytes(), &cp1252] {
            let e = errors(bytes);
            assert_eq!(e, base, "{eol:?} {:?}", String::from_utf8_lossy(bytes));
        }
        // The same content with `,` (decimal point) gives the same list too.
        let comma = text.replace(';', ",");
        assert_eq!(errors(comma.as_bytes()), base, "{eol:?} ,");
    }
}

#[test]
fn header_after_blank_lines_and_header_only_file_name_their_lines() {
    let e = errors(b"\r\n\r\nkommun;farg\r\nBor\xe5s;x\r\n");
    assert_eq!(
        e.iter().map(|e| e.message(Lang::En)).collect::<Vec<_>>(),
        [
            "line 3, column 'farg': unknown column 'farg' (known columns: scenario, municipality, measure, effect_pct, quantity_t, start_year, full_effect_year, implementation_cost_sek, running_cost_sek, measure_name, note)",
            "line 3, column 'measure/åtgärd': required column is missing",
        ]
    );
    let e = errors(b"\r\n\r\nkommun;\xe5tg\xe4rd\r\n");
    assert_eq!(
        e[0].message(Lang::Sv),
        "rad 4: filen har en rubrikrad men inga datarader"
    );
}

#[test]
fn factor_and_catalogue_readers_use_physical_lines() {
    let sources = "id,kind,title,publisher,year\r\ns1,published,\"Titel\r\nmed radbrytning\",X,2020\r\ns2,nonsense,T,X,2020\r\n";
    let e = csvio::read_sources(sources.as_bytes()).unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, 4, "{}", e[0]);
    assert_eq!(e[0].column.as_deref(), Some("kind"));
}

#[test]
fn injected_formulas_read_back_as_the_original_text() {
    let c = ctx();
    let text = "scenario;kommun;åtgärd\n\"=HYPERLINK(\"\"http://x\"\";\"\"a\"\")\";Borås;food_prevention\n";
    // A file that already holds a formula as a name is read as that text.
    let import = read_scenarios(text.as_bytes(), &c).unwrap();
    let name = "=HYPERLINK(\"http://x\";\"a\")";
    assert_eq!(import.scenarios[0].name, name);
    for dialect in [csvio::Dialect::EXCEL_SV, csvio::Dialect::PLAIN] {
        for lang in [Lang::Sv, Lang::En] {
            let out = csvio::write_scenarios_csv(&import.scenarios, dialect, lang);
            assert!(out.contains("\"'=HYPERLINK("), "{out}");
            let again = read_scenarios(out.as_bytes(), &c).unwrap();
            assert_eq!(again.scenarios, import.scenarios);
        }
    }
    let mut s = import.scenarios[0].clone();
    s.name = "@SUM(1)".into();
    let out = csvio::write_scenario_csv(&s, csvio::Dialect::PLAIN, Lang::En);
    assert!(
        out.lines().nth(1).unwrap().starts_with("'@SUM(1),"),
        "{out}"
    );
    assert_eq!(
        read_scenarios(out.as_bytes(), &c).unwrap().scenarios[0].name,
        "@SUM(1)"
    );
}

/// One generated file: its bytes, and the line and column of the one bad cell.
#[derive(Debug, Clone)]
struct Generated {
    bytes: Vec<u8>,
    line: u64,
    column: &'static str,
    text: &'static str,
}

const COLUMNS: [&str; 4] = ["kommun", "åtgärd", "effekt_procent", "startår"];
const BAD: [&str; 4] = ["Xyzzy", "nothing", "abc", "20x5"];

fn generated() -> impl Strategy<Value = Generated> {
    let row = (
        prop::sample::select(vec!["Borås", "1442", "vargarda"]),
        prop::sample::select(vec!["food_prevention", "textile_reuse"]),
        prop::sample::select(vec!["", "50", "12,5", "0"]),
        prop::sample::select(vec!["", "2025", "2030"]),
        // The note: plain, or quoted with 1–2 line breaks of either kind.
        prop::sample::select(vec!["", "ok", "\"a\nb\"", "\"a\r\nb\nc\"", "\"\nx\""]),
        0usize..3, // blank lines after the row
    );
    (
        prop::collection::vec(row, 1..12),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        any::<bool>(), // BOM
        any::<bool>(), // Windows-1252 with ';' (else UTF-8 with ',')
        any::<prop::sample::Index>(),
        0usize..4,
        0usize..3, // blank lines before the header
    )
        .prop_map(|(rows, eol, bom, cp1252, at, col, lead)| {
            let sep = if cp1252 { ";" } else { "," };
            let bad_row = at.index(rows.len());
            let mut s = eol.repeat(lead);
            let mut line = 1 + lead as u64;
            s.push_str(&format!(
                "scenario{sep}kommentar{sep}{}{eol}",
                COLUMNS.join(sep)
            ));
            line += 1;
            let mut bad_line = 0;
            for (i, (k, m, e, y, note, blank)) in rows.into_iter().enumerate() {
                let e = if cp1252 {
                    e.to_string()
                } else {
                    e.replace(',', ".")
                };
                let mut cells = [
                    k.to_string(),
                    m.to_string(),
                    format!("\"{e}\""),
                    y.to_string(),
                ];
                if i == bad_row {
                    cells[col] = BAD[col].to_string();
                    bad_line = line + note.matches('\n').count() as u64;
                }
                s.push_str(&format!("s{i}{sep}{note}{sep}{}{eol}", cells.join(sep)));
                line += 1 + note.matches('\n').count() as u64;
                s.push_str(&eol.repeat(blank));
                line += blank as u64;
            }
            let mut bytes = if cp1252 {
                csvio::encode(&s, Encoding::Windows1252)
            } else {
                s.into_bytes()
            };
            if bom && !cp1252 {
                bytes.splice(0..0, *b"\xEF\xBB\xBF");
            }
            Generated {
                bytes,
                line: bad_line,
                column: COLUMNS[col],
                text: BAD[col],
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_injected_bad_cell_is_reported_where_it_is(g in generated()) {
        let e = errors(&g.bytes);
        prop_assert_eq!(e.len(), 1, "{:?}", e);
        prop_assert_eq!(e[0].line, g.line);
        prop_assert_eq!(e[0].column.as_deref(), Some(g.column));
        prop_assert_eq!(e[0].text.as_str(), g.text);
    }
}
