//! Import → request → statuses → audit, on real encrypted ledgers.

mod common;
use common::*;

use rightsdesk::desk::RequestFilter;
use rightsdesk::ledger::{KindOutcome, Outcome, RequestEdit};
use rightsdesk::rules::{Regime, RequestKind, Status};

const MARGARET: &str = "Margaret Okafor <m.okafor@example.net>";

#[test]
fn an_imported_email_becomes_a_ccpa_request_with_its_due_dates() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    // 15:00 UTC on Fri 6 Mar 2026 is 10:00 in New York: received that Friday.
    let f = write(
        dir.path(),
        "okafor.eml",
        email(
            MARGARET,
            "m1@example.net",
            "Fri, 06 Mar 2026 15:00:00 +0000",
            "Request to know",
            "Under the CCPA send me a copy of everything you hold. Quillfeather-7731.",
        ),
    );
    let summary = desk.import(std::slice::from_ref(&f)).unwrap();
    assert_eq!(summary.errors, vec![]);
    assert_eq!(summary.imported.len(), 1);
    let reference = &summary.imported[0].reference;
    assert_eq!(reference, "2026-0001");
    let d = desk.detail(reference).unwrap();
    assert_eq!(d.summary.requester_email, "m.okafor@example.net");
    assert_eq!(d.summary.requester_name, "Margaret Okafor");
    assert_eq!(d.summary.regime, Regime::Ccpa);
    assert_eq!(d.summary.kinds, vec![RequestKind::Access]);
    assert_eq!(d.summary.status, Status::Received);
    assert_eq!(d.summary.received_date.to_string(), "2026-03-06");
    // 10 business days after Fri 6 Mar -> Fri 20 Mar; 45 calendar days -> Mon 20 Apr.
    assert_eq!(d.summary.due.acknowledge_by.unwrap().to_string(), "2026-03-20");
    assert_eq!(d.summary.due.respond_by.to_string(), "2026-04-20");
    assert!(d.body_text.contains("Quillfeather-7731"));
    assert_eq!(d.timeline[0].action, "request.created");
}

#[test]
fn the_same_message_id_is_not_imported_twice() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let body = "Please delete my data.";
    let a = write(
        dir.path(),
        "a.eml",
        email(MARGARET, "same@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Delete", body),
    );
    let b = write(
        dir.path(),
        "b.eml",
        email(MARGARET, "same@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Delete", body),
    );
    let first = desk.import(&[a]).unwrap();
    let second = desk.import(std::slice::from_ref(&b)).unwrap();
    assert_eq!(second.imported, vec![]);
    assert_eq!(second.duplicates.len(), 1);
    assert_eq!(second.duplicates[0].reference, first.imported[0].reference);
    assert_eq!(second.duplicates[0].file, b.display().to_string());
    assert_eq!(desk.list(&RequestFilter::default()).unwrap().len(), 1);
}

#[test]
fn a_bad_file_is_named_and_the_rest_still_import() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let good1 = write(
        dir.path(),
        "good1.eml",
        email(MARGARET, "g1@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Access", "copy of my data"),
    );
    let junk = write(dir.path(), "junk.eml", "this is not an email at all");
    let empty = write(dir.path(), "empty.eml", "");
    let missing = dir.path().join("missing.eml");
    let good2 = write(
        dir.path(),
        "good2.eml",
        email("Z <z@example.org>", "g2@x", "Tue, 03 Nov 2026 10:00:00 +0000", "Delete", "delete me"),
    );
    let s = desk.import(&[good1, junk.clone(), empty.clone(), missing.clone(), good2]).unwrap();
    assert_eq!(s.imported.len(), 2, "{s:?}");
    assert_eq!(s.errors.len(), 3, "{s:?}");
    for (e, f) in s.errors.iter().zip([&junk, &empty, &missing]) {
        assert_eq!(e.file, f.display().to_string());
        assert!(e.error.contains(&f.display().to_string()), "error names the file: {}", e.error);
    }
    assert!(s.errors[0].error.contains("not an email"));
    assert!(s.errors[1].error.contains("empty"));
}

#[test]
fn status_moves_are_enforced_and_audited() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let f = write(
        dir.path(),
        "a.eml",
        email(MARGARET, "s@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Access", "copy"),
    );
    let r = desk.import(&[f]).unwrap().imported[0].reference.clone();
    let err = desk.set_status(&r, Status::Responded).unwrap_err();
    assert_eq!(err.code(), "rules");
    assert!(err.to_string().contains("received to responded"), "{err}");
    for s in [Status::Acknowledged, Status::Verifying, Status::InProgress, Status::Responded] {
        desk.set_status(&r, s).unwrap();
    }
    let err = desk.set_status(&r, Status::Closed).unwrap_err();
    assert!(err.to_string().contains("record how each kind ended"), "{err}");
    let done = KindOutcome { kind: RequestKind::Access, outcome: Outcome::Complied, basis: String::new() };
    desk.close(&r, &[done]).unwrap();
    let d = desk.detail(&r).unwrap();
    assert_eq!(d.summary.status, Status::Closed);
    assert!(d.allowed_next.is_empty());
    assert!(d.summary.next_due.is_none());
    let moves: Vec<_> =
        d.timeline.iter().filter(|e| e.action == "request.status").map(|e| e.detail.clone()).collect();
    assert_eq!(moves.first().map(String::as_str), Some("received → acknowledged"));
    assert_eq!(moves.len(), 5);
    assert!(desk.set_status(&r, Status::Received).is_err());
}

#[test]
fn edits_are_saved_and_audited() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let f = write(
        dir.path(),
        "a.eml",
        email(MARGARET, "e@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Access", "copy"),
    );
    let r = desk.import(&[f]).unwrap().imported[0].reference.clone();
    let edit = RequestEdit {
        requester_name: "Zoë Ødegaard".into(),
        postal_address: "1 Main St\nSan Diego, CA 92101".into(),
        kinds: vec![RequestKind::Deletion, RequestKind::Access],
        regime: Regime::Gdpr,
    };
    let d = desk.update(&r, &edit).unwrap();
    assert_eq!(d.summary.requester_name, "Zoë Ødegaard");
    assert_eq!(d.summary.kinds, vec![RequestKind::Access, RequestKind::Deletion]);
    assert_eq!(d.summary.regime, Regime::Gdpr);
    assert!(d.summary.due.acknowledge_by.is_none(), "GDPR has no acknowledgement clock");
    let last = d.timeline.last().unwrap();
    assert_eq!(last.action, "request.edited");
    assert!(
        last.detail.contains("regime policy → gdpr") || last.detail.contains("→ gdpr"),
        "{}",
        last.detail
    );
}

#[test]
fn the_list_is_filtered_searched_and_sorted_by_due_date() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let late = write(
        dir.path(),
        "late.eml",
        email(MARGARET, "l@x", "Mon, 02 Mar 2026 10:00:00 +0000", "Access", "California copy"),
    );
    let soon = write(
        dir.path(),
        "soon.eml",
        email(
            "Bob <bob@example.com>",
            "s@x",
            "Mon, 02 Feb 2026 10:00:00 +0000",
            "Delete",
            "California delete",
        ),
    );
    desk.import(&[late, soon]).unwrap();
    let all = desk.list(&RequestFilter::default()).unwrap();
    assert_eq!(all[0].requester_email, "bob@example.com", "the older receipt is due first");
    let found = desk.list(&RequestFilter { status: None, query: "okafor".into() }).unwrap();
    assert_eq!(found.len(), 1);
    let none = desk.list(&RequestFilter { status: Some(Status::Closed), query: String::new() }).unwrap();
    assert!(none.is_empty());
}

#[test]
fn no_plaintext_of_a_request_reaches_the_disk() {
    let dir = temp();
    let (mut desk, path) = new_desk(dir.path());
    let marker = "Zyxwvut-Plaintext-Canary-9917";
    let f = write(
        dir.path(),
        "p.eml",
        email(
            "Canary Person <canary.person@example.net>",
            "canary@x",
            "Mon, 02 Nov 2026 10:00:00 +0000",
            "Canary subject",
            &format!("Please delete {marker} now."),
        ),
    );
    desk.import(&[f]).unwrap();
    // Read while the connection is open so the WAL still holds the new pages.
    let bytes = ledger_bytes(&path);
    assert!(bytes.len() > 4096);
    for needle in [marker, "canary.person@example.net", "Canary subject", "canary@x"] {
        assert!(!contains(&bytes, needle), "{needle} found in the ledger files");
    }
    // Nothing else appeared beside the ledger and the source file.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.iter().all(|n| n == "p.eml" || n.starts_with("test.ledger")), "{names:?}");
}

#[test]
fn each_message_of_an_mbox_is_its_own_request_and_a_bad_one_is_named() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let one = email(MARGARET, "mb1@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Access", "a copy of my data");
    // mboxrd quoting: a body line starting with "From " is stored as ">From ".
    let two = email(
        "Bob <bob@example.com>",
        "mb2@x",
        "Tue, 03 Nov 2026 10:00:00 +0000",
        "Delete",
        "delete me\r\n>From the desk of Bob",
    );
    let mbox = format!(
        "From m.okafor@example.net Mon Nov  2 10:00:00 2026\n{one}\nFrom nobody Tue Nov  3 10:00:00 2026\nnot an email at all\n\nFrom bob@example.com Tue Nov  3 10:00:00 2026\n{two}\n"
    );
    let f = write(dir.path(), "inbox.mbox", mbox);
    let s = desk.import(std::slice::from_ref(&f)).unwrap();
    assert_eq!(s.imported.len(), 2, "{s:?}");
    assert_eq!(s.imported[0].file, format!("{}#1", f.display()));
    assert_eq!(s.imported[1].file, format!("{}#3", f.display()));
    assert_eq!(s.errors.len(), 1);
    assert!(
        s.errors[0].error.starts_with(&format!("{}#2: not an email", f.display())),
        "{}",
        s.errors[0].error
    );
    let bob = desk.detail(&s.imported[1].reference).unwrap();
    assert!(
        bob.body_text.contains("From the desk of Bob") && !bob.body_text.contains(">From"),
        "{}",
        bob.body_text
    );
    let empty = write(dir.path(), "empty.mbox", "");
    let s = desk.import(&[empty]).unwrap();
    assert!(s.errors[0].error.contains("no messages found"), "{s:?}");
}

#[test]
fn a_cancelled_import_keeps_what_it_did_and_names_the_rest() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let files: Vec<_> = (0..4)
        .map(|i| {
            write(
                dir.path(),
                &format!("{i}.eml"),
                email(MARGARET, &format!("c{i}@x"), "Mon, 02 Nov 2026 10:00:00 +0000", "Access", "copy"),
            )
        })
        .collect();
    let mut seen = Vec::new();
    let s = desk
        .import_with_progress(&files, &mut |p| {
            seen.push((p.done, p.total));
            p.done < 2
        })
        .unwrap();
    assert_eq!(seen, vec![(0, 4), (1, 4), (2, 4)]);
    assert_eq!(s.imported.len(), 2);
    assert_eq!(s.errors.len(), 2);
    assert!(s.errors.iter().all(|e| e.error.contains("cancelled")));
    assert_eq!(desk.list(&RequestFilter::default()).unwrap().len(), 2, "what was done before Cancel is kept");
}
