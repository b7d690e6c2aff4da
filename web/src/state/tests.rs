//! Tests of the reducer.

use super::*;

/// What one action costs: `(derivations, evaluations, own-figure readings)`.
fn cost_of(state: &Rc<AppState>, action: Action) -> (Rc<AppState>, (u64, u64, u64)) {
    let before = crate::derived::counts();
    let next = Rc::clone(state).reduce(action);
    let after = crate::derived::counts();
    (
        next,
        (after.0 - before.0, after.1 - before.1, after.2 - before.2),
    )
}

#[test]
fn one_input_is_one_derivation_one_evaluation_and_one_reading_of_the_own_figures() {
    let cat = catalogue().unwrap();
    let mut start = AppState::new(None, Vec::new(), Vec::new());
    // Own figures for Borås's household food waste, so laying them over is real work.
    start.settings.follow_up.own = vec![crate::follow_up::OwnFigureInput {
        municipality: "1490".into(),
        pool: "household_food".into(),
        year: 2023,
        tonnes: Some(Decimal::from(5000)),
        kg_per_inhabitant: None,
        g_per_portion: None,
        shares_pct: std::collections::BTreeMap::new(),
        source: "Plockanalys".into(),
        note: String::new(),
    }];
    start.recompute();
    assert_eq!(start.derived.as_ref().unwrap().baseline.own().rows.len(), 1);
    let state = Rc::new(start);
    let id = cat.measures[0].id.0.clone();
    let (state, cost) = cost_of(&state, Action::SetEffect(id.clone(), Decimal::from(37)));
    assert_eq!(cost, (1, 1, 1));
    // The same value again, a sort and a language switch derive nothing.
    let (state, cost) = cost_of(&state, Action::SetEffect(id, Decimal::from(37)));
    assert_eq!(cost, (0, 0, 0));
    let (state, cost) = cost_of(&state, Action::Sort(SortKey::Name));
    assert_eq!(cost, (0, 0, 0));
    let (state, cost) = cost_of(&state, Action::SetLang(Lang::En));
    assert_eq!(cost, (0, 0, 0));
    let (_, cost) = cost_of(&state, Action::ToggleMunicipality("1490".into()));
    assert_eq!(cost, (1, 1, 1));
}

#[test]
fn refused_settings_are_reported_not_dropped() {
    let cat = catalogue().unwrap();
    let mut s = Settings::defaults(cat);
    let id = cat.measures[0].id.0.clone();
    let default = cat.measures[0].default_effect().percent().normalize();
    s.measures[0].effect_pct = Decimal::from(140);
    s.measures[0].start_year = 2030;
    s.measures[0].full_effect_year = 2027;
    s.measures[0]
        .quantity_t
        .insert(s.municipalities[0].clone(), Decimal::from(-5));
    let k = cat.municipality(&s.municipalities[0]).unwrap().name.clone();
    let problems = s.problems(cat);
    let en: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
    assert_eq!(
        en,
        [
            format!(
                "{id}: the effect 140 % is outside 0–100 %; the measure's default {default} % is used"
            ),
            format!("{id}: year 2027 comes before 2030; the value is not used"),
            format!("{id}, {k}: quantity -5 t is negative; the value is not used"),
        ]
    );
    assert_eq!(
        problems[0].message(Lang::Sv),
        format!(
            "{id}: effekten 140 % ligger utanför 0–100 %; åtgärdens standardvärde {} % används",
            calc_core::csvio::format_decimal(default, true)
        )
    );
    assert_eq!(
        problems[1].message(Lang::Sv),
        format!("{id}: året 2027 kommer före 2030; värdet används inte")
    );
    // The app state shows them (a link's effect and years are clamped into range on
    // the way in; a negative quantity is not), and they go when the value is fixed.
    let state = Rc::new(AppState::new(Some(s), Vec::new(), Vec::new()));
    assert_eq!(
        state
            .problems
            .iter()
            .map(|p| p.message(Lang::En))
            .collect::<Vec<_>>(),
        [en[2].clone()]
    );
    let mut fixed = (*state).clone();
    fixed.settings.measures[0].quantity_t.clear();
    fixed.recompute();
    assert!(fixed.problems.is_empty());
}

#[test]
fn a_links_out_of_range_values_and_unknown_ids_are_reported() {
    let cat = catalogue().unwrap();
    let mut s = Settings::defaults(cat);
    let id = cat.measures[1].id.0.clone();
    s.measures[1].effect_pct = Decimal::from(140);
    s.measures[1].start_year = 2070;
    s.measures[1].full_effect_year = 2010;
    s.measures.push(MeasureSettings {
        id: "no_such_measure".into(),
        ..s.measures[0].clone()
    });
    s.municipalities.push("9999".into());
    let state = AppState::new(Some(s), Vec::new(), Vec::new());
    let en: Vec<String> = state
        .link_adjustments
        .iter()
        .map(|p| p.message(Lang::En))
        .collect();
    assert_eq!(
        en,
        [
            format!("{id}: the effect 140 % is outside 0–100 %; 100 % is used"),
            format!(
                "{id}: the years 2070–2010 are outside 2020–2060 or out of order; 2060–2060 are used"
            ),
            "no_such_measure: not in the catalogue, left out".to_string(),
            "9999: not in the catalogue, left out".to_string(),
        ]
    );
    let sv: Vec<String> = state
        .link_adjustments
        .iter()
        .map(|p| p.message(Lang::Sv))
        .collect();
    assert_eq!(
        sv,
        [
            format!("{id}: effekten 140 % ligger utanför 0–100 %; 100 % används"),
            format!(
                "{id}: åren 2070–2010 ligger utanför 2020–2060 eller i fel ordning; 2060–2060 används"
            ),
            "no_such_measure: finns inte i katalogen och hoppades över".to_string(),
            "9999: finns inte i katalogen och hoppades över".to_string(),
        ]
    );
    let note = crate::storage::StorageNote::Adjusted {
        scenario: "Plan".into(),
        changes: state.link_adjustments[..2].to_vec(),
    };
    assert_eq!(
        note.message(Lang::En),
        format!(
            "Values outside the allowed range were adjusted in Plan: {}; {}",
            en[0], en[1]
        )
    );
}

#[test]
fn a_file_over_the_limit_is_refused_with_its_size() {
    let state = Rc::new(AppState::new(None, Vec::new(), Vec::new()));
    let before = state.eval.clone().unwrap().total.clone();
    let bytes = vec![b'x'; usize::try_from(crate::io::MAX_IMPORT_BYTES).unwrap() + 1];
    let after = state.reduce(Action::Import {
        file: "big.csv".into(),
        bytes,
    });
    assert_eq!(
        after.import,
        ImportState::TooLarge {
            file: "big.csv".into(),
            bytes: crate::io::MAX_IMPORT_BYTES + 1
        }
    );
    assert_eq!(after.eval.as_ref().unwrap().total, before);
    assert_eq!(
        crate::io::too_large_text("big.csv", 50 * 1024 * 1024, Lang::Sv),
        "big.csv: filen är 50,0 MB, webbläsaren läser in högst 5,0 MB. Använd kommandoradsverktyget (avfallskalkyl evaluate) för större filer."
    );
    assert_eq!(
        crate::io::too_large_text("big.csv", 50 * 1024 * 1024, Lang::En),
        "big.csv: the file is 50.0 MB, the browser imports at most 5.0 MB. Use the command-line tool (avfallskalkyl evaluate) for larger files."
    );
}

/// A file with one row applies one measure and says which ones it switched off.
#[test]
fn a_one_row_import_names_the_measures_it_switched_off() {
    let cat = catalogue().unwrap();
    let state = Rc::new(AppState::new(None, Vec::new(), Vec::new()));
    let after = state.reduce(Action::Import {
        file: "en-rad.csv".into(),
        bytes: "kommun;atgard;effekt_procent\nBorås;textile_collection;50\n"
            .as_bytes()
            .to_vec(),
    });
    let ImportState::Applied { switched_off, .. } = &after.import else {
        panic!("{:?}", after.import);
    };
    assert_eq!(switched_off.len(), cat.measures.len() - 1);
    assert!(!switched_off.iter().any(|id| id == "textile_collection"));
    let text = switched_off_text(switched_off, Lang::Sv);
    assert!(
        text.starts_with(&format!(
            "Åtgärder som inte finns i filen har stängts av ({}): Minska matsvinnet i skolkök, ",
            cat.measures.len() - 1
        )),
        "{text}"
    );
}

#[test]
fn reducer_recomputes_on_effect_change() {
    let state = Rc::new(AppState::new(None, Vec::new(), Vec::new()));
    let before = state.eval.clone().unwrap().total.clone();
    let id = catalogue().unwrap().measures[0].id.0.clone();
    let after = state.reduce(Action::SetEffect(id, Decimal::ZERO));
    assert_ne!(after.eval.as_ref().unwrap().total, before);
}

#[test]
fn saving_asks_the_app_to_write_once_per_save_and_notes_show_once() {
    let state = Rc::new(AppState::new(None, Vec::new(), Vec::new()));
    assert_eq!(state.save_requests, 0, "nothing is written at start");
    let once = state.reduce(Action::Save);
    assert_eq!((once.save_requests, once.saved.len()), (1, 1));
    // The same name again: nothing is written until the planner says replace or keep both.
    let name = once.settings.name.clone();
    let asked = once.reduce(Action::Save);
    assert_eq!((asked.save_requests, asked.saved.len()), (1, 1));
    assert_eq!(asked.save_pending.as_deref(), Some(name.as_str()));
    let both = asked.clone().reduce(Action::SaveBoth);
    assert_eq!(
        both.saved
            .iter()
            .map(|x| x.settings.name.clone())
            .collect::<Vec<_>>(),
        [name.clone(), format!("{name} (2)")]
    );
    let twice = asked.reduce(Action::SaveReplace);
    assert_eq!(
        (
            twice.save_requests,
            twice.saved.len(),
            twice.save_pending.clone()
        ),
        (2, 1, None)
    );
    let note = StorageNote::WriteFailed {
        detail: "QuotaExceededError".into(),
    };
    let noted = twice
        .reduce(Action::StorageNotes(vec![note.clone()]))
        .reduce(Action::StorageNotes(vec![note.clone()]));
    assert_eq!(noted.storage_notes, [note]);
    let name = noted.settings.name.clone();
    let deleted = noted.reduce(Action::Delete(name));
    assert_eq!((deleted.save_requests, deleted.saved.len()), (3, 0));
}
