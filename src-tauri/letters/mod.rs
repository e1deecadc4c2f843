//! Letters to requesters: their wording (one file per letter) and PDF rendering.

mod ack;
mod context;
mod extension;
mod layout;
mod limits;
mod pdf;
mod verification;

pub use ack::acknowledgement;
pub use context::{long_date, LetterContext};
pub use extension::extension_notice;
pub use layout::{Block, LetterDoc};
pub use limits::{answered_twice, fee_estimate};
pub use pdf::render;
pub use verification::{abandoned, unable_to_verify, verification_request, Needed};

#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error("the letter font has no glyph for {ch:?} (in {context:?}); the letter was not exported")]
    MissingGlyph { ch: char, context: String },
    #[error("the shipped letter font could not be loaded: {0}")]
    Font(String),
    #[error("unknown letter kind {0:?} (this version writes: ack, extension, twice, fee, verification_request, unable_to_verify, abandoned)")]
    UnknownKind(String),
    #[error("the request has not been extended; record the extension first")]
    NotExtended,
    #[error("this letter does not fit the request: {0}")]
    DoesNotApply(String),
}

/// The letters this version can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    Acknowledgement,
    ExtensionNotice,
    AnsweredTwice,
    FeeEstimate,
    VerificationRequest,
    UnableToVerify,
    Abandoned,
}

impl std::str::FromStr for LetterKind {
    type Err = LetterError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ack" | "acknowledgement" => Ok(LetterKind::Acknowledgement),
            "extension" => Ok(LetterKind::ExtensionNotice),
            "twice" => Ok(LetterKind::AnsweredTwice),
            "fee" | "fee_estimate" => Ok(LetterKind::FeeEstimate),
            "verification_request" => Ok(LetterKind::VerificationRequest),
            "unable_to_verify" => Ok(LetterKind::UnableToVerify),
            "abandoned" => Ok(LetterKind::Abandoned),
            other => Err(LetterError::UnknownKind(other.to_string())),
        }
    }
}

impl LetterKind {
    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "ack",
            LetterKind::ExtensionNotice => "extension",
            LetterKind::AnsweredTwice => "twice",
            LetterKind::FeeEstimate => "fee",
            LetterKind::VerificationRequest => "verification_request",
            LetterKind::UnableToVerify => "unable_to_verify",
            LetterKind::Abandoned => "abandoned",
        }
    }
}
