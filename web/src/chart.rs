//! Helpers for the SVG charts: axis ticks and scales. Floats appear only here, as pixel
//! coordinates computed from already-calculated decimal results.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use yew::prelude::*;

/// The width the charts are drawn for on a wide screen (SVG user units); wider boxes scale
/// the drawing up.
pub const WIDE: f64 = 760.0;
/// The narrowest drawing; a box narrower than this scales it down (a 320 px phone).
pub const NARROWEST: f64 = 240.0;
/// Below this drawing width a chart switches to its narrow layout (labels above the bars,
/// fewer ticks).
pub const NARROW: f64 = 560.0;

/// The drawing width for a box `available` CSS pixels wide: the box's own width, so one
/// user unit is one CSS pixel and the text keeps its CSS size (11–12 px) on a phone, within
/// [`NARROWEST`]..=[`WIDE`].
#[must_use]
pub fn drawing_width(available: f64) -> f64 {
    if available.is_finite() && available > 0.0 {
        available.floor().clamp(NARROWEST, WIDE)
    } else {
        WIDE
    }
}

/// Watches one element's size with a `ResizeObserver` and re-renders its component when it
/// changes (the window is resized, a dialog or disclosure around it opens, its content
/// grows). The re-render runs in a new task, so it never changes layout inside the
/// observer's own callback.
struct SizeWatcher {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
    watched: Option<web_sys::Element>,
}

impl SizeWatcher {
    fn new(update: yew::functional::UseForceUpdateHandle) -> Option<Self> {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            let update = update.clone();
            gloo::timers::callback::Timeout::new(0, move || update.force_update()).forget();
        });
        let observer =
            web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(callback.as_ref()))
                .ok()?;
        Some(Self {
            observer,
            _callback: callback,
            watched: None,
        })
    }

    fn watch(&mut self, el: Option<web_sys::Element>) {
        if self.watched == el {
            return;
        }
        if let Some(old) = self.watched.take() {
            self.observer.unobserve(&old);
        }
        if let Some(new) = &el {
            self.observer.observe(new);
        }
        self.watched = el;
    }
}

impl Drop for SizeWatcher {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Re-renders the component when the element `node` refers to changes size (see
/// `SizeWatcher`); the element may appear in a later render.
#[hook]
pub fn use_rerender_on_resize(node: &NodeRef) {
    let update = use_force_update();
    let watcher = use_mut_ref(|| None::<SizeWatcher>);
    let node = node.clone();
    use_effect(move || {
        let mut w = watcher.borrow_mut();
        if w.is_none() {
            *w = SizeWatcher::new(update);
        }
        if let Some(w) = w.as_mut() {
            w.watch(node.cast::<web_sys::Element>());
        }
    });
}

/// A chart's drawing width: attach the node ref to the block the SVG fills; after each
/// render (and when it is resized) its width is measured and, when it changed, the chart is drawn
/// again for it ([`drawing_width`]). [`WIDE`] until measured.
#[hook]
pub fn use_chart_width() -> (NodeRef, f64) {
    let node = use_node_ref();
    use_rerender_on_resize(&node);
    let width = use_state_eq(|| WIDE);
    {
        let node = node.clone();
        let width = width.clone();
        use_effect(move || {
            // On paper the chart keeps the width it had on screen: the print stylesheet
            // scales the drawing to its box, and a narrow re-layout would only shrink it.
            let printing = web_sys::window()
                .and_then(|w| w.match_media("print").ok().flatten())
                .is_some_and(|m| m.matches());
            if printing {
                return;
            }
            if let Some(el) = node.cast::<web_sys::Element>() {
                let w = f64::from(el.client_width());
                if w > 0.0 {
                    width.set(drawing_width(w));
                }
            }
        });
    }
    (node, *width)
}

/// A decimal as a float for drawing.
#[must_use]
pub fn px(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// "Nice" tick values (1, 2, 2.5 or 5 × 10ⁿ apart) covering `lo..=hi`, and the decimals
/// needed to print them.
#[must_use]
pub fn ticks(lo: f64, hi: f64, target: usize) -> (Vec<f64>, u32) {
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo, lo + 1.0) };
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let mut v = Vec::new();
    let mut x = start;
    while x <= hi + step * 0.5 && v.len() < 50 {
        v.push(if x.abs() < step * 1e-9 { 0.0 } else { x });
        x += step;
    }
    let decimals = (0..4u32)
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(4);
    (v, decimals)
}

/// Maps a value in `d0..d1` onto `r0..r1`.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    /// A linear scale.
    #[must_use]
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        let d1 = if (d1 - d0).abs() < f64::EPSILON {
            d0 + 1.0
        } else {
            d1
        };
        Self { d0, d1, r0, r1 }
    }

    /// The pixel position of `v`.
    #[must_use]
    pub fn at(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// A pixel coordinate for an SVG attribute (one decimal).
#[must_use]
pub fn c(v: f64) -> String {
    format!("{:.1}", if v.is_finite() { v } else { 0.0 })
}

/// Colour of a goal area (SVG fill).
#[must_use]
pub fn area_colour(area: &str) -> &'static str {
    match area {
        "food" => "#1b5e3b",
        "consume" => "#a2531c",
        "reuse" => "#1f5f8b",
        "sort" => "#6a4c93",
        "litter" => "#7a5c3e",
        _ => "#4f6d7a",
    }
}

/// Text cut to `max` characters with an ellipsis.
#[must_use]
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice() {
        let (t, d) = ticks(0.0, 1234.0, 5);
        assert_eq!(t.first().copied(), Some(0.0));
        assert!(t.last().copied().unwrap_or(0.0) >= 1234.0);
        assert_eq!(d, 0);
        let (t, d) = ticks(-0.3, 0.7, 5);
        assert!(t.contains(&0.0));
        assert_eq!(d, 1);
    }

    #[test]
    fn the_drawing_is_as_wide_as_its_box_within_bounds() {
        assert!(
            (drawing_width(318.6) - 318.0).abs() < 1e-9,
            "a 390 px phone"
        );
        assert!((drawing_width(200.0) - NARROWEST).abs() < 1e-9);
        assert!((drawing_width(1100.0) - WIDE).abs() < 1e-9);
        assert!((drawing_width(0.0) - WIDE).abs() < 1e-9, "not measured yet");
        assert!((drawing_width(f64::NAN) - WIDE).abs() < 1e-9);
    }

    #[test]
    fn scale_maps_linearly() {
        let s = Scale::new(0.0, 10.0, 100.0, 200.0);
        assert!((s.at(5.0) - 150.0).abs() < 1e-9);
    }
}
