//! Integrity of the built-in data: it loads, every source resolves, ranges are ordered,
//! mixes sum to 1, every measure has the factors it needs, units match their columns,
//! keys are unique.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calc_core::csvio;
use calc_core::{Route, SourceKind};
use std::collections::BTreeSet;

fn catalogue() -> &'static factors::Catalogue {
    match factors::builtin() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn data_loads() {
    let c = catalogue();
    assert!(c.measures.len() >= 15, "only {} measures", c.measures.len());
    assert_eq!(c.municipalities.len(), 8);
    assert_eq!(c.sets.len(), 2);
    assert_eq!(Route::ALL.len(), 7);
}

#[test]
fn every_source_id_resolves() {
    let c = catalogue();
    let known: BTreeSet<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
    let mut missing = Vec::new();
    for set in &c.sets {
        for f in set.emission_factors() {
            if !known.contains(f.source.as_str()) {
                missing.push(format!("{} in {}", f.source, f.id));
            }
        }
        for f in set.cost_factors() {
            if !known.contains(f.source.as_str()) {
                missing.push(format!("{} in {}", f.source, f.id));
            }
        }
    }
    for set in &c.sets {
        for y in set.yields() {
            if !known.contains(y.source.as_str()) {
                missing.push(format!("{} in {}", y.source, y.id));
            }
        }
    }
    for m in &c.measures {
        for s in &m.sources {
            if !known.contains(s.as_str()) {
                missing.push(format!("{s} in measure {}", m.id));
            }
        }
    }
    for p in &c.pools {
        for s in &p.sources {
            if !known.contains(s.as_str()) {
                missing.push(format!("{s} in pool {}", p.id));
            }
        }
    }
    for k in &c.municipalities {
        if !known.contains(k.source.as_str()) {
            missing.push(format!("{} in municipality {}", k.source, k.name));
        }
    }
    assert!(missing.is_empty(), "unknown source ids: {missing:?}");
}

#[test]
fn sources_say_where_and_why() {
    for s in &catalogue().sources {
        match s.kind {
            SourceKind::Published => {
                assert!(
                    !s.url.is_empty() || !s.locator.is_empty(),
                    "{}: published source without url or locator",
                    s.id
                )
            }
            SourceKind::Derived | SourceKind::Estimate => {
                assert!(
                    s.note.len() >= 20,
                    "{}: {:?} source needs its arithmetic or reasoning in note",
                    s.id,
                    s.kind
                )
            }
        }
    }
}

#[test]
fn every_measure_has_its_factors_in_every_set() {
    let c = catalogue();
    let mut missing = Vec::new();
    for set in &c.sets {
        for m in &c.measures {
            let mut routes: Vec<Route> = m
                .pool
                .baseline
                .shares()
                .iter()
                .chain(m.target.shares())
                .map(|(r, _)| *r)
                .collect();
            for (t, _) in m.target.shares() {
                if let Some(y) = set.yield_for(&m.fraction, *t) {
                    routes.push(y.reject);
                }
            }
            for route in &routes {
                if set.emission(&m.fraction, *route).is_none() {
                    missing.push(format!(
                        "{}: ef.{}.{} for {}",
                        set.info().id,
                        m.fraction,
                        route,
                        m.id
                    ));
                }
                if set.cost(&m.fraction, *route).is_none() {
                    missing.push(format!(
                        "{}: cf.{}.{} for {}",
                        set.info().id,
                        m.fraction,
                        route,
                        m.id
                    ));
                }
            }
        }
    }
    assert!(missing.is_empty(), "missing factors: {missing:?}");
}

#[test]
fn every_measure_fraction_and_area_exists() {
    let c = catalogue();
    for m in &c.measures {
        assert!(
            c.fractions.iter().any(|f| f.id == m.fraction),
            "{}: unknown fraction {}",
            m.id,
            m.fraction
        );
        assert!(
            c.areas.iter().any(|a| a.id == m.area),
            "{}: unknown area {}",
            m.id,
            m.area
        );
        assert_eq!(
            m.pool.fraction, m.fraction,
            "{}: pool of another fraction",
            m.id
        );
        for r in &m.acts_on {
            assert!(
                !m.pool.baseline.share(*r).value().is_zero(),
                "{}: acts on {r}, where pool {} has no tonnes",
                m.id,
                m.pool.id
            );
            assert!(
                m.target.share(*r).value() < rust_decimal::Decimal::ONE,
                "{}: moves {r} to itself",
                m.id
            );
        }
    }
    for p in &c.pools {
        assert!(
            c.fractions.iter().any(|f| f.id == p.fraction),
            "pool {}: unknown fraction {}",
            p.id,
            p.fraction
        );
        assert!(
            c.measures.iter().any(|m| m.pool.id == p.id),
            "pool {} has no measure",
            p.id
        );
    }
}

/// Every measure cost is a range (low ≤ central ≤ high, and low < high where it is not
/// zero), with a source; every measure says who pays and who saves.
#[test]
fn every_measure_cost_has_a_range() {
    for m in &catalogue().measures {
        for (what, e) in [
            ("implementation", &m.implementation_cost),
            ("running", &m.running_cost),
        ] {
            assert!(
                e.central().is_zero() || e.low() < e.high(),
                "{}: {what} cost {} has no range",
                m.id,
                e.central()
            );
        }
    }
}

/// Avoided purchases are counted for whoever would have bought: household food is the
/// households' money, kitchens' and offices' purchases the municipal budget's.
#[test]
fn avoided_purchases_are_counted_for_their_payer() {
    use calc_core::Payer;
    let c = catalogue();
    for m in &c.measures {
        let purchase = [Route::Prevention, Route::Reuse]
            .into_iter()
            .filter(|r| !m.target.share(*r).value().is_zero())
            .any(|r| {
                c.sets.iter().any(|s| {
                    s.cost(&m.fraction, r)
                        .is_some_and(|f| !f.value.central().is_zero())
                })
            });
        if !purchase {
            continue;
        }
        let expected = if m.fraction.as_str() == "household_food" {
            Payer::Households
        } else {
            Payer::MunicipalBudget
        };
        assert_eq!(m.savings_payer, expected, "{}", m.id);
    }
}

/// Yields are shares of what a route receives; their rejects have factors.
#[test]
fn yields_are_sourced_and_rejects_have_factors() {
    for set in &catalogue().sets {
        for y in set.yields() {
            assert_ne!(y.route, y.reject, "{}", y.id);
            assert!(set.emission(&y.fraction, y.reject).is_some(), "{}", y.id);
            assert!(set.cost(&y.fraction, y.reject).is_some(), "{}", y.id);
        }
    }
}

#[test]
fn reuse_factors_state_a_displacement_share() {
    for set in &catalogue().sets {
        for f in set.emission_factors() {
            if f.route == Route::Reuse {
                assert!(
                    f.displacement.is_some(),
                    "{}: reuse credit without displacement_share",
                    f.id
                );
            }
        }
    }
}

#[test]
/// The GWP basis is one of the values factors/README.md allows: a set, `mixed` (low, central
/// and high come from sources with different bases) or `unspecified` (the source does not say).
fn gwp_basis_is_stated() {
    for set in &catalogue().sets {
        for f in set.emission_factors() {
            assert!(
                matches!(
                    f.gwp.as_str(),
                    "AR4" | "AR5" | "AR6" | "mixed" | "unspecified"
                ),
                "{}: gwp '{}'",
                f.id,
                f.gwp
            );
        }
    }
}

#[test]
fn routes_file_matches_the_code() {
    let text = factors::file("routes.csv").unwrap();
    let table = csvio::Table::read(text.as_bytes()).unwrap();
    let ids: Vec<&str> = table
        .rows
        .iter()
        .map(|r| r.field(0).unwrap_or_default())
        .collect();
    assert_eq!(ids, Route::ALL.iter().map(|r| r.id()).collect::<Vec<_>>());
}

#[test]
fn unit_columns_are_the_declared_ones() {
    // A file with per-short-ton or per-kg columns must not pass as per-tonne data.
    for path in ["sets/sjuharad-2025.csv", "sets/sjuharad-2024.csv"] {
        let text = factors::file(path).unwrap();
        let table = csvio::Table::read(text.as_bytes()).unwrap();
        // The columns the writer writes, in the reader's order and canonical names.
        let set = factors::builtin().unwrap().current_set().unwrap();
        let written = csvio::write_factor_table(set, csvio::Dialect::PLAIN);
        let expected = csvio::Table::read(written.as_bytes()).unwrap().headers;
        assert_eq!(table.headers, expected, "{path}");
    }
}

#[test]
fn municipalities_are_sjuharad() {
    let mut codes: Vec<&str> = catalogue()
        .municipalities
        .iter()
        .map(|m| m.code.as_str())
        .collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "1442", "1443", "1452", "1463", "1465", "1466", "1490", "1491"
        ]
    );
    for m in &catalogue().municipalities {
        assert!(
            (5_000..200_000).contains(&m.population),
            "{}: population {}",
            m.name,
            m.population
        );
    }
}

#[test]
fn the_default_scenario_evaluates() {
    let c = catalogue();
    let s = c.default_scenario();
    assert_eq!(s.items.len(), c.measures.len() * 8);
    for set in &c.sets {
        let e = calc_core::evaluate(set, &s).unwrap();
        assert!(e.total.co2e_saved_kg_per_year.central > calc_core::KgCo2e::ZERO);
        // The catalogue's defaults act on tonnes their pools have, and never name more.
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
        // No pool gives more tonnes than it has.
        for p in &c.pools {
            for k in &c.municipalities {
                let moved: rust_decimal::Decimal = e
                    .items
                    .iter()
                    .filter(|i| i.pool == p.id && i.municipality == k.code)
                    .map(|i| i.summary.tonnes_shifted_per_year.value())
                    .sum();
                let have = p.basis.tonnes_for(k.population).unwrap().value();
                assert!(
                    moved <= have,
                    "{} in {}: {moved} t of {have} t",
                    p.id,
                    k.name
                );
            }
        }
    }
}

#[test]
fn every_source_note_has_a_swedish_version() {
    // The app shows the note in the interface's language: every note has a Swedish
    // version that keeps its numbers (digit groups, whatever the decimal mark) and the
    // source ids it cites.
    let c = catalogue();
    let ids: Vec<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
    let numbers = |s: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .split(|ch: char| !ch.is_ascii_digit())
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect();
        v.sort();
        v
    };
    let mut problems = Vec::new();
    for s in &c.sources {
        if s.note.is_empty() {
            continue;
        }
        if s.note_sv.trim().is_empty() {
            problems.push(format!("{}: no note_sv", s.id));
            continue;
        }
        if numbers(&s.note) != numbers(&s.note_sv) {
            problems.push(format!(
                "{}: numbers differ: {:?} vs {:?}",
                s.id,
                numbers(&s.note),
                numbers(&s.note_sv)
            ));
        }
        for id in ids.iter().filter(|id| s.note.contains(**id)) {
            if !s.note_sv.contains(*id) {
                problems.push(format!("{}: note_sv does not cite {id}", s.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The plan's three food goals load; their sources resolve; what the plan text leaves open
/// (target years, base values) is marked as the project's assumption in the note.
#[test]
fn targets_load_with_sources() {
    let c = catalogue();
    let ids: Vec<&str> = c.targets.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "food_waste_halved",
            "kitchen_food_waste_35g",
            "food_to_biogas_60pct"
        ]
    );
    let known: BTreeSet<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
    for t in &c.targets {
        assert!(known.contains(t.source.as_str()), "{}: {}", t.id, t.source);
        if t.base.value.is_some() {
            assert!(known.contains(t.base.source.as_str()), "{}", t.id);
        }
        assert!(t.note.contains("est_plan_end_year"), "{}", t.id);
        assert!(known.contains("est_plan_end_year"));
        assert!(!t.text_sv.is_empty() && !t.text_en.is_empty(), "{}", t.id);
    }
    let halved = &c.targets[0];
    assert_eq!(
        halved.target_value(rust_decimal::Decimal::from(15)),
        Some("7.5".parse().unwrap())
    );
}

#[test]
fn every_cost_is_at_its_sets_price_level() {
    let c = catalogue();
    let known: BTreeSet<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
    for (year, level) in c.price_index.iter() {
        assert!(
            known.contains(level.source.as_str()),
            "price index {year}: unknown source {}",
            level.source
        );
    }
    for set in &c.sets {
        let info = set.info();
        // One price level for every set, so sets compare in the same kronor.
        assert_eq!(info.price_year, Some(calc_core::Year(2025)), "{}", info.id);
        for f in set.cost_factors() {
            assert_eq!(f.price_year, info.price_year, "{} in {}", f.id, info.id);
            if let Some(n) = &f.nominal {
                assert_ne!(Some(n.price_year), info.price_year, "{}", f.id);
                // The converted value is the source's value × index ratio, to the öre.
                let to = info.price_year.unwrap();
                let back = c
                    .price_index
                    .convert(n.value.central(), n.price_year, to)
                    .unwrap();
                assert_eq!(back, f.value.central(), "{} in {}", f.id, info.id);
            }
        }
    }
    // A 2019 gate fee is converted with SCB's annual averages: 885 × 415.51/334.26 =
    // 1 100.1207… → 1 100.12 (worked by hand).
    let paper = c
        .current_set()
        .unwrap()
        .cost_factors()
        .find(|f| f.id.as_str() == "cf.paper_packaging.incineration")
        .unwrap();
    assert_eq!(
        paper.nominal.as_ref().unwrap().price_year,
        calc_core::Year(2019)
    );
    assert_eq!(
        paper.value.central(),
        calc_core::SekPerTonne::new(rust_decimal::Decimal::new(110_012, 2))
    );
}

#[test]
fn published_sources_have_a_url() {
    let missing: Vec<&str> = catalogue()
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Published && s.url.is_empty())
        .map(|s| s.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "published sources without a URL: {missing:?}"
    );
}

/// The rows of a built-in CSV file as header → value maps, read as plain text (the effect
/// range, goal and legal-duty columns are checked on the file itself).
fn raw_rows(file: &str) -> (Vec<String>, Vec<std::collections::BTreeMap<String, String>>) {
    let text = factors::FILES
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, t)| *t)
        .unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (header, rows)
}

fn pct(row: &std::collections::BTreeMap<String, String>, col: &str) -> Option<f64> {
    row.get(col)
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.trim().parse::<f64>().unwrap())
}

/// Every measure's expected effect has a range, low ≤ central ≤ high within 0–100, with an
/// evidence source; the plan's goal is given with its source, or the note says there is
/// none; the new columns follow `default_effect_pct`.
#[test]
fn effects_have_ordered_ranges_and_goals_are_sourced() {
    let (header, rows) = raw_rows("measures.csv");
    let at = header
        .iter()
        .position(|h| h == "default_effect_pct")
        .unwrap();
    assert_eq!(
        header[at + 1..at + 7],
        [
            "effect_low_pct",
            "effect_high_pct",
            "goal_effect_pct",
            "goal_source",
            "kind",
            "start_year"
        ]
    );
    let known: BTreeSet<String> = raw_rows("sources.csv")
        .1
        .into_iter()
        .map(|s| s["id"].clone())
        .collect();
    let mut problems = Vec::new();
    for m in &rows {
        let id = &m["id"];
        let (lo, c, hi) = (
            pct(m, "effect_low_pct"),
            pct(m, "default_effect_pct"),
            pct(m, "effect_high_pct"),
        );
        match (lo, c, hi) {
            (Some(lo), Some(c), Some(hi)) => {
                if !(0.0 <= lo && lo <= c && c <= hi && hi <= 100.0) {
                    problems.push(format!(
                        "{id}: effect {lo} / {c} / {hi} not ordered in 0–100"
                    ));
                }
            }
            _ => problems.push(format!(
                "{id}: effect low, central and high are all required"
            )),
        }
        if !known.contains(&m["effect_source"]) {
            problems.push(format!(
                "{id}: effect_source {:?} unknown",
                m["effect_source"]
            ));
        }
        match pct(m, "goal_effect_pct") {
            Some(g) => {
                if !(0.0..=100.0).contains(&g) {
                    problems.push(format!("{id}: goal {g} outside 0–100"));
                }
                if !known.contains(&m["goal_source"]) {
                    problems.push(format!("{id}: goal without a known goal_source"));
                }
                if !m["note"].contains("mbition") && !m["note"].contains("oal") {
                    problems.push(format!("{id}: the note does not explain the goal"));
                }
            }
            None if m["kind"] == "plan" && !m["note"].contains("no goal") => {
                problems.push(format!("{id}: no goal and the note does not say so"));
            }
            None => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Legal duties (the reference path) name the law with a URL and the year it applies from,
/// carry no plan costs, have a target mix, and every plan measure on a duty's pool says
/// what it adds beyond the duty.
#[test]
fn legal_duties_have_a_law_a_start_year_and_the_plan_is_counted_beyond_them() {
    let (_, rows) = raw_rows("measures.csv");
    let (_, mixes) = raw_rows("measure_mixes.csv");
    let (_, sources) = raw_rows("sources.csv");
    let mut problems = Vec::new();
    let mut duty_pools = BTreeSet::new();
    for m in &rows {
        let id = &m["id"];
        match m["kind"].as_str() {
            "plan" => {
                if !m["start_year"].is_empty() {
                    problems.push(format!("{id}: a plan measure has no start_year of its own"));
                }
            }
            "legal_duty" => {
                duty_pools.insert(m["pool"].clone());
                match sources.iter().find(|s| s["id"] == m["goal_source"]) {
                    Some(s) if !s["url"].is_empty() && s["id"].starts_with("law_") => {}
                    _ => problems.push(format!("{id}: goal_source must be the law, with a URL")),
                }
                match m["start_year"].parse::<u16>() {
                    Ok(y) if (2020..=2035).contains(&y) => {}
                    _ => problems.push(format!("{id}: start_year {:?}", m["start_year"])),
                }
                for (col, v) in m.iter().filter(|(k, _)| k.ends_with("_sek_per_inhabitant")) {
                    if v.parse::<f64>().unwrap() != 0.0 {
                        problems.push(format!(
                            "{id}: {col} = {v}; a duty's costs are not the plan's"
                        ));
                    }
                }
                if m["cost_source"] != "est_legal_duty_costs" {
                    problems.push(format!("{id}: cost_source must explain the zero costs"));
                }
                if !mixes
                    .iter()
                    .any(|x| &x["measure"] == id && x["mix"] == "target")
                {
                    problems.push(format!("{id}: no target mix"));
                }
            }
            other => problems.push(format!("{id}: kind {other:?} is not plan or legal_duty")),
        }
    }
    assert_eq!(duty_pools.len(), 6, "{duty_pools:?}");
    for m in rows.iter().filter(|m| m["kind"] == "plan") {
        let on_duty_pool = duty_pools.contains(&m["pool"]);
        let restated = m["note"].contains("BEYOND the legal duty");
        let prevents = mixes
            .iter()
            .filter(|x| x["measure"] == m["id"] && x["mix"] == "target")
            .all(|x| x["route"] == "prevention");
        if on_duty_pool && !restated && !prevents {
            problems.push(format!(
                "{}: acts on a legal duty's pool; say what it adds beyond it",
                m["id"]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
