//! One RFC 5322 message → the fields a request needs. HTML bodies are turned
//! into text here and never leave this module as HTML.

use chrono::{DateTime, TimeZone, Utc};
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};
use sha2::{Digest, Sha256};

use super::IntakeError;

/// Largest attachment kept; a larger one is refused and the message kept without it.
/// The default largest attachment kept (a setting: `max_attachment_mb`).
pub const MAX_ATTACHMENT_BYTES: usize = 25 * 1024 * 1024;
/// What the parsers keep at most, whatever the setting: beyond this an
/// attachment is refused while the message is read.
pub const PARSER_MAX_ATTACHMENT_BYTES: usize = 100 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct ParsedEmail {
    pub message_id: String,
    /// Who sent this message (for a forward: the colleague who forwarded it).
    pub from_name: String,
    pub from_email: String,
    /// Who makes the request: the sender, the forwarded message's sender, or
    /// the Email field of a web-form notification.
    pub requester_name: String,
    pub requester_email: String,
    pub subject: String,
    pub sent_at: Option<DateTime<Utc>>,
    /// When it reached the company: the newest Received header, else the Date header.
    pub arrived_at: Option<DateTime<Utc>>,
    pub body_text: String,
    pub sha256: String,
    /// Message-IDs this one answers: In-Reply-To, then References, newest first.
    pub replies_to: Vec<String>,
    /// Sent by a machine: Auto-Submitted other than "no", or a bounce's sender.
    pub automatic: bool,
    /// Carries a List-Unsubscribe header, as newsletters do.
    pub bulk: bool,
    pub attachments: Vec<ParsedAttachment>,
    /// Attachments refused (over the size limit), each as a sentence.
    pub refused: Vec<String>,
    /// What parsing itself decided (forward, web form), as (field, because).
    pub notes: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct ParsedAttachment {
    pub name: String,
    pub mime: String,
    pub data: Vec<u8>,
}

impl ParsedEmail {
    pub fn in_reply_to(&self) -> Option<&String> {
        self.replies_to.first()
    }
}

fn to_utc(d: &mail_parser::DateTime) -> Option<DateTime<Utc>> {
    Utc.timestamp_opt(d.to_timestamp(), 0).single()
}

fn html_to_text(html: &str) -> String {
    html2text::from_read(html.as_bytes(), 100).unwrap_or_default()
}

fn bracket(id: &str) -> String {
    format!("<{}>", id.trim().trim_matches(|c| c == '<' || c == '>'))
}

/// A plain file name from whatever a sender put there: no directories, no
/// drive letters, no control characters, nothing hidden.
pub fn sanitize_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c })
        .collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    if clean.is_empty() {
        "attachment".into()
    } else {
        clean.chars().take(120).collect()
    }
}

fn address(a: Option<&mail_parser::Address<'_>>) -> Option<(String, String)> {
    let first = a?.first()?;
    let email = first.address().filter(|e| e.contains('@'))?.trim().to_lowercase();
    Some((first.name().unwrap_or_default().trim().to_string(), email))
}

fn ids(v: &HeaderValue<'_>) -> Vec<String> {
    match v {
        HeaderValue::Text(t) => vec![bracket(t)],
        HeaderValue::TextList(l) => l.iter().rev().map(|t| bracket(t)).collect(),
        _ => Vec::new(),
    }
}

pub fn parse_email(file: &str, raw: &[u8]) -> Result<ParsedEmail, IntakeError> {
    let not_email = |why: &str| IntakeError::NotAnEmail { file: file.to_string(), why: why.to_string() };
    if raw.contains(&0) {
        return Err(not_email("it contains binary data"));
    }
    let msg = MessageParser::default().parse(raw).ok_or_else(|| not_email("no message headers found"))?;
    if msg.from().is_none() {
        return Err(not_email("it has no From header"));
    }
    let (from_name, from_email) =
        address(msg.from()).ok_or_else(|| not_email("the From header has no email address"))?;
    let sha256 = hex::encode(Sha256::digest(raw));
    let message_id = msg
        .message_id()
        .map(bracket)
        // Without a Message-ID the content itself identifies the message.
        .unwrap_or_else(|| format!("<sha256-{sha256}@rightsdesk.invalid>"));
    let received = msg.header_values("Received").find_map(|v| match v {
        HeaderValue::Received(r) => r.date.as_ref().and_then(to_utc),
        _ => None,
    });
    let sent_at = msg.date().and_then(to_utc);
    let mut replies_to = ids(msg.in_reply_to());
    replies_to.extend(ids(msg.references()));
    let auto_submitted =
        msg.header_raw("Auto-Submitted").is_some_and(|v| !v.trim().eq_ignore_ascii_case("no"));
    let bounce_sender = ["mailer-daemon@", "postmaster@"].iter().any(|p| from_email.starts_with(p));
    let mut parsed = ParsedEmail {
        message_id,
        requester_name: from_name.clone(),
        requester_email: from_email.clone(),
        from_name,
        from_email,
        subject: msg.subject().unwrap_or_default().trim().to_string(),
        sent_at,
        arrived_at: received.or(sent_at),
        body_text: body_text(&msg),
        sha256,
        replies_to,
        automatic: auto_submitted || bounce_sender,
        bulk: msg.header_raw("List-Unsubscribe").is_some(),
        attachments: Vec::new(),
        refused: Vec::new(),
        notes: Vec::new(),
    };
    collect_attachments(file, &msg, &mut parsed);
    super::forwards::find_requester(&msg, &mut parsed);
    Ok(parsed)
}

fn collect_attachments(file: &str, msg: &mail_parser::Message<'_>, parsed: &mut ParsedEmail) {
    for part in msg.attachments() {
        let name = sanitize_name(part.attachment_name().unwrap_or("attachment"));
        let mime = part
            .content_type()
            .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("octet-stream")))
            .unwrap_or_else(|| "application/octet-stream".into())
            .to_lowercase();
        let data = part.contents();
        if data.len() > PARSER_MAX_ATTACHMENT_BYTES {
            parsed.refused.push(format!(
                "{file}: attachment {name:?} is {:.1} MB, over the {} MB limit; the message was kept without it",
                data.len() as f64 / 1_048_576.0,
                PARSER_MAX_ATTACHMENT_BYTES / 1_048_576
            ));
            continue;
        }
        parsed.attachments.push(ParsedAttachment { name, mime, data: data.to_vec() });
    }
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
