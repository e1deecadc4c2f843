//! The acknowledgement letter: we have your request, here is when and how we answer.

use chrono::NaiveDate;

use super::{Block, LetterDoc};
use crate::rules::{DueDates, Regime, RequestKind};

pub struct AckInput<'a> {
    pub company_name: &'a str,
    pub company_address: &'a str,
    pub privacy_email: &'a str,
    pub officer_name: &'a str,
    pub reference: &'a str,
    pub date: NaiveDate,
    pub requester_name: &'a str,
    pub requester_email: &'a str,
    pub postal_address: &'a str,
    pub kinds: &'a [RequestKind],
    pub regime: Regime,
    pub received: NaiveDate,
    pub due: &'a DueDates,
}

pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn join_kinds(kinds: &[RequestKind]) -> String {
    let parts: Vec<&str> = kinds.iter().map(|k| k.describe()).collect();
    match parts.as_slice() {
        [] => "a privacy request".into(),
        [one] => (*one).into(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// How identity will be checked, by what was asked (RULES.md, verification).
fn verification_paragraph(kinds: &[RequestKind]) -> String {
    let needs_none = |k: &RequestKind| {
        matches!(
            k,
            RequestKind::OptOutSale | RequestKind::OptOutSharing | RequestKind::Unsubscribe
        ) || *k == RequestKind::Objection
    };
    if kinds.iter().all(needs_none) {
        return "We do not need to verify your identity for this request, and we will not ask you for \
                identification."
            .into();
    }
    let specific = kinds
        .iter()
        .any(|k| matches!(k, RequestKind::Access | RequestKind::Portability));
    let level = if specific {
        "Because you asked for the specific pieces of information we hold, we will ask you to confirm three \
         pieces of information that we already hold about you and to sign a short declaration, under penalty \
         of perjury, that you are the person named in the request."
    } else {
        "We will ask you to confirm two pieces of information that we already hold about you."
    };
    format!(
        "Before we act on your request we must verify your identity, so that we never disclose or delete \
         someone else's information. We will only use the information you provide for this purpose, and we \
         will not charge a fee. {level}"
    )
}

fn signature(officer: &str, company: &str) -> Vec<String> {
    let mut lines = vec!["Sincerely,".to_string(), String::new()];
    if !officer.trim().is_empty() {
        lines.push(officer.trim().to_string());
    }
    lines.push(format!("Privacy Compliance Team, {company}"));
    lines
}

pub fn acknowledgement(i: &AckInput<'_>) -> LetterDoc {
    let name = if i.requester_name.trim().is_empty() {
        i.requester_email
    } else {
        i.requester_name
    };
    let mut addressee = vec![name.to_string()];
    if i.postal_address.trim().is_empty() {
        addressee.push(format!("By email: {}", i.requester_email));
    } else {
        addressee.extend(
            i.postal_address
                .lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty()),
        );
    }
    let rules = i.regime.rules();
    let mut letterhead = vec![i.company_name.to_string()];
    letterhead.extend(i.company_address.lines().map(str::to_string));
    letterhead.push(format!("Privacy team: {}", i.privacy_email));
    let deadline = format!(
        "We will respond by {}. If we need more time, we will tell you before that date, with the reason \
         and the new date.",
        long_date(i.due.respond_by)
    );
    LetterDoc {
        title: format!("Acknowledgement of request {}", i.reference),
        subject: format!("Privacy request {} ({})", i.reference, rules.label),
        author: i.company_name.to_string(),
        date: i.date,
        reference: i.reference.to_string(),
        letterhead,
        blocks: vec![
            Block::Lines(vec![long_date(i.date)]),
            Block::Lines(addressee),
            Block::Field("Reference".into(), i.reference.to_string()),
            Block::Heading("We have received your privacy request".into()),
            Block::Paragraph(format!("Dear {name},")),
            Block::Paragraph(format!(
                "Thank you for contacting us. We received your request on {} asking for {}. It is recorded \
                 under reference {}; please quote it in any reply.",
                long_date(i.received),
                join_kinds(i.kinds),
                i.reference
            )),
            Block::Paragraph(format!("Your request is handled under {}. {deadline}", rules.label)),
            Block::Paragraph(verification_paragraph(i.kinds)),
            Block::Paragraph(format!(
                "If you have any questions, write to our privacy team at {} and mention your reference.",
                i.privacy_email
            )),
            Block::Lines(signature(i.officer_name, i.company_name)),
        ],
    }
}
