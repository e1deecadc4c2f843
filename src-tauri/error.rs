//! The one error type every adapter sees. Each domain keeps its own enum; this
//! folds them together and gives each a stable `code()` that the UI and the CLI
//! can rely on (the IPC shape `{code, message}` is pinned by a test).

use serde::Serialize;
use ts_rs::TS;

use crate::{
    intake::IntakeError, ledger::LedgerError, letters::LetterError, rules::RulesError, subject::SubjectError,
};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error(transparent)]
    Intake(#[from] IntakeError),
    #[error(transparent)]
    Rules(#[from] RulesError),
    #[error(transparent)]
    Letter(#[from] LetterError),
    #[error(transparent)]
    Subject(#[from] SubjectError),
    #[error("{0}")]
    Invalid(String),
    #[error("the ledger is locked; unlock it first")]
    Locked,
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// A short, stable identifier for the kind of failure.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Ledger(e) => e.code(),
            Error::Intake(_) => "intake",
            Error::Rules(_) => "rules",
            Error::Letter(_) => "letter",
            Error::Subject(SubjectError::Cancelled(_)) => "cancelled",
            Error::Subject(_) => "data_source",
            Error::Invalid(_) => "invalid",
            Error::Locked => "locked",
            Error::Io { .. } => "io",
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io { path: path.as_ref().display().to_string(), source }
    }

    pub fn to_app_error(&self) -> AppError {
        AppError { code: self.code().to_string(), message: self.to_string() }
    }
}

/// What crosses the IPC boundary when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_app_error().serialize(s)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
