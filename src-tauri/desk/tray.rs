//! The "Not a request" tray, and the thread and attachments of a request.

use chrono::{DateTime, Utc};

use sha2::Digest;

use super::Desk;
use crate::intake::classify;
use crate::ledger::{NewRequest, TrayItem};
use crate::rules::local_receipt_date;
use crate::{Error, Result};

impl Desk {
    pub fn tray(&self) -> Result<Vec<TrayItem>> {
        Ok(self.ledger.tray()?)
    }

    /// Make a request of a message the desk had set aside; returns its reference.
    pub fn promote(&mut self, message: u32) -> Result<String> {
        let item =
            self.ledger.tray()?.into_iter().find(|t| t.id == message).ok_or_else(|| {
                Error::Invalid(format!("message {message} is not in the not-a-request tray"))
            })?;
        let received_at: DateTime<Utc> = item
            .received_at
            .parse()
            .map_err(|_| Error::Invalid(format!("message {message} has no readable receipt time")))?;
        let class = classify(&item.subject, &item.body_text);
        let request = NewRequest {
            received_at,
            received_date: local_receipt_date(received_at, &self.profile()?.time_zone)?,
            requester_name: item.from_name,
            requester_email: item.from_email,
            postal_address: String::new(),
            kinds: class.kinds,
            regime: class.regime,
            subject: item.subject,
            reasons: class.reasons.join("; "),
            channel: "email".into(),
        };
        Ok(self.ledger.promote(&self.actor, message, &request)?)
    }

    /// An attachment's sanitised name and bytes. An email's attachment is taken
    /// again from the raw message the ledger keeps, and must match its SHA-256.
    pub fn attachment(&self, id: u32) -> Result<(String, Vec<u8>)> {
        let a = self.ledger.attachment(id)?;
        let Some(part) = a.part else {
            return Ok((a.name, a.data));
        };
        let gone = || Error::Invalid(format!("attachment {id}: its message was erased by the retention run"));
        if a.message_raw.is_empty() {
            return Err(gone());
        }
        let label = format!("attachment {id}");
        let email = crate::intake::parse_any(&label, &a.message_file, &a.message_raw)?;
        let data = email
            .attachments
            .into_iter()
            .nth(part as usize)
            .map(|x| x.data)
            .filter(|d| hex::encode(sha2::Sha256::digest(d)) == a.sha256)
            .ok_or_else(|| {
                crate::ledger::LedgerError::Damaged(format!("attachment {id} no longer matches its SHA-256"))
            })?;
        Ok((a.name, data))
    }
}
