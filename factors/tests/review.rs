//! The data review stays true: `factors/REVIEW.md` lists the inputs that drive the default
//! result in the order `contributions` computes them, and the review's rules hold
//! (sources a planner can follow, computed values cite derived sources, one population
//! date with the named exceptions).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calc_core::{LinearModel, SourceKind, contributions};

fn catalogue() -> &'static factors::Catalogue {
    match factors::builtin() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

/// The ids of the table rows `| N | `id` | …` in REVIEW.md, in order.
fn review_ids() -> Vec<String> {
    let text = include_str!("../REVIEW.md");
    text.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let n = cells.get(1)?;
            n.parse::<u32>().ok()?;
            let id = cells.get(2)?;
            Some(id.trim_matches('`').to_string())
        })
        .collect()
}

#[test]
fn review_lists_the_top_15_drivers_that_contributions_computes() {
    let c = catalogue();
    let table = c.current_set().unwrap();
    let model = LinearModel::new(table, &c.default_scenario()).unwrap();
    let cost_sources: Vec<(String, calc_core::SourceId)> = c
        .measures
        .iter()
        .filter_map(|m| m.cost_source.clone().map(|s| (m.id.to_string(), s)))
        .collect();
    let computed: Vec<String> = contributions(&model, table, &cost_sources)
        .unwrap()
        .items
        .into_iter()
        .take(15)
        .map(|x| x.id)
        .collect();
    let reviewed = review_ids();
    assert_eq!(
        reviewed, computed,
        "factors/REVIEW.md no longer lists the top 15 drivers: redo the review for the new ranking"
    );
}

#[test]
fn every_url_points_to_a_document_not_a_front_page() {
    for s in &catalogue().sources {
        if s.url.is_empty() {
            continue;
        }
        let rest = s
            .url
            .split_once("://")
            .map_or("", |(_, r)| r)
            .split_once('/')
            .map_or("", |(_, p)| p);
        assert!(!rest.trim_matches('/').is_empty(), "{}: {}", s.id, s.url);
    }
}

#[test]
fn notes_point_to_nothing_a_user_cannot_open() {
    let c = catalogue();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for s in &c.sources {
        for t in [&s.note, &s.locator, &s.title, &s.publisher] {
            texts.push((s.id.to_string(), t));
        }
    }
    for set in &c.sets {
        for f in set.emission_factors() {
            texts.push((f.id.to_string(), &f.note));
            texts.push((f.id.to_string(), &f.locator));
        }
        for f in set.cost_factors() {
            texts.push((f.id.to_string(), &f.note));
            texts.push((f.id.to_string(), &f.locator));
        }
    }
    for (id, t) in texts {
        assert!(
            !t.contains(".md") && !t.contains("research notes"),
            "{id}: {t}"
        );
    }
}

/// A value the project computes from published numbers cites a derived (or estimate)
/// source: reuse credits are production × displacement, and WARM values are converted
/// from short tons.
#[test]
fn computed_factors_cite_derived_sources() {
    let c = catalogue();
    let kind = |id: &calc_core::SourceId| c.source(id.as_str()).map(|s| s.kind);
    for set in &c.sets {
        for f in set.emission_factors() {
            assert_ne!(
                f.source.as_str(),
                "warm_v15",
                "{}: cite derived_warm_v15",
                f.id
            );
            if f.route == calc_core::Route::Reuse {
                assert_ne!(kind(&f.source), Some(SourceKind::Published), "{}", f.id);
            }
        }
    }
}

/// All populations are SCB's 2024-12-31 figures, except the two that could not be read
/// here; remove an exception when its value is updated.
#[test]
fn one_population_date_with_named_exceptions() {
    let exceptions = ["1452", "1491"];
    for m in &catalogue().municipalities {
        if exceptions.contains(&m.code.as_str()) {
            assert_ne!(
                m.population_date, "2024-12-31",
                "{}: drop the exception",
                m.name
            );
        } else {
            assert_eq!(m.population_date, "2024-12-31", "{}", m.name);
        }
    }
}

/// A municipality's own baseline names a known municipality and a known source.
#[test]
fn local_baselines_are_for_known_municipalities() {
    let c = catalogue();
    for p in &c.pools {
        for l in &p.local_baselines {
            assert!(
                c.municipality(l.municipality.as_str()).is_some(),
                "{}",
                p.id
            );
            assert!(c.source(l.source.as_str()).is_some(), "{}", p.id);
        }
    }
}
