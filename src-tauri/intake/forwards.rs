//! Who really makes the request when the sender is not the requester: a
//! colleague forwarding the consumer's email (attached or quoted inline), or
//! the website's form sending a notification.

use mail_parser::Message;

use super::email::ParsedEmail;
use super::reading::{is_reply, opens_outlook_block};

const INLINE_MARKERS: &[&str] = &[
    "---------- forwarded message ---------",
    "-----original message-----",
    "begin forwarded message:",
    "-------- message transféré --------",
    "---------- weitergeleitete nachricht ----------",
    "---------- mensaje reenviado ----------",
];

const FORM_SENDERS: &[&str] =
    &["noreply", "no-reply", "donotreply", "do-not-reply", "webform", "forms", "wordpress"];

/// `Name <a@b.c>`, `<a@b.c>` or `a@b.c` → (name, address).
fn split_address(s: &str) -> Option<(String, String)> {
    let s = s.trim();
    let (name, email) = match (s.rfind('<'), s.rfind('>')) {
        (Some(a), Some(b)) if a < b => (s[..a].trim().trim_matches('"').to_string(), &s[a + 1..b]),
        _ => (String::new(), s),
    };
    let email = email.trim().to_lowercase();
    let email_char = |c: char| c.is_alphanumeric() || "._%+-@'".contains(c);
    (email.contains('@') && email.chars().all(email_char)).then_some((name, email))
}

/// The value of a `Label: value` line, or of a `Label │ value` table row (an
/// HTML form as text), for the first label that matches.
fn field<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    const CELL: &[char] = &['│', '|', '\t'];
    text.lines().find_map(|line| {
        let line = line.trim().trim_matches(CELL).trim();
        let (label, value) = line.split_once(':').or_else(|| line.split_once(CELL))?;
        let label = label.trim().trim_matches(CELL).trim().to_lowercase();
        let value = value.trim().trim_matches(CELL).trim();
        labels.contains(&label.as_str()).then_some(value).filter(|v| !v.is_empty())
    })
}

pub fn find_requester(msg: &Message<'_>, parsed: &mut ParsedEmail) {
    let local = parsed.from_email.split('@').next().unwrap_or("").to_string();
    let form_sender = FORM_SENDERS.iter().any(|f| local.contains(f));
    // A bounce carries the bounced message; it is not a forward of a request.
    // A web form's notification is sent automatically too, but it carries a
    // person's request.
    if parsed.automatic {
        if form_sender && from_web_form(parsed) {
            parsed.automatic = false;
        }
        return;
    }
    if let Some(inner) = msg.attachments().find_map(|p| p.message()) {
        return from_attached(inner, parsed);
    }
    let reply = is_reply(&parsed.subject);
    // ASCII lower case keeps every byte where it was, so offsets fit the body.
    let lower = parsed.body_text.to_ascii_lowercase();
    let marker = INLINE_MARKERS.iter().find_map(|m| lower.find(m)).or_else(|| outlook_block(&lower));
    if let Some(at) = marker.filter(|_| !reply) {
        return from_inline(at, parsed);
    }
    if form_sender {
        from_web_form(parsed);
    }
}

/// Where Outlook's block above a forwarded message starts.
fn outlook_block(lower: &str) -> Option<usize> {
    let lines: Vec<&str> = lower.split_inclusive('\n').collect();
    let i = (0..lines.len()).find(|&i| opens_outlook_block(&lines, i))?;
    let offset: usize = lines[..i].iter().map(|l| l.len()).sum();
    Some(offset + lines[i].len() - lines[i].trim_start().len())
}

fn from_attached(inner: &Message<'_>, parsed: &mut ParsedEmail) {
    let Some(first) = inner.from().and_then(|a| a.first()) else { return };
    let Some((name, email)) = first.address().and_then(split_address).map(|(_, e)| (first.name(), e)) else {
        return;
    };
    let forwarder = format!("{} <{}>", parsed.from_name, parsed.from_email);
    parsed.requester_name = name.unwrap_or_default().trim().to_string();
    parsed.requester_email = email;
    if let Some(subject) = inner.subject() {
        parsed.subject = subject.trim().to_string();
    }
    if let Some(body) = inner.body_text(0) {
        parsed.body_text = body.trim().to_string();
    }
    // The consumer's own message reached the company when it was first sent.
    if let Some(date) = inner.date().and_then(|d| chrono::DateTime::from_timestamp(d.to_timestamp(), 0)) {
        parsed.arrived_at = Some(date);
    }
    parsed
        .notes
        .push(("requester".into(), format!("the attached original's sender; forwarded by {forwarder}")));
}

fn from_inline(at: usize, parsed: &mut ParsedEmail) {
    let quoted = parsed.body_text[at..].to_string();
    let Some((name, email)) = field(&quoted, &["from", "von", "de"]).and_then(split_address) else { return };
    // Someone sending on their own earlier message: all of it is theirs.
    if email == parsed.from_email {
        parsed.notes.push(("requester".into(), "the sender, forwarding their own earlier message".into()));
        return;
    }
    let forwarder = format!("{} <{}>", parsed.from_name, parsed.from_email);
    parsed.requester_name = name;
    parsed.requester_email = email;
    if let Some(subject) = field(&quoted, &["subject", "betreff", "objet", "asunto"]) {
        parsed.subject = subject.to_string();
    }
    // The request is the original: what the colleague added around it is not.
    parsed.body_text = quoted;
    parsed
        .notes
        .push(("requester".into(), format!("the quoted original's sender; forwarded by {forwarder}")));
}

/// The address in a form's value: `a@b.c`, `Name <a@b.c>`, or a link as an
/// HTML form becomes in text (`[a@b.c][1]`).
fn address_in(value: &str) -> Option<String> {
    if let Some((_, email)) = split_address(value) {
        return Some(email);
    }
    let token = value.split_whitespace().find(|t| t.contains('@'))?;
    let email_char = |c: char| c.is_ascii_alphanumeric() || "._%+-@".contains(c);
    let at = token.find('@')?;
    let start = token[..at].rfind(|c| !email_char(c)).map_or(0, |i| i + 1);
    let end = token[at..].find(|c| !email_char(c)).map_or(token.len(), |i| at + i);
    split_address(token[start..end].trim_end_matches('.')).map(|(_, e)| e)
}

/// The requester of a web-form notification, from its Email field.
fn from_web_form(parsed: &mut ParsedEmail) -> bool {
    const EMAIL: &[&str] = &["email", "e-mail", "email address", "e-mail address", "your email"];
    let Some(email) = field(&parsed.body_text, EMAIL).and_then(address_in) else {
        return false;
    };
    parsed.requester_email = email;
    let first_last = || {
        let first = field(&parsed.body_text, &["first name", "given name"])?;
        let last = field(&parsed.body_text, &["last name", "surname", "family name"]).unwrap_or_default();
        Some(format!("{first} {last}").trim().to_string())
    };
    parsed.requester_name = field(&parsed.body_text, &["name", "full name", "your name"])
        .map(str::to_string)
        .or_else(first_last)
        .unwrap_or_default();
    parsed.notes.push((
        "requester".into(),
        format!("the Email field of a web-form notification from {}", parsed.from_email),
    ));
    true
}

#[cfg(test)]
mod tests {

    use crate::intake::parse_email;

    #[test]
    fn an_attached_original_is_the_request() {
        let raw = "From: Colleague <sales@leadspace.com>\r\nSubject: Fwd: delete me\r\nMessage-ID: <fw@x>\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n\
FYI, see below.\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: Ana Ruiz <ana@example.es>\r\n\
Subject: Borrar mis datos\r\nDate: Mon, 02 Nov 2026 09:00:00 +0000\r\n\r\nPor favor borren mis datos.\r\n--b--\r\n";
        let p = parse_email("f.eml", raw.as_bytes()).unwrap();
        assert_eq!((p.requester_name.as_str(), p.requester_email.as_str()), ("Ana Ruiz", "ana@example.es"));
        assert_eq!(p.from_email, "sales@leadspace.com");
        assert_eq!(p.subject, "Borrar mis datos");
        assert!(p.body_text.contains("borren"));
        assert!(p.notes[0].1.contains("forwarded by Colleague <sales@leadspace.com>"));
    }

    #[test]
    fn a_quoted_forward_and_a_web_form() {
        let raw = "From: Desk <desk@leadspace.com>\r\nSubject: Fw: request\r\n\r\nPlease handle.\r\n\r\n\
-----Original Message-----\r\nFrom: \"Kim, Daniel\" <Daniel.Kim@Example.com>\r\nSubject: My data\r\n\r\nSend me a copy.\r\n";
        let p = parse_email("q.eml", raw.as_bytes()).unwrap();
        assert_eq!(
            (p.requester_name.as_str(), p.requester_email.as_str()),
            ("Kim, Daniel", "daniel.kim@example.com")
        );
        assert_eq!(p.subject, "My data");
        let form = "From: Website <no-reply@leadspace.com>\r\nSubject: New privacy request\r\n\r\n\
Name: Zoe Lane\r\nEmail: zoe.lane@example.org\r\nRequest: delete my data\r\n";
        let p = parse_email("w.eml", form.as_bytes()).unwrap();
        assert_eq!(
            (p.requester_name.as_str(), p.requester_email.as_str()),
            ("Zoe Lane", "zoe.lane@example.org")
        );
        // The same form sent as an HTML table only.
        let html = "From: Website <no-reply@leadspace.com>\r\nSubject: New privacy request\r\n\
MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<table>\
<tr><td>Name</td><td>Zoe Lane</td></tr><tr><td>Email</td><td>zoe.lane@example.org</td></tr>\
<tr><td>Details</td><td>Please delete my data.</td></tr></table>\r\n";
        let p = parse_email("h.eml", html.as_bytes()).unwrap();
        assert_eq!(
            (p.requester_name.as_str(), p.requester_email.as_str()),
            ("Zoe Lane", "zoe.lane@example.org"),
            "{}",
            p.body_text
        );
    }

    #[test]
    fn an_outlook_forward_and_a_forward_of_ones_own_message() {
        let raw = "From: Tal <tal@leadspace.com>\r\nSubject: FW: Loeschung\r\n\r\nFYI, see below.\r\n\
________________________________\r\nFrom: Reto Baumann <reto@example.ch>\r\nSent: Wednesday\r\n\
Subject: Loeschung meiner Daten\r\n\r\nBitte loeschen Sie meine Daten.\r\n";
        let p = parse_email("o.eml", raw.as_bytes()).unwrap();
        assert_eq!(
            (p.requester_email.as_str(), p.subject.as_str()),
            ("reto@example.ch", "Loeschung meiner Daten")
        );
        assert!(!p.body_text.contains("FYI"));
        let own =
            "From: Ana <ana@example.fr>\r\nSubject: TR: acces\r\n\r\nToujours rien, c'est inacceptable.\r\n\
-------- Message transféré --------\r\nDe : Ana <ana@example.fr>\r\n\r\nQuelles donnees avez-vous ?\r\n";
        let p = parse_email("t.eml", own.as_bytes()).unwrap();
        assert_eq!(p.requester_email, "ana@example.fr");
        assert!(p.body_text.contains("inacceptable") && p.body_text.contains("Quelles"), "{}", p.body_text);
    }

    #[test]
    fn attachment_names_never_become_paths() {
        use crate::intake::email::sanitize_name;
        assert_eq!(sanitize_name("../../etc/passwd"), "passwd");
        assert_eq!(sanitize_name("C:\\Windows\\evil.dll"), "evil.dll");
        assert_eq!(sanitize_name(".hidden"), "hidden");
        assert_eq!(sanitize_name("a\u{0}b:c.pdf"), "ab_c.pdf");
        assert_eq!(sanitize_name("../"), "attachment");
    }
}
