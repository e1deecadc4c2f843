//! Outlook `.msg` files (a Compound File of MAPI property streams), read
//! behind [`OutlookReader`] so another reader can replace this one.

use std::io::{Cursor, Read};

use chrono::{DateTime, Utc};
use mail_parser::{HeaderValue, MessageParser};
use sha2::{Digest, Sha256};

use super::email::{sanitize_name, ParsedAttachment, ParsedEmail, PARSER_MAX_ATTACHMENT_BYTES};
use super::IntakeError;

pub trait OutlookReader {
    fn read(&self, file: &str, raw: &[u8]) -> Result<ParsedEmail, IntakeError>;
}

/// Reads the MAPI properties it needs straight from the compound file.
pub struct CfbReader;

type Cfb<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

/// A string property: Unicode (`001F`) or, failing that, 8-bit (`001E`).
fn string_prop(c: &mut Cfb<'_>, dir: &str, tag: &str) -> Option<String> {
    if let Some(bytes) = stream(c, &format!("{dir}/__substg1.0_{tag}001F")) {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]])).collect();
        return Some(String::from_utf16_lossy(&units).trim_end_matches('\0').to_string());
    }
    stream(c, &format!("{dir}/__substg1.0_{tag}001E"))
        .map(|b| String::from_utf8_lossy(&b).trim_end_matches('\0').to_string())
}

fn stream(c: &mut Cfb<'_>, path: &str) -> Option<Vec<u8>> {
    let mut s = c.open_stream(path).ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).ok()?;
    Some(out)
}

fn header_date(headers: &str) -> (Option<String>, Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let Some(msg) = MessageParser::default().parse_headers(headers.as_bytes()) else {
        return (None, None, None);
    };
    let to_utc = |d: &mail_parser::DateTime| DateTime::from_timestamp(d.to_timestamp(), 0);
    let received = msg.header_values("Received").find_map(|v| match v {
        HeaderValue::Received(r) => r.date.as_ref().and_then(to_utc),
        _ => None,
    });
    (msg.message_id().map(str::to_string), msg.date().and_then(to_utc), received)
}

impl OutlookReader for CfbReader {
    fn read(&self, file: &str, raw: &[u8]) -> Result<ParsedEmail, IntakeError> {
        let not_msg = |why: &str| IntakeError::NotAnEmail { file: file.to_string(), why: why.to_string() };
        let mut c =
            cfb::CompoundFile::open(Cursor::new(raw)).map_err(|_| not_msg("not an Outlook .msg file"))?;
        let sender = string_prop(&mut c, "", "5D01")
            .or_else(|| string_prop(&mut c, "", "0C1F"))
            .filter(|e| e.contains('@'))
            .ok_or_else(|| not_msg("it has no sender email address"))?
            .trim()
            .to_lowercase();
        let name = string_prop(&mut c, "", "0C1A").unwrap_or_default().trim().to_string();
        let headers = string_prop(&mut c, "", "007D").unwrap_or_default();
        let (header_id, sent_at, received) = header_date(&headers);
        let sha256 = hex::encode(Sha256::digest(raw));
        let message_id = header_id
            .or_else(|| string_prop(&mut c, "", "1035"))
            .map(|id| format!("<{}>", id.trim().trim_matches(|c| c == '<' || c == '>')))
            .unwrap_or_else(|| format!("<sha256-{sha256}@rightsdesk.invalid>"));
        let mut attachments = Vec::new();
        let mut refused = Vec::new();
        for i in 0.. {
            let dir = format!("/__attach_version1.0_#{i:08X}");
            if !c.is_storage(&dir) {
                break;
            }
            let name = sanitize_name(
                &string_prop(&mut c, &dir, "3707")
                    .or_else(|| string_prop(&mut c, &dir, "3704"))
                    .unwrap_or_default(),
            );
            let data = stream(&mut c, &format!("{dir}/__substg1.0_37010102")).unwrap_or_default();
            if data.len() > PARSER_MAX_ATTACHMENT_BYTES {
                refused.push(format!(
                    "{file}: attachment {name:?} is over the size limit; the message was kept without it"
                ));
                continue;
            }
            let mime = string_prop(&mut c, &dir, "370E").unwrap_or_else(|| "application/octet-stream".into());
            attachments.push(ParsedAttachment { name, mime, data });
        }
        Ok(ParsedEmail {
            message_id,
            requester_name: name.clone(),
            requester_email: sender.clone(),
            from_name: name,
            from_email: sender,
            subject: string_prop(&mut c, "", "0037").unwrap_or_default().trim().to_string(),
            sent_at,
            arrived_at: received.or(sent_at),
            body_text: string_prop(&mut c, "", "1000").unwrap_or_default().trim().to_string(),
            sha256,
            replies_to: Vec::new(),
            automatic: false,
            bulk: false,
            attachments,
            refused,
            notes: vec![("format".into(), "read from an Outlook .msg file".into())],
        })
    }
}
