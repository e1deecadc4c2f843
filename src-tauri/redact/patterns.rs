//! Pattern detectors: emails, phones, IP addresses, and the never-disclose
//! items (SSNs, cards, IBANs, driver's licences, passwords and security
//! answers, other government or medical IDs). Numbers are checked (Luhn,
//! mod-97, SSN ranges) so dates, prices and order numbers stay.

use std::net::Ipv6Addr;
use std::sync::OnceLock;

use regex::Regex;

use super::{Hit, RedactionType as T};

struct Patterns {
    email: Regex,
    ssn: Regex,
    ssn_context: Regex,
    card: Regex,
    iban: Regex,
    ipv4: Regex,
    ipv6: Regex,
    phone: Regex,
    licence: Regex,
    password: Regex,
    security: Regex,
    other_id: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("built-in pattern");
        Patterns {
            email: r(r"(?i-u)[a-z0-9][a-z0-9._%+'-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"),
            ssn: r(r"(?-u)\b\d{3}-\d{2}-\d{4}\b"),
            ssn_context: r(
                r"(?i-u)\b(?:ssn|ss#|social security(?: number| no\.?| #)?|soc\.? sec\.?(?: no\.?)?)\s*(?:number|no\.?|#)?\s*(?:is|was|[:#=-])?\s*(\d{3}[ -]?\d{2}[ -]?\d{4})\b",
            ),
            card: r(r"(?-u)\b\d(?:[ -]?\d){12,18}\b"),
            iban: r(r"(?-u)\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b"),
            ipv4: r(r"(?-u)\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b"),
            ipv6: r(r"(?i-u)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}"),
            phone: r(r"(?-u)(?:\+\d{1,3}[ .-]?)?(?:\(0?\d{0,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,8}){0,5}"),
            licence: r(
                r"(?i)\b(?:driver'?s'?\s+licen[cs]e|driving\s+licen[cs]e|driver\s+licen[cs]e|licen[cs]e|dl|d/l)\s*(?:number|no\.?|num\.?|#|id)?\s*(?:is|was|[:#=,])?\s*([a-z0-9][a-z0-9-]{4,22})",
            ),
            password: r(
                r#"(?i)\b(?:password|passwd|passcode|pass code|pwd|pw|pin)\b(\s+(?:is|was)\b|\s*[=:(-])?\s*[:=]?\s*["'“‘]?([^\s"'”’,;()]+)"#,
            ),
            security: r(
                r#"(?i)\b(?:security\s+(?:question|answer|q|a)|secret\s+(?:question|answer)|(?:mother'?s\s+)?maiden\s+name|first\s+pet(?:'s\s+name)?|name\s+of\s+(?:her|his|their|your)\s+first\s+pet)[^:=\n.]{0,50}?(?:\s(?:is|was)\s|[=:])\s*["'“‘]?((?:St|Mt|Ft|Dr)\.\s[^.,;:\n"”’()]{1,50}|[^.,;:\n"”’()]{1,60})"#,
            ),
            other_id: r(
                r"(?i)\b(?:passport|national id|medical record(?: number)?|mrn|member id|health insurance(?: id| number)?|medicare(?: number)?|itin|nhs number|national insurance(?: number)?|biometric(?: template| id)?)\s*(?:number|no\.?|#)?\s*(?:is|was|[:#=])?\s*([a-z0-9][a-z0-9 -]{3,20}[a-z0-9])",
            ),
        }
    })
}

fn digits(s: &str) -> Vec<u8> {
    s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
}

pub fn luhn(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = x as u32;
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

pub fn iban_valid(raw: &str) -> bool {
    let s: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    if !(15..=34).contains(&s.len()) || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let rearranged = format!("{}{}", &s[4..], &s[..4]);
    let mut rem: u32 = 0;
    for c in rearranged.chars() {
        let v = c.to_digit(36).unwrap_or(0);
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    rem == 1
}

fn ssn_plausible(d: &[u8]) -> bool {
    let n = |r: std::ops::Range<usize>| d[r].iter().fold(0u32, |a, &x| a * 10 + x as u32);
    d.len() == 9 && n(0..3) != 0 && n(0..3) != 666 && n(3..5) != 0 && n(5..9) != 0
}

/// The words just before `at`, lowercased, for context checks.
fn before(text: &str, at: usize, bytes: usize) -> String {
    let mut from = at.saturating_sub(bytes);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    text[from..at].to_lowercase()
}

fn neighbours_ok(text: &str, start: usize, end: usize) -> bool {
    let b = text[..start].chars().next_back();
    let a = text[end..].chars().next();
    !b.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '_' || c == '#')
        && !a.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '_')
}

fn hit(start: usize, end: usize, kind: T, detector: &'static str, score: f32, why: impl Into<String>) -> Hit {
    Hit { start, end, kind, detector, score, explanation: why.into() }
}

/// Every pattern hit in `text`. Overlaps are resolved by the caller.
pub fn scan(text: &str, out: &mut Vec<Hit>) {
    let p = patterns();
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    if text.contains('@') {
        for m in p.email.find_iter(text) {
            out.push(hit(m.start(), m.end(), T::ThirdPartyEmail, "email", 0.95, "an email address"));
        }
    }
    secrets(text, out);
    if !has_digit {
        return;
    }
    for m in p.ssn.find_iter(text) {
        if ssn_plausible(&digits(m.as_str())) && neighbours_ok(text, m.start(), m.end()) {
            out.push(hit(
                m.start(),
                m.end(),
                T::Ssn,
                "ssn",
                0.9,
                "a US Social Security number (AAA-GG-SSSS)",
            ));
        }
    }
    for c in p.ssn_context.captures_iter(text) {
        let m = c.get(1).expect("group");
        if ssn_plausible(&digits(m.as_str())) {
            out.push(hit(
                m.start(),
                m.end(),
                T::Ssn,
                "ssn",
                0.97,
                "nine digits labelled as a Social Security number",
            ));
        }
    }
    for m in p.card.find_iter(text) {
        let d = digits(m.as_str());
        let grouped = card_grouping(m.as_str());
        if (13..=19).contains(&d.len()) && matches!(d[0], 2..=6) && luhn(&d) && grouped {
            out.push(hit(
                m.start(),
                m.end(),
                T::CardNumber,
                "card",
                0.95,
                "a payment card number (passes the Luhn check)",
            ));
        }
    }
    for m in p.iban.find_iter(text) {
        // The pattern may run on into a following word or number: shorten
        // group by group until the checksum holds.
        let mut cand = m.as_str();
        loop {
            if iban_valid(cand) {
                out.push(hit(
                    m.start(),
                    m.start() + cand.len(),
                    T::Iban,
                    "iban",
                    0.98,
                    "an IBAN (passes the mod-97 check)",
                ));
                break;
            }
            match cand.rfind(' ') {
                Some(i) if i >= 15 => cand = &cand[..i],
                _ => break,
            }
        }
    }
    for m in p.ipv4.find_iter(text) {
        let next = text[m.end()..].chars().next();
        let prev = text[..m.start()].chars().next_back();
        let version_like = next == Some('.') && text[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit());
        if !version_like && prev != Some('.') && prev != Some('v') {
            out.push(hit(m.start(), m.end(), T::IpOfOtherPerson, "ip", 0.9, "an IPv4 address"));
        }
    }
    if text.contains(':') {
        for m in p.ipv6.find_iter(text) {
            let s = m.as_str().trim_end_matches(':');
            if s.matches(':').count() >= 2 && s.parse::<Ipv6Addr>().is_ok() {
                out.push(hit(
                    m.start(),
                    m.start() + s.len(),
                    T::IpOfOtherPerson,
                    "ip",
                    0.9,
                    "an IPv6 address",
                ));
            }
        }
    }
    phones(text, out);
    licences(text, out);
}

/// Cards are written as one run or in groups of four (Amex: 4-6-5).
fn card_grouping(s: &str) -> bool {
    let groups: Vec<usize> = s.split([' ', '-']).map(str::len).collect();
    groups.len() == 1
        || groups[..groups.len() - 1].iter().all(|&g| g == 4)
        || groups == [4, 6, 5]
        || groups == [4, 6, 4]
}

fn phones(text: &str, out: &mut Vec<Hit>) {
    for m in patterns().phone.find_iter(text) {
        let s = m.as_str().trim_end_matches(['.', '-', ' ']);
        let (start, end) = (m.start(), m.start() + s.len());
        let n = s.bytes().filter(u8::is_ascii_digit).count();
        if !(7..=15).contains(&n) || !neighbours_ok(text, start, end) {
            continue;
        }
        let context = before(text, start, 24);
        let cued = [
            "phone", "call", "tel", "mobile", "cell", "fax", "reach", "direct", "whatsapp", "sms",
            "text him", "text her",
        ]
        .iter()
        .any(|w| context.contains(w));
        let international = s.starts_with('+');
        let groups: Vec<usize> =
            s.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).map(str::len).collect();
        let nanp = matches!(groups.as_slice(), [3, 3, 4] | [1, 3, 3, 4]) || s.starts_with('(');
        // A national number with its trunk zero: "030 23125134", "01314960512".
        let national = s.starts_with('0') && !s.starts_with("00") && (10..=11).contains(&n);
        let date_like = matches!(groups.as_slice(), [4, 2, 2] | [2, 2, 4] | [4, 2] | [4]);
        let bare = groups.len() == 1 && !international && !national;
        if date_like || bare && !cued {
            continue;
        }
        if international || nanp || national || (cued && n >= 9) {
            out.push(hit(start, end, T::ThirdPartyPhone, "phone", 0.85, "a phone number"));
        }
    }
}

fn licences(text: &str, out: &mut Vec<Hit>) {
    for c in patterns().licence.captures_iter(text) {
        let m = c.get(1).expect("group");
        let value = m.as_str().trim_end_matches('-');
        let n = value.bytes().filter(u8::is_ascii_digit).count();
        if n >= 4 && value.len() >= 5 {
            let kind = "a driver's licence number (named as one just before it)";
            out.push(hit(m.start(), m.start() + value.len(), T::DriversLicense, "licence", 0.9, kind));
        }
    }
    for c in patterns().other_id.captures_iter(text) {
        let m = c.get(1).expect("group");
        let value = m.as_str().trim();
        if value.bytes().filter(u8::is_ascii_digit).count() >= 4 {
            out.push(hit(
                m.start(),
                m.start() + value.len(),
                T::Other,
                "government_or_medical_id",
                0.85,
                "a government, medical or biometric identifier (named as one just before it)",
            ));
        }
    }
}

const NOT_SECRETS: &[&str] = &[
    "reset",
    "resets",
    "change",
    "changed",
    "expired",
    "manager",
    "protected",
    "policy",
    "the",
    "a",
    "an",
    "to",
    "for",
    "and",
    "or",
    "was",
    "is",
    "link",
    "request",
    "requested",
    "again",
    "sent",
    "via",
    "by",
    "please",
    "not",
];

fn secrets(text: &str, out: &mut Vec<Hit>) {
    let p = patterns();
    for c in p.password.captures_iter(text) {
        let sep = c.get(1).map(|m| m.as_str().trim().to_lowercase());
        let m = c.get(2).expect("group");
        // A sentence's full stop or bracket is not part of the password; a "!" may be.
        let value = m.as_str().trim_end_matches(['.', ')', ',']);
        let value = if value.is_empty() { m.as_str() } else { value };
        let word = value.to_lowercase();
        let symbolic = value.chars().any(|ch| !ch.is_alphabetic());
        let labelled = matches!(sep.as_deref(), Some(":" | "=" | "is" | "was" | "("));
        if NOT_SECRETS.contains(&word.as_str()) || !(labelled || symbolic) {
            continue;
        }
        out.push(hit(
            m.start(),
            m.start() + value.len(),
            T::Password,
            "password",
            0.9,
            "a password (after a password label)",
        ));
    }
    for c in p.security.captures_iter(text) {
        let m = c.get(1).expect("group");
        let v = m.as_str();
        let lead = v.len() - v.trim_start().len();
        // At most four words: an answer, not the rest of the sentence.
        let mut end = lead;
        for (n, w) in v[lead..].split_inclusive(char::is_whitespace).enumerate() {
            if n == 4 {
                break;
            }
            end += w.len();
        }
        let value = v[lead..end].trim_end();
        if !value.is_empty() {
            let start = m.start() + lead;
            out.push(hit(
                start,
                start + value.len(),
                T::Password,
                "security_answer",
                0.9,
                "the answer to a security question",
            ));
        }
    }
}
