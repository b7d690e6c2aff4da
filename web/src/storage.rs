//! Saved scenarios in the browser's localStorage, as versioned JSON.
//!
//! The entry under [`KEY`] is `{"version": 1, "scenarios": [{"name": …, "saved": …,
//! "settings": {…}}, …]}`. Reading never drops anything silently: an older layout
//! (version 0: a bare array of settings) is migrated and reported, an entry that cannot be
//! read is reported and copied to [`BACKUP_KEY`] (or a numbered key after it, never over an
//! earlier backup) before anything is written over it, and a
//! layout from a newer version of the app is reported and left untouched.

use crate::i18n::{K, Lang, t};
use crate::settings::Settings;
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
    /// The entry is not readable JSON; it was kept under [`BACKUP_KEY`] (or `BACKUP_KEY.2`
    /// and on when that holds an earlier backup).
    Corrupt {
        /// What the parser said.
        detail: String,
        /// The key the original was kept under.
        backup: String,
    },
    /// One saved scenario could not be read; it is kept in the stored entry.
    BadScenario {
        /// Its position (1-based).
        index: usize,
        /// What is wrong.
        detail: String,
        /// The key the original entry was kept under.
        backup: String,
    },
    /// The entry was written by a newer version of the app; it is left untouched.
    Newer {
        /// Its version.
        version: u64,
    },
    /// The browser refused to store or read (private mode, full storage); what was
    /// stored before is unchanged.
    WriteFailed {
        /// The browser's reason (e.g. `QuotaExceededError`).
        detail: String,
    },
    /// A save was not written because the stored entry is from a newer version of the
    /// app (see [`StorageNote::Newer`]); it stays in this tab until it is closed.
    NotSavedNewer {
        /// The stored entry's version.
        version: u64,
    },
    /// A saved scenario had values outside the allowed ranges; they were adjusted.
    Adjusted {
        /// The scenario.
        scenario: String,
        /// What was adjusted.
        changes: Vec<crate::settings::SettingProblem>,
    },
    /// A saved scenario names measures or municipalities this catalogue lacks.
    Unknown {
        /// The scenario.
        scenario: String,
        /// The unknown ids.
        ids: Vec<String>,
    },
}

impl StorageNote {
    /// The message for the user.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StorageNote::Migrated { .. } => t(lang, K::StorageMigrated).to_string(),
            StorageNote::Corrupt { detail, backup } => {
                format!("{} {backup}: {detail}", t(lang, K::StorageCorrupt))
            }
            StorageNote::BadScenario {
                index,
                detail,
                backup,
            } => {
                format!("{} {backup}: #{index}: {detail}", t(lang, K::StorageBad))
            }
            StorageNote::Newer { .. } => t(lang, K::StorageNewer).to_string(),
            StorageNote::WriteFailed { detail } => {
                format!("{} ({detail})", t(lang, K::StorageWriteFailed))
            }
            StorageNote::NotSavedNewer { .. } => t(lang, K::StorageNotSavedNewer).to_string(),
            StorageNote::Adjusted { scenario, changes } => format!(
                "{} {scenario}: {}",
                t(lang, K::StorageAdjusted),
                changes
                    .iter()
                    .map(|c| c.message(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            StorageNote::Unknown { scenario, ids } => {
                format!(
                    "{} {scenario}: {}",
                    t(lang, K::StorageUnknown),
                    ids.join(", ")
                )
            }
        }
    }
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
                    backup: BACKUP_KEY.to_string(),
                });
                out.unreadable.push(v.clone());
            }
        }
    }
}

/// Parses JSON text into a [`Value`]. The app's only JSON parser: the share link's
/// settings go through it too ([`settings_from_json`]), so the .wasm holds one copy of
/// serde_json's reader (from bytes) and one of the settings' deserializer (from a `Value`),
/// not one per source (issue 16).
pub(crate) fn json_value(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice(bytes)
}

/// Settings from JSON bytes (a share link's), through [`json_value`]. A syntax error
/// names its line and column; a value of the wrong type names the field.
pub(crate) fn settings_from_json(bytes: &[u8]) -> Result<Settings, serde_json::Error> {
    json_value(bytes).and_then(serde_json::from_value)
}

/// Reads the stored text.
#[must_use]
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let value: Value = match json_value(text.as_bytes()) {
        Ok(v) => v,
        Err(e) => {
            out.notes.push(StorageNote::Corrupt {
                detail: e.to_string(),
                backup: BACKUP_KEY.to_string(),
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
                        backup: BACKUP_KEY.to_string(),
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
                    backup: BACKUP_KEY.to_string(),
                });
                out.backup = true;
            }
        },
        _ => {
            out.notes.push(StorageNote::Corrupt {
                detail: "not a JSON object".to_string(),
                backup: BACKUP_KEY.to_string(),
            });
            out.backup = true;
        }
    }
    out
}

/// The text to store for these scenarios.
#[must_use]
pub fn serialize(scenarios: &[SavedScenario]) -> String {
    // Cannot fail: settings are strings, numbers and string-keyed maps.
    serde_json::to_string(&StoreOut {
        version: VERSION,
        scenarios,
    })
    .unwrap_or_default()
}

/// The browser's reason for a refused storage call: a DOMException's name and message.
fn js_reason(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => format!("{}: {}", d.name(), d.message()),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

fn push_once(notes: &mut Vec<StorageNote>, note: StorageNote) {
    if !notes.contains(&note) {
        notes.push(note);
    }
}

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or_else(|| "no window".to_string())?;
    match window.local_storage() {
        Ok(Some(ls)) => Ok(ls),
        Ok(None) => Err("no localStorage".to_string()),
        Err(e) => Err(js_reason(&e)),
    }
}

/// Reads saved scenarios from localStorage. Unreadable data is backed up right away so a
/// later save cannot lose it.
#[must_use]
pub fn load() -> (Vec<SavedScenario>, Vec<StorageNote>) {
    READ_ONLY.with(|r| r.set(None));
    let ls = match local_storage() {
        Ok(ls) => ls,
        Err(detail) => return (Vec::new(), vec![StorageNote::WriteFailed { detail }]),
    };
    let text = match ls.get_item(KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return (Vec::new(), Vec::new()),
        Err(e) => {
            let detail = js_reason(&e);
            return (Vec::new(), vec![StorageNote::WriteFailed { detail }]);
        }
    };
    let mut parsed = parse(&text);
    if parsed.backup || !parsed.unreadable.is_empty() {
        match keep_backup(&ls, &text) {
            Ok(key) => {
                for n in &mut parsed.notes {
                    if let StorageNote::Corrupt { backup, .. }
                    | StorageNote::BadScenario { backup, .. } = n
                    {
                        backup.clone_from(&key);
                    }
                }
            }
            Err(detail) => parsed.notes.push(StorageNote::WriteFailed { detail }),
        }
    }
    if parsed.read_only {
        let version = parsed.notes.iter().find_map(|n| match n {
            StorageNote::Newer { version } => Some(*version),
            _ => None,
        });
        READ_ONLY.with(|r| r.set(version));
    }
    let mut notes = parsed.notes;
    if let Some(cat) = crate::settings::catalogue() {
        for s in &mut parsed.scenarios {
            let changes = s.settings.adjustments(cat);
            if !changes.is_empty() {
                notes.push(StorageNote::Adjusted {
                    scenario: s.settings.name.clone(),
                    changes,
                });
            }
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

/// Keeps `text` under [`BACKUP_KEY`], or `BACKUP_KEY.2` … `.20` when that already holds an
/// earlier, different backup (never over one): returns the key. A key that already holds
/// exactly `text` is reused.
fn keep_backup(ls: &web_sys::Storage, text: &str) -> Result<String, String> {
    let keys = std::iter::once(BACKUP_KEY.to_string())
        .chain((2..=20).map(|n| format!("{BACKUP_KEY}.{n}")));
    for key in keys {
        match ls.get_item(&key).map_err(|e| js_reason(&e))? {
            Some(old) if old == text => return Ok(key),
            Some(_) => {}
            None => {
                ls.set_item(&key, text).map_err(|e| js_reason(&e))?;
                return Ok(key);
            }
        }
    }
    Err(format!(
        "{BACKUP_KEY} … {BACKUP_KEY}.20 all hold earlier backups"
    ))
}

thread_local! {
    /// The version of a newer stored layout that [`store`] must not overwrite.
    static READ_ONLY: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Writes the scenarios to localStorage (not over a newer layout). A refused write (full
/// storage, private mode) or a skipped one (newer layout) adds a note; either way the
/// stored entry and the scenarios in `saved` stay as they were.
pub fn store(saved: &[SavedScenario], notes: &mut Vec<StorageNote>) {
    if let Some(version) = READ_ONLY.with(std::cell::Cell::get) {
        push_once(notes, StorageNote::NotSavedNewer { version });
        return;
    }
    let result = local_storage().and_then(|ls| {
        ls.set_item(KEY, &serialize(saved))
            .map_err(|e| js_reason(&e))
    });
    if let Err(detail) = result {
        push_once(notes, StorageNote::WriteFailed { detail });
    }
}

/// The localStorage key of the working state: the scenario being edited and the language,
/// written on every change and restored on the next visit, so a reload or a closed tab
/// loses nothing. `{"version": 1, "lang": "sv", "settings": {…}}`.
pub const WORK_KEY: &str = "avfallskalkyl.working";

/// The layout version of [`WORK_KEY`] this app writes.
pub const WORK_VERSION: u64 = 1;

/// The working state read back from [`WORK_KEY`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Working {
    /// The scenario being edited (`None`: nothing stored, or unreadable).
    pub settings: Option<Settings>,
    /// The interface language.
    pub lang: Option<Lang>,
    /// The entry came from a newer version of the app: it is neither used nor overwritten.
    pub newer: bool,
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv",
        Lang::En => "en",
    }
}

/// The language of a code (`sv`, `en`).
#[must_use]
pub fn lang_from_code(code: &str) -> Option<Lang> {
    match code.trim() {
        "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The text stored under [`WORK_KEY`].
#[must_use]
pub fn serialize_working(settings: &Settings, lang: Lang) -> String {
    serde_json::json!({
        "version": WORK_VERSION,
        "lang": lang_code(lang),
        "settings": settings,
    })
    .to_string()
}

/// Reads [`WORK_KEY`]'s text: what can be read of it (an unreadable entry gives the
/// defaults, which is what the app showed before the working state was kept).
#[must_use]
pub fn parse_working(text: &str) -> Working {
    let Ok(Value::Object(map)) = json_value(text.as_bytes()) else {
        return Working::default();
    };
    match map.get("version").and_then(Value::as_u64) {
        Some(WORK_VERSION) => Working {
            settings: map
                .get("settings")
                .cloned()
                .and_then(|v| serde_json::from_value::<Settings>(v).ok()),
            lang: map
                .get("lang")
                .and_then(Value::as_str)
                .and_then(lang_from_code),
            newer: false,
        },
        Some(v) if v > WORK_VERSION => Working {
            newer: true,
            ..Working::default()
        },
        _ => Working::default(),
    }
}

thread_local! {
    /// True when [`WORK_KEY`] holds a newer layout that [`store_working`] must not replace.
    static WORK_READ_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Reads the working state from localStorage (nothing when the browser refuses).
#[must_use]
pub fn load_working() -> Working {
    let w = local_storage()
        .ok()
        .and_then(|ls| ls.get_item(WORK_KEY).ok().flatten())
        .map(|text| parse_working(&text))
        .unwrap_or_default();
    WORK_READ_ONLY.with(|r| r.set(w.newer));
    w
}

/// Writes the working state (not over a newer layout). A refused write is reported once
/// by the saved scenarios' own write; here it only means the next visit starts from the
/// defaults.
pub fn store_working(settings: &Settings, lang: Lang) {
    if WORK_READ_ONLY.with(std::cell::Cell::get) {
        return;
    }
    if let Ok(ls) = local_storage() {
        // A refused write (private mode, full storage) leaves the previous entry.
        let _ = ls.set_item(WORK_KEY, &serialize_working(settings, lang));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Settings, catalogue};

    fn settings() -> Settings {
        Settings::defaults(catalogue().unwrap())
    }

    #[test]
    fn the_working_state_round_trips_and_a_newer_one_is_left_alone() {
        let mut s = settings();
        s.measures[0].effect_pct = rust_decimal::Decimal::new(555, 1);
        let w = parse_working(&serialize_working(&s, Lang::En));
        assert_eq!(
            w,
            Working {
                settings: Some(s),
                lang: Some(Lang::En),
                newer: false
            }
        );
        assert!(parse_working(r#"{"version": 9, "settings": {}}"#).newer);
        assert_eq!(parse_working("{oops"), Working::default());
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
