use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::audit::AuditEntry;
use crate::ledger::{LetterInfo, RequestEdit, RequestRow};
use crate::rules::{due_dates, next_due, DueDates, NextDue, Regime, RequestKind, Status};
use crate::{Error, Result};

/// One line of the request list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RequestSummary {
    pub reference: String,
    pub received_at: String,
    #[ts(type = "string")]
    pub received_date: NaiveDate,
    pub requester_name: String,
    pub requester_email: String,
    pub kinds: Vec<RequestKind>,
    pub regime: Regime,
    pub status: Status,
    pub due: DueDates,
    pub next_due: Option<NextDue>,
}

/// Everything the request view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RequestDetail {
    pub summary: RequestSummary,
    pub postal_address: String,
    pub subject: String,
    pub from: String,
    pub message_id: Option<String>,
    /// The email as plain text: HTML bodies were converted at import.
    pub body_text: String,
    pub allowed_next: Vec<Status>,
    pub timeline: Vec<AuditEntry>,
    pub letters: Vec<LetterInfo>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RequestFilter {
    pub status: Option<Status>,
    pub query: String,
}

fn summarise(row: &RequestRow, today: NaiveDate) -> Result<RequestSummary> {
    let due = due_dates(row.regime, row.received_date, &[])?;
    Ok(RequestSummary {
        reference: row.reference.clone(),
        received_at: row.received_at.to_rfc3339(),
        received_date: row.received_date,
        requester_name: row.requester_name.clone(),
        requester_email: row.requester_email.clone(),
        kinds: row.kinds.clone(),
        regime: row.regime,
        status: row.status,
        next_due: next_due(row.status, &due, today),
        due,
    })
}

/// Open requests first, soonest due first; then answered ones, newest first.
fn by_urgency(a: &RequestSummary, b: &RequestSummary) -> std::cmp::Ordering {
    match (&a.next_due, &b.next_due) {
        (Some(x), Some(y)) => x
            .date
            .cmp(&y.date)
            .then_with(|| a.reference.cmp(&b.reference)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => b.received_at.cmp(&a.received_at),
    }
}

impl Desk {
    pub fn list(&self, filter: &RequestFilter) -> Result<Vec<RequestSummary>> {
        let today = self.today()?;
        let rows = self.ledger.requests(filter.status, filter.query.trim())?;
        let mut list = rows
            .iter()
            .map(|r| summarise(r, today))
            .collect::<Result<Vec<_>>>()?;
        list.sort_by(by_urgency);
        Ok(list)
    }

    pub fn detail(&self, reference: &str) -> Result<RequestDetail> {
        let row = self.ledger.request(reference)?;
        Ok(RequestDetail {
            summary: summarise(&row, self.today()?)?,
            allowed_next: row.status.allowed_next().to_vec(),
            timeline: self.ledger.audit_for_request(reference)?,
            letters: self.ledger.letters_for_request(reference)?,
            postal_address: row.postal_address,
            subject: row.subject,
            from: row.from,
            message_id: row.message_id,
            body_text: row.body_text,
        })
    }

    pub fn update(&mut self, reference: &str, edit: &RequestEdit) -> Result<RequestDetail> {
        if edit.kinds.is_empty() {
            return Err(Error::Invalid("a request needs at least one kind".into()));
        }
        let mut edit = edit.clone();
        edit.kinds.sort();
        edit.kinds.dedup();
        edit.requester_name = edit.requester_name.trim().to_string();
        self.ledger.update_request(&self.actor, reference, &edit)?;
        self.detail(reference)
    }

    pub fn set_status(&mut self, reference: &str, to: Status) -> Result<RequestDetail> {
        let from = self.ledger.request(reference)?.status;
        from.check_transition(to)?;
        self.ledger.set_status(&self.actor, reference, from, to)?;
        self.detail(reference)
    }
}
