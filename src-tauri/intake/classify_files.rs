//! `rightsdesk intake classify`: read files, no ledger, one result per message.

use std::path::PathBuf;

use serde::Serialize;

use super::import::for_each_message;
use super::{parse_guarded, understand, Understanding};

/// One line of the classify output: a message understood, or a file that failed.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Classified {
    Message(Box<Understanding>),
    Failed { file: String, error: String },
}

pub fn classify_files(paths: &[PathBuf]) -> Vec<Classified> {
    let mut out = Vec::new();
    for path in paths {
        for_each_message(path, |label, index, raw| {
            let file = path.display().to_string();
            let result = raw.and_then(|raw| parse_guarded(&label, &file, &raw));
            out.push(match result {
                Ok(email) => Classified::Message(Box::new(understand(&file, index, &email))),
                Err(e) => Classified::Failed { file: label, error: e.to_string() },
            });
        });
    }
    out
}
