//! The command line: the same core functions as the window, no window.

mod args;
mod clock;
mod data;
mod letters;
mod output;
mod verify;

pub use clock::parse_date;

use clap::Parser;

use args::{AuditAction, Cli, Command, FeeAction, IntakeAction, ReportKind, RetentionAction, SubjectAction};
use zeroize::Zeroizing;

use crate::desk::{default_ledger_path, os_user, Desk, RequestFilter};
use crate::{Error, Result};

/// Parse the arguments, run, and return the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 64 } else { 0 };
        }
    };
    match execute(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rightsdesk: {e}");
            if e.code() == "wrong_passphrase" {
                2
            } else {
                1
            }
        }
    }
}

fn passphrase(var: &str, prompt: &str, confirm: bool) -> Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var(var) {
        return Ok(Zeroizing::new(p));
    }
    let read = |p: &str| {
        rpassword::prompt_password(p)
            .map(Zeroizing::new)
            .map_err(|e| Error::Invalid(format!("cannot read a passphrase (set {var}): {e}")))
    };
    let first = read(prompt)?;
    if confirm && *read("Repeat it: ")? != *first {
        return Err(Error::Invalid("the two passphrases differ".into()));
    }
    Ok(first)
}

pub(crate) fn open(path: &std::path::Path) -> Result<Desk> {
    let pass = passphrase("RIGHTSDESK_PASSPHRASE", "Ledger passphrase: ", false)?;
    Desk::open(path, &pass, &os_user())
}

fn execute(cli: Cli) -> Result<i32> {
    let path = cli.ledger.unwrap_or_else(default_ledger_path);
    match cli.command {
        Command::Init => {
            let pass = passphrase("RIGHTSDESK_PASSPHRASE", "New ledger passphrase: ", true)?;
            Desk::create(&path, &pass, &os_user())?;
            println!("created {}", path.display());
        }
        Command::Rekey => {
            let current = passphrase("RIGHTSDESK_PASSPHRASE", "Current passphrase: ", false)?;
            let mut desk = Desk::open(&path, &current, &os_user())?;
            let next = passphrase("RIGHTSDESK_NEW_PASSPHRASE", "New passphrase: ", true)?;
            desk.rekey(&current, &next)?;
            println!("passphrase changed for {}", path.display());
        }
        Command::Import { files, json } => {
            let summary = open(&path)?.import(&files)?;
            output::import_summary(&summary, json);
            return Ok(if summary.errors.is_empty() { 0 } else { 1 });
        }
        Command::List { json } => output::list(&open(&path)?.list(&RequestFilter::default())?, json),
        Command::Show { reference, json } => output::show(&open(&path)?.detail(&reference)?, json),
        Command::Letter { reference, kind, sample, regime, lang, reason, task, name, rows, out } => {
            letters::letter(
                &path,
                letters::LetterArgs { reference, kind, sample, regime, lang, reason, task, name, rows, out },
            )?
        }
        Command::Delivered { reference, letter, via, on } => {
            letters::delivered(&mut open(&path)?, &reference, letter, &via, on)?
        }
        Command::Datamap { action } => letters::datamap(&mut open(&path)?, action)?,
        Command::Template { action } => letters::template(&mut open(&path)?, action)?,
        Command::Tasks { action } => letters::tasks(&mut open(&path)?, action)?,
        Command::New { channel, received, email, name, address, kinds, jurisdiction, note, attach } => {
            let form = crate::desk::ManualRequest {
                channel,
                received,
                requester_name: name,
                requester_email: email,
                postal_address: address,
                kinds: kinds.iter().map(|k| k.parse()).collect::<Result<_, _>>()?,
                regime: crate::intake::regime_for_jurisdiction(&jurisdiction)?,
                note,
            };
            let reference = open(&path)?.new_request(&form, &attach)?;
            println!("created {reference}");
        }
        Command::Tray { json } => output::tray(&open(&path)?.tray()?, json),
        Command::Promote { message } => {
            let reference = open(&path)?.promote(message)?;
            println!("message {message} is now request {reference}");
        }
        Command::Intake { action: IntakeAction::Classify { files, json } } => {
            let results = crate::intake::classify_files(&files);
            output::classified(&results, json);
            // Exit non-zero only when nothing at all could be read.
            let read_any = results.iter().any(|r| matches!(r, crate::intake::Classified::Message(_)));
            return Ok(if read_any { 0 } else { 1 });
        }
        Command::Subject { action: SubjectAction::Find { person, json } } => {
            data::subject_find(&person, json)?
        }
        Command::Redact { person, json } => data::redact(&person, json)?,
        Command::Data { action } => return data::data(&mut open(&path)?, action),
        Command::Pieces { action } => data::pieces(&mut open(&path)?, action)?,
        Command::Verify { action } => verify::run(&mut open(&path)?, action)?,
        Command::Deadlines { regime, received, kinds, pauses, extended, json } => {
            output::deadlines(&clock::deadlines(&regime, &received, &kinds, &pauses, extended)?, json)
        }
        Command::Pause { reference, on, reason } => {
            let mut desk = open(&path)?;
            let on = on.map(|d| clock::parse_date(&d)).transpose()?.map_or_else(|| desk.today(), Ok)?;
            desk.pause_clock(&reference, on, &reason)?;
            println!("{reference}: clock paused from {on}");
        }
        Command::Resume { reference, on, reason } => {
            let mut desk = open(&path)?;
            let on = on.map(|d| clock::parse_date(&d)).transpose()?.map_or_else(|| desk.today(), Ok)?;
            desk.resume_clock(&reference, on, &reason)?;
            println!("{reference}: clock running again from {on}");
        }
        Command::Extend { reference, reason } => {
            let mut desk = open(&path)?;
            desk.extend(&reference, &reason)?;
            let due = desk.detail(&reference)?.summary.due;
            println!("{reference}: extended; respond by {}", due.effective_respond_by());
        }
        Command::Status { reference, status } => {
            let d = open(&path)?.set_status(&reference, status.parse()?)?;
            println!("{reference}: {}", d.summary.status);
        }
        Command::Close { reference, outcomes, tasks_override } => {
            let outcomes = outcomes.iter().map(|o| clock::parse_outcome(o)).collect::<Result<Vec<_>>>()?;
            open(&path)?.close_with(&reference, &outcomes, &tasks_override)?;
            println!("{reference}: closed");
        }
        Command::Fee { action: FeeAction::Propose { reference, reasons, estimate, currency } } => {
            if !(0.0..=1_000_000.0).contains(&estimate) {
                return Err(Error::Invalid(format!(
                    "estimate {estimate}: expected an amount between 0 and 1000000"
                )));
            }
            open(&path)?.propose_fee(&reference, &reasons, (estimate * 100.0).round() as u32, &currency)?;
            println!("{reference}: fee of {currency} {estimate:.2} proposed");
        }
        Command::Fee { action: FeeAction::Decide { reference, accepted, .. } } => {
            open(&path)?.decide_fee(&reference, accepted)?;
            println!("{reference}: fee {}", if accepted { "accepted" } else { "declined" });
        }
        Command::Retention { action: RetentionAction::Run { dry_run, json } } => {
            output::retention(&open(&path)?.retention_run(dry_run)?, json)
        }
        Command::Report { report: ReportKind::Metrics { year, json, csv } } => {
            output::metrics(&open(&path)?.metrics(year)?, json, csv)?
        }
        Command::Report { report: ReportKind::Register { json, csv } } => {
            output::register(&open(&path)?.register()?, json, csv)?
        }
        Command::Audit { action: AuditAction::Verify } => {
            let report = open(&path)?.verify_audit()?;
            if report.ok {
                println!("ok");
            } else {
                eprintln!("{}", report.message);
                return Ok(1);
            }
        }
    }
    Ok(0)
}
