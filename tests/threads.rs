//! Replies join their request, non-requests wait in the tray, attachments are
//! kept encrypted with safe names, forwards name the real requester.

mod common;
use common::*;

use rightsdesk::rules::RequestKind;

#[test]
fn a_reply_joins_its_request_and_the_subject_reference_works_too() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let first = write(
        dir.path(),
        "a.eml",
        email(
            "Ann <ann@example.com>",
            "orig@x",
            "Mon, 02 Nov 2026 10:00:00 +0000",
            "Access",
            "California: a copy of my data",
        ),
    );
    let r = desk.import(&[first]).unwrap().imported[0].reference.clone();
    let reply = write(
        dir.path(),
        "b.eml",
        "From: Ann <ann@example.com>\r\nSubject: Re: Access\r\nMessage-ID: <reply@x>\r\nIn-Reply-To: <orig@x>\r\n\
         Date: Tue, 03 Nov 2026 10:00:00 +0000\r\n\r\nHere is my ID, as asked.\r\n",
    );
    let by_subject = write(
        dir.path(),
        "c.eml",
        format!(
            "From: Ann <ann@example.com>\r\nSubject: About {r}\r\nMessage-ID: <third@x>\r\n\r\nAny news?\r\n"
        ),
    );
    let s = desk.import(&[reply, by_subject]).unwrap();
    assert_eq!(s.imported, vec![], "{s:?}");
    assert_eq!(
        s.joined.iter().map(|j| j.reference.as_str()).collect::<Vec<_>>(),
        vec![r.as_str(), r.as_str()]
    );
    let d = desk.detail(&r).unwrap();
    assert_eq!(d.thread.len(), 3);
    assert!(d.thread[1].body_text.contains("Here is my ID"));
    assert!(d.timeline.iter().any(|e| e.action == "message.joined"));
}

#[test]
fn not_a_request_goes_to_the_tray_and_can_be_promoted() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let ooo = write(
        dir.path(),
        "ooo.eml",
        "From: Bob <bob@example.com>\r\nSubject: Automatic reply: Out of office\r\nAuto-Submitted: auto-replied\r\n\
         Message-ID: <ooo@x>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nI am away until Monday.\r\n",
    );
    let s = desk.import(std::slice::from_ref(&ooo)).unwrap();
    assert_eq!(s.not_requests, vec![ooo.display().to_string()]);
    assert!(desk.list(&Default::default()).unwrap().is_empty());
    let tray = desk.tray().unwrap();
    assert_eq!(tray.len(), 1);
    assert!(tray[0].evidence.iter().any(|e| e.because.contains("not_a_request")), "{:?}", tray[0].evidence);
    let again = desk.import(&[ooo]).unwrap();
    assert_eq!(again.duplicates.len(), 1, "the tray counts for duplicates");
    let r = desk.promote(tray[0].id).unwrap();
    assert!(desk.tray().unwrap().is_empty());
    let d = desk.detail(&r).unwrap();
    assert_eq!(d.summary.requester_email, "bob@example.com");
    assert_eq!(d.thread.len(), 1);
    assert!(desk.verify_audit().unwrap().ok);
}

#[test]
fn attachments_are_kept_with_safe_names_and_a_forward_names_the_consumer() {
    let dir = temp();
    let (mut desk, path) = new_desk(dir.path());
    let secret = "Attachment-Canary-4471";
    let raw = format!(
        "From: Colleague <sales@leadspace.com>\r\nSubject: Fwd: request\r\nMessage-ID: <fwd@x>\r\n\
         Date: Mon, 02 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nFYI\r\n\
         --b\r\nContent-Type: text/plain; name=\"../../etc/passwd\"\r\nContent-Disposition: attachment; filename=\"../../etc/passwd\"\r\n\r\n{secret}\r\n\
         --b\r\nContent-Type: message/rfc822\r\n\r\nFrom: Eva Novak <eva@example.cz>\r\nSubject: Delete me\r\n\
         Date: Sun, 01 Nov 2026 09:00:00 +0000\r\n\r\nUnder the GDPR please delete my data.\r\n--b--\r\n"
    );
    let f = write(dir.path(), "fwd.eml", raw);
    let s = desk.import(&[f]).unwrap();
    let r = &s.imported[0].reference;
    let d = desk.detail(r).unwrap();
    assert_eq!(d.summary.requester_email, "eva@example.cz");
    assert_eq!(d.summary.kinds, vec![RequestKind::Deletion]);
    assert_eq!(d.summary.received_date.to_string(), "2026-11-01", "the original's date, not the forward's");
    let names: Vec<&str> = d.thread[0].attachments.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"passwd"), "{names:?}");
    let passwd = d.thread[0].attachments.iter().find(|a| a.name == "passwd").unwrap();
    let (name, bytes) = desk.attachment(passwd.id).unwrap();
    assert_eq!(name, "passwd");
    assert!(String::from_utf8_lossy(&bytes).contains(secret));
    assert!(!contains(&ledger_bytes(&path), secret), "the attachment is encrypted at rest");
    assert!(d.thread[0].evidence.iter().any(|e| e.because.contains("forwarded by")));
}

#[test]
fn hostile_files_each_get_a_line_and_the_rest_imports() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let deep = format!(
        "From: a@example.com\r\nSubject: deep\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n{}",
        (1..10_000)
            .map(|i| format!("--b{}\r\nContent-Type: multipart/mixed; boundary=b{i}\r\n\r\n", i - 1))
            .collect::<String>()
    );
    let files = [
        write(dir.path(), "zero.eml", ""),
        write(dir.path(), "binary.eml", (0..=255u8).cycle().take(4096).collect::<Vec<u8>>()),
        write(dir.path(), "truncated.eml", "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/pl"),
        write(dir.path(), "headers-only.eml", "From: Header Only <h@example.com>\r\nSubject: delete my data\r\n"),
        write(dir.path(), "bad-utf8.eml", b"From: \xff\xfe Bad <bad@example.com>\r\nSubject: \xc3\x28 delete\r\n\r\nplease delete my data\r\n"),
        write(dir.path(), "nul.eml", "From: n@example.com\r\nSubject: x\r\n\r\nhello\0world\r\n"),
        write(dir.path(), "deep.eml", deep),
        // Found by the fuzzer: a mangled bounce on which mail-parser 0.11.9
        // fails a debug assertion (a panic in a debug build).
        write(dir.path(), "mangled-bounce.eml", std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile/mangled-bounce.eml")).unwrap()),
        write(dir.path(), "good.eml", email("Good <good@example.com>", "good@x", "Mon, 02 Nov 2026 10:00:00 +0000", "Access", "a copy of my data")),
    ];
    let s = desk.import(&files).unwrap();
    let settled = s.imported.len() + s.errors.len() + s.not_requests.len() + s.joined.len();
    assert_eq!(settled, files.len(), "every file is accounted for: {s:?}");
    assert!(s.imported.iter().any(|f| f.file.ends_with("good.eml")));
    for e in &s.errors {
        assert!(e.error.starts_with(&e.file), "the line names the file: {}", e.error);
    }
    // A message with no date at all says which time it used.
    assert!(
        s.warnings.iter().any(|w| w.file.ends_with("headers-only.eml") && w.error.contains("time of import")),
        "{s:?}"
    );
    assert!(desk.verify_audit().unwrap().ok);
}

#[test]
fn a_request_taken_by_phone_lives_like_an_imported_one() {
    let dir = temp();
    let ledger = dir.path().join("m.ledger");
    let run = |args: &[&str]| cli(&ledger, args);
    assert!(run(&["init"]).status.success());
    let scan = write(dir.path(), "id-scan.pdf", b"%PDF-1.4 scanned ID");
    let exe = write(dir.path(), "tool.exe", b"MZ");
    let o = run(&[
        "new",
        "--channel",
        "fax",
        "--received",
        "2026-11-02",
        "--email",
        "p@example.com",
        "--kind",
        "access",
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("channel \"fax\""), "{o:?}");
    let o = run(&[
        "new",
        "--channel",
        "phone",
        "--received",
        "2026-11-02",
        "--email",
        "p@example.com",
        "--kind",
        "access",
        "--attach",
        exe.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("scanned document"), "{o:?}");
    let o = run(&[
        "new",
        "--channel",
        "phone",
        "--received",
        "2026-11-02",
        "--email",
        "Phone.Caller@Example.com",
        "--name",
        "Phone Caller",
        "--kind",
        "deletion",
        "--jurisdiction",
        "us-ca",
        "--note",
        "Called at 10:05, asked us to delete everything.",
        "--attach",
        scan.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{o:?}");
    let o = run(&["show", "2026-0001", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["requester_email"], "phone.caller@example.com");
    assert_eq!((v["regime"].as_str(), v["received"].as_str()), (Some("ccpa"), Some("2026-11-02")));
    assert_eq!(v["kinds"], serde_json::json!(["deletion"]));
    assert!(v["body_text"].as_str().unwrap().contains("Called at 10:05"));
    let o = run(&["report", "register", "--json"]);
    let reg: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(reg[0]["channel"], "phone");
}

#[test]
fn an_attachment_over_the_officer_s_limit_is_left_out_and_its_message_kept() {
    let dir = temp();
    let (mut desk, _) = new_desk(dir.path());
    let mut profile = desk.profile().unwrap();
    profile.max_attachment_mb = 1;
    desk.save_profile(&profile).unwrap();
    profile.max_attachment_mb = 0;
    assert!(desk.save_profile(&profile).is_err(), "at least 1 MB");
    let big: String = (0..40_000).map(|n| format!("{n:054}\r\n")).collect(); // about 2.2 MB of base64 text
    let raw = format!(
        "From: Ana Lima <ana@lima.example>\r\nTo: compliance_privacy@leadspace.com\r\nSubject: Delete my data\r\n\
         Date: Mon, 16 Nov 2026 10:00:00 +0000\r\nMessage-ID: <limit@lima.example>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n\
         Please delete my data. I live in California.\r\n--b\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{big}--b--\r\n"
    );
    let file = write(dir.path(), "big.eml", raw);
    let s = desk.import(&[file]).unwrap();
    assert_eq!(s.imported.len(), 1, "{:?}", s.errors);
    let warned: String = s.warnings.iter().map(|w| w.error.as_str()).collect::<Vec<_>>().join(" ");
    assert!(warned.contains("scan.pdf") && warned.contains("over the 1 MB limit"), "{warned}");
    let d = desk.detail(&s.imported[0].reference).unwrap();
    assert!(d.thread[0].attachments.is_empty());
}
