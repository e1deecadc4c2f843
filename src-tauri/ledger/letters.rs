use chrono::{SecondsFormat, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{Ledger, LedgerError, Result};
use crate::audit::AuditRecord;

pub(super) const SCHEMA: &str = "
CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    kind        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    pdf         BLOB NOT NULL
);
CREATE INDEX letters_request ON letters(request_id);
";

/// A letter kept in the ledger (its PDF stays in the BLOB).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterInfo {
    pub id: u32,
    pub kind: String,
    pub created_at: String,
    pub sha256: String,
    pub file_name: String,
}

impl Ledger {
    pub fn store_letter(
        &mut self,
        actor: &str,
        reference: &str,
        kind: &str,
        file_name: &str,
        pdf: &[u8],
    ) -> Result<LetterInfo> {
        let sha256 = hex::encode(Sha256::digest(pdf));
        self.audited(actor, |tx| {
            let request_id: i64 = tx
                .query_row("SELECT id FROM requests WHERE reference = ?1", [reference], |r| r.get(0))
                .map_err(|_| LedgerError::RequestNotFound(reference.to_string()))?;
            let created_at = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
            tx.execute(
                "INSERT INTO letters (request_id, kind, created_at, file_name, sha256, pdf)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![request_id, kind, created_at, file_name, sha256, pdf],
            )?;
            let letter = LetterInfo {
                id: tx.last_insert_rowid() as u32,
                kind: kind.to_string(),
                created_at,
                sha256: sha256.clone(),
                file_name: file_name.to_string(),
            };
            let detail = format!("{kind} letter exported as {file_name}; sha256 {sha256}");
            Ok((letter, AuditRecord::new("letter.exported", Some(reference), detail)))
        })
    }

    pub fn letters_for_request(&self, reference: &str) -> Result<Vec<LetterInfo>> {
        let mut stmt = self.conn.prepare(
            "SELECT l.id, l.kind, l.created_at, l.sha256, l.file_name FROM letters l
             JOIN requests r ON r.id = l.request_id WHERE r.reference = ?1 ORDER BY l.id",
        )?;
        let rows = stmt.query_map([reference], |r| {
            Ok(LetterInfo {
                id: r.get(0)?,
                kind: r.get(1)?,
                created_at: r.get(2)?,
                sha256: r.get(3)?,
                file_name: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored PDF bytes of a letter.
    pub fn letter_pdf(&self, id: u32) -> Result<Vec<u8>> {
        Ok(self.conn.query_row("SELECT pdf FROM letters WHERE id = ?1", [id], |r| r.get(0))?)
    }
}
