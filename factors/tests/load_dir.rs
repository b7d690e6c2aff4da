//! A catalogue from a directory of one's own (issue 25 §4): the built-in files read from
//! disk give the built-in catalogue; a broken file is named with its line.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[test]
fn the_data_directory_reads_as_the_built_in_catalogue() {
    let mine = factors::load_dir(&data()).unwrap();
    let builtin = factors::builtin().unwrap();
    let ids = |c: &factors::Catalogue| {
        c.measures
            .iter()
            .map(|m| m.id.0.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&mine), ids(builtin));
    assert_eq!(mine.pools, builtin.pools);
    assert_eq!(mine.sources.len(), builtin.sources.len());
}

#[test]
fn a_broken_or_missing_file_is_named() {
    let dir = std::env::temp_dir().join(format!("avfallskalkyl-load-dir-{}", std::process::id()));
    copy_dir(&data(), &dir);
    let pools = std::fs::read_to_string(dir.join("pools.csv")).unwrap();
    let mut lines: Vec<&str> = pools.lines().collect();
    let broken = lines[1].replacen(',', ",,,", 1);
    lines[1] = &broken;
    std::fs::write(dir.join("pools.csv"), lines.join("\n")).unwrap();
    let e = factors::load_dir(&dir).unwrap_err();
    assert_eq!(e.file, "pools.csv");
    assert_eq!(e.unreadable, None);
    assert_eq!(e.errors[0].line, 2, "{e}");
    std::fs::remove_file(dir.join("measures.csv")).unwrap();
    std::fs::write(dir.join("pools.csv"), pools).unwrap();
    let e = factors::load_dir(&dir).unwrap_err();
    assert_eq!(e.file, "measures.csv");
    assert!(
        e.to_string()
            .starts_with("data file measures.csv could not be read: "),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
