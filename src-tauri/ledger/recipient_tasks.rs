//! The per-recipient tasks a deletion or opt-out fans out to.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{now, request_id, Ledger, LedgerError, Result};
use crate::audit::AuditRecord;

pub(super) const SCHEMA: &str = "
CREATE TABLE recipient_tasks (
    id            INTEGER PRIMARY KEY,
    request_id    INTEGER NOT NULL REFERENCES requests(id),
    recipient_id  TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    action        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    sent_on       TEXT,
    confirmed_on  TEXT,
    UNIQUE (request_id, recipient_id, action)
);
";

/// One recipient that must be told of a deletion or opt-out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecipientTask {
    pub id: u32,
    pub recipient_id: String,
    pub recipient: String,
    /// The request kind it carries out: deletion, opt_out_sale or opt_out_sharing.
    pub action: String,
    pub created_at: String,
    pub sent_on: Option<String>,
    pub confirmed_on: Option<String>,
}

impl RecipientTask {
    pub fn open(&self) -> bool {
        self.confirmed_on.is_none()
    }
}

fn task_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RecipientTask> {
    Ok(RecipientTask {
        id: r.get(0)?,
        recipient_id: r.get(1)?,
        recipient: r.get(2)?,
        action: r.get(3)?,
        created_at: r.get(4)?,
        sent_on: r.get(5)?,
        confirmed_on: r.get(6)?,
    })
}

impl Ledger {
    pub fn recipient_tasks(&self, reference: &str) -> Result<Vec<RecipientTask>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.recipient_id, t.recipient, t.action, t.created_at, t.sent_on, t.confirmed_on
             FROM recipient_tasks t JOIN requests r ON r.id = t.request_id
             WHERE r.reference = ?1 ORDER BY t.id",
        )?;
        let rows = stmt.query_map([reference], task_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Add the tasks not already there; returns how many were added.
    pub fn add_recipient_tasks(
        &mut self,
        actor: &str,
        reference: &str,
        tasks: &[(String, String, String)],
    ) -> Result<usize> {
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            let mut added = 0;
            for (recipient_id, name, action) in tasks {
                added += tx.execute(
                    "INSERT OR IGNORE INTO recipient_tasks (request_id, recipient_id, recipient, action, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, recipient_id, name, action, now()],
                )?;
            }
            let detail = format!("{added} recipient task(s) added, {} in the plan", tasks.len());
            Ok((added, AuditRecord::new("recipient_tasks.created", Some(reference), detail)))
        })
    }

    /// Record that a task's notice was sent, or that the recipient confirmed.
    pub fn mark_recipient_task(
        &mut self,
        actor: &str,
        reference: &str,
        task: u32,
        confirmed: bool,
        on: NaiveDate,
    ) -> Result<RecipientTask> {
        let column = if confirmed { "confirmed_on" } else { "sent_on" };
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            let changed = tx.execute(
                &format!("UPDATE recipient_tasks SET {column} = ?1 WHERE id = ?2 AND request_id = ?3"),
                params![on.to_string(), task, id],
            )?;
            if changed == 0 {
                return Err(LedgerError::Missing(format!("request {reference} has no recipient task {task}")));
            }
            if confirmed {
                tx.execute(
                    "UPDATE recipient_tasks SET sent_on = coalesce(sent_on, ?1) WHERE id = ?2",
                    params![on.to_string(), task],
                )?;
            }
            let t = tx.query_row(
                "SELECT id, recipient_id, recipient, action, created_at, sent_on, confirmed_on FROM recipient_tasks WHERE id = ?1",
                [task],
                task_row,
            )?;
            let what = if confirmed { "confirmed" } else { "sent" };
            let detail = format!("{} ({}) {what} on {on}", t.recipient, t.action);
            Ok((t, AuditRecord::new("recipient_task.updated", Some(reference), detail)))
        })
    }
}
