//! Import and export: a thin adapter over calc-core's CSV and JSON writers, plus the
//! browser plumbing (reading a chosen file, downloading a Blob).

use calc_core::csvio::{Dialect, Lang, write_results_csv, write_scenario_csv};
use calc_core::{Evaluation, ResultsJson, Scenario};
use wasm_bindgen::JsCast;

/// The largest scenario file the app imports: 5 MiB (about 60 000 rows, parsed in well
/// under a second). A larger file is refused before it is read, so a 50 MB file cannot
/// freeze the tab; the command-line tool reads files of any size.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

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
    match lang {
        Lang::Sv => format!(
            "{file}: filen är {size} MB, webbläsaren läser in högst {limit} MB. Använd kommandoradsverktyget (avfallskalkyl evaluate) för större filer."
        ),
        Lang::En => format!(
            "{file}: the file is {size} MB, the browser imports at most {limit} MB. Use the command-line tool (avfallskalkyl evaluate) for larger files."
        ),
    }
}

/// Results as CSV for Excel in Swedish locale (`;`, decimal comma, UTF-8 with BOM).
#[must_use]
pub fn results_csv(e: &Evaluation, lang: Lang) -> String {
    write_results_csv(e, Dialect::EXCEL_SV, lang)
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
