//! Redaction speed, side by side in one run:
//!   ours  — every detector (50,000 known people + all patterns) over 100 MB of notes;
//!   (a)   — a bare Aho-Corasick scan of the same text for the same names (the ceiling);
//!   (b)   — Microsoft Presidio's analyzer on a 1 MB sample, with recall on both sides.
//! Also the peak memory of importing a 10 MB and a 100 MB CSV (bounded memory).
//! Run: `make bench` (or `cargo bench --no-default-features --bench redact`).
//! Presidio is installed into a venv outside the repo by benches/presidio_setup.sh;
//! set RIGHTSDESK_BENCH_NO_PRESIDIO=1 to skip it.

use std::fmt::Write as _;
#[path = "common.rs"]
mod common;
use common::peak_rss_kib;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use rightsdesk::desk::Desk;
use rightsdesk::redact::{KnownPeople, RedactionType, Scanner};
use rightsdesk::subject::Identifiers;

const PEOPLE: usize = 50_000;

/// A small deterministic generator (xorshift), so every run scans the same text.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + (self.next() % 10) as u8)).collect()
    }
}

const SYL: &[&str] = &[
    "an", "be", "ca", "da", "el", "fa", "go", "ha", "is", "jo", "ka", "li", "ma", "no", "ol", "pe", "ra",
    "sa", "ti", "ur", "va", "we", "xi", "yo", "za", "lé", "mü", "ño", "ró", "sk",
];

fn word(rng: &mut Rng, parts: usize) -> String {
    let w: String = (0..parts).map(|_| *rng.pick(SYL)).collect();
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

struct Person {
    name: String,
    email: String,
    phone: String,
}

fn people(rng: &mut Rng) -> Vec<Person> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(PEOPLE);
    while out.len() < PEOPLE {
        let (f, l) = (word(rng, 2), word(rng, 3));
        let name = format!("{f} {l}");
        if !seen.insert(name.clone()) {
            continue;
        }
        let email = format!("{}.{}@firm{}.example", f.to_lowercase(), l.to_lowercase(), out.len() % 997)
            .replace(['é', 'ü', 'ñ', 'ó'], "x");
        let phone = format!("+1 415-555-{:04}", rng.next() % 10_000);
        out.push(Person { name, email, phone });
    }
    out
}

fn luhn_complete(rng: &mut Rng) -> String {
    let body = format!("4{}", rng.digits(14));
    let sum: u32 = body
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap();
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    let full = format!("{body}{}", (10 - sum % 10) % 10);
    format!("{} {} {} {}", &full[0..4], &full[4..8], &full[8..12], &full[12..16])
}

fn iban(rng: &mut Rng) -> String {
    let bban = rng.digits(18);
    let mut rem = 0u32;
    for c in format!("{bban}131400").chars() {
        rem = (rem * 10 + c.to_digit(10).unwrap()) % 97;
    }
    let full = format!("DE{:02}{bban}", 98 - rem);
    full.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
}

/// One note; labelled spans are pushed as (byte start, byte end, type).
fn note(rng: &mut Rng, ppl: &[Person], out: &mut String, spans: &mut Vec<(usize, usize, RedactionType)>) {
    let mut put = |out: &mut String, s: &str, t: Option<RedactionType>| {
        let start = out.len();
        out.push_str(s);
        if let Some(t) = t {
            spans.push((start, out.len(), t));
        }
    };
    let p = rng.pick(ppl);
    let q = rng.pick(ppl);
    use RedactionType as T;
    match rng.next() % 9 {
        0 => {
            put(out, "Met ", None);
            put(out, &p.name, Some(T::ThirdPartyName));
            put(out, " (", None);
            put(out, &p.email, Some(T::ThirdPartyEmail));
            put(out, ", ", None);
            put(out, &p.phone, Some(T::ThirdPartyPhone));
            put(out, ") about the renewal; PO-2026-00123 approved for $12,500. ", None);
        }
        1 => {
            put(
                out,
                "Dana Whitfield asked for pricing on 2026-03-14; call her on +1 212-555-0142 after the QBR. ",
                None,
            );
        }
        2 => {
            put(out, "Loop in ", None);
            put(out, &q.name, Some(T::ThirdPartyName));
            put(out, " for procurement. SSN on the W-9: ", None);
            let ssn =
                format!("{}-{}-{}", 100 + rng.next() % 600, 10 + rng.next() % 89, 1000 + rng.next() % 8999);
            put(out, &ssn, Some(T::Ssn));
            put(out, ". ", None);
        }
        3 => {
            put(out, "Card on file ", None);
            put(out, &luhn_complete(rng), Some(T::CardNumber));
            put(out, ", invoice 4411 2026 0000 for 25 seats. ", None);
        }
        4 => {
            put(out, "Rebate to IBAN ", None);
            put(out, &iban(rng), Some(T::Iban));
            put(out, " by 30 June. ", None);
        }
        5 => {
            put(out, "Her colleague ", None);
            put(out, &p.name, Some(T::ThirdPartyName));
            put(out, " logged in from ", None);
            let ip = format!("198.51.100.{}", rng.next() % 255);
            put(out, &ip, Some(T::IpOfOtherPerson));
            put(out, " at 10:30. ", None);
        }
        6 => {
            put(out, "Portal login shared by mistake, password: ", None);
            let pw = format!("{}{}!", word(rng, 2), rng.digits(3)).replace(['é', 'ü', 'ñ', 'ó'], "x");
            put(out, &pw, Some(T::Password));
            put(out, " -- reset requested. ", None);
        }
        7 => {
            put(out, "Visitor badge: CA DL ", None);
            let dl = format!("D{}", rng.digits(7));
            put(out, &dl, Some(T::DriversLicense));
            put(out, ", photo matched. ", None);
        }
        _ => {
            put(out, "Version 2.4.1 rolled out to 300 users; NPS 42, churn risk low. ", None);
        }
    }
}

fn generate(rng: &mut Rng, ppl: &[Person], bytes: usize) -> Vec<String> {
    let mut notes = Vec::new();
    let mut total = 0;
    let mut spans = Vec::new();
    while total < bytes {
        let mut s = String::new();
        for _ in 0..(2 + rng.next() % 3) {
            note(rng, ppl, &mut s, &mut spans);
        }
        spans.clear();
        total += s.len() + 1;
        notes.push(s);
    }
    notes
}

/// Import an N MB CSV into a fresh ledger and print this process's peak memory.
fn import_peak(mb: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        writeln!(f, "contact_id,first_name,last_name,email,phone,company,note").unwrap();
        let mut i = 0u64;
        let mut written = 0usize;
        while written < mb << 20 {
            let line = format!(
                "C{i:09},Ana{i},Lima{i},ana{i}@lima.example,+1 415 555 {:04},Firm {},\"Called about renewal, quote sent; follow up in May.\"\n",
                i % 10_000,
                i % 997
            );
            written += line.len();
            f.write_all(line.as_bytes()).unwrap();
            i += 1;
        }
    }
    let mut desk = Desk::create(&dir.path().join("p.ledger"), "benchmark passphrase", "bench").unwrap();
    let t = Instant::now();
    let s = desk.import_sources(&[path], None, &mut |_| true).unwrap();
    println!("{} {} {:.2}", peak_rss_kib(), s.imported[0].row_count, t.elapsed().as_secs_f64());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(mb) =
        args.iter().position(|a| a == "--import-peak").and_then(|i| args.get(i + 1)?.parse().ok())
    {
        import_peak(mb);
        return;
    }
    let mut rng = Rng(0x5eed_2026_1129);
    let ppl = people(&mut rng);
    let own = Identifiers {
        names: vec!["Dana Whitfield".into()],
        emails: vec!["dana.whitfield@acme.example".into()],
        phones: vec!["+1 212-555-0142".into()],
        ..Identifiers::default()
    };
    let t = Instant::now();
    let known = KnownPeople::from_lists(
        ppl.iter().map(|p| p.name.clone()),
        ppl.iter().map(|p| p.email.clone()),
        &own,
    );
    let scanner = Scanner::new(known, &own);
    let build_ours = t.elapsed();
    let notes = generate(&mut rng, &ppl, 100 << 20);
    let mb = notes.iter().map(|n| n.len() + 1).sum::<usize>() as f64 / (1 << 20) as f64;

    let t = Instant::now();
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(ppl.iter().map(|p| p.name.as_str()))
        .unwrap();
    let build_ac = t.elapsed();
    let t = Instant::now();
    let bare: usize = notes.iter().map(|n| ac.find_iter(n).count()).sum();
    let a = t.elapsed();
    let t = Instant::now();
    let ours: usize = notes.iter().map(|n| scanner.scan_text(n).len()).sum();
    let o = t.elapsed();
    println!("redaction scan of {mb:.0} MB of generated sales notes, {PEOPLE} known people, one run, side by side\n");
    println!(
        "{:<52} {:>9} hits {:>8.2?} {:>8.1} MB/s",
        "(a) bare aho-corasick, names only (ceiling)",
        bare,
        a,
        mb / a.as_secs_f64()
    );
    println!(
        "{:<52} {:>9} hits {:>8.2?} {:>8.1} MB/s",
        "Rightsdesk: known people + every pattern",
        ours,
        o,
        mb / o.as_secs_f64()
    );
    let patterns_only = Scanner::new(KnownPeople::default(), &own);
    let t = Instant::now();
    let pat: usize = notes.iter().map(|n| patterns_only.scan_text(n).len()).sum();
    let p = t.elapsed();
    println!(
        "{:<52} {:>9} hits {:>8.2?} {:>8.1} MB/s",
        "  of which: the patterns alone",
        pat,
        p,
        mb / p.as_secs_f64()
    );
    println!("ours / (a): {:.2} of the ceiling's speed (automaton build: ours {build_ours:.2?}, bare {build_ac:.2?})", a.as_secs_f64() / o.as_secs_f64());

    presidio(&mut rng, &ppl, &scanner);
    if std::env::var_os("RIGHTSDESK_BENCH_SCAN_ONLY").is_some() {
        return;
    }

    let exe = std::env::current_exe().unwrap();
    let peak = |mb: &str| -> String {
        let out = Command::new(&exe).args(["--import-peak", mb]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    for mb in ["10", "100"] {
        let line = peak(mb);
        let f: Vec<&str> = line.split_whitespace().collect();
        if let [kib, rows, secs] = f.as_slice() {
            let kib: f64 = kib.parse().unwrap_or(0.0);
            println!(
                "data import of a {mb} MB CSV ({rows} rows) into a ledger: {secs} s, peak memory {:.1} MiB",
                kib / 1024.0
            );
        }
    }
}

/// (b): the same kind of text, 1 MB, through Presidio and through ours.
fn presidio(rng: &mut Rng, ppl: &[Person], scanner: &Scanner) {
    let mut spans = Vec::new();
    let mut text = String::new();
    while text.len() < 1 << 20 {
        let before = spans.len();
        let mut s = String::new();
        note(rng, ppl, &mut s, &mut spans);
        let base = text.len();
        for sp in &mut spans[before..] {
            sp.0 += base;
            sp.1 += base;
        }
        text.push_str(&s);
        text.push('\n');
    }
    // Ours, on the same lines.
    let t = Instant::now();
    let mut hits = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        for h in scanner.scan_text(line) {
            hits.push((at + h.start, at + h.end, h.kind));
        }
        at += line.len() + 1;
    }
    let ours_t = t.elapsed();
    let found = spans.iter().filter(|s| hits.iter().any(|h| h.2 == s.2 && h.0 <= s.0 && h.1 >= s.1)).count();
    let kb = text.len() as f64 / 1024.0;
    println!(
        "\n1 MB sample ({} labelled spans): Rightsdesk {:.0} KB/s, recall {:.1}% ({found}/{})",
        spans.len(),
        kb / ours_t.as_secs_f64(),
        100.0 * found as f64 / spans.len() as f64,
        spans.len()
    );
    if std::env::var_os("RIGHTSDESK_BENCH_NO_PRESIDIO").is_some() {
        println!("Presidio skipped (RIGHTSDESK_BENCH_NO_PRESIDIO)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let setup = Command::new("bash").arg(root.join("benches/presidio_setup.sh")).output();
    let Some(python) = setup
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    else {
        println!("Presidio not available (benches/presidio_setup.sh failed); skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample.txt");
    std::fs::write(&sample, &text).unwrap();
    let char_at = |b: usize| text[..b].chars().count();
    let mut json = String::from("[");
    for (i, (s, e, t)) in spans.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            json,
            "{sep}{{\"start\":{},\"end\":{},\"type\":\"{}\"}}",
            char_at(*s),
            char_at(*e),
            t.as_str()
        );
    }
    json.push(']');
    let spans_path = dir.path().join("spans.json");
    std::fs::write(&spans_path, json).unwrap();
    let out = Command::new(python)
        .arg(root.join("benches/presidio_baseline.py"))
        .arg(&sample)
        .arg(&spans_path)
        .output()
        .unwrap();
    if !out.status.success() {
        println!("Presidio failed: {}", String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or(""));
        return;
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let p_kbs = v["kb_per_s"].as_f64().unwrap_or(0.0);
    println!(
        "Presidio {} ({}): {:.1} KB/s, recall {:.1}% ({}/{}), {} false positives",
        v["presidio_version"].as_str().unwrap_or("?"),
        v["spacy_model"].as_str().unwrap_or("?"),
        p_kbs,
        100.0 * v["recall"].as_f64().unwrap_or(0.0),
        v["found"],
        v["expected"],
        v["false_positives"]
    );
    println!("ours vs Presidio: {:.0}x faster", (kb / ours_t.as_secs_f64()) / p_kbs.max(1e-9));
}
