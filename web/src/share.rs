//! The shareable link: the scenario's settings as JSON in the URL hash (`#s=…`).

use crate::i18n::Lang;
use crate::settings::Settings;

/// Prefix of the hash that carries a scenario.
pub const PREFIX: &str = "#s=";

/// The longest hash [`decode`] reads: 64 KiB. The app's own links are a few kB (every
/// override of every measure in eight municipalities stays far below); a longer one is
/// refused before any work, so a megabyte-long link cannot freeze the tab.
pub const MAX_LINK_CHARS: usize = 64 * 1024;

/// Why a link's scenario could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The hash is longer than [`MAX_LINK_CHARS`].
    TooLong {
        /// Its length in characters (bytes of the URL-encoded text).
        chars: usize,
    },
    /// The hash is not a scenario this app wrote (broken escape, not its JSON).
    Invalid {
        /// What is wrong.
        detail: String,
    },
}

impl LinkError {
    /// The message for the user.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LinkError::TooLong { chars }, Lang::Sv) => format!(
                "Länken är för lång ({chars} tecken, högst {MAX_LINK_CHARS}) och lästes inte; standardscenariot visas."
            ),
            (LinkError::TooLong { chars }, Lang::En) => format!(
                "The link is too long ({chars} characters, at most {MAX_LINK_CHARS}) and was not read; the default scenario is shown."
            ),
            (LinkError::Invalid { detail }, Lang::Sv) => {
                format!("Länkens scenario kunde inte läsas ({detail}); standardscenariot visas.")
            }
            (LinkError::Invalid { detail }, Lang::En) => format!(
                "The link's scenario could not be read ({detail}); the default scenario is shown."
            ),
        }
    }
}

/// The hash (with `#`) that restores these settings exactly.
#[must_use]
pub fn encode(settings: &Settings) -> String {
    // Cannot fail: `Settings` is strings, numbers and maps with string keys, all of which
    // serde_json writes.
    let json = serde_json::to_string(settings).unwrap_or_default();
    let mut out = String::with_capacity(json.len() * 2 + PREFIX.len());
    out.push_str(PREFIX);
    for b in json.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~!*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The settings in a hash made by [`encode`]: `None` for a hash that carries no scenario
/// (`#method`), an error for a scenario hash that is too long or cannot be read.
#[must_use]
pub fn decode(hash: &str) -> Option<Result<Settings, LinkError>> {
    let rest = hash.strip_prefix(PREFIX)?;
    if hash.len() > MAX_LINK_CHARS {
        return Some(Err(LinkError::TooLong { chars: hash.len() }));
    }
    Some(unescape(rest).and_then(|bytes| {
        serde_json::from_slice(&bytes).map_err(|e| LinkError::Invalid {
            detail: e.to_string(),
        })
    }))
}

fn unescape(rest: &str) -> Result<Vec<u8>, LinkError> {
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let digit = |at: usize| bytes.get(at).copied().and_then(hex);
            let (Some(hi), Some(lo)) = (digit(i + 1), digit(i + 2)) else {
                return Err(LinkError::Invalid {
                    detail: format!("'%' at {i} is not followed by two hex digits"),
                });
            };
            out.push(hi * 16 + lo);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    Ok(out)
}

/// The settings in the page's current URL hash, if it carries a scenario.
#[must_use]
pub fn from_location() -> Option<Result<Settings, LinkError>> {
    // No window or no readable hash (not a browser page): there is no link to read.
    let hash = web_sys::window()?.location().hash().ok()?;
    decode(&hash)
}

/// The page's URL without its hash.
#[must_use]
pub fn base_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    // An unreadable href gives an empty base, so the copied link is just the hash: still
    // a working link relative to the page.
    let href = loc.href().unwrap_or_default();
    // `split` always yields a first item.
    href.split('#').next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::catalogue;
    use rust_decimal::Decimal;

    #[test]
    fn round_trips_exactly() {
        let cat = catalogue().unwrap();
        let mut s = Settings::defaults(cat);
        s.name = "Plan B – åäö".to_string();
        s.measures[0].effect_pct = "12.5".parse::<Decimal>().unwrap();
        s.measures[2]
            .quantity_t
            .insert("1490".to_string(), Decimal::from(77));
        s.municipalities.truncate(3);
        let hash = encode(&s);
        assert!(hash.starts_with("#s="));
        assert!(!hash.contains(' ') && !hash.contains('"'));
        assert_eq!(decode(&hash), Some(Ok(s)));
    }

    #[test]
    fn other_hashes_are_ignored_and_broken_links_reported() {
        assert_eq!(decode("#method"), None);
        assert_eq!(decode(""), None);
        let e = decode("#s=%7").unwrap().unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "The link's scenario could not be read ('%' at 0 is not followed by two hex digits); the default scenario is shown."
        );
        let e = decode("#s=%7B%7D").unwrap().unwrap_err();
        assert_eq!(
            e.message(Lang::Sv),
            "Länkens scenario kunde inte läsas (missing field `name` at line 1 column 2); standardscenariot visas."
        );
    }

    #[test]
    fn a_megabyte_long_link_is_refused_at_once() {
        let hash = format!("#s={}", "%7B".repeat(350_000));
        let started = std::time::Instant::now();
        let e = decode(&hash).unwrap().unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_millis(50));
        assert_eq!(e, LinkError::TooLong { chars: 1_050_003 });
        assert_eq!(
            e.message(Lang::En),
            "The link is too long (1050003 characters, at most 65536) and was not read; the default scenario is shown."
        );
        assert_eq!(
            e.message(Lang::Sv),
            "Länken är för lång (1050003 tecken, högst 65536) och lästes inte; standardscenariot visas."
        );
    }
}
