//! One message into the ledger: a duplicate is skipped, a reply joins its
//! request's thread, a message that asks for nothing goes to the tray, and
//! anything else becomes a new request.

use chrono::Utc;

use super::import::Outcome;
use super::understand::understand_with;
use super::{classify, parse_guarded, ParsedEmail};
use crate::ledger::{Ledger, NewAttachment, NewMessage, NewRequest};
use crate::rules::local_receipt_date;
use crate::Error;

/// A reference of ours in the subject, e.g. "Re: your request 2026-0042".
fn reference_in(subject: &str) -> impl Iterator<Item = &str> {
    subject.split(|c: char| !(c.is_ascii_digit() || c == '-')).filter(|w| {
        let b = w.as_bytes();
        b.len() == 9 && b[4] == b'-' && w.chars().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit())
    })
}

fn thread_of(ledger: &Ledger, email: &ParsedEmail) -> Result<Option<(String, String)>, Error> {
    if let Some(r) = ledger.request_for_any_message_id(&email.replies_to)? {
        return Ok(Some((r, "it answers a message of the request (In-Reply-To/References)".into())));
    }
    for r in reference_in(&email.subject) {
        if ledger.request(r).is_ok() {
            return Ok(Some((r.to_string(), format!("its subject names request {r}"))));
        }
    }
    Ok(None)
}

/// A message read and understood, ready to be stored: everything that needs
/// no ledger, so it can run on another thread while the ledger writes.
pub(super) struct Prepared {
    file: String,
    file_name: String,
    raw: Vec<u8>,
    email: ParsedEmail,
    class: super::Classification,
    seen: super::Understanding,
    /// The kept attachments, hashed, each with its place in the message.
    attachments: Vec<NewAttachment>,
    warnings: Vec<String>,
}

/// Parse (under `catch_unwind`), apply the attachment limit, classify.
pub(super) fn prepare(
    file: &str,
    file_name: &str,
    raw: Vec<u8>,
    max_attachment: usize,
) -> Result<Prepared, Error> {
    let mut email = parse_guarded(file, file_name, &raw)?;
    let mut warnings = email.refused.clone();
    // The officer's limit (a setting), below what the parsers keep at most.
    // Each kept attachment remembers its place in the message: the ledger
    // keeps the raw message, and the attachment is taken from it again.
    let (mut index, mut parts) = (0u32, Vec::new());
    email.attachments.retain(|a| {
        let keep = a.data.len() <= max_attachment;
        if keep {
            parts.push(index);
        }
        index += 1;
        if !keep {
            warnings.push(format!(
                "{file}: attachment {:?} is {:.1} MB, over the {} MB limit; the message was kept without it",
                a.name,
                a.data.len() as f64 / 1_048_576.0,
                max_attachment / 1_048_576
            ));
        }
        keep
    });
    let class = classify(&email.subject, &email.body_text);
    let seen = understand_with(file, 0, &email, &class);
    let attachments = std::mem::take(&mut email.attachments)
        .into_iter()
        .zip(parts)
        .map(|(a, part)| NewAttachment::new(a.name, a.mime, a.data, Some(part)))
        .collect();
    Ok(Prepared {
        file: file.into(),
        file_name: file_name.into(),
        raw,
        email,
        seen,
        class,
        attachments,
        warnings,
    })
}

/// Import one message already in memory. `file` names it in errors; `file_name`
/// is what the ledger keeps.
pub(super) fn import_bytes(
    ledger: &mut Ledger,
    file: &str,
    file_name: &str,
    raw: Vec<u8>,
    (actor, time_zone, max_attachment): (&str, &str, usize),
    warnings: &mut Vec<String>,
) -> Result<Outcome, Error> {
    let prepared = prepare(file, file_name, raw, max_attachment)?;
    store(ledger, prepared, (actor, time_zone), warnings)
}

/// Store a prepared message: skip a duplicate, join a reply to its thread, set
/// aside what asks for nothing, else open a request.
pub(super) fn store(
    ledger: &mut Ledger,
    p: Prepared,
    (actor, time_zone): (&str, &str),
    warnings: &mut Vec<String>,
) -> Result<Outcome, Error> {
    let Prepared { file, file_name, raw, email, class, seen, attachments, warnings: found } = p;
    if let Some(existing) = ledger.request_for_any_message_id(std::slice::from_ref(&email.message_id))? {
        return Ok(Outcome::Duplicate(existing));
    }
    if ledger.message_known(&email.message_id)? {
        return Ok(Outcome::Duplicate("the not-a-request tray".into()));
    }
    warnings.extend(found);
    let received_at = email.arrived_at.unwrap_or_else(|| {
        warnings.push(format!(
            "{file}: no usable Date or Received header; the time of import is its receipt time"
        ));
        Utc::now()
    });
    let message = NewMessage {
        message_id: email.message_id.clone(),
        file_name,
        from_name: email.from_name.clone(),
        from_email: email.from_email.clone(),
        subject: email.subject.clone(),
        sent_at: email.sent_at,
        received_at,
        body_text: email.body_text.clone(),
        raw,
        sha256: email.sha256.clone(),
        evidence: serde_json::to_string(&seen.evidence).unwrap_or_else(|_| "[]".into()),
        attachments,
    };
    if let Some((reference, because)) = thread_of(ledger, &email)? {
        ledger.join_thread(actor, &reference, &message, &because)?;
        return Ok(Outcome::Joined(reference));
    }
    if seen.kinds == ["not_a_request"] {
        let because = seen
            .evidence
            .iter()
            .rev()
            .find(|e| e.because.starts_with("not_a_request"))
            .map(|e| e.because.clone());
        ledger.set_aside(actor, &message, &because.unwrap_or_default())?;
        return Ok(Outcome::SetAside);
    }
    let request = NewRequest {
        received_at,
        received_date: local_receipt_date(received_at, time_zone)?,
        requester_name: email.requester_name,
        requester_email: email.requester_email,
        postal_address: String::new(),
        kinds: class.kinds,
        regime: class.regime,
        subject: email.subject,
        reasons: class.reasons.join("; "),
        channel: "email".into(),
    };
    Ok(Outcome::Imported(ledger.create_request(actor, &message, &request)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_references_in_a_subject() {
        assert_eq!(
            reference_in("Re: your request 2026-0042 (and 2026-1)").collect::<Vec<_>>(),
            vec!["2026-0042"]
        );
        assert_eq!(reference_in("Call 555-1234 or 12345-6789").count(), 0);
    }
}
