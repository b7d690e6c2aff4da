//! Where a measure's numbers come from: its factors (value, low–high, unit) and sources.

use super::measure_name;
use super::scroll_box::ScrollBox;
use crate::format;
use crate::hooks::use_app_cat;
use crate::i18n::{K, Lang, t};
use crate::state::Action;
use calc_core::{Route, Source, SourceId, SourceKind};
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn kind(k: SourceKind, lang: Lang) -> &'static str {
    match k {
        SourceKind::Published => t(lang, K::KindPublished),
        SourceKind::Derived => t(lang, K::KindDerived),
        SourceKind::Estimate => t(lang, K::KindEstimate),
    }
}

/// `text` with the space inside a number (`2 290`, `1 102.31`) made a no-break space, so a
/// number never breaks across lines.
fn keep_numbers_together(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        let group = *c == ' '
            && i > 0
            && digit(i - 1)
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && !digit(i + 4);
        out.push(if group { '\u{a0}' } else { *c });
    }
    out
}

/// A factor's source as a reader cites it: publisher and year (the list below the table
/// has the full reference); the id only when the data has no such source.
fn cite(table: &calc_core::FactorTable, id: &calc_core::SourceId) -> String {
    let cat = crate::settings::catalogue();
    table
        .source(id)
        .or_else(|| cat.and_then(|c| c.source(id.as_str())))
        .map_or_else(
            || id.0.clone(),
            |s| match s.year {
                Some(y) if !s.publisher.is_empty() => format!("{} {y}", s.publisher),
                _ if !s.publisher.is_empty() => s.publisher.clone(),
                _ => s.title.clone(),
            },
        )
}

/// A note with the source ids it names (`smed_176_textil`) written as their citation
/// (publisher and year): ids are the data's, not the reader's.
fn cite_ids(table: &calc_core::FactorTable, note: &str) -> String {
    let cat = crate::settings::catalogue();
    let mut out = String::with_capacity(note.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let id = calc_core::SourceId(word.clone());
        let known = word.contains('_')
            && (table.source(&id).is_some() || cat.is_some_and(|c| c.source(word).is_some()));
        out.push_str(&if known {
            cite(table, &id)
        } else {
            word.clone()
        });
        word.clear();
    };
    for c in note.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn source_item(s: &Source, table: &calc_core::FactorTable, lang: Lang) -> Html {
    let year = s.year.map(|y| format!(", {y}")).unwrap_or_default();
    let is_link = s.url.starts_with("https://") || s.url.starts_with("http://");
    // The note in the interface's language, else the other one.
    let note = match lang {
        Lang::Sv if !s.note_sv.is_empty() => &s.note_sv,
        Lang::En if s.note.is_empty() => &s.note_sv,
        _ => &s.note,
    };
    html! {
        <li key={s.id.0.clone()} class="source" data-source={s.id.0.clone()}>
            <p class="source-title">{ s.title.clone() }</p>
            <p class="source-meta">
                { format!("{}{year}", s.publisher) }
                <span class={classes!("kind", format!("kind-{:?}", s.kind).to_lowercase())}>{ kind(s.kind, lang) }</span>
            </p>
            if !s.locator.is_empty() {
                <p class="source-locator">
                    <span class="source-meta-label">{ format!("{}: ", t(lang, K::SourceLocator)) }</span>
                    { keep_numbers_together(&s.locator) }
                </p>
            }
            <p class="source-url">
                if is_link {
                    <a href={s.url.clone()} target="_blank" rel="noopener noreferrer" data-testid="source-url">
                        { s.url.clone() }
                        <span class="visually-hidden">{ format!(" {}", t(lang, K::OpensNewTab)) }</span>
                    </a>
                } else if s.url.is_empty() {
                    <span class="hint">{ t(lang, K::SourceNoUrl) }</span>
                } else {
                    { s.url.clone() }
                }
                if !s.accessed.is_empty() {
                    { " " }<span class="hint nowrap">{ format!("({} {})", t(lang, K::SourceAccessed), s.accessed) }</span>
                }
            </p>
            if !note.is_empty() {
                <p class="source-note" data-testid="source-note">{ keep_numbers_together(&cite_ids(table, note)) }</p>
            }
        </li>
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The elements Tab can reach inside `root`, in document order.
fn tabbable(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    const SELECTOR: &str = "a[href], button:not([disabled]), input:not([disabled]), \
        select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
    let Ok(list) = root.query_selector_all(SELECTOR) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        // Hidden elements (display: none) have no offset parent and cannot take focus.
        .filter(|e| e.offset_parent().is_some() || e.get_client_rects().length() > 0)
        .collect()
}

/// Keeps Tab and Shift+Tab inside the dialog: from the last element to the first and back.
/// A modal `<dialog>` already makes the page behind it inert; without this, Tab would leave
/// for the browser's own controls.
fn trap_tab(e: &KeyboardEvent, dialog: &web_sys::Element) {
    if e.key() != "Tab" {
        return;
    }
    let items = tabbable(dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        e.prevent_default();
        return;
    };
    let active = document().and_then(|d| d.active_element());
    let is = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.as_ref());
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    let target = if e.shift_key() && (is(first) || !inside) {
        Some(last)
    } else if !e.shift_key() && (is(last) || !inside) {
        Some(first)
    } else {
        None
    };
    if let Some(t) = target {
        e.prevent_default();
        // Focus cannot fail on a connected, visible element; a refusal leaves focus where it
        // was, inside the dialog.
        let _ = t.focus();
    }
}

/// The sources dialog of the measure chosen with a "Källor" button: a modal `<dialog>`
/// (`showModal`), so the page behind it is inert, Esc closes it wherever focus is, Tab stays
/// inside, and on closing focus returns to the button that opened it.
#[function_component]
pub fn SourcesDialog() -> Html {
    let close_ref = use_node_ref();
    let dialog_ref = use_node_ref();
    let app = use_app_cat();
    let open_id = app.as_ref().and_then(|(s, _, _)| s.sources_for.clone());
    {
        let close_ref = close_ref.clone();
        let dialog_ref = dialog_ref.clone();
        use_effect_with(open_id.clone(), move |id| {
            let opener = id.as_ref().and_then(|id| opener(id));
            if id.is_some() {
                if let Some(d) = dialog_ref.cast::<web_sys::HtmlDialogElement>()
                    && !d.open()
                {
                    // Fails only on a dialog that is not connected or already open as a
                    // non-modal one; neither happens here, and the dialog still shows.
                    let _ = d.show_modal();
                }
                if let Some(el) = close_ref.cast::<web_sys::HtmlElement>() {
                    // Focus is a convenience for keyboard users; a refusal changes nothing else.
                    let _ = el.focus();
                }
            }
            move || {
                if let Some(el) = opener.filter(|el| el.is_connected()) {
                    let _ = el.focus();
                }
            }
        });
    }
    let (Some((store, lang, cat)), Some(id)) = (app, open_id) else {
        return html! {};
    };
    let (Some(m), Some(table)) = (cat.measure(&id), cat.current_set()) else {
        return html! {};
    };
    let close = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowSources(None)))
    };
    // Esc (the browser's `cancel`) and any other way the dialog closes end in `close`.
    let onclose = {
        let store = store.clone();
        Callback::from(move |_: Event| store.dispatch(Action::ShowSources(None)))
    };
    // A click on the backdrop lands on the <dialog> element itself, outside its box, and
    // closes it as the button does; a click on the dialog's own scroll bar (also on the
    // <dialog> element, but inside its box) does not.
    let on_backdrop = {
        let store = store.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(d) = dialog_ref.cast::<web_sys::Element>() else {
                return;
            };
            let on_dialog = e
                .target()
                .is_some_and(|t| t == web_sys::EventTarget::from(d.clone()));
            let r = d.get_bounding_client_rect();
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            let outside = x < r.left() || x > r.right() || y < r.top() || y > r.bottom();
            if on_dialog && outside {
                store.dispatch(Action::ShowSources(None));
            }
        })
    };
    let onkeydown = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(d) = dialog_ref.cast::<web_sys::Element>() {
                trap_tab(&e, &d);
            }
        })
    };
    let mut factor_sources: Vec<SourceId> = Vec::new();
    let mut add_source = |id: &SourceId| {
        if !factor_sources.contains(id) {
            factor_sources.push(id.clone());
        }
    };
    let pct = |d: rust_decimal::Decimal| format::percent(d, 0, lang);
    let pool = &m.pool;
    // Where the pool's tonnes go today, which of those routes the measure takes from, and
    // where it sends what it moves.
    let mut mix_rows = Vec::new();
    let mut rows = Vec::new();
    for r in Route::ALL {
        let b = pool.baseline.share(r).value();
        let tg = m.target.share(r).value();
        let acts = m.acts_on.contains(&r);
        if b.is_zero() && tg.is_zero() && !acts {
            continue;
        }
        mix_rows.push(html! {
            <tr data-route={r.id()}>
                <th scope="row">{ r.name(lang) }</th>
                <td class="num">{ if b.is_zero() { "–".to_string() } else { pct(b) } }</td>
                <td class="center">{ if acts { "✓" } else { "" } }</td>
                <td class="num">{ if tg.is_zero() { "–".to_string() } else { pct(tg) } }</td>
            </tr>
        });
        if let Some(f) = table.emission(&m.fraction, r) {
            add_source(&f.source);
            rows.push(html! {
                <tr>
                    <th scope="row">{ format!("{} – {}", t(lang, K::EmissionFactor), r.name(lang)) }</th>
                    <td class="num">{ format::number(f.value.central().value(), 0, lang) }</td>
                    <td class="num">{ format!("{} – {}", format::number(f.value.low().value(), 0, lang), format::number(f.value.high().value(), 0, lang)) }</td>
                    <td>{ "kg CO2e/t" }</td>
                    <td>{ cite(table, &f.source) }</td>
                </tr>
            });
        }
        if let Some(f) = table.cost(&m.fraction, r) {
            add_source(&f.source);
            rows.push(html! {
                <tr>
                    <th scope="row">{ format!("{} – {}", t(lang, K::CostFactor), r.name(lang)) }</th>
                    <td class="num">{ format::number(f.value.central().value(), 0, lang) }</td>
                    <td class="num">{ format!("{} – {}", format::number(f.value.low().value(), 0, lang), format::number(f.value.high().value(), 0, lang)) }</td>
                    <td>{ t(lang, K::KrPerT) }</td>
                    <td>{ cite(table, &f.source) }</td>
                </tr>
            });
        }
        if !tg.is_zero()
            && let Some(y) = table.yield_for(&m.fraction, r)
        {
            add_source(&y.source);
            rows.push(html! {
                <tr>
                    <th scope="row">
                        { format!("{} – {}", t(lang, K::YieldFactor), r.name(lang)) }
                        <span class="sub">{ format!("{} {}", t(lang, K::YieldRest), y.reject.name(lang).to_lowercase()) }</span>
                    </th>
                    <td class="num">{ pct(y.value.central().value()) }</td>
                    <td class="num">{ format!("{} – {}", pct(y.value.low().value()), pct(y.value.high().value())) }</td>
                    <td>{ t(lang, K::YieldUnit) }</td>
                    <td>{ cite(table, &y.source) }</td>
                </tr>
            });
        }
    }
    for sid in &pool.sources {
        add_source(sid);
    }
    let pool_name = pool.name(lang).to_string();
    let cost_range = |e: &calc_core::Estimate<calc_core::SekPerInhabitant>| {
        format!(
            "{} ({} – {})",
            format::number(e.central().value(), 1, lang),
            format::number(e.low().value(), 1, lang),
            format::number(e.high().value(), 1, lang)
        )
    };
    let sharing: Vec<String> = cat
        .measures
        .iter()
        .filter(|o| o.pool.id == pool.id && o.id != m.id)
        .map(|o| measure_name(o, lang).to_string())
        .collect();
    let find = |sid: &SourceId| {
        table
            .source(sid)
            .or_else(|| cat.source(sid.as_str()))
            .cloned()
    };
    let measure_sources: Vec<Source> = m.sources.iter().filter_map(find).collect();
    let factor_sources: Vec<Source> = factor_sources.iter().filter_map(find).collect();
    html! {
        <dialog class="dialog" ref={dialog_ref} aria-labelledby="sources-title" data-testid="sources-dialog"
            {onclose} {onkeydown} onclick={on_backdrop}>
            <div class="dialog-box">
                <div class="dialog-head">
                    <h2 id="sources-title">{ format!("{}: {}", t(lang, K::SourcesFor), measure_name(m, lang)) }</h2>
                    <button type="button" class="button-secondary small" ref={close_ref} onclick={close}>{ t(lang, K::Close) }</button>
                </div>
                <p class="pool-line" data-testid="sources-pool">
                    <strong>{ format!("{}: ", t(lang, K::PoolLabel)) }</strong>{ pool_name }
                    if !sharing.is_empty() {
                        { format!(". {} {}.", t(lang, K::PoolSharedWith), sharing.join(", ")) }
                    }
                </p>
                <ScrollBox label={t(lang, K::PoolLabel)}>
                    <table class="factors mix" data-testid="sources-mix">
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, K::RouteCol) }</th>
                                <th scope="col" class="num">{ t(lang, K::Baseline) }</th>
                                <th scope="col" class="center">{ t(lang, K::ActsOn) }</th>
                                <th scope="col" class="num">{ t(lang, K::Target) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for mix_rows }</tbody>
                    </table>
                </ScrollBox>
                <p class="hint">{ t(lang, K::MixHelp) }</p>
                <p class="hint">{ format!("{}: {} {}; {}: {} {}.",
                    t(lang, K::ImplCostPerInh), cost_range(&m.implementation_cost), t(lang, K::KrPerInh),
                    t(lang, K::RunCostPerInh), cost_range(&m.running_cost), t(lang, K::KrPerInhYear)) }</p>
                <ScrollBox label={t(lang, K::Factor)}>
                    <table class="factors">
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, K::Factor) }</th>
                                <th scope="col" class="num">{ t(lang, K::Value) }</th>
                                <th scope="col" class="num">{ t(lang, K::LowHigh) }</th>
                                <th scope="col">{ t(lang, K::Unit) }</th>
                                <th scope="col">{ t(lang, K::Source) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </ScrollBox>
                <h3>{ t(lang, K::FactorSources) }</h3>
                <ul class="sources">{ for factor_sources.iter().map(|s| source_item(s, table, lang)) }</ul>
                <h3>{ t(lang, K::MeasureSources) }</h3>
                <ul class="sources">{ for measure_sources.iter().map(|s| source_item(s, table, lang)) }</ul>
            </div>
        </dialog>
    }
}

/// The element to give focus back to when the dialog closes: the one that had it when the
/// dialog opened (the "Källor" button clicked or pressed), else that measure's button.
fn opener(id: &str) -> Option<web_sys::HtmlElement> {
    let doc = document()?;
    doc.active_element()
        .filter(|a| a.tag_name() != "BODY")
        .or_else(|| {
            doc.query_selector(&format!("[data-testid=\"sources-{id}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

#[cfg(test)]
mod tests {
    use super::keep_numbers_together;

    #[test]
    fn digit_groups_get_no_break_spaces_and_other_spaces_stay() {
        assert_eq!(
            keep_numbers_together("0.30 × 2 290 = 690; 1 860 000 t, 2024 100"),
            "0.30 × 2\u{a0}290 = 690; 1\u{a0}860\u{a0}000 t, 2024\u{a0}100"
        );
        assert_eq!(
            keep_numbers_together("a 123 b 12 345 6"),
            "a 123 b 12\u{a0}345 6"
        );
    }
}
