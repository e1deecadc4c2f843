//! Redaction: finding other people's data and never-disclose items in the
//! rows about a requester, and applying the officer's decisions so that the
//! output holds a marker where the value was, never the value.

mod patterns;
mod people;
mod scan;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use people::KnownPeople;
pub use scan::{char_span, redact_rows, scanner_for, Redaction, Scanner};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RedactionType {
    ThirdPartyName,
    ThirdPartyEmail,
    ThirdPartyPhone,
    IpOfOtherPerson,
    Ssn,
    CardNumber,
    DriversLicense,
    Password,
    Iban,
    Other,
}

impl RedactionType {
    pub const ALL: [RedactionType; 10] = [
        RedactionType::ThirdPartyName,
        RedactionType::ThirdPartyEmail,
        RedactionType::ThirdPartyPhone,
        RedactionType::IpOfOtherPerson,
        RedactionType::Ssn,
        RedactionType::CardNumber,
        RedactionType::DriversLicense,
        RedactionType::Password,
        RedactionType::Iban,
        RedactionType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RedactionType::ThirdPartyName => "third_party_name",
            RedactionType::ThirdPartyEmail => "third_party_email",
            RedactionType::ThirdPartyPhone => "third_party_phone",
            RedactionType::IpOfOtherPerson => "ip_of_other_person",
            RedactionType::Ssn => "ssn",
            RedactionType::CardNumber => "card_number",
            RedactionType::DriversLicense => "drivers_license",
            RedactionType::Password => "password",
            RedactionType::Iban => "iban",
            RedactionType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<RedactionType> {
        RedactionType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Items the law forbids disclosing even to the person they belong to
    /// (11 CCR §7024(d)): the letter says one is held, never what it is.
    pub fn never_disclose(self) -> bool {
        matches!(
            self,
            RedactionType::Ssn
                | RedactionType::CardNumber
                | RedactionType::DriversLicense
                | RedactionType::Password
                | RedactionType::Iban
        )
    }

    /// What a person reads in place of the value.
    pub fn marker(self) -> &'static str {
        match self {
            RedactionType::ThirdPartyName
            | RedactionType::ThirdPartyEmail
            | RedactionType::ThirdPartyPhone
            | RedactionType::IpOfOtherPerson => "[redacted: third party]",
            RedactionType::Ssn => "[withheld: a Social Security number is held; the law does not allow us to disclose it]",
            RedactionType::CardNumber => "[withheld: a payment card number is held; the law does not allow us to disclose it]",
            RedactionType::DriversLicense => {
                "[withheld: a driver's licence or government ID number is held; the law does not allow us to disclose it]"
            }
            RedactionType::Password => {
                "[withheld: a password or security answer is held; the law does not allow us to disclose it]"
            }
            RedactionType::Iban => "[withheld: a financial account number is held; the law does not allow us to disclose it]",
            RedactionType::Other => "[redacted]",
        }
    }

    /// The legal reason recorded with the decision.
    pub fn legal_basis(self) -> &'static str {
        if self.never_disclose() {
            "11 CCR §7024(d)"
        } else if self == RedactionType::Other {
            "manual"
        } else {
            "GDPR Art. 15(4); CCPA: other consumers' personal information"
        }
    }
}

/// One span found by a detector in a text, in byte offsets of that text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: RedactionType,
    pub detector: &'static str,
    pub score: f32,
    pub explanation: std::borrow::Cow<'static, str>,
}

/// `text` with each span (byte offsets, any order, may overlap) replaced by its marker.
pub fn apply(text: &str, spans: &[(usize, usize, RedactionType)]) -> String {
    let mut spans: Vec<_> = spans.iter().copied().filter(|s| s.0 < s.1 && s.1 <= text.len()).collect();
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, kind) in spans {
        if end <= at {
            continue; // inside a span already replaced
        }
        // Widen to whole characters rather than ever leave part of one behind.
        let mut start = start.max(at);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = end;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push_str(&text[at..start]);
        out.push_str(kind.marker());
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_replaces_overlapping_spans_once() {
        let t = "call Anna Berg on 555-0100 now";
        let out = apply(t, &[(5, 14, RedactionType::ThirdPartyName), (10, 14, RedactionType::Other)]);
        assert_eq!(out, "call [redacted: third party] on 555-0100 now");
    }
}
