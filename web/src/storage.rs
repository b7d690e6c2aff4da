//! Saved scenarios in the browser's localStorage, as versioned JSON.
//!
//! The entry under [`KEY`] is `{"version": 1, "scenarios": [{"name": …, "saved": …,
//! "settings": {…}}, …]}`. Reading never drops anything silently: an older layout
//! (version 0: a bare array of settings) is migrated and reported, an entry that cannot be
//! read is reported and copied to [`BACKUP_KEY`] before anything is written over it, and a
//! layout from a newer version of the app is reported and left untouched.

use crate::state::Settings;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The localStorage key.
pub const KEY: &str = "avfallskalkyl.scenarios";
/// Where an unreadable entry is kept.
pub const BACKUP_KEY: &str = "avfallskalkyl.scenarios.backup";
/// The layout version this app writes.
pub const VERSION: u64 = 1;

/// One saved scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedScenario {
    /// The settings (the name is `settings.name`).
    pub settings: Settings,
}

#[derive(Serialize)]
struct StoreOut<'a> {
    version: u64,
    scenarios: &'a [SavedScenario],
}

/// Something found while reading or writing saved scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNote {
    /// An older layout was migrated to the current one.
    Migrated {
        /// The old version.
        from: u64,
    },
    /// The entry is not readable JSON; it was kept under [`BACKUP_KEY`].
    Corrupt {
        /// What the parser said.
        detail: String,
    },
    /// One saved scenario could not be read; it is kept in the stored entry.
    BadScenario {
        /// Its position (1-based).
        index: usize,
        /// What is wrong.
        detail: String,
    },
    /// The entry was written by a newer version of the app; it is left untouched.
    Newer {
        /// Its version.
        version: u64,
    },
    /// The browser refused to store (private mode, full storage).
    WriteFailed,
    /// A saved scenario names measures or municipalities this catalogue lacks.
    Unknown {
        /// The scenario.
        scenario: String,
        /// The unknown ids.
        ids: Vec<String>,
    },
}

/// What [`parse`] found: the scenarios it could read, notes, and whether the stored text
/// must be kept (backed up) before it is overwritten.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Readable scenarios.
    pub scenarios: Vec<SavedScenario>,
    /// Notes for the user.
    pub notes: Vec<StorageNote>,
    /// Unreadable scenario entries, kept verbatim when writing back.
    pub unreadable: Vec<Value>,
    /// True when writing must not replace the entry (a newer layout).
    pub read_only: bool,
    /// True when the raw text should be backed up before writing.
    pub backup: bool,
}

fn read_list(list: &[Value], out: &mut Parsed, wrapped: bool) {
    for (i, v) in list.iter().enumerate() {
        let r = if wrapped {
            serde_json::from_value::<SavedScenario>(v.clone())
        } else {
            serde_json::from_value::<Settings>(v.clone()).map(|settings| SavedScenario { settings })
        };
        match r {
            Ok(s) => out.scenarios.push(s),
            Err(e) => {
                out.notes.push(StorageNote::BadScenario {
                    index: i + 1,
                    detail: e.to_string(),
                });
                out.unreadable.push(v.clone());
            }
        }
    }
}

/// Reads the stored text.
#[must_use]
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.notes.push(StorageNote::Corrupt {
                detail: e.to_string(),
            });
            out.backup = true;
            return out;
        }
    };
    match &value {
        Value::Array(list) => {
            // Version 0: a bare array of settings.
            read_list(list, &mut out, false);
            out.notes.push(StorageNote::Migrated { from: 0 });
            out.backup = true;
        }
        Value::Object(map) => match map.get("version").and_then(Value::as_u64) {
            Some(VERSION) => match map.get("scenarios") {
                Some(Value::Array(list)) => read_list(list, &mut out, true),
                _ => {
                    out.notes.push(StorageNote::Corrupt {
                        detail: "no \"scenarios\" list".to_string(),
                    });
                    out.backup = true;
                }
            },
            Some(v) if v > VERSION => {
                out.notes.push(StorageNote::Newer { version: v });
                out.read_only = true;
            }
            _ => {
                out.notes.push(StorageNote::Corrupt {
                    detail: "no valid \"version\"".to_string(),
                });
                out.backup = true;
            }
        },
        _ => {
            out.notes.push(StorageNote::Corrupt {
                detail: "not a JSON object".to_string(),
            });
            out.backup = true;
        }
    }
    out
}

/// The text to store for these scenarios.
#[must_use]
pub fn serialize(scenarios: &[SavedScenario]) -> String {
    serde_json::to_string(&StoreOut {
        version: VERSION,
        scenarios,
    })
    .unwrap_or_default()
}

/// Adds or replaces (by name) a scenario.
pub fn upsert(saved: &mut Vec<SavedScenario>, settings: &Settings) {
    let entry = SavedScenario {
        settings: settings.clone(),
    };
    match saved.iter_mut().find(|s| s.settings.name == settings.name) {
        Some(s) => *s = entry,
        None => saved.push(entry),
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads saved scenarios from localStorage. Unreadable data is backed up right away so a
/// later save cannot lose it.
#[must_use]
pub fn load() -> (Vec<SavedScenario>, Vec<StorageNote>) {
    let Some(ls) = local_storage() else {
        return (Vec::new(), Vec::new());
    };
    let Ok(Some(text)) = ls.get_item(KEY) else {
        return (Vec::new(), Vec::new());
    };
    let mut parsed = parse(&text);
    if (parsed.backup || !parsed.unreadable.is_empty()) && ls.set_item(BACKUP_KEY, &text).is_err() {
        parsed.notes.push(StorageNote::WriteFailed);
    }
    if parsed.read_only {
        READ_ONLY.with(|r| r.set(true));
    }
    let mut notes = parsed.notes;
    if let Some(cat) = crate::state::catalogue() {
        for s in &mut parsed.scenarios {
            let (norm, unknown) = s.settings.clone().normalized(cat);
            if !unknown.is_empty() {
                notes.push(StorageNote::Unknown {
                    scenario: norm.name.clone(),
                    ids: unknown,
                });
            }
            s.settings = norm;
        }
    }
    (parsed.scenarios, notes)
}

thread_local! {
    static READ_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Writes the scenarios to localStorage (not over a newer layout).
pub fn store(saved: &[SavedScenario], notes: &mut Vec<StorageNote>) {
    if READ_ONLY.with(std::cell::Cell::get) {
        return;
    }
    let ok = local_storage().is_some_and(|ls| ls.set_item(KEY, &serialize(saved)).is_ok());
    if !ok && !notes.contains(&StorageNote::WriteFailed) {
        notes.push(StorageNote::WriteFailed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Settings, catalogue};

    fn settings() -> Settings {
        Settings::defaults(catalogue().unwrap())
    }

    #[test]
    fn round_trips() {
        let saved = vec![SavedScenario {
            settings: settings(),
        }];
        let p = parse(&serialize(&saved));
        assert_eq!(p.scenarios, saved);
        assert!(p.notes.is_empty());
    }

    #[test]
    fn corrupt_text_is_reported_and_backed_up() {
        let p = parse("{not json");
        assert!(p.scenarios.is_empty());
        assert!(p.backup);
        assert!(matches!(p.notes.first(), Some(StorageNote::Corrupt { .. })));
    }

    #[test]
    fn version_zero_is_migrated() {
        let text = serde_json::to_string(&vec![settings()]).unwrap();
        let p = parse(&text);
        assert_eq!(p.scenarios.len(), 1);
        assert_eq!(p.notes, vec![StorageNote::Migrated { from: 0 }]);
    }

    #[test]
    fn newer_version_is_left_alone() {
        let p = parse(r#"{"version": 7, "scenarios": []}"#);
        assert!(p.read_only);
        assert_eq!(p.notes, vec![StorageNote::Newer { version: 7 }]);
    }

    #[test]
    fn one_bad_scenario_is_reported_not_dropped_silently() {
        let good = serde_json::to_value(SavedScenario {
            settings: settings(),
        })
        .unwrap();
        let text = serde_json::json!({"version": 1, "scenarios": [good, {"oops": 1}]}).to_string();
        let p = parse(&text);
        assert_eq!(p.scenarios.len(), 1);
        assert_eq!(p.unreadable.len(), 1);
        assert!(matches!(
            p.notes.first(),
            Some(StorageNote::BadScenario { index: 2, .. })
        ));
    }
}
