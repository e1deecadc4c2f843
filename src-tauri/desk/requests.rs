use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::clock::{request_due, Workdays};
use super::{Desk, FrequencyNote};
use crate::audit::AuditEntry;
use crate::ledger::ClockEvent;
use crate::ledger::{Fee, KindOutcome, LetterInfo, Outcome, RequestEdit, RequestRow, ThreadMessage};
use crate::rules::{next_due, DueDates, NextDue, Regime, RequestKind, Status};
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
    /// Every message of the request, oldest first: the first one and the replies.
    pub thread: Vec<ThreadMessage>,
    pub allowed_next: Vec<Status>,
    /// Pauses, resumptions and the extension, oldest first.
    pub clock: Vec<ClockEvent>,
    /// How each kind ended, once closed.
    pub outcomes: Vec<KindOutcome>,
    pub channel: String,
    #[ts(type = "string | null")]
    pub responded_on: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub closed_on: Option<NaiveDate>,
    /// A frequency rule this request runs into, if any.
    pub frequency: Option<FrequencyNote>,
    /// The fee path, once the request was marked excessive.
    pub fee: Option<Fee>,
    /// Set once the retention run has erased the request's personal data.
    #[ts(type = "string | null")]
    pub purged_on: Option<NaiveDate>,
    pub timeline: Vec<AuditEntry>,
    pub letters: Vec<LetterInfo>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RequestFilter {
    pub status: Option<Status>,
    pub query: String,
}

fn summarise(row: &RequestRow, events: &[ClockEvent], days: &Workdays) -> Result<RequestSummary> {
    let due = request_due(row, events, days)?;
    Ok(RequestSummary {
        reference: row.reference.clone(),
        received_at: row.received_at.to_rfc3339(),
        received_date: row.received_date,
        requester_name: row.requester_name.clone(),
        requester_email: row.requester_email.clone(),
        kinds: row.kinds.clone(),
        regime: row.regime,
        status: row.status,
        next_due: next_due(row.status, &due, days.today),
        due,
    })
}

/// Open requests first, soonest due first; then answered ones, newest first.
fn by_urgency(a: &RequestSummary, b: &RequestSummary) -> std::cmp::Ordering {
    match (&a.next_due, &b.next_due) {
        (Some(x), Some(y)) => x.date.cmp(&y.date).then_with(|| a.reference.cmp(&b.reference)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => b.received_at.cmp(&a.received_at),
    }
}

impl Desk {
    pub fn list(&self, filter: &RequestFilter) -> Result<Vec<RequestSummary>> {
        let days = self.workdays()?;
        let rows = self.ledger.requests(filter.status, filter.query.trim())?;
        let events = self.ledger.all_clock_events()?;
        let none = Vec::new();
        let mut list = rows
            .iter()
            .map(|r| summarise(r, events.get(&r.reference).unwrap_or(&none), &days))
            .collect::<Result<Vec<_>>>()?;
        list.sort_by(by_urgency);
        Ok(list)
    }

    pub fn detail(&self, reference: &str) -> Result<RequestDetail> {
        let row = self.ledger.request(reference)?;
        let clock = self.ledger.clock_events(reference)?;
        Ok(RequestDetail {
            summary: summarise(&row, &clock, &self.workdays()?)?,
            clock,
            outcomes: self.ledger.outcomes(reference)?,
            thread: self.ledger.thread(reference)?,
            frequency: self.frequency_note(&row)?,
            fee: self.ledger.fee(reference)?,
            channel: row.channel.clone(),
            responded_on: row.responded_on,
            closed_on: row.closed_on,
            purged_on: row.purged_on,
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

    /// Move a request to its next status. Closing goes through [`Desk::close`],
    /// except for a withdrawn request, whose kinds all close as withdrawn.
    pub fn set_status(&mut self, reference: &str, to: Status) -> Result<RequestDetail> {
        let row = self.ledger.request(reference)?;
        let outcomes: Vec<KindOutcome> = match (to, row.status) {
            (Status::Closed, Status::Withdrawn) => {
                row.kinds.iter().map(|&kind| KindOutcome { kind, outcome: Outcome::Withdrawn, basis: String::new() }).collect()
            }
            (Status::Closed, _) => {
                return Err(Error::Invalid(format!(
                    "{reference}: record how each kind ended (complied, in part, or denied with the basis) to close it"
                )))
            }
            _ => Vec::new(),
        };
        self.move_to(&row, to, &outcomes)
    }

    /// Close an answered request with the outcome of each of its kinds.
    pub fn close(&mut self, reference: &str, outcomes: &[KindOutcome]) -> Result<RequestDetail> {
        self.close_with(reference, outcomes, "")
    }

    /// Close, giving the reason when recipient tasks of a deletion or opt-out
    /// are still open (kept in the audit log).
    pub fn close_with(
        &mut self,
        reference: &str,
        outcomes: &[KindOutcome],
        tasks_override: &str,
    ) -> Result<RequestDetail> {
        let row = self.ledger.request(reference)?;
        for kind in &row.kinds {
            let n = outcomes.iter().filter(|o| o.kind == *kind).count();
            if n != 1 {
                return Err(Error::Invalid(format!(
                    "{reference}: give exactly one outcome for {kind} (got {n})"
                )));
            }
        }
        if let Some(o) = outcomes.iter().find(|o| !row.kinds.contains(&o.kind)) {
            return Err(Error::Invalid(format!("{reference}: the request does not ask for {}", o.kind)));
        }
        if let Some(o) = outcomes
            .iter()
            .find(|o| matches!(o.outcome, Outcome::Denied | Outcome::Partial) && o.basis.trim().is_empty())
        {
            return Err(Error::Invalid(format!(
                "{reference}: {} was {}; give the basis",
                o.kind,
                o.outcome.as_str()
            )));
        }
        let overridden = self.check_tasks_before_close(reference, outcomes, tasks_override)?;
        let detail = self.move_to(&row, Status::Closed, outcomes)?;
        if let Some(record) = overridden {
            self.ledger.record(&self.actor, &record)?;
        }
        Ok(detail)
    }

    fn move_to(&mut self, row: &RequestRow, to: Status, outcomes: &[KindOutcome]) -> Result<RequestDetail> {
        row.status.check_transition(to)?;
        let today = self.today()?;
        self.ledger.set_status(&self.actor, &row.reference, (row.status, to), today, outcomes)?;
        self.detail(&row.reference)
    }
}
