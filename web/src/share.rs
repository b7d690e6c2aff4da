//! The shareable link: the scenario's settings as JSON in the URL hash (`#s=…`).

use crate::state::Settings;

/// Prefix of the hash that carries a scenario.
pub const PREFIX: &str = "#s=";

/// The hash (with `#`) that restores these settings exactly.
#[must_use]
pub fn encode(settings: &Settings) -> String {
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

/// The settings in a hash made by [`encode`]; `None` for any other hash.
#[must_use]
pub fn decode(hash: &str) -> Option<Settings> {
    let rest = hash.strip_prefix(PREFIX)?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hi = hex(*bytes.get(i + 1)?)?;
            let lo = hex(*bytes.get(i + 2)?)?;
            out.push(hi * 16 + lo);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    serde_json::from_slice(&out).ok()
}

/// The settings in the page's current URL hash, if it carries a scenario.
#[must_use]
pub fn from_location() -> Option<Settings> {
    let hash = web_sys::window()?.location().hash().ok()?;
    decode(&hash)
}

/// The page's URL without its hash.
#[must_use]
pub fn base_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let href = loc.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::catalogue;
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
        assert_eq!(decode(&hash), Some(s));
    }

    #[test]
    fn other_hashes_are_ignored() {
        assert_eq!(decode("#method"), None);
        assert_eq!(decode("#s=%7"), None);
        assert_eq!(decode(""), None);
    }
}
