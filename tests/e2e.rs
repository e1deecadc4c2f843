//! End to end: the real binary in a real window (WebKitWebDriver through
//! tauri-driver, under Xvfb). Create a ledger, drop an email, open it, move its
//! status, export the acknowledgement letter. Run by `make test`, never skipped:
//! a missing driver or display fails the test.

mod common;
use common::*;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: a killed driver leaves WebKitWebDriver holding its port.
        let _ = Command::new("kill").arg("-TERM").arg(self.0.id().to_string()).status();
        let _ = self.0.wait();
    }
}

fn tauri_driver() -> PathBuf {
    let home_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin/tauri-driver"));
    match home_bin.filter(|p| p.exists()) {
        Some(p) => p,
        None => PathBuf::from("tauri-driver"),
    }
}

fn start_driver(env_dir: &Path, port: u16) -> Driver {
    std::fs::create_dir_all(env_dir.join("cache")).unwrap();
    let log = std::fs::File::create(env_dir.join("driver.log")).unwrap();
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no DISPLAY: run the end-to-end tests under xvfb-run (make test does)"
    );
    let child = Command::new(tauri_driver())
        .args(["--port", &port.to_string(), "--native-port", &free_port().to_string()])
        .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
        .env("RIGHTSDESK_LEDGER", env_dir.join("e2e.ledger"))
        .env("RIGHTSDESK_E2E_SAVE_PATH", env_dir.join("out/ack.pdf"))
        .env("RIGHTSDESK_E2E_DROP_ROOT", env_dir.join("inbox"))
        .env("XDG_DATA_HOME", env_dir.join("data"))
        .env("XDG_CACHE_HOME", env_dir.join("cache"))
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("tauri-driver must be installed (cargo install tauri-driver --locked)");
    Driver(child)
}

async fn connect(port: u16) -> Client {
    let caps = serde_json::json!({
        "tauri:options": { "application": env!("CARGO_BIN_EXE_rightsdesk") }
    });
    let caps = caps.as_object().unwrap().clone();
    let url = format!("http://127.0.0.1:{port}");
    let mut last = None;
    for _ in 0..100 {
        match ClientBuilder::native().capabilities(caps.clone()).connect(&url).await {
            Ok(c) => return c,
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not connect to tauri-driver at {url}: {last:?}");
}

async fn css(c: &Client, selector: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector} never appeared: {e}"))
}

async fn wait_for_attr(c: &Client, selector: &str, attr: &str, want: &str) {
    for _ in 0..100 {
        if let Ok(el) = c.find(Locator::Css(selector)).await {
            if el.attr(attr).await.ok().flatten().as_deref() == Some(want) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{selector}[{attr}] never became {want:?}");
}

async fn scenario(c: &Client, dir: &Path) {
    css(c, "#new-pass").await.send_keys(PASS).await.unwrap();
    css(c, "#new-pass2").await.send_keys(PASS).await.unwrap();
    css(c, "#create-ledger").await.click().await.unwrap();
    css(c, "#import-button").await;

    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let eml = write(
        &inbox,
        "okafor.eml",
        email(
            "Margaret Okafor <m.okafor@example.net>",
            "e2e-1@example.net",
            "Fri, 06 Mar 2026 15:00:00 +0000",
            "Request to know",
            "I live in California. Send me a copy of my data.",
        ),
    );
    // The page hears the same event the OS drop produces.
    let drop = "window.__TAURI_INTERNALS__.invoke('plugin:event|emit', {event: 'tauri://drag-drop', \
                payload: {paths: [arguments[0]], position: {x: 200, y: 200}}}); return true;";
    // The page registers its drop listener asynchronously after the desk
    // appears; send the event again until the import summary shows.
    let mut shown = false;
    for _ in 0..20 {
        c.execute(drop, vec![serde_json::json!(eml.to_str().unwrap())]).await.unwrap();
        let waited =
            c.wait().at_most(Duration::from_secs(1)).for_element(Locator::Css("#import-summary")).await;
        if waited.is_ok() {
            shown = true;
            break;
        }
    }
    assert!(shown, "dropping a file never produced an import summary");

    css(c, "[data-ref='2026-0001']").await.click().await.unwrap();
    let header = css(c, "#detail-ref").await.text().await.unwrap();
    assert_eq!(header.trim(), "2026-0001");
    wait_for_attr(c, "#detail-status", "data-status", "received").await;

    css(c, "#status-select").await.select_by_value("acknowledged").await.unwrap();
    css(c, "#status-apply").await.click().await.unwrap();
    wait_for_attr(c, "#detail-status", "data-status", "acknowledged").await;

    css(c, "#export-ack").await.click().await.unwrap();
    let out = dir.join("out/ack.pdf");
    for _ in 0..100 {
        if out.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let text = Command::new("pdftotext").arg(&out).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("2026-0001"), "letter text: {text}");
    assert!(text.contains("Margaret Okafor"), "letter text: {text}");
    let toast = css(c, "#toast").await.text().await.unwrap();
    assert!(toast.contains("ack.pdf"), "toast: {toast}");
}

/// The demo's first request (Margaret Okafor, CCPA access): find her rows in
/// the demo's data sources, confirm them, find redactions, export the
/// portable copy, and check that nothing redacted is in the file.
async fn pieces(c: &Client, dir: &Path, shot: &Option<PathBuf>) {
    css(c, "[data-ref='2026-0001']").await.click().await.unwrap();
    for _ in 0..50 {
        if css(c, "#detail-ref").await.text().await.unwrap().contains("2026-0001") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    css(c, "#tab-data").await.click().await.unwrap();
    css(c, "#find-pieces").await.click().await.unwrap();
    css(c, "[data-row]").await;
    let mut rows = Vec::new();
    for _ in 0..50 {
        rows = c.find_all(Locator::Css("[data-row]")).await.unwrap();
        if rows.len() >= 8 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut found = Vec::new();
    for r in &rows {
        found.push(r.attr("data-row").await.unwrap().unwrap_or_default());
    }
    found.sort();
    let want = [
        "crm-contacts.csv#1",
        "marketing-events.jsonl#1",
        "marketing-events.jsonl#2",
        "marketing-events.jsonl#3",
        "sales-notes.csv#1",
        "sales-notes.csv#2",
        "sales-notes.csv#3",
        "sales-notes.csv#5",
    ];
    assert_eq!(found, want, "her contact, three events, four notes; not her namesake");
    // The strong matches at once; then, one by one, the visitor's anonymous
    // event and the note that only mentions her.
    css(c, "#confirm-all").await.click().await.unwrap();
    let pending = "li[data-decision='pending'] [data-testid='confirm-row']";
    for _ in 0..200 {
        let left = c.find_all(Locator::Css("li[data-decision='pending']")).await.unwrap().len();
        if left == 0 {
            break;
        }
        if let Ok(button) = c.find(Locator::Css(pending)).await {
            if button.is_enabled().await.unwrap_or(false) {
                // From script: the pointer may land on the sticky action bar.
                let js = format!("document.querySelector(\"{pending}\").click();");
                c.execute(&js, vec![]).await.unwrap();
            }
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    assert!(
        c.find_all(Locator::Css("li[data-decision='pending']")).await.unwrap().is_empty(),
        "every row confirmed"
    );
    css(c, "#tab-redaction").await.click().await.unwrap();
    css(c, "#scan-redactions").await.click().await.unwrap();
    css(c, "[data-testid='redaction-hit']").await;
    if let Some(path) = shot {
        // Show a note with its highlighted hits.
        let js = "const n = document.querySelectorAll(\"[data-testid='redaction-hit']\"); n[n.length - 1].scrollIntoView({block: 'center'});";
        c.execute(js, vec![]).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        std::fs::write(path.with_file_name("redaction.png"), c.screenshot().await.unwrap()).unwrap();
    }
    css(c, "#export-pieces-json").await.click().await.unwrap();
    let mut toast = String::new();
    for _ in 0..50 {
        toast = css(c, "#toast").await.text().await.unwrap_or_default();
        if toast.contains("ack.pdf") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(toast.contains("ack.pdf"), "toast: {toast}");
    let out = std::fs::read_to_string(dir.join("out/ack.pdf")).unwrap();
    for gone in [
        "536-22-4187",
        "4111 1111 1111 1111",
        "Brightl1ne!2026",
        "Devon Achterberg",
        "(916) 555-0177",
        "(916) 555-0163",
        "Chiara Moretti",
    ] {
        assert!(!out.contains(gone), "{gone} survived in the export: {out}");
    }
    assert!(
        out.contains("[withheld: a Social Security number is held") && out.contains("m.okafor@example.net"),
        "{out}"
    );
}

/// The first requester's access disclosure: previewed from the PDF itself
/// (pdf.js pages on canvas), then saved, and read back.
async fn letters(c: &Client, dir: &Path, shot: &Option<PathBuf>) {
    css(c, "#tab-letters").await.click().await.unwrap();
    css(c, "#letter-kind").await;
    let js = "const s = document.querySelector('#letter-kind'); s.value = 'access'; s.dispatchEvent(new Event('change', {bubbles: true}));";
    c.execute(js, vec![]).await.unwrap();
    let mut pages = 0;
    for _ in 0..300 {
        pages = c.find_all(Locator::Css("#letter-preview canvas[data-page]")).await.unwrap().len();
        let counter = c.find(Locator::Css("#letter-page-count")).await;
        if pages > 0 && counter.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(pages >= 2, "the disclosure preview shows its pages ({pages})");
    // The canvas gets painted: its pixels are not all blank.
    let count_dark = "const cv = document.querySelector('#letter-preview canvas[data-page=\"1\"]'); \
         const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data; \
         let dark = 0; for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && d[i] < 128) dark++; } return dark;";
    let mut painted = 0;
    for _ in 0..200 {
        painted = c.execute(count_dark, vec![]).await.unwrap().as_u64().unwrap_or(0);
        if painted > 500 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(painted > 500, "page 1 is drawn: {painted} dark pixels");
    if let Some(path) = shot {
        let js = "document.querySelector('#letter-preview-heading').scrollIntoView({block: 'start'});";
        c.execute(js, vec![]).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        std::fs::write(path.with_file_name("letters.png"), c.screenshot().await.unwrap()).unwrap();
    }
    for _ in 0..50 {
        if css(c, "#letter-save").await.is_enabled().await.unwrap_or(false) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    c.execute("document.querySelector('#letter-save').click();", vec![]).await.unwrap();
    let saved = dir.join("out/ack.pdf");
    let mut text = String::new();
    for _ in 0..100 {
        if let Ok(bytes) = std::fs::read(&saved) {
            if bytes.starts_with(b"%PDF") {
                let out = std::process::Command::new("pdftotext").arg(&saved).arg("-").output().unwrap();
                text = String::from_utf8_lossy(&out.stdout).to_string();
                if text.contains("Appendix") {
                    break;
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for want in ["Margaret Okafor", "Categories sold", "Appendix", "m.okafor@example.net"] {
        assert!(text.contains(want), "{want:?} missing from the saved letter: {text}");
    }
    for gone in
        ["536-22-4187", "4111 1111 1111 1111", "Brightl1ne!2026", "Devon Achterberg", "(916) 555-0177"]
    {
        assert!(!text.contains(gone), "{gone} is in the letter");
    }
}

/// The data map screen, seeded from the policy.
async fn datamap(c: &Client, shot: &Option<PathBuf>) {
    css(c, "#nav-datamap").await.click().await.unwrap();
    let map = css(c, "#datamap").await.text().await.unwrap();
    assert!(map.contains("Marketo") && map.contains("Inferences"), "{map}");
    if let Some(path) = shot {
        tokio::time::sleep(Duration::from_millis(300)).await;
        std::fs::write(path.with_file_name("datamap.png"), c.screenshot().await.unwrap()).unwrap();
    }
}

/// A UK subject access request from the address on file: tick that step,
/// then mark the requester verified.
async fn verification(c: &Client, shot: &Option<PathBuf>) {
    css(c, "[data-ref='2026-0009']").await.click().await.unwrap();
    for _ in 0..50 {
        if css(c, "#detail-ref").await.text().await.unwrap().contains("2026-0009") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    css(c, "#tab-verification").await.click().await.unwrap();
    css(c, "#plan-heading").await;
    let mark = css(c, "#mark-verified").await;
    assert!(!mark.is_enabled().await.unwrap(), "not verified before the step is done");
    css(c, "#verification-steps input[data-step='known_address']").await.click().await.unwrap();
    css(c, "#step-reason-submit").await.click().await.unwrap();
    for _ in 0..50 {
        if css(c, "#mark-verified").await.is_enabled().await.unwrap_or(false) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    css(c, "#mark-verified").await.click().await.unwrap();
    css(c, "#outcome-reason-submit").await.click().await.unwrap();
    css(c, "#outcome-current [data-outcome='verified']").await;
    if let Some(path) = shot {
        tokio::time::sleep(Duration::from_millis(300)).await;
        std::fs::write(path.with_file_name("verification.png"), c.screenshot().await.unwrap()).unwrap();
    }
}

async fn demo(c: &Client, dir: &Path, shot: Option<PathBuf>) {
    css(c, "#open-demo").await.click().await.unwrap();
    css(c, "[data-ref]").await;
    let rows = c.find_all(Locator::Css("[data-ref]")).await.unwrap();
    assert_eq!(rows.len(), 10, "the demo ledger holds the ten samples");
    // The oldest sample (50 days) is overdue and marked as such in words.
    let body = css(c, "body").await.text().await.unwrap();
    assert!(body.to_lowercase().contains("overdue"), "{body}");
    rows[0].click().await.unwrap();
    css(c, "#detail-ref").await;
    if let Some(path) = &shot {
        c.set_window_size(1280, 800).await.unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        std::fs::write(path, c.screenshot().await.unwrap()).unwrap();
    }
    pieces(c, dir, &shot).await;
    letters(c, dir, &shot).await;
    verification(c, &shot).await;
    datamap(c, &shot).await;
    // The Reports screen asks the backend for this year's §7102 figures.
    css(c, "#nav-reports").await.click().await.unwrap();
    let table = css(c, "#metrics-table").await.text().await.unwrap().to_lowercase();
    assert!(table.contains("know") && table.contains("delete"), "{table}");
    if let Some(path) = shot {
        tokio::time::sleep(Duration::from_millis(300)).await;
        std::fs::write(path.with_file_name("reports.png"), c.screenshot().await.unwrap()).unwrap();
    }
}

async fn in_window<F, Fut>(f: F)
where
    F: FnOnce(Client, PathBuf) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = temp();
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    let port = free_port();
    let _driver = start_driver(dir.path(), port);
    let client = connect(port).await;
    f(client.clone(), dir.path().to_path_buf()).await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_drop_open_move_and_export_in_the_real_window() {
    in_window(|c, dir| async move { scenario(&c, &dir).await }).await;
}

/// Also writes the README's screenshot when RIGHTSDESK_SCREENSHOT names a file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_ledger_opens_with_its_samples() {
    let shot = std::env::var_os("RIGHTSDESK_SCREENSHOT").map(PathBuf::from);
    in_window(|c, dir| async move { demo(&c, &dir, shot).await }).await;
}
