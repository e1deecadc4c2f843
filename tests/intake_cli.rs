//! `rightsdesk intake classify --json`: the contract other tools rely on.

mod common;
use common::*;

use std::path::Path;
use std::process::Command;

fn classify(files: &[&std::path::Path]) -> (Option<i32>, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_rightsdesk"))
        .args(["intake", "classify", "--json"])
        .args(files)
        .output()
        .unwrap();
    (out.status.code(), serde_json::from_slice(&out.stdout).unwrap_or_default())
}

#[test]
fn every_field_of_the_contract_with_evidence() {
    let dir = temp();
    let agent = write(
        dir.path(),
        "agent.eml",
        "From: Privacy Helpers <requests@helpers.example>\r\nSubject: Request on behalf of Daniel Kim\r\n\
         Message-ID: <a1@helpers.example>\r\nIn-Reply-To: <earlier@leadspace.com>\r\n\r\n\
         As authorized agent for a California resident we ask you to delete his data.\r\n",
    );
    let (code, v) = classify(&[&agent]);
    assert_eq!(code, Some(0));
    let m = &v[0];
    for key in [
        "file",
        "index",
        "message_id",
        "kinds",
        "jurisdiction",
        "requester_email",
        "subject_name",
        "on_behalf",
        "language",
        "in_reply_to",
        "evidence",
    ] {
        assert!(m.get(key).is_some(), "missing {key}: {m}");
    }
    assert_eq!(m["file"], agent.to_str().unwrap());
    assert_eq!(m["index"], 0);
    assert_eq!(m["message_id"], "<a1@helpers.example>");
    assert_eq!(m["kinds"], serde_json::json!(["deletion"]));
    assert_eq!(m["jurisdiction"], "us-ca");
    assert_eq!(m["requester_email"], "requests@helpers.example");
    assert_eq!(m["subject_name"], "Daniel Kim");
    assert_eq!(m["on_behalf"], "agent");
    assert_eq!(m["language"], "en");
    assert_eq!(m["in_reply_to"], "<earlier@leadspace.com>");
    let fields: Vec<&str> =
        m["evidence"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(
        fields.contains(&"kinds") && fields.contains(&"jurisdiction") && fields.contains(&"on_behalf"),
        "{fields:?}"
    );
}

#[test]
fn an_mbox_gives_one_object_per_message_and_bad_files_do_not_stop_the_rest() {
    let dir = temp();
    let ooo = "From: Bob <bob@example.com>\r\nSubject: Automatic reply: Out of office\r\nAuto-Submitted: auto-replied\r\n\r\nI am away.\r\n";
    let req = "From: Ana <ana@example.es>\r\nSubject: Borrar\r\n\r\nPor favor, borren todos mis datos. Vivo en España.\r\n";
    let mbox = write(
        dir.path(),
        "box.mbox",
        format!("From bob Mon Nov  2 10:00:00 2026\n{ooo}\nFrom ana Mon Nov  2 11:00:00 2026\n{req}\n"),
    );
    let junk = write(dir.path(), "junk.eml", [0u8, 159, 146, 150]);
    // Found by the fuzzer: mail-parser fails a debug assertion on it. Read or
    // refused, it gets its own object and the run goes on.
    let mangled = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/mangled-bounce.eml");
    let (code, v) = classify(&[&mbox, &junk, &mangled]);
    assert_eq!(code, Some(0), "something could be read");
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 4);
    assert_eq!(a[3]["file"], mangled.to_str().unwrap());
    assert_eq!(
        (a[0]["index"].clone(), a[0]["kinds"].clone()),
        (serde_json::json!(0), serde_json::json!(["not_a_request"]))
    );
    assert_eq!(a[1]["index"], 1);
    assert_eq!(a[1]["kinds"], serde_json::json!(["deletion"]));
    assert_eq!((a[1]["jurisdiction"].as_str(), a[1]["language"].as_str()), (Some("eu"), Some("es")));
    assert_eq!(a[2]["file"], junk.to_str().unwrap());
    assert!(a[2]["error"].as_str().unwrap().contains("not an email"), "{}", a[2]);
    let (code, v) = classify(&[&junk]);
    assert_eq!(code, Some(1), "nothing could be read");
    assert_eq!(v.as_array().unwrap().len(), 1);
}
