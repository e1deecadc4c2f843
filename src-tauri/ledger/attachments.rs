//! Files that came with a message, kept encrypted in the ledger and never
//! written to disk except where the officer saves one.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{Ledger, LedgerError, Result};

pub(super) const SCHEMA: &str = "
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES messages(id),
    name        TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    data        BLOB NOT NULL
);
CREATE INDEX attachments_message ON attachments(message_id);
";

/// An email's attachments are inside its raw message, which the ledger keeps:
/// they are stored as a reference (`part`) to it instead of a second copy.
pub(super) const SCHEMA_PARTS: &str = "
ALTER TABLE attachments ADD COLUMN part INTEGER;
";

#[derive(Debug, Clone)]
pub struct NewAttachment {
    /// Already sanitised: a plain file name, never a path.
    pub name: String,
    pub mime: String,
    /// The bytes to store; empty when they are taken from the raw message (`part`).
    pub data: Vec<u8>,
    pub size: usize,
    /// Hex SHA-256 of the bytes (computed where the file is read, off the ledger's thread).
    pub sha256: String,
    /// Its place among the attachments of the raw message it came in (the
    /// bytes are then not stored again); None for a scanned document.
    pub part: Option<u32>,
}

/// What the ledger holds of an attachment: its bytes, or the raw message and
/// the place in it to take them from.
pub struct StoredAttachment {
    pub name: String,
    pub sha256: String,
    pub data: Vec<u8>,
    pub part: Option<u32>,
    pub message_file: String,
    pub message_raw: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachmentInfo {
    pub id: u32,
    pub name: String,
    pub mime: String,
    pub size: u32,
    pub sha256: String,
}

impl NewAttachment {
    /// Hash the bytes; keep them only if they are not in the raw message (`part`).
    pub fn new(name: String, mime: String, data: Vec<u8>, part: Option<u32>) -> NewAttachment {
        let sha256 = hex::encode(Sha256::digest(&data));
        let size = data.len();
        let data = if part.is_some() { Vec::new() } else { data };
        NewAttachment { name, mime, data, size, sha256, part }
    }
}

pub(super) fn insert(tx: &Connection, message: i64, files: &[NewAttachment]) -> Result<()> {
    for a in files {
        tx.prepare_cached(
            "INSERT INTO attachments (message_id, name, mime, size, sha256, data, part)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![message, a.name, a.mime, a.size as i64, a.sha256, a.data, a.part])?;
    }
    Ok(())
}

impl Ledger {
    pub(super) fn attachments_of(&self, message: i64) -> Result<Vec<AttachmentInfo>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, mime, size, sha256 FROM attachments WHERE message_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([message], |r| {
            Ok(AttachmentInfo {
                id: r.get(0)?,
                name: r.get(1)?,
                mime: r.get(2)?,
                size: r.get(3)?,
                sha256: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An attachment as stored, to save where the officer chooses.
    pub fn attachment(&self, id: u32) -> Result<StoredAttachment> {
        self.conn
            .query_row(
                "SELECT a.name, a.sha256, a.data, a.part, m.file_name,
                        CASE WHEN a.part IS NULL THEN x'' ELSE m.raw END
                 FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = ?1",
                [id],
                |r| {
                    Ok(StoredAttachment {
                        name: r.get(0)?,
                        sha256: r.get(1)?,
                        data: r.get(2)?,
                        part: r.get(3)?,
                        message_file: r.get(4)?,
                        message_raw: r.get(5)?,
                    })
                },
            )
            .map_err(|_| LedgerError::Damaged(format!("no attachment {id}")))
    }
}
