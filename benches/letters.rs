//! A disclosure letter with a 500-row specific-pieces appendix: Rightsdesk's
//! renderer side by side with WeasyPrint rendering an equivalent HTML letter
//! (letterhead, a table whose header repeats on each page, "Page N of M",
//! the same Noto Sans font, subset). Time is the median of the runs, after a
//! warm-up render on each side. Run: `cargo bench --no-default-features --bench letters`
//! (creates the WeasyPrint venv with benches/weasyprint_setup.sh if needed).

use std::process::Command;
use std::time::Instant;

use rightsdesk::letters::sample::{facts, SampleOptions};
use rightsdesk::letters::{compose, render, Block, Lang, LetterKind, Sources};
use rightsdesk::rules::Regime;

const RUNS: usize = 7;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The same letter as HTML for WeasyPrint.
fn html(doc: &rightsdesk::letters::LetterDoc, font_dir: &str) -> String {
    let mut h = format!(
        "<!doctype html><html><head><meta charset='utf-8'><style>
@font-face {{ font-family: 'Noto Sans'; src: url('file://{font_dir}/NotoSans-Regular.ttf'); }}
@font-face {{ font-family: 'Noto Sans'; font-weight: bold; src: url('file://{font_dir}/NotoSans-Bold.ttf'); }}
@page {{ size: Letter; margin: 25mm 25mm 33mm 25mm;
  @bottom-left {{ content: 'Reference {r} · Page ' counter(page) ' of ' counter(pages); font: 8pt 'Noto Sans'; color: #555; }} }}
body {{ font: 10.5pt/1.45 'Noto Sans'; color: #1a1a1a; }}
.head h1 {{ font-size: 15pt; margin: 0; }} .head p {{ font-size: 8.5pt; color: #555; margin: 0; }}
.head {{ border-bottom: 0.8pt solid #175e6e; padding-bottom: 3mm; margin-bottom: 9mm; }}
h2 {{ font-size: 12pt; }} table {{ width: 100%; border-collapse: collapse; font-size: 8.5pt; }}
thead {{ display: table-header-group; }} th {{ background: #e6f0f2; text-align: left; }}
td, th {{ padding: 1.6mm; border-bottom: 0.3pt solid #ccc; vertical-align: top; }}
</style></head><body><div class='head'>",
        r = esc(&doc.reference)
    );
    if let Some((name, rest)) = doc.letterhead.split_first() {
        h.push_str(&format!("<h1>{}</h1>", esc(name)));
        for l in rest {
            h.push_str(&format!("<p>{}</p>", esc(l)));
        }
    }
    h.push_str("</div>");
    for b in &doc.blocks {
        match b {
            Block::Heading(t) => h.push_str(&format!("<h2>{}</h2>", esc(t))),
            Block::Paragraph(t) => h.push_str(&format!("<p>{}</p>", esc(t))),
            Block::Lines(ls) => {
                h.push_str(&format!("<p>{}</p>", ls.iter().map(|l| esc(l)).collect::<Vec<_>>().join("<br>")))
            }
            Block::Field(l, v) => h.push_str(&format!("<p><b>{}:</b> {}</p>", esc(l), esc(v))),
            Block::Bullets(items) => {
                h.push_str("<ul>");
                for i in items {
                    h.push_str(&format!("<li>{}</li>", esc(i)));
                }
                h.push_str("</ul>");
            }
            Block::Table { headers, rows } => {
                h.push_str("<table><thead><tr>");
                for c in headers {
                    h.push_str(&format!("<th>{}</th>", esc(c)));
                }
                h.push_str("</tr></thead><tbody>");
                for r in rows {
                    h.push_str("<tr>");
                    for c in r {
                        h.push_str(&format!("<td>{}</td>", esc(c)));
                    }
                    h.push_str("</tr>");
                }
                h.push_str("</tbody></table>");
            }
        }
    }
    h.push_str("</body></html>");
    h
}

fn pages(pdf: &[u8]) -> usize {
    pdf.windows(10).filter(|w| w == b"/Type/Page" || w == b"/Type /Pag").count()
}

fn main() {
    let opts = SampleOptions { pieces: 500, ..SampleOptions::default() };
    let f = facts(LetterKind::Access, Regime::Ccpa, Lang::En, &opts).expect("sample facts");
    let sources = Sources::builtin(LetterKind::Access, Lang::En);
    let doc = compose(&f, &sources).expect("compose");
    let ours = render(&doc).expect("render");
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let doc = compose(&f, &sources).expect("compose");
        let pdf = render(&doc).expect("render");
        times.push(t.elapsed());
        assert_eq!(pdf, ours, "same letter, same bytes");
    }
    times.sort();
    let ours_s = times[RUNS / 2].as_secs_f64();
    println!(
        "rightsdesk: 500-row disclosure (facts → template → PDF), median of {RUNS}: {:.1} ms, {} bytes, {} pages",
        ours_s * 1000.0,
        ours.len(),
        pages(&ours)
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let font_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src-tauri/letters/fonts");
    let html_path = dir.path().join("letter.html");
    std::fs::write(&html_path, html(&doc, font_dir)).expect("write html");
    std::fs::write(dir.path().join("rightsdesk.pdf"), &ours).expect("write pdf");
    let setup = Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/weasyprint_setup.sh"))
        .output();
    let python = match setup {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_string(),
        other => {
            println!("weasyprint: venv could not be set up ({other:?}); baseline skipped");
            return;
        }
    };
    let out_pdf = dir.path().join("weasyprint.pdf");
    let o = Command::new(&python)
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/weasyprint_baseline.py"))
        .arg(&html_path)
        .arg(&out_pdf)
        .arg(RUNS.to_string())
        .output()
        .expect("run weasyprint");
    if !o.status.success() {
        println!("weasyprint failed: {}", String::from_utf8_lossy(&o.stderr));
        return;
    }
    let line = String::from_utf8_lossy(&o.stdout);
    let v: serde_json::Value = serde_json::from_str(line.trim()).expect("weasyprint JSON");
    let ws = v["median_s"].as_f64().unwrap_or(f64::NAN);
    let wb = v["bytes"].as_u64().unwrap_or(0);
    println!(
        "weasyprint 70.0: same letter as HTML, median of {RUNS}: {:.1} ms, {wb} bytes, {} pages",
        ws * 1000.0,
        v["pages"]
    );
    println!(
        "ratio: rightsdesk is {:.1}x faster (goal ≥ 20x); file size {:.3} of WeasyPrint's (goal ≤ 1.00)",
        ws / ours_s,
        ours.len() as f64 / wb as f64
    );
}
