//! Closing with outcomes, the register and §7102 metrics, retention, frequency
//! limits and the fee path, on real ledgers.

mod common;
use common::*;

use std::process::Command;

use chrono::{Duration, Utc};
use rightsdesk::desk::Desk;
use rightsdesk::ledger::{FeeDecision, KindOutcome, Outcome};
use rightsdesk::letters::LetterKind;
use rightsdesk::rules::{RequestKind, Status};

fn import(
    desk: &mut Desk,
    dir: &std::path::Path,
    id: &str,
    from: &str,
    received: &str,
    body: &str,
) -> String {
    let f = write(dir, &format!("{id}.eml"), email(from, id, received, "Request", body));
    desk.import(&[f]).unwrap().imported[0].reference.clone()
}

fn answer(desk: &mut Desk, r: &str, last: Status) {
    for s in [Status::Acknowledged, Status::InProgress, last] {
        desk.set_status(r, s).unwrap();
    }
}

fn outcome(kind: RequestKind, outcome: Outcome, basis: &str) -> KindOutcome {
    KindOutcome { kind, outcome, basis: basis.into() }
}

#[test]
fn outcomes_feed_the_register_and_the_metrics() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let a = import(
        &mut desk,
        dir.path(),
        "m1@x",
        "A <a@example.com>",
        "Mon, 02 Nov 2026 12:00:00 +0000",
        "California: a copy of my data and delete it",
    );
    let b = import(
        &mut desk,
        dir.path(),
        "m2@x",
        "B <b@example.com>",
        "Tue, 03 Nov 2026 12:00:00 +0000",
        "California: delete my data",
    );
    let c = import(
        &mut desk,
        dir.path(),
        "m3@x",
        "C <c@example.com>",
        "Wed, 04 Nov 2026 12:00:00 +0000",
        "California: delete my data",
    );
    answer(&mut desk, &a, Status::Responded);
    let err = desk.close(&a, &[outcome(RequestKind::Access, Outcome::Complied, "")]).unwrap_err();
    assert!(err.to_string().contains("exactly one outcome for deletion"), "{err}");
    let err = desk
        .close(
            &a,
            &[
                outcome(RequestKind::Access, Outcome::Complied, ""),
                outcome(RequestKind::Deletion, Outcome::Denied, " "),
            ],
        )
        .unwrap_err();
    assert!(err.to_string().contains("give the basis"), "{err}");
    desk.close(
        &a,
        &[
            outcome(RequestKind::Access, Outcome::Complied, ""),
            outcome(RequestKind::Deletion, Outcome::Denied, "needed to complete a transaction"),
        ],
    )
    .unwrap();
    answer(&mut desk, &b, Status::Responded);
    desk.close(&b, &[outcome(RequestKind::Deletion, Outcome::Partial, "backups are kept 30 days")]).unwrap();
    desk.set_status(&c, Status::Withdrawn).unwrap();
    desk.set_status(&c, Status::Closed).unwrap();

    let reg = desk.register().unwrap();
    assert_eq!(reg.len(), 3);
    let ra = reg.iter().find(|r| r.reference == a).unwrap();
    assert_eq!(ra.channel, "email");
    assert!(ra.responded_on.is_some() && ra.closed_on.is_some());
    assert_eq!(reg.iter().find(|r| r.reference == c).unwrap().outcomes[0].outcome, Outcome::Withdrawn);

    let m = desk.metrics(2026).unwrap();
    let row = |right: &str| m.rows.iter().find(|r| r.right == right).unwrap().clone();
    let know = row("know");
    assert_eq!((know.received, know.complied, know.partial, know.denied), (1, 1, 0, 0));
    let delete = row("delete");
    assert_eq!((delete.received, delete.complied, delete.partial, delete.denied), (3, 0, 1, 1));
    assert_eq!(delete.denied_by_reason[0].reason, "needed to complete a transaction");
    assert_eq!(row("limit").received, 0);
    assert!(desk.metrics(2025).unwrap().rows.iter().all(|r| r.received == 0));
}

#[test]
fn retention_erases_personal_data_but_keeps_the_record_and_the_chain() {
    let dir = temp();
    let (mut desk, path) = new_desk(dir.path());
    let marker = "Retention-Canary-5531";
    let r = import(
        &mut desk,
        dir.path(),
        "old@x",
        "Old Person <old.person@example.com>",
        "Mon, 02 Nov 2026 12:00:00 +0000",
        &format!("California: a copy please. {marker}"),
    );
    let young = import(
        &mut desk,
        dir.path(),
        "young@x",
        "Young <young@example.com>",
        "Mon, 02 Nov 2026 12:00:00 +0000",
        "California: a copy please",
    );
    answer(&mut desk, &r, Status::Responded);
    desk.export_letter(&r, LetterKind::Acknowledgement, &Default::default(), &dir.path().join("ack.pdf"))
        .unwrap();
    desk.close(&r, &[outcome(RequestKind::Access, Outcome::Complied, "")]).unwrap();
    answer(&mut desk, &young, Status::Responded);
    desk.close(&young, &[outcome(RequestKind::Access, Outcome::Complied, "")]).unwrap();
    // Travel in time: the first request was closed 25 months ago.
    let long_ago = (Utc::now() - Duration::days(25 * 31)).date_naive().to_string();
    desk.ledger()
        .raw_connection_for_tests()
        .execute("UPDATE requests SET closed_on = ?2 WHERE reference = ?1", [&r, &long_ago])
        .unwrap();

    let dry = desk.retention_run(true).unwrap();
    assert_eq!(dry.items.iter().map(|i| i.reference.as_str()).collect::<Vec<_>>(), vec![r.as_str()]);
    assert_eq!(
        desk.detail(&r).unwrap().summary.requester_email,
        "old.person@example.com",
        "a dry run changes nothing"
    );

    let done = desk.retention_run(false).unwrap();
    assert_eq!(done.items.len(), 1);
    assert_eq!((done.items[0].messages, done.items[0].letters), (1, 1));
    let d = desk.detail(&r).unwrap();
    assert!(d.purged_on.is_some());
    assert_eq!(d.summary.requester_email, "");
    assert_eq!(d.body_text, "");
    assert_eq!(d.outcomes.len(), 1, "the record keeps its outcome");
    assert_eq!(d.letters[0].sha256.len(), 64, "the letter's digest stays");
    assert!(desk.ledger().letter_pdf(d.letters[0].id).unwrap().is_empty());
    assert!(desk.verify_audit().unwrap().ok, "the chain still verifies");
    assert!(desk
        .list(&Default::default())
        .unwrap()
        .iter()
        .all(|s| s.requester_email != "old.person@example.com"));
    assert_eq!(desk.detail(&young).unwrap().summary.requester_email, "young@example.com");
    // Looking inside with the key: no table still holds the message's words.
    let conn = desk.ledger().raw_connection_for_tests();
    for sql in [
        "SELECT count(*) FROM messages WHERE instr(raw, ?1) > 0 OR instr(body_text, ?1) > 0",
        "SELECT count(*) FROM audit_log WHERE instr(detail, ?1) > 0",
        "SELECT count(*) FROM requests WHERE instr(requester_email, 'old.person') > 0 AND ?1 <> ''",
    ] {
        let n: i64 = conn.query_row(sql, [marker], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{sql}");
    }
    drop(desk);
    let mut again = Desk::open(&path, PASS, "t").unwrap();
    assert!(again.retention_run(false).unwrap().items.is_empty(), "nothing is erased twice");
}

#[test]
fn a_third_access_request_in_a_year_is_flagged_and_can_be_answered_with_the_twice_letter() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let from = "Repeat Person <repeat@example.com>";
    let one = import(
        &mut desk,
        dir.path(),
        "r1@x",
        from,
        "Mon, 02 Mar 2026 12:00:00 +0000",
        "California: a copy of my data",
    );
    let two = import(
        &mut desk,
        dir.path(),
        "r2@x",
        from,
        "Mon, 06 Jul 2026 12:00:00 +0000",
        "California: a copy of my data",
    );
    let three = import(
        &mut desk,
        dir.path(),
        "r3@x",
        from,
        "Mon, 02 Nov 2026 12:00:00 +0000",
        "California: a copy of my data",
    );
    assert!(desk.detail(&two).unwrap().frequency.is_none());
    let note = desk.detail(&three).unwrap().frequency.unwrap();
    assert_eq!(note.earlier, vec![one.clone(), two.clone()]);
    let out = dir.path().join("twice.pdf");
    desk.export_letter(&three, LetterKind::AnsweredTwice, &Default::default(), &out).unwrap();
    let text =
        String::from_utf8(Command::new("pdftotext").arg(&out).arg("-").output().unwrap().stdout).unwrap();
    assert!(text.contains(&one) && text.contains(&two) && text.contains("twice"), "{text}");
    let err = desk
        .export_letter(&two, LetterKind::AnsweredTwice, &Default::default(), &dir.path().join("no.pdf"))
        .unwrap_err();
    assert!(err.to_string().contains("does not fit"), "{err}");
}

#[test]
fn the_fee_path_records_reasons_estimate_and_answer() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let r = import(
        &mut desk,
        dir.path(),
        "f@x",
        "F <f@example.com>",
        "Mon, 02 Nov 2026 12:00:00 +0000",
        "Under GDPR send me all my data",
    );
    assert!(desk.propose_fee(&r, "", 5000, "EUR").is_err());
    desk.propose_fee(&r, "the same request was answered last week", 5000, "eur").unwrap();
    assert!(desk
        .propose_fee(&r, "again", 5000, "EUR")
        .unwrap_err()
        .to_string()
        .contains("already been proposed"));
    let out = dir.path().join("fee.pdf");
    desk.export_letter(&r, LetterKind::FeeEstimate, &Default::default(), &out).unwrap();
    let text =
        String::from_utf8(Command::new("pdftotext").arg(&out).arg("-").output().unwrap().stdout).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("EUR 50.00") && text.contains("answered last week"), "{text}");
    desk.decide_fee(&r, false).unwrap();
    let fee = desk.detail(&r).unwrap().fee.unwrap();
    assert_eq!(fee.decision, FeeDecision::Declined);
    assert!(desk.decide_fee(&r, true).is_err(), "answered once");
}

#[test]
fn report_and_retention_commands() {
    let dir = temp();
    let ledger = dir.path().join("r.ledger");
    let run = |args: &[&str]| cli(&ledger, args);
    assert!(run(&["init"]).status.success());
    let f = write(
        dir.path(),
        "a.eml",
        email(
            "A <a@example.com>",
            "cli-m@x",
            "Mon, 02 Nov 2026 12:00:00 +0000",
            "R",
            "California: delete my data",
        ),
    );
    assert!(run(&["import", f.to_str().unwrap()]).status.success());
    for s in ["acknowledged", "in_progress", "responded"] {
        assert!(run(&["status", "2026-0001", s]).status.success());
    }
    let o = run(&["close", "2026-0001", "--outcome", "deletion=denied:needed for a transaction"]);
    assert!(o.status.success(), "{o:?}");
    let o = run(&["report", "metrics", "--year", "2026", "--csv"]);
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(
        csv.starts_with(
            "year,right,received,complied,complied_in_part,denied,denied_by_reason,median_days,mean_days\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("2026,delete,1,0,0,1,needed for a transaction: 1,"), "{csv}");
    let o = run(&["report", "register", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["outcomes"][0]["basis"], "needed for a transaction");
    let o = run(&["retention", "run", "--dry-run", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["dry_run"].clone(), v["items"].clone()), (serde_json::json!(true), serde_json::json!([])));
}
