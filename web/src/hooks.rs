//! Hooks the components share: the app's context in one call ([`use_app`], [`use_app_cat`],
//! [`use_eval`]) and the effect that writes saved scenarios to the browser
//! ([`use_saved_writer`]).

use crate::components::Store;
use crate::settings::catalogue;
use crate::state::Action;
use crate::storage;
use calc_core::Evaluation;
use calc_core::csvio::Lang;
use factors::Catalogue;
use std::rc::Rc;
use yew::prelude::*;

/// The shared store and the interface language (`None` outside the App's context
/// provider).
#[hook]
pub fn use_app() -> Option<(Store, Lang)> {
    let store = use_context::<Store>()?;
    let lang = store.lang;
    Some((store, lang))
}

/// [`use_app`] with the built-in catalogue (`None` also when the embedded data is broken,
/// which tests rule out).
#[hook]
pub fn use_app_cat() -> Option<(Store, Lang, &'static Catalogue)> {
    let (store, lang) = use_app()?;
    Some((store, lang, catalogue()?))
}

/// [`use_app`] with the current evaluation (`None` also when it failed; the totals show
/// why).
#[hook]
pub fn use_eval() -> Option<(Store, Lang, Rc<Evaluation>)> {
    let (store, lang) = use_app()?;
    let eval = store.eval.as_ref().ok().cloned()?;
    Some((store, lang, eval))
}

/// Writes the saved scenarios to localStorage each time the reducer asks for it
/// ([`crate::state::AppState::save_requests`]; never at start), and hands what the write
/// reported (a refused or skipped write) back to the reducer as
/// [`Action::StorageNotes`]. Keeps the reducer free of browser calls.
#[hook]
pub fn use_saved_writer(store: &Store) {
    let current = store.clone();
    use_effect_with(store.save_requests, move |requests| {
        if *requests > 0 {
            let mut notes = Vec::new();
            storage::store(&current.saved, &mut notes);
            if !notes.is_empty() {
                current.dispatch(Action::StorageNotes(notes));
            }
        }
    });
}

/// Keeps the working state (the scenario being edited and the language) in localStorage
/// after every change ([`storage::store_working`]), so a reload or a closed tab loses
/// nothing; the App restores it at start.
#[hook]
pub fn use_working_writer(store: &Store) {
    use_effect_with((store.settings.clone(), store.lang), |(settings, lang)| {
        storage::store_working(settings, *lang);
    });
}
