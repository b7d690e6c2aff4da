//! One price level: the price index file and a factor set read at its price year, with
//! hand-worked conversions and exact error messages at the right line and column.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calc_core::csvio::{self, CsvError};
use calc_core::*;
use rust_decimal_macros::dec;

const INDEX: &str = "year,index,basis,source\n\
2019,334.26,annual average,kpi\n\
2023,403.70,annual average,kpi\n\
2025,415.51,KPI October 2024,kpi\n";

fn info(price_year: Option<u16>) -> FactorSetInfo {
    FactorSetInfo {
        id: "t".into(),
        name: "T".into(),
        version: "1".into(),
        year: Some(Year(2025)),
        price_year: price_year.map(Year),
    }
}

fn messages(errors: &[CsvError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

#[test]
fn reads_the_index_in_the_excel_dialect_with_crlf() {
    let sv =
        "year;index;basis;source\r\n2019;334,26;årsmedel;kpi\r\n2025;415,51;oktober 2024;kpi\r\n";
    let index = csvio::read_price_index(sv.as_bytes()).unwrap();
    assert_eq!(index.level(Year(2019)).unwrap().value, dec!(334.26));
    assert_eq!(
        index.ratio(Year(2019), Year(2025)).unwrap().round_dp(6),
        dec!(1.243074)
    );
}

#[test]
fn index_errors_name_line_and_column() {
    let bad = "year,index,basis,source\n\
2019,334.26,annual average,kpi\n\
2019,335,annual average,kpi\n\
2020,-1,annual average,kpi\n\
,300,annual average,kpi\n";
    let errors = csvio::read_price_index(bad.as_bytes()).unwrap_err();
    assert_eq!(
        messages(&errors),
        [
            "line 3, column 'year': '2019' is a duplicate of line 2",
            "line 4, column 'index': price index level for 2020 must be positive, not -1",
            "line 5, column 'year': a value is required",
        ]
    );
}

#[test]
fn costs_are_converted_to_the_sets_price_year() {
    // 885 kr/t (2019) and a 1 450 kr/t high bound already in 2019 kronor.
    let file = "fraction,route,ef_kgco2e_per_t,ef_source,cf_low_sek_per_t,cf_sek_per_t,cf_high_sek_per_t,price_year,cf_source\n\
food,incineration,0,s,885,885,1201,2019,s\n\
food,prevention,-2000,s,-20000,-20000,-20000,2025,s\n\
food,recycling,0,s,0,0,0,,s\n";
    let index = csvio::read_price_index(INDEX.as_bytes()).unwrap();
    let t = csvio::read_factor_table_priced(file.as_bytes(), info(Some(2025)), &index).unwrap();
    let food = FractionId::from("food");
    let inc = t.cost(&food, Route::Incineration).unwrap();
    // 885 × 415.51 / 334.26 = 1 100.1207… → 1 100.12; 1 201 × … = 1 492.9321… → 1 492.93.
    assert_eq!(inc.value.central(), SekPerTonne::new(dec!(1100.12)));
    assert_eq!(inc.value.high(), SekPerTonne::new(dec!(1492.93)));
    assert_eq!(inc.price_year, Some(Year(2025)));
    let nominal = inc.nominal.as_ref().unwrap();
    assert_eq!(nominal.price_year, Year(2019));
    assert_eq!(nominal.value.central(), SekPerTonne::new(dec!(885)));
    // Already at the set's level: unchanged, no nominal.
    let prev = t.cost(&food, Route::Prevention).unwrap();
    assert_eq!(prev.value.central(), SekPerTonne::new(dec!(-20000)));
    assert!(prev.nominal.is_none());
    // Zero needs no price year.
    assert_eq!(
        t.cost(&food, Route::Recycling).unwrap().price_year,
        Some(Year(2025))
    );
    // Without a set price year nothing is converted (a user's file as it is).
    let plain = csvio::read_factor_table_priced(file.as_bytes(), info(None), &index).unwrap();
    assert_eq!(
        plain
            .cost(&food, Route::Incineration)
            .unwrap()
            .value
            .central(),
        SekPerTonne::new(dec!(885))
    );
}

#[test]
fn a_cost_without_price_year_or_with_an_unknown_year_is_refused_at_its_cell() {
    let file = "fraction,route,ef_kgco2e_per_t,ef_source,cf_sek_per_t,price_year,cf_source\r\n\
food,incineration,0,s,885,,s\r\n\
food,prevention,-2000,s,-20000,2018,s\r\n";
    let index = csvio::read_price_index(INDEX.as_bytes()).unwrap();
    let errors =
        csvio::read_factor_table_priced(file.as_bytes(), info(Some(2025)), &index).unwrap_err();
    assert_eq!(
        messages(&errors),
        [
            "line 2, column 'price_year': a value is required",
            "line 3, column 'price_year': no price index level for 2018",
        ]
    );
}

/// The same index and factor file as Excel in Sweden writes them (`;`, decimal comma,
/// CRLF, Windows-1252 with a BOM-less "å") read to the same levels, the same converted
/// values and the same errors on the same lines.
#[test]
fn every_dialect_gives_the_same_values_and_errors() {
    let index_lf = "year,index,basis,source\n2019,334.26,årsmedel,kpi\n2025,415.51,oktober,kpi\n2020,-1,årsmedel,kpi\n";
    let file_lf = "fraction,route,ef_kgco2e_per_t,ef_source,cf_sek_per_t,price_year,cf_source\n\
food,incineration,0,s,885.5,2019,s\n\
food,prevention,-2000,s,-20000,2018,s\n";
    // `;` with decimal comma: numbers change their mark, text keeps its commas out.
    let sv = |t: &str| {
        t.replace(',', ";")
            .replace("334.26", "334,26")
            .replace("415.51", "415,51")
            .replace("885.5", "885,5")
    };
    let variants = |t: &str| -> Vec<Vec<u8>> {
        let crlf = t.replace('\n', "\r\n");
        vec![
            t.as_bytes().to_vec(),
            crlf.as_bytes().to_vec(),
            sv(t).as_bytes().to_vec(),
            csvio::encode(&sv(&crlf), csvio::Encoding::Windows1252),
        ]
    };
    let good_index = csvio::read_price_index(
        "year,index,basis,source\n2019,334.26,årsmedel,kpi\n2025,415.51,oktober,kpi\n".as_bytes(),
    )
    .unwrap();
    let mut index_errors = Vec::new();
    for bytes in variants(index_lf) {
        index_errors.push(messages(&csvio::read_price_index(&bytes).unwrap_err()));
    }
    assert!(
        index_errors.iter().all(|e| *e == index_errors[0]),
        "{index_errors:?}"
    );
    assert_eq!(
        index_errors[0],
        ["line 4, column 'index': price index level for 2020 must be positive, not -1"]
    );
    let mut file_errors = Vec::new();
    for bytes in variants(file_lf) {
        file_errors.push(messages(
            &csvio::read_factor_table_priced(&bytes, info(Some(2025)), &good_index).unwrap_err(),
        ));
    }
    assert!(
        file_errors.iter().all(|e| *e == file_errors[0]),
        "{file_errors:?}"
    );
    assert_eq!(
        file_errors[0],
        ["line 3, column 'price_year': no price index level for 2018"]
    );
    // Without the bad row every dialect converts 885.5 (2019) to the same 1 100.74:
    // 885.5 × 415.51 / 334.26 = 1 100.7422… (worked by hand).
    let ok_lf = "fraction,route,ef_kgco2e_per_t,ef_source,cf_sek_per_t,price_year,cf_source\nfood,incineration,0,s,885.5,2019,s\n";
    for bytes in variants(ok_lf) {
        let t = csvio::read_factor_table_priced(&bytes, info(Some(2025)), &good_index).unwrap();
        let f = t
            .cost(&FractionId::from("food"), Route::Incineration)
            .unwrap();
        assert_eq!(f.value.central(), SekPerTonne::new(dec!(1100.74)));
    }
}
