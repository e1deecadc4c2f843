//! Letters to requesters: their wording (one file per letter) and PDF rendering.

mod ack;
mod layout;
mod pdf;

pub use ack::{acknowledgement, AckInput};
pub use layout::{Block, LetterDoc};
pub use pdf::render;

#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error(
        "the letter font has no glyph for {ch:?} (in {context:?}); the letter was not exported"
    )]
    MissingGlyph { ch: char, context: String },
    #[error("the shipped letter font could not be loaded: {0}")]
    Font(String),
    #[error("unknown letter kind {0:?} (this version writes: ack)")]
    UnknownKind(String),
}

/// The letters this version can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    Acknowledgement,
}

impl std::str::FromStr for LetterKind {
    type Err = LetterError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ack" | "acknowledgement" => Ok(LetterKind::Acknowledgement),
            other => Err(LetterError::UnknownKind(other.to_string())),
        }
    }
}

impl LetterKind {
    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "ack",
        }
    }
}
