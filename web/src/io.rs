//! Import and export: a thin adapter over calc-core's CSV and JSON writers, plus the
//! browser plumbing (reading a chosen file, downloading a Blob).

use crate::i18n::{K, t, tf};
use calc_core::csvio::{Dialect, Lang, write_results_csv_named, write_scenario_csv};
use calc_core::{Evaluation, ResultsJson, Scenario};
use wasm_bindgen::JsCast;

/// The largest scenario file the app imports: 5 MiB (about 60 000 rows, parsed in well
/// under a second). A larger file is refused before it is read, so a 50 MB file cannot
/// freeze the tab; the command-line tool reads files of any size.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

/// What reading a chosen file gave: its name and its bytes, or why it could not be read.
#[derive(Debug)]
pub enum Picked {
    /// Over [`MAX_IMPORT_BYTES`]: refused before reading (name, size in bytes).
    TooLarge(String, u64),
    /// Read (name, bytes).
    Read(String, Vec<u8>),
    /// The browser could not read it (name, its error).
    Failed(String, String),
}

/// Reads the file chosen in a file input's `change` event and hands the outcome to `done`
/// (asynchronously for a read); clears the input so the same file can be chosen again.
/// Nothing happens when no file was chosen.
pub fn read_chosen_file(e: &web_sys::Event, done: impl FnOnce(Picked) + 'static) {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|l| l.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    // `size()` is a JS number of bytes; a negative or fractional one cannot occur.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let size = file.size() as u64;
    if size > MAX_IMPORT_BYTES {
        done(Picked::TooLarge(name, size));
        return;
    }
    let file = gloo::file::File::from(file);
    yew::platform::spawn_local(async move {
        done(match gloo::file::futures::read_as_bytes(&file).await {
            Ok(bytes) => Picked::Read(name, bytes),
            Err(err) => Picked::Failed(name, err.to_string()),
        });
    });
}

/// The message for a file over [`MAX_IMPORT_BYTES`], with both sizes in MB.
#[must_use]
pub fn too_large_text(file: &str, bytes: u64, lang: Lang) -> String {
    let mb = |b: u64| {
        calc_core::csvio::format_number(
            rust_decimal::Decimal::from(b) / rust_decimal::Decimal::from(1024 * 1024),
            1,
            lang,
        )
    };
    let limit = mb(MAX_IMPORT_BYTES);
    let size = mb(bytes);
    tf(
        lang,
        K::FileTooLarge,
        &[("file", &file), ("size", &size), ("limit", &limit)],
    )
}

/// Results as CSV for Excel in Swedish locale (`;`, decimal comma, UTF-8 with BOM), with
/// each measure's name in `lang` next to its id.
#[must_use]
pub fn results_csv(e: &Evaluation, lang: Lang) -> String {
    let names = |id: &calc_core::MeasureId| crate::settings::measure_name_by_id(id.as_str(), lang);
    write_results_csv_named(e, Dialect::EXCEL_SV, lang, &names)
}

/// What the toolbar exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The results as CSV.
    ResultsCsv,
    /// The results as JSON.
    ResultsJson,
    /// The scenario as a scenario file (CSV).
    ScenarioCsv,
}

/// The name of an exported file: one scheme per language, the scenario's stem and then
/// `resultat.csv`, `resultat.json`, `scenario.csv` in Swedish and `results.csv`,
/// `results.json`, `scenario.csv` in English.
#[must_use]
pub fn export_file_name(stem: &str, what: Export, lang: Lang) -> String {
    let tail = match what {
        Export::ResultsCsv => K::FileResultsCsv,
        Export::ResultsJson => K::FileResultsJson,
        Export::ScenarioCsv => K::FileScenarioCsv,
    };
    format!("{stem}-{}", t(lang, tail))
}

/// Results as the documented JSON (`docs/results.schema.json`).
#[must_use]
pub fn results_json(e: &Evaluation) -> String {
    // Cannot fail: the results format is strings, numbers (decimals as strings) and
    // lists, all of which serde_json writes (the CLI's golden JSON tests cover it).
    serde_json::to_string_pretty(&ResultsJson::new(e)).unwrap_or_default()
}

/// The scenario as a scenario CSV that the import (and the CLI) reads back.
#[must_use]
pub fn scenario_csv(s: &Scenario, lang: Lang) -> String {
    write_scenario_csv(s, Dialect::EXCEL_SV, lang)
}

/// A file name from a scenario name: letters, digits and `-` only.
#[must_use]
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'Å' | 'Ä' => 'a',
            'ö' | 'Ö' => 'o',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "avfallskalkyl".to_string()
    } else {
        format!("avfallskalkyl-{stem}")
    }
}

/// Offers `text` as a download named `file_name` (a Blob URL; no network request).
pub fn download(text: &str, file_name: &str, mime: &str) {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(&url);
    a.set_download(file_name);
    a.set_rel("noopener");
    a.click();
    // Revoke after the click has been handled.
    gloo::timers::callback::Timeout::new(1_000, move || drop(url)).forget();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Settings, catalogue, evaluate_settings};
    use calc_core::csvio::{ScenarioContext, read_scenarios};

    #[test]
    fn export_names_follow_the_interface_language() {
        let stem = file_stem("Plan B – åäö");
        assert_eq!(stem, "avfallskalkyl-plan-b---aao");
        let names = |lang| {
            [Export::ResultsCsv, Export::ResultsJson, Export::ScenarioCsv]
                .map(|w| export_file_name(&stem, w, lang))
        };
        assert_eq!(
            names(Lang::Sv),
            [
                "avfallskalkyl-plan-b---aao-resultat.csv",
                "avfallskalkyl-plan-b---aao-resultat.json",
                "avfallskalkyl-plan-b---aao-scenario.csv"
            ]
        );
        assert_eq!(
            names(Lang::En),
            [
                "avfallskalkyl-plan-b---aao-results.csv",
                "avfallskalkyl-plan-b---aao-results.json",
                "avfallskalkyl-plan-b---aao-scenario.csv"
            ]
        );
    }

    #[test]
    fn results_csv_names_each_measure_in_the_interface_language() {
        let cat = catalogue().unwrap();
        let e = evaluate_settings(&Settings::defaults(cat), cat).unwrap();
        let m = &cat.measures[0];
        for (lang, name) in [(Lang::Sv, &m.name_sv), (Lang::En, &m.name_en)] {
            let text = results_csv(&e, lang);
            let row = text
                .lines()
                .find(|l| l.split(';').nth(3) == Some(m.id.as_str()))
                .unwrap();
            assert_eq!(
                row.split(';').nth(4),
                Some(name.as_str()),
                "{lang:?}: {row}"
            );
        }
    }

    /// A formula as a scenario name is text in both exports, and the scenario file reads
    /// back with the original name.
    #[test]
    fn exports_neutralise_formula_names() {
        let cat = catalogue().unwrap();
        let mut s = Settings::defaults(cat);
        s.name = "=HYPERLINK(\"http://x\";\"a\")".to_string();
        let e = evaluate_settings(&s, cat).unwrap();
        let results = results_csv(&e, Lang::Sv);
        assert!(
            results
                .lines()
                .skip(1)
                .all(|l| l.starts_with("\"'=HYPERLINK(")),
            "{results}"
        );
        let scenario = s.to_scenario(cat);
        let file = scenario_csv(&scenario, Lang::Sv);
        assert!(file.lines().nth(1).unwrap().starts_with("\"'=HYPERLINK("));
        let ctx = ScenarioContext::new(
            cat.measures.iter().cloned(),
            cat.municipalities.iter().cloned(),
        );
        let back = read_scenarios(file.as_bytes(), &ctx).unwrap();
        assert_eq!(back.scenarios[0].name, s.name);
    }
}
