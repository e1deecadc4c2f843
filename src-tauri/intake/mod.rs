//! From files on disk to requests in the ledger: read, parse, classify, store.

mod classify;
mod classify_files;
mod cues;
mod email;
mod forwards;
mod import;
mod matcher;
mod msg;
mod places;
mod reading;
mod store;
mod understand;

pub use classify::{classify, Classification};
pub use msg::{CfbReader, OutlookReader};

/// Parse one message, by its file name: Outlook `.msg`, else RFC 5322.
pub fn parse_any(file: &str, file_name: &str, raw: &[u8]) -> Result<ParsedEmail, IntakeError> {
    if file_name.to_lowercase().ends_with(".msg") {
        CfbReader.read(file, raw)
    } else {
        parse_email(file, raw)
    }
}

/// [`parse_any`] as a last line of defence: the parsers are libraries fed
/// hostile input, and a panic in one is this file's error, never the end of
/// the batch.
pub fn parse_guarded(file: &str, file_name: &str, raw: &[u8]) -> Result<ParsedEmail, IntakeError> {
    std::panic::catch_unwind(|| parse_any(file, file_name, raw)).unwrap_or_else(|_| {
        Err(IntakeError::NotAnEmail { file: file.to_string(), why: "the message could not be parsed".into() })
    })
}
pub use classify_files::{classify_files, Classified};
pub use email::{
    parse_email, sanitize_name, ParsedAttachment, ParsedEmail, MAX_ATTACHMENT_BYTES,
    PARSER_MAX_ATTACHMENT_BYTES,
};
pub use import::{import_messages, import_paths, ImportError, ImportProgress, ImportSummary, ImportedFile};
pub use understand::{
    jurisdiction_code, language, regime_for_jurisdiction, understand, Evidence, Understanding,
};

/// Largest email file read into memory for import.
pub const MAX_EMAIL_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("{file}: cannot be read: {source}")]
    Unreadable {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: {size} bytes is larger than the {MAX_EMAIL_BYTES}-byte limit for one email")]
    TooLarge { file: String, size: u64 },
    #[error("{file}: not an email: {why}")]
    NotAnEmail { file: String, why: String },
    #[error("{file}: unsupported file type (expected .eml, .mbox or .msg)")]
    Unsupported { file: String },
}
