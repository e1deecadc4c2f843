//! How the CLI prints: plain text for people, `--json` for scripts.

use serde_json::{json, Value};

use crate::desk::{
    register_fields, MetricsReport, RegisterRow, RequestDetail, RequestSummary, RetentionReport,
    REGISTER_HEADER,
};
use crate::intake::ImportSummary;
use crate::rules::DueDates;
use crate::{Error, Result};

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
        println!("duplicate  {}  {} (already in the ledger)", f.reference, f.file);
    }
    for f in &s.joined {
        println!("joined     {}  {} (a reply to that request)", f.reference, f.file);
    }
    for f in &s.not_requests {
        println!("set aside  {f} (not a request)");
    }
    for e in &s.errors {
        println!("error      {}", e.error);
    }
    for w in &s.warnings {
        println!("warning    {}", w.error);
    }
    println!("{} imported, {} duplicates, {} errors", s.imported.len(), s.duplicates.len(), s.errors.len());
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
    println!("{}  {}  {}", s.reference, s.regime.as_str(), s.status.as_str());
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

pub fn deadlines(due: &DueDates, as_json: bool) {
    if as_json {
        print_json(&serde_json::to_value(due).unwrap_or_default());
        return;
    }
    let show = |label: &str, d: Option<chrono::NaiveDate>| {
        println!("{label:<22} {}", d.map_or_else(|| "-".to_string(), |d| d.to_string()));
    };
    show("acknowledge by", due.acknowledge_by);
    show("respond by", Some(due.respond_by));
    show("extended respond by", due.extended_respond_by);
    show("extension notice by", due.extension_notice_by);
    show("opt-out effective by", due.opt_out_effective_by);
    show("appeal respond by", due.appeal_respond_by);
}

pub fn retention(r: &RetentionReport, as_json: bool) {
    if as_json {
        print_json(&serde_json::to_value(r).unwrap_or_default());
        return;
    }
    let verb = if r.dry_run { "would erase" } else { "erased" };
    println!("requests closed on or before {}: {}", r.closed_on_or_before, r.items.len());
    for i in &r.items {
        println!(
            "{verb} {} (closed {}): {} message(s), {} letter(s), {} audit detail(s)",
            i.reference, i.closed_on, i.messages, i.letters, i.audit_details
        );
    }
}

fn write_csv(header: &[&str], rows: Vec<Vec<String>>) -> Result<()> {
    let mut w = csv::Writer::from_writer(std::io::stdout());
    let fail = |e: csv::Error| Error::Invalid(format!("cannot write CSV: {e}"));
    w.write_record(header).map_err(fail)?;
    for row in rows {
        w.write_record(&row).map_err(fail)?;
    }
    w.flush().map_err(|e| Error::io("stdout", e))
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_default()
}

pub fn metrics(m: &MetricsReport, as_json: bool, as_csv: bool) -> Result<()> {
    if as_json {
        print_json(&serde_json::to_value(m).unwrap_or_default());
        return Ok(());
    }
    let rows = m
        .rows
        .iter()
        .map(|r| {
            let reasons: Vec<String> =
                r.denied_by_reason.iter().map(|c| format!("{}: {}", c.reason, c.count)).collect();
            vec![
                m.year.to_string(),
                r.right.clone(),
                r.received.to_string(),
                r.complied.to_string(),
                r.partial.to_string(),
                r.denied.to_string(),
                reasons.join("; "),
                num(r.median_days),
                num(r.mean_days),
            ]
        })
        .collect::<Vec<_>>();
    let header = [
        "year",
        "right",
        "received",
        "complied",
        "complied_in_part",
        "denied",
        "denied_by_reason",
        "median_days",
        "mean_days",
    ];
    if as_csv {
        return write_csv(&header, rows);
    }
    println!(
        "{:<8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "right", "received", "complied", "in part", "denied", "median", "mean"
    );
    for r in rows {
        println!("{:<8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}", r[1], r[2], r[3], r[4], r[5], r[7], r[8]);
    }
    Ok(())
}

pub fn register(rows: &[RegisterRow], as_json: bool, as_csv: bool) -> Result<()> {
    if as_json {
        print_json(&serde_json::to_value(rows).unwrap_or_default());
        return Ok(());
    }
    let lines = rows.iter().map(register_fields).collect::<Vec<_>>();
    if as_csv {
        return write_csv(&REGISTER_HEADER, lines);
    }
    for l in lines {
        println!("{}", l.join("  "));
    }
    Ok(())
}

pub fn classified(results: &[crate::intake::Classified], as_json: bool) {
    use crate::intake::Classified;
    if as_json {
        print_json(&serde_json::to_value(results).unwrap_or_default());
        return;
    }
    for r in results {
        match r {
            Classified::Message(u) => println!(
                "{}#{}  {}  {}  {}  from {}{}",
                u.file,
                u.index,
                u.kinds.join(","),
                u.jurisdiction,
                u.language,
                u.requester_email,
                u.on_behalf.as_ref().map(|b| format!(" ({b} for {})", u.subject_name)).unwrap_or_default()
            ),
            Classified::Failed { file, error } => println!("{file}  error: {error}"),
        }
    }
}

pub fn tray(items: &[crate::ledger::TrayItem], as_json: bool) {
    if as_json {
        print_json(&serde_json::to_value(items).unwrap_or_default());
        return;
    }
    for t in items {
        let why = t
            .evidence
            .iter()
            .rev()
            .find(|e| e.because.starts_with("not_a_request"))
            .map(|e| e.because.as_str());
        println!(
            "{:>5}  {}  {} <{}>  {}  ({})",
            t.id,
            t.received_at,
            t.from_name,
            t.from_email,
            t.subject,
            why.unwrap_or("")
        );
    }
}
