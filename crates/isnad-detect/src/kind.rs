//! The three kinds of finding (ANNOTATION-GUIDE.md), and of the ranges that mark them.

use serde::{Deserialize, Serialize};

/// What a marked range is (ANNOTATION-GUIDE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Claim,
    Source,
    Assessment,
}

impl Kind {
    /// The name used in classes and data attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Source => "source",
            Kind::Assessment => "assessment",
        }
    }
}
