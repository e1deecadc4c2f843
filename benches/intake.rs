//! Bulk import of generated emails (mixed sizes, 20% with attachments, some
//! HTML), side by side in one run, each the median of three rounds:
//! (a) parse only with mail-parser; (b) parse and store in an encrypted
//! ledger, nothing else (the storage ceiling); (c) Rightsdesk's full import
//! (parse, classify, thread, encrypt, store); (d) Python's standard `email` +
//! `sqlite3` doing parse + store.
//! Run: `make bench` (or `cargo bench --no-default-features --bench intake`).
//! With `--peak N` it imports N emails and prints its own peak memory, which
//! the run uses to compare 1,000 against 5,000.

#[path = "common.rs"]
mod common;
use common::peak_rss_kib;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use rightsdesk::desk::Desk;
use rightsdesk::intake::parse_email;
use rightsdesk::ledger::{Ledger, NewMessage, NewRequest};
use rightsdesk::rules::{Regime, RequestKind};

const PASS: &str = "benchmark passphrase";
const RUNS: usize = 5;

fn email(i: usize) -> Vec<u8> {
    let date = "Mon, 02 Nov 2026 10:00:00 +0000";
    let words =
        "I would like to know what personal information you hold about me and who you shared it with. ";
    let body = words.repeat(1 + i % 12);
    let head = format!(
        "Received: from mx.example.net by mx.leadspace.com; {date}\r\nFrom: Person {i} <person{i}@example.net>\r\n\
         To: compliance_privacy@leadspace.com\r\nSubject: Privacy request {i}\r\nDate: {date}\r\n\
         Message-ID: <bench-{i}@example.net>\r\nMIME-Version: 1.0\r\n"
    );
    let text = if i.is_multiple_of(7) {
        format!("Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>{body}</p><p>California</p></body></html>\r\n")
    } else {
        format!("Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\nCalifornia resident.\r\n")
    };
    if !i.is_multiple_of(5) {
        return format!("{head}{text}").into_bytes();
    }
    // One in five carries a scanned document of 20-80 KB.
    let scan: String = (0..(20 + (i % 4) * 20) * 1024 / 57).map(|n| format!("{:076}\r\n", n)).collect();
    format!(
        "{head}Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n{text}--b\r\nContent-Type: application/pdf; \
         name=\"id-{i}.pdf\"\r\nContent-Disposition: attachment; filename=\"id-{i}.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{scan}--b--\r\n"
    )
    .into_bytes()
}

fn corpus(dir: &Path, n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let p = dir.join(format!("{i:05}.eml"));
            std::fs::write(&p, email(i)).unwrap();
            p
        })
        .collect()
}

fn timed(f: impl FnOnce() -> usize) -> (Duration, usize) {
    let t = Instant::now();
    let n = f();
    (t.elapsed(), n)
}

fn parse_only(files: &[PathBuf]) -> usize {
    files.iter().filter(|f| parse_email("x", &std::fs::read(f).unwrap()).is_ok()).count()
}

fn parse_and_store(files: &[PathBuf], ledger: &mut Ledger) -> usize {
    ledger
        .batch(|ledger| {
            let mut n = 0;
            for f in files {
                let raw = std::fs::read(f).unwrap();
                let e = parse_email("x", &raw).unwrap();
                let at = e.arrived_at.unwrap_or_else(Utc::now);
                let message = NewMessage {
                    message_id: e.message_id,
                    file_name: String::new(),
                    from_name: e.from_name.clone(),
                    from_email: e.from_email.clone(),
                    subject: e.subject.clone(),
                    sent_at: e.sent_at,
                    received_at: at,
                    body_text: e.body_text,
                    raw,
                    sha256: e.sha256,
                    evidence: "[]".into(),
                    attachments: Vec::new(),
                };
                let request = NewRequest {
                    received_at: at,
                    received_date: at.date_naive(),
                    requester_name: e.from_name,
                    requester_email: e.from_email,
                    postal_address: String::new(),
                    kinds: vec![RequestKind::Access],
                    regime: Regime::Ccpa,
                    subject: e.subject,
                    reasons: String::new(),
                    channel: "email".into(),
                };
                ledger.create_request("bench", &message, &request).unwrap();
                n += 1;
            }
            n
        })
        .unwrap()
}

fn full_import(files: &[PathBuf], desk: &mut Desk) -> usize {
    let s = desk.import(files).unwrap();
    assert!(s.errors.is_empty(), "{:?}", s.errors.first());
    s.imported.len() + s.not_requests.len() + s.joined.len()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(n) =
        args.iter().position(|a| a == "--peak").and_then(|i| args.get(i + 1)?.parse::<usize>().ok())
    {
        let dir = tempfile::tempdir().unwrap();
        let files = corpus(dir.path(), n);
        let mut desk = Desk::create(&dir.path().join("p.ledger"), PASS, "bench").unwrap();
        full_import(&files, &mut desk);
        println!("{}", peak_rss_kib());
        return;
    }
    let n = 5_000;
    let dir = tempfile::tempdir().unwrap();
    let mail = dir.path().join("mail");
    std::fs::create_dir(&mail).unwrap();
    let files = corpus(&mail, n);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/python_baseline.py");
    // The four side by side, RUNS rounds of each in turn, each round on fresh
    // ledgers; the median round of each is reported.
    let mut rounds: [Vec<(Duration, usize)>; 4] = Default::default();
    for round in 0..RUNS {
        let fresh = |name: &str| dir.path().join(format!("{name}{round}"));
        let mut ceiling = Ledger::create(&fresh("b.ledger"), PASS, "bench").unwrap();
        let mut desk = Desk::create(&fresh("c.ledger"), PASS, "bench").unwrap();
        rounds[0].push(timed(|| parse_only(&files)));
        rounds[1].push(timed(|| parse_and_store(&files, &mut ceiling)));
        rounds[2].push(timed(|| full_import(&files, &mut desk)));
        rounds[3].push(timed(|| {
            let out =
                Command::new("python3").arg(&script).arg(&mail).arg(fresh("d.sqlite")).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
        }));
    }
    let [a, b, c, d] = rounds.map(|mut r| {
        r.sort();
        r[r.len() / 2]
    });
    let rate = |d: Duration, n: usize| n as f64 / d.as_secs_f64();
    println!(
        "bulk import of {n} generated emails (20% with attachments, 1 in 7 HTML), side by side, median of {RUNS} rounds\n"
    );
    for (label, (t, count)) in [
        ("(a) parse only, mail-parser", a),
        ("(b) parse + store in an encrypted ledger", b),
        ("(c) Rightsdesk full import", c),
        ("(d) Python email + sqlite3, parse + store", d),
    ] {
        println!("{label:<44} {count:>6} msgs {:>9.2?} {:>10.0} files/s", t, rate(t, count));
    }
    println!(
        "\n(c) vs (d): {:.1}x faster;  (c) / (b): {:.2}x the storage ceiling's time",
        d.0.as_secs_f64() / c.0.as_secs_f64(),
        c.0.as_secs_f64() / b.0.as_secs_f64()
    );
    let exe = std::env::current_exe().unwrap();
    let peak = |n: &str| -> u64 {
        let out = Command::new(&exe).args(["--peak", n]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0)
    };
    let (p1, p5) = (peak("1000"), peak("5000"));
    println!(
        "peak memory of (c): {:.1} MiB for 1,000 emails, {:.1} MiB for 5,000",
        p1 as f64 / 1024.0,
        p5 as f64 / 1024.0
    );
}
