//! A chart's figures as a table behind "Visa som tabell" / "Show as table": the chart's text
//! alternative with the actual numbers (WCAG 1.1.1), and the exact values for anyone who
//! wants them.

use super::scroll_box::ScrollBox;
use crate::hooks::use_app;
use crate::i18n::{K, Lang, t};
use yew::prelude::*;

/// Properties of [`ChartTable`].
#[derive(Properties, PartialEq, Debug)]
pub struct Props {
    /// The table's caption (the chart's title and unit).
    pub caption: AttrValue,
    /// Column headings.
    pub head: Vec<String>,
    /// Rows, one cell per column.
    pub rows: Vec<Vec<String>>,
    /// The column that names the row (a row header); columns after it hold numbers.
    #[prop_or_default]
    pub row_header: usize,
    /// `data-testid` of the disclosure.
    pub test_id: AttrValue,
}

/// The disclosure with the table.
#[function_component]
pub fn ChartTable(p: &Props) -> Html {
    let lang = use_app().map_or(Lang::Sv, |(_, l)| l);
    html! {
        <details class="chart-table no-print" data-testid={p.test_id.clone()}>
            // Five charts, five of these: the hidden part tells them apart for a screen
            // reader's list of controls; the visible text starts the name (WCAG 2.5.3).
            <summary>{ t(lang, K::ShowAsTable) }<span class="visually-hidden">{ format!(": {}", p.caption) }</span></summary>
            <ScrollBox label={p.caption.clone()}>
                <table class="results stack">
                    <caption>{ p.caption.clone() }</caption>
                    <thead>
                        <tr>
                            { for p.head.iter().enumerate().map(|(i, h)| html! {
                                <th scope="col" class={classes!((i != p.row_header).then_some("num"))}>{ h.clone() }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for p.rows.iter().map(|r| html! {
                            <tr>
                                { for r.iter().enumerate().map(|(i, cell)| if i == p.row_header {
                                    html! { <th scope="row">{ cell.clone() }</th> }
                                } else {
                                    // On a phone each row is a card: the value under its column's name.
                                    html! { <td class="num" data-label={p.head.get(i).cloned().unwrap_or_default()}>{ cell.clone() }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </ScrollBox>
        </details>
    }
}
