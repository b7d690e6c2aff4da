//! Import and export of the follow-up files in the app: the baseline (own figures), the
//! targets and the actuals, in the same formats and with the same line/column errors as
//! the command-line tool (`docs/targets.sv.md`). A file with errors changes nothing.

use crate::follow_up::{ActualInput, FollowUp, OwnFigureInput, TargetInput};
use crate::hooks::use_app_cat;
use crate::i18n::{KTargets, t, tf};
use crate::io::Picked;
use crate::settings::catalogue;
use crate::state::Action;
use calc_core::Municipality;
use calc_core::csvio::{self, CsvError, Dialect, Lang};
use std::sync::Arc;
use yew::prelude::*;

/// Which file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Own figures.
    Baseline,
    /// Targets.
    Targets,
    /// Actuals.
    Actuals,
}

impl Kind {
    fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Kind::Baseline => KTargets::FileBaseline,
                Kind::Targets => KTargets::Target,
                Kind::Actuals => KTargets::FileActuals,
            },
        )
    }

    fn id(self) -> &'static str {
        match self {
            Kind::Baseline => "baseline",
            Kind::Targets => "targets",
            Kind::Actuals => "actuals",
        }
    }
}

/// The follow-up with a file's contents laid in (a baseline or actuals file replaces the
/// rows it names, a targets file replaces the targets), or every problem in the file.
pub fn apply_file(
    kind: Kind,
    bytes: &[u8],
    current: &FollowUp,
    towns: &[Arc<Municipality>],
) -> Result<FollowUp, Vec<CsvError>> {
    let Some(cat) = catalogue() else {
        return Ok(current.clone());
    };
    let mut f = current.clone();
    match kind {
        Kind::Baseline => {
            let own = csvio::read_own_figures(bytes, &cat.pools, towns)?;
            for row in own.rows.iter().map(OwnFigureInput::from) {
                f.own
                    .retain(|x| !(x.municipality == row.municipality && x.pool == row.pool));
                f.own.push(row);
            }
        }
        Kind::Targets => {
            let targets = csvio::read_targets(bytes, &cat.pools, towns)?;
            f.targets = Some(targets.iter().map(TargetInput::from).collect());
        }
        Kind::Actuals => {
            let actuals = csvio::read_actuals(bytes, towns)?;
            for row in actuals.iter().map(ActualInput::from) {
                f.actuals.retain(|a| {
                    !(a.municipality == row.municipality
                        && a.indicator == row.indicator
                        && a.year == row.year)
                });
                f.actuals.push(row);
            }
        }
    }
    Ok(f)
}

/// A file of the follow-up as Excel in Swedish locale opens it.
#[must_use]
pub fn export_file(kind: Kind, f: &FollowUp, towns: &[Arc<Municipality>], lang: Lang) -> String {
    let Some(cat) = catalogue() else {
        return String::new();
    };
    match kind {
        Kind::Baseline => {
            csvio::write_own_figures(&f.own_figures(cat, towns).0, towns, Dialect::EXCEL_SV, lang)
        }
        Kind::Targets => csvio::write_targets(&f.targets(cat).0, towns, Dialect::EXCEL_SV, lang),
        Kind::Actuals => csvio::write_actuals(&f.actuals(towns).0, towns, Dialect::EXCEL_SV, lang),
    }
}

/// The import and export controls.
#[function_component]
pub fn FollowUpFiles() -> Html {
    let errors = use_state(|| None::<(String, Vec<CsvError>)>);
    let Some((store, lang, _)) = use_app_cat() else {
        return html! {};
    };
    let control = |kind: Kind| {
        let onchange = {
            let (store, errors) = (store.clone(), errors.clone());
            Callback::from(move |e: Event| {
                let (store, errors) = (store.clone(), errors.clone());
                crate::io::read_chosen_file(&e, move |picked| match picked {
                    Picked::TooLarge(name, size) => errors.set(Some((
                        crate::io::too_large_text(&name, size, lang),
                        Vec::new(),
                    ))),
                    Picked::Failed(name, err) => {
                        errors.set(Some((format!("{name}: {err}"), Vec::new())));
                    }
                    Picked::Read(name, bytes) => {
                        let towns = catalogue()
                            .map(|cat| store.settings.all_municipalities(cat))
                            .unwrap_or_default();
                        match apply_file(kind, &bytes, &store.settings.follow_up, &towns) {
                            Ok(f) => {
                                errors.set(None);
                                store.dispatch(Action::SetFollowUp(f));
                            }
                            Err(list) => errors.set(Some((name, list))),
                        }
                    }
                });
            })
        };
        let export = {
            let store = store.clone();
            Callback::from(move |_| {
                let towns = catalogue()
                    .map(|cat| store.settings.all_municipalities(cat))
                    .unwrap_or_default();
                let text = export_file(kind, &store.settings.follow_up, &towns, lang);
                crate::io::download(
                    &text,
                    &format!(
                        "{}-{}.csv",
                        crate::io::file_stem(&store.settings.name),
                        kind.id()
                    ),
                    "text/csv;charset=utf-8",
                );
            })
        };
        let id = format!("follow-up-import-{}", kind.id());
        html! {
            <div class="follow-up-file">
                <label for={id.clone()}>{ kind.label(lang) }</label>
                <input id={id.clone()} type="file" accept=".csv,text/csv" data-testid={id} {onchange} />
                <button type="button" class="button-secondary" onclick={export}
                    data-testid={format!("follow-up-export-{}", kind.id())}>
                    { t(lang, KTargets::FileExport) }
                </button>
            </div>
        }
    };
    html! {
        <div class="follow-up-files" data-testid="follow-up-files">
            <h3>{ t(lang, KTargets::Files) }</h3>
            { control(Kind::Baseline) }
            { control(Kind::Targets) }
            { control(Kind::Actuals) }
            if let Some((file, list)) = errors.as_ref() {
                <div class="alert" role="alert" data-testid="follow-up-import-errors">
                    <p>{ tf(lang, KTargets::FileNothingRead, &[("file", file)]) }</p>
                    <ul>{ for list.iter().map(|e| html! { <li>{ e.message(lang) }</li> }) }</ul>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_baseline_file_with_an_error_changes_nothing_and_a_good_one_round_trips() {
        let bad = "kommun;pool;år;ton;källa\r\nBorås;houshold_food;2023;5000;x\r\n";
        let errors = apply_file(
            Kind::Baseline,
            bad.as_bytes(),
            &FollowUp::default(),
            &catalogue().unwrap().municipalities,
        )
        .unwrap_err();
        assert_eq!(
            errors[0].message(Lang::Sv),
            "rad 2, kolumn 'pool': okänd avfallspool 'houshold_food'; menade du 'household_food'?"
        );
        let good = "kommun;pool;år;ton;rötning_procent;energiåtervinning_procent;källa\r\nBorås;household_food;2023;5 000;70;30;Plockanalys\r\n";
        let f = apply_file(
            Kind::Baseline,
            good.as_bytes(),
            &FollowUp::default(),
            &catalogue().unwrap().municipalities,
        )
        .unwrap();
        assert_eq!(f.own.len(), 1);
        assert_eq!(f.own[0].tonnes, Some(rust_decimal::Decimal::from(5000)));
        let out = export_file(
            Kind::Baseline,
            &f,
            &catalogue().unwrap().municipalities,
            Lang::Sv,
        );
        let back = apply_file(
            Kind::Baseline,
            out.as_bytes(),
            &FollowUp::default(),
            &catalogue().unwrap().municipalities,
        )
        .unwrap();
        assert_eq!(back, f);
        let targets = export_file(
            Kind::Targets,
            &FollowUp::default(),
            &catalogue().unwrap().municipalities,
            Lang::Sv,
        );
        let t = apply_file(
            Kind::Targets,
            targets.as_bytes(),
            &FollowUp::default(),
            &catalogue().unwrap().municipalities,
        )
        .unwrap();
        assert_eq!(t.targets.as_ref().map(Vec::len), Some(3));
    }
}
