//! The specific pieces of a request: the rows found about the requester (and
//! the officer's confirmations), and the redactions in them (with the
//! officer's decisions). A redaction applies unless the officer rejects it.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{request_id, Ledger, LedgerError, Result};
use crate::audit::AuditRecord;
use crate::redact::{Redaction, RedactionType};

pub(super) const SCHEMA: &str = "
CREATE TABLE piece_rows (
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    source      TEXT NOT NULL,
    number      INTEGER NOT NULL,
    row_id      TEXT NOT NULL,
    score       REAL NOT NULL,
    why         TEXT NOT NULL,
    digest      TEXT NOT NULL,
    decision    TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'confirmed', 'rejected')),
    reason      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (request_id, source, number)
);
CREATE TABLE redactions (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests(id),
    source       TEXT NOT NULL,
    number       INTEGER NOT NULL,
    row_id       TEXT NOT NULL,
    field        TEXT NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    detector     TEXT NOT NULL,
    score        REAL NOT NULL,
    explanation  TEXT NOT NULL,
    decision     TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'kept', 'rejected')),
    reason       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX redactions_request ON redactions(request_id);
";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PieceDecision {
    Pending,
    Confirmed,
    Kept,
    Rejected,
}

impl PieceDecision {
    fn as_str(self) -> &'static str {
        match self {
            PieceDecision::Pending => "pending",
            PieceDecision::Confirmed => "confirmed",
            PieceDecision::Kept => "kept",
            PieceDecision::Rejected => "rejected",
        }
    }

    fn parse(s: &str) -> Result<PieceDecision> {
        [PieceDecision::Pending, PieceDecision::Confirmed, PieceDecision::Kept, PieceDecision::Rejected]
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| LedgerError::Damaged(format!("decision {s:?}")))
    }
}

/// A row found about the requester, as the officer reviews it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FoundRow {
    pub source: String,
    #[ts(type = "number")]
    pub number: u64,
    pub row_id: String,
    pub score: f32,
    pub why: String,
    pub decision: PieceDecision,
    pub reason: String,
    /// SHA-256 of the row's values when it was found: a newer export of the
    /// source shows as a different digest.
    #[serde(skip)]
    #[ts(skip)]
    pub digest: String,
}

/// A redaction kept in the ledger, with the officer's decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StoredRedaction {
    pub id: u32,
    pub source: String,
    #[ts(type = "number")]
    pub number: u64,
    pub row_id: String,
    pub field: String,
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub text: String,
    pub kind: RedactionType,
    pub detector: String,
    pub score: f32,
    pub explanation: String,
    pub decision: PieceDecision,
    pub reason: String,
}

impl Ledger {
    /// Record a search's results. Rows the officer already decided keep their
    /// decision; undecided rows the new search no longer finds are dropped.
    pub fn put_found_rows(&mut self, actor: &str, reference: &str, rows: &[FoundRow]) -> Result<()> {
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            tx.execute("DELETE FROM piece_rows WHERE request_id = ?1 AND decision = 'pending'", [id])?;
            let mut stmt = tx.prepare(
                "INSERT INTO piece_rows (request_id, source, number, row_id, score, why, digest)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (request_id, source, number) DO UPDATE SET score = excluded.score, why = excluded.why,
                    row_id = excluded.row_id, digest = excluded.digest",
            )?;
            for r in rows {
                stmt.execute(params![id, r.source, r.number as i64, r.row_id, r.score as f64, r.why, r.digest])?;
            }
            let detail = format!("{} rows found in the data sources", rows.len());
            Ok(((), AuditRecord::new("pieces.found", Some(reference), detail)))
        })
    }

    pub fn found_rows(&self, reference: &str) -> Result<Vec<FoundRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.source, p.number, p.row_id, p.score, p.why, p.decision, p.reason, p.digest FROM piece_rows p
             JOIN requests r ON r.id = p.request_id WHERE r.reference = ?1 ORDER BY p.source, p.number",
        )?;
        let mut rows = stmt.query([reference])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let decision: String = r.get(5)?;
            out.push(FoundRow {
                source: r.get(0)?,
                number: r.get::<_, i64>(1)? as u64,
                row_id: r.get(2)?,
                score: r.get::<_, f64>(3)? as f32,
                why: r.get(4)?,
                decision: PieceDecision::parse(&decision)?,
                reason: r.get(6)?,
                digest: r.get(7)?,
            });
        }
        Ok(out)
    }

    pub fn decide_row(
        &mut self,
        actor: &str,
        reference: &str,
        source: &str,
        number: u64,
        confirm: bool,
        reason: &str,
    ) -> Result<()> {
        let decision = if confirm { PieceDecision::Confirmed } else { PieceDecision::Rejected };
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            let n = tx.execute(
                "UPDATE piece_rows SET decision = ?4, reason = ?5 WHERE request_id = ?1 AND source = ?2 AND number = ?3",
                params![id, source, number as i64, decision.as_str(), reason],
            )?;
            if n == 0 {
                return Err(LedgerError::Damaged(format!("{reference}: no found row {number} in {source}")));
            }
            let detail = format!("{source} row {number} {}: {reason}", decision.as_str());
            Ok(((), AuditRecord::new("pieces.row_decided", Some(reference), detail)))
        })
    }

    /// Store a detector run's redactions. Decided and manual ones stay; the
    /// undecided ones of the last run are replaced.
    pub fn put_redactions(&mut self, actor: &str, reference: &str, found: &[Redaction]) -> Result<()> {
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            tx.execute(
                "DELETE FROM redactions WHERE request_id = ?1 AND decision = 'pending' AND detector != 'manual'",
                [id],
            )?;
            let mut exists = tx.prepare(
                "SELECT count(*) FROM redactions WHERE request_id = ?1 AND source = ?2 AND number = ?3 AND field = ?4
                 AND start = ?5 AND end = ?6",
            )?;
            let mut insert = tx.prepare(
                "INSERT INTO redactions (request_id, source, number, row_id, field, start, end, text, kind, detector, score,
                    explanation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            for r in found {
                let key = params![id, r.file, r.number as i64, r.field, r.start as i64, r.end as i64];
                if exists.query_row(key, |row| row.get::<_, i64>(0))? > 0 {
                    continue;
                }
                insert.execute(params![
                    id,
                    r.file,
                    r.number as i64,
                    r.row_id,
                    r.field,
                    r.start as i64,
                    r.end as i64,
                    r.text,
                    r.kind.as_str(),
                    r.detector,
                    r.score as f64,
                    r.explanation
                ])?;
            }
            let detail = format!("{} redactions found by the detectors", found.len());
            Ok(((), AuditRecord::new("redactions.found", Some(reference), detail)))
        })
    }

    pub fn redactions(&self, reference: &str) -> Result<Vec<StoredRedaction>> {
        let mut stmt = self.conn.prepare(
            "SELECT x.id, x.source, x.number, x.row_id, x.field, x.start, x.end, x.text, x.kind, x.detector, x.score,
                    x.explanation, x.decision, x.reason
             FROM redactions x JOIN requests r ON r.id = x.request_id WHERE r.reference = ?1
             ORDER BY x.source, x.number, x.field, x.start",
        )?;
        let mut rows = stmt.query([reference])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let kind: String = r.get(8)?;
            let decision: String = r.get(12)?;
            out.push(StoredRedaction {
                id: r.get(0)?,
                source: r.get(1)?,
                number: r.get::<_, i64>(2)? as u64,
                row_id: r.get(3)?,
                field: r.get(4)?,
                start: r.get::<_, i64>(5)? as usize,
                end: r.get::<_, i64>(6)? as usize,
                text: r.get(7)?,
                kind: RedactionType::parse(&kind)
                    .ok_or_else(|| LedgerError::Damaged(format!("redaction type {kind:?}")))?,
                detector: r.get(9)?,
                score: r.get::<_, f64>(10)? as f32,
                explanation: r.get(11)?,
                decision: PieceDecision::parse(&decision)?,
                reason: r.get(13)?,
            });
        }
        Ok(out)
    }

    /// Keep or reject redactions: one by id, or every one of a type.
    pub fn decide_redactions(
        &mut self,
        actor: &str,
        reference: &str,
        which: RedactionChoice,
        keep: bool,
        reason: &str,
    ) -> Result<usize> {
        let decision = if keep { PieceDecision::Kept } else { PieceDecision::Rejected };
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            let (n, what) = match which {
                RedactionChoice::One(rid) => (
                    tx.execute(
                        "UPDATE redactions SET decision = ?3, reason = ?4 WHERE request_id = ?1 AND id = ?2",
                        params![id, rid, decision.as_str(), reason],
                    )?,
                    format!("redaction {rid}"),
                ),
                RedactionChoice::Type(kind) => (
                    tx.execute(
                        "UPDATE redactions SET decision = ?3, reason = ?4 WHERE request_id = ?1 AND kind = ?2",
                        params![id, kind.as_str(), decision.as_str(), reason],
                    )?,
                    format!("every {} redaction", kind.as_str()),
                ),
            };
            if n == 0 {
                return Err(LedgerError::Damaged(format!("{reference}: no such redaction ({what})")));
            }
            let detail = format!("{what} {} ({n}): {reason}", decision.as_str());
            Ok((n, AuditRecord::new("redactions.decided", Some(reference), detail)))
        })
    }

    pub fn add_manual_redaction(
        &mut self,
        actor: &str,
        reference: &str,
        r: &Redaction,
        reason: &str,
    ) -> Result<u32> {
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            tx.execute(
                "INSERT INTO redactions (request_id, source, number, row_id, field, start, end, text, kind, detector, score,
                    explanation, decision, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'manual', 1.0, ?10, 'kept', ?11)",
                params![
                    id,
                    r.file,
                    r.number as i64,
                    r.row_id,
                    r.field,
                    r.start as i64,
                    r.end as i64,
                    r.text,
                    r.kind.as_str(),
                    r.explanation,
                    reason
                ],
            )?;
            let rid = tx.last_insert_rowid() as u32;
            let detail = format!("manual {} redaction in {} row {} {}: {reason}", r.kind.as_str(), r.file, r.number, r.field);
            Ok((rid, AuditRecord::new("redactions.manual", Some(reference), detail)))
        })
    }
}

#[derive(Debug, Clone, Copy)]
pub enum RedactionChoice {
    One(u32),
    Type(RedactionType),
}
