//! The shareable link: the scenario's settings in the URL hash (`#s=…`).
//!
//! Format 2 (written since issue 13): `#s=2.<crc>.<data>`, where `<data>` is the settings'
//! JSON (exactly what [`Settings`] serializes, so fields added to it later travel too)
//! compressed with raw DEFLATE and written in base64url without padding, and `<crc>` is the
//! CRC-32 of that JSON as eight hex digits. A link cut short in an e-mail, or changed on the
//! way, fails the base64, the DEFLATE or the CRC and is reported as broken; it is never
//! read as some other scenario. A full Sjuhärad scenario with changed effects is 642
//! characters instead of 3 198 in format 1 (measured in the tests).
//!
//! Format 1 (before): `#s=<percent-encoded JSON>`. Such links are still read; they carry no
//! checksum, but a cut JSON text does not parse, so a cut one is reported too.
//!
//! Compression is miniz_oxide (the pure-Rust DEFLATE behind flate2, already in the lock
//! file through the build tooling) and base64url the `base64` crate: both small, widely
//! used and kept up to date; a hand-written DEFLATE would be neither.

use crate::i18n::{K, Lang, t, tf};
use crate::settings::Settings;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Prefix of the hash that carries a scenario.
pub const PREFIX: &str = "#s=";

/// The link format this app writes.
pub const VERSION: u32 = 2;

/// The longest hash [`decode`] reads: 64 KiB. The app's own links are about 1 kB (every
/// override of every measure in eight municipalities stays far below); a longer one is
/// refused before any work, so a megabyte-long link cannot freeze the tab.
pub const MAX_LINK_CHARS: usize = 64 * 1024;

/// The most JSON a format-2 link may inflate to (1 MiB), so a small crafted link cannot
/// inflate to gigabytes.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

/// DEFLATE level: the best compression; a scenario's few kB take well under a millisecond.
const LEVEL: u8 = 9;

/// Why a link's scenario could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The hash is longer than [`MAX_LINK_CHARS`].
    TooLong {
        /// Its length in characters (bytes of the URL-encoded text).
        chars: usize,
    },
    /// The link is broken or incomplete: cut short, changed on the way, or not a link this
    /// app wrote.
    Broken {
        /// What is wrong (technical detail, shown after the explanation).
        detail: String,
        /// True for a link in the older format 1 (no checksum).
        old_format: bool,
    },
    /// The link was written by a newer version of the app, in a format this one cannot read.
    Newer {
        /// Its format version.
        version: u32,
    },
}

impl LinkError {
    /// The message for the user: what happened, that the scenario shown is not the
    /// sender's, and what to do.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let not_shared = t(lang, K::LinkNotShared);
        match self {
            LinkError::TooLong { chars } => tf(
                lang,
                K::LinkTooLong,
                &[
                    ("chars", chars),
                    ("max", &MAX_LINK_CHARS),
                    ("not_shared", &not_shared),
                ],
            ),
            LinkError::Broken { detail, old_format } => tf(
                lang,
                if *old_format {
                    K::LinkBrokenOld
                } else {
                    K::LinkBroken
                },
                &[("not_shared", &not_shared), ("detail", detail)],
            ),
            LinkError::Newer { version } => tf(
                lang,
                K::LinkNewer,
                &[("version", version), ("not_shared", &not_shared)],
            ),
        }
    }
}

/// CRC-32 (IEEE 802.3, as in zip and PNG) of `bytes`. Bitwise: the settings' few kB do not
/// need a table.
#[must_use]
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// The hash (with `#`) that restores these settings exactly, in format 2.
#[must_use]
pub fn encode(settings: &Settings) -> String {
    // Cannot fail: `Settings` is strings, numbers, booleans and maps with string keys, all
    // of which serde_json writes.
    let json = serde_json::to_string(settings).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    format!(
        "{PREFIX}{VERSION}.{:08x}.{}",
        crc32(json.as_bytes()),
        URL_SAFE_NO_PAD.encode(packed)
    )
}

/// The settings in a hash made by [`encode`] (or by format 1): `None` for a hash that
/// carries no scenario (`#method`), an error for a scenario hash that is too long, broken
/// or from a newer version.
#[must_use]
pub fn decode(hash: &str) -> Option<Result<Settings, LinkError>> {
    let rest = hash.strip_prefix(PREFIX)?;
    if hash.len() > MAX_LINK_CHARS {
        return Some(Err(LinkError::TooLong { chars: hash.len() }));
    }
    // Format 1 is percent-encoded JSON: it starts with `{` (`%7B`).
    if rest.starts_with("%7B") || rest.starts_with("%7b") || rest.starts_with('{') {
        return Some(decode_v1(rest));
    }
    Some(decode_v2(rest))
}

fn broken(detail: impl Into<String>) -> LinkError {
    LinkError::Broken {
        detail: detail.into(),
        old_format: false,
    }
}

fn decode_v2(rest: &str) -> Result<Settings, LinkError> {
    let mut parts = rest.splitn(3, '.');
    let (Some(version), Some(crc), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(broken("no version, checksum and data"));
    };
    match version.parse::<u32>() {
        Ok(VERSION) => {}
        Ok(v) if v > VERSION => return Err(LinkError::Newer { version: v }),
        _ => return Err(broken(format!("unknown link format '{}'", clip(version)))),
    }
    let want = u32::from_str_radix(crc, 16)
        .ok()
        .filter(|_| crc.len() == 8)
        .ok_or_else(|| broken(format!("checksum '{}' is not 8 hex digits", clip(crc))))?;
    let packed = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|e| broken(format!("data: {e}")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| broken(format!("data: {e}")))?;
    let got = crc32(&json);
    if got != want {
        return Err(broken(format!(
            "checksum {got:08x}, the link says {want:08x}"
        )));
    }
    crate::storage::settings_from_json(&json).map_err(|e| broken(e.to_string()))
}

/// At most 12 characters of untrusted text, for a message.
fn clip(s: &str) -> String {
    crate::chart::clip(s, 12)
}

fn decode_v1(rest: &str) -> Result<Settings, LinkError> {
    let old = |detail: String| LinkError::Broken {
        detail,
        old_format: true,
    };
    let bytes = unescape(rest).map_err(old)?;
    crate::storage::settings_from_json(&bytes).map_err(|e| old(e.to_string()))
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn unescape(rest: &str) -> Result<Vec<u8>, String> {
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let digit = |at: usize| bytes.get(at).copied().and_then(hex);
            let (Some(hi), Some(lo)) = (digit(i + 1), digit(i + 2)) else {
                return Err(format!("'%' at {i} is not followed by two hex digits"));
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
    without_embed(&loc.href().unwrap_or_default())
}

/// A page URL without its hash and without `embed=1`: a link copied from the app embedded
/// on a municipality's page opens the whole app, with its header and footer.
#[must_use]
pub fn without_embed(href: &str) -> String {
    // `split` always yields a first item.
    let page = href.split('#').next().unwrap_or_default();
    let Some((path, query)) = page.split_once('?') else {
        return page.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && *p != "embed=1")
        .collect();
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::catalogue;
    use rust_decimal::Decimal;

    /// Format 1 as the app wrote it before format 2 (kept here to test that old links
    /// still open).
    fn encode_v1(settings: &Settings) -> String {
        let json = serde_json::to_string(settings).unwrap();
        let mut out = String::from(PREFIX);
        for b in json.bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~!*'()".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }

    /// All of Sjuhärad, every measure's effect changed (to an odd value, so nothing
    /// repeats the defaults), one quantity and one cost overridden.
    fn changed_sjuharad() -> Settings {
        let cat = catalogue().unwrap();
        let mut s = Settings::defaults(cat);
        s.name = "Plan B – åäö".to_string();
        for (i, m) in s.measures.iter_mut().enumerate() {
            m.effect_pct = Decimal::new(1_25 + 3_37 * i64::try_from(i).unwrap(), 2);
        }
        s.measures[2]
            .quantity_t
            .insert("1490".to_string(), Decimal::from(77));
        s.measures[3]
            .running_sek
            .insert("1490".to_string(), Decimal::from(250_000));
        s
    }

    #[test]
    fn a_link_from_the_embedded_app_opens_the_whole_app() {
        assert_eq!(
            without_embed("https://x.se/kalkyl/?embed=1#s=2.abc"),
            "https://x.se/kalkyl/"
        );
        assert_eq!(
            without_embed("https://x.se/?a=1&embed=1&b=2"),
            "https://x.se/?a=1&b=2"
        );
        assert_eq!(
            without_embed("https://x.se/?embed=10"),
            "https://x.se/?embed=10"
        );
        assert_eq!(without_embed("https://x.se/#s=1"), "https://x.se/");
        assert_eq!(without_embed(""), "");
    }

    #[test]
    fn crc32_is_the_standard_one() {
        // The check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn round_trips_exactly() {
        let mut s = changed_sjuharad();
        s.municipalities.truncate(3);
        let hash = encode(&s);
        assert!(hash.starts_with("#s=2."), "{hash}");
        assert!(
            hash[3..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'),
            "only characters that need no escaping in a URL: {hash}"
        );
        assert_eq!(decode(&hash), Some(Ok(s)));
    }

    #[test]
    fn a_full_changed_sjuharad_link_is_short_enough_for_e_mail() {
        let s = changed_sjuharad();
        let v1 = encode_v1(&s).len();
        let v2 = encode(&s).len();
        // Measured (issue 13): 3 198 characters in format 1, which an e-mail that cuts
        // links at 1 500 characters breaks; 642 in format 2, under 800 with the page's
        // address.
        assert!(v1 > 3_000, "format 1: {v1}, format 2: {v2}");
        assert!(v2 < 700, "format 2: {v2} characters (format 1: {v1})");
        assert!(v2 * 4 < v1, "format 2: {v2}, format 1: {v1}");
    }

    #[test]
    fn old_links_still_open() {
        let s = changed_sjuharad();
        assert_eq!(decode(&encode_v1(&s)), Some(Ok(s)));
    }

    #[test]
    fn a_link_cut_anywhere_is_reported_broken_never_read() {
        let s = changed_sjuharad();
        let hash = encode(&s);
        // Every cut after the version, from the checksum to the last character.
        for cut in 5..hash.len() {
            match decode(&hash[..cut]) {
                Some(Err(LinkError::Broken {
                    old_format: false, ..
                })) => {}
                other => panic!("cut at {cut} of {}: {other:?}", hash.len()),
            }
        }
        let old = encode_v1(&s);
        for cut in [6, 100, 1_500, old.len() - 1] {
            assert!(
                matches!(
                    decode(&old[..cut]),
                    Some(Err(LinkError::Broken {
                        old_format: true,
                        ..
                    }))
                ),
                "format 1 cut at {cut}"
            );
        }
    }

    #[test]
    fn a_changed_character_fails_the_checksum() {
        let s = changed_sjuharad();
        let hash = encode(&s);
        let (head, data) = hash.split_at(hash.rfind('.').unwrap() + 1);
        // A different but equally valid checksum: the data no longer matches it.
        let mut other = head.to_string();
        other.replace_range(5..13, "00000000");
        let e = decode(&format!("{other}{data}")).unwrap().unwrap_err();
        assert_eq!(
            e,
            LinkError::Broken {
                detail: format!(
                    "checksum {:08x}, the link says 00000000",
                    crc32(serde_json::to_string(&s).unwrap().as_bytes())
                ),
                old_format: false
            }
        );
    }

    #[test]
    fn other_hashes_are_ignored_and_broken_links_reported() {
        assert_eq!(decode("#method"), None);
        assert_eq!(decode(""), None);
        let e = decode("#s=%7Bbroken").unwrap().unwrap_err();
        assert_eq!(
            e.message(Lang::Sv),
            "Länken är trasig eller ofullständig. Den är skriven av en äldre version av Avfallskalkyl (utan kontrollsumma) och har troligen kortats av på vägen. Det delade scenariot visas inte: det du ser nedan är standardscenariot, inte avsändarens siffror. Be avsändaren om en ny länk eller om scenariofilen (CSV). (Tekniskt: key must be a string at line 1 column 2.)"
        );
        let e = decode("#s=2.1234").unwrap().unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "The link is broken or incomplete – it was probably cut short or changed on the way, for example in an e-mail. The shared scenario is not shown: what you see below is the default scenario, not the sender's figures. Ask the sender for a new link or for the scenario file (CSV). (Technical: no version, checksum and data.)"
        );
        assert_eq!(
            decode("#s=x"),
            Some(Err(LinkError::Broken {
                detail: "no version, checksum and data".into(),
                old_format: false
            }))
        );
        assert_eq!(
            decode("#s=3.00000000.AA"),
            Some(Err(LinkError::Newer { version: 3 }))
        );
        assert_eq!(
            LinkError::Newer { version: 3 }.message(Lang::Sv),
            "Länken är skriven av en nyare version av Avfallskalkyl (länkformat 3) och kan inte läsas här. Det delade scenariot visas inte: det du ser nedan är standardscenariot, inte avsändarens siffror. Be avsändaren om en ny länk eller om scenariofilen (CSV)."
        );
    }

    #[test]
    fn a_small_link_cannot_inflate_without_bound() {
        let zeros = vec![b'0'; MAX_JSON_BYTES + 1];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, LEVEL);
        let hash = format!(
            "{PREFIX}2.{:08x}.{}",
            crc32(&zeros),
            URL_SAFE_NO_PAD.encode(packed)
        );
        assert!(hash.len() < 3_000, "{}", hash.len());
        assert!(matches!(decode(&hash), Some(Err(LinkError::Broken { .. }))));
    }

    #[test]
    fn a_megabyte_long_link_is_refused_at_once() {
        let hash = format!("#s={}", "%7B".repeat(350_000));
        let started = std::time::Instant::now();
        let e = decode(&hash).unwrap().unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_millis(50));
        assert_eq!(e, LinkError::TooLong { chars: 1_050_003 });
        assert!(
            e.message(Lang::En).starts_with(
                "The link is too long (1050003 characters, at most 65536) and was not read. The shared scenario is not shown"
            )
        );
        assert!(
            e.message(Lang::Sv).starts_with(
                "Länken är för lång (1050003 tecken, högst 65536) och lästes inte. Det delade scenariot visas inte"
            )
        );
    }
}
