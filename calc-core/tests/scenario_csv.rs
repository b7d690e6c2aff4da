//! Scenario CSV import and export against a small hand-made catalogue: every error kind
//! with its exact message and line, dialects, round trips, and robustness on any bytes.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use calc_core::csvio::{
    self, CsvError, Dialect, Encoding, Lang, ScenarioContext, read_scenarios,
    read_scenarios_keep_valid,
};
use calc_core::*;
use common::*;
use proptest::prelude::*;
use std::sync::Arc;

fn boras() -> Arc<Municipality> {
    Arc::new(Municipality {
        code: ScbCode::from("1490"),
        name: "Borås".into(),
        population: 100_000,
        population_date: "2024-12-31".into(),
        source: SourceId::from("test_source"),
    })
}

fn vargarda() -> Arc<Municipality> {
    Arc::new(Municipality {
        code: ScbCode::from("1442"),
        name: "Vårgårda".into(),
        population: 12_000,
        population_date: "2024-12-31".into(),
        source: SourceId::from("test_source"),
    })
}

fn ctx() -> ScenarioContext {
    ScenarioContext::new([food_prevention(), textile_reuse()], [boras(), vargarda()])
        .with_default_name("fil")
}

fn errors(text: &str) -> Vec<CsvError> {
    read_scenarios(text.as_bytes(), &ctx()).unwrap_err()
}

fn messages(text: &str, lang: Lang) -> Vec<String> {
    errors(text).iter().map(|e| e.message(lang)).collect()
}

#[test]
fn a_file_without_optional_columns_says_which_defaults_it_used() {
    let import =
        read_scenarios("kommun;åtgärd\nBorås;food_prevention\n".as_bytes(), &ctx()).unwrap();
    assert_eq!(
        import.assumed,
        [
            csvio::AssumedColumn::Effect,
            csvio::AssumedColumn::StartYear,
            csvio::AssumedColumn::FullEffectYear
        ]
    );
    assert_eq!(
        import.assumed[0].message(Lang::Sv),
        "Kolumnen effekt_procent saknas: varje åtgärds standardeffekt används."
    );
    assert_eq!(
        import.assumed[1].message(Lang::En),
        "The file has no start_year column: the measures start in the plan period's first year."
    );
    // The same file as Excel on Windows writes it (CRLF, Windows-1252) says the same.
    let excel = read_scenarios(
        b"kommun;\xe5tg\xe4rd\r\nBor\xe5s;food_prevention\r\n",
        &ctx(),
    )
    .unwrap();
    assert_eq!(excel.assumed, import.assumed);
    // With every column present, nothing is assumed.
    let full = read_scenarios(
        "kommun;åtgärd;effekt_procent;startår;fullt_år\nBorås;food_prevention;40;2026;2028\n"
            .as_bytes(),
        &ctx(),
    )
    .unwrap();
    assert!(full.assumed.is_empty());
}

#[test]
fn reads_swedish_excel_dialect() {
    let text = "\u{feff}Kommun;Åtgärd;Effekt procent;Mängd ton;Startår;Fullt år;Engångskostnad kr;Löpande kostnad kr\r\n\
                BORÅS;food_prevention;40;1 234,5;2026;2028;10 000;2 500,5\r\n\
                1442;Textile_Reuse;;;;;;\r\n";
    let import = read_scenarios(text.as_bytes(), &ctx()).unwrap();
    assert_eq!(import.dialect, Dialect::EXCEL_SV);
    assert_eq!(import.rows, 2);
    let [s] = import.scenarios.as_slice() else {
        panic!("one scenario")
    };
    assert_eq!(s.name, "fil");
    assert_eq!(s.period, PlanPeriod::new(Year(2025), Year(2030)).unwrap());
    let [a, b] = s.items.as_slice() else {
        panic!("two items")
    };
    assert_eq!(a.municipality().name, "Borås");
    assert_eq!(a.effect(), share("0.4"));
    assert_eq!(a.quantity_override(), Some(Tonnes::new(d("1234.5"))));
    assert_eq!(
        (a.start_year(), a.full_effect_year()),
        (Year(2026), Year(2028))
    );
    assert_eq!(a.implementation_cost_override(), Some(Sek::new(d("10000"))));
    assert_eq!(a.running_cost_override(), Some(Sek::new(d("2500.5"))));
    // Defaults: the measure's effect, the period's first year, start + ramp years.
    assert_eq!(b.municipality().name, "Vårgårda");
    assert_eq!(b.effect(), share("0.2"));
    assert_eq!(
        (b.start_year(), b.full_effect_year()),
        (Year(2025), Year(2025))
    );
    assert_eq!(b.quantity_override(), None);
}

#[test]
fn reads_english_dialect_and_several_scenarios_in_order() {
    let text = "scenario,municipality,measure,effect_pct\n\
                high,Borås,food_prevention,80\n\
                low,Borås,food_prevention,10.5\n\
                high,vargarda,textile_reuse,50%\n";
    let import = read_scenarios(text.as_bytes(), &ctx()).unwrap();
    assert_eq!(import.dialect, Dialect::PLAIN);
    let names: Vec<&str> = import.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["high", "low"]);
    assert_eq!(import.scenarios[0].items.len(), 2);
    assert_eq!(import.scenarios[1].items[0].effect(), share("0.105"));
    assert_eq!(import.scenarios[0].items[1].effect(), share("0.5"));
}

#[test]
fn reads_windows_1252() {
    let bytes = b"kommun;\xe5tg\xe4rd;effekt_procent\r\nV\xe5rg\xe5rda;food_prevention;12,5\r\n";
    let import = read_scenarios(bytes, &ctx()).unwrap();
    assert_eq!(import.dialect.encoding, Encoding::Windows1252);
    assert_eq!(import.scenarios[0].items[0].municipality().name, "Vårgårda");
    assert_eq!(import.scenarios[0].items[0].effect(), share("0.125"));
}

#[test]
fn all_municipalities_keyword() {
    for word in ["Sjuhärad", "alla", "ALL"] {
        let text = format!("kommun;åtgärd\n{word};food_prevention\n");
        let import = read_scenarios(text.as_bytes(), &ctx()).unwrap();
        let names: Vec<&str> = import.scenarios[0]
            .items
            .iter()
            .map(|i| i.municipality().name.as_str())
            .collect();
        assert_eq!(names, ["Borås", "Vårgårda"]);
    }
}

#[test]
fn unknown_measure_with_suggestion() {
    let text = "kommun;åtgärd\nBorås;food_preventio\n";
    assert_eq!(
        messages(text, Lang::En),
        [
            "line 2, column 'åtgärd': unknown measure 'food_preventio'; did you mean 'food_prevention'?"
        ]
    );
    assert_eq!(
        messages(text, Lang::Sv),
        ["rad 2, kolumn 'åtgärd': okänd åtgärd 'food_preventio'; menade du 'food_prevention'?"]
    );
}

#[test]
fn unknown_municipality_with_suggestion() {
    let text = "municipality,measure\nBoras,food_prevention\nVargårda,food_prevention\nBorxs,food_prevention\n1491,food_prevention\n";
    assert_eq!(
        messages(text, Lang::En),
        [
            "line 4, column 'municipality': unknown municipality 'Borxs'; did you mean 'Borås'?",
            "line 5, column 'municipality': unknown municipality '1491'; did you mean '1490', '1442'?",
        ]
    );
    assert_eq!(
        messages(text, Lang::Sv)[0],
        "rad 4, kolumn 'municipality': okänd kommun 'Borxs'; menade du 'Borås'?"
    );
}

#[test]
fn effect_over_100_percent() {
    let text = "kommun;åtgärd;effekt_procent\nBorås;food_prevention;140\n";
    assert_eq!(
        messages(text, Lang::En),
        ["line 2, column 'effekt_procent': '140' is outside the allowed range 0 to 100"]
    );
    assert_eq!(
        messages(text, Lang::Sv),
        [
            "rad 2, kolumn 'effekt_procent': '140' ligger utanför det tillåtna intervallet 0 till 100"
        ]
    );
}

#[test]
fn not_a_number() {
    let text = "kommun;åtgärd;mängd_ton;effekt_procent\nBorås;food_prevention;12,5,0;abc\n";
    assert_eq!(
        messages(text, Lang::En),
        [
            "line 2, column 'effekt_procent': 'abc' is not a number",
            "line 2, column 'mängd_ton': '12,5,0' is not a number",
        ]
    );
}

#[test]
fn negative_quantity_and_cost() {
    let text = "kommun;åtgärd;mängd_ton;löpande_kostnad_kr\nBorås;food_prevention;-5;-1\n";
    assert_eq!(
        messages(text, Lang::En),
        [
            "line 2, column 'mängd_ton': quantity -5 t is negative",
            "line 2, column 'löpande_kostnad_kr': cost -1 SEK is negative",
        ]
    );
    assert_eq!(
        messages(text, Lang::Sv),
        [
            "rad 2, kolumn 'mängd_ton': mängden -5 t är negativ",
            "rad 2, kolumn 'löpande_kostnad_kr': kostnaden -1 SEK är negativ",
        ]
    );
}

#[test]
fn missing_required_column() {
    let text = "kommun;effekt_procent\nBorås;50\n";
    assert_eq!(
        messages(text, Lang::En),
        ["line 1, column 'measure/åtgärd': required column is missing"]
    );
    assert_eq!(
        messages(text, Lang::Sv),
        ["rad 1, kolumn 'measure/åtgärd': obligatorisk kolumn saknas"]
    );
}

#[test]
fn unknown_column() {
    let text = "kommun;åtgärd;färg\nBorås;food_prevention;blå\n";
    let e = errors(text);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, 1);
    assert!(
        e[0].message(Lang::En)
            .starts_with("line 1, column 'färg': unknown column 'färg' (known columns: scenario, municipality, measure,"),
        "{}",
        e[0].message(Lang::En)
    );
}

#[test]
fn duplicate_row_names_the_first_line() {
    let text = "scenario;kommun;åtgärd\nA;Borås;food_prevention\nB;Borås;food_prevention\nA;1490;food_prevention\n";
    assert_eq!(
        messages(text, Lang::En),
        ["line 4, column 'åtgärd': 'Borås × food_prevention' is a duplicate of line 2"]
    );
    assert_eq!(
        messages(text, Lang::Sv),
        ["rad 4, kolumn 'åtgärd': 'Borås × food_prevention' är en dubblett av rad 2"]
    );
    // "alla" covers Borås too.
    let text = "kommun;åtgärd\nalla;food_prevention\nBorås;food_prevention\n";
    assert_eq!(
        messages(text, Lang::En),
        ["line 3, column 'åtgärd': 'Borås × food_prevention' is a duplicate of line 2"]
    );
}

#[test]
fn a_start_year_after_the_plan_period_is_named_at_its_cell() {
    // The context's plan runs 2025–2030; a row starting in 2031 would save nothing over it.
    let text = "kommun;åtgärd;startår\nBorås;food_prevention;2031\nBorås;textile_reuse;2030\n";
    assert_eq!(
        messages(text, Lang::En),
        ["line 2, column 'startår': start year 2031 comes after the plan period's last year 2030"]
    );
    assert_eq!(
        messages(text, Lang::Sv),
        ["rad 2, kolumn 'startår': startåret 2031 kommer efter planperiodens sista år 2030"]
    );
}

#[test]
fn years_out_of_order_and_not_years() {
    let text = "kommun;åtgärd;startår;fullt_år\nBorås;food_prevention;2030;2027\nVårgårda;food_prevention;20x5;\nBorås;textile_reuse;;2024\n";
    assert_eq!(
        messages(text, Lang::En),
        [
            "line 2, column 'fullt_år': year 2027 comes before 2030",
            "line 3, column 'startår': '20x5' is not a year between 1900 and 2200",
            "line 4, column 'fullt_år': year 2024 comes before 2025",
        ]
    );
    assert_eq!(
        messages(text, Lang::Sv)[0],
        "rad 2, kolumn 'fullt_år': året 2027 kommer före 2030"
    );
}

#[test]
fn empty_required_field_and_field_count() {
    let text = "kommun;åtgärd\n;food_prevention\nBorås;food_prevention;x\n";
    assert_eq!(
        messages(text, Lang::En),
        [
            "line 2, column 'kommun': a value is required",
            "line 3: found 3 fields, the header has 2",
        ]
    );
}

#[test]
fn empty_file_and_header_only() {
    assert_eq!(
        messages("", Lang::En),
        ["line 1: the file is empty: no header row"]
    );
    assert_eq!(
        messages("kommun;åtgärd\n", Lang::Sv),
        ["rad 2: filen har en rubrikrad men inga datarader"]
    );
}

#[test]
fn collects_every_problem_and_imports_nothing() {
    let text = "kommun;åtgärd;effekt_procent\nBorås;food_prevention;50\nBorxs;food_prevention;50\nBorås;textile_reuse;101\nVårgårda;nothing;x\n";
    let e = errors(text);
    let lines: Vec<u64> = e.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 5, 5]);
    // Keeping the valid rows: the first row only.
    let import = read_scenarios_keep_valid(text.as_bytes(), &ctx());
    assert_eq!(import.errors, e);
    assert_eq!(import.items(), 1);
    assert_eq!(import.scenarios[0].items[0].municipality().name, "Borås");
}

#[test]
fn scenario_round_trip_in_every_dialect_and_language() {
    let text = "scenario;kommun;åtgärd;effekt_procent;mängd_ton;startår;fullt_år;engångskostnad_kr;löpande_kostnad_kr\n\
                Bas;Borås;food_prevention;33,3333;1 234,567;2026;2029;1000,5;12\n\
                Bas;Vårgårda;textile_reuse;;;;;;\n\
                Hög;alla;food_prevention;100;0;2025;2025;;\n";
    let first = read_scenarios(text.as_bytes(), &ctx()).unwrap();
    let windows = Dialect {
        encoding: Encoding::Windows1252,
        ..Dialect::EXCEL_SV
    };
    for dialect in [Dialect::EXCEL_SV, Dialect::PLAIN, windows] {
        for lang in [Lang::Sv, Lang::En] {
            let written = csvio::write_scenarios_csv(&first.scenarios, dialect, lang);
            let bytes = csvio::encode(&written, dialect.encoding);
            let again = read_scenarios(&bytes, &ctx()).unwrap();
            assert_eq!(again.scenarios, first.scenarios, "{dialect:?} {lang:?}");
            assert_eq!(again.dialect, dialect);
        }
    }
}

#[test]
fn results_csv_in_swedish_excel_dialect() {
    let text = "kommun;åtgärd\nBorås;textile_reuse\n";
    let import = read_scenarios(text.as_bytes(), &ctx()).unwrap();
    let e = evaluate(&table(), &import.scenarios[0]).unwrap();
    let out = csvio::write_results_csv(&e, Dialect::EXCEL_SV, Lang::Sv);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "\u{feff}scenario;kommunkod;kommun;åtgärd;avfallspool;ordning_i_poolen;effekt_procent;ton_per_år;t_co2e_per_år_låg;t_co2e_per_år;t_co2e_per_år_hög;netto_kr_per_år_avfallstaxan;netto_kr_per_år_kommunens_budget;netto_kr_per_år_kommunen;netto_kr_per_år_hushållen;netto_kr_per_år_samhället;t_co2e_totalt;netto_kr_totalt_kommunen;netto_kr_totalt_samhället;nuvärde_kr_kommunen;nuvärde_kr_samhället;kr_per_t_co2e_kommunen;första_år;sista_år;folkmängd;kg_flyttade_per_invånare_och_år;kg_co2e_per_invånare_och_år;netto_kr_per_invånare_och_år_kommunen;netto_kr_per_invånare_och_år_samhället;egna_siffror_källa;egna_siffror_år;prisnivå_år"
        )
    );
    let row: Vec<&str> = lines.next().unwrap().split(';').collect();
    // 100 t moved in a town of 100 000: 1 kg per inhabitant; no own figures; the test
    // table has no price level.
    assert_eq!(
        &row[24..],
        ["100000", "1,00", "10,50", "-0,10", "-0,10", "", "", ""]
    );
    assert_eq!(
        &row[..8],
        [
            "fil",
            "1490",
            "Borås",
            "textile_reuse",
            "textile_reuse",
            "1",
            "20",
            "100,00"
        ]
    );
    let total: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(&total[..8], ["fil", "", "", "TOTALT", "", "", "", "100,00"]);
    assert_eq!(lines.next(), None);
    // The English plain dialect has points and no BOM.
    let out = csvio::write_results_csv(&e, Dialect::PLAIN, Lang::En);
    assert!(out.starts_with("scenario,municipality_code,"));
    assert!(out.contains(",TOTAL,,,,100.00,"));
}

#[test]
fn results_csv_with_names_has_the_name_next_to_the_id() {
    let text = "kommun;åtgärd\nBorås;textile_reuse\n";
    let import = read_scenarios(text.as_bytes(), &ctx()).unwrap();
    let e = evaluate(&table(), &import.scenarios[0]).unwrap();
    let names = |id: &calc_core::MeasureId| format!("={} (namn)", id.as_str());
    let out = csvio::write_results_csv_named(&e, Dialect::EXCEL_SV, Lang::Sv, &names);
    let plain = csvio::write_results_csv(&e, Dialect::EXCEL_SV, Lang::Sv);
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(
        &header[..6],
        [
            "\u{feff}scenario",
            "kommunkod",
            "kommun",
            "åtgärd",
            "åtgärdens_namn",
            "avfallspool"
        ]
    );
    assert_eq!(header.len(), csvio::RESULT_HEADERS.len() + 1);
    let row: Vec<&str> = lines.next().unwrap().split(';').collect();
    // A name that starts like a formula is text.
    assert_eq!(
        &row[..6],
        [
            "fil",
            "1490",
            "Borås",
            "textile_reuse",
            "'=textile_reuse (namn)",
            "textile_reuse"
        ]
    );
    let total: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(&total[..6], ["fil", "", "", "TOTALT", "", ""]);
    // Apart from the name column, the same file as without names.
    let without_names: Vec<String> = out
        .lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split(';').collect();
            cells.remove(4);
            cells.join(";")
        })
        .collect();
    assert_eq!(without_names, plain.lines().collect::<Vec<_>>());
    let en = csvio::write_results_csv_named(&e, Dialect::PLAIN, Lang::En, &names);
    assert!(en.starts_with("scenario,municipality_code,municipality,measure,measure_name,pool,"));
}

fn valid_file() -> impl Strategy<Value = Vec<u8>> {
    let row = (
        prop::sample::select(vec!["Borås", "1442", "vargarda", "alla", "Bxx", ""]),
        prop::sample::select(vec!["food_prevention", "textile_reuse", "x"]),
        prop::sample::select(vec!["", "50", "12,5", "101", "-3", "1 234,5", "%"]),
        prop::sample::select(vec!["", "2025", "2030", "1800", "abc"]),
    );
    (prop::collection::vec(row, 0..8), any::<bool>()).prop_map(|(rows, semi)| {
        let sep = if semi { ";" } else { "," };
        let mut s = format!("kommun{sep}åtgärd{sep}effekt_procent{sep}startår\n");
        for (k, m, e, y) in rows {
            let e = if semi {
                e.to_string()
            } else {
                e.replace(',', ".")
            };
            s.push_str(&format!("{k}{sep}{m}{sep}\"{e}\"{sep}{y}\n"));
        }
        s.into_bytes()
    })
}

fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        valid_file(),
        prop::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    )
        .prop_map(|(mut bytes, edits)| {
            for (at, b) in edits {
                if bytes.is_empty() {
                    bytes.push(b);
                } else {
                    let i = at % bytes.len();
                    match b % 3 {
                        0 => bytes[i] = b,
                        1 => {
                            bytes.remove(i);
                        }
                        _ => bytes.insert(i, b),
                    }
                }
            }
            bytes
        })
}

fn check_never_panics(bytes: &[u8]) {
    let c = ctx();
    let strict = read_scenarios(bytes, &c);
    let lenient = read_scenarios_keep_valid(bytes, &c);
    for e in &lenient.errors {
        let _ = e.message(Lang::Sv);
    }
    if let Ok(import) = strict {
        assert!(lenient.errors.is_empty());
        let text = csvio::write_scenarios_csv(&import.scenarios, Dialect::EXCEL_SV, Lang::Sv);
        let again = read_scenarios(text.as_bytes(), &c).unwrap();
        assert_eq!(again.scenarios, import.scenarios);
    }
}

fn cases() -> u32 {
    std::env::var("SCENARIO_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_never_panics(&bytes);
    }

    #[test]
    fn mutated_valid_files_never_panic(bytes in mutated()) {
        check_never_panics(&bytes);
    }
}

#[test]
fn local_baselines_attach_to_their_pool_and_name_unknown_pools() {
    let pools_csv =
        "id,fraction,name_sv,name_en,basis,kg_per_inhabitant\nhh,food,Mat,Food,per_inhabitant,10\n";
    let mixes = "pool,route,share,source\nhh,incineration,0.6,s\nhh,anaerobic_digestion,0.4,s\n";
    let mut pools = csvio::read_pools(pools_csv.as_bytes(), mixes.as_bytes()).unwrap();
    let local = "municipality,pool,route,share,source\n1490,hh,incineration,0.3,s\n1490,hh,anaerobic_digestion,0.7,s\n";
    csvio::read_local_baselines(local.as_bytes(), &mut pools).unwrap();
    let p = &pools[0];
    assert_eq!(
        p.baseline_for(&ScbCode::from("1490"))
            .share(Route::AnaerobicDigestion)
            .value(),
        d("0.7")
    );
    assert_eq!(
        p.baseline_for(&ScbCode::from("1443"))
            .share(Route::AnaerobicDigestion)
            .value(),
        d("0.4")
    );
    let bad = "municipality,pool,route,share,source\n1490,hhh,incineration,1,s\n";
    let errs = csvio::read_local_baselines(bad.as_bytes(), &mut pools).unwrap_err();
    assert_eq!(
        errs[0].to_string(),
        "line 2, column 'pool': unknown pool 'hhh'; did you mean 'hh'?"
    );
}

#[test]
fn a_pools_negative_kg_per_inhabitant_is_named_at_its_cell() {
    // It was read as a negative quantity of waste (issue 25).
    let pools_csv = "id,fraction,name_sv,name_en,basis,kg_per_inhabitant\nhh,food,Mat,Food,per_inhabitant,-10\n";
    let mixes = "pool,route,share,source\nhh,incineration,1,s\n";
    let errors = csvio::read_pools(pools_csv.as_bytes(), mixes.as_bytes()).unwrap_err();
    let en: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
    // (The mixes file's row then names a pool that was not read, as for any refused pool.)
    assert_eq!(
        en[0],
        "line 2, column 'kg_per_inhabitant': '-10' must not be negative"
    );
}
