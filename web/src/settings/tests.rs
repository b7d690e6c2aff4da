//! Tests of the settings and their scenario.

use super::*;

#[test]
fn defaults_evaluate_like_the_catalogue_default_scenario() {
    let cat = catalogue().unwrap();
    let mine = evaluate_settings(&Settings::defaults(cat), cat).unwrap();
    let theirs = evaluate(cat.current_set().unwrap(), &cat.default_scenario()).unwrap();
    assert_eq!(mine.total, theirs.total);
}

#[test]
fn defaults_are_every_measure_on_at_its_defaults_in_every_municipality() {
    let cat = catalogue().unwrap();
    let s = Settings::defaults(cat);
    assert_eq!(s.name, "Sjuhärad");
    let codes: Vec<&str> = cat.municipalities.iter().map(|k| k.code.as_str()).collect();
    assert_eq!(s.municipalities, codes);
    let measures: Vec<MeasureSettings> = cat
        .measures
        .iter()
        .map(|m| MeasureSettings::default_for(m))
        .collect();
    assert_eq!(s.measures, measures);
}

#[test]
fn a_refused_override_is_left_out_and_named_with_its_field() {
    let cat = catalogue().unwrap();
    let mut s = Settings::defaults(cat);
    let first = s.municipalities[0].clone();
    let ms = &mut s.measures[0];
    ms.full_effect_year = ms.start_year - 1;
    ms.quantity_t.insert(first.clone(), Decimal::from(-5));
    ms.running_sek.insert(first, Decimal::from(-1));
    let fields: Vec<(Option<String>, OverrideField)> = s
        .problems(cat)
        .into_iter()
        .map(|p| match p.kind {
            SettingProblemKind::Override { field, .. } => (p.municipality, field),
            other => panic!("{other:?}"),
        })
        .collect();
    let name = Some(cat.municipalities[0].name.clone());
    assert_eq!(
        fields,
        [
            (None, OverrideField::FullEffectYear),
            (name.clone(), OverrideField::Quantity),
            (name, OverrideField::RunningCost),
        ]
    );
    // The scenario still has every item, at the measure's defaults where refused.
    let scenario = s.to_scenario(cat);
    let item = &scenario.items[0];
    assert_eq!(item.quantity_override(), None);
    assert_eq!(item.running_cost_override(), None);
    assert_eq!(
        item.full_effect_year().get(),
        s.measures[0].start_year + cat.measures[0].ramp_years
    );
    assert_eq!(
        scenario.items.len(),
        cat.measures.len() * cat.municipalities.len()
    );
}

/// An imported scenario whose municipalities have different effects keeps them (issue
/// 25): Borås at 10 % and Mark at 70 % for the first measure come back from the
/// settings as they went in, and nothing is reported as simplified. The slider then
/// sets one effect for all.
#[test]
fn per_municipality_effects_survive_the_way_into_the_settings() {
    let cat = catalogue().unwrap();
    let mut scenario = cat.default_scenario();
    let first = cat.measures[0].id.clone();
    let period = scenario.period;
    for item in &mut scenario.items {
        if item.measure().id != first {
            continue;
        }
        let pct = match item.municipality().code.as_str() {
            "1490" => 10,
            "1463" => 70,
            _ => continue,
        };
        let mut o = ItemOverrides::of(item);
        o.effect = Some(Share::from_percent(Decimal::from(pct)).unwrap());
        *item = o
            .build(
                Arc::new(item.measure().clone()),
                Arc::new(item.municipality().clone()),
                period,
            )
            .unwrap();
    }
    let (settings, simplified) = Settings::from_scenario(&scenario, cat);
    assert!(simplified.is_empty(), "{simplified:?}");
    let back = settings.to_scenario(cat);
    let effect_in = |s: &Scenario, code: &str| {
        s.items
            .iter()
            .find(|i| i.measure().id == first && i.municipality().code.as_str() == code)
            .map(|i| i.effect().percent().normalize())
    };
    assert_eq!(effect_in(&back, "1490"), Some(Decimal::from(10)));
    assert_eq!(effect_in(&back, "1463"), Some(Decimal::from(70)));
    assert_eq!(effect_in(&back, "1465"), effect_in(&scenario, "1465"));
    let mut state = crate::state::AppState::new(Some(settings), Vec::new(), Vec::new());
    state = (*yew::Reducible::reduce(
        std::rc::Rc::new(state),
        crate::state::Action::SetEffect(first.0.clone(), Decimal::from(40)),
    ))
    .clone();
    let after = state.settings.to_scenario(cat);
    assert_eq!(effect_in(&after, "1490"), Some(Decimal::from(40)));
    assert_eq!(effect_in(&after, "1463"), Some(Decimal::from(40)));
}

#[test]
fn scenario_round_trips_through_settings() {
    let cat = catalogue().unwrap();
    let mut s = Settings::defaults(cat);
    s.measures[1].enabled = false;
    s.measures[0].effect_pct = Decimal::from(80);
    s.municipalities.retain(|c| c == "1490" || c == "1463");
    let (back, simplified) = Settings::from_scenario(&s.to_scenario(cat), cat);
    assert!(simplified.is_empty());
    assert_eq!(back, s);
}

#[test]
fn a_start_year_after_the_plan_period_is_named_and_the_period_start_used() {
    let cat = catalogue().unwrap();
    let mut s = Settings::defaults(cat);
    let id = s.measures[0].id.clone();
    s.measures[0].start_year = 2035;
    s.measures[0].full_effect_year = 2036;
    let problems = s.problems(cat);
    assert_eq!(
        problems
            .iter()
            .map(|p| (p.message(Lang::En), p.message(Lang::Sv)))
            .collect::<Vec<_>>(),
        [(
            format!(
                "{id}: start year 2035 comes after the plan period's last year 2030; the value is not used"
            ),
            format!(
                "{id}: startåret 2035 kommer efter planperiodens sista år 2030; värdet används inte"
            )
        )]
    );
    let e = evaluate_settings(&s, cat).unwrap();
    let item = e.items.iter().find(|i| i.measure.as_str() == id).unwrap();
    assert_eq!(item.start_year.get(), 2025);
}
