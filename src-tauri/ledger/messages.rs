use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::attachments::{self, NewAttachment};
use super::Result;

pub(super) const SCHEMA: &str = "
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    message_id   TEXT NOT NULL UNIQUE,
    file_name    TEXT NOT NULL,
    from_name    TEXT NOT NULL,
    from_email   TEXT NOT NULL,
    subject      TEXT NOT NULL,
    sent_at      TEXT,
    received_at  TEXT NOT NULL,
    body_text    TEXT NOT NULL,
    raw          BLOB NOT NULL,
    sha256       TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    request_id   INTEGER REFERENCES requests(id),
    tray         TEXT,
    evidence     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX messages_request ON messages(request_id);
";

/// A parsed email about to be stored. `raw` is the file exactly as read.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub message_id: String,
    pub file_name: String,
    pub from_name: String,
    pub from_email: String,
    pub subject: String,
    pub sent_at: Option<DateTime<Utc>>,
    pub received_at: DateTime<Utc>,
    pub body_text: String,
    pub raw: Vec<u8>,
    pub sha256: String,
    /// Why intake read it as it did, as JSON `[{"field", "because"}]`.
    pub evidence: String,
    pub attachments: Vec<NewAttachment>,
}

/// Store a message (and its attachments) in a thread, in the tray, or neither yet.
pub(super) fn insert(
    tx: &Connection,
    m: &NewMessage,
    request_id: Option<i64>,
    tray: Option<&str>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO messages (message_id, file_name, from_name, from_email, subject, sent_at,
                               received_at, body_text, raw, sha256, imported_at, request_id, tray, evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        m.message_id,
        m.file_name,
        m.from_name,
        m.from_email,
        m.subject,
        m.sent_at.map(|t| t.to_rfc3339()),
        m.received_at.to_rfc3339(),
        m.body_text,
        m.raw,
        m.sha256,
        Utc::now().to_rfc3339(),
        request_id,
        tray,
        m.evidence
    ])?;
    let id = tx.last_insert_rowid();
    attachments::insert(tx, id, &m.attachments)?;
    Ok(id)
}
