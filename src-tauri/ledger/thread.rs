//! Messages beyond a request's first: replies joining its thread, and messages
//! set aside as not a request until an officer promotes one.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::attachments::AttachmentInfo;
use super::{messages, request_id, Ledger, LedgerError, NewMessage, Result};
use crate::audit::AuditRecord;

/// One message of a request's thread, as the request view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ThreadMessage {
    pub id: u32,
    pub from: String,
    pub subject: String,
    pub received_at: String,
    pub body_text: String,
    pub attachments: Vec<AttachmentInfo>,
    /// Why intake read it as it did.
    pub evidence: Vec<EvidenceLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceLine {
    pub field: String,
    pub because: String,
}

/// A message in the "Not a request" tray.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrayItem {
    pub id: u32,
    pub from_name: String,
    pub from_email: String,
    pub subject: String,
    pub received_at: String,
    pub body_text: String,
    pub evidence: Vec<EvidenceLine>,
}

fn evidence(json: &str) -> Vec<EvidenceLine> {
    serde_json::from_str(json).unwrap_or_default()
}

impl Ledger {
    /// The request a message belongs to, found by any of its Message-IDs.
    pub fn request_for_any_message_id(&self, ids: &[String]) -> Result<Option<String>> {
        for id in ids {
            let found: Option<String> = self
                .conn
                .prepare_cached(
                    "SELECT r.reference FROM messages m JOIN requests r ON r.id = m.request_id WHERE m.message_id = ?1",
                )?
                .query_row([id], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }

    /// Whether a message with this Message-ID is stored at all (thread or tray).
    pub fn message_known(&self, message_id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM messages WHERE message_id = ?1)")?
            .query_row([message_id], |r| r.get(0))?)
    }

    /// Add a reply to a request's thread.
    pub fn join_thread(&mut self, actor: &str, reference: &str, m: &NewMessage, because: &str) -> Result<()> {
        self.audited(actor, |tx| {
            let request: i64 = request_id(tx, reference)?;
            messages::insert(tx, m, Some(request), None)?;
            let detail = format!("message from file {} joined the thread: {because}", m.file_name);
            Ok(((), AuditRecord::new("message.joined", Some(reference), detail)))
        })
    }

    /// Keep a message that asks for nothing, out of the queues.
    pub fn set_aside(&mut self, actor: &str, m: &NewMessage, because: &str) -> Result<()> {
        self.audited(actor, |tx| {
            messages::insert(tx, m, None, Some("not_a_request"))?;
            let detail = format!("message from file {} set aside as not a request: {because}", m.file_name);
            Ok(((), AuditRecord::new("message.set_aside", None, detail)))
        })
    }

    pub fn tray(&self) -> Result<Vec<TrayItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, from_name, from_email, subject, received_at, body_text, evidence
             FROM messages WHERE tray = 'not_a_request' ORDER BY received_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TrayItem {
                id: r.get(0)?,
                from_name: r.get(1)?,
                from_email: r.get(2)?,
                subject: r.get(3)?,
                received_at: r.get(4)?,
                body_text: r.get(5)?,
                evidence: evidence(&r.get::<_, String>(6)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every message of a request, oldest first, with attachments and evidence.
    pub fn thread(&self, reference: &str) -> Result<Vec<ThreadMessage>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.id, m.from_name || ' <' || m.from_email || '>', m.subject, m.received_at, m.body_text, m.evidence
             FROM messages m JOIN requests r ON r.id = m.request_id WHERE r.reference = ?1 ORDER BY m.received_at, m.id",
        )?;
        let rows = stmt
            .query_map([reference], |r| {
                Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get::<_, String>(5)?))
            })?
            .collect::<rusqlite::Result<Vec<(i64, String, String, String, String, String)>>>()?;
        rows.into_iter()
            .map(|(id, from, subject, received_at, body_text, ev)| {
                Ok(ThreadMessage {
                    id: id as u32,
                    attachments: self.attachments_of(id)?,
                    from,
                    subject,
                    received_at,
                    body_text,
                    evidence: evidence(&ev),
                })
            })
            .collect()
    }

    /// Take a message out of the tray: it becomes the first message of `reference`.
    pub(super) fn untray(tx: &rusqlite::Connection, message: u32, request: i64) -> Result<()> {
        let n = tx.execute(
            "UPDATE messages SET tray = NULL, request_id = ?2 WHERE id = ?1 AND tray = 'not_a_request'",
            params![message, request],
        )?;
        if n != 1 {
            return Err(LedgerError::Damaged(format!("message {message} is not in the tray")));
        }
        Ok(())
    }
}
