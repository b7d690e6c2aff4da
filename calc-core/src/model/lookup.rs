//! Finding things by id: what kind of id was not found ([`IdKind`]) and the nearest known
//! ids for a "did you mean" ([`suggest`]). Shared by the file readers and the input layer
//! ([`crate::input`]), so a refusal of an unknown id reads the same from a file and a form.

use crate::format::Lang;

/// What kind of id could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A measure id.
    Measure,
    /// A municipality name or SCB code.
    Municipality,
    /// A route id.
    Route,
    /// A fraction id.
    Fraction,
    /// A source id.
    Source,
    /// A quantity basis.
    Basis,
    /// A mix kind (`baseline` or `target`).
    Mix,
    /// A source kind.
    SourceKind,
    /// A pool of waste.
    Pool,
    /// A payer (`waste_fee`, `municipal_budget`, `households`).
    Payer,
    /// A target indicator (e.g. `food_waste_kg_per_inhabitant`).
    Indicator,
    /// A target id (defined on an earlier row without a municipality).
    Target,
    /// A measure kind (`plan` or `legal_duty`).
    Kind,
    /// A unit of the organisation (e.g. `kost`).
    Unit,
    /// A unit's role in a measure (`lead` or `contributing`).
    Role,
}

impl IdKind {
    /// What the kind is called, e.g. `avfallspool`.
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IdKind::Kind, Lang::En) => "measure kind",
            (IdKind::Kind, Lang::Sv) => "typ av åtgärd",
            (IdKind::Unit, Lang::En) => "unit",
            (IdKind::Unit, Lang::Sv) => "verksamhet",
            (IdKind::Role, Lang::En) => "role",
            (IdKind::Role, Lang::Sv) => "roll",
            (IdKind::Measure, Lang::En) => "measure",
            (IdKind::Measure, Lang::Sv) => "åtgärd",
            (IdKind::Municipality, Lang::En) => "municipality",
            (IdKind::Municipality, Lang::Sv) => "kommun",
            (IdKind::Route, Lang::En) => "route",
            (IdKind::Route, Lang::Sv) => "behandlingsväg",
            (IdKind::Fraction, Lang::En) => "fraction",
            (IdKind::Fraction, Lang::Sv) => "avfallsslag",
            (IdKind::Source, Lang::En) => "source",
            (IdKind::Source, Lang::Sv) => "källa",
            (IdKind::Basis, Lang::En) => "quantity basis",
            (IdKind::Basis, Lang::Sv) => "mängdbas",
            (IdKind::Mix, Lang::En) => "mix",
            (IdKind::Mix, Lang::Sv) => "fördelning",
            (IdKind::SourceKind, Lang::En) => "source kind",
            (IdKind::SourceKind, Lang::Sv) => "källtyp",
            (IdKind::Pool, Lang::En) => "pool",
            (IdKind::Pool, Lang::Sv) => "avfallspool",
            (IdKind::Payer, Lang::En) => "payer",
            (IdKind::Payer, Lang::Sv) => "betalare",
            (IdKind::Indicator, Lang::En) => "indicator",
            (IdKind::Indicator, Lang::Sv) => "indikator",
            (IdKind::Target, Lang::En) => "target",
            (IdKind::Target, Lang::Sv) => "mål",
        }
    }
}

/// Texts longer than this get no "did you mean": no id is this long, and the edit
/// distance of a long text would cost more than reading the file (a 50 MB cell took 49 s).
pub const MAX_SUGGEST_CHARS: usize = 64;

/// At most this many known ids are compared with a text: a list of ids that grows with
/// the file (a targets file's own ids) cannot make the suggestions quadratic.
pub const MAX_SUGGEST_IDS: usize = 512;

/// The up to three known ids nearest to `text` (by edit distance, then by id), for
/// "did you mean" hints: only ids within a third of their length of the text, and at
/// most one edit further than the nearest.
///
/// Bounded work: none for a text over [`MAX_SUGGEST_CHARS`] characters, at most
/// [`MAX_SUGGEST_IDS`] ids compared, and each comparison stops as soon as the distance
/// is over the limit, so an invalid file costs about what a valid one of its size does.
#[must_use]
pub fn suggest<'a>(text: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // Looked at before anything is copied: a 50 MB cell is not lowercased.
    if text.chars().nth(MAX_SUGGEST_CHARS).is_some() {
        return Vec::new();
    }
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .take(MAX_SUGGEST_IDS)
        .filter_map(|k| {
            let kl: Vec<char> = k.to_lowercase().chars().collect();
            let limit = (kl.len().max(t.len()) / 3).max(2);
            let containment = !t.is_empty() && kl.windows(t.len()).any(|w| w == t.as_slice());
            if containment {
                return Some((1.min(kl.len().abs_diff(t.len())), k));
            }
            edit_distance_within(&t, &kl, limit).map(|d| (d, k))
        })
        .collect();
    crate::sort::sort(&mut scored);
    let best = scored.first().map_or(0, |(d, _)| *d);
    scored
        .into_iter()
        .take_while(|(d, _)| *d <= best + 1)
        .take(3)
        .map(|(_, k)| k.to_string())
        .collect()
}

/// The edit distance of `a` and `b` when it is at most `limit`, else `None`; stops as soon
/// as every entry of a row is over the limit.
fn edit_distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.iter().enumerate() {
        cur.clear();
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        if cur.iter().all(|d| *d > limit) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().filter(|d| *d <= limit)
}

/// Text from a file as a message or a table shows it: control characters (an ESC that
/// would drive the terminal, a line break) and the bidirectional overrides escaped as
/// `\u{1b}`, `\n`, and cut to [`MAX_SHOWN_CHARS`] characters with `…` (a 50 MB header
/// cell gave 104 MB of messages).
#[must_use]
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let mut chars = text.char_indices();
    let cut = chars.nth(MAX_SHOWN_CHARS).map(|(i, _)| i);
    if cut.is_none() && !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let kept = text.get(..cut.unwrap_or(text.len())).unwrap_or(text);
    let mut out = String::with_capacity(kept.len() + 3);
    for c in kept.chars() {
        if escaped(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    if cut.is_some() {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

/// The most characters of a file's text a message echoes; longer text is cut with `…`.
pub const MAX_SHOWN_CHARS: usize = 80;

/// A name or header as compared: trimmed, lowercase, å/ä/ö and accents folded, spaces,
/// `-` and `.` as `_` (so "Mark" finds "mark" and "Vårgårda" finds "vargarda").
#[must_use]
pub(crate) fn normalize(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            ' ' | '-' | '.' => '_',
            other => other,
        })
        .collect()
}
