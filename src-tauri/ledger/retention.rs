//! Erasing a closed request's personal data once its record period is over.
//! The request's record row (dates, kinds, channel, outcomes), its letters'
//! digests and the audit chain stay; names, addresses, message text and PDFs go.

use chrono::NaiveDate;
use rusqlite::params;

use super::{audit_log, Ledger, LedgerError, Result};
use crate::audit::AuditRecord;

/// What erasing one request removed (or would remove).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    pub messages: usize,
    pub letters: usize,
    pub audit_details: usize,
}

impl Ledger {
    pub fn purge_request(&mut self, actor: &str, reference: &str, on: NaiveDate) -> Result<Erased> {
        self.audited(actor, |tx| {
            let id: i64 = tx
                .query_row("SELECT id FROM requests WHERE reference = ?1 AND purged_on IS NULL", [reference], |r| r.get(0))
                .map_err(|_| LedgerError::RequestNotFound(format!("{reference} (not yet purged)")))?;
            tx.execute(
                "UPDATE attachments SET data = zeroblob(0), name = '' WHERE message_id IN
                    (SELECT id FROM messages WHERE request_id = ?1)",
                [id],
            )?;
            let messages = tx.execute(
                "UPDATE messages SET message_id = 'purged:' || id, file_name = '', from_name = '', from_email = '',
                        subject = '', body_text = '', raw = zeroblob(0), evidence = '[]'
                 WHERE request_id = ?1",
                [id],
            )?;
            tx.execute("DELETE FROM redactions WHERE request_id = ?1", [id])?;
            tx.execute("DELETE FROM piece_rows WHERE request_id = ?1", [id])?;
            tx.execute("DELETE FROM verifications WHERE request_id = ?1", [id])?;
            tx.execute(
                "UPDATE evidence SET data = zeroblob(0), name = '', finding = '', erased_on = ?2 WHERE request_id = ?1",
                params![id, on.to_string()],
            )?;
            let letters = tx.execute("UPDATE letters SET pdf = zeroblob(0), file_name = '' WHERE request_id = ?1", [id])?;
            tx.execute(
                "UPDATE requests SET requester_name = '', requester_email = '', postal_address = '', subject = '',
                        purged_on = ?2 WHERE id = ?1",
                params![id, on.to_string()],
            )?;
            let audit_details = audit_log::purge_details(tx, reference)?;
            let erased = Erased { messages, letters, audit_details };
            let detail = format!(
                "personal data erased: {messages} message(s), {letters} letter PDF(s), {audit_details} audit detail(s)"
            );
            Ok((erased, AuditRecord::new("retention.purged", Some(reference), detail)))
        })
    }
}
