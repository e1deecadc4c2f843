//! Frequency limits and the fee path (POLICY; GDPR Art. 12(5); Utah).

use chrono::Duration;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::ledger::{Fee, FeeDecision, RequestRow};
use crate::rules::{Regime, RequestKind, Status};
use crate::{Error, Result};

/// A request that runs into a frequency rule, with the earlier requests behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FrequencyNote {
    pub earlier: Vec<String>,
    pub message: String,
}

fn is_access(r: &RequestRow) -> bool {
    r.kinds.iter().any(|k| matches!(k, RequestKind::Access | RequestKind::Portability))
}

impl Desk {
    /// The access requests from the same person in the 12 months before this one.
    pub fn frequency_note(&self, row: &RequestRow) -> Result<Option<FrequencyNote>> {
        if !is_access(row) {
            return Ok(None);
        }
        let since = row.received_date - Duration::days(365);
        let earlier: Vec<String> = self
            .ledger
            .requests_from(&row.requester_email)?
            .into_iter()
            .filter(|r| r.reference != row.reference && is_access(r) && r.status != Status::Withdrawn)
            .filter(|r| {
                (r.received_at, &r.reference) < (row.received_at, &row.reference) && r.received_date >= since
            })
            .map(|r| r.reference)
            .collect();
        let message = if earlier.len() >= 2 {
            format!(
                "Access request number {} from this person in 12 months. The policy answers access requests twice \
                 in 12 months; you may reply with the \"already answered twice\" letter.",
                earlier.len() + 1
            )
        } else if row.regime == Regime::UsUt && !earlier.is_empty() {
            "Utah: this is a second request in 12 months, for which a reasonable fee may be charged."
                .to_string()
        } else {
            return Ok(None);
        };
        Ok(Some(FrequencyNote { earlier, message }))
    }

    /// Mark a request excessive, repetitive or manifestly unfounded and propose a fee.
    pub fn propose_fee(
        &mut self,
        reference: &str,
        reasons: &str,
        estimate_cents: u32,
        currency: &str,
    ) -> Result<()> {
        let row = self.ledger.request(reference)?;
        let refuse = |why: &str| Error::Invalid(format!("{reference}: {why}; nothing was changed"));
        if !row.status.is_open() {
            return Err(refuse("the request is no longer open"));
        }
        if reasons.trim().is_empty() {
            return Err(refuse(
                "give the reasons the request is excessive, repetitive or manifestly unfounded",
            ));
        }
        if currency.trim().len() != 3 {
            return Err(refuse("the currency is a three-letter code such as USD"));
        }
        if self.ledger.fee(reference)?.is_some() {
            return Err(refuse("a fee has already been proposed"));
        }
        let fee = Fee {
            reasons: reasons.trim().to_string(),
            estimate_cents,
            currency: currency.trim().to_uppercase(),
            decision: FeeDecision::Proposed,
            proposed_on: self.today()?,
            decided_on: None,
        };
        Ok(self.ledger.propose_fee(&self.actor, reference, &fee)?)
    }

    /// Record the requester's answer to the fee estimate.
    pub fn decide_fee(&mut self, reference: &str, accepted: bool) -> Result<()> {
        let decision = if accepted { FeeDecision::Accepted } else { FeeDecision::Declined };
        let today = self.today()?;
        Ok(self.ledger.decide_fee(&self.actor, reference, decision, today)?)
    }
}
