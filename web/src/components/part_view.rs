//! "Din del" (issue 26): the plan seen from one unit of the organisation, or several.
//!
//! An official picks their unit (meal services, schools, IT, …) and sees, from
//! `calc_core::by_unit` on the app's current evaluation (nothing is evaluated again): the
//! measures the unit leads or contributes to, what they give per year and over the plan
//! period (t CO2e and money by payer, with low–high ranges), the unit's share of the plan's
//! total, the targets its measures serve with how much of each needed change they give, and
//! its measures in order of cost per tonne. Opened from the start screen or by link
//! (`?del=kost`, several: `?del=kost,skola`); printed, each unit fills one page.

use crate::components::measure_name_by_id;
use crate::format;
use crate::hooks::use_eval;
use crate::i18n::{K, t};
use crate::settings::{Settings, catalogue};
use calc_core::csvio::Lang;
use calc_core::{
    Band, KgCo2e, Perspective, Sek, Summary, TargetReport, UnitResult, UnitRole, for_unit,
};
use rust_decimal::Decimal;
use yew::prelude::*;

/// The units a query string asks for: `?del=kost` or `?del=kost,skola` among other
/// parameters (`None` without `del`; `Some` of an empty list for `?del=`, which opens the
/// view with no unit chosen). Ids are trimmed, empty ones and repeats dropped.
#[must_use]
pub fn units_in_query(search: &str) -> Option<Vec<String>> {
    let value = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("del="))?;
    let mut out: Vec<String> = Vec::new();
    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let id = id.to_string();
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Some(out)
}

/// The query string with `del` set to `units` (or removed when `units` is `None`), the
/// other parameters kept in their order: for the address bar, so the link opens the same
/// view.
#[must_use]
pub fn query_with_units(search: &str, units: Option<&[String]>) -> String {
    let mut parts: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("del="))
        .map(str::to_string)
        .collect();
    if let Some(u) = units {
        parts.push(format!("del={}", u.join(",")));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Props of [`PartView`].
#[derive(Properties, PartialEq, Debug)]
pub struct PartViewProps {
    /// The chosen units' ids, in the order chosen.
    pub units: Vec<String>,
    /// A new choice of units.
    pub on_change: Callback<Vec<String>>,
    /// Back to the whole plan.
    pub on_close: Callback<()>,
}

/// The "Din del" view: the unit picker and one section per chosen unit.
#[function_component]
pub fn PartView(props: &PartViewProps) -> Html {
    let Some((store, lang, e)) = use_eval() else {
        return html! {};
    };
    let Some(cat) = catalogue() else {
        return html! {};
    };
    let unknown: Vec<&String> = props
        .units
        .iter()
        .filter(|u| cat.unit(u).is_none())
        .collect();
    let chosen: Vec<&calc_core::OrgUnit> = cat
        .units
        .units
        .iter()
        .filter(|u| props.units.iter().any(|c| c == u.id.as_str()))
        .collect();
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            // A refused print dialog (e.g. blocked in a frame) leaves the page as it is.
            let _ = w.print();
        }
    });
    let on_close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    // The targets' progress, worked out once per change by the reducer (the targets
    // section shows the same).
    let derived = store.derived.clone();
    let report = derived
        .as_ref()
        .and_then(|d| d.targets.report.as_ref().ok());
    let towns = store.settings.chosen(cat);
    let town_names = if towns.len() == cat.municipalities.len() {
        t(lang, K::WholeSjuharad).to_string()
    } else {
        towns
            .iter()
            .map(|k| k.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let context = format!(
        "{}: {}. {} {}–{}.",
        t(lang, K::Municipalities),
        town_names,
        t(lang, K::PartPeriod),
        e.period.start().get(),
        e.period.end().get()
    );
    html! {
        <section class="part-view" id="part" aria-labelledby="part-title" data-testid="part-view">
            <div class="panel part-pick no-print">
                <h2 id="part-title" tabindex="-1">{ t(lang, K::PartTitle) }</h2>
                <p class="hint">{ t(lang, K::PartIntro) }</p>
                <fieldset class="part-units">
                    <legend>{ t(lang, K::PartPick) }</legend>
                    <ul class="unit-grid">
                        { for cat.units.units.iter().map(|u| {
                            let id = u.id.to_string();
                            let checked = props.units.contains(&id);
                            let onchange = {
                                let cb = props.on_change.clone();
                                let units = props.units.clone();
                                let id = id.clone();
                                Callback::from(move |_: Event| {
                                    let mut next = units.clone();
                                    if checked {
                                        next.retain(|x| x != &id);
                                    } else {
                                        next.push(id.clone());
                                    }
                                    cb.emit(next);
                                })
                            };
                            let described = format!("unit-desc-{id}");
                            html! {
                                <li key={id.clone()}>
                                    <label class="check">
                                        <input type="checkbox" data-testid={format!("unit-{id}")} {checked} {onchange}
                                            aria-describedby={described.clone()} />
                                        <span>{ u.name(lang).to_string() }</span>
                                    </label>
                                    <span class="visually-hidden" id={described}>{ match lang {
                                        Lang::Sv => u.description_sv.clone(),
                                        Lang::En => u.description_en.clone(),
                                    } }</span>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
                if !unknown.is_empty() {
                    <p class="alert" role="alert" data-testid="part-unknown">
                        { t(lang, K::PartUnknown) }{ " " }
                        { unknown.iter().map(|u| calc_core::csvio::shown(u)).collect::<Vec<_>>().join(", ") }
                    </p>
                }
                <div class="part-actions">
                    if !chosen.is_empty() {
                        <button type="button" class="button-secondary" data-testid="part-print" onclick={on_print}>{ t(lang, K::PartPrint) }</button>
                    }
                    <button type="button" class="button-secondary" data-testid="part-close" onclick={on_close}>{ t(lang, K::PartBack) }</button>
                </div>
            </div>
            if chosen.is_empty() {
                <p class="hint panel" role="status" data-testid="part-none">{ t(lang, K::PartNone) }</p>
            }
            { for chosen.iter().map(|u| {
                let r = for_unit(&e, &cat.units, &u.id, report, Perspective::Municipality);
                unit_section(u, &r, &context, report, &store.settings, lang)
            }) }
        </section>
    }
}

fn t_co2e(b: Band<KgCo2e>, lang: Lang) -> Html {
    html! { <>
        <span class="main">{ format::tonnes_co2e(b.central, lang) }</span>
        if b.low != b.high {
            <span class="sub">{ format::range_t(b.low, b.high, lang) }</span>
        }
    </> }
}

fn kr(b: Band<Sek>, lang: Lang) -> Html {
    html! { <>
        <span class="main" data-value={b.central.value().to_string()}>{ format::sek(b.central, lang) }</span>
        if b.low != b.high {
            <span class="sub">{ format::range(&format::sek(b.low, lang), &format::sek(b.high, lang), lang) }</span>
        }
    </> }
}

fn cost_per_tonne(s: &Summary, lang: Lang) -> String {
    s.cost_per_tonne_for(Perspective::Municipality)
        .map_or_else(|| "–".to_string(), |c| format::number(c.value(), 0, lang))
}

fn unit_section(
    u: &calc_core::OrgUnit,
    r: &UnitResult,
    context: &str,
    report: Option<&TargetReport>,
    settings: &Settings,
    lang: Lang,
) -> Html {
    let id = u.id.to_string();
    let title_id = format!("part-{id}-title");
    let s = &r.carried;
    let led = &r.led;
    let leads = r.measures.iter().any(|m| m.role == UnitRole::Lead);
    let (py, pc) = (
        &s.net_sek_saved_per_year_by_payer,
        &s.net_sek_saved_cumulative_by_payer,
    );
    let payers = [
        (K::PayerWasteFee, "waste_fee", py.waste_fee, pc.waste_fee),
        (
            K::PayerBudget,
            "municipal_budget",
            py.municipal_budget,
            pc.municipal_budget,
        ),
        (
            K::PayerHouseholds,
            "households",
            py.households,
            pc.households,
        ),
    ];
    let share = r
        .share_of_total
        .map_or_else(|| "–".to_string(), |x| format::percent(x, 1, lang));
    html! {
        <section class="panel part-unit" aria-labelledby={title_id.clone()} data-testid={format!("part-{id}")} data-unit={id.clone()}>
            <h3 id={title_id}>{ u.name(lang).to_string() }<span class="part-suffix">{ " – " }{ t(lang, K::PartSuffix) }</span></h3>
            <p class="hint part-context">{ settings.name.clone() }{ ". " }{ context }</p>
            <p class="part-about">{ match lang { Lang::Sv => u.description_sv.clone(), Lang::En => u.description_en.clone() } }</p>
            if r.measures.is_empty() {
                <p class="hint" data-testid={format!("part-{id}-empty")}>{ t(lang, K::PartNoMeasures) }</p>
            } else {
                <p class="part-share" data-testid={format!("part-{id}-share")}>
                    if leads {
                        { t(lang, K::PartShareLed) }{ " " }
                        <strong data-testid={format!("part-{id}-share-value")}>{ share }</strong>
                        { " " }{ t(lang, K::PartShareOf) }{ " (" }
                        { format::tonnes_co2e(led.co2e_saved_kg_per_year.central, lang) }{ " " }{ t(lang, K::ColTCo2eYear) }{ ")." }
                    } else {
                        { t(lang, K::PartLeadsNone) }
                    }
                </p>
                <h4>{ t(lang, K::PartGives) }</h4>
                <p class="hint part-note" id={format!("part-{id}-figures-note")}>{ t(lang, K::PartGivesCaption) }</p>
                <table class="part-figures stack" data-testid={format!("part-{id}-figures")} aria-describedby={format!("part-{id}-figures-note")}>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, K::PartWhat) }</th>
                            <th scope="col" class="num">{ t(lang, K::PartPerYear) }</th>
                            <th scope="col" class="num">{ t(lang, K::PartOverPeriod) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr data-row="co2e">
                            <th scope="row">{ t(lang, K::PartCo2e) }</th>
                            <td class="num" data-label={t(lang, K::PartPerYear)} data-testid={format!("part-{id}-co2e-year")}>{ t_co2e(s.co2e_saved_kg_per_year, lang) }</td>
                            <td class="num" data-label={t(lang, K::PartOverPeriod)} data-testid={format!("part-{id}-co2e-period")}>{ t_co2e(s.co2e_saved_kg_cumulative, lang) }</td>
                        </tr>
                        { for payers.iter().map(|(label, key, year, period)| {
                            html! {
                                <tr data-row={*key}>
                                    <th scope="row">{ t(lang, *label) }</th>
                                    <td class="num" data-label={t(lang, K::PartPerYear)} data-testid={format!("part-{id}-{key}-year")}>{ kr(*year, lang) }</td>
                                    <td class="num" data-label={t(lang, K::PartOverPeriod)} data-testid={format!("part-{id}-{key}-period")}>{ kr(*period, lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <h4>{ t(lang, K::PartMeasures) }</h4>
                <p class="hint part-note" id={format!("part-{id}-measures-note")}>{ t(lang, K::PartMeasuresCaption) }</p>
                <table class="results part-measures stack" data-testid={format!("part-{id}-measures")} aria-describedby={format!("part-{id}-measures-note")}>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, K::ColMeasure) }</th>
                            <th scope="col">{ t(lang, K::PartRole) }</th>
                            <th scope="col" class="num">{ t(lang, K::ColCo2e) }</th>
                            <th scope="col" class="num">{ t(lang, K::PartMunicipalityKr) }</th>
                            <th scope="col" class="num">{ t(lang, K::PartHouseholdsKr) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for r.measures.iter().map(|m| {
                            let mid = m.measure.to_string();
                            let ms = &m.summary;
                            let muni = ms.net_sek_per_year(Perspective::Municipality).unwrap_or_default();
                            html! {
                                <tr key={mid.clone()} data-measure={mid.clone()} data-role={m.role.id()}>
                                    <th scope="row" class="measure-cell"><span class="name">{ measure_name_by_id(&mid, lang) }</span></th>
                                    <td data-label={t(lang, K::PartRole)}>{ role_text(m.role, lang) }</td>
                                    <td class="num" data-label={t(lang, K::ColCo2e)} data-testid={format!("part-{id}-{mid}-co2e")}>{ t_co2e(ms.co2e_saved_kg_per_year, lang) }</td>
                                    <td class="num" data-label={t(lang, K::PartMunicipalityKr)}>{ kr(muni, lang) }</td>
                                    <td class="num" data-label={t(lang, K::PartHouseholdsKr)}>{ kr(ms.net_sek_saved_per_year_by_payer.households, lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                { targets_part(&id, r, report, settings, lang) }
                <h4>{ t(lang, K::PartNextBest) }</h4>
                <p class="hint">{ t(lang, K::PartNextBestHelp) }</p>
                <ol class="part-next" data-testid={format!("part-{id}-next")}>
                    { for r.next_best.iter().map(|x| {
                        let mid = x.measure.key.to_string();
                        html! {
                            <li data-measure={mid.clone()}>
                                <span class="name">{ measure_name_by_id(&mid, lang) }</span>{ ": " }
                                <span data-testid={format!("part-{id}-next-{mid}")}>{ cost_per_tonne(&x.measure.summary, lang) }</span>
                                { " " }{ t(lang, K::PartKrPerTonne) }{ ", " }
                                { format::tonnes_co2e(x.measure.summary.co2e_saved_kg_per_year.central, lang) }{ " " }{ t(lang, K::ColTCo2eYear) }
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

fn role_text(role: UnitRole, lang: Lang) -> &'static str {
    match role {
        UnitRole::Lead => t(lang, K::PartLeads),
        UnitRole::Contributing => t(lang, K::PartContributes),
    }
}

fn targets_part(
    id: &str,
    r: &UnitResult,
    report: Option<&TargetReport>,
    settings: &Settings,
    lang: Lang,
) -> Html {
    let Some(cat) = catalogue() else {
        return html! {};
    };
    let (targets, _) = settings.follow_up.targets(cat);
    let text = |target: &str| {
        targets.iter().find(|x| x.id == target).map_or_else(
            || target.to_string(),
            |x| match lang {
                Lang::Sv => x.text_sv.clone(),
                Lang::En => x.text_en.clone(),
            },
        )
    };
    let indicator_unit = |target: &str| {
        report
            .and_then(|rep| rep.progress.iter().find(|p| p.target == target))
            .map_or("", |p| p.indicator.unit(lang))
    };
    // One row per target and figures; municipalities with the same figures (the national
    // per-inhabitant defaults give the same everywhere) share a row, as in the CLI's table.
    let mut rows: Vec<(&str, [String; 3], Vec<String>)> = Vec::new();
    for x in r.targets.iter().filter(|x| !x.change.is_zero()) {
        let town = cat
            .municipality(x.municipality.as_str())
            .map_or_else(|| x.municipality.to_string(), |k| k.name.clone());
        let unit = indicator_unit(&x.target);
        let figures = [
            value_with_unit(x.change, unit, lang),
            value_with_unit(x.needed, unit, lang),
            x.share_of_needed
                .map_or_else(|| "–".to_string(), |s| format::percent(s, 1, lang)),
        ];
        match rows
            .iter_mut()
            .find(|(t, f, _)| *t == x.target.as_str() && *f == figures)
        {
            Some((_, _, towns)) => towns.push(town),
            None => rows.push((x.target.as_str(), figures, vec![town])),
        }
    }
    let all_towns = settings.municipalities.len();
    html! { <>
        <h4>{ t(lang, K::PartTargets) }</h4>
        if rows.is_empty() {
            <p class="hint" data-testid={format!("part-{id}-no-targets")}>{ t(lang, K::PartNoTargets) }</p>
        } else {
            <p class="hint">{ t(lang, K::PartTargetsHelp) }</p>
            <table class="part-targets stack" data-testid={format!("part-{id}-targets")}>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, K::PartTarget) }</th>
                        <th scope="col" class="num">{ t(lang, K::PartChange) }</th>
                        <th scope="col" class="num">{ t(lang, K::PartNeeded) }</th>
                        <th scope="col" class="num">{ t(lang, K::PartShareNeeded) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|(target, [change, needed, share], towns)| {
                        let where_ = if towns.len() == all_towns && all_towns > 1 {
                            t(lang, K::PartEveryChosen).to_string()
                        } else {
                            towns.join(", ")
                        };
                        html! {
                            <tr data-target={target.to_string()}>
                                <th scope="row">{ text(target) }<span class="sub part-town">{ where_ }</span></th>
                                <td class="num" data-label={t(lang, K::PartChange)}>{ change.clone() }</td>
                                <td class="num" data-label={t(lang, K::PartNeeded)}>{ needed.clone() }</td>
                                <td class="num" data-label={t(lang, K::PartShareNeeded)} data-testid="share-of-needed">{ share.clone() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    </> }
}

fn value_with_unit(d: Decimal, unit: &str, lang: Lang) -> String {
    let v = format::number(d, 1, lang);
    if unit.is_empty() {
        v
    } else {
        format!("{v}\u{a0}{unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::{query_with_units, units_in_query};

    #[test]
    fn units_in_the_query_string() {
        assert_eq!(units_in_query("?del=kost"), Some(vec!["kost".to_string()]));
        assert_eq!(
            units_in_query("?lang=en&del=kost,skola,kost,"),
            Some(vec!["kost".to_string(), "skola".to_string()])
        );
        assert_eq!(units_in_query("?del="), Some(vec![]));
        assert_eq!(units_in_query("?lang=en"), None);
        assert_eq!(units_in_query(""), None);
    }

    #[test]
    fn query_keeps_other_parameters() {
        let two = ["kost".to_string(), "it".to_string()];
        assert_eq!(
            query_with_units("?lang=en", Some(&two)),
            "?lang=en&del=kost,it"
        );
        assert_eq!(query_with_units("?del=kost&lang=en", None), "?lang=en");
        assert_eq!(query_with_units("", None), "");
        assert_eq!(query_with_units("?del=x", Some(&[])), "?del=");
    }
}
