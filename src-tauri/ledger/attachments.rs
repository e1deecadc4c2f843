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

#[derive(Debug, Clone)]
pub struct NewAttachment {
    /// Already sanitised: a plain file name, never a path.
    pub name: String,
    pub mime: String,
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachmentInfo {
    pub id: u32,
    pub name: String,
    pub mime: String,
    pub size: u32,
    pub sha256: String,
}

pub(super) fn insert(tx: &Connection, message: i64, files: &[NewAttachment]) -> Result<()> {
    for a in files {
        tx.execute(
            "INSERT INTO attachments (message_id, name, mime, size, sha256, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![message, a.name, a.mime, a.data.len() as i64, hex::encode(Sha256::digest(&a.data)), a.data],
        )?;
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

    /// An attachment's name and bytes, to save where the officer chooses.
    pub fn attachment(&self, id: u32) -> Result<(String, Vec<u8>)> {
        self.conn
            .query_row("SELECT name, data FROM attachments WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(|_| LedgerError::Damaged(format!("no attachment {id}")))
    }
}
