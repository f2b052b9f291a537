//! Isnad's detector, DOM-free and with no annotation model: the matching copy of a text
//! ([`normalize`]), sentences, tokens and quotes ([`segment`]), the word lists ([`lexicon`]),
//! quantities ([`numbers`]) and the detection of claims, sources and assessments ([`detect`]).
//! Offsets count Unicode code points.
//!
//! A crate of its own so that the release build can compile it for speed and the rest of Isnad
//! for size (the workspace's `Cargo.toml`, `[profile.release.package.isnad-detect]`).

pub mod detect;
pub mod kind;
pub mod lexicon;
pub mod normalize;
pub mod numbers;
pub mod segment;
pub mod sort;
