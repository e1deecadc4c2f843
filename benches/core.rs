//! Benchmarks of the core, each as a ratio against a named baseline measured
//! side by side in the same run (interleaved, median of the rounds), so the
//! figures mean the same on any machine. Run: `make bench`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rightsdesk::desk::{Desk, RequestFilter};
use rightsdesk::letters::LetterKind;
use rightsdesk::rules::{due_dates, ClockInput, Pause, Regime, RequestKind};

const EMAILS: usize = 300;
const ROUNDS: usize = 5;

fn email(i: usize) -> String {
    format!(
        "Received: from mx.example.net by mx.leadspace.com; Mon, 02 Nov 2026 10:{:02}:00 +0000\r\n\
         From: Person {i} <person{i}@example.net>\r\nTo: compliance_privacy@leadspace.com\r\n\
         Subject: Request {i}\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\nMessage-ID: <bench-{i}@example.net>\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\nI live in California. Please send me a copy of my data \
         and then delete it. {}\r\n",
        i % 60,
        "Some more words to make a realistic body. ".repeat(20)
    )
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Run baseline and candidate alternately, ROUNDS times each.
fn compare(name: &str, baseline: &str, mut base: impl FnMut(), mut cand: impl FnMut()) {
    let (mut b, mut c) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let t = Instant::now();
        base();
        b.push(t.elapsed());
        let t = Instant::now();
        cand();
        c.push(t.elapsed());
    }
    let (b, c) = (median(b), median(c));
    println!(
        "{name:<34} {:>10.2?}   baseline {baseline:<40} {:>10.2?}   ratio {:>6.2}",
        c,
        b,
        c.as_secs_f64() / b.as_secs_f64()
    );
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (0..EMAILS)
        .map(|i| {
            let p = dir.path().join(format!("{i}.eml"));
            std::fs::write(&p, email(i)).unwrap();
            p
        })
        .collect();
    println!("rightsdesk core benchmarks: {EMAILS} emails, median of {ROUNDS} interleaved rounds\n");

    // Ledgers are created (and their keys derived) before the clock starts.
    let mut fresh: Vec<Desk> = (0..ROUNDS)
        .map(|i| {
            Desk::create(&dir.path().join(format!("import-{i}.ledger")), "benchmark passphrase", "bench")
                .unwrap()
        })
        .collect();
    compare(
        &format!("import {EMAILS} emails into a ledger"),
        "read + mail-parser parse, same files",
        || {
            for f in &files {
                let raw = std::fs::read(f).unwrap();
                let parsed = mail_parser::MessageParser::default().parse(&raw[..]);
                std::hint::black_box(parsed.map(|m| m.body_text(0).map(|b| b.len())));
            }
        },
        || {
            let mut desk = fresh.pop().unwrap();
            let s = desk.import(&files).unwrap();
            assert_eq!(s.imported.len(), EMAILS);
        },
    );

    let path = dir.path().join("import-0.ledger");
    let desk = Desk::open(&path, "benchmark passphrase", "bench").unwrap();
    compare(
        &format!("list {EMAILS} requests with due dates"),
        "the ledger's raw rows, no clocks or sort",
        || {
            std::hint::black_box(desk.ledger().requests(None, "").unwrap());
        },
        || {
            std::hint::black_box(desk.list(&RequestFilter::default()).unwrap());
        },
    );

    let reference = desk.list(&RequestFilter::default()).unwrap()[0].reference.clone();
    compare(
        "render an acknowledgement letter",
        "printpdf: one line, same two fonts",
        || {
            std::hint::black_box(one_line_pdf());
        },
        || {
            std::hint::black_box(
                desk.render_letter(&reference, LetterKind::Acknowledgement, &Default::default()).unwrap(),
            );
        },
    );
    drop(desk);

    compare(
        "unlock a ledger (SQLCipher KDF)",
        "open the same file as plain SQLite, no key",
        || {
            let c = rightsdesk::ledger::connect(&path, Default::default()).unwrap();
            std::hint::black_box(c.is_autocommit());
        },
        || {
            std::hint::black_box(Desk::open(&path, "benchmark passphrase", "bench").unwrap());
        },
    );
    let kinds = [RequestKind::Access, RequestKind::OptOutSharing];
    let start: NaiveDate = "2026-01-01".parse().unwrap();
    let dates: Vec<NaiveDate> = (0..10_000).map(|i| start + chrono::Duration::days(i % 730)).collect();
    compare(
        "due dates of 10,000 UK requests",
        "chrono: receipt + 45 days, same dates",
        || {
            for d in &dates {
                std::hint::black_box(*d + chrono::Duration::days(45));
            }
        },
        || {
            for d in &dates {
                let pause =
                    [Pause { from: *d + chrono::Duration::days(3), to: *d + chrono::Duration::days(9) }];
                let input = ClockInput {
                    regime: Regime::Uk,
                    received: *d,
                    kinds: &kinds,
                    pauses: &pause,
                    extended: true,
                    closures: &[],
                };
                std::hint::black_box(due_dates(&input).unwrap());
            }
        },
    );

    if let Some(kib) = peak_rss_kib() {
        println!("\npeak resident memory of the whole run: {:.1} MiB", kib as f64 / 1024.0);
    }
}

fn one_line_pdf() -> Vec<u8> {
    use printpdf::*;
    let mut doc = PdfDocument::new("baseline");
    let mut ids = Vec::new();
    for bytes in [
        &include_bytes!("../src-tauri/letters/fonts/NotoSans-Regular.ttf")[..],
        &include_bytes!("../src-tauri/letters/fonts/NotoSans-Bold.ttf")[..],
    ] {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).unwrap();
        ids.push(doc.add_font(&font));
    }
    let ops = vec![
        Op::StartTextSection,
        Op::SetFont { font: PdfFontHandle::External(ids[0].clone()), size: Pt(10.0) },
        Op::SetTextCursor { pos: Point { x: Mm(25.0).into(), y: Mm(250.0).into() } },
        Op::ShowText { items: vec![TextItem::Text("Reference 2026-0001".into())] },
        Op::EndTextSection,
    ];
    doc.with_pages(vec![PdfPage::new(Mm(215.9), Mm(279.4), ops)])
        .save(&PdfSaveOptions::default(), &mut Vec::new())
}
