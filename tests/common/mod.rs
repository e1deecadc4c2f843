#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rightsdesk::desk::Desk;

pub const PASS: &str = "correct horse battery staple";

pub fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

pub fn new_desk(dir: &Path) -> (Desk, PathBuf) {
    let path = dir.join("test.ledger");
    let desk = Desk::create(&path, PASS, "tester").expect("create ledger");
    (desk, path)
}

/// The demo ledger, as "Open the demo" makes it.
pub fn demo_desk(dir: &Path) -> Desk {
    Desk::create_demo(&dir.join("demo.ledger"), "tester").expect("create the demo ledger")
}

/// The reference of the request made by `requester`.
pub fn reference_of(desk: &Desk, requester: &str) -> String {
    let list = desk.list(&Default::default()).expect("list requests");
    list.into_iter().find(|r| r.requester_name == requester).expect("a request from them").reference
}

/// A minimal request email; `received` is an RFC 2822 date.
pub fn email(from: &str, message_id: &str, received: &str, subject: &str, body: &str) -> String {
    format!(
        "Received: from mx.example.net by mx.leadspace.com; {received}\r\n\
         From: {from}\r\nTo: compliance_privacy@leadspace.com\r\nSubject: {subject}\r\n\
         Date: {received}\r\nMessage-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
}

pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).expect("write fixture");
    p
}

/// Everything written next to the ledger: the file and its -wal/-shm companions.
pub fn ledger_bytes(path: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        if let Ok(b) = std::fs::read(PathBuf::from(p)) {
            all.extend(b);
        }
    }
    all
}

pub fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Run the real binary on `ledger` with the test passphrase.
pub fn cli(ledger: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_rightsdesk"))
        .arg("--ledger")
        .arg(ledger)
        .args(args)
        .env("RIGHTSDESK_PASSPHRASE", PASS)
        .env_remove("RIGHTSDESK_NEW_PASSPHRASE")
        .output()
        .expect("run rightsdesk")
}
