use chrono::{SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::{Ledger, Result};
use crate::audit::{detail_digest, entry_hash, AuditEntry, AuditRecord, ChainedEntry, GENESIS_HASH, PURGED};

pub(super) const SCHEMA: &str = "
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    reference  TEXT,
    detail     TEXT NOT NULL,
    detail_sha256 TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_reference ON audit_log(reference);
-- The one permitted change: the retention run erasing a detail's words.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    WHEN NOT (NEW.detail = '[purged by the retention run]' AND NEW.seq = OLD.seq AND NEW.at = OLD.at
              AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.reference IS OLD.reference
              AND NEW.detail_sha256 = OLD.detail_sha256 AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash)
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
";

pub(super) fn append(tx: &Connection, actor: &str, record: &AuditRecord) -> Result<()> {
    let last: Option<(u32, String)> = tx
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (prev_seq, prev_hash) = last.unwrap_or((0, GENESIS_HASH.to_string()));
    let entry = AuditEntry {
        seq: prev_seq + 1,
        at: Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
        actor: actor.to_string(),
        action: record.action.clone(),
        reference: record.reference.clone(),
        detail: record.detail.clone(),
    };
    let digest = detail_digest(&entry.detail);
    let hash = entry_hash(&prev_hash, &entry, &digest);
    tx.prepare_cached(
        "INSERT INTO audit_log (seq, at, actor, action, reference, detail, detail_sha256, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.reference,
        entry.detail,
        digest,
        prev_hash,
        hash
    ])?;
    Ok(())
}

const COLUMNS: &str = "seq, at, actor, action, reference, detail, detail_sha256, prev_hash, hash";

fn chained(r: &rusqlite::Row<'_>) -> rusqlite::Result<ChainedEntry> {
    Ok(ChainedEntry {
        entry: AuditEntry {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            reference: r.get(4)?,
            detail: r.get(5)?,
        },
        detail_sha256: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

impl Ledger {
    /// Every entry in chain order, with its hashes, for verification.
    pub fn audit_chain(&self) -> Result<Vec<ChainedEntry>> {
        let mut stmt = self.conn.prepare(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq"))?;
        let rows = stmt.query_map([], chained)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The timeline of one request, oldest first.
    pub fn audit_for_request(&self, reference: &str) -> Result<Vec<AuditEntry>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM audit_log WHERE reference = ?1 ORDER BY seq"))?;
        let rows = stmt.query_map([reference], chained)?;
        Ok(rows.map(|r| r.map(|c| c.entry)).collect::<rusqlite::Result<_>>()?)
    }
}

/// Erase the words of every audit detail about one request (retention). The
/// chain keeps each detail's digest, so it still verifies.
pub(super) fn purge_details(tx: &Connection, reference: &str) -> Result<usize> {
    Ok(tx.execute(
        "UPDATE audit_log SET detail = ?2 WHERE reference = ?1 AND detail <> ?2",
        params![reference, PURGED],
    )?)
}
