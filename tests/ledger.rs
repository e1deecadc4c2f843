//! The encrypted ledger file itself, on real SQLCipher files in temp dirs.

mod common;
use common::*;

use rightsdesk::desk::Desk;
use rightsdesk::ledger::{Ledger, LedgerError};

#[test]
fn create_then_unlock_and_wrong_passphrase_changes_nothing() {
    let dir = temp();
    let (desk, path) = new_desk(dir.path());
    drop(desk);
    let before = ledger_bytes(&path);
    let err = Ledger::open(&path, "not the right passphrase").unwrap_err();
    assert!(matches!(err, LedgerError::WrongPassphrase(_)), "{err:?}");
    assert_eq!(err.code(), "wrong_passphrase");
    assert!(err.to_string().contains("test.ledger"), "names the file: {err}");
    assert_eq!(before, ledger_bytes(&path), "a failed unlock must not write");
    Ledger::open(&path, PASS).expect("right passphrase opens");
}

#[test]
fn the_file_is_not_plain_sqlite() {
    let dir = temp();
    let (_desk, path) = new_desk(dir.path());
    let head = std::fs::read(&path).unwrap();
    assert!(!head.starts_with(b"SQLite format 3"), "the header must be encrypted");
}

#[test]
fn short_passphrases_and_existing_files_are_refused() {
    let dir = temp();
    let err = Desk::create(&dir.path().join("a.ledger"), "short", "t").unwrap_err();
    assert_eq!(err.code(), "weak_passphrase");
    let (_desk, path) = new_desk(dir.path());
    let err = Desk::create(&path, PASS, "t").unwrap_err();
    assert_eq!(err.code(), "ledger_exists");
    let err = Desk::open(&dir.path().join("missing.ledger"), PASS, "t").unwrap_err();
    assert_eq!(err.code(), "ledger_not_found");
}

#[test]
fn rekey_changes_the_passphrase() {
    let dir = temp();
    let (mut desk, path) = new_desk(dir.path());
    let next = "a whole new passphrase 2026";
    assert_eq!(desk.rekey("wrong current passphrase", next).unwrap_err().code(), "wrong_passphrase");
    desk.rekey(PASS, next).expect("rekey");
    drop(desk);
    assert_eq!(Ledger::open(&path, PASS).unwrap_err().code(), "wrong_passphrase");
    let desk = Desk::open(&path, next, "t").expect("new passphrase opens");
    assert!(desk.verify_audit().unwrap().ok);
}

#[test]
fn a_ledger_from_a_newer_build_is_refused_unchanged() {
    let dir = temp();
    let (desk, path) = new_desk(dir.path());
    desk.ledger().raw_connection_for_tests().pragma_update(None, "user_version", 999).unwrap();
    drop(desk);
    let before = ledger_bytes(&path);
    let err = Ledger::open(&path, PASS).unwrap_err();
    assert_eq!(err.code(), "ledger_too_new");
    assert!(err.to_string().contains("newer Rightsdesk"), "{err}");
    assert_eq!(before, ledger_bytes(&path));
}

#[test]
fn ledgers_authenticate_pages_with_hmac_sha256_and_earlier_ones_still_open() {
    let dir = temp();
    let (desk, _) = new_desk(dir.path());
    let hmac: String = desk
        .ledger()
        .raw_connection_for_tests()
        .query_row("PRAGMA cipher_hmac_algorithm", [], |r| r.get(0))
        .unwrap();
    assert_eq!(hmac, "HMAC_SHA256");
    // A ledger file as SQLCipher 4 makes it by default (HMAC-SHA512).
    let earlier = dir.path().join("earlier.ledger");
    let conn = rightsdesk::ledger::connect(&earlier, Default::default()).unwrap();
    conn.pragma_update(None, "key", PASS).unwrap();
    conn.execute_batch("CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('written before');").unwrap();
    drop(conn);
    let before = ledger_bytes(&earlier);
    assert_eq!(Ledger::open(&earlier, "not the right passphrase").unwrap_err().code(), "wrong_passphrase");
    assert_eq!(before, ledger_bytes(&earlier), "a failed unlock must not write");
    let ledger = Ledger::open(&earlier, PASS).expect("an earlier ledger opens");
    let note: String =
        ledger.raw_connection_for_tests().query_row("SELECT note FROM kept", [], |r| r.get(0)).unwrap();
    assert_eq!(note, "written before");
}
