//! Letters to requesters and recipients: templates (one per kind and language,
//! editable by the officer), the facts they are filled with, and PDF rendering.

mod engine;
pub mod facts;
mod fonts;
mod lang;
mod layout;
mod markup;
mod pdf;
pub mod sample;
mod shaping;
pub mod wording;

pub use engine::{builtin, compose, Sources, TEMPLATE_NAMES};
pub use facts::LetterFacts;
pub use lang::Lang;
pub use layout::{Block, LetterDoc};
pub use pdf::render;

#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error("no font shipped with Rightsdesk has a glyph for {ch:?} (U+{code:04X}, in {context:?}); the letter was not exported", code = *ch as u32)]
    MissingGlyph { ch: char, context: String },
    #[error("the shipped letter font could not be loaded: {0}")]
    Font(String),
    #[error("unknown letter kind {0:?} (this version writes: ack, verification_request, extension, access, deletion, deletion_denied, correction, opt_out_sale, opt_out_sharing, denial, fee_estimate, twice_limit, unable_to_verify, abandoned, vendor_notice)")]
    UnknownKind(String),
    #[error("the request has not been extended; record the extension first")]
    NotExtended,
    #[error("this letter does not fit the request: {0}")]
    DoesNotApply(String),
    #[error("the letter template could not be used: {0}")]
    Template(String),
}

/// The letters this version writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterKind {
    Acknowledgement,
    VerificationRequest,
    ExtensionNotice,
    Access,
    Deletion,
    DeletionDenied,
    Correction,
    OptOutSale,
    OptOutSharing,
    Denial,
    FeeEstimate,
    AnsweredTwice,
    UnableToVerify,
    Abandoned,
    VendorNotice,
}

impl LetterKind {
    pub const ALL: [LetterKind; 15] = [
        LetterKind::Acknowledgement,
        LetterKind::VerificationRequest,
        LetterKind::ExtensionNotice,
        LetterKind::Access,
        LetterKind::Deletion,
        LetterKind::DeletionDenied,
        LetterKind::Correction,
        LetterKind::OptOutSale,
        LetterKind::OptOutSharing,
        LetterKind::Denial,
        LetterKind::FeeEstimate,
        LetterKind::AnsweredTwice,
        LetterKind::UnableToVerify,
        LetterKind::Abandoned,
        LetterKind::VendorNotice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "ack",
            LetterKind::VerificationRequest => "verification_request",
            LetterKind::ExtensionNotice => "extension",
            LetterKind::Access => "access",
            LetterKind::Deletion => "deletion",
            LetterKind::DeletionDenied => "deletion_denied",
            LetterKind::Correction => "correction",
            LetterKind::OptOutSale => "opt_out_sale",
            LetterKind::OptOutSharing => "opt_out_sharing",
            LetterKind::Denial => "denial",
            LetterKind::FeeEstimate => "fee_estimate",
            LetterKind::AnsweredTwice => "twice_limit",
            LetterKind::UnableToVerify => "unable_to_verify",
            LetterKind::Abandoned => "abandoned",
            LetterKind::VendorNotice => "vendor_notice",
        }
    }
}

impl std::str::FromStr for LetterKind {
    type Err = LetterError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        // Earlier names, still accepted.
        let s = match s {
            "acknowledgement" => "ack",
            "twice" => "twice_limit",
            "fee" => "fee_estimate",
            other => other,
        };
        LetterKind::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| LetterError::UnknownKind(s.to_string()))
    }
}
