//! "Mål och uppföljning": one card per target with a status table for every chosen
//! municipality (status, projection in the target year, gap, own figures) and, for the
//! municipality picked in the card, the chart (base, straight path, actuals, projection,
//! target year; a table alternative) and the measures' contributions as bars; then the
//! forms for own figures (every field of the baseline file), actuals and targets (added,
//! changed in place, removed). Everything is computed by calc-core's `progress` from the
//! same pooled model as the results, and the forms' rows are read by calc-core's own file
//! readers, so a refusal carries calc-core's text at the field it belongs to.

mod actual_form;
mod card;
mod form;
mod own_form;
mod target_form;

use crate::components::follow_up_files::FollowUpFiles;
use crate::hooks::use_app_cat;
use crate::i18n::{KTargets, Lang, t, tf};
use crate::settings::Settings;
use calc_core::Progress;
use std::rc::Rc;
use yew::prelude::*;

/// Municipalities outside Sjuhärad have no built-in targets (issue 26): the plan's targets
/// are Sjuhärad's. Said once, with the way to add their own (the targets form below).
fn outside_note(s: &Settings, cat: &factors::Catalogue, lang: Lang) -> Html {
    if s.follow_up.targets.is_some() {
        return html! {};
    }
    let names: Vec<String> = s
        .chosen_outside_plan(cat)
        .iter()
        .map(|k| k.name.clone())
        .collect();
    if names.is_empty() {
        return html! {};
    }
    let names = names.join(", ");
    html! {
        <p class="notice" data-testid="targets-outside">{ tf(lang, KTargets::OutsidePlan, &[("names", &names)]) }</p>
    }
}

/// The section: the targets' cards, then the follow-up files and the three forms.
#[function_component]
pub fn TargetsSection() -> Html {
    let Some((store, lang, cat)) = use_app_cat() else {
        return html! {};
    };
    // The targets' progress, worked out once per change by the reducer.
    let Some(derived) = store.derived.clone() else {
        return html! {};
    };
    let computed = &derived.targets;
    let form = form::FormProps {
        lang,
        follow: store.settings.follow_up.clone(),
        towns: Rc::new(store.settings.all_municipalities(cat)),
        first_chosen: store.settings.chosen(cat).first().map(|k| k.code.0.clone()),
        dispatch: store.dispatcher(),
    };
    let body = match &computed.report {
        Err(e) => html! { <p class="alert" role="alert">{ e.clone() }</p> },
        Ok(report) if report.progress.is_empty() => html! {
            <p class="hint">{ t(lang, KTargets::ChooseMunicipality) }</p>
        },
        Ok(report) => {
            // One card per target, its rows in the municipalities' order.
            let mut groups: Vec<(String, Vec<Progress>)> = Vec::new();
            for p in &report.progress {
                match groups.iter_mut().find(|(id, _)| *id == p.target) {
                    Some((_, rows)) => rows.push(p.clone()),
                    None => groups.push((p.target.clone(), vec![p.clone()])),
                }
            }
            html! {
                <div class="target-grid">
                    { for groups.into_iter().map(|(id, rows)| {
                        // The goal's text in the interface's language (Swedish when it has no English).
                        let text = computed.texts.iter().find(|(t, _, _)| *t == id).map(|(_, sv, en)| match lang {
                            Lang::En if !en.is_empty() => en.clone(),
                            _ => sv.clone(),
                        }).unwrap_or_default();
                        let title = if text.is_empty() { id.clone() } else { text };
                        let key = id.clone();
                        let own_used: Vec<String> = computed.own_used.iter().filter(|(t, _)| *t == id).map(|(_, k)| k.clone()).collect();
                        html! { <card::TargetCard key={key} target={id} title={title} rows={Rc::new(rows)} own_used={Rc::new(own_used)} /> }
                    }) }
                </div>
            }
        }
    };
    html! {
        <section class="panel targets" id="targets" aria-labelledby="targets-title" data-testid="targets">
            <h2 id="targets-title">{ t(lang, KTargets::Title) }</h2>
            <p class="hint">{ t(lang, KTargets::Help) }</p>
            if !computed.problems.is_empty() {
                <ul class="alert" role="alert">{ for computed.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            }
            { outside_note(&store.settings, cat, lang) }
            { body }
            <div class="follow-up-forms no-print">
                <FollowUpFiles />
                <own_form::OwnFiguresForm ..form.clone() />
                <actual_form::ActualsForm ..form.clone() />
                <target_form::TargetsForm ..form />
            </div>
        </section>
    }
}
