//! How the CLI prints: plain text for people, `--json` for scripts.

use serde_json::{json, Value};

use crate::desk::{RequestDetail, RequestSummary};
use crate::intake::ImportSummary;

fn print_json(v: &Value) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

pub fn import_summary(s: &ImportSummary, as_json: bool) {
    if as_json {
        print_json(&serde_json::to_value(s).unwrap_or_default());
        return;
    }
    for f in &s.imported {
        println!("imported   {}  {}", f.reference, f.file);
    }
    for f in &s.duplicates {
        println!(
            "duplicate  {}  {} (already in the ledger)",
            f.reference, f.file
        );
    }
    for e in &s.errors {
        println!("error      {}", e.error);
    }
    println!(
        "{} imported, {} duplicates, {} errors",
        s.imported.len(),
        s.duplicates.len(),
        s.errors.len()
    );
}

fn summary_json(r: &RequestSummary) -> Value {
    json!({
        "ref": r.reference,
        "received": r.received_date,
        "received_at": r.received_at,
        "requester_name": r.requester_name,
        "requester_email": r.requester_email,
        "kinds": r.kinds,
        "regime": r.regime,
        "status": r.status,
        "acknowledge_by": r.due.acknowledge_by,
        "respond_by": r.due.respond_by,
        "next_due": r.next_due,
    })
}

fn days(r: &RequestSummary) -> String {
    match &r.next_due {
        Some(n) if n.days_left < 0 => format!("OVERDUE {}d ({})", -n.days_left, n.label),
        Some(n) => format!("{}d ({})", n.days_left, n.label),
        None => "-".into(),
    }
}

pub fn list(list: &[RequestSummary], as_json: bool) {
    if as_json {
        print_json(&Value::Array(list.iter().map(summary_json).collect()));
        return;
    }
    println!(
        "{:<10} {:<10} {:<32} {:<24} {:<7} {:<12} due",
        "ref", "received", "requester", "kinds", "regime", "status"
    );
    for r in list {
        let kinds: Vec<&str> = r.kinds.iter().map(|k| k.as_str()).collect();
        println!(
            "{:<10} {:<10} {:<32} {:<24} {:<7} {:<12} {}",
            r.reference,
            r.received_date,
            r.requester_email,
            kinds.join(","),
            r.regime.as_str(),
            r.status.as_str(),
            days(r)
        );
    }
}

pub fn show(d: &RequestDetail, as_json: bool) {
    let s = &d.summary;
    if as_json {
        let mut v = summary_json(s);
        v["postal_address"] = json!(d.postal_address);
        v["subject"] = json!(d.subject);
        v["from"] = json!(d.from);
        v["message_id"] = json!(d.message_id);
        v["body_text"] = json!(d.body_text);
        v["allowed_next"] = json!(d.allowed_next);
        v["timeline"] = json!(d.timeline);
        v["letters"] = json!(d.letters);
        print_json(&v);
        return;
    }
    println!(
        "{}  {}  {}",
        s.reference,
        s.regime.as_str(),
        s.status.as_str()
    );
    println!("From:      {}", d.from);
    println!("Requester: {} <{}>", s.requester_name, s.requester_email);
    println!("Received:  {}", s.received_date);
    if let Some(a) = s.due.acknowledge_by {
        println!("Acknowledge by: {a}");
    }
    println!("Respond by:     {}", s.due.respond_by);
    println!("Subject:   {}\n\n{}\n", d.subject, d.body_text);
    for e in &d.timeline {
        println!("{}  {:<16} {}  {}", e.at, e.action, e.actor, e.detail);
    }
}
