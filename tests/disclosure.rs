//! Every letter kind × regime × language as a real PDF, read back with
//! pdftotext, checked with qpdf and pdffonts; the 500-row appendix across
//! pages; names in every script; the same bytes twice; the data map and
//! template versions a letter records; deletions fanned out to recipients.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Command;

use rightsdesk::desk::LetterOptions;
use rightsdesk::ledger::{KindOutcome, Outcome, RequestEdit};
use rightsdesk::letters::sample::{facts, SampleOptions, SAMPLE_REDACTED};
use rightsdesk::letters::{compose, render, Lang, LetterFacts, LetterKind, Sources};
use rightsdesk::rules::{Regime, RequestKind};
use unicode_normalization::UnicodeNormalization;

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(pdf)
        .args(if name == "pdftotext" { vec!["-"] } else { vec![] })
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils / qpdf) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{name} {} failed: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text in drawing order, presentation forms folded (NFKC), bidi marks
/// dropped and all whitespace one space: a table cell's lines stay together.
fn text_of(pdf: &Path) -> String {
    let raw = tool("pdftotext", &["-raw", "-enc", "UTF-8"], pdf);
    squash(
        &raw.nfkc()
            .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{200E}' | '\u{200F}'))
            .collect::<String>(),
    )
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn out_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("letters");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Fonts embedded and subset, as pdffonts reports them.
fn assert_fonts_embedded_and_subset(pdf: &Path) -> Vec<String> {
    let listing = tool("pdffonts", &[], pdf);
    let mut names = Vec::new();
    for line in listing.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "pdffonts line {line:?}");
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "{}: font not embedded and subset: {line}",
            pdf.display()
        );
        names.push(cols[0].to_string());
    }
    assert!(!names.is_empty(), "{}: no fonts", pdf.display());
    names
}

fn regimes() -> Vec<Regime> {
    Regime::ALL.to_vec()
}

fn page_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Page 1 of",
        Lang::Es => "Página 1 de",
        Lang::De => "Seite 1 von",
        Lang::Fr => "Page 1 sur",
    }
}

/// What each kind must carry, taken from the facts it was made from.
fn required(kind: LetterKind, f: &LetterFacts, lang: Lang) -> Vec<String> {
    let mut want =
        vec![f.reference.clone(), f.date.clone(), f.company.name.clone(), page_word(lang).to_string()];
    if kind != LetterKind::VendorNotice {
        want.push(f.requester.addressee.clone());
        want.push(f.received.clone());
    }
    let route = |want: &mut Vec<String>| {
        if !f.regime.authority.is_empty() {
            want.push(f.regime.authority.clone());
        }
        if let Some(days) = f.regime.appeal_days {
            want.push(days.to_string());
        }
    };
    match kind {
        LetterKind::Acknowledgement => want.push(f.respond_by.clone()),
        LetterKind::VerificationRequest => want.push(f.verification.answer_by.clone()),
        LetterKind::ExtensionNotice => {
            want.push(f.extended_to.clone());
            want.push(f.extension_reason.clone());
        }
        LetterKind::Access => {
            for c in &f.access.categories {
                want.push(c.label.clone());
                want.push(c.examples.clone());
            }
            for s in f.access.sources.iter().chain(&f.access.purposes) {
                want.push(s.clone());
            }
            if f.regime.gdpr || f.regime.uk {
                for c in &f.access.categories {
                    want.push(c.retention.clone());
                }
                want.extend(f.access.safeguards.iter().cloned());
                want.push(f.access.automated.clone());
                want.push(f.regime.authority.clone());
            } else {
                // The two lists, each row with its recipients' categories.
                for e in f.access.sold.iter().chain(&f.access.disclosed) {
                    want.push(format!("{} {}", e.category, e.recipients));
                }
            }
            for p in rightsdesk::letters::sample::sample_pieces(14) {
                want.push(rightsdesk::letters::wording::localized_markers(&p.value, lang));
            }
            want.extend(f.access.withheld.iter().cloned());
            // The appendix's markers are in the letter's language.
            want.push(f.access.redacted_marker.clone());
        }
        LetterKind::Deletion => {
            want.push(f.reason.clone());
            want.extend(f.recipients_told.iter().cloned());
        }
        LetterKind::DeletionDenied | LetterKind::Denial => {
            want.push(f.reason.clone());
            route(&mut want);
        }
        LetterKind::Correction => want.push(f.reason.clone()),
        LetterKind::OptOutSale | LetterKind::OptOutSharing => {
            want.push(f.opt_out.effective_by.clone());
            want.extend(f.recipients_told.iter().cloned());
        }
        LetterKind::FeeEstimate => {
            want.push(f.fee.amount.clone());
            want.push(f.fee.reasons.clone());
        }
        LetterKind::AnsweredTwice => want.extend(f.earlier.iter().cloned()),
        LetterKind::UnableToVerify => {
            want.push(f.verification.reason.clone());
            route(&mut want);
        }
        LetterKind::Abandoned => want.push(f.verification.asked_on.clone()),
        LetterKind::VendorNotice => {
            want.push(f.vendor.consumer_name.clone());
            want.push(f.vendor.consumer_email.clone());
            want.extend(f.vendor.categories.iter().cloned());
            want.push(f.requester.addressee.clone());
        }
    }
    want.into_iter().filter(|w| !w.is_empty()).map(|w| squash(&w)).collect()
}

#[test]
fn every_kind_regime_and_language_carries_what_its_rules_require() {
    let dir = out_dir();
    let png = dir.join("first-pages");
    std::fs::create_dir_all(&png).unwrap();
    let mut made = 0;
    for kind in LetterKind::ALL {
        for regime in regimes() {
            for lang in Lang::ALL {
                if lang.check_for(regime).is_err() {
                    assert!(facts(kind, regime, lang, &SampleOptions::default()).is_err());
                    continue;
                }
                let f = facts(kind, regime, lang, &SampleOptions::default()).unwrap();
                let doc = compose(&f, &Sources::builtin(kind, lang))
                    .unwrap_or_else(|e| panic!("{} {regime:?} {lang:?}: {e}", kind.code()));
                let pdf = render(&doc).unwrap();
                let path = dir.join(format!("{}-{}-{}.pdf", kind.code(), regime.as_str(), lang.code()));
                std::fs::write(&path, &pdf).unwrap();
                let text = text_of(&path);
                // The facts each kind is about are there to print.
                let key = match kind {
                    LetterKind::OptOutSale | LetterKind::OptOutSharing => &f.opt_out.effective_by,
                    LetterKind::ExtensionNotice => &f.extended_to,
                    LetterKind::VerificationRequest => &f.verification.answer_by,
                    LetterKind::Abandoned => &f.verification.asked_on,
                    LetterKind::FeeEstimate => &f.fee.amount,
                    _ => &f.respond_by,
                };
                assert!(!key.is_empty(), "{}: the key date or amount is missing", path.display());
                if lang != Lang::En {
                    for english in [
                        "If you have any questions",
                        "Dear ",
                        "We received your request",
                        "Sincerely",
                        "[redacted:",
                        "[withheld:",
                    ] {
                        assert!(
                            !text.contains(english),
                            "{}: English {english:?} in a {lang:?} letter",
                            path.display()
                        );
                    }
                }
                for want in required(kind, &f, lang) {
                    assert!(text.contains(&want), "{}: {want:?} missing from:\n{text}", path.display());
                }
                for gone in SAMPLE_REDACTED {
                    assert!(!text.contains(gone), "{}: redacted {gone:?} is in the letter", path.display());
                }
                assert!(
                    !text.contains('\u{E000}') && !text.contains("{{") && !text.contains("{%"),
                    "{}",
                    path.display()
                );
                tool("qpdf", &["--check"], &path);
                assert_fonts_embedded_and_subset(&path);
                let info = tool("pdfinfo", &[], &path);
                for field in ["Title:", "Author:", "Subject:", "CreationDate:"] {
                    let line = info.lines().find(|l| l.starts_with(field)).unwrap_or_default();
                    assert!(line.len() > field.len() + 4, "{}: {field} missing in\n{info}", path.display());
                }
                if regime == Regime::Ccpa && lang == Lang::En || regime == Regime::Gdpr && lang == Lang::De {
                    let prefix = png.join(format!("{}-{}-{}", kind.code(), regime.as_str(), lang.code()));
                    let st = Command::new("pdftoppm")
                        .args(["-r", "50", "-f", "1", "-l", "1", "-singlefile", "-png"])
                        .arg(&path)
                        .arg(&prefix)
                        .status()
                        .expect("pdftoppm");
                    assert!(st.success());
                }
                made += 1;
            }
        }
    }
    // 15 kinds × (10 regimes × en, es + EU and UK × de, fr).
    assert_eq!(made, 15 * (10 * 2 + 2 * 2));
}

#[test]
fn a_500_row_disclosure_runs_across_pages_with_its_header_on_each() {
    let opts = SampleOptions { pieces: 500, ..SampleOptions::default() };
    let f = facts(LetterKind::Access, Regime::Ccpa, Lang::En, &opts).unwrap();
    let pdf = render(&compose(&f, &Sources::builtin(LetterKind::Access, Lang::En)).unwrap()).unwrap();
    let path = out_dir().join("access-500.pdf");
    std::fs::write(&path, &pdf).unwrap();
    tool("qpdf", &["--check"], &path);
    let info = tool("pdfinfo", &[], &path);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 10, "500 rows should run to many pages, got {pages}");
    let mut appendix_pages = 0;
    for p in 1..=pages {
        let page = squash(&tool("pdftotext", &["-raw", "-f", &p.to_string(), "-l", &p.to_string()], &path));
        assert!(page.contains(&format!("Page {p} of {pages}")), "page {p}: {page}");
        if page.contains("crm_contacts.csv C-1042-") || page.contains("notes.csv N-31") {
            appendix_pages += 1;
            assert!(page.contains("Source Record Field Value"), "page {p} lacks the repeated header: {page}");
        }
    }
    assert!(appendix_pages >= pages - 4, "the appendix fills the later pages ({appendix_pages} of {pages})");
    let text = text_of(&path);
    assert!(text.contains("crm_contacts.csv C-1042-35 first_name Margaret"), "the last rows are there");
}

#[test]
fn names_in_every_script_are_drawn_and_an_unknown_glyph_refuses() {
    let names = [
        ("Greek", "Γιώργος Παπαδόπουλος"),
        ("Cyrillic", "Анна Смирнова"),
        ("Hebrew", "דוד כהן"),
        ("Arabic", "ليلى حداد"),
        ("Chinese", "王小明"),
        ("Japanese", "山田 太郎"),
        ("Korean", "김민준"),
        ("Latin", "Zoë Ødegaard-Łukasiewicz"),
    ];
    for (script, name) in names {
        let opts = SampleOptions { requester_name: name.into(), ..SampleOptions::default() };
        let f = facts(LetterKind::Acknowledgement, Regime::Ccpa, Lang::En, &opts).unwrap();
        let pdf =
            render(&compose(&f, &Sources::builtin(LetterKind::Acknowledgement, Lang::En)).unwrap()).unwrap();
        let path = out_dir().join(format!("name-{script}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        let fonts = assert_fonts_embedded_and_subset(&path);
        let text = text_of(&path);
        // Right-to-left names may come back in either order of their words.
        let words: Vec<&str> = name.split_whitespace().collect();
        let reversed = words.iter().rev().copied().collect::<Vec<_>>().join(" ");
        assert!(text.contains(name) || text.contains(&reversed), "{script}: {name} missing from {text}");
        let face = match script {
            "Hebrew" => "NotoSansHebrew",
            "Arabic" => "NotoSansArabic",
            "Chinese" | "Japanese" | "Korean" => "DroidSansFallback",
            _ => "NotoSans-Regular",
        };
        assert!(
            fonts.iter().any(|n| n.ends_with(&format!("+{face}")) || n.contains(face)),
            "{script}: {fonts:?}"
        );
        assert!(fonts.iter().all(|n| n.len() > 7 && n.as_bytes()[6] == b'+'), "subset tags: {fonts:?}");
    }
    let opts = SampleOptions { requester_name: "Ankh \u{13080}".into(), ..SampleOptions::default() };
    let f = facts(LetterKind::Acknowledgement, Regime::Ccpa, Lang::En, &opts).unwrap();
    let err =
        render(&compose(&f, &Sources::builtin(LetterKind::Acknowledgement, Lang::En)).unwrap()).unwrap_err();
    assert!(err.to_string().contains("U+13080"), "{err}");
}

#[test]
fn the_same_letter_gives_the_same_bytes() {
    let f = facts(LetterKind::Access, Regime::Gdpr, Lang::Fr, &SampleOptions::default()).unwrap();
    let s = Sources::builtin(LetterKind::Access, Lang::Fr);
    let a = render(&compose(&f, &s).unwrap()).unwrap();
    let b = render(&compose(&f, &s).unwrap()).unwrap();
    assert_eq!(a, b);
    // A different letter has a different file identifier.
    let g = facts(LetterKind::Access, Regime::Uk, Lang::Fr, &SampleOptions::default()).unwrap();
    assert_ne!(render(&compose(&g, &s).unwrap()).unwrap(), a);
}

fn request(desk: &mut rightsdesk::desk::Desk, dir: &Path, kinds: Vec<RequestKind>, regime: Regime) -> String {
    let f = write(
        dir,
        &format!("{}.eml", kinds[0]),
        email(
            "Margaret Okafor <m.okafor@brightlane.example>",
            &format!("{}@x", kinds[0]),
            "Mon, 02 Nov 2026 10:00:00 +0000",
            "Request",
            "Please act on my data.",
        ),
    );
    let r = desk.import(&[f]).unwrap().imported[0].reference.clone();
    desk.update(
        &r,
        &RequestEdit {
            requester_name: "Margaret Okafor".into(),
            postal_address: String::new(),
            kinds,
            regime,
        },
    )
    .unwrap();
    r
}

#[test]
fn deletion_fans_out_to_each_recipient_and_closing_waits_for_them() {
    use rightsdesk::ledger::VerificationOutcome;
    use rightsdesk::verify::{DataPoint, PointKind};
    let dir = temp();
    let mut desk = demo_desk(dir.path());
    let r = reference_of(&desk, "José Peña");
    // Nobody is told anything before the data held on him is known.
    let err = desk.fan_out(&r).unwrap_err().to_string();
    assert!(err.contains("search the data sources"), "{err}");
    let view = desk.find_pieces(&r).unwrap();
    for row in &view.rows {
        desk.decide_piece_row(&r, &row.found.source, row.found.number, true, "his").unwrap();
    }
    desk.scan_redactions(&r).unwrap();
    let view = desk.fan_out(&r).unwrap();
    let map = rightsdesk::datamap::seed();
    let held = rightsdesk::desk::held_categories(&map, &desk.redacted_pieces(&r).unwrap());
    let expected: Vec<&str> =
        map.recipients_to_notify(RequestKind::Deletion, &held).iter().map(|x| x.name.as_str()).collect();
    assert!(!expected.is_empty());
    assert_eq!(view.tasks.iter().map(|t| t.recipient.as_str()).collect::<Vec<_>>(), expected);
    assert_eq!(view.open as usize, view.tasks.len());
    assert_eq!(desk.fan_out(&r).unwrap().tasks.len(), view.tasks.len(), "creating again adds nothing");
    // A notice letter per recipient, from the data map.
    let task = view.tasks.iter().find(|t| t.recipient == "Marketo").unwrap();
    let out = dir.path().join("marketo.pdf");
    let opts = LetterOptions { task: Some(task.id), ..LetterOptions::default() };
    desk.export_letter(&r, LetterKind::VendorNotice, &opts, &out).unwrap();
    let text = text_of(&out);
    for want in ["Marketo", "Adobe Inc. (Marketo)", "José Peña", "jose.pena@example.org", &r] {
        assert!(text.contains(want), "{want:?} missing from {text}");
    }
    // The deletion letter waits for the requester to be verified.
    let deleted = dir.path().join("deleted.pdf");
    let err = desk.export_letter(&r, LetterKind::Deletion, &LetterOptions::default(), &deleted).unwrap_err();
    assert!(err.to_string().contains("not verified"), "{err}");
    let points = vec![
        DataPoint { kind: PointKind::Email, value: "jose.pena@example.org".into(), to_correct: false },
        DataPoint { kind: PointKind::Phone, value: "+1 305 555 0110".into(), to_correct: false },
    ];
    desk.set_verification_points(&r, points).unwrap();
    desk.decide_verification(&r, VerificationOutcome::Verified, "email and phone match").unwrap();
    // Closing as complied waits for every recipient.
    let done =
        [KindOutcome { kind: RequestKind::Deletion, outcome: Outcome::Complied, basis: String::new() }];
    for status in [rightsdesk::rules::Status::Acknowledged, rightsdesk::rules::Status::InProgress] {
        desk.set_status(&r, status).ok();
    }
    desk.set_status(&r, rightsdesk::rules::Status::Responded).unwrap();
    let err = desk.close(&r, &done).unwrap_err().to_string();
    assert!(err.contains("still open") && err.contains("Marketo"), "{err}");
    let today = desk.today().unwrap();
    let marketo = task.id;
    for t in view.tasks.iter().filter(|t| t.recipient != "Google Analytics") {
        desk.mark_recipient_task(&r, t.id, false, today).unwrap();
        desk.mark_recipient_task(&r, t.id, true, today).unwrap();
    }
    let left = desk.recipient_tasks(&r).unwrap();
    assert_eq!(left.open, 1);
    let m = left.tasks.iter().find(|t| t.id == marketo).unwrap();
    assert!(m.sent_on.is_some() && m.confirmed_on.is_some());
    // The deletion letter names only those whose notice went out.
    desk.export_letter(&r, LetterKind::Deletion, &LetterOptions::default(), &deleted).unwrap();
    let text = text_of(&deleted);
    assert!(text.contains("Marketo") && !text.contains("Google Analytics"), "{text}");
    // The officer may close anyway, with a reason the audit log keeps.
    desk.close_with(&r, &done, "Google Analytics keeps no identifiable data for us").unwrap();
    let audit = desk.ledger().audit_for_request(&r).unwrap();
    assert!(audit
        .iter()
        .any(|a| a.action == "recipient_tasks.overridden" && a.detail.contains("keeps no identifiable")));
    assert!(audit.iter().filter(|a| a.action == "recipient_task.updated").count() >= 2);
    assert!(desk
        .mark_recipient_task(&r, 9999, true, today)
        .unwrap_err()
        .to_string()
        .contains("no recipient task"));
}

#[test]
fn a_letter_records_the_data_map_and_template_versions_it_used() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let r = request(&mut desk, dir.path(), vec![RequestKind::OptOutSale], Regime::Ccpa);
    let first = dir.path().join("v1.pdf");
    desk.export_letter(&r, LetterKind::OptOutSale, &LetterOptions::default(), &first).unwrap();
    // A new data map version, with a recipient renamed.
    let mut map = desk.data_map().unwrap().map;
    map.recipients.iter_mut().find(|x| x.id == "data_partners").unwrap().name = "Intent data partners".into();
    assert!(desk.save_data_map(&map, "").is_err(), "a version needs a note");
    let mut broken = map.clone();
    broken.recipients[0].sold.push("shoe_size".into());
    let err = desk.save_data_map(&broken, "oops").unwrap_err().to_string();
    assert!(err.contains("shoe_size"), "{err}");
    assert_eq!(desk.save_data_map(&map, "renamed the data partners").unwrap().version, 2);
    // An officer's template version; a broken one is refused with its line.
    let bad = "{% extends \"_letter\" %}\n{% block body %}\n{{ nonsense.field }}\n{% endblock %}";
    let err = desk.save_letter_template("opt_out_sale", Lang::En, bad).unwrap_err().to_string();
    assert!(err.contains("line 3") || err.contains("undefined"), "{err}");
    let mut body = desk.letter_template("opt_out_sale", Lang::En).unwrap().body;
    body = body.replace(
        "We did not need to verify your identity for it.",
        "No identification was needed. Thank you for telling us.",
    );
    assert_eq!(desk.save_letter_template("opt_out_sale", Lang::En, &body).unwrap().version, 1);
    let second = dir.path().join("v2.pdf");
    desk.export_letter(&r, LetterKind::OptOutSale, &LetterOptions::default(), &second).unwrap();
    let text = text_of(&second);
    assert!(text.contains("Thank you for telling us"), "{text}");
    let letters = desk.detail(&r).unwrap().letters;
    assert_eq!(
        letters.iter().map(|l| (l.data_map_version, l.template_version, l.lang.as_str())).collect::<Vec<_>>(),
        [(Some(1), 0, "en"), (Some(2), 1, "en")]
    );
    // Delivery is recorded.
    let today = desk.today().unwrap();
    let sent = desk.record_delivery(&r, letters[1].id, "post", today).unwrap();
    assert_eq!(sent.delivery.as_deref(), Some("post"));
    assert!(desk.record_delivery(&r, letters[1].id, "pigeon", today).is_err());
    // The same inputs give the same bytes; the ledger keeps them.
    let again = dir.path().join("v2-again.pdf");
    desk.export_letter(&r, LetterKind::OptOutSale, &LetterOptions::default(), &again).unwrap();
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&second).unwrap());
    let stored = desk.stored_letter(&r, letters[1].id).unwrap();
    assert_eq!(stored, std::fs::read(&second).unwrap());
    // Spanish on request; German is for EU and UK requests only.
    let es = dir.path().join("es.pdf");
    let opts = LetterOptions { lang: Some("es".into()), ..LetterOptions::default() };
    desk.export_letter(&r, LetterKind::OptOutSale, &opts, &es).unwrap();
    assert!(text_of(&es).contains("Página 1 de"));
    let de = LetterOptions { lang: Some("de".into()), ..LetterOptions::default() };
    let err = desk.export_letter(&r, LetterKind::OptOutSale, &de, &dir.path().join("de.pdf")).unwrap_err();
    assert!(err.to_string().contains("EU and UK"), "{err}");
}

#[test]
fn the_sample_command_writes_a_letter_without_a_ledger() {
    let dir = temp();
    let out = dir.path().join("sample.pdf");
    let o = cli(
        &dir.path().join("none.ledger"),
        &["letter", "--sample", "access", "--regime", "uk", "--lang", "fr", "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = text_of(&out);
    assert!(text.contains("Information Commissioner's Office") && text.contains("Page 1 sur"), "{text}");
    assert!(!dir.path().join("none.ledger").exists());
    let o = cli(
        &dir.path().join("none.ledger"),
        &[
            "letter",
            "--sample",
            "access",
            "--regime",
            "us-va",
            "--lang",
            "de",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("EU and UK"));
}

#[test]
fn the_demo_requester_gets_a_disclosure_with_her_data_and_nobody_elses() {
    let dir = temp();
    let mut desk = demo_desk(dir.path());
    let reference = reference_of(&desk, "Margaret Okafor");
    let out = dir.path().join("access.pdf");
    let none = LetterOptions::default();
    let err = desk.export_letter(&reference, LetterKind::Access, &none, &out).unwrap_err().to_string();
    assert!(err.contains("search the data sources"), "{err}");
    let view = desk.find_pieces(&reference).unwrap();
    for r in &view.rows {
        desk.decide_piece_row(&reference, &r.found.source, r.found.number, true, "hers").unwrap();
    }
    let err = desk.export_letter(&reference, LetterKind::Access, &none, &out).unwrap_err().to_string();
    assert!(err.contains("other people's data"), "{err}");
    let view = desk.scan_redactions(&reference).unwrap();
    desk.export_letter(&reference, LetterKind::Access, &none, &out).unwrap();
    assert!(!out.with_file_name(".access.pdf.part").exists());
    let text = text_of(&out);
    for want in
        ["Margaret", "Okafor", "Identifiers", "Business contact details", "Categories sold", "Appendix"]
    {
        assert!(text.contains(want), "{want:?} missing from {text}");
    }
    // Every kept redaction's text is gone; never-disclose items get a sentence.
    // (A value that is also a whole cell of her own row — her office IP in her
    // own `ip` column — is hers there, and redacted only inside free text.)
    let own: Vec<String> = desk
        .redacted_pieces(&reference)
        .unwrap()
        .tables
        .iter()
        .flat_map(|t| t.rows.iter().flat_map(|r| r.values.clone()))
        .collect();
    for x in view
        .redactions
        .iter()
        .filter(|x| x.decision != rightsdesk::ledger::PieceDecision::Rejected && !own.contains(&x.text))
    {
        assert!(!text.contains(&squash(&x.text)), "redacted {:?} ({:?}) is in the letter", x.text, x.kind);
    }
    for gone in ["Devon Achterberg", "4111 1111 1111 1111", "Brightl1ne!2026", "(916) 555-0177"] {
        assert!(!text.contains(gone), "{gone:?} is in the letter");
    }
    assert!(text.contains("We hold a payment card number about you"), "{text}");
    assert_fonts_embedded_and_subset(&out);
    tool("qpdf", &["--check"], &out);
    let letter = desk.detail(&reference).unwrap().letters.pop().unwrap();
    assert_eq!((letter.kind.as_str(), letter.data_map_version), ("access", Some(1)));
}
