//! Tests of the bench table and its page.

use super::*;

#[test]
fn reads_criterion_medians_on_one_or_two_lines() {
    let text = "\
evaluate sjuharad (144 items x 11 years)
                    time:   [5.6468 ms 5.9197 ms 6.1816 ms]
                    change: [-1.0% +0.2% +1.1%] (p = 0.70 > 0.05)
rank + macc             time:   [1.2000 µs 1.2500 µs 1.3000 µs]
decide/monte carlo 10 000 draws
                    time:   [30.100 ms 31.000 ms 32.000 ms]
";
    let got = parse_criterion(text);
    let want = [
        ("evaluate sjuharad (144 items x 11 years)", 5_919_700.0),
        ("rank + macc", 1_250.0),
        ("decide/monte carlo 10 000 draws", 31_000_000.0),
    ];
    assert_eq!(got.len(), want.len());
    for ((name, ns), (want_name, want_ns)) in got.iter().zip(want) {
        assert_eq!(name, want_name);
        assert!((ns - want_ns).abs() < 1e-3, "{name}: {ns}");
    }
}

#[test]
fn reads_peak_memory_from_proc_status() {
    assert_eq!(
        vm_hwm("Name:\tx\nVmHWM:\t   82012 kB\n"),
        Some(82_012 * 1024)
    );
    assert_eq!(vm_hwm("Name:\tx\n"), None);
}

#[test]
fn the_table_replaces_what_is_between_the_markers_only() {
    let doc = format!(
        "# Performance\n\nIntro.\n\n{TABLE_BEGIN}\n\nLast run: commit old.\n\n| old |\n\n{TABLE_END}\n\n## Notes\n\nKept.\n"
    );
    let got = replace_between_markers(&doc, "Last run: commit new.\n\n| a | b |\n|---|---|\n")
        .map_err(|e| e.to_string());
    assert_eq!(
        got,
        Ok(format!(
            "# Performance\n\nIntro.\n\n{TABLE_BEGIN}\n\nLast run: commit new.\n\n| a | b |\n|---|---|\n\n{TABLE_END}\n\n## Notes\n\nKept.\n"
        ))
    );
    // Replacing again with the same section changes nothing.
    let once = replace_between_markers(&doc, "x").map_err(|e| e.to_string());
    let twice = once
        .clone()
        .and_then(|d| replace_between_markers(&d, "x").map_err(|e| e.to_string()));
    assert_eq!(once, twice);
    // CRLF line ends are found too.
    let crlf = format!("a\r\n{TABLE_BEGIN}\r\nold\r\n{TABLE_END}\r\nb\r\n");
    assert_eq!(
        replace_between_markers(&crlf, "new").map_err(|e| e.to_string()),
        Ok(format!("a\r\n{TABLE_BEGIN}\n\nnew\n\n{TABLE_END}\r\nb\r\n"))
    );
}

#[test]
fn markers_missing_or_out_of_order_are_an_error() {
    for doc in [
        String::from("# Performance\n"),
        format!("{TABLE_BEGIN}\n| t |\n"),
        format!("{TABLE_END}\n| t |\n{TABLE_BEGIN}\n"),
        // A marker inside a line is not a marker line.
        format!("see `{TABLE_BEGIN}`\n{TABLE_END}\n"),
    ] {
        assert!(replace_between_markers(&doc, "x").is_err(), "{doc}");
    }
}

#[test]
fn the_performance_page_has_the_markers() {
    let doc = include_str!("../../../docs/performance.md");
    let got = replace_between_markers(doc, "Last run: commit x.").map_err(|e| e.to_string());
    assert!(
        got.as_deref()
            .is_ok_and(|d| d.contains("Last run: commit x.")),
        "{got:?}"
    );
}

#[test]
fn dates_are_utc_calendar_days() {
    use std::time::{Duration, UNIX_EPOCH};
    let at = |secs: u64| utc_date(UNIX_EPOCH + Duration::from_secs(secs));
    assert_eq!(at(0), "1970-01-01");
    assert_eq!(at(86_399), "1970-01-01");
    // 2000-02-29 (a leap day in a century year divisible by 400): 11 016 days.
    assert_eq!(at(11_016 * 86_400), "2000-02-29");
    assert_eq!(at(11_017 * 86_400), "2000-03-01");
    // 2026-12-07 12:00 UTC: 20 794 days and 12 hours.
    assert_eq!(at(20_794 * 86_400 + 43_200), "2026-12-07");
    assert_eq!(at(20_818 * 86_400), "2026-12-31");
    assert_eq!(at(20_819 * 86_400), "2027-01-01");
}

#[test]
fn a_missed_budget_is_marked() {
    let rows = [Row {
        name: "evaluate".into(),
        unit: "ns",
        value: Some(2_500_000.0),
        budget: Budget::AtMost(100_000.0),
        previous: Some(5_000_000.0),
    }];
    assert_eq!(
        render(&rows, true).lines().nth(2),
        Some("| evaluate | 2.50 ms | ≤ 100.0 µs | **no** | 5.00 ms | 0.50 |")
    );
}
