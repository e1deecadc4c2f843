//! The command line: the same core functions as the window, no window.

mod output;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use zeroize::Zeroizing;

use crate::desk::{default_ledger_path, os_user, Desk, RequestFilter};
use crate::letters::LetterKind;
use crate::{Error, Result};

#[derive(Parser, Debug)]
#[command(
    name = "rightsdesk",
    version,
    about = "Offline desk for privacy-rights requests"
)]
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
        /// Which letter: ack
        #[arg(long)]
        kind: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// The audit log
    Audit {
        #[command(subcommand)]
        action: AuditAction,
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
        Command::List { json } => {
            output::list(&open(&path)?.list(&RequestFilter::default())?, json)
        }
        Command::Show { reference, json } => output::show(&open(&path)?.detail(&reference)?, json),
        Command::Letter {
            reference,
            kind,
            out,
        } => {
            let kind: LetterKind = kind.parse()?;
            let done = open(&path)?.export_letter(&reference, kind, &out)?;
            println!("wrote {} (sha256 {})", done.path, done.sha256);
        }
        Command::Audit {
            action: AuditAction::Verify,
        } => {
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
