//! Rightsdesk: an offline desk for privacy-rights requests.

pub mod audit;
pub mod cli;
pub mod datamap;
pub mod desk;
pub mod error;
pub mod intake;
pub mod ledger;
pub mod letters;
pub mod redact;
pub mod rules;
pub mod subject;
pub mod verify;

#[cfg(feature = "desktop")]
pub mod app;

pub use error::{AppError, Error, Result};
