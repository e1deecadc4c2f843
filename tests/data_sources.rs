//! Data sources in a real encrypted ledger: bad input reported line by line,
//! replacement and cancellation, row ids; then one request's pieces found,
//! redacted and exported, with nothing redacted left in the exported files.

mod common;

use std::path::Path;

use common::{contains, demo_desk, ledger_bytes, new_desk, reference_of, temp, write, PASS};
use rightsdesk::desk::{Desk, ManualRequest, PiecesFormat};
use rightsdesk::ledger::{Ledger, PieceDecision, RedactionChoice, VerificationOutcome};
use rightsdesk::redact::RedactionType;
use rightsdesk::rules::{Regime, RequestKind};
use rightsdesk::subject::Role;
use rightsdesk::verify::{DataPoint, PointKind, StepId};

const FIXTURE: &str = "tests/fixtures/subject";

fn audit_actions(path: &Path) -> Vec<String> {
    let ledger = Ledger::open(path, PASS).unwrap();
    let mut stmt =
        ledger.raw_connection_for_tests().prepare("SELECT action FROM audit_log ORDER BY seq").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn bad_lines_are_reported_and_the_rest_of_each_file_imports() {
    let dir = temp();
    let (mut desk, path) = new_desk(dir.path());
    let mut csv = b"\xEF\xBB\xBFcontact_id,name,email,note\n".to_vec();
    csv.extend_from_slice(b"C1,Ana Lima,ana@lima.example,\"first line\nsecond line\"\n");
    csv.extend_from_slice(b"C2,Bo Ek,bo@ek.example\n"); // short: padded
    csv.extend_from_slice(b"C3,Cy Oz,cy@oz.example,x,EXTRA\n"); // long: skipped
    csv.extend_from_slice(b"C4,Ren\xE9e Dupr\xE9,renee@dupre.example,caf\xE9\n"); // Windows-1252
    let csv = write(dir.path(), "contacts.csv", csv);
    let jsonl = write(dir.path(), "events.jsonl", "{\"event_id\":\"E1\",\"ip\":\"192.0.2.1\"}\n{broken\n{\"event_id\":\"E2\",\"visitor\":{\"id\":\"v-1\"}}\n");
    let empty = write(dir.path(), "empty.csv", "");
    let sheet = write(dir.path(), "book.xlsx", "PK\x03\x04");
    let summary = desk.import_sources(&[csv, jsonl, empty, sheet], None, &mut |_| true).unwrap();

    assert_eq!(summary.errors.len(), 2, "{:?}", summary.errors);
    assert!(
        summary.errors[0].contains("empty.csv") && summary.errors[0].contains("empty"),
        "{:?}",
        summary.errors
    );
    assert!(summary.errors[1].contains("book.xlsx"), "{:?}", summary.errors);
    let contacts = &summary.imported[0];
    assert_eq!(contacts.row_count, 3, "C1, C2 (padded) and C4 (recoded)");
    let lines: Vec<(u64, &str)> = contacts.problems.iter().map(|p| (p.line, p.what.as_str())).collect();
    assert!(lines.iter().any(|(l, w)| *l == 4 && w.contains("left empty")), "{lines:?}");
    assert!(lines.iter().any(|(l, w)| *l == 5 && w.contains("skipped")), "{lines:?}");
    assert!(lines.iter().any(|(l, w)| *l == 6 && w.contains("Windows-1252")), "{lines:?}");
    assert!(contacts.problems.iter().all(|p| p.file == "contacts.csv"));
    assert_eq!(contacts.columns[0].role, Role::RecordId);
    let events = &summary.imported[1];
    assert_eq!(events.row_count, 2);
    assert_eq!(events.problems[0].line, 2);
    assert!(events.problems[0].what.contains("broken JSON"));
    assert!(events.columns.iter().any(|c| c.name == "visitor.id" && c.role == Role::VisitorId));

    let sources = Ledger::open(&path, PASS).unwrap().load_sources().unwrap();
    let c = sources.iter().find(|s| s.name == "contacts.csv").unwrap();
    assert_eq!(c.rows[0].values[3], "first line\nsecond line");
    assert_eq!(c.rows[0].id, "C1");
    assert_eq!(c.rows[2].values[1], "Renée Dupré");
    drop(desk);
    let bytes = ledger_bytes(&path);
    assert!(
        !contains(&bytes, "ana@lima.example") && !contains(&bytes, "Ana Lima"),
        "plaintext in the ledger"
    );
}

#[test]
fn a_newer_export_replaces_the_source_and_a_cancelled_one_changes_nothing() {
    let dir = temp();
    let (mut desk, path) = new_desk(dir.path());
    let first = write(dir.path(), "crm.csv", "account_id,contact_id,name\nA1,C1,Ana Lima\nA1,C2,Bo Ek\n");
    desk.import_sources(&[first], None, &mut |_| true).unwrap();
    let sources = Ledger::open(&path, PASS).unwrap().load_sources().unwrap();
    // account_id repeats, so contact_id is the row id.
    assert_eq!(sources[0].rows[1].id, "C2");
    assert_eq!(sources[0].columns[1].role, Role::RecordId);

    let newer_dir = temp();
    let newer = write(newer_dir.path(), "crm.csv", "name,city\nAna Lima,Porto\nBo Ek,Oslo\nCy Oz,Lyon\n");
    let s = desk.import_sources(std::slice::from_ref(&newer), None, &mut |_| true).unwrap();
    assert_eq!(s.imported[0].row_count, 3);
    let sources = Ledger::open(&path, PASS).unwrap().load_sources().unwrap();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].rows[2].id, "3", "no id column: the row number");
    let actions = audit_actions(&path);
    assert!(
        actions.contains(&"data_source.imported".to_string())
            && actions.contains(&"data_source.replaced".to_string())
    );

    let big: String = std::iter::once("id,name\n".to_string())
        .chain((0..10_000).map(|i| format!("{i},Person {i}\n")))
        .collect();
    let big = write(newer_dir.path(), "crm.csv", big);
    let mut calls = 0;
    let s = desk
        .import_sources(&[big], None, &mut |_| {
            calls += 1;
            calls < 2
        })
        .unwrap();
    assert!(s.cancelled && s.imported.is_empty());
    assert_eq!(desk.sources().unwrap()[0].row_count, 3, "the cancelled import left the old source whole");

    desk.set_column_role("crm.csv", "city", Role::Other).unwrap();
    assert_eq!(desk.sources().unwrap()[0].columns[1].role, Role::Other);
    assert!(desk.set_column_role("nope.csv", "city", Role::Other).is_err());
    desk.remove_source("crm.csv").unwrap();
    assert!(desk.sources().unwrap().is_empty());
}

fn fixture_desk(dir: &Path) -> (Desk, std::path::PathBuf, String) {
    let (mut desk, path) = new_desk(dir);
    let files: Vec<_> = ["contacts.csv", "reps.csv", "events.jsonl", "notes.csv"]
        .iter()
        .map(|f| Path::new(FIXTURE).join(f))
        .collect();
    let s = desk.import_sources(&files, None, &mut |_| true).unwrap();
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    let mut profile = desk.profile().unwrap();
    profile.lookback_months = 0;
    desk.save_profile(&profile).unwrap();
    let reference = desk
        .new_request(
            &ManualRequest {
                channel: "web".into(),
                received: "2026-11-20".into(),
                requester_name: "Ainhoa Pérez de la Fuente".into(),
                requester_email: "perez-de-la-fuente.ainhoa@driftwood-software.example".into(),
                postal_address: String::new(),
                kinds: vec![RequestKind::Access],
                regime: Regime::Ccpa,
                note: String::new(),
            },
            &[],
        )
        .unwrap();
    // Verified at the level specific pieces need: three points and the declaration.
    let point = |kind, value: &str| DataPoint { kind, value: value.into(), to_correct: false };
    desk.set_verification_points(
        &reference,
        vec![
            point(PointKind::Email, "perez-de-la-fuente.ainhoa@driftwood-software.example"),
            point(PointKind::Phone, "1-303-555-0158"),
            point(PointKind::Company, "Driftwood Software"),
        ],
    )
    .unwrap();
    desk.set_verification_step(&reference, StepId::Declaration, true, "declaration received").unwrap();
    desk.decide_verification(&reference, VerificationOutcome::Verified, "three points and the declaration")
        .unwrap();
    (desk, path, reference)
}

#[test]
fn a_request_s_pieces_are_found_redacted_and_exported_without_a_trace_of_what_was_redacted() {
    let dir = temp();
    let (mut desk, path, reference) = fixture_desk(dir.path());
    let view = desk.find_pieces(&reference).unwrap();
    assert!(view.rows.len() >= 10, "{}", view.rows.len());
    assert!(view.rows.iter().all(|r| r.found.decision == PieceDecision::Pending));
    // Nothing can be exported before the officer confirms rows.
    assert!(desk.export_pieces(&reference, PiecesFormat::Json, &dir.path().join("x.json")).is_err());
    for r in &view.rows {
        desk.decide_piece_row(&reference, &r.found.source, r.found.number, true, "").unwrap();
    }
    assert!(
        desk.decide_piece_row(&reference, "notes.csv", view.rows[0].found.number, false, " ").is_err(),
        "rejecting needs a reason"
    );

    let view = desk.scan_redactions(&reference).unwrap();
    let kinds: std::collections::BTreeSet<RedactionType> = view.redactions.iter().map(|x| x.kind).collect();
    assert!(
        kinds.contains(&RedactionType::ThirdPartyName) && kinds.iter().any(|k| k.never_disclose()),
        "{kinds:?}"
    );
    // The officer rejects one name hit: that value is then disclosed.
    let rejected = view
        .redactions
        .iter()
        .find(|x| x.kind == RedactionType::ThirdPartyName && x.field == "owner")
        .unwrap()
        .clone();
    let view = desk
        .decide_redactions(
            &reference,
            RedactionChoice::One(rejected.id),
            false,
            "the account owner is public",
        )
        .unwrap();
    // A manual redaction in a note.
    let note = view.rows.iter().find(|r| r.found.source == "notes.csv").unwrap();
    let text_col = note.columns.iter().position(|c| c == "text").unwrap();
    let first_word: String = note.values[text_col].chars().take(4).collect();
    let view = desk
        .add_manual_redaction(
            &reference,
            "notes.csv",
            note.found.number,
            "text",
            (0, 4),
            RedactionType::Other,
            "manual: not about the requester",
        )
        .unwrap();
    assert!(view.redactions.iter().any(|x| x.detector == "manual" && x.text == first_word));

    // A second detector run keeps the decisions.
    let view = desk.scan_redactions(&reference).unwrap();
    assert!(view.redactions.iter().any(|x| x.id == rejected.id && x.decision == PieceDecision::Rejected));

    let json = dir.path().join("out.json");
    let csv = dir.path().join("out.csv");
    let done = desk.export_pieces(&reference, PiecesFormat::Json, &json).unwrap();
    assert_eq!(done.rows as usize, view.rows.len());
    desk.export_pieces(&reference, PiecesFormat::Csv, &csv).unwrap();
    for file in [&json, &csv] {
        let text = std::fs::read_to_string(file).unwrap();
        // JSON escapes non-ASCII as itself; also check the JSON-decoded form.
        let decoded =
            serde_json::from_str::<serde_json::Value>(&text).map(|v| v.to_string()).unwrap_or_default();
        for x in view.redactions.iter().filter(|x| x.decision != PieceDecision::Rejected) {
            // A kept value may appear elsewhere unredacted only if it is the same words in a field nobody flagged;
            // the fixture's values are distinctive enough that any trace is a leak.
            if x.text.chars().count() < 5 || x.text == rejected.text {
                continue;
            }
            assert!(
                !text.contains(&x.text) && !decoded.contains(&x.text),
                "{}: {:?} ({}) survived",
                file.display(),
                x.text,
                x.kind.as_str()
            );
        }
        assert!(text.contains(&rejected.text), "the rejected redaction's value is disclosed");
        assert!(text.contains("[redacted: third party]") && text.contains("[withheld:"));
    }
    let actions = audit_actions(&path);
    for a in [
        "pieces.found",
        "pieces.row_decided",
        "redactions.found",
        "redactions.decided",
        "redactions.manual",
        "pieces.exported",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} not audited");
    }
    drop(desk);
    let bytes = ledger_bytes(&path);
    assert!(!contains(&bytes, "Ainhoa") && !contains(&bytes, &rejected.text), "plaintext in the ledger");
}

#[test]
fn a_source_changed_after_review_blocks_the_export_until_redaction_runs_again() {
    let dir = temp();
    let (mut desk, _path, reference) = fixture_desk(dir.path());
    let view = desk.find_pieces(&reference).unwrap();
    for r in &view.rows {
        desk.decide_piece_row(&reference, &r.found.source, r.found.number, true, "").unwrap();
    }
    desk.scan_redactions(&reference).unwrap();
    // A newer notes export where every text differs.
    let notes = std::fs::read_to_string(Path::new(FIXTURE).join("notes.csv")).unwrap().replace("the", "teh");
    let newer = write(dir.path(), "notes.csv", notes);
    desk.import_sources(&[newer], None, &mut |_| true).unwrap();
    let err = desk.export_pieces(&reference, PiecesFormat::Json, &dir.path().join("o.json")).unwrap_err();
    assert!(err.to_string().contains("run the redaction again"), "{err}");
    assert!(!dir.path().join("o.json").exists(), "nothing half-written");
    desk.find_pieces(&reference).unwrap();
    desk.scan_redactions(&reference).unwrap();
    desk.export_pieces(&reference, PiecesFormat::Json, &dir.path().join("o.json")).unwrap();
}

#[test]
fn the_demo_ledger_finds_its_first_requester_and_not_her_namesake() {
    let dir = temp();
    let mut desk = demo_desk(dir.path());
    assert_eq!(desk.sources().unwrap().len(), 3);
    let reference = reference_of(&desk, "Margaret Okafor");
    // Dated relative to today: the default 12-month lookback keeps them all.
    let view = desk.find_pieces(&reference).unwrap();
    let mut got: Vec<&str> = view.rows.iter().map(|r| r.found.row_id.as_str()).collect();
    got.sort();
    assert_eq!(got, ["C1001", "E501", "E502", "E503", "N9001", "N9002", "N9003", "N9005"]);
    let n = view.rows.iter().find(|r| r.found.row_id == "N9003").unwrap().found.number;
    let view = desk.decide_piece_row(&reference, "sales-notes.csv", n, true, "").unwrap();
    assert_eq!(
        view.rows.iter().find(|r| r.found.row_id == "N9003").unwrap().found.decision,
        PieceDecision::Confirmed
    );
}
