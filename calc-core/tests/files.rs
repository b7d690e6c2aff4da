//! Nothing lost, nothing silent (issue 22): a quote that never closes is an error on the
//! line it opened in every reader, and the rows after it are still read (with their own
//! errors); the CSV-injection guard sees the text as the spreadsheet will; messages are
//! bounded.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use calc_core::csvio::{self, CsvError, Lang, ScenarioContext, read_scenarios_keep_valid};
use calc_core::*;
use common::*;
use proptest::prelude::*;
use std::sync::Arc;

fn towns() -> Vec<Arc<Municipality>> {
    let mut boras = Municipality::clone(&town("1490", 114_872));
    boras.name = "Borås".into();
    let mut mark = Municipality::clone(&town("1463", 35_155));
    mark.name = "Mark".into();
    let mut tranemo = Municipality::clone(&town("1498", 11_800));
    tranemo.name = "Tranemo".into();
    vec![Arc::new(boras), Arc::new(mark), Arc::new(tranemo)]
}

fn ctx() -> ScenarioContext {
    ScenarioContext::new([food_prevention(), textile_reuse()], towns()).with_default_name("fil")
}

fn messages(errors: &[CsvError], lang: Lang) -> Vec<String> {
    errors.iter().map(|e| e.message(lang)).collect()
}

/// The issue's file: the comment on Borås's row opens a quote that never closes.
const SWALLOWING: &str = "kommun;åtgärd;kommentar\nBorås;food_prevention;\"obs\nMark;food_prevention;\nTranemo;food_prevention;\n";

#[test]
fn the_issues_file_is_refused_by_the_line_where_the_quote_opened() {
    for eol in ["\n", "\r\n", "\r"] {
        let text = SWALLOWING.replace('\n', eol);
        let errors = csvio::read_scenarios(text.as_bytes(), &ctx()).unwrap_err();
        assert_eq!(
            messages(&errors, Lang::En),
            [
                "line 2, column 'kommentar': the quote opened here (\"obs) runs on over line 3, which looks like a row of its own; close it with \" on this line"
            ],
            "{eol:?}"
        );
        assert_eq!(
            messages(&errors, Lang::Sv),
            [
                "rad 2, kolumn 'kommentar': citattecknet som börjar här (\"obs) fortsätter över rad 3, som ser ut som en egen rad; avsluta det med \" på samma rad"
            ]
        );
    }
}

#[test]
fn a_quote_open_at_the_end_of_the_file_is_an_error_on_its_line() {
    for eol in ["\n", "\r\n", "\r"] {
        let text = "kommun;åtgärd;kommentar\nMark;food_prevention;\nBorås;food_prevention;\"obs\nmer text\n"
            .replace('\n', eol);
        let errors = csvio::read_scenarios(text.as_bytes(), &ctx()).unwrap_err();
        assert_eq!(
            messages(&errors, Lang::En),
            [
                "line 3, column 'kommentar': the quote opened here (\"obs) is never closed: the rest of the file would be one cell; close it with \"",
                // The lines after the quote's are read as rows of their own.
                "line 4: found 1 fields, the header has 3",
            ],
            "{eol:?}"
        );
        assert_eq!(
            messages(&errors, Lang::Sv),
            [
                "rad 3, kolumn 'kommentar': citattecknet som börjar här (\"obs) avslutas aldrig: resten av filen skulle bli en enda cell; avsluta det med \"",
                "rad 4: raden har 1 fält, rubrikraden har 3",
            ]
        );
    }
}

#[test]
fn with_keep_valid_the_rows_after_the_quote_are_read_and_their_errors_kept() {
    let text = "kommun;åtgärd;kommentar\nBorås;food_prevention;\"obs\nMark;food_prevention;\nTranemo;nothing;\nMark;textile_reuse;\n";
    let import = read_scenarios_keep_valid(text.as_bytes(), &ctx());
    assert_eq!(
        messages(&import.errors, Lang::En),
        [
            "line 2, column 'kommentar': the quote opened here (\"obs) runs on over line 3, which looks like a row of its own; close it with \" on this line",
            "line 4, column 'åtgärd': unknown measure 'nothing'",
        ]
    );
    let items: Vec<(String, String)> = import.scenarios[0]
        .items
        .iter()
        .map(|i| (i.municipality().name.clone(), i.measure().id.0.clone()))
        .collect();
    assert_eq!(
        items,
        [
            ("Mark".to_string(), "food_prevention".to_string()),
            ("Mark".to_string(), "textile_reuse".to_string()),
        ]
    );
}

#[test]
fn a_quote_that_swallows_a_row_and_closes_later_is_refused_too() {
    let text =
        "kommun;åtgärd;kommentar\nBorås;food_prevention;\"obs\nMark;food_prevention;x\nslut\"\n";
    let import = read_scenarios_keep_valid(text.as_bytes(), &ctx());
    assert_eq!(
        messages(&import.errors, Lang::En)[0],
        "line 2, column 'kommentar': the quote opened here (\"obs) runs on over line 3, which looks like a row of its own; close it with \" on this line"
    );
    // Line 3 is read as a row; line 4 (`slut"`) is then a row of one field.
    assert_eq!(
        messages(&import.errors, Lang::En)[1],
        "line 4: found 1 fields, the header has 3"
    );
    assert_eq!(import.items(), 1);
}

#[test]
fn a_quoted_cell_over_several_lines_that_closes_is_still_fine() {
    let text = "kommun;åtgärd;kommentar\r\nBorås;food_prevention;\"rad ett\r\nrad två; med semikolon\"\r\nMark;food_prevention;\r\n";
    let import = csvio::read_scenarios(text.as_bytes(), &ctx()).unwrap();
    assert_eq!(import.items(), 2);
}

/// Each reader, on a file whose second data row's quote never closes: refused with that
/// line, never read as one row holding the rest of the file.
#[test]
fn every_reader_refuses_an_unclosed_quote_by_its_line() {
    let line3 = |errors: Vec<CsvError>| {
        assert!(
            errors.iter().any(|e| e.line == 3
                && matches!(e.kind, csvio::CsvErrorKind::UnclosedQuote { .. })),
            "{:?}",
            messages(&errors, Lang::En)
        );
    };
    let pools = vec![food_pool("household_food", "56")];
    let towns = towns();
    line3(
        csvio::read_actuals(
            "kommun;indikator;år;värde;källa\nBorås;food_waste_kg_per_inhabitant;2023;13,1;x\nMark;food_waste_kg_per_inhabitant;2023;12;\"Kolada\nTranemo;food_waste_kg_per_inhabitant;2023;11;y\n"
                .as_bytes(),
            &towns,
        )
        .unwrap_err(),
    );
    line3(
        csvio::read_own_figures(
            "kommun;pool;år;ton;källa\nBorås;household_food;2023;5800;a\nMark;household_food;2022;100;\"b\nTranemo;household_food;2022;90;c\n"
                .as_bytes(),
            &pools,
            &towns,
        )
        .unwrap_err(),
    );
    line3(
        csvio::read_targets(
            "id;indikator;pooler;basår;basvärde;förändring_procent;målår;källa\nhalve;food_waste_kg_per_inhabitant;household_food;2021;15;-50;2030;plan\nmore;food_waste_kg_per_inhabitant;household_food;2021;15;-40;2030;\"plan\nthird;food_waste_kg_per_inhabitant;household_food;2021;15;-30;2030;plan\n"
                .as_bytes(),
            &pools,
            &towns,
        )
        .unwrap_err(),
    );
    line3(
        csvio::read_sources(
            "id,title,publisher,year,url,kind\na,A,P,2020,http://a,report\nb,\"B,P,2020,http://b,report\nc,C,P,2020,http://c,report\n"
                .as_bytes(),
        )
        .unwrap_err(),
    );
    line3(
        csvio::read_municipalities(
            "code,name,population,population_date,source\n1490,Borås,114872,2024-12-31,scb\n1463,\"Mark,35155,2024-12-31,scb\n1498,Tranemo,11800,2024-12-31,scb\n"
                .as_bytes(),
        )
        .unwrap_err(),
    );
    let factors = csvio::write_factor_table(&table(), csvio::Dialect::PLAIN);
    let mut lines: Vec<String> = factors.lines().map(String::from).collect();
    assert!(lines.len() > 3, "{factors}");
    lines[2] = lines[2].replacen(',', ",\"", 1);
    line3(csvio::read_factor_table(lines.join("\n").as_bytes(), info()).unwrap_err());
}

/// Lines of a generated scenario file, each a valid row.
fn rows() -> impl Strategy<Value = (Vec<(usize, usize)>, usize, usize, bool)> {
    (
        prop::collection::vec((0usize..3, 0usize..2), 1..12),
        any::<prop::sample::Index>(),
        0usize..3,
        any::<bool>(),
    )
        .prop_map(|(rows, at, field, crlf)| {
            let n = rows.len();
            (rows, at.index(n), field, crlf)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any file with a quote opened in some cell and never closed is refused with the
    /// line the quote opened on, whatever the line ends and wherever the cell is.
    #[test]
    fn any_unbalanced_quote_is_refused_with_its_line((rows, at, field, crlf) in rows()) {
        let towns = ["Borås", "Mark", "Tranemo"];
        let measures = ["food_prevention", "textile_reuse"];
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut text = format!("kommun;åtgärd;kommentar{eol}");
        for (i, (t, m)) in rows.iter().enumerate() {
            let mut cells = [towns[*t].to_string(), measures[*m].to_string(), "ok".to_string()];
            if i == at {
                cells[field] = format!("\"{}", cells[field]);
            }
            text.push_str(&cells.join(";"));
            text.push_str(eol);
        }
        let import = read_scenarios_keep_valid(text.as_bytes(), &ctx());
        let quote_errors: Vec<u64> = import
            .errors
            .iter()
            .filter(|e| matches!(e.kind, csvio::CsvErrorKind::UnclosedQuote { .. }))
            .map(|e| e.line)
            .collect();
        prop_assert_eq!(quote_errors, vec![u64::try_from(at).unwrap() + 2], "{}", text);
        // Every other row is read.
        prop_assert_eq!(import.rows, rows.len() - 1);
    }
}
