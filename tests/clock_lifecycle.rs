//! Pauses, resumptions and extensions recorded on a real ledger, and the
//! `deadlines` command.

mod common;
use common::*;

use std::process::Command;

use chrono::{Duration, Utc};
use rightsdesk::desk::Desk;
use rightsdesk::rules::Status;

fn import(desk: &mut Desk, dir: &std::path::Path, id: &str, received: &str, body: &str) -> String {
    let f = write(
        dir,
        &format!("{id}.eml"),
        email("Siobhan Clarke <s.clarke@example.co.uk>", id, received, "SAR", body),
    );
    desk.import(&[f]).unwrap().imported[0].reference.clone()
}

#[test]
fn a_uk_pause_moves_the_due_date_and_is_audited() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    // Received Mon 2 Nov 2026 (UK GDPR): due Wed 2 Dec.
    let r = import(
        &mut desk,
        dir.path(),
        "uk1@x",
        "Mon, 02 Nov 2026 12:00:00 +0000",
        "Under the UK GDPR, a copy of my data.",
    );
    assert_eq!(desk.detail(&r).unwrap().summary.due.respond_by.to_string(), "2026-12-02");
    // Waiting for ID 10-12 Nov (resumed on the 13th): three paused days -> Sat 5 Dec -> Mon 7 Dec.
    desk.pause_clock(&r, "2026-11-10".parse().unwrap(), "awaiting proof of identity").unwrap();
    desk.resume_clock(&r, "2026-11-13".parse().unwrap(), "ID received").unwrap();
    let d = desk.detail(&r).unwrap();
    assert_eq!(d.summary.due.respond_by.to_string(), "2026-12-07");
    assert_eq!(d.clock.len(), 2);
    let actions: Vec<_> = d.timeline.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"clock.paused") && actions.contains(&"clock.resumed"), "{actions:?}");
    assert!(desk.verify_audit().unwrap().ok);
}

#[test]
fn bad_clock_changes_are_refused_and_change_nothing() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let ccpa = import(
        &mut desk,
        dir.path(),
        "ca@x",
        "Mon, 02 Nov 2026 12:00:00 +0000",
        "California: delete my data",
    );
    let err = desk.pause_clock(&ccpa, "2026-11-05".parse().unwrap(), "awaiting ID").unwrap_err();
    assert!(err.to_string().contains("does not allow pausing"), "{err}");
    let uk =
        import(&mut desk, dir.path(), "uk@x", "Mon, 02 Nov 2026 12:00:00 +0000", "UK GDPR access please");
    let err = desk.pause_clock(&uk, "2026-10-01".parse().unwrap(), "awaiting ID").unwrap_err();
    assert!(err.to_string().contains("outside the request's life"), "{err}");
    assert!(desk
        .pause_clock(&uk, "2026-11-05".parse().unwrap(), "  ")
        .unwrap_err()
        .to_string()
        .contains("reason"));
    assert!(desk
        .resume_clock(&uk, "2026-11-06".parse().unwrap(), "x")
        .unwrap_err()
        .to_string()
        .contains("not paused"));
    // An old request past its due date cannot be extended any more.
    let old =
        import(&mut desk, dir.path(), "old@x", "Mon, 05 Jan 2026 12:00:00 +0000", "UK GDPR access please");
    let err = desk.extend(&old, "complex request").unwrap_err();
    assert!(err.to_string().contains("by the due date 2026-02-05"), "{err}");
    for r in [&ccpa, &uk, &old] {
        assert!(desk.detail(r).unwrap().clock.is_empty(), "nothing recorded for {r}");
    }
}

#[test]
fn one_extension_moves_the_next_due_date() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let received = (Utc::now() - Duration::days(10)).format("%a, %d %b %Y 12:00:00 +0000").to_string();
    let r = import(&mut desk, dir.path(), "ext@x", &received, "California: send me a copy of my data");
    desk.set_status(&r, Status::Acknowledged).unwrap();
    let before = desk.detail(&r).unwrap().summary;
    assert!(before.due.extended_respond_by.is_none());
    desk.extend(&r, "the request covers many systems").unwrap();
    let after = desk.detail(&r).unwrap().summary;
    // CCPA: 45 more days after the original date.
    assert_eq!(after.due.extended_respond_by, Some(before.due.respond_by + Duration::days(45)));
    assert_eq!(after.next_due.unwrap().date, before.due.respond_by + Duration::days(45));
    let err = desk.extend(&r, "again").unwrap_err();
    assert!(err.to_string().contains("already been extended"), "{err}");
}

#[test]
fn deadlines_prints_every_date_as_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_rightsdesk"))
        .args([
            "deadlines",
            "--regime",
            "uk",
            "--received",
            "2026-01-06",
            "--pause",
            "2026-01-10..2026-01-19",
        ])
        .args(["--extended", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Worked in tests/clocks.rs: respond 16 Feb, extended 16 Apr, notice by 16 Feb.
    assert_eq!(
        v,
        serde_json::json!({
            "acknowledge_by": null,
            "respond_by": "2026-02-16",
            "extended_respond_by": "2026-04-16",
            "extension_notice_by": "2026-02-16",
            "opt_out_effective_by": null,
            "appeal_respond_by": null
        })
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_rightsdesk"))
        .args(["deadlines", "--regime", "ccpa", "--received", "2026-02-30", "--json"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("\"2026-02-30\" is not a date"));
}

#[test]
fn company_closure_days_from_settings_move_business_day_clocks() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let r = import(
        &mut desk,
        dir.path(),
        "cl@x",
        "Fri, 06 Mar 2026 15:00:00 +0000",
        "California: a copy of my data",
    );
    assert_eq!(desk.detail(&r).unwrap().summary.due.acknowledge_by.unwrap().to_string(), "2026-03-20");
    let mut profile = desk.profile().unwrap();
    profile.closure_days = vec!["2026-03-16".parse().unwrap()];
    desk.save_profile(&profile).unwrap();
    // One closure day inside the ten business days: Fri 20 -> Mon 23 Mar (tests/clocks.rs, last case).
    assert_eq!(desk.detail(&r).unwrap().summary.due.acknowledge_by.unwrap().to_string(), "2026-03-23");
    assert_eq!(
        desk.detail(&r).unwrap().summary.due.respond_by.to_string(),
        "2026-04-20",
        "calendar days ignore closures"
    );
}
