//! What was offered and decided in verifying one request's requester.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{request_id, Ledger, LedgerError, Result};
use crate::audit::AuditRecord;
use crate::verify::{DataPoint, Level, OnBehalf, StepId};

pub(super) const SCHEMA: &str = "
CREATE TABLE verifications (
    request_id  INTEGER PRIMARY KEY REFERENCES requests(id),
    record      TEXT NOT NULL
);
";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VerificationOutcome {
    /// Verified at the plan's level.
    Verified,
    /// Specific pieces downgraded to categories (11 CCR §7024(a)–(b)).
    PartlyVerified,
    NotVerified,
    /// No answer to the verification request within the set days.
    Abandoned,
}

/// Everything about one request's verification, kept as one record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct VerificationRecord {
    pub on_behalf: Option<OnBehalf>,
    /// The data a deletion would remove is sensitive: three points and a declaration.
    pub sensitive: bool,
    pub level_override: Option<Level>,
    pub override_reason: String,
    pub points: Vec<DataPoint>,
    /// Offered points (by position) whose partial match the officer accepted.
    pub accepted_partial: Vec<u32>,
    pub steps_done: Vec<StepId>,
    /// The day the verification request went out (YYYY-MM-DD).
    pub asked_on: Option<String>,
    pub outcome: Option<VerificationOutcome>,
    pub outcome_reason: String,
    pub decided_on: Option<String>,
}

impl Ledger {
    pub fn verification(&self, reference: &str) -> Result<VerificationRecord> {
        let raw: Option<String> = self
            .conn
            .query_row(
                "SELECT v.record FROM verifications v JOIN requests r ON r.id = v.request_id WHERE r.reference = ?1",
                [reference],
                |r| r.get(0),
            )
            .optional()?;
        match raw {
            Some(s) => serde_json::from_str(&s)
                .map_err(|e| LedgerError::Damaged(format!("verification of {reference}: {e}"))),
            None => Ok(VerificationRecord::default()),
        }
    }

    /// Replace the record, with the audit entry saying what changed.
    pub fn put_verification(
        &mut self,
        actor: &str,
        reference: &str,
        record: &VerificationRecord,
        action: &str,
        detail: &str,
    ) -> Result<()> {
        let json = serde_json::to_string(record).map_err(|e| LedgerError::Damaged(e.to_string()))?;
        self.audited(actor, |tx| {
            let id: i64 = request_id(tx, reference)?;
            tx.execute(
                "INSERT INTO verifications (request_id, record) VALUES (?1, ?2)
                 ON CONFLICT (request_id) DO UPDATE SET record = excluded.record",
                params![id, json],
            )?;
            Ok(((), AuditRecord::new(action, Some(reference), detail)))
        })
    }

    /// Other requests whose first message came from the same sender: an
    /// authorized agent's requests, grouped.
    pub fn requests_from_same_sender(&self, reference: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT r.reference FROM requests r JOIN messages m ON m.id = r.message_id
             WHERE m.from_email != '' AND r.reference != ?1 AND lower(m.from_email) = (
                 SELECT lower(m2.from_email) FROM requests r2 JOIN messages m2 ON m2.id = r2.message_id
                 WHERE r2.reference = ?1)
             ORDER BY r.reference",
        )?;
        let rows = stmt.query_map([reference], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }
}
