//! One RFC 5322 message → the fields a request needs. HTML bodies are turned
//! into text here and never leave this module as HTML.

use chrono::{DateTime, TimeZone, Utc};
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};
use sha2::{Digest, Sha256};

use super::IntakeError;

#[derive(Debug, Clone)]
pub struct ParsedEmail {
    pub message_id: String,
    pub from_name: String,
    pub from_email: String,
    pub subject: String,
    pub sent_at: Option<DateTime<Utc>>,
    /// When it reached the company: the newest Received header, else the Date header.
    pub arrived_at: Option<DateTime<Utc>>,
    pub body_text: String,
    pub sha256: String,
    /// The first Message-ID this one answers (In-Reply-To, else the last of References).
    pub in_reply_to: Option<String>,
    /// Sent by a machine: Auto-Submitted other than "no", or a bounce's sender.
    pub automatic: bool,
    /// Carries a List-Unsubscribe header, as newsletters do.
    pub bulk: bool,
}

fn to_utc(d: &mail_parser::DateTime) -> Option<DateTime<Utc>> {
    Utc.timestamp_opt(d.to_timestamp(), 0).single()
}

fn html_to_text(html: &str) -> String {
    html2text::from_read(html.as_bytes(), 100).unwrap_or_default()
}

pub fn parse_email(file: &str, raw: &[u8]) -> Result<ParsedEmail, IntakeError> {
    let not_email = |why: &str| IntakeError::NotAnEmail { file: file.to_string(), why: why.to_string() };
    if raw.contains(&0) {
        return Err(not_email("it contains binary data"));
    }
    let msg = MessageParser::default().parse(raw).ok_or_else(|| not_email("no message headers found"))?;
    let from = msg.from().and_then(|a| a.first()).ok_or_else(|| not_email("it has no From header"))?;
    let from_email = from
        .address()
        .filter(|a| a.contains('@'))
        .ok_or_else(|| not_email("the From header has no email address"))?
        .trim()
        .to_lowercase();
    let sha256 = hex::encode(Sha256::digest(raw));
    let message_id = msg
        .message_id()
        .map(|id| format!("<{}>", id.trim_matches(|c| c == '<' || c == '>')))
        // Without a Message-ID the content itself identifies the message.
        .unwrap_or_else(|| format!("<sha256-{sha256}@rightsdesk.invalid>"));
    let received = msg.header_values("Received").find_map(|v| match v {
        HeaderValue::Received(r) => r.date.as_ref().and_then(to_utc),
        _ => None,
    });
    let sent_at = msg.date().and_then(to_utc);
    let first_id = |v: &HeaderValue<'_>| match v {
        HeaderValue::Text(t) => Some(t.to_string()),
        HeaderValue::TextList(l) => l.last().map(|t| t.to_string()),
        _ => None,
    };
    let in_reply_to = first_id(msg.in_reply_to())
        .or_else(|| first_id(msg.references()))
        .map(|id| format!("<{}>", id.trim_matches(|c| c == '<' || c == '>')));
    let auto_submitted =
        msg.header_raw("Auto-Submitted").is_some_and(|v| !v.trim().eq_ignore_ascii_case("no"));
    let bounce_sender = ["mailer-daemon@", "postmaster@"].iter().any(|p| from_email.starts_with(p));
    Ok(ParsedEmail {
        message_id,
        from_name: from.name().unwrap_or_default().trim().to_string(),
        from_email,
        subject: msg.subject().unwrap_or_default().trim().to_string(),
        sent_at,
        arrived_at: received.or(sent_at),
        body_text: body_text(&msg),
        sha256,
        in_reply_to,
        automatic: auto_submitted || bounce_sender,
        bulk: msg.header_raw("List-Unsubscribe").is_some(),
    })
}

/// The first text/plain body; failing that, the first HTML body as text.
fn body_text(msg: &mail_parser::Message<'_>) -> String {
    let plain =
        msg.text_bodies().find(|p| !p.is_content_type("text", "html")).and_then(|p| p.text_contents());
    if let Some(text) = plain {
        return text.trim().to_string();
    }
    msg.html_bodies()
        .find_map(|p| p.text_contents())
        .map(|h| html_to_text(h).trim().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_only_mail_becomes_text_without_markup() {
        let raw = b"From: A <a@example.com>\r\nSubject: hi\r\nMessage-ID: <x@y>\r\n\
Content-Type: text/html\r\n\r\n<p>Please <b>delete</b> me<script>alert(1)</script></p>";
        let p = parse_email("a.eml", raw).unwrap();
        assert!(p.body_text.contains("delete"), "{}", p.body_text);
        assert!(!p.body_text.contains("<b>") && !p.body_text.contains("<script"));
        assert_eq!(p.message_id, "<x@y>");
    }

    #[test]
    fn garbage_is_named_and_refused() {
        let e = parse_email("junk.eml", b"just some words\nnot headers").unwrap_err();
        assert!(e.to_string().starts_with("junk.eml: not an email"), "{e}");
    }
}
