//! The hash-chained audit log: it verifies, and tampering is detected and named.

mod common;
use common::*;

use rightsdesk::rules::Status;

fn desk_with_history(dir: &std::path::Path) -> rightsdesk::desk::Desk {
    let (mut desk, _) = new_desk(dir);
    let f = write(
        dir,
        "a.eml",
        email("A <a@example.com>", "a@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Access", "copy"),
    );
    let r = desk.import(&[f]).unwrap().imported[0].reference.clone();
    desk.set_status(&r, Status::Acknowledged).unwrap();
    desk.set_status(&r, Status::Verifying).unwrap();
    desk
}

#[test]
fn an_untouched_chain_verifies() {
    let dir = temp();
    let desk = desk_with_history(dir.path());
    let report = desk.verify_audit().unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.entries, 4);
    assert_eq!(report.message, "Audit chain verified (4 entries)");
}

#[test]
fn the_log_refuses_updates_and_deletes() {
    let dir = temp();
    let desk = desk_with_history(dir.path());
    let conn = desk.ledger().raw_connection_for_tests();
    assert!(conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2", []).is_err());
    assert!(conn.execute("DELETE FROM audit_log WHERE seq = 2", []).is_err());
}

#[test]
fn an_edited_row_is_detected_and_named() {
    let dir = temp();
    let desk = desk_with_history(dir.path());
    let conn = desk.ledger().raw_connection_for_tests();
    // An attacker with the key drops the guard and rewrites history.
    conn.execute_batch("DROP TRIGGER audit_log_no_update;").unwrap();
    conn.execute("UPDATE audit_log SET detail = 'acknowledged → closed' WHERE seq = 3", []).unwrap();
    let report = desk.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(report.first_broken, Some(3));
    assert!(report.message.contains("entry 3"), "{}", report.message);
}

#[test]
fn a_deleted_row_is_detected() {
    let dir = temp();
    let desk = desk_with_history(dir.path());
    let conn = desk.ledger().raw_connection_for_tests();
    conn.execute_batch("DROP TRIGGER audit_log_no_delete;").unwrap();
    conn.execute("DELETE FROM audit_log WHERE seq = 2", []).unwrap();
    let report = desk.verify_audit().unwrap();
    assert_eq!(report.first_broken, Some(2), "{report:?}");
}

#[test]
fn only_the_retention_purge_may_touch_a_detail_and_the_chain_still_holds() {
    let dir = temp();
    let desk = desk_with_history(dir.path());
    let conn = desk.ledger().raw_connection_for_tests();
    assert!(conn.execute("UPDATE audit_log SET detail = 'something else' WHERE seq = 2", []).is_err());
    assert!(conn
        .execute("UPDATE audit_log SET detail = ?1, actor = 'x' WHERE seq = 2", [rightsdesk::audit::PURGED])
        .is_err());
    conn.execute("UPDATE audit_log SET detail = ?1 WHERE seq = 2", [rightsdesk::audit::PURGED]).unwrap();
    let report = desk.verify_audit().unwrap();
    assert!(report.ok, "{report:?}");
}
