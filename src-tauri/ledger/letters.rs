use rusqlite::params;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{now, request_id, Ledger, LedgerError, Result};
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

/// What a letter was made from, and how it was sent.
pub(super) const SCHEMA_MADE: &str = "
ALTER TABLE letters ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE letters ADD COLUMN data_map_version INTEGER;
ALTER TABLE letters ADD COLUMN template_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE letters ADD COLUMN delivery TEXT;
ALTER TABLE letters ADD COLUMN delivered_on TEXT;
";

/// A letter kept in the ledger (its PDF stays in the BLOB).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterInfo {
    pub id: u32,
    pub kind: String,
    pub created_at: String,
    pub sha256: String,
    pub file_name: String,
    pub lang: String,
    pub data_map_version: Option<u32>,
    /// 0 = the built-in template.
    pub template_version: u32,
    /// email, post or account, once sent.
    pub delivery: Option<String>,
    pub delivered_on: Option<String>,
}

/// What an exported letter was made from.
pub struct LetterMade<'a> {
    pub kind: &'a str,
    pub lang: &'a str,
    pub data_map_version: u32,
    /// The letter's, the frame's and the routes' template versions.
    pub template_versions: [u32; 3],
    pub file_name: &'a str,
}

const LETTER_COLUMNS: &str = "l.id, l.kind, l.created_at, l.sha256, l.file_name, l.lang, l.data_map_version,
    l.template_version, l.delivery, l.delivered_on";

fn letter_info(r: &rusqlite::Row<'_>) -> rusqlite::Result<LetterInfo> {
    Ok(LetterInfo {
        id: r.get(0)?,
        kind: r.get(1)?,
        created_at: r.get(2)?,
        sha256: r.get(3)?,
        file_name: r.get(4)?,
        lang: r.get(5)?,
        data_map_version: r.get(6)?,
        template_version: r.get(7)?,
        delivery: r.get(8)?,
        delivered_on: r.get(9)?,
    })
}

impl Ledger {
    pub fn store_letter(
        &mut self,
        actor: &str,
        reference: &str,
        made: &LetterMade<'_>,
        pdf: &[u8],
    ) -> Result<LetterInfo> {
        let sha256 = hex::encode(Sha256::digest(pdf));
        self.audited(actor, |tx| {
            let request_id: i64 = request_id(tx, reference)?;
            let created_at = now();
            tx.execute(
                "INSERT INTO letters (request_id, kind, created_at, file_name, sha256, pdf, lang, data_map_version, template_version)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    request_id,
                    made.kind,
                    created_at,
                    made.file_name,
                    sha256,
                    pdf,
                    made.lang,
                    made.data_map_version,
                    made.template_versions[0]
                ],
            )?;
            let id = tx.last_insert_rowid();
            let letter = tx.query_row(
                &format!("SELECT {LETTER_COLUMNS} FROM letters l WHERE l.id = ?1"),
                [id],
                letter_info,
            )?;
            let [body, frame, route] = made.template_versions;
            let detail = format!(
                "{} letter ({}, data map v{}, templates: letter v{body}, frame v{frame}, routes v{route}) exported as {}; sha256 {sha256}",
                made.kind, made.lang, made.data_map_version, made.file_name
            );
            Ok((letter, AuditRecord::new("letter.exported", Some(reference), detail)))
        })
    }

    /// Record how and when a letter was sent.
    pub fn record_delivery(
        &mut self,
        actor: &str,
        reference: &str,
        letter: u32,
        via: &str,
        on: chrono::NaiveDate,
    ) -> Result<LetterInfo> {
        self.audited(actor, |tx| {
            let changed = tx.execute(
                "UPDATE letters SET delivery = ?1, delivered_on = ?2
                 WHERE id = ?3 AND request_id = (SELECT id FROM requests WHERE reference = ?4)",
                params![via, on.to_string(), letter, reference],
            )?;
            if changed == 0 {
                return Err(LedgerError::Missing(format!("request {reference} has no letter {letter}")));
            }
            let info = tx.query_row(
                &format!("SELECT {LETTER_COLUMNS} FROM letters l WHERE l.id = ?1"),
                [letter],
                letter_info,
            )?;
            let detail = format!("{} letter {} sent by {via} on {on}", info.kind, info.id);
            Ok((info, AuditRecord::new("letter.delivered", Some(reference), detail)))
        })
    }

    pub fn letters_for_request(&self, reference: &str) -> Result<Vec<LetterInfo>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {LETTER_COLUMNS} FROM letters l
             JOIN requests r ON r.id = l.request_id WHERE r.reference = ?1 ORDER BY l.id"
        ))?;
        let rows = stmt.query_map([reference], letter_info)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored PDF bytes of a letter.
    pub fn letter_pdf(&self, id: u32) -> Result<Vec<u8>> {
        Ok(self.conn.query_row("SELECT pdf FROM letters WHERE id = ?1", [id], |r| r.get(0))?)
    }
}
