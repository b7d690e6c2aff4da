//! localStorage failures: each gives a message and keeps the user's other data.
use super::*;
use web::i18n::Lang;
use web::settings::{Settings, catalogue};
use web::storage::{self, BACKUP_KEY, KEY, SavedScenario, StorageNote};

fn ls() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    ls().remove_item(KEY).unwrap();
    ls().remove_item(BACKUP_KEY).unwrap();
    for n in 2..=20 {
        ls().remove_item(&format!("{BACKUP_KEY}.{n}")).unwrap();
    }
    // Resets the "newer layout" guard of an earlier test.
    let _ = storage::load();
}

fn saved(name: &str) -> SavedScenario {
    let mut settings = Settings::defaults(catalogue().unwrap());
    settings.name = name.to_string();
    SavedScenario { settings }
}

/// Fills localStorage until not one more character fits; returns the filler keys.
fn fill() -> Vec<String> {
    let mut keys = Vec::new();
    let mut size = 1 << 20;
    while size > 0 {
        let key = format!("test.filler.{}", keys.len());
        if ls().set_item(&key, &"x".repeat(size)).is_ok() {
            keys.push(key);
        } else {
            size /= 2;
        }
    }
    keys
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_and_keeps_what_was_stored() {
    clear();
    let old = storage::serialize(&[saved("A")]);
    ls().set_item(KEY, &old).unwrap();
    let fillers = fill();
    let list = vec![saved("A"), saved("B")];
    let mut notes = Vec::new();
    storage::store(&list, &mut notes);
    storage::store(&list, &mut notes);
    for k in &fillers {
        ls().remove_item(k).unwrap();
    }
    assert_eq!(
        ls().get_item(KEY).unwrap(),
        Some(old),
        "stored entry unchanged"
    );
    assert_eq!(list.len(), 2, "the scenarios in the tab are kept");
    let [StorageNote::WriteFailed { detail }] = notes.as_slice() else {
        panic!("one note expected: {notes:?}");
    };
    assert!(detail.starts_with("QuotaExceededError: "), "{detail}");
    assert_eq!(
        notes[0].message(Lang::En),
        format!(
            "The browser does not allow saving scenarios (private mode or full storage). ({detail})"
        )
    );
    assert_eq!(
        notes[0].message(Lang::Sv),
        format!(
            "Webbläsaren tillåter inte att scenarier sparas (privat läge eller fullt lagringsutrymme). ({detail})"
        )
    );
    clear();
}

#[wasm_bindgen_test]
fn a_newer_record_is_reported_and_never_overwritten() {
    clear();
    let newer = r#"{"version": 99, "scenarios": [{"future": true}]}"#;
    ls().set_item(KEY, newer).unwrap();
    let (list, notes) = storage::load();
    assert!(list.is_empty());
    assert_eq!(notes, [StorageNote::Newer { version: 99 }]);
    assert_eq!(
        notes[0].message(Lang::En),
        "Saved scenarios come from a newer version of Avfallskalkyl and are left untouched."
    );
    let mut notes = notes;
    storage::store(&[saved("B")], &mut notes);
    assert_eq!(ls().get_item(KEY).unwrap().as_deref(), Some(newer));
    assert_eq!(notes[1], StorageNote::NotSavedNewer { version: 99 });
    assert_eq!(
        notes[1].message(Lang::Sv),
        "Scenariot sparades inte: de sparade scenarierna kommer från en nyare version av Avfallskalkyl och skrivs inte över."
    );
    assert_eq!(
        notes[1].message(Lang::En),
        "The scenario was not saved: the saved scenarios come from a newer version of Avfallskalkyl and are not overwritten."
    );
    clear();
}

#[wasm_bindgen_test]
fn a_corrupt_record_is_reported_and_backed_up_before_a_save() {
    clear();
    ls().set_item(KEY, "{not json").unwrap();
    let (list, notes) = storage::load();
    assert!(list.is_empty());
    assert_eq!(
        notes
            .iter()
            .map(|n| n.message(Lang::En))
            .collect::<Vec<_>>(),
        [
            "Saved scenarios could not be read. The original is kept in the browser under the key avfallskalkyl.scenarios.backup: key must be a string at line 1 column 2"
        ]
    );
    assert_eq!(
        ls().get_item(BACKUP_KEY).unwrap().as_deref(),
        Some("{not json")
    );
    let mut notes = Vec::new();
    storage::store(&[saved("B")], &mut notes);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(
        ls().get_item(BACKUP_KEY).unwrap().as_deref(),
        Some("{not json"),
        "the backup survives the save"
    );
    let (list, notes) = storage::load();
    assert_eq!(list, [saved("B")]);
    assert!(notes.is_empty());
    clear();
}

#[wasm_bindgen_test]
fn a_second_corruption_does_not_overwrite_the_first_backup() {
    clear();
    ls().set_item(KEY, "{first").unwrap();
    let _ = storage::load();
    ls().set_item(KEY, "[second").unwrap();
    let (_, notes) = storage::load();
    assert_eq!(
        notes
            .iter()
            .map(|n| n.message(Lang::Sv))
            .collect::<Vec<_>>(),
        [
            "Sparade scenarier kunde inte läsas. Originalet finns kvar i webbläsaren under nyckeln avfallskalkyl.scenarios.backup.2: expected value at line 1 column 2"
        ]
    );
    assert_eq!(
        ls().get_item(BACKUP_KEY).unwrap().as_deref(),
        Some("{first")
    );
    assert_eq!(
        ls().get_item(&format!("{BACKUP_KEY}.2"))
            .unwrap()
            .as_deref(),
        Some("[second")
    );
    // Reading the same broken entry again reuses its backup.
    let (_, notes) = storage::load();
    assert!(
        notes[0]
            .message(Lang::En)
            .contains("under the key avfallskalkyl.scenarios.backup.2: ")
    );
    assert_eq!(ls().get_item(&format!("{BACKUP_KEY}.3")).unwrap(), None);
    clear();
}

#[wasm_bindgen_test]
fn one_corrupt_scenario_keeps_the_others() {
    clear();
    let good = serde_json::to_value(saved("A")).unwrap();
    let text = serde_json::json!({"version": 1, "scenarios": [good, {"oops": 1}]}).to_string();
    ls().set_item(KEY, &text).unwrap();
    let (list, notes) = storage::load();
    assert_eq!(list, [saved("A")]);
    assert_eq!(
        notes
            .iter()
            .map(|n| n.message(Lang::En))
            .collect::<Vec<_>>(),
        [
            "A saved scenario could not be read and was copied to avfallskalkyl.scenarios.backup: #2: missing field `settings`"
        ]
    );
    assert_eq!(ls().get_item(BACKUP_KEY).unwrap(), Some(text));
    clear();
}
