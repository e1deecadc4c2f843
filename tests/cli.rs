//! The command line, run as a real process against a real ledger.

mod common;
use common::*;

use std::path::Path;
use std::process::{Command, Output};

fn rd(ledger: &Path, pass: &str, args: &[&str]) -> Output {
    if pass == PASS {
        return cli(ledger, args);
    }
    Command::new(env!("CARGO_BIN_EXE_rightsdesk"))
        .arg("--ledger")
        .arg(ledger)
        .args(args)
        .env("RIGHTSDESK_PASSPHRASE", pass)
        .output()
        .expect("run rightsdesk")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn init_import_list_show_letter_and_audit() {
    let dir = temp();
    let ledger = dir.path().join("cli.ledger");
    let o = rd(&ledger, PASS, &["init"]);
    assert!(o.status.success(), "{o:?}");

    let good = write(
        dir.path(),
        "good.eml",
        email(
            "Margaret Okafor <m.okafor@example.net>",
            "c1@x",
            "Fri, 06 Mar 2026 15:00:00 +0000",
            "Request",
            "California resident: please delete my data",
        ),
    );
    let bad = write(dir.path(), "bad.eml", "nothing like an email");
    let o = rd(&ledger, PASS, &["import", "--json", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "an error in the batch makes the exit non-zero");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["imported"][0]["ref"], "2026-0001");
    assert_eq!(v["imported"][0]["file"], good.to_str().unwrap());
    assert_eq!(v["duplicates"], serde_json::json!([]));
    assert_eq!(v["errors"][0]["file"], bad.to_str().unwrap());

    let o = rd(&ledger, PASS, &["import", "--json", good.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["duplicates"][0]["ref"], "2026-0001");

    let o = rd(&ledger, PASS, &["list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let r = &v[0];
    assert_eq!(r["ref"], "2026-0001");
    assert_eq!(r["received"], "2026-03-06");
    assert_eq!(r["requester_email"], "m.okafor@example.net");
    assert_eq!(r["kinds"], serde_json::json!(["deletion"]));
    assert_eq!(r["regime"], "ccpa");
    assert_eq!(r["status"], "received");
    assert_eq!(r["acknowledge_by"], "2026-03-20");
    assert_eq!(r["respond_by"], "2026-04-20");

    let o = rd(&ledger, PASS, &["show", "2026-0001"]);
    assert!(stdout(&o).contains("Respond by:     2026-04-20"), "{}", stdout(&o));
    let o = rd(&ledger, PASS, &["show", "2026-9999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no request 2026-9999"));

    let pdf = dir.path().join("ack.pdf");
    let o = rd(&ledger, PASS, &["letter", "2026-0001", "--kind", "ack", "--out", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    let o = rd(&ledger, PASS, &["audit", "verify"]);
    assert_eq!((o.status.code(), stdout(&o).trim()), (Some(0), "ok"));
}

#[test]
fn a_wrong_passphrase_exits_2_with_one_clear_line() {
    let dir = temp();
    let ledger = dir.path().join("cli.ledger");
    assert!(rd(&ledger, PASS, &["init"]).status.success());
    let o = rd(&ledger, "definitely the wrong one", &["list"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("passphrase does not open"), "{err}");
}

#[test]
fn rekey_from_the_command_line() {
    let dir = temp();
    let ledger = dir.path().join("cli.ledger");
    assert!(rd(&ledger, PASS, &["init"]).status.success());
    let next = "the brand new passphrase";
    let o = Command::new(env!("CARGO_BIN_EXE_rightsdesk"))
        .args(["--ledger", ledger.to_str().unwrap(), "rekey"])
        .env("RIGHTSDESK_PASSPHRASE", PASS)
        .env("RIGHTSDESK_NEW_PASSPHRASE", next)
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    assert_eq!(rd(&ledger, PASS, &["list"]).status.code(), Some(2));
    assert!(rd(&ledger, next, &["audit", "verify"]).status.success());
}
