//! Physical line numbers, as a text editor or Excel shows them.
//!
//! The `csv` crate's `Position::line` miscounts `\r\n` (every CRLF file is off by one
//! after the first record, BurntSushi/rust-csv#395), so no reader trusts it: every line
//! number comes from a record's byte offset (`Position::byte`, which is right) through a
//! [`LineIndex`] of the decoded text, where `\r\n`, `\n` and a lone `\r` are each one
//! line break. Lines inside a record (quoted fields with embedded line breaks) are
//! counted with [`line_breaks`].

/// Start offsets of the lines of a text, for byte offset → 1-based line number.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineIndex {
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// The line starts of `text` (without BOM: the offsets the CSV parser reports).
    #[must_use]
    pub(crate) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    i += 2;
                    starts.push(i);
                }
                b'\r' | b'\n' => {
                    i += 1;
                    starts.push(i);
                }
                _ => i += 1,
            }
        }
        Self { starts }
    }

    /// The 1-based line of the byte at `offset` (an offset past the end is on the last line).
    #[must_use]
    pub(crate) fn line(&self, offset: u64) -> u64 {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        // `starts` begins with 0, so at least one start is ≤ any offset.
        let n = self.starts.partition_point(|s| *s <= offset);
        u64::try_from(n).unwrap_or(u64::MAX)
    }

    /// The 1-based line where a record starting at byte `offset` of `text` begins: line
    /// breaks at the offset (the parser may report a record from the end of the previous
    /// line's `\r\n`) belong to the line before, so they are skipped.
    #[must_use]
    pub(crate) fn record_line(&self, text: &str, offset: u64) -> u64 {
        let start = usize::try_from(offset).unwrap_or(usize::MAX);
        let skipped = text.as_bytes().get(start..).map_or(0, |rest| {
            rest.iter()
                .take_while(|b| **b == b'\n' || **b == b'\r')
                .count()
        });
        self.line(offset.saturating_add(u64::try_from(skipped).unwrap_or(0)))
    }
}

/// Number of line breaks in `text`, counting `\r\n`, `\n` and a lone `\r` each as one.
#[must_use]
pub fn line_breaks(text: &str) -> u64 {
    let mut n = 0u64;
    let mut prev_cr = false;
    for b in text.bytes() {
        match b {
            b'\r' => {
                n += 1;
                prev_cr = true;
            }
            b'\n' => {
                if !prev_cr {
                    n += 1;
                }
                prev_cr = false;
            }
            _ => prev_cr = false,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lf_crlf_and_cr_alike() {
        for text in ["a\nb\nc\n", "a\r\nb\r\nc\r\n", "a\rb\rc\r", "a\nb\r\nc\r"] {
            let idx = LineIndex::new(text);
            let c = text.find('c').map_or(0, |i| i as u64);
            assert_eq!(idx.line(0), 1, "{text:?}");
            assert_eq!(idx.line(c), 3, "{text:?}");
            assert_eq!(line_breaks(text), 3, "{text:?}");
        }
    }

    #[test]
    fn a_record_reported_at_a_line_break_starts_after_it() {
        let text = "h\r\n\r\nx\r\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.record_line(text, 1), 3);
        assert_eq!(idx.record_line(text, 2), 3);
        assert_eq!(idx.record_line(text, 5), 3);
        assert_eq!(idx.record_line(text, 99), 4);
    }
}
