//! Outlook .msg files, built here as real compound files with the MAPI
//! property streams Outlook writes.

mod common;
use common::*;

use std::io::{Cursor, Write};

use rightsdesk::rules::{Regime, RequestKind};

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

fn msg_file(props: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut c = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    c.create_storage("/__attach_version1.0_#00000000").unwrap();
    for (path, data) in props {
        c.create_stream(path).unwrap().write_all(data).unwrap();
    }
    c.flush().unwrap();
    c.into_inner().into_inner()
}

#[test]
fn an_outlook_message_becomes_a_request_with_its_attachment() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let headers = "Received: from mx by mx.leadspace.com; Mon, 02 Nov 2026 15:00:00 +0000\r\n\
                   Message-ID: <outlook-1@example.com>\r\nDate: Mon, 02 Nov 2026 14:59:00 +0000\r\n\r\n";
    let bytes = msg_file(&[
        ("/__substg1.0_0037001F", utf16("Löschung meiner Daten")),
        ("/__substg1.0_0C1A001F", utf16("Jürgen Müller")),
        ("/__substg1.0_5D01001F", utf16("J.Mueller@Example.de")),
        ("/__substg1.0_1000001F", utf16("Nach Art. 17 DSGVO bitte ich um Löschung meiner Daten.")),
        ("/__substg1.0_007D001F", utf16(headers)),
        ("/__attach_version1.0_#00000000/__substg1.0_3707001F", utf16("..\\..\\Vollmacht.pdf")),
        ("/__attach_version1.0_#00000000/__substg1.0_37010102", b"%PDF-1.4 authorisation".to_vec()),
    ]);
    let f = write(dir.path(), "request.msg", &bytes);
    let s = desk.import(std::slice::from_ref(&f)).unwrap();
    assert_eq!(s.errors, vec![]);
    let d = desk.detail(&s.imported[0].reference).unwrap();
    assert_eq!(d.summary.requester_email, "j.mueller@example.de");
    assert_eq!(d.summary.requester_name, "Jürgen Müller");
    assert_eq!((d.summary.kinds.clone(), d.summary.regime), (vec![RequestKind::Deletion], Regime::Gdpr));
    assert_eq!(d.summary.received_date.to_string(), "2026-11-02");
    assert_eq!(d.message_id.as_deref(), Some("<outlook-1@example.com>"));
    assert_eq!(d.thread[0].attachments[0].name, "Vollmacht.pdf");
    // Kept once, inside the raw message; taken from it again, checked by its SHA-256.
    let (name, bytes) = desk.attachment(d.thread[0].attachments[0].id).unwrap();
    assert_eq!((name.as_str(), bytes.as_slice()), ("Vollmacht.pdf", &b"%PDF-1.4 authorisation"[..]));
    let again = desk.import(&[f]).unwrap();
    assert_eq!(again.duplicates.len(), 1, "same Message-ID from the transport headers");
}

#[test]
fn a_file_that_is_not_a_compound_file_is_named() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let f = write(dir.path(), "fake.msg", "From: x@y\r\n\r\nnot outlook");
    let s = desk.import(std::slice::from_ref(&f)).unwrap();
    assert_eq!(s.errors[0].error, format!("{}: not an email: not an Outlook .msg file", f.display()));
}
