//! What every letter shares: who writes, to whom, about which request.

use chrono::NaiveDate;

use super::{Block, LetterDoc};
use crate::rules::{DueDates, Regime, RequestKind};

pub struct LetterContext<'a> {
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

pub fn join_kinds(kinds: &[RequestKind]) -> String {
    let parts: Vec<&str> = kinds.iter().map(|k| k.describe()).collect();
    match parts.as_slice() {
        [] => "a privacy request".into(),
        [one] => (*one).into(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

impl LetterContext<'_> {
    /// The name to address: the requester's, else their email address.
    pub fn addressee_name(&self) -> &str {
        if self.requester_name.trim().is_empty() {
            self.requester_email
        } else {
            self.requester_name
        }
    }

    /// A letter with letterhead, date, addressee, reference and heading, then
    /// `body`, then the signature.
    pub fn letter(&self, title: &str, heading: &str, body: Vec<Block>) -> LetterDoc {
        let mut addressee = vec![self.addressee_name().to_string()];
        if self.postal_address.trim().is_empty() {
            addressee.push(format!("By email: {}", self.requester_email));
        } else {
            addressee
                .extend(self.postal_address.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()));
        }
        let mut letterhead = vec![self.company_name.to_string()];
        letterhead.extend(self.company_address.lines().map(str::to_string));
        letterhead.push(format!("Privacy team: {}", self.privacy_email));
        let mut blocks = vec![
            Block::Lines(vec![long_date(self.date)]),
            Block::Lines(addressee),
            Block::Field("Reference".into(), self.reference.to_string()),
            Block::Heading(heading.to_string()),
            Block::Paragraph(format!("Dear {},", self.addressee_name())),
        ];
        blocks.extend(body);
        blocks.push(Block::Paragraph(format!(
            "If you have any questions, write to our privacy team at {} and mention your reference.",
            self.privacy_email
        )));
        blocks.push(Block::Lines(signature(self.officer_name, self.company_name)));
        LetterDoc {
            title: format!("{title} {}", self.reference),
            subject: format!("Privacy request {} ({})", self.reference, self.regime.rules().label),
            author: self.company_name.to_string(),
            date: self.date,
            reference: self.reference.to_string(),
            letterhead,
            blocks,
        }
    }
}

fn signature(officer: &str, company: &str) -> Vec<String> {
    let mut lines = vec!["Sincerely,".to_string(), String::new()];
    if !officer.trim().is_empty() {
        lines.push(officer.trim().to_string());
    }
    lines.push(format!("Privacy Compliance Team, {company}"));
    lines
}
