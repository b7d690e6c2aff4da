//! The method pages' source lists are `sources.csv`, rendered: a planner reading
//! `docs/method.sv.md` or `docs/method.en.md` sees the same titles, URLs and notes as the
//! app's sources dialog. `UPDATE_GOLDEN=1` rewrites the lists after a data change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calc_core::SourceKind;
use std::path::PathBuf;

fn catalogue() -> &'static factors::Catalogue {
    match factors::builtin() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

/// One bullet per source: id, kind, title, publisher, year, URL, locator and note, in the
/// page's language.
fn render(swedish: bool) -> String {
    let mut out = String::new();
    for s in &catalogue().sources {
        let kind = match (s.kind, swedish) {
            (SourceKind::Published, false) => "published",
            (SourceKind::Derived, false) => "derived",
            (SourceKind::Estimate, false) => "estimate",
            (SourceKind::Published, true) => "publicerad",
            (SourceKind::Derived, true) => "härledd",
            (SourceKind::Estimate, true) => "uppskattning",
        };
        out.push_str(&format!(
            "- `{}` ({kind}): {}. {}",
            s.id, s.title, s.publisher
        ));
        if let Some(y) = s.year {
            out.push_str(&format!(", {y}"));
        }
        out.push('.');
        if !s.url.is_empty() {
            out.push_str(&format!(" <{}>", s.url));
        }
        if !s.locator.is_empty() {
            out.push_str(&format!(" — {}", s.locator));
        }
        let note = if swedish && !s.note_sv.is_empty() {
            &s.note_sv
        } else {
            &s.note
        };
        if !note.is_empty() {
            out.push_str(&format!(" ({note})"));
        }
        out.push('\n');
    }
    out
}

fn check(file: &str, heading: &str, swedish: bool) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find(heading).unwrap() + heading.len();
    // The list runs to the end of the page.
    let current = text[start..].trim_start_matches('\n');
    let wanted = render(swedish);
    if current != wanted {
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, format!("{}\n{wanted}", &text[..start])).unwrap();
        } else {
            panic!(
                "{file}: the source list is not sources.csv rendered (UPDATE_GOLDEN=1 rewrites it)"
            );
        }
    }
}

#[test]
fn method_pages_list_the_sources_as_the_data_has_them() {
    check("method.en.md", "## Sources\n", false);
    check("method.sv.md", "## Källor\n", true);
}
