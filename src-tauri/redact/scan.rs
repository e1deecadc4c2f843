//! Running every detector over the rows found about a requester, leaving
//! their own identifiers alone and keeping one hit per stretch of text.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::people::{KnownPeople, PeopleMatcher};
use super::{patterns, Hit, RedactionType};
use crate::subject::names::same_person_name;
use crate::subject::{phone, row_names, Candidate, Identifiers, Role, Source};

/// One span to redact in one field of one row; offsets count characters
/// (Unicode scalar values) in that field's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Redaction {
    pub file: String,
    #[serde(skip)]
    #[ts(skip)]
    pub source: u32,
    #[ts(type = "number")]
    pub number: u64,
    pub row_id: String,
    pub field: String,
    #[serde(skip)]
    #[ts(skip)]
    pub column: u32,
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: RedactionType,
    pub detector: String,
    pub score: f32,
    pub explanation: String,
}

pub struct Scanner {
    people: PeopleMatcher,
    own_names: Vec<String>,
    own_emails: HashSet<String>,
    own_phones: Vec<String>,
    own_ips: HashSet<String>,
}

/// Byte offsets → character offsets.
pub fn char_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text[..start].chars().count();
    (s, s + text[start..end].chars().count())
}

fn priority(h: &Hit) -> u8 {
    match (h.kind.never_disclose(), h.detector) {
        (true, _) => 0,
        (_, "known_people") => 1,
        (_, "email") => 2,
        (_, "ip") => 3,
        (_, "government_or_medical_id") => 4,
        _ => 5,
    }
}

impl Scanner {
    pub fn new(people: KnownPeople, own: &Identifiers) -> Scanner {
        Scanner {
            people: PeopleMatcher::new(people),
            own_names: own.names.clone(),
            own_emails: own.emails.iter().map(|e| e.trim().to_lowercase()).collect(),
            own_phones: own.phones.clone(),
            own_ips: HashSet::new(),
        }
    }

    /// IP addresses seen on the requester's own rows are theirs.
    pub fn with_own_ips(mut self, ips: impl IntoIterator<Item = String>) -> Scanner {
        self.own_ips.extend(ips);
        self
    }

    fn is_own(&self, text: &str, h: &Hit) -> bool {
        let v = &text[h.start..h.end];
        match h.kind {
            RedactionType::ThirdPartyEmail => self.own_emails.contains(&v.to_lowercase()),
            RedactionType::ThirdPartyPhone => self.own_phone(v),
            // An IP written in free text is kept out whoever it was: a shared
            // office address is also a colleague's.
            RedactionType::IpOfOtherPerson => false,
            _ => false,
        }
    }

    /// Non-overlapping hits in `text`, most important kind first where two overlap.
    pub fn scan_text(&self, text: &str) -> Vec<Hit> {
        let mut all = Vec::new();
        self.people.scan(text, &mut all);
        patterns::scan(text, &mut all);
        all.sort_by_key(|h| (priority(h), h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<Hit> = Vec::new();
        for h in all {
            if kept.iter().any(|k| k.start < h.end && h.start < k.end) {
                continue;
            }
            // The requester's own email or phone shadows weaker hits inside it, too.
            kept.push(h);
        }
        kept.retain(|h| !self.is_own(text, h));
        kept.sort_by_key(|h| h.start);
        kept
    }

    fn own_phone(&self, v: &str) -> bool {
        self.own_phones.iter().any(|p| phone::same_number(p, v))
    }

    fn own_name(&self, v: &str) -> bool {
        self.own_names.iter().any(|o| same_person_name(o, v))
    }

    /// Hits in one field, by what the column holds.
    fn scan_field(&self, role: Role, value: &str, row_is_someone_else: bool) -> Vec<Hit> {
        let whole = |kind, why: &'static str| {
            vec![Hit {
                start: 0,
                end: value.len(),
                kind,
                detector: "column",
                score: 0.95,
                explanation: why.into(),
            }]
        };
        let v = value.trim();
        if v.is_empty() {
            return Vec::new();
        }
        match role {
            Role::OtherPersonName if !self.own_name(v) => whole(
                RedactionType::ThirdPartyName,
                "this column names someone else (an owner, author or rep)",
            ),
            Role::PersonName if !self.own_name(v) => whole(
                RedactionType::ThirdPartyName,
                "the name of the person this row is about, who is someone else",
            ),
            Role::FirstName | Role::LastName if row_is_someone_else => {
                whole(RedactionType::ThirdPartyName, "part of the name of someone else")
            }
            Role::Email | Role::OtherPersonEmail if !self.own_emails.contains(&v.to_lowercase()) => {
                whole(RedactionType::ThirdPartyEmail, "an email address that is not the requester's")
            }
            Role::Phone | Role::OtherPersonPhone if !self.own_phone(v) => {
                whole(RedactionType::ThirdPartyPhone, "a phone number that is not the requester's")
            }
            Role::FreeText | Role::Other => self.scan_text(value),
            _ => Vec::new(),
        }
    }
}

/// Build a scanner for the rows found about a person: everyone else in the
/// sources is a known other person; IPs on their own rows are theirs.
pub fn scanner_for(sources: &[Source], rows: &[Candidate], own: &Identifiers) -> Scanner {
    let people = KnownPeople::from_sources(sources, own);
    let ips = rows.iter().flat_map(|c| {
        let s = &sources[c.source as usize];
        let r = s.rows.iter().find(|r| r.number == c.number);
        s.columns_with(Role::Ip).filter_map(move |col| r.map(|r| s.value(r, col).trim().to_string()))
    });
    Scanner::new(people, own).with_own_ips(ips.collect::<Vec<_>>())
}

/// Every redaction in the given rows.
pub fn redact_rows(sources: &[Source], rows: &[Candidate], scanner: &Scanner) -> Vec<Redaction> {
    let mut out = Vec::new();
    for c in rows {
        let s = &sources[c.source as usize];
        let Some(r) = s.rows.iter().find(|r| r.number == c.number) else { continue };
        let names = row_names(s, r);
        let someone_else = !names.is_empty() && !names.iter().any(|n| scanner.own_name(n));
        for (col, column) in s.columns.iter().enumerate() {
            let value = s.value(r, col);
            for h in scanner.scan_field(column.role, value, someone_else) {
                let (start, end) = char_span(value, h.start, h.end);
                out.push(Redaction {
                    file: s.name.clone(),
                    source: c.source,
                    number: r.number,
                    row_id: r.id.clone(),
                    field: column.name.clone(),
                    column: col as u32,
                    start,
                    end,
                    text: value[h.start..h.end].to_string(),
                    kind: h.kind,
                    detector: h.detector.to_string(),
                    score: h.score,
                    explanation: h.explanation.into_owned(),
                });
            }
        }
    }
    out
}
