//! The file's dialect: its text encoding (UTF-8, with or without BOM, or Windows-1252),
//! its separator and its decimal mark.

/// Text encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without byte-order mark.
    Utf8,
    /// UTF-8 with byte-order mark (what Excel writes for "CSV UTF-8").
    Utf8Bom,
    /// Windows-1252 (what older Excel writes for "CSV (semikolonavgränsad)").
    Windows1252,
}

/// Separator and decimal mark of a CSV file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Dialect {
    /// Field separator: `;` (Excel, Swedish locale) or `,`.
    pub delimiter: u8,
    /// True when numbers use a decimal comma (`12,5`).
    pub decimal_comma: bool,
    /// The text encoding.
    pub encoding: Encoding,
}

impl Dialect {
    /// `;` with decimal comma, UTF-8 with BOM: what Excel in Swedish locale opens cleanly.
    pub const EXCEL_SV: Dialect = Dialect {
        delimiter: b';',
        decimal_comma: true,
        encoding: Encoding::Utf8Bom,
    };
    /// `,` with decimal point, UTF-8.
    pub const PLAIN: Dialect = Dialect {
        delimiter: b',',
        decimal_comma: false,
        encoding: Encoding::Utf8,
    };
}

/// Decodes bytes: UTF-8 (with or without BOM), else Windows-1252. UTF-8 text is borrowed,
/// not copied (a large scenario file is not held twice).
#[must_use]
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest), Encoding::Utf8Bom);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), Encoding::Utf8),
        Err(_) => (
            std::borrow::Cow::Owned(bytes.iter().map(|b| windows_1252_char(*b)).collect()),
            Encoding::Windows1252,
        ),
    }
}

/// The characters Windows-1252 puts at 0x80–0x9F (WHATWG's index; the five unassigned
/// bytes map to the C1 controls of the same number, as browsers and encoding_rs do).
/// Every other byte is the Unicode code point of the same number (ISO 8859-1).
///
/// Hand-written instead of using `encoding_rs`: these 32 entries are all a Windows-1252
/// codec needs, and `encoding_rs`'s decoder dispatch pulled the tables of every other
/// encoding into the web app's .wasm.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// Decodes one Windows-1252 byte.
#[must_use]
pub(crate) fn windows_1252_char(b: u8) -> char {
    match b {
        0x80..=0x9f => WINDOWS_1252_HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

/// Encodes one character as Windows-1252, or `None` when the encoding has no byte for it.
#[must_use]
pub fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        // In range by the match arm: cannot fail.
        0..=0x7f | 0xa0..=0xff => u8::try_from(u32::from(c)).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|h| *h == c)
            // `i` < 32: cannot fail.
            .and_then(|i| u8::try_from(i + 0x80).ok()),
    }
}

/// Picks `;` or `,` from the header line: whichever occurs more often outside quotes.
#[must_use]
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    // Lines end in `\n`, `\r\n` or a lone `\r` (old Mac Excel): split on both.
    let header = text
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let (mut semi, mut comma, mut quoted) = (0usize, 0usize, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if semi >= comma && semi > 0 {
        b';'
    } else {
        b','
    }
}

/// The text a CSV writer produced, with a BOM for [`Encoding::Utf8Bom`].
///
/// Cannot lose data: a `csv::Writer` over a `Vec<u8>` has no I/O to fail (`write_record`,
/// the flush in `into_inner` only fail on I/O errors, so `ok` is always true here), and
/// it wrote only `&str` fields and ASCII delimiters and quotes, so the bytes are UTF-8.
pub(crate) fn finish_writer(w: csv::Writer<Vec<u8>>, ok: bool, dialect: Dialect) -> String {
    let bytes = w.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    if !ok {
        return String::new();
    }
    if dialect.encoding == Encoding::Utf8Bom {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

/// A later part of an output encoded part by part (a streamed CSV after its header):
/// as [`encode`], but a leading U+FEFF is a character of the text, not a byte-order mark,
/// so it is kept (`?` in Windows-1252) instead of being dropped from the part.
#[must_use]
pub fn encode_part(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => text.as_bytes().to_vec(),
        Encoding::Windows1252 => text
            .chars()
            .map(|c| windows_1252_byte(c).unwrap_or(b'?'))
            .collect(),
    }
}

/// Text as bytes in an encoding: UTF-8 (with a BOM for [`Encoding::Utf8Bom`], added if
/// missing) or Windows-1252 (characters it lacks become `?`).
#[must_use]
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    match encoding {
        Encoding::Utf8 => bare.as_bytes().to_vec(),
        Encoding::Utf8Bom => {
            let mut v = b"\xEF\xBB\xBF".to_vec();
            v.extend_from_slice(bare.as_bytes());
            v
        }
        Encoding::Windows1252 => {
            let mut out = Vec::with_capacity(bare.len());
            for c in bare.chars() {
                out.push(windows_1252_byte(c).unwrap_or(b'?'));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1252_and_bom() {
        let (t, e) = decode(b"kommun\nBor\xe5s\n");
        assert_eq!((&*t, e), ("kommun\nBorås\n", Encoding::Windows1252));
        let (t, e) = decode("\u{feff}kommun".as_bytes());
        assert_eq!((&*t, e), ("kommun", Encoding::Utf8Bom));
    }

    #[test]
    fn windows_1252_round_trips_every_byte() {
        for b in 0..=255u8 {
            assert_eq!(
                windows_1252_byte(windows_1252_char(b)),
                Some(b),
                "byte {b:#x}"
            );
        }
        assert_eq!(windows_1252_char(0x80), '€');
        assert_eq!(windows_1252_char(0xe5), 'å');
        assert_eq!(windows_1252_byte('≤'), None);
    }

    #[test]
    fn detects_delimiter_from_header() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("a,b,c\n1.5,2,3"), b',');
        assert_eq!(detect_delimiter("\"a;x\",b,c"), b',');
        // CR-only: the header ends at the first `\r`, not at the end of the file.
        assert_eq!(detect_delimiter("a,b,c\r1;2;3;4\r5;6;7;8\r"), b',');
    }
}
