use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::outcomes::{self, KindOutcome};
use super::{messages, Ledger, LedgerError, NewMessage, Result};
use crate::audit::AuditRecord;
use crate::rules::{Regime, RequestKind, Status};

pub(super) const SCHEMA: &str = "
CREATE TABLE requests (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    year            INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    message_id      INTEGER REFERENCES messages(id),
    received_at     TEXT NOT NULL,
    received_date   TEXT NOT NULL,
    requester_name  TEXT NOT NULL,
    requester_email TEXT NOT NULL,
    postal_address  TEXT NOT NULL DEFAULT '',
    kinds           TEXT NOT NULL,
    regime          TEXT NOT NULL,
    status          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    channel         TEXT NOT NULL DEFAULT 'email',
    responded_on    TEXT,
    closed_on       TEXT,
    purged_on       TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (year, seq)
);
";

/// A request as first recorded, before the ledger gives it a reference.
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub received_at: DateTime<Utc>,
    pub received_date: NaiveDate,
    pub requester_name: String,
    pub requester_email: String,
    pub postal_address: String,
    pub kinds: Vec<RequestKind>,
    pub regime: Regime,
    pub subject: String,
    /// Why intake decided what it did, kept in the audit entry.
    pub reasons: String,
    /// email, phone, post, web or in_person.
    pub channel: String,
}

/// The fields an officer may correct by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RequestEdit {
    pub requester_name: String,
    pub postal_address: String,
    pub kinds: Vec<RequestKind>,
    pub regime: Regime,
}

/// A request with the message it came from, as stored.
#[derive(Debug, Clone)]
pub struct RequestRow {
    pub reference: String,
    pub received_at: DateTime<Utc>,
    pub received_date: NaiveDate,
    pub requester_name: String,
    pub requester_email: String,
    pub postal_address: String,
    pub kinds: Vec<RequestKind>,
    pub regime: Regime,
    pub status: Status,
    pub subject: String,
    pub from: String,
    pub message_id: Option<String>,
    pub body_text: String,
    pub channel: String,
    pub responded_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub purged_on: Option<NaiveDate>,
}

const SELECT: &str = "
SELECT r.reference, r.received_at, r.received_date, r.requester_name, r.requester_email,
       r.postal_address, r.kinds, r.regime, r.status, r.subject,
       COALESCE(m.from_name || ' <' || m.from_email || '>', ''), m.message_id,
       COALESCE(m.body_text, ''), r.channel, r.responded_on, r.closed_on, r.purged_on
FROM requests r LEFT JOIN messages m ON m.id = r.message_id";

fn damaged(what: &str, e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, format!("{what}: {e}").into())
}

fn parse<T: std::str::FromStr>(what: &str, s: String) -> rusqlite::Result<T>
where
    T::Err: std::fmt::Display,
{
    s.parse().map_err(|e| damaged(what, e))
}

fn opt_date(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    r.get::<_, Option<String>>(i)?.map(|s| parse("date", s)).transpose()
}

fn row(r: &Row<'_>) -> rusqlite::Result<RequestRow> {
    let kinds: String = r.get(6)?;
    Ok(RequestRow {
        reference: r.get(0)?,
        received_at: parse("received_at", r.get(1)?)?,
        received_date: parse("received_date", r.get(2)?)?,
        requester_name: r.get(3)?,
        requester_email: r.get(4)?,
        postal_address: r.get(5)?,
        kinds: serde_json::from_str(&kinds).map_err(|e| damaged("kinds", e))?,
        regime: parse("regime", r.get(7)?)?,
        status: parse("status", r.get(8)?)?,
        subject: r.get(9)?,
        from: r.get(10)?,
        message_id: r.get(11)?,
        body_text: r.get(12)?,
        channel: r.get(13)?,
        responded_on: opt_date(r, 14)?,
        closed_on: opt_date(r, 15)?,
        purged_on: opt_date(r, 16)?,
    })
}

fn kinds_json(kinds: &[RequestKind]) -> String {
    serde_json::to_string(kinds).unwrap_or_else(|_| "[]".into())
}

/// Insert a request; with an already stored message, link the message to it.
/// Returns the reference and the request's row id.
fn insert_request(tx: &Connection, message_row: Option<i64>, req: &NewRequest) -> Result<(String, i64)> {
    let year = req.received_date.year();
    let (seq, reference) = next_reference(tx, year)?;
    tx.prepare_cached(
        "INSERT INTO requests (reference, year, seq, message_id, received_at, received_date,
            requester_name, requester_email, kinds, regime, status, subject, channel, created_at, postal_address)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
            reference,
            year,
            seq,
            message_row,
            req.received_at.to_rfc3339(),
            req.received_date.to_string(),
            req.requester_name,
            req.requester_email,
            kinds_json(&req.kinds),
            req.regime.as_str(),
            Status::Received.as_str(),
            req.subject,
            req.channel,
            Utc::now().to_rfc3339(),
            req.postal_address
        ])?;
    let id = tx.last_insert_rowid();
    if let Some(message_row) = message_row {
        tx.execute("UPDATE messages SET request_id = ?1 WHERE id = ?2", params![id, message_row])?;
    }
    Ok((reference, id))
}

fn next_reference(tx: &Connection, year: i32) -> Result<(i64, String)> {
    let seq: i64 = tx
        .prepare_cached("SELECT COALESCE(MAX(seq), 0) + 1 FROM requests WHERE year = ?1")?
        .query_row([year], |r| r.get(0))?;
    Ok((seq, format!("{year}-{seq:04}")))
}

impl Ledger {
    /// Store a message and the request it makes, with one audit entry, atomically.
    pub fn create_request(&mut self, actor: &str, message: &NewMessage, req: &NewRequest) -> Result<String> {
        self.audited(actor, |tx| {
            // The request first, then its message pointing at it: the message
            // row, with its raw email, is written once and never rewritten.
            let (reference, id) = insert_request(tx, None, req)?;
            let message_row = messages::insert(tx, message, Some(id), None)?;
            tx.prepare_cached("UPDATE requests SET message_id = ?1 WHERE id = ?2")?
                .execute(params![message_row, id])?;
            let detail = format!("from file {}; {}", message.file_name, req.reasons);
            Ok((reference.clone(), AuditRecord::new("request.created", Some(&reference), detail)))
        })
    }

    /// Make a request of a message from the "Not a request" tray.
    pub fn promote(&mut self, actor: &str, message: u32, req: &NewRequest) -> Result<String> {
        self.audited(actor, |tx| {
            let (reference, request) = insert_request(tx, Some(i64::from(message)), req)?;
            Ledger::untray(tx, message, request)?;
            let detail = format!("promoted from the not-a-request tray; {}", req.reasons);
            Ok((reference.clone(), AuditRecord::new("request.created", Some(&reference), detail)))
        })
    }

    pub fn request(&self, reference: &str) -> Result<RequestRow> {
        self.conn
            .query_row(&format!("{SELECT} WHERE r.reference = ?1"), [reference], row)
            .optional()?
            .ok_or_else(|| LedgerError::RequestNotFound(reference.to_string()))
    }

    /// Requests in a status (or all), whose text contains `query` (case-insensitive).
    pub fn requests(&self, status: Option<Status>, query: &str) -> Result<Vec<RequestRow>> {
        let like = format!("%{}%", query.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE (?1 IS NULL OR r.status = ?1)
               AND (r.reference LIKE ?2 ESCAPE '\\' OR r.requester_name LIKE ?2 ESCAPE '\\'
                    OR r.requester_email LIKE ?2 ESCAPE '\\' OR r.subject LIKE ?2 ESCAPE '\\'
                    OR r.postal_address LIKE ?2 ESCAPE '\\' OR m.body_text LIKE ?2 ESCAPE '\\')
             ORDER BY r.received_at"
        ))?;
        let rows = stmt.query_map(params![status.map(Status::as_str), like], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every request from one email address, oldest first.
    pub fn requests_from(&self, email: &str) -> Result<Vec<RequestRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE r.requester_email = ?1 AND r.requester_email <> '' ORDER BY r.received_at"
        ))?;
        let rows = stmt.query_map([email.trim().to_lowercase()], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn update_request(&mut self, actor: &str, reference: &str, edit: &RequestEdit) -> Result<()> {
        let before = self.request(reference)?;
        self.audited(actor, |tx| {
            tx.execute(
                "UPDATE requests SET requester_name = ?2, postal_address = ?3, kinds = ?4, regime = ?5
                 WHERE reference = ?1",
                params![
                    reference,
                    edit.requester_name,
                    edit.postal_address,
                    kinds_json(&edit.kinds),
                    edit.regime.as_str()
                ],
            )?;
            let detail = describe_edit(&before, edit);
            Ok(((), AuditRecord::new("request.edited", Some(reference), detail)))
        })
    }

    /// Move a request from `from` to `to` on `on` (the company's date); fails if
    /// someone else moved it first. Answering stamps the response date, closing
    /// the closure date; `outcomes` are recorded with a closure.
    pub fn set_status(
        &mut self,
        actor: &str,
        reference: &str,
        (from, to): (Status, Status),
        on: NaiveDate,
        outcomes: &[KindOutcome],
    ) -> Result<()> {
        self.audited(actor, |tx| {
            let changed = tx.execute(
                "UPDATE requests SET status = ?3,
                    responded_on = CASE WHEN ?3 IN ('responded', 'denied') THEN ?4 ELSE responded_on END,
                    closed_on = CASE WHEN ?3 = 'closed' THEN ?4 ELSE closed_on END
                 WHERE reference = ?1 AND status = ?2",
                params![reference, from.as_str(), to.as_str(), on.to_string()],
            )?;
            if changed != 1 {
                return Err(LedgerError::RequestNotFound(format!("{reference} in status {from}")));
            }
            outcomes::insert(tx, reference, outcomes)?;
            let mut detail = format!("{from} → {to}");
            for o in outcomes {
                detail.push_str(&format!("; {}: {}", o.kind, o.outcome.as_str()));
                if !o.basis.is_empty() {
                    detail.push_str(&format!(" ({})", o.basis));
                }
            }
            Ok(((), AuditRecord::new("request.status", Some(reference), detail)))
        })
    }
}

fn describe_edit(before: &RequestRow, edit: &RequestEdit) -> String {
    let mut changes = Vec::new();
    if before.requester_name != edit.requester_name {
        changes.push(format!("name {:?} → {:?}", before.requester_name, edit.requester_name));
    }
    if before.postal_address != edit.postal_address {
        changes.push("postal address changed".to_string());
    }
    if before.kinds != edit.kinds {
        changes.push(format!("kinds {} → {}", kinds_json(&before.kinds), kinds_json(&edit.kinds)));
    }
    if before.regime != edit.regime {
        changes.push(format!("regime {} → {}", before.regime, edit.regime));
    }
    if changes.is_empty() {
        "no change".into()
    } else {
        changes.join("; ")
    }
}
