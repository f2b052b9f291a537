//! The web layer: every `web-sys` call of Isnad lives below this module, and offsets turn
//! from code points into UTF-16 only here.

mod anchoring;
mod dom;
mod errors;
mod highlight;
mod library;
mod widget;

pub use anchoring::{anchor, describe};
pub use dom::DomTree;
pub use highlight::Highlighter;
pub use widget::{take_panic, Widget};
