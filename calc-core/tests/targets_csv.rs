//! The baseline (own figures), targets and actuals files: Excel dialects, Swedish and
//! English headers, exact line/column messages, round trips (issue 12).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use calc_core::csvio::{self, Dialect, Encoding, Lang};
use calc_core::*;
use common::*;
use std::sync::Arc;

fn pools() -> Vec<Arc<Pool>> {
    let mut kitchen = Pool::clone(&pool(
        "school_kitchen_food",
        "food",
        "1",
        RouteMix::single(Route::AnaerobicDigestion),
    ));
    kitchen.basis = QuantityBasis::PerPortion {
        grams: GramsPerPortion::new(d("56")).unwrap(),
        portions_per_inhabitant: d("20"),
    };
    vec![food_pool("household_food", "56"), Arc::new(kitchen)]
}

fn towns() -> Vec<Arc<Municipality>> {
    let mut boras = Municipality::clone(&town("1490", 114_872));
    boras.name = "Borås".into();
    let mut mark = Municipality::clone(&town("1463", 35_155));
    mark.name = "Mark".into();
    vec![Arc::new(boras), Arc::new(mark)]
}

fn messages(errors: &[csvio::CsvError], lang: Lang) -> Vec<String> {
    errors.iter().map(|e| e.message(lang)).collect()
}

/// As Excel in Swedish locale saves it: BOM, `;`, decimal comma, CRLF, Swedish headers.
const BASELINE_SV: &str = "\u{feff}kommun;pool;år;ton;kg_per_invånare;g_per_portion;rötning_procent;energiåtervinning_procent;källa\r\n\
Borås;household_food;2023;5 800,5;;;72,5;27,5;Borås Energi och Miljö, plockanalys 2023\r\n\
1463;household_food;2022;;48;;;;Kolada U07482\r\n\
Mark;school_kitchen_food;2022;;;61,5;;;Egen mätning\r\n";

#[test]
fn baseline_in_swedish_excel_dialect_reads_and_round_trips() {
    let own = csvio::read_own_figures(BASELINE_SV.as_bytes(), &pools(), &towns()).unwrap();
    assert_eq!(own.rows.len(), 3);
    let b = &own.rows[0];
    assert_eq!(b.municipality, ScbCode::from("1490"));
    assert_eq!(b.year, Year(2023));
    assert_eq!(
        b.quantity,
        Some(OwnQuantity::Tonnes(Tonnes::new(d("5800.5"))))
    );
    let mix = b.routes.as_ref().unwrap();
    assert_eq!(mix.share(Route::AnaerobicDigestion), share("0.725"));
    assert_eq!(mix.share(Route::Incineration), share("0.275"));
    assert_eq!(b.source, "Borås Energi och Miljö, plockanalys 2023");
    assert_eq!(
        own.rows[1].quantity,
        Some(OwnQuantity::KgPerInhabitant(
            KgPerInhabitant::new(d("48")).unwrap()
        ))
    );
    assert_eq!(own.rows[1].routes, None);
    assert_eq!(
        own.rows[2].quantity,
        Some(OwnQuantity::GramsPerPortion(
            GramsPerPortion::new(d("61.5")).unwrap()
        ))
    );
    for (dialect, lang) in [(Dialect::EXCEL_SV, Lang::Sv), (Dialect::PLAIN, Lang::En)] {
        let text = csvio::write_own_figures(&own, &towns(), dialect, lang);
        let back =
            csvio::read_own_figures(&csvio::encode(&text, dialect.encoding), &pools(), &towns())
                .unwrap();
        assert_eq!(back, own, "{text}");
    }
    let sv = csvio::write_own_figures(&own, &towns(), Dialect::EXCEL_SV, Lang::Sv);
    assert!(
        sv.starts_with("\u{feff}kommun;pool;år;ton;kg_per_invånare;"),
        "{sv}"
    );
    assert!(
        sv.contains("\nBorås;household_food;2023;5800,5;;;;;;72,5;;27,5;;"),
        "{sv}"
    );
}

#[test]
fn baseline_in_windows_1252_with_crlf_reads() {
    let text = "kommun;pool;år;kg_per_invånare;källa\r\nBorås;household_food;2021;61,2;Kolada U07482 (år 2021)\r\n";
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| csvio::windows_1252_byte(c).unwrap())
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    let own = csvio::read_own_figures(&bytes, &pools(), &towns()).unwrap();
    assert_eq!(own.rows[0].municipality, ScbCode::from("1490"));
    assert_eq!(own.rows[0].source, "Kolada U07482 (år 2021)");
    assert_eq!(
        own.rows[0].quantity,
        Some(OwnQuantity::KgPerInhabitant(
            KgPerInhabitant::new(d("61.2")).unwrap()
        ))
    );
}

#[test]
fn baseline_errors_name_line_column_and_text() {
    let text = "municipality,pool,year,tonnes,kg_per_inhabitant,g_per_portion,anaerobic_digestion_pct,incineration_pct,source\r\n\
Borås,household_fod,2023,100,,,,,a\r\n\
Borås,household_food,2023,100,50,,,,b\r\n\
Mark,household_food,2023,,,,70,20,c\r\n\
Mark,household_food,23,,,,,,d\r\n\
Mark,household_food,2024,,,30,,,e\r\n\
Ulricehamn,household_food,2024,,,,,,f\r\n\
Mark,household_food,2024,-5,,,,,\r\n\
Borås,school_kitchen_food,2023,,,40,,,g\r\n\
Borås,school_kitchen_food,2024,,,41,,,h\r\n";
    let errors = csvio::read_own_figures(text.as_bytes(), &pools(), &towns()).unwrap_err();
    assert_eq!(
        messages(&errors, Lang::En),
        [
            "line 2, column 'pool': unknown pool 'household_fod'; did you mean 'household_food'?",
            "line 3, column 'kg_per_inhabitant': fill in exactly one of 'tonnes', 'kg_per_inhabitant', 'g_per_portion'",
            "line 4, column 'anaerobic_digestion_pct': route shares sum to 90 %, not 100 %",
            "line 5, column 'year': '23' is not a year between 1900 and 2200",
            "line 6, column 'g_per_portion': grams per portion only for a pool counted in portions (the municipal kitchens); household_food is not",
            "line 7, column 'municipality': unknown municipality 'Ulricehamn'",
            "line 8, column 'tonnes': -5 is negative: it must be 0 or more",
            "line 8, column 'source': the source is empty: say where the figures come from",
            "line 10, column 'pool': 'Borås school_kitchen_food' is a duplicate of line 9",
        ]
    );
    assert_eq!(
        errors[0].message(Lang::Sv),
        "rad 2, kolumn 'pool': okänd avfallspool 'household_fod'; menade du 'household_food'?"
    );
    // The same file as Excel in Swedish saves it (`;`, decimal comma, Windows-1252), with
    // LF or CRLF: the same error lines, with the same numbers (-5,0 is -5).
    let excel = text.replace(',', ";").replace(";-5;", ";-5,0;");
    for variant in [
        csvio::encode(&excel, Encoding::Windows1252),
        csvio::encode(&excel.replace("\r\n", "\n"), Encoding::Windows1252),
        excel.replace("\r\n", "\n").into_bytes(),
    ] {
        let again = csvio::read_own_figures(&variant, &pools(), &towns()).unwrap_err();
        assert_eq!(messages(&again, Lang::En), messages(&errors, Lang::En));
    }
}

const TARGETS: &str = "id;målområde;text_sv;indikator;pooler;kommun;basår;basvärde;baskälla;målvärde;förändring_procent;målår;källa\r\n\
halve;food;Matsvinnet ska halveras;food_waste_kg_per_inhabitant;household_food;;2021;15;nv;;-50;2030;plan\r\n\
halve;;;;;Borås;2021;12,4;Borås plockanalys 2021;;;;\r\n\
biogas;food;Minst 60 %;food_waste_to_biogas_pct;household_food|school_kitchen_food;;2021;;;60;;2030;plan\r\n";

#[test]
fn targets_read_with_municipal_bases_and_round_trip() {
    let targets = csvio::read_targets(TARGETS.as_bytes(), &pools(), &towns()).unwrap();
    assert_eq!(targets.len(), 2);
    let t = &targets[0];
    assert_eq!(t.indicator, Indicator::FoodWasteKgPerInhabitant);
    assert_eq!(t.target, TargetValue::ChangePercent(d("-50")));
    assert_eq!(t.base.value, Some(d("15")));
    assert_eq!(t.bases.len(), 1);
    assert_eq!(t.bases[0].0, ScbCode::from("1490"));
    assert_eq!(t.bases[0].1.value, Some(d("12.4")));
    assert_eq!(t.bases[0].1.source, "Borås plockanalys 2021");
    // Borås's own base: 12.4 − 50 % = 6.2 kg.
    let (b, own) = t.base_for(&ScbCode::from("1490"));
    assert!(own);
    assert_eq!(t.target_value(b.value.unwrap()), Some(d("6.2")));
    assert_eq!(targets[1].pools.len(), 2);
    assert_eq!(targets[1].base.value, None);
    for (dialect, lang) in [(Dialect::EXCEL_SV, Lang::Sv), (Dialect::PLAIN, Lang::En)] {
        let text = csvio::write_targets(&targets, &towns(), dialect, lang);
        let back = csvio::read_targets(&csvio::encode(&text, dialect.encoding), &pools(), &towns())
            .unwrap();
        assert_eq!(back, targets, "{text}");
    }
}

#[test]
fn target_errors_name_line_column_and_text() {
    let text = "id,indicator,municipality,base_year,target_value,target_change_pct,target_year,source\n\
a,food_waste_kg,,2021,7,,2030,plan\n\
b,food_waste_kg_per_inhabitant,,2021,7,-50,2030,plan\n\
c,food_waste_kg_per_inhabitant,,2021,7,,2020,plan\n\
d,food_waste_kg_per_inhabitant,Mark,2021,,,,\n\
e,food_waste_kg_per_inhabitant,,2021,,,2030,plan\n\
f,food_waste_kg_per_inhabitant,,2021,7,,2030,\n\
g,food_waste_kg_per_inhabitant,,2021,7,,2030,plan\n\
g,food_waste_kg_per_inhabitant,,2021,8,,2030,plan\n";
    let errors = csvio::read_targets(text.as_bytes(), &pools(), &towns()).unwrap_err();
    assert_eq!(
        messages(&errors, Lang::En),
        [
            "line 2, column 'indicator': unknown indicator 'food_waste_kg'; did you mean 'food_waste_kg_per_inhabitant'?",
            "line 3, column 'target_value': fill in exactly one of 'target_value', 'target_change_pct'",
            "line 4, column 'target_year': year 2020 comes before 2021",
            "line 5, column 'id': unknown target 'd'",
            "line 6, column 'target_value': fill in exactly one of 'target_value', 'target_change_pct'",
            "line 7, column 'source': a value is required",
            "line 9, column 'id': 'g' is a duplicate of line 8",
        ]
    );
    assert_eq!(
        errors[4].message(Lang::Sv),
        "rad 6, kolumn 'target_value': fyll i exakt en av 'target_value', 'target_change_pct'"
    );
}

#[test]
fn actuals_read_round_trip_and_errors() {
    let text = "kommun;indikator;år;värde;källa\r\nBorås;food_waste_kg_per_inhabitant;2023;13,1;Plockanalys\r\nMark;food_waste_to_biogas_pct;2023;52;Kolada\r\n";
    let actuals = csvio::read_actuals(text.as_bytes(), &towns()).unwrap();
    assert_eq!(actuals.len(), 2);
    assert_eq!(actuals[0].value, d("13.1"));
    assert_eq!(actuals[1].indicator, Indicator::FoodWasteToBiogasPercent);
    for (dialect, lang) in [(Dialect::EXCEL_SV, Lang::Sv), (Dialect::PLAIN, Lang::En)] {
        let out = csvio::write_actuals(&actuals, &towns(), dialect, lang);
        let back = csvio::read_actuals(&csvio::encode(&out, dialect.encoding), &towns()).unwrap();
        assert_eq!(back, actuals, "{out}");
    }
    let windows: Vec<u8> = csvio::encode(text, Encoding::Windows1252);
    assert_eq!(csvio::read_actuals(&windows, &towns()).unwrap(), actuals);

    let bad = "municipality,indicator,year,value\nBorås,food_waste_kg_per_inhabitant,2023,13.1\nBorås,food_waste_kg_per_inhabitant,2023,12\nMark,food_waste_kg_per_inhabitant,2023,12,5\nMark,share,2023,x\n";
    let errors = csvio::read_actuals(bad.as_bytes(), &towns()).unwrap_err();
    assert_eq!(
        messages(&errors, Lang::En),
        ["line 4: found 5 fields, the header has 4"]
    );
    let bad = "municipality,indicator,year,value\nBorås,food_waste_kg_per_inhabitant,2023,13.1\nBorås,food_waste_kg_per_inhabitant,2023,12\nMark,share,2023,x\n";
    let errors = csvio::read_actuals(bad.as_bytes(), &towns()).unwrap_err();
    assert_eq!(
        messages(&errors, Lang::Sv),
        [
            "rad 3, kolumn 'year': '2023' är en dubblett av rad 2",
            "rad 4, kolumn 'indicator': okänd indikator 'share'",
            "rad 4, kolumn 'value': 'x' är inte ett tal",
        ]
    );
    // The rule is Actual::new's (every indicator is a quantity or a share), the same the
    // app's form shows.
    let negative =
        "municipality,indicator,year,value\nBorås,food_waste_kg_per_inhabitant,2023,-2.5\n";
    let errors = csvio::read_actuals(negative.as_bytes(), &towns()).unwrap_err();
    assert_eq!(
        messages(&errors, Lang::Sv),
        ["rad 2, kolumn 'value': -2,5 är negativt: det måste vara 0 eller mer"]
    );
}
