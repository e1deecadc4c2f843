//! The command line: the same core functions as the window, no window.

mod clock;
mod output;

pub use clock::parse_date;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use zeroize::Zeroizing;

use crate::desk::{default_ledger_path, os_user, Desk, RequestFilter};
use crate::letters::LetterKind;
use crate::{Error, Result};

#[derive(Parser, Debug)]
#[command(name = "rightsdesk", version, about = "Offline desk for privacy-rights requests")]
struct Cli {
    /// The ledger file [default: $RIGHTSDESK_LEDGER, else the per-user data folder]
    #[arg(long, global = true)]
    ledger: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Create a new, empty ledger
    Init,
    /// Change the ledger's passphrase (new one from $RIGHTSDESK_NEW_PASSPHRASE or a prompt)
    Rekey,
    /// Import .eml files (or folders of them) as requests
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// List requests, soonest due first
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one request
    Show {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Export a letter as PDF
    Letter {
        reference: String,
        /// Which letter: ack or extension
        #[arg(long)]
        kind: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Enter a request that did not come by email
    New {
        /// phone, post, web or in_person
        #[arg(long)]
        channel: String,
        /// YYYY-MM-DD, or a date and time (RFC 3339)
        #[arg(long)]
        received: String,
        #[arg(long, default_value = "")]
        email: String,
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long, default_value = "")]
        address: String,
        /// What is asked (repeatable)
        #[arg(long = "kind", required = true)]
        kinds: Vec<String>,
        /// us-ca, eu, uk, us-va, us-co, us-ct, us-tx, us-or, us-ut or unknown
        #[arg(long, default_value = "unknown")]
        jurisdiction: String,
        #[arg(long, default_value = "")]
        note: String,
        /// A scanned document, PDF or image (repeatable)
        #[arg(long = "attach")]
        attach: Vec<PathBuf>,
    },
    /// Messages set aside as not a request
    Tray {
        #[arg(long)]
        json: bool,
    },
    /// Make a request of a set-aside message (its number from `tray`)
    Promote { message: u32 },
    /// Read request emails without a ledger
    Intake {
        #[command(subcommand)]
        action: IntakeAction,
    },
    /// Due dates for a receipt date under a regime (no ledger needed)
    Deadlines {
        /// ccpa, gdpr, uk, us-va, us-co, us-ct, us-tx, us-or, us-ut or policy
        #[arg(long)]
        regime: String,
        /// Date of receipt, YYYY-MM-DD
        #[arg(long)]
        received: String,
        /// What is asked (repeatable): access, deletion, opt_out_sale, opt_out_sharing, appeal, ...
        #[arg(long = "kind")]
        kinds: Vec<String>,
        /// A pause, FROM..TO inclusive (repeatable)
        #[arg(long = "pause")]
        pauses: Vec<String>,
        /// The request has been extended
        #[arg(long)]
        extended: bool,
        #[arg(long)]
        json: bool,
    },
    /// Stop a request's clock while waiting for ID, clarification or a fee
    Pause {
        reference: String,
        /// The first paused day [default: today]
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        reason: String,
    },
    /// Restart a paused clock
    Resume {
        reference: String,
        /// The day the clock runs again [default: today]
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        reason: String,
    },
    /// Take the regime's one extension, with the reason given to the requester
    Extend {
        reference: String,
        #[arg(long)]
        reason: String,
    },
    /// Move a request to another status (closing: use `close`)
    Status {
        reference: String,
        /// acknowledged, verifying, in_progress, responded, denied, withdrawn, closed
        status: String,
    },
    /// Close a request with the outcome of each kind: KIND=complied|partial|denied[:BASIS]
    Close {
        reference: String,
        #[arg(long = "outcome", required = true)]
        outcomes: Vec<String>,
    },
    /// Mark a request excessive and propose a fee, or record the requester's answer
    Fee {
        #[command(subcommand)]
        action: FeeAction,
    },
    /// Erase the personal data of requests closed longer ago than the retention period
    Retention {
        #[command(subcommand)]
        action: RetentionAction,
    },
    /// Reports for regulators and auditors
    Report {
        #[command(subcommand)]
        report: ReportKind,
    },
    /// The audit log
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
}

#[derive(Subcommand, Debug)]
enum IntakeAction {
    /// What each message asks, under which law, from whom, with the evidence
    Classify {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
enum FeeAction {
    /// Reasons and a cost estimate, before any work is done
    Propose {
        reference: String,
        #[arg(long)]
        reasons: String,
        /// Amount, e.g. 150.00
        #[arg(long)]
        estimate: f64,
        #[arg(long, default_value = "USD")]
        currency: String,
    },
    /// The requester accepted or declined the estimate
    Decide {
        reference: String,
        #[arg(long, conflicts_with = "declined", required_unless_present = "declined")]
        accepted: bool,
        #[arg(long)]
        declined: bool,
    },
}

#[derive(Subcommand, Debug)]
enum RetentionAction {
    /// List (--dry-run) or erase what is due
    Run {
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
enum ReportKind {
    /// CCPA §7102 metrics for a calendar year
    Metrics {
        #[arg(long)]
        year: i32,
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        #[arg(long)]
        csv: bool,
    },
    /// The request register (§7101 record) for auditors
    Register {
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        #[arg(long)]
        csv: bool,
    },
}

#[derive(Subcommand, Debug)]
enum AuditAction {
    /// Check the hash chain; exit 0 and print "ok" when it holds
    Verify,
}

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

fn open(path: &std::path::Path) -> Result<Desk> {
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
        Command::Letter { reference, kind, out } => {
            let kind: LetterKind = kind.parse()?;
            let done = open(&path)?.export_letter(&reference, kind, &out)?;
            println!("wrote {} (sha256 {})", done.path, done.sha256);
        }
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
        Command::Close { reference, outcomes } => {
            let outcomes = outcomes.iter().map(|o| clock::parse_outcome(o)).collect::<Result<Vec<_>>>()?;
            open(&path)?.close(&reference, &outcomes)?;
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
