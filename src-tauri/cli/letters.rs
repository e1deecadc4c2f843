//! `letter`, `delivered`, `datamap`, `template` and `tasks`.

use std::path::{Path, PathBuf};

use super::args::{DatamapAction, TasksAction, TemplateAction};
use super::clock::parse_date;
use crate::desk::{write_atomically, Desk, LetterOptions};
use crate::letters::sample::{facts, SampleOptions};
use crate::letters::{compose, render, Lang, LetterKind, Sources};
use crate::rules::Regime;
use crate::{Error, Result};

pub struct LetterArgs {
    pub reference: Option<String>,
    pub kind: Option<String>,
    pub sample: Option<String>,
    pub regime: String,
    pub lang: Option<String>,
    pub reason: String,
    pub task: Option<u32>,
    pub name: Option<String>,
    pub rows: Option<usize>,
    pub out: PathBuf,
}

pub fn letter(ledger: &Path, a: LetterArgs) -> Result<()> {
    if let Some(kind) = a.sample {
        let kind: LetterKind = kind.parse()?;
        let regime: Regime = a.regime.parse()?;
        let lang: Lang = a.lang.as_deref().unwrap_or("en").parse()?;
        let mut opts = SampleOptions::default();
        if let Some(name) = a.name {
            opts.requester_name = name;
        }
        if let Some(rows) = a.rows {
            opts.pieces = rows;
        }
        let f = facts(kind, regime, lang, &opts)?;
        let pdf = render(&compose(&f, &Sources::builtin(kind, lang))?)?;
        write_atomically(&a.out, &pdf)?;
        println!("wrote {} (sample {} letter, {}, {})", a.out.display(), kind.code(), a.regime, lang.code());
        return Ok(());
    }
    let reference =
        a.reference.ok_or_else(|| Error::Invalid("give the request's reference, or --sample KIND".into()))?;
    let kind: LetterKind = a
        .kind
        .ok_or_else(|| Error::Invalid("give the letter with --kind (ack, access, deletion, …)".into()))?
        .parse()?;
    let opts = LetterOptions { lang: a.lang, reason: a.reason, task: a.task };
    let done = super::open(ledger)?.export_letter(&reference, kind, &opts, &a.out)?;
    println!("wrote {} (sha256 {})", done.path, done.sha256);
    Ok(())
}

fn day(desk: &Desk, on: Option<String>) -> Result<chrono::NaiveDate> {
    on.map(|d| parse_date(&d)).transpose()?.map_or_else(|| desk.today(), Ok)
}

pub fn delivered(desk: &mut Desk, reference: &str, letter: u32, via: &str, on: Option<String>) -> Result<()> {
    let on = day(desk, on)?;
    let info = desk.record_delivery(reference, letter, via, on)?;
    println!("{reference}: letter {} ({}) sent by {via} on {on}", info.id, info.kind);
    Ok(())
}

fn json<T: serde::Serialize>(v: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(v).map_err(|e| Error::Invalid(e.to_string()))?);
    Ok(())
}

pub fn datamap(desk: &mut Desk, action: DatamapAction) -> Result<()> {
    match action {
        DatamapAction::Show { version: None } => json(&desk.data_map()?),
        DatamapAction::Show { version: Some(v) } => json(&desk.data_map_version(v)?),
        DatamapAction::Versions => {
            for v in desk.data_map_versions()? {
                println!("{}\t{}\t{}\t{}", v.version, v.created_at, v.actor, v.note);
            }
            Ok(())
        }
        DatamapAction::Import { file, note } => {
            let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let map = crate::datamap::parse(&text)
                .map_err(|e| Error::Invalid(format!("{}: {e}", file.display())))?;
            let saved = desk.save_data_map(&map, &note)?;
            println!("data map version {} saved", saved.version);
            Ok(())
        }
    }
}

pub fn template(desk: &mut Desk, action: TemplateAction) -> Result<()> {
    match action {
        TemplateAction::Show { kind, lang } => {
            print!("{}", desk.letter_template(&kind, lang.parse()?)?.body);
        }
        TemplateAction::Set { kind, lang, file } => {
            let body = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let t = desk.save_letter_template(&kind, lang.parse()?, &body)?;
            println!("{kind} ({lang}) template version {} saved", t.version);
        }
        TemplateAction::Versions { kind, lang } => {
            for v in desk.letter_template(&kind, lang.parse()?)?.versions {
                println!("{}\t{}\t{}", v.version, v.created_at, v.actor);
            }
            println!("0\t\tbuilt-in");
        }
    }
    Ok(())
}

pub fn tasks(desk: &mut Desk, action: TasksAction) -> Result<()> {
    let view = match action {
        TasksAction::List { reference, json: true } => return json(&desk.recipient_tasks(&reference)?),
        TasksAction::List { reference, json: false } => desk.recipient_tasks(&reference)?,
        TasksAction::Create { reference } => desk.fan_out(&reference)?,
        TasksAction::Sent { reference, task, on } => {
            let on = day(desk, on)?;
            desk.mark_recipient_task(&reference, task, false, on)?
        }
        TasksAction::Confirmed { reference, task, on } => {
            let on = day(desk, on)?;
            desk.mark_recipient_task(&reference, task, true, on)?
        }
    };
    for t in &view.tasks {
        println!(
            "{}\t{}\t{}\tsent {}\tconfirmed {}",
            t.id,
            t.recipient,
            t.action,
            t.sent_on.as_deref().unwrap_or("-"),
            t.confirmed_on.as_deref().unwrap_or("-")
        );
    }
    println!("{} open", view.open);
    Ok(())
}
