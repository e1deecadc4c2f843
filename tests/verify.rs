//! Identity verification on real encrypted ledgers: the level for every
//! regime and kind, matching offered data points against the data held (with
//! a namesake in the data), agents and parents, the block on specific pieces,
//! the downgrade, abandonment, and never asking ID for an opt-out.

mod common;

use common::{cli, new_desk, temp};
use rightsdesk::desk::{Desk, ManualRequest, PiecesFormat};
use rightsdesk::ledger::VerificationOutcome;
use rightsdesk::rules::{Regime, RequestKind};
use rightsdesk::verify::{kind_level, plan, DataPoint, Level, MatchStatus, OnBehalf, PointKind, StepId};

#[test]
fn the_level_for_every_regime_and_kind() {
    use Level::*;
    use RequestKind as K;
    for regime in Regime::ALL {
        let eu = matches!(regime, Regime::Gdpr | Regime::Uk);
        for kind in RequestKind::ALL {
            let want = match kind {
                K::OptOutSale
                | K::OptOutSharing
                | K::Unsubscribe
                | K::Objection
                | K::Appeal
                | K::Complaint => None,
                _ if eu => Proportionate,
                K::Access | K::Portability => ThreePointsDeclaration,
                K::Deletion | K::Correction => TwoPoints,
            };
            assert_eq!(kind_level(regime, kind, false), want, "{regime:?} {kind:?}");
        }
        let sensitive_deletion = kind_level(regime, K::Deletion, true);
        assert_eq!(sensitive_deletion, if eu { Proportionate } else { ThreePointsDeclaration }, "{regime:?}");
    }
    // A request's level is its most demanding kind's.
    assert_eq!(
        plan(Regime::Ccpa, &[K::OptOutSale, K::Access], Option::None, false).level,
        ThreePointsDeclaration
    );
    assert_eq!(plan(Regime::Ccpa, &[K::OptOutSale, K::Unsubscribe], Option::None, false).level, None);
    assert!(
        plan(Regime::Ccpa, &[K::OptOutSale], Some(OnBehalf::Agent), false).steps.is_empty(),
        "no steps for an opt-out, even from an agent"
    );
    let p = plan(Regime::Gdpr, &[K::Access], Some(OnBehalf::Parent), false);
    assert_eq!(p.steps, [StepId::KnownAddress, StepId::ParentalAuthority]);
    assert!(p.pause_allowed);
}

fn request(desk: &mut Desk, name: &str, email: &str, kinds: Vec<RequestKind>, regime: Regime) -> String {
    let form = ManualRequest {
        channel: "web".into(),
        received: "2026-11-20".into(),
        requester_name: name.into(),
        requester_email: email.into(),
        postal_address: String::new(),
        kinds,
        regime,
        note: String::new(),
    };
    desk.new_request(&form, &[]).unwrap()
}

fn point(kind: PointKind, value: &str) -> DataPoint {
    DataPoint { kind, value: value.into(), to_correct: false }
}

/// A ledger with the demo's sample exports: Margaret Okafor at Brightline, and
/// a namesake at Harborview Foods in London.
fn desk_with_sources(dir: &std::path::Path) -> Desk {
    let (mut desk, _) = new_desk(dir);
    let demo = Desk::create_demo(&dir.join("demo.ledger"), "tester").unwrap();
    drop(demo);
    // The sample exports, read back from the demo ledger through the CLI would
    // need its passphrase; import the same files from the source tree instead.
    let files: Vec<_> = ["crm-contacts.csv", "marketing-events.jsonl", "sales-notes.csv"]
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(format!("src-tauri/desk/demo/{f}")).unwrap();
            let dated = text.replace("{{-", "").replace("}}", "");
            // "{{-291}}" becomes "291": not a date, so no lookback applies.
            let p = dir.join(f);
            std::fs::write(&p, dated).unwrap();
            p
        })
        .collect();
    desk.import_sources(&files, None, &mut |_| true).unwrap();
    desk
}

#[test]
fn offered_points_match_the_data_held_and_the_namesake_s_do_not() {
    let dir = temp();
    let mut desk = desk_with_sources(dir.path());
    let r = request(
        &mut desk,
        "Margaret Okafor",
        "m.okafor@example.net",
        vec![RequestKind::Access],
        Regime::Ccpa,
    );
    let v = desk
        .set_verification_points(
            &r,
            vec![
                point(PointKind::Email, "M.Okafor@example.net"),
                point(PointKind::Phone, "+1 916 555 0142"),
                point(PointKind::Company, "Brightline Logistics, Inc."),
                // The namesake's phone and employer: not hers.
                point(PointKind::Phone, "+44 20 7946 0321"),
                point(PointKind::Company, "Harborview Foods"),
                point(PointKind::JobTitle, "Director of Operations"),
                DataPoint { kind: PointKind::AccountId, value: "C1001".into(), to_correct: true },
            ],
        )
        .unwrap();
    let status: Vec<MatchStatus> = v.matches.iter().map(|m| m.status).collect();
    use MatchStatus::*;
    assert_eq!(
        status,
        [Matched, Matched, Partial, Unmatched, Unmatched, Partial, NotCounted],
        "{:#?}",
        v.matches
    );
    assert_eq!(v.matches[0].row_id.as_deref(), Some("C1001"));
    assert_eq!(v.points_counted, 2);
    assert!(!v.reached);
    // The officer accepts the company with its legal suffix.
    let v = desk.accept_partial_point(&r, 2, true, "same company, with its legal suffix").unwrap();
    assert_eq!(v.points_counted, 3);
    assert!(!v.reached, "three points, but no declaration yet");
    assert!(desk.decide_verification(&r, VerificationOutcome::Verified, "looks fine").is_err());
    let v = desk.set_verification_step(&r, StepId::Declaration, true, "signed declaration received").unwrap();
    assert!(v.reached);
    desk.decide_verification(&r, VerificationOutcome::Verified, "three points and the declaration").unwrap();
}

#[test]
fn specific_pieces_wait_for_verification_and_a_partial_one_downgrades_to_categories() {
    let dir = temp();
    let mut desk = desk_with_sources(dir.path());
    let r = request(
        &mut desk,
        "Margaret Okafor",
        "m.okafor@example.net",
        vec![RequestKind::Access],
        Regime::Ccpa,
    );
    let view = desk.find_pieces(&r).unwrap();
    for row in &view.rows {
        desk.decide_piece_row(&r, &row.found.source, row.found.number, true, "").unwrap();
    }
    desk.scan_redactions(&r).unwrap();
    let out = dir.path().join("pieces.json");
    let err = desk.export_pieces(&r, PiecesFormat::Json, &out).unwrap_err().to_string();
    assert!(err.contains("three_points_declaration"), "{err}");
    assert!(!out.exists());

    desk.set_verification_points(
        &r,
        vec![point(PointKind::Email, "m.okafor@example.net"), point(PointKind::Phone, "9165550142")],
    )
    .unwrap();
    desk.decide_verification(&r, VerificationOutcome::PartlyVerified, "two points only; categories instead")
        .unwrap();
    let err = desk.export_pieces(&r, PiecesFormat::Json, &out).unwrap_err().to_string();
    assert!(err.contains("§7024(a)–(b)"), "{err}");

    let mut points = desk.verification(&r).unwrap().record.points;
    points.push(point(PointKind::Company, "Brightline Logistics"));
    desk.set_verification_points(&r, points).unwrap();
    desk.set_verification_step(&r, StepId::Declaration, true, "declaration received").unwrap();
    desk.decide_verification(&r, VerificationOutcome::Verified, "now three points and the declaration")
        .unwrap();
    desk.export_pieces(&r, PiecesFormat::Json, &out).unwrap();
}

#[test]
fn agents_need_permission_and_the_consumer_or_a_power_of_attorney_and_parents_need_authority() {
    let dir = temp();
    let mut desk = desk_with_sources(dir.path());
    let r = request(
        &mut desk,
        "Margaret Okafor",
        "m.okafor@example.net",
        vec![RequestKind::Deletion],
        Regime::Ccpa,
    );
    desk.set_on_behalf(&r, Some(OnBehalf::Agent), "sent by Privacy Helpers Agency").unwrap();
    let two = vec![
        point(PointKind::Email, "m.okafor@example.net"),
        point(PointKind::Company, "Brightline Logistics"),
    ];
    let v = desk.set_verification_points(&r, two).unwrap();
    assert_eq!(v.plan.steps, [StepId::Points, StepId::AgentPermission, StepId::ConsumerConfirms]);
    assert!(!v.reached);
    let v =
        desk.set_verification_step(&r, StepId::AgentPermission, true, "signed permission attached").unwrap();
    assert!(!v.reached, "the consumer has not confirmed");
    let v = desk.set_verification_step(&r, StepId::ConsumerConfirms, true, "she confirmed by phone").unwrap();
    assert!(v.reached);
    // A power of attorney replaces both.
    desk.set_verification_step(&r, StepId::AgentPermission, false, "permission was unsigned").unwrap();
    desk.set_verification_step(&r, StepId::ConsumerConfirms, false, "withdrawn").unwrap();
    let v =
        desk.set_verification_step(&r, StepId::PowerOfAttorney, true, "power of attorney on file").unwrap();
    assert!(v.reached);

    let p = request(
        &mut desk,
        "Margaret Okafor",
        "m.okafor@example.net",
        vec![RequestKind::Access],
        Regime::Gdpr,
    );
    let v = desk.set_on_behalf(&p, Some(OnBehalf::Parent), "a parent for a child").unwrap();
    assert_eq!(v.plan.level, Level::Proportionate);
    let v =
        desk.set_verification_step(&p, StepId::KnownAddress, true, "sent from the address on file").unwrap();
    assert!(!v.reached, "proof of parental authority is missing");
    let v =
        desk.set_verification_step(&p, StepId::ParentalAuthority, true, "birth certificate seen").unwrap();
    assert!(v.reached);
}

#[test]
fn an_opt_out_never_asks_for_id_and_silence_leads_to_abandonment() {
    let dir = temp();
    let mut desk = desk_with_sources(dir.path());
    let o = request(
        &mut desk,
        "Zoë Ødegaard",
        "zoe@odegaard.example",
        vec![RequestKind::OptOutSale],
        Regime::Ccpa,
    );
    let v = desk.verification(&o).unwrap();
    assert_eq!(v.plan.level, Level::None);
    assert!(v.reached, "nothing to verify");
    assert!(desk.set_verification_points(&o, vec![point(PointKind::Email, "zoe@odegaard.example")]).is_err());
    assert!(desk
        .mark_verification_asked(&o, chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap())
        .is_err());
    assert!(desk.set_verification_step(&o, StepId::Declaration, true, "x").is_err());

    let r = request(
        &mut desk,
        "Margaret Okafor",
        "m.okafor@example.net",
        vec![RequestKind::Access],
        Regime::Ccpa,
    );
    assert!(
        desk.decide_verification(&r, VerificationOutcome::Abandoned, "no answer").is_err(),
        "nothing was asked"
    );
    let long_ago = desk.today().unwrap() - chrono::Duration::days(31);
    let v = desk.mark_verification_asked(&r, long_ago).unwrap();
    assert!(v.abandon_due);
    let v = desk.decide_verification(&r, VerificationOutcome::Abandoned, "no answer in 30 days").unwrap();
    assert_eq!(v.record.outcome, Some(VerificationOutcome::Abandoned));
    assert!(!v.abandon_due);
}

#[test]
fn the_command_line_prints_the_plan_and_the_matches() {
    let dir = temp();
    let mut desk = desk_with_sources(dir.path());
    let r = request(
        &mut desk,
        "Margaret Okafor",
        "m.okafor@example.net",
        vec![RequestKind::Access],
        Regime::Ccpa,
    );
    drop(desk);
    let ledger = dir.path().join("test.ledger");
    let out = cli(&ledger, &["verify", "plan", &r, "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["level"], "three_points_declaration");
    assert_eq!(v["steps"][0]["id"], "points");
    assert_eq!(v["steps"][1]["id"], "declaration");
    let out = cli(
        &ledger,
        &["verify", "points", &r, "--point", "email=m.okafor@example.net", "--point", "phone=916-555-0142"],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = cli(&ledger, &["verify", "match", &r, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["points"][0]["status"], "matched");
    assert_eq!(v["counted"], 2);
    assert_eq!(v["needed"], 3);
    let out = cli(&ledger, &["verify", "decide", &r, "verified", "--reason", "looks fine"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has not reached"));
}

fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_verification_letters_say_what_is_needed_why_it_failed_and_that_the_request_closed() {
    use rightsdesk::letters::LetterKind;
    let dir = temp();
    let mut desk = desk_with_sources(dir.path());
    let r = request(
        &mut desk,
        "Margaret Okafor",
        "m.okafor@example.net",
        vec![RequestKind::Access, RequestKind::Deletion],
        Regime::Ccpa,
    );
    desk.set_on_behalf(&r, Some(OnBehalf::Agent), "sent by an agency").unwrap();
    desk.set_verification_points(&r, vec![point(PointKind::Email, "m.okafor@example.net")]).unwrap();
    let today = desk.today().unwrap();
    desk.mark_verification_asked(&r, today).unwrap();
    let ask = dir.path().join("ask.pdf");
    desk.export_letter(&r, LetterKind::VerificationRequest, &Default::default(), &ask).unwrap();
    let text = pdf_text(&ask);
    for want in [
        "Two pieces of information",
        "penalty of perjury",
        "signed permission",
        "own confirmation",
        &r,
        "compliance_privacy@leadspace.com",
    ] {
        assert!(text.contains(want), "{want:?} missing: {text}");
    }
    assert!(
        desk.export_letter(&r, LetterKind::UnableToVerify, &Default::default(), &dir.path().join("x.pdf"))
            .is_err(),
        "not decided yet"
    );

    desk.decide_verification(
        &r,
        VerificationOutcome::NotVerified,
        "the details given did not match the data we hold",
    )
    .unwrap();
    let deny = dir.path().join("deny.pdf");
    desk.export_letter(&r, LetterKind::UnableToVerify, &Default::default(), &deny).unwrap();
    let text = pdf_text(&deny);
    for want in [
        "did not match the data we hold",
        "do not sell or share",
        "categories of personal information",
        "California Privacy Protection Agency",
    ] {
        assert!(text.contains(want), "{want:?} missing: {text}");
    }

    let o = request(
        &mut desk,
        "Zoë Ødegaard",
        "zoe@odegaard.example",
        vec![RequestKind::OptOutSale],
        Regime::Ccpa,
    );
    assert!(
        desk.export_letter(
            &o,
            LetterKind::VerificationRequest,
            &Default::default(),
            &dir.path().join("y.pdf")
        )
        .is_err(),
        "no ID for an opt-out"
    );

    let g =
        request(&mut desk, "Jürgen Müller", "j.mueller@example.de", vec![RequestKind::Access], Regime::Gdpr);
    desk.mark_verification_asked(&g, today - chrono::Duration::days(40)).unwrap();
    desk.decide_verification(&g, VerificationOutcome::Abandoned, "no answer in 30 days").unwrap();
    let closed = dir.path().join("closed.pdf");
    desk.export_letter(&g, LetterKind::Abandoned, &Default::default(), &closed).unwrap();
    let text = pdf_text(&closed);
    assert!(text.contains("We have closed your request") && text.contains("supervisory authority"), "{text}");
    let check = std::process::Command::new("qpdf").arg("--check").arg(&closed).output().unwrap();
    assert!(check.status.success());
}

#[test]
fn evidence_is_kept_encrypted_viewable_and_erased_once_checked() {
    use rightsdesk::ledger::EvidenceKind;
    let dir = temp();
    let mut desk = desk_with_sources(dir.path());
    let r = request(
        &mut desk,
        "Margaret Okafor",
        "m.okafor@example.net",
        vec![RequestKind::Access],
        Regime::Ccpa,
    );
    let scan = dir.path().join("passport scan.png");
    let mut png = b"\x89PNG\r\n\x1a\nEVIDENCE-MARKER-7731".to_vec();
    png.extend(std::iter::repeat_n(0u8, 64));
    std::fs::write(&scan, &png).unwrap();
    let v = desk.add_evidence(&r, EvidenceKind::IdScan, &scan).unwrap();
    assert_eq!(v.evidence.len(), 1);
    let e = &v.evidence[0];
    assert_eq!((e.kind, e.mime.as_str(), e.size as usize), (EvidenceKind::IdScan, "image/png", png.len()));
    assert_eq!(desk.evidence_file(&r, e.id).unwrap(), ("image/png".to_string(), png.clone()));
    assert!(desk.add_evidence(&r, EvidenceKind::Other, &dir.path().join("notes.txt")).is_err());
    assert!(desk.check_evidence(&r, e.id, " ", true).is_err(), "a finding is required");
    let v = desk.check_evidence(&r, e.id, "passport matches the name and photo on file", true).unwrap();
    let e = &v.evidence[0];
    assert!(e.erased_on.is_some() && e.finding.contains("passport matches"));
    assert!(desk.evidence_file(&r, e.id).is_err(), "the image is gone");
    drop(desk);
    let bytes = common::ledger_bytes(&dir.path().join("test.ledger"));
    assert!(!common::contains(&bytes, "EVIDENCE-MARKER-7731"), "no plaintext of the scan in the ledger");
}

#[test]
fn an_agent_s_requests_are_grouped() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let mail = |id: &str, who: &str| {
        common::email(
            "Privacy Helpers Agency <requests@privacyhelpers.example>",
            id,
            "Mon, 16 Nov 2026 10:00:00 +0000",
            &format!("Request on behalf of {who}"),
            &format!("We are an authorized agent acting for our client {who}, a California resident, who asks to delete all personal information you hold."),
        )
    };
    let files = [
        common::write(dir.path(), "a.eml", mail("agent-a@privacyhelpers.example", "Ana Lima")),
        common::write(dir.path(), "b.eml", mail("agent-b@privacyhelpers.example", "Bo Ek")),
        common::write(
            dir.path(),
            "c.eml",
            common::email(
                "Cy Oz <cy@oz.example>",
                "c@oz.example",
                "Mon, 16 Nov 2026 11:00:00 +0000",
                "Delete me",
                "Please delete my data. I live in California.",
            ),
        ),
    ];
    let s = desk.import(&files).unwrap();
    assert_eq!(s.imported.len(), 3, "{:?}", s.errors);
    let refs: Vec<String> = s.imported.iter().map(|f| f.reference.clone()).collect();
    let v = desk.set_on_behalf(&refs[0], Some(OnBehalf::Agent), "an agency").unwrap();
    assert_eq!(v.same_agent, [refs[1].clone()]);
    let v = desk.verification(&refs[2]).unwrap();
    assert!(v.same_agent.is_empty());
}
