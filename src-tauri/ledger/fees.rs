//! The fee path for an excessive, repetitive or manifestly unfounded request:
//! reasons and an estimate first, then the requester's answer.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Ledger, LedgerError, Result};
use crate::audit::AuditRecord;

pub(super) const SCHEMA: &str = "
CREATE TABLE fees (
    request_id     INTEGER PRIMARY KEY REFERENCES requests(id),
    reasons        TEXT NOT NULL,
    estimate_cents INTEGER NOT NULL CHECK (estimate_cents >= 0),
    currency       TEXT NOT NULL,
    decision       TEXT NOT NULL CHECK (decision IN ('proposed', 'accepted', 'declined')),
    proposed_on    TEXT NOT NULL,
    decided_on     TEXT
);
";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FeeDecision {
    Proposed,
    Accepted,
    Declined,
}

impl FeeDecision {
    pub fn as_str(self) -> &'static str {
        match self {
            FeeDecision::Proposed => "proposed",
            FeeDecision::Accepted => "accepted",
            FeeDecision::Declined => "declined",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Fee {
    /// Why the request is excessive, repetitive or manifestly unfounded.
    pub reasons: String,
    pub estimate_cents: u32,
    pub currency: String,
    pub decision: FeeDecision,
    #[ts(type = "string")]
    pub proposed_on: NaiveDate,
    #[ts(type = "string | null")]
    pub decided_on: Option<NaiveDate>,
}

impl Ledger {
    pub fn fee(&self, reference: &str) -> Result<Option<Fee>> {
        let row = self
            .conn
            .query_row(
                "SELECT f.reasons, f.estimate_cents, f.currency, f.decision, f.proposed_on, f.decided_on
                 FROM fees f JOIN requests r ON r.id = f.request_id WHERE r.reference = ?1",
                [reference],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, u32>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((reasons, estimate_cents, currency, decision, proposed_on, decided_on)) = row else {
            return Ok(None);
        };
        let damaged = |what: &str| LedgerError::Damaged(format!("fee {what} of {reference}"));
        let decision = match decision.as_str() {
            "proposed" => FeeDecision::Proposed,
            "accepted" => FeeDecision::Accepted,
            "declined" => FeeDecision::Declined,
            _ => return Err(damaged("decision")),
        };
        Ok(Some(Fee {
            reasons,
            estimate_cents,
            currency,
            decision,
            proposed_on: proposed_on.parse().map_err(|_| damaged("date"))?,
            decided_on: decided_on.map(|d| d.parse()).transpose().map_err(|_| damaged("date"))?,
        }))
    }

    pub fn propose_fee(&mut self, actor: &str, reference: &str, fee: &Fee) -> Result<()> {
        self.audited(actor, |tx| {
            tx.execute(
                "INSERT INTO fees (request_id, reasons, estimate_cents, currency, decision, proposed_on)
                 SELECT id, ?2, ?3, ?4, 'proposed', ?5 FROM requests WHERE reference = ?1",
                params![
                    reference,
                    fee.reasons,
                    fee.estimate_cents,
                    fee.currency,
                    fee.proposed_on.to_string()
                ],
            )?;
            let detail = format!(
                "marked excessive: {}; estimate {} {:.2}",
                fee.reasons,
                fee.currency,
                f64::from(fee.estimate_cents) / 100.0
            );
            Ok(((), AuditRecord::new("fee.proposed", Some(reference), detail)))
        })
    }

    pub fn decide_fee(
        &mut self,
        actor: &str,
        reference: &str,
        decision: FeeDecision,
        on: NaiveDate,
    ) -> Result<()> {
        self.audited(actor, |tx| {
            let n = tx.execute(
                "UPDATE fees SET decision = ?2, decided_on = ?3
                 WHERE decision = 'proposed' AND request_id = (SELECT id FROM requests WHERE reference = ?1)",
                params![reference, decision.as_str(), on.to_string()],
            )?;
            if n != 1 {
                return Err(LedgerError::RequestNotFound(format!(
                    "{reference} with a fee awaiting an answer"
                )));
            }
            Ok(((), AuditRecord::new("fee.decided", Some(reference), decision.as_str())))
        })
    }
}
