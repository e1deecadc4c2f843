//! Evidence of identity or authority for a request (ID scans, declarations,
//! agents' permissions, powers of attorney, proof of parental authority),
//! kept encrypted in the ledger. Once checked, an image can be erased and the
//! finding kept: only what is needed is held.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{request_id, Ledger, LedgerError, Result};
use crate::audit::AuditRecord;

pub(super) const SCHEMA: &str = "
CREATE TABLE evidence (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests(id),
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    mime         TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    data         BLOB NOT NULL,
    added_at     TEXT NOT NULL,
    finding      TEXT NOT NULL DEFAULT '',
    erased_on    TEXT
);
CREATE INDEX evidence_request ON evidence(request_id);
";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    IdScan,
    Declaration,
    AgentPermission,
    PowerOfAttorney,
    ParentalAuthority,
    Other,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::IdScan => "id_scan",
            EvidenceKind::Declaration => "declaration",
            EvidenceKind::AgentPermission => "agent_permission",
            EvidenceKind::PowerOfAttorney => "power_of_attorney",
            EvidenceKind::ParentalAuthority => "parental_authority",
            EvidenceKind::Other => "other",
        }
    }

    fn parse(s: &str) -> Result<EvidenceKind> {
        serde_json::from_value(serde_json::Value::String(s.to_string()))
            .map_err(|_| LedgerError::Damaged(format!("evidence kind {s:?}")))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceInfo {
    pub id: u32,
    pub kind: EvidenceKind,
    pub name: String,
    pub mime: String,
    pub size: u32,
    pub sha256: String,
    pub added_at: String,
    /// What the officer found when checking it.
    pub finding: String,
    /// The file was erased after checking on this day; the finding stays.
    pub erased_on: Option<String>,
}

impl Ledger {
    pub fn add_evidence(
        &mut self,
        actor: &str,
        reference: &str,
        kind: EvidenceKind,
        name: &str,
        mime: &str,
        data: &[u8],
    ) -> Result<u32> {
        let sha256 = hex::encode(Sha256::digest(data));
        self.audited(actor, |tx| {
            let id: i64 = request_id(tx, reference)?;
            tx.execute(
                "INSERT INTO evidence (request_id, kind, name, mime, size, sha256, data, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id,
                    kind.as_str(),
                    name,
                    mime,
                    data.len() as i64,
                    sha256,
                    data,
                    chrono::Utc::now().to_rfc3339()
                ],
            )?;
            let eid = tx.last_insert_rowid() as u32;
            let detail = format!("{} {name} ({} bytes, sha256 {sha256})", kind.as_str(), data.len());
            Ok((eid, AuditRecord::new("evidence.added", Some(reference), detail)))
        })
    }

    pub fn evidence(&self, reference: &str) -> Result<Vec<EvidenceInfo>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.kind, e.name, e.mime, e.size, e.sha256, e.added_at, e.finding, e.erased_on
             FROM evidence e JOIN requests r ON r.id = e.request_id WHERE r.reference = ?1 ORDER BY e.id",
        )?;
        let mut rows = stmt.query([reference])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let kind: String = r.get(1)?;
            out.push(EvidenceInfo {
                id: r.get(0)?,
                kind: EvidenceKind::parse(&kind)?,
                name: r.get(2)?,
                mime: r.get(3)?,
                size: r.get::<_, i64>(4)? as u32,
                sha256: r.get(5)?,
                added_at: r.get(6)?,
                finding: r.get(7)?,
                erased_on: r.get(8)?,
            });
        }
        Ok(out)
    }

    /// The file itself, for viewing in the app (never written to disk).
    pub fn evidence_data(&self, reference: &str, id: u32) -> Result<(String, Vec<u8>)> {
        self.conn
            .query_row(
                "SELECT e.mime, e.data FROM evidence e JOIN requests r ON r.id = e.request_id
                 WHERE r.reference = ?1 AND e.id = ?2 AND e.erased_on IS NULL",
                params![reference, id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|_| LedgerError::Damaged(format!("{reference} has no viewable evidence {id}")))
    }

    /// Record what was found, and (if `erase`) erase the file, keeping the finding.
    pub fn check_evidence(
        &mut self,
        actor: &str,
        reference: &str,
        id: u32,
        finding: &str,
        erase: bool,
        on: chrono::NaiveDate,
    ) -> Result<()> {
        self.audited(actor, |tx| {
            let n = tx.execute(
                "UPDATE evidence SET finding = ?3,
                        data = CASE WHEN ?4 THEN zeroblob(0) ELSE data END,
                        erased_on = CASE WHEN ?4 THEN ?5 ELSE erased_on END
                 WHERE id = ?2 AND request_id = (SELECT id FROM requests WHERE reference = ?1)",
                params![reference, id, finding, erase, on.to_string()],
            )?;
            if n == 0 {
                return Err(LedgerError::Damaged(format!("{reference} has no evidence {id}")));
            }
            let detail = format!(
                "evidence {id} checked: {finding}{}",
                if erase { "; the file was erased" } else { "" }
            );
            Ok(((), AuditRecord::new("evidence.checked", Some(reference), detail)))
        })
    }
}
