//! Pattern detectors: emails, phones, IP addresses, and the never-disclose
//! items (SSNs, cards, IBANs, driver's licences, passwords and security
//! answers, other government or medical IDs). Numbers are checked (Luhn,
//! mod-97, SSN ranges) so dates, prices and order numbers stay.
//!
//! Speed: numbers are found in one pass of one combined pattern and then
//! told apart by their checks; the labelled items (a licence, a password) are
//! looked for only just after one of their cue words, which one Aho-Corasick
//! pass finds.

use std::net::Ipv6Addr;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::{Hit, RedactionType as T};

/// What a cue word announces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Ssn,
    Licence,
    Password,
    Security,
    OtherId,
}

const CUES: &[(&str, Cue)] = &[
    ("ssn", Cue::Ssn),
    ("ss#", Cue::Ssn),
    ("social security", Cue::Ssn),
    ("soc sec", Cue::Ssn),
    ("soc. sec", Cue::Ssn),
    ("driver", Cue::Licence),
    ("driving", Cue::Licence),
    ("licen", Cue::Licence),
    ("dl", Cue::Licence),
    ("d/l", Cue::Licence),
    ("password", Cue::Password),
    ("passwd", Cue::Password),
    ("passcode", Cue::Password),
    ("pass code", Cue::Password),
    ("pwd", Cue::Password),
    ("pw", Cue::Password),
    ("pin", Cue::Password),
    ("security", Cue::Security),
    ("secret", Cue::Security),
    ("maiden", Cue::Security),
    ("mother", Cue::Security),
    ("first pet", Cue::Security),
    ("name of", Cue::Security),
    ("passport", Cue::OtherId),
    ("national", Cue::OtherId),
    ("medical", Cue::OtherId),
    ("mrn", Cue::OtherId),
    ("member id", Cue::OtherId),
    ("health insurance", Cue::OtherId),
    ("medicare", Cue::OtherId),
    ("itin", Cue::OtherId),
    ("nhs", Cue::OtherId),
    ("biometric", Cue::OtherId),
];

/// How far after a cue word its value may start.
const CUE_WINDOW: usize = 200;

struct Patterns {
    email: Regex,
    /// IBAN | IPv4 | SSN | card | phone, in that order of preference.
    numbers: Regex,
    phone: Regex,
    ipv6: Regex,
    cues: AhoCorasick,
    ssn_context: Regex,
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
            email: r(EMAIL),
            numbers: r(NUMBERS),
            phone: r(PHONE),
            ipv6: r(IPV6),
            cues: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostFirst)
                .build(CUES.iter().map(|c| c.0))
                .expect("cue words"),
            ssn_context: r(SSN_CONTEXT),
            licence: r(LICENCE),
            password: r(PASSWORD),
            security: r(SECURITY),
            other_id: r(OTHER_ID),
        }
    })
}

const EMAIL: &str = r#"(?i-u)[a-z0-9][a-z0-9._%+'-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"#;
const NUMBERS: &str = r#"(?-u)(?:\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b)|(?:\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b)|(?:\b\d{3}-\d{2}-\d{4}\b)|(?:\b\d(?:[ -]?\d){12,18}\b)|(?:(?:\+\d{1,3}[ .-]?)?(?:\(0?\d{0,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,8}){0,5})"#;
const PHONE: &str = r#"(?-u)(?:\+\d{1,3}[ .-]?)?(?:\(0?\d{0,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,8}){0,5}"#;
const IPV6: &str = r#"(?i-u)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}"#;
const SSN_CONTEXT: &str = r#"(?i-u)\b(?:ssn|ss#|social security(?: number| no\.?| #)?|soc\.? sec\.?(?: no\.?)?)\s*(?:number|no\.?|#)?\s*(?:is|was|[:#=-])?\s*(\d{3}[ -]?\d{2}[ -]?\d{4})\b"#;
const LICENCE: &str = r#"(?i)(?-u:\b)(?:driver'?s'?\s+licen[cs]e|driving\s+licen[cs]e|driver\s+licen[cs]e|licen[cs]e|dl|d/l)\s*(?:number|no\.?|num\.?|#|id)?\s*(?:is|was|[:#=,])?\s*([a-z0-9][a-z0-9-]{4,22})"#;
const PASSWORD: &str = r#"(?i)(?-u:\b)(?:password|passwd|passcode|pass code|pwd|pw|pin)(?-u:\b)(\s+(?:is|was)(?-u:\b)|\s*[=:(-])?\s*[:=]?\s*["'“‘]?([^\s"'”’,;()]+)"#;
const SECURITY: &str = r#"(?i)(?-u:\b)(?:security\s+(?:question|answer|q|a)|secret\s+(?:question|answer)|(?:mother'?s\s+)?maiden\s+name|first\s+pet(?:'s\s+name)?|name\s+of\s+(?:her|his|their|your)\s+first\s+pet)[^:=\n.]{0,50}?(?:\s(?:is|was)\s|[=:])\s*["'“‘]?((?:St|Mt|Ft|Dr)\.\s[^.,;:\n"”’()]{1,50}|[^.,;:\n"”’()]{1,60})"#;
const OTHER_ID: &str = r#"(?i)(?-u:\b)(?:passport|national id|medical record(?: number)?|mrn|member id|health insurance(?: id| number)?|medicare(?: number)?|itin|nhs number|national insurance(?: number)?|biometric(?: template| id)?)\s*(?:number|no\.?|#)?\s*(?:is|was|[:#=])?\s*([a-z0-9][a-z0-9 -]{3,20}[a-z0-9])"#;

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
            match (i % 2 == 1, x * 2) {
                (true, y) if y > 9 => y - 9,
                (true, y) => y,
                (false, _) => x,
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

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The words just before `at`, lowercased, for context checks.
fn before(text: &str, at: usize, bytes: usize) -> String {
    text[floor(text, at.saturating_sub(bytes))..at].to_lowercase()
}

fn neighbours_ok(text: &str, start: usize, end: usize) -> bool {
    let b = text[..start].chars().next_back();
    let a = text[end..].chars().next();
    !b.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '_' || c == '#')
        && !a.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '_')
}

fn hit(start: usize, end: usize, kind: T, detector: &'static str, score: f32, why: &'static str) -> Hit {
    Hit { start, end, kind, detector, score, explanation: why.into() }
}

/// Every pattern hit in `text`. Overlaps are resolved by the caller.
pub fn scan(text: &str, out: &mut Vec<Hit>) {
    let p = patterns();
    if text.contains('@') {
        for m in p.email.find_iter(text) {
            out.push(hit(m.start(), m.end(), T::ThirdPartyEmail, "email", 0.95, "an email address"));
        }
    }
    labelled(text, out);
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    for m in p.numbers.find_iter(text) {
        number(text, m.start(), m.end(), out);
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
}

fn ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts
            .iter()
            .all(|p| p.parse::<u16>().is_ok_and(|v| v <= 255) && !(p.len() > 1 && p.starts_with('0')))
}

/// Tell one number-like stretch apart: IBAN, IPv4, SSN, card, else phone.
fn number(text: &str, start: usize, end: usize, out: &mut Vec<Hit>) {
    let s = &text[start..end];
    // Most numbers in notes are short (dates, prices, counts): nothing here has fewer than 7 characters.
    if s.len() < 7 {
        return;
    }
    if s.as_bytes()[0].is_ascii_uppercase() {
        // The pattern may run on into a following word or number: shorten
        // group by group until the checksum holds.
        let mut cand = s;
        loop {
            if iban_valid(cand) {
                out.push(hit(
                    start,
                    start + cand.len(),
                    T::Iban,
                    "iban",
                    0.98,
                    "an IBAN (passes the mod-97 check)",
                ));
                return;
            }
            match cand.rfind(' ') {
                Some(i) if i >= 15 => cand = &cand[..i],
                _ => return,
            }
        }
    }
    if ipv4(s) {
        let next = text[end..].chars().next();
        let prev = text[..start].chars().next_back();
        let version_like = next == Some('.') && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
        if !version_like && prev != Some('.') && prev != Some('v') {
            out.push(hit(start, end, T::IpOfOtherPerson, "ip", 0.9, "an IPv4 address"));
        }
        return;
    }
    let b = s.as_bytes();
    if b.len() == 11 && b[3] == b'-' && b[6] == b'-' && b.iter().filter(|c| c.is_ascii_digit()).count() == 9 {
        if ssn_plausible(&digits(s)) && neighbours_ok(text, start, end) {
            out.push(hit(start, end, T::Ssn, "ssn", 0.9, "a US Social Security number (AAA-GG-SSSS)"));
        }
        return;
    }
    let d = digits(s);
    let card_like = (13..=19).contains(&d.len()) && !s.contains(['(', '+', '.']) && card_grouping(s);
    if card_like && matches!(d[0], 2..=6) && luhn(&d) {
        out.push(hit(
            start,
            end,
            T::CardNumber,
            "card",
            0.95,
            "a payment card number (passes the Luhn check)",
        ));
        return;
    }
    // Not one of those: perhaps one or more phone numbers.
    if d.len() > 15 {
        for m in patterns().phone.find_iter(s) {
            phone(text, start + m.start(), start + m.end(), out);
        }
    } else {
        phone(text, start, end, out);
    }
}

/// Cards are written as one run or in groups of four (Amex: 4-6-5).
fn card_grouping(s: &str) -> bool {
    let groups: Vec<usize> = s.split([' ', '-']).map(str::len).collect();
    groups.len() == 1
        || groups[..groups.len() - 1].iter().all(|&g| g == 4)
        || groups == [4, 6, 5]
        || groups == [4, 6, 4]
}

const PHONE_CUES: &[&str] = &[
    "phone", "call", "tel", "mobile", "cell", "fax", "reach", "direct", "whatsapp", "sms", "text him",
    "text her",
];

fn phone(text: &str, start: usize, end: usize, out: &mut Vec<Hit>) {
    let s = text[start..end].trim_end_matches(['.', '-', ' ']);
    let end = start + s.len();
    let n = s.bytes().filter(u8::is_ascii_digit).count();
    if !(7..=15).contains(&n) || !neighbours_ok(text, start, end) {
        return;
    }
    let international = s.starts_with('+');
    let groups: Vec<usize> =
        s.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).map(str::len).collect();
    let nanp = matches!(groups.as_slice(), [3, 3, 4] | [1, 3, 3, 4]) || s.starts_with('(');
    // A national number with its trunk zero: "030 23125134", "01314960512".
    let national = s.starts_with('0') && !s.starts_with("00") && (10..=11).contains(&n);
    let date_like = matches!(groups.as_slice(), [4, 2, 2] | [2, 2, 4] | [4, 2] | [4]);
    if date_like {
        return;
    }
    let shaped = international || nanp || national;
    if shaped || (n >= 9 && PHONE_CUES.iter().any(|w| before(text, start, 24).contains(w))) {
        out.push(hit(start, end, T::ThirdPartyPhone, "phone", 0.85, "a phone number"));
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

/// Items named just before their value: look only after each cue word.
fn labelled(text: &str, out: &mut Vec<Hit>) {
    let p = patterns();
    let mut done: Vec<(Cue, usize)> = Vec::new();
    for m in p.cues.find_iter(text) {
        if text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue; // inside a word: "spinning", "handle"
        }
        let cue = CUES[m.pattern().as_usize()].1;
        // The same cue's last match already covers this stretch.
        if done.iter().any(|(c, upto)| *c == cue && m.start() < *upto) {
            continue;
        }
        let window = &text[..floor(text, (m.start() + CUE_WINDOW).min(text.len()))];
        let regex = match cue {
            Cue::Ssn => &p.ssn_context,
            Cue::Licence => &p.licence,
            Cue::Password => &p.password,
            Cue::Security => &p.security,
            Cue::OtherId => &p.other_id,
        };
        // The fast search first; the slower one with groups only where it matched.
        let Some(found) = regex.find_at(window, m.start()) else { continue };
        let Some(c) = regex.captures_at(window, found.start()) else { continue };
        done.push((cue, c.get(0).map_or(m.end(), |w| w.end())));
        match cue {
            Cue::Ssn => ssn_labelled(&c, out),
            Cue::Licence => licence(&c, out),
            Cue::Password => password(&c, out),
            Cue::Security => security(&c, out),
            Cue::OtherId => other_id(&c, out),
        }
    }
}

fn ssn_labelled(c: &regex::Captures, out: &mut Vec<Hit>) {
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

fn licence(c: &regex::Captures, out: &mut Vec<Hit>) {
    let m = c.get(1).expect("group");
    let value = m.as_str().trim_end_matches('-');
    let n = value.bytes().filter(u8::is_ascii_digit).count();
    if n >= 4 && value.len() >= 5 {
        let why = "a driver's licence number (named as one just before it)";
        out.push(hit(m.start(), m.start() + value.len(), T::DriversLicense, "licence", 0.9, why));
    }
}

fn other_id(c: &regex::Captures, out: &mut Vec<Hit>) {
    let m = c.get(1).expect("group");
    let value = m.as_str().trim();
    if value.bytes().filter(u8::is_ascii_digit).count() >= 4 {
        let why = "a government, medical or biometric identifier (named as one just before it)";
        out.push(hit(m.start(), m.start() + value.len(), T::Other, "government_or_medical_id", 0.85, why));
    }
}

fn password(c: &regex::Captures, out: &mut Vec<Hit>) {
    let sep = c.get(1).map(|m| m.as_str().trim().to_lowercase());
    let m = c.get(2).expect("group");
    // A sentence's full stop or bracket is not part of the password; a "!" may be.
    let value = m.as_str().trim_end_matches(['.', ')', ',']);
    let value = if value.is_empty() { m.as_str() } else { value };
    let word = value.to_lowercase();
    let symbolic = value.chars().any(|ch| !ch.is_alphabetic());
    let labelled = matches!(sep.as_deref(), Some(":" | "=" | "is" | "was" | "("));
    if NOT_SECRETS.contains(&word.as_str()) || !(labelled || symbolic) {
        return;
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

fn security(c: &regex::Captures, out: &mut Vec<Hit>) {
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
        let why = "the answer to a security question";
        out.push(hit(start, start + value.len(), T::Password, "security_answer", 0.9, why));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(T, String)> {
        let mut out = Vec::new();
        scan(text, &mut out);
        out.into_iter().map(|h| (h.kind, text[h.start..h.end].to_string())).collect()
    }

    #[test]
    fn labelled_items_are_found_after_their_cue() {
        assert_eq!(
            kinds("She gave her driver's license number, X9937385, to the desk."),
            [(T::DriversLicense, "X9937385".into())]
        );
        assert_eq!(kinds("Portal password: Tr0ub4dor&3 then"), [(T::Password, "Tr0ub4dor&3".into())]);
        assert_eq!(kinds("SSN 795738868 on file"), [(T::Ssn, "795738868".into())]);
    }
}
