//! The `targets` table: each target in each municipality, then the figures per inhabitant.

use super::{TextTable, num};
use crate::lang::{t, tf};
use crate::targets::{base_from, contribution_line, value};
use calc_core::csvio::Lang;
use calc_core::{GapPlan, OwnFigures, PerInhabitant, ScbCode, TargetReport};
use rust_decimal::Decimal;

// One scenario's answer and how to name and mark it: grouping them would only move the list.
#[allow(clippy::too_many_arguments)]
pub(crate) fn targets_table(
    scenario: &str,
    report: &TargetReport,
    plans: &[GapPlan],
    per_inhabitant: &[PerInhabitant],
    close_gap: bool,
    own: &OwnFigures,
    name: &dyn Fn(&ScbCode) -> String,
    lang: Lang,
) -> String {
    let mut out = tf!(
        lang,
        "{scenario}: mål och uppföljning\n",
        "{scenario}: targets and follow-up\n"
    );
    let mut table = TextTable::new(&[
        (t(lang, "mål", "target"), false),
        (t(lang, "kommun", "municipality"), false),
        (t(lang, "enhet", "unit"), false),
        (t(lang, "basår", "base year"), true),
        (t(lang, "basvärde", "base"), true),
        (t(lang, "basvärde från", "base from"), false),
        (t(lang, "målår", "target year"), true),
        (t(lang, "mål", "target"), true),
        (t(lang, "prognos", "projected"), true),
        (t(lang, "gap", "gap"), true),
        (t(lang, "status", "status"), false),
    ]);
    for p in &report.progress {
        table.push(vec![
            p.target.clone(),
            name(&p.municipality),
            p.indicator.unit(lang).to_string(),
            p.base_year.to_string(),
            value(p.base_value, lang),
            base_from(p.base_from, lang).to_string(),
            p.target_year.to_string(),
            value(p.target_value, lang),
            value(p.projected_value, lang),
            value(p.gap, lang),
            p.status.name(lang).to_string(),
        ]);
    }
    table.render(&mut out);
    out.push_str(t(
        lang,
        "Gap: hur långt prognosen är från målet målåret (positivt: målet nås inte). Status: senaste utfallet mot den raka linjen från basvärdet till målet, utan utfall prognosen (docs/targets.sv.md).\n",
        "Gap: how far the projection is from the target in the target year (positive: short of it). Status: the latest actual against the straight path from base to target, without actuals the projection (docs/targets.en.md).\n",
    ));
    out.push_str(&format!(
        "\n{}\n",
        t(
            lang,
            "Åtgärdernas bidrag målåret:",
            "The measures' contributions in the target year:"
        )
    ));
    for p in &report.progress {
        out.push_str(&format!(
            "  {}, {}: {}\n",
            p.target,
            name(&p.municipality),
            contribution_line(p, lang)
        ));
    }
    if close_gap {
        out.push_str(&format!(
            "\n{}\n",
            t(
                lang,
                "Billigaste paket som når målet (katalogens åtgärder på målets avfallspooler, 0–100 % effekt; engångs- + löpande kostnad över planperioden):",
                "Least-cost package that meets the target (the catalogue's measures on the target's pools, 0–100 % effect; one-time + running cost over the plan period):"
            )
        ));
        for g in plans {
            let chosen: Vec<String> = g
                .chosen
                .iter()
                .map(|c| {
                    format!(
                        "{} {} %",
                        c.measure.as_str(),
                        num(c.level * Decimal::ONE_HUNDRED, 0, lang)
                    )
                })
                .collect();
            out.push_str(&tf!(
                lang,
                "  {}, {}: {} kr: {} (prognos {})\n",
                "  {}, {}: {} SEK: {} (projected {})\n",
                g.target,
                name(&g.municipality),
                num(g.cost_sek.value(), 0, lang),
                chosen.join(", "),
                value(g.projected_value, lang)
            ));
        }
    }
    let unreachable: Vec<String> = report
        .progress
        .iter()
        .filter(|p| p.gap > Decimal::ZERO)
        .filter(|p| {
            !plans
                .iter()
                .any(|g| g.target == p.target && g.municipality == p.municipality)
        })
        .map(|p| format!("{}, {}", p.target, name(&p.municipality)))
        .collect();
    if close_gap && !unreachable.is_empty() {
        out.push_str(&tf!(
            lang,
            "  Når inte målet ens med alla åtgärder på 100 % effekt: {}\n",
            "  Not met even with every measure at 100 % effect: {}\n",
            unreachable.join("; ")
        ));
    }
    if !own.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            t(
                lang,
                "Kommunens egna siffror (ersätter standardvärdena):",
                "The municipality's own figures (replacing the defaults):"
            )
        ));
        for r in &own.rows {
            out.push_str(&format!(
                "  {}, {}: {} ({})\n",
                name(&r.municipality),
                r.pool.as_str(),
                r.source,
                r.year
            ));
        }
    }
    if !report.no_base.is_empty() {
        let list: Vec<String> = report
            .no_base
            .iter()
            .map(|n| format!("{}, {}", n.target, name(&n.municipality)))
            .collect();
        out.push_str(&tf!(
            lang,
            "\nUtan basvärde (ange det i målfilen): {}\n",
            "\nNo base value (give it in the targets file): {}\n",
            list.join("; ")
        ));
    }
    out.push('\n');
    super::per_inhabitant_table(per_inhabitant, None, name, lang, &mut out);
    out
}
