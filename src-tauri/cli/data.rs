//! `subject find`, `redact` (no ledger), and the ledger's `data` and `pieces`.

use serde::Serialize;

use super::args::{DataAction, PersonArgs, PiecesAction};
use super::clock::parse_date;
use crate::desk::Desk;
use crate::ledger::RedactionChoice;
use crate::redact::{redact_rows, scanner_for, RedactionType};
use crate::subject::{find_rows, Found, Identifiers, Lookback, Problem, Role, Source};
use crate::{Error, Result};

/// Read the exports; a file that cannot be read is named on stderr and skipped.
fn load(person: &PersonArgs) -> Result<(Vec<Source>, Found)> {
    let mut sources = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for path in &person.data {
        match Source::load(path, &mut problems) {
            Ok(s) => sources.push(s),
            Err(e) => eprintln!("rightsdesk: {e}"),
        }
    }
    for p in &problems {
        eprintln!("{}:{}: {}", p.file, p.line, p.what);
    }
    if sources.is_empty() {
        return Err(Error::Invalid("none of the data files could be read".into()));
    }
    let ids = Identifiers {
        names: person.names.clone(),
        emails: person.emails.clone(),
        phones: person.phones.clone(),
        company: person.company.clone(),
        location: person.location.clone(),
    };
    if ids.names.is_empty() && ids.emails.is_empty() && ids.phones.is_empty() {
        return Err(Error::Invalid("give at least one --name, --email or --phone".into()));
    }
    let since = person.since.as_deref().map(parse_date).transpose()?;
    let found = find_rows(&sources, &ids, Lookback { since });
    Ok((sources, found))
}

#[derive(Serialize)]
struct FoundRowOut<'a> {
    file: &'a str,
    row_id: &'a str,
    score: f32,
    why: &'a str,
}

pub fn subject_find(person: &PersonArgs, json: bool) -> Result<()> {
    let (_, found) = load(person)?;
    if json {
        let rows: Vec<FoundRowOut> = found
            .candidates
            .iter()
            .map(|c| FoundRowOut { file: &c.file, row_id: &c.row_id, score: c.score, why: &c.why })
            .collect();
        println!("{}", serde_json::json!({ "rows": rows }));
    } else {
        for c in &found.candidates {
            println!("{}\t{}\t{:.2}\t{}", c.file, c.row_id, c.score, c.why);
        }
        println!("{} rows", found.candidates.len());
    }
    Ok(())
}

pub fn redact(person: &PersonArgs, json: bool) -> Result<()> {
    let (sources, found) = load(person)?;
    let scanner = scanner_for(&sources, &found.candidates, &found.identifiers);
    let redactions = redact_rows(&sources, &found.candidates, &scanner);
    if json {
        println!("{}", serde_json::json!({ "redactions": redactions }));
    } else {
        for r in &redactions {
            println!(
                "{}\t{}\t{}\t{}..{}\t{}\t{}",
                r.file,
                r.row_id,
                r.field,
                r.start,
                r.end,
                r.kind.as_str(),
                r.text
            );
        }
        println!("{} redactions", redactions.len());
    }
    Ok(())
}

pub fn data(desk: &mut Desk, action: DataAction) -> Result<i32> {
    match action {
        DataAction::Import { files, name, json } => {
            let summary = desk.import_sources(&files, name.as_deref(), &mut |_| true)?;
            if json {
                println!("{}", serde_json::to_string(&summary).map_err(|e| Error::Invalid(e.to_string()))?);
            } else {
                for s in &summary.imported {
                    println!("{}: {} rows", s.name, s.row_count);
                    for p in &s.problems {
                        println!("  {}:{}: {}", p.file, p.line, p.what);
                    }
                }
                for e in &summary.errors {
                    eprintln!("rightsdesk: {e}");
                }
            }
            return Ok(if summary.errors.is_empty() { 0 } else { 1 });
        }
        DataAction::List { json } => {
            let sources = desk.sources()?;
            if json {
                println!("{}", serde_json::to_string(&sources).map_err(|e| Error::Invalid(e.to_string()))?);
            } else {
                for s in sources {
                    let cols: Vec<String> =
                        s.columns.iter().map(|c| format!("{}={:?}", c.name, c.role)).collect();
                    println!("{}\t{} rows\t{}", s.name, s.row_count, cols.join(", "));
                }
            }
        }
        DataAction::Role { source, column, role } => {
            let role: Role =
                serde_json::from_value(serde_json::Value::String(role.clone())).map_err(|_| {
                    Error::Invalid(format!("role {role:?}: expected one of {}", role_names().join(", ")))
                })?;
            desk.set_column_role(&source, &column, role)?;
            println!("{source}.{column}: {role:?}");
        }
        DataAction::Remove { source } => {
            desk.remove_source(&source)?;
            println!("removed {source}");
        }
    }
    Ok(0)
}

fn role_names() -> Vec<String> {
    Role::ALL.iter().filter_map(|r| serde_json::to_value(r).ok()?.as_str().map(str::to_string)).collect()
}

fn print<T: Serialize>(v: &T) -> Result<()> {
    println!("{}", serde_json::to_string(v).map_err(|e| Error::Invalid(e.to_string()))?);
    Ok(())
}

pub fn pieces(desk: &mut Desk, action: PiecesAction) -> Result<()> {
    match action {
        PiecesAction::Find { reference, json } => {
            let view = desk.find_pieces(&reference)?;
            if json {
                return print(&view.rows.iter().map(|r| &r.found).collect::<Vec<_>>());
            }
            for r in &view.rows {
                let f = &r.found;
                println!(
                    "{}\t{}\t{}\t{:.2}\t{:?}\t{}",
                    f.source, f.number, f.row_id, f.score, f.decision, f.why
                );
            }
        }
        PiecesAction::Confirm { reference, source, row, reject, reason } => {
            desk.decide_piece_row(&reference, &source, row, !reject, &reason)?;
            println!("{reference}: {source} row {row} {}", if reject { "rejected" } else { "confirmed" });
        }
        PiecesAction::Redact { reference, json } => {
            let view = desk.scan_redactions(&reference)?;
            if json {
                return print(&view.redactions);
            }
            for x in &view.redactions {
                println!(
                    "{}\t{} row {}\t{}\t{}..{}\t{}\t{:?}\t{}",
                    x.id,
                    x.source,
                    x.number,
                    x.field,
                    x.start,
                    x.end,
                    x.kind.as_str(),
                    x.decision,
                    x.text
                );
            }
        }
        PiecesAction::Decide { reference, id, kind, reject, reason } => {
            let which = match (id, kind) {
                (Some(id), None) => RedactionChoice::One(id),
                (None, Some(k)) => RedactionChoice::Type(
                    RedactionType::parse(&k)
                        .ok_or_else(|| Error::Invalid(format!("redaction type {k:?}")))?,
                ),
                _ => return Err(Error::Invalid("give either a redaction number or --type".into())),
            };
            desk.decide_redactions(&reference, which, !reject, &reason)?;
            println!("{reference}: {}", if reject { "rejected" } else { "kept" });
        }
        PiecesAction::Export { reference, format, out } => {
            let done = desk.export_pieces(&reference, format.parse()?, &out)?;
            println!("wrote {} ({} rows, sha256 {})", done.path, done.rows, done.sha256);
        }
    }
    Ok(())
}
