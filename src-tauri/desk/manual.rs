//! Requests that did not arrive by email: taken by phone, by post, through the
//! website's form or in person, entered by hand.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::Desk;
use crate::intake::sanitize_name;
use crate::ledger::{NewAttachment, NewMessage, NewRequest};
use crate::rules::{local_receipt_date, Regime, RequestKind};
use crate::{Error, Result};

pub const CHANNELS: [&str; 4] = ["phone", "post", "web", "in_person"];

/// What the officer types into the "New request" form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ManualRequest {
    /// phone, post, web or in_person.
    pub channel: String,
    /// When it was received: YYYY-MM-DD, or a date and time (RFC 3339).
    pub received: String,
    pub requester_name: String,
    pub requester_email: String,
    pub postal_address: String,
    pub kinds: Vec<RequestKind>,
    pub regime: Regime,
    pub note: String,
}

/// Scanned documents that may come with a request entered by hand.
const DOCUMENT_TYPES: &[(&str, &str)] = &[
    ("pdf", "application/pdf"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("tif", "image/tiff"),
    ("tiff", "image/tiff"),
    ("webp", "image/webp"),
];

pub(super) fn read_document(path: &Path, limit_mb: u32) -> Result<NewAttachment> {
    let name = sanitize_name(&path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    let mime =
        DOCUMENT_TYPES.iter().find(|(e, _)| *e == ext).map(|(_, m)| m.to_string()).ok_or_else(|| {
            Error::Invalid(format!(
                "{}: attach a scanned document (PDF or image), not .{ext}",
                path.display()
            ))
        })?;
    let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if data.len() > limit_mb as usize * 1_048_576 {
        return Err(Error::Invalid(format!("{}: larger than the {limit_mb} MB limit", path.display())));
    }
    Ok(NewAttachment::new(name, mime, data, None))
}

fn received_at(s: &str, time_zone: &str) -> Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s.trim()) {
        return Ok(t.with_timezone(&Utc));
    }
    let day = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::Invalid(format!("received {s:?}: expected YYYY-MM-DD or a date and time (RFC 3339)"))
    })?;
    let tz: chrono_tz::Tz =
        time_zone.parse().map_err(|_| Error::Invalid(format!("time zone {time_zone:?}")))?;
    // Noon local time stands for a day given without a time.
    let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&noon)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| Error::Invalid(format!("received {s:?}: that local time does not exist")))
}

impl Desk {
    /// Record a request entered by hand, with scanned documents; returns its reference.
    pub fn new_request(&mut self, form: &ManualRequest, documents: &[PathBuf]) -> Result<String> {
        if !CHANNELS.contains(&form.channel.as_str()) {
            return Err(Error::Invalid(format!(
                "channel {:?}: one of {}",
                form.channel,
                CHANNELS.join(", ")
            )));
        }
        let email = form.requester_email.trim().to_lowercase();
        if !email.is_empty() && !email.contains('@') {
            return Err(Error::Invalid(format!("{email:?} is not an email address")));
        }
        if form.requester_name.trim().is_empty() && email.is_empty() {
            return Err(Error::Invalid("give the requester's name or email address".into()));
        }
        if form.kinds.is_empty() {
            return Err(Error::Invalid("choose at least one kind of request".into()));
        }
        let time_zone = self.profile()?.time_zone;
        let at = received_at(&form.received, &time_zone)?;
        if at > Utc::now() {
            return Err(Error::Invalid(format!("received {}: that is in the future", form.received)));
        }
        let limit = self.profile()?.max_attachment_mb;
        let attachments = documents.iter().map(|p| read_document(p, limit)).collect::<Result<Vec<_>>>()?;
        let channel = form.channel.replace('_', " ");
        let subject = format!("Request received by {channel}");
        let body = form.note.trim().to_string();
        let kinds: Vec<&str> = form.kinds.iter().map(|k| k.as_str()).collect();
        let digest = hex::encode(Sha256::digest(format!(
            "{}|{}|{}|{}|{}|{}|{:?}",
            form.channel,
            at,
            email,
            form.requester_name.trim(),
            body,
            kinds.join(","),
            form.regime
        )));
        let message_id = format!("<manual-{}@rightsdesk.invalid>", &digest[..32]);
        if let Some(existing) = self.ledger.request_for_any_message_id(std::slice::from_ref(&message_id))? {
            return Err(Error::Invalid(format!(
                "this request is already in the ledger as {existing} (same channel, time, requester, kinds and note)"
            )));
        }
        let message = NewMessage {
            message_id,
            file_name: String::new(),
            from_name: form.requester_name.trim().to_string(),
            from_email: email.clone(),
            subject: subject.clone(),
            sent_at: None,
            received_at: at,
            body_text: body,
            raw: Vec::new(),
            sha256: digest,
            evidence: format!(
                r#"[{{"field":"channel","because":"entered by hand: received by {channel}"}}]"#
            ),
            attachments,
        };
        let request = NewRequest {
            received_at: at,
            received_date: local_receipt_date(at, &time_zone)?,
            requester_name: form.requester_name.trim().to_string(),
            requester_email: email,
            postal_address: form.postal_address.trim().to_string(),
            kinds: form.kinds.clone(),
            regime: form.regime,
            subject,
            reasons: format!("entered by hand ({channel})"),
            channel: form.channel.clone(),
        };
        Ok(self.ledger.create_request(&self.actor, &message, &request)?)
    }
}
