//! Isnad marks claims, sources and quoted assessments in news articles.
//!
//! The crate has two layers:
//! - a DOM-free core, tested natively: [`tree`] (the small tree interface and article finding),
//!   [`text`] (the article's text as one string with a map back to its text nodes) and
//!   [`marks`] (validating and shaping the ranges the highlight engine marks);
//! - the web layer (`web`, wasm32 only), where every `web-sys` call lives.
//!
//! Offsets inside the core always count Unicode code points; UTF-16 appears only where the
//! web layer talks to the DOM.

pub mod anchor;
pub mod annotation;
pub mod detect;
pub mod export;
pub mod marks;
pub mod memtree;
pub mod text;
pub mod tree;

// The detector's crate, under the paths the rest of Isnad has always used.
pub use isnad_detect::{lexicon, normalize, numbers, segment, sort};

#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod web;
