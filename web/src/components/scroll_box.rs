//! A box that lets a wide table scroll sideways inside it instead of widening the page.
//! When the table is wider than the box (measured after each render and whenever the box
//! changes size) the box says so above the table and becomes a named, keyboard-focusable
//! region, so a keyboard user can scroll it with the arrow keys (WCAG 2.1.1; axe
//! `scrollable-region-focusable`).

use crate::chart::use_rerender_on_resize;
use crate::hooks::use_app;
use crate::i18n::{K, t};
use yew::prelude::*;

/// Properties of [`ScrollBox`].
#[derive(Properties, PartialEq, Debug)]
pub struct Props {
    /// What the box holds (the table's name), for its region label.
    pub label: AttrValue,
    /// The table.
    pub children: Html,
}

/// The scroll box with its hint.
#[function_component]
pub fn ScrollBox(p: &Props) -> Html {
    let node = use_node_ref();
    use_rerender_on_resize(&node);
    let overflows = use_state_eq(|| false);
    {
        let node = node.clone();
        let overflows = overflows.clone();
        use_effect(move || {
            if let Some(el) = node.cast::<web_sys::Element>() {
                // One pixel of slack: sub-pixel widths round either way.
                overflows.set(el.scroll_width() > el.client_width() + 1);
            }
        });
    }
    let lang = use_app().map_or(crate::i18n::Lang::Sv, |(_, l)| l);
    let scrolls = *overflows;
    html! {
        <>
            if scrolls {
                <p class="scroll-hint no-print" aria-hidden="true" data-testid="scroll-hint">
                    <span class="scroll-arrows">{ "↔" }</span>{ " " }{ t(lang, K::ScrollHint) }
                </p>
            }
            <div class={classes!("table-scroll", scrolls.then_some("scrolls"))} ref={node}
                tabindex={scrolls.then_some("0")}
                role={scrolls.then_some("region")}
                aria-label={scrolls.then(|| format!("{} ({})", p.label, t(lang, K::ScrollsSideways)))}>
                { p.children.clone() }
            </div>
        </>
    }
}
