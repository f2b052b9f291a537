//! The web layer: every `web-sys` call of Isnad lives below this module, and offsets turn
//! from code points into UTF-16 only here.

mod anchoring;
mod css_highlight;
mod data;
mod dom;
mod errors;
mod highlight;
mod library;
mod widget;

pub use anchoring::{anchor, describe, detect_text, summarize_text};
pub use css_highlight::{supported as highlight_api_supported, HIGHLIGHTS};
pub use dom::DomTree;
pub use highlight::{Highlighter, Renderer};
pub use widget::{take_panic, Widget};
