//! The acknowledgement letter as a real PDF: text extracted with pdftotext,
//! structure checked with qpdf.

mod common;
use common::*;

use std::process::Command;

use rightsdesk::ledger::RequestEdit;
use rightsdesk::letters::LetterKind;
use rightsdesk::rules::{Regime, RequestKind};

fn pdftotext(pdf: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn ack_letter_has_the_reference_names_dates_and_company() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let f = write(
        dir.path(),
        "a.eml",
        email(
            "Jose <jose@example.org>",
            "j@x",
            "Fri, 06 Mar 2026 15:00:00 +0000",
            "Access",
            "California: send me a copy of my data",
        ),
    );
    let r = desk.import(&[f]).unwrap().imported[0].reference.clone();
    let names = ["José Peña", "Zoë Ødegaard", "Łukasz Wróbel"];
    let mut letters = Vec::new();
    for (i, name) in names.iter().enumerate() {
        desk.update(
            &r,
            &RequestEdit {
                requester_name: name.to_string(),
                postal_address: "1 Rue de l'Église\nSan José, CA 95110".into(),
                kinds: vec![RequestKind::Access],
                regime: Regime::Ccpa,
            },
        )
        .unwrap();
        let out = dir.path().join(format!("ack-{i}.pdf"));
        let done = desk.export_letter(&r, LetterKind::Acknowledgement, &Default::default(), &out).unwrap();
        let text = pdftotext(&out);
        for expected in [
            &r,
            *name,
            "Leadspace, Inc.",
            "122 Grand Street",
            "compliance_privacy@leadspace.com",
            "6 March 2026",
            "20 April 2026",
            "San José, CA 95110",
            "verify your identity",
            "Page 1 of 1",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
        }
        let qpdf = Command::new("qpdf").arg("--check").arg(&out).output().expect("qpdf must be installed");
        assert!(qpdf.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&qpdf.stdout));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.len() < 200_000, "fonts must be subset: {} bytes", bytes.len());
        assert!(contains(&bytes, "FontFile2"), "the font is embedded");
        letters.push(done.sha256);
    }
    let stored = desk.detail(&r).unwrap().letters;
    assert_eq!(stored.len(), 3);
    assert_eq!(stored.iter().map(|l| l.sha256.clone()).collect::<Vec<_>>(), letters);
    let kept = desk.ledger().letter_pdf(stored[0].id).unwrap();
    assert_eq!(kept, std::fs::read(dir.path().join("ack-0.pdf")).unwrap(), "the ledger keeps the same bytes");
}

#[test]
fn a_name_the_font_cannot_show_is_refused_before_export() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let f = write(
        dir.path(),
        "a.eml",
        email("A <a@example.com>", "a@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Access", "copy"),
    );
    let r = desk.import(&[f]).unwrap().imported[0].reference.clone();
    desk.update(
        &r,
        &RequestEdit {
            // Egyptian hieroglyphs: no shipped font has them.
            requester_name: "Ankh \u{13080}".into(),
            postal_address: String::new(),
            kinds: vec![RequestKind::Access],
            regime: Regime::Ccpa,
        },
    )
    .unwrap();
    let out = dir.path().join("hieroglyph.pdf");
    let err = desk.export_letter(&r, LetterKind::Acknowledgement, &Default::default(), &out).unwrap_err();
    assert_eq!(err.code(), "letter");
    assert!(err.to_string().contains("has a glyph for") && err.to_string().contains("U+13080"), "{err}");
    assert!(!out.exists(), "nothing half-written");
    assert!(desk.detail(&r).unwrap().letters.is_empty());
}
