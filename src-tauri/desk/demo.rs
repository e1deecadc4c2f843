//! The demo ledger's sample emails, written for this project. Their dates are
//! set relative to today so that the demo always shows overdue, due-soon and
//! comfortable requests.

use chrono::{DateTime, Duration, Utc};

use super::Desk;
use crate::ledger::{KindOutcome, Outcome};
use crate::rules::{RequestKind, Status};
use crate::Result;

pub const DEMO_PASSPHRASE: &str = "rightsdesk demo ledger";

/// The company's exports in the demo: CRM contacts (with a namesake and
/// colleagues of the first sample's requester), marketing events and sales notes.
pub(super) const DEMO_SOURCES: &[(&str, &str)] = &[
    ("crm-contacts.csv", include_str!("demo/crm-contacts.csv")),
    ("marketing-events.jsonl", include_str!("demo/marketing-events.jsonl")),
    ("sales-notes.csv", include_str!("demo/sales-notes.csv")),
];

/// The sample exports' dates are written `{{-N}}`, N days before `today`, so
/// the rows stay inside the 12-month lookback whenever the demo is opened.
pub(super) fn dated(text: &str, today: chrono::NaiveDate) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("{{-") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 3..];
        let Some(j) = after.find("}}") else { break };
        let days: i64 = after[..j].parse().unwrap_or(0);
        out.push_str(&(today - Duration::days(days)).to_string());
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    out
}

/// (file name, days before today it arrived, text with `{{DATE}}` placeholders)
const SAMPLES: &[(&str, i64, &str)] = &[
    ("01-access-ccpa.eml", 50, include_str!("demo/01-access-ccpa.eml")),
    ("02-deletion-ccpa.eml", 40, include_str!("demo/02-deletion-ccpa.eml")),
    ("03-do-not-sell.eml", 3, include_str!("demo/03-do-not-sell.eml")),
    ("04-agent.eml", 20, include_str!("demo/04-agent.eml")),
    ("05-gdpr-german.eml", 12, include_str!("demo/05-gdpr-german.eml")),
    ("06-parent.eml", 30, include_str!("demo/06-parent.eml")),
    ("07-unsubscribe.eml", 1, include_str!("demo/07-unsubscribe.eml")),
    ("08-correction.eml", 15, include_str!("demo/08-correction.eml")),
    ("09-uk.eml", 25, include_str!("demo/09-uk.eml")),
    ("10-html-only.eml", 5, include_str!("demo/10-html-only.eml")),
];

/// The samples as raw messages, dated relative to `now`.
pub fn demo_messages(now: DateTime<Utc>) -> Vec<(String, Vec<u8>)> {
    SAMPLES
        .iter()
        .map(|(name, days_ago, text)| {
            let date = (now - Duration::days(*days_ago)).format("%a, %d %b %Y %H:%M:%S +0000").to_string();
            let raw = text.replace("{{DATE}}", &date).replace('\n', "\r\n");
            (name.to_string(), raw.into_bytes())
        })
        .collect()
}

/// Move some samples along, so the demo shows a desk at work: an answered and
/// closed request, one being verified with its clock paused, one acknowledged.
pub(super) fn give_history(desk: &mut Desk, reference: &impl Fn(&str) -> Option<String>) -> Result<()> {
    if let Some(r) = reference("07-unsubscribe.eml") {
        for s in [Status::InProgress, Status::Responded] {
            desk.set_status(&r, s)?;
        }
        desk.close(
            &r,
            &[KindOutcome {
                kind: RequestKind::Unsubscribe,
                outcome: Outcome::Complied,
                basis: String::new(),
            }],
        )?;
    }
    if let Some(r) = reference("09-uk.eml") {
        desk.set_status(&r, Status::Verifying)?;
        let asked = desk.today()? - Duration::days(3);
        desk.pause_clock(&r, asked, "asked for proof of address to match the account")?;
    }
    if let Some(r) = reference("01-access-ccpa.eml") {
        desk.set_status(&r, Status::Acknowledged)?;
    }
    Ok(())
}

/// The first sample's requester answered the verification request: three
/// data points that match her CRM record, and the signed declaration.
pub(super) fn verify_first(desk: &mut Desk, reference: &str) -> Result<()> {
    use crate::verify::{DataPoint, PointKind, StepId};
    let point = |kind, value: &str| DataPoint { kind, value: value.into(), to_correct: false };
    desk.set_verification_points(
        reference,
        vec![
            point(PointKind::Email, "m.okafor@example.net"),
            point(PointKind::Phone, "916-555-0142"),
            point(PointKind::Company, "Brightline Logistics"),
        ],
    )?;
    desk.set_verification_step(reference, StepId::Declaration, true, "signed declaration received by email")?;
    desk.decide_verification(
        reference,
        crate::ledger::VerificationOutcome::Verified,
        "three data points match the CRM record; declaration on file",
    )?;
    Ok(())
}
