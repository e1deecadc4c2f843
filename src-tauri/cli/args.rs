//! The command line's words: every subcommand and option.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "rightsdesk", version, about = "Offline desk for privacy-rights requests")]
pub struct Cli {
    /// The ledger file [default: $RIGHTSDESK_LEDGER, else the per-user data folder]
    #[arg(long, global = true)]
    pub ledger: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
    /// Export a letter as PDF, for a request or (with --sample) from built-in sample data
    Letter {
        /// The request's reference (not with --sample)
        #[arg(required_unless_present = "sample", conflicts_with = "sample")]
        reference: Option<String>,
        /// ack, verification_request, extension, access, deletion, deletion_denied, correction,
        /// opt_out_sale, opt_out_sharing, denial, fee_estimate, twice_limit, unable_to_verify,
        /// abandoned or vendor_notice
        #[arg(long, required_unless_present = "sample")]
        kind: Option<String>,
        /// Render this kind from sample data, without a ledger
        #[arg(long, value_name = "KIND")]
        sample: Option<String>,
        /// With --sample: ccpa, gdpr, uk, us-va, us-co, us-ct, us-tx, us-or, us-ut or policy
        #[arg(long, requires = "sample", default_value = "ccpa")]
        regime: String,
        /// en, es, de or fr (de and fr for EU and UK requests) [default: the request's language]
        #[arg(long)]
        lang: Option<String>,
        /// A denial's basis, what a deletion kept and why, or a correction's note
        #[arg(long, default_value = "")]
        reason: String,
        /// For vendor_notice: the recipient task (see `tasks list`)
        #[arg(long)]
        task: Option<u32>,
        /// With --sample: the requester's name (any script)
        #[arg(long, requires = "sample")]
        name: Option<String>,
        /// With --sample: how many specific-piece rows the appendix has
        #[arg(long, requires = "sample")]
        rows: Option<usize>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Record how and when an exported letter was sent
    Delivered {
        reference: String,
        /// The letter's id (`show REF --json` lists them)
        letter: u32,
        /// email, post or account
        #[arg(long)]
        via: String,
        /// YYYY-MM-DD [default: today]
        #[arg(long)]
        on: Option<String>,
    },
    /// The data map: categories, sources, purposes, recipients (sold / disclosed), retention
    Datamap {
        #[command(subcommand)]
        action: DatamapAction,
    },
    /// The officer's letter templates (minijinja), kept in versions
    Template {
        #[command(subcommand)]
        action: TemplateAction,
    },
    /// Recipients told of a deletion or opt-out, one task each
    Tasks {
        #[command(subcommand)]
        action: TasksAction,
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
    /// Find the rows about one person in data exports (no ledger needed)
    Subject {
        #[command(subcommand)]
        action: SubjectAction,
    },
    /// Other people's data and never-disclose items in the rows about one person (no ledger needed)
    Redact {
        #[command(flatten)]
        person: PersonArgs,
        #[arg(long)]
        json: bool,
    },
    /// Data sources kept in the ledger: the company's exports to search
    Data {
        #[command(subcommand)]
        action: DataAction,
    },
    /// The specific pieces of information for a request: find, redact, export
    Pieces {
        #[command(subcommand)]
        action: PiecesAction,
    },
    /// Identity verification of a request's requester
    Verify {
        #[command(subcommand)]
        action: VerifyAction,
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
        /// Close although recipient tasks are still open, for this reason
        #[arg(long, default_value = "")]
        tasks_override: String,
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
pub enum IntakeAction {
    /// What each message asks, under which law, from whom, with the evidence
    Classify {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

/// A person to look for, and where.
#[derive(clap::Args, Debug)]
pub struct PersonArgs {
    /// A CSV, JSON or JSONL export (repeatable)
    #[arg(long = "data", required = true)]
    pub data: Vec<PathBuf>,
    #[arg(long = "name")]
    pub names: Vec<String>,
    #[arg(long = "email")]
    pub emails: Vec<String>,
    #[arg(long = "phone")]
    pub phones: Vec<String>,
    #[arg(long)]
    pub company: Option<String>,
    /// City, state or country
    #[arg(long)]
    pub location: Option<String>,
    /// Leave out rows dated before this day (YYYY-MM-DD)
    #[arg(long)]
    pub since: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum SubjectAction {
    /// Every row about the person, with a score and the reason
    Find {
        #[command(flatten)]
        person: PersonArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum DataAction {
    /// Import exports as data sources; a newer export of a source replaces it
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The source's name [default: the file name]
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The data sources held, with their columns' roles
    List {
        #[arg(long)]
        json: bool,
    },
    /// Change what a column holds: SOURCE COLUMN ROLE
    Role { source: String, column: String, role: String },
    /// Remove a data source
    Remove { source: String },
}

#[derive(Subcommand, Debug)]
pub enum PiecesAction {
    /// Search the data sources for the request's requester
    Find {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Confirm (or --reject) a found row: SOURCE ROW_NUMBER
    Confirm {
        reference: String,
        source: String,
        row: u64,
        #[arg(long)]
        reject: bool,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Run the detectors over the confirmed rows
    Redact {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Keep a found redaction (default) or --reject it, by id or --type for all of a type
    Decide {
        reference: String,
        /// The redaction's number, or nothing with --type
        id: Option<u32>,
        #[arg(long = "type")]
        kind: Option<String>,
        #[arg(long)]
        reject: bool,
        #[arg(long)]
        reason: String,
    },
    /// Write the redacted specific pieces as JSON or CSV (GDPR Art. 20 copy)
    Export {
        reference: String,
        #[arg(long, default_value = "json")]
        format: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum VerifyAction {
    /// The level the request needs and its steps: {"level", "steps": [...]}
    Plan {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// The data points offered and how they match the data held
    Match {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Record the data points offered: KIND=VALUE (name, email, phone, postal_address, company,
    /// job_title, account_id, interaction); add --correct KIND for one the requester wants corrected
    Points {
        reference: String,
        #[arg(long = "point", required = true)]
        points: Vec<String>,
        #[arg(long = "correct")]
        correct: Vec<String>,
    },
    /// Mark a step done (or --undo): declaration, known_address, doubt_resolved, agent_permission,
    /// consumer_confirms, power_of_attorney, parental_authority
    Step {
        reference: String,
        step: String,
        #[arg(long)]
        undo: bool,
        #[arg(long)]
        reason: String,
    },
    /// Who the request is made for: self, agent or parent
    Behalf {
        reference: String,
        who: String,
        #[arg(long)]
        reason: String,
    },
    /// The verification request went out [on: default today]
    Asked {
        reference: String,
        #[arg(long)]
        on: Option<String>,
    },
    /// The outcome: verified, partly_verified, not_verified or abandoned
    Decide {
        reference: String,
        outcome: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum FeeAction {
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
pub enum RetentionAction {
    /// List (--dry-run) or erase what is due
    Run {
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ReportKind {
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
pub enum AuditAction {
    /// Check the hash chain; exit 0 and print "ok" when it holds
    Verify,
}

#[derive(Subcommand, Debug)]
pub enum DatamapAction {
    /// Print the data map in force (JSON)
    Show {
        /// An earlier version
        #[arg(long)]
        version: Option<u32>,
    },
    /// List the saved versions
    Versions,
    /// Check a data map (JSON file) and keep it as a new version
    Import {
        file: PathBuf,
        /// What changed
        #[arg(long)]
        note: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum TemplateAction {
    /// Print a template in force (the officer's newest version, else the built-in one)
    Show {
        /// A letter kind, or _letter (the frame) or _route (appeal and complaint routes)
        kind: String,
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Keep a file as a new version of a template (it must render first)
    Set {
        kind: String,
        #[arg(long, default_value = "en")]
        lang: String,
        file: PathBuf,
    },
    /// List a template's versions
    Versions {
        kind: String,
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum TasksAction {
    /// List a request's recipient tasks
    List {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Create one task per recipient that must be told (from the data map)
    Create { reference: String },
    /// Record that the notice to a recipient was sent
    Sent {
        reference: String,
        task: u32,
        #[arg(long)]
        on: Option<String>,
    },
    /// Record that a recipient confirmed
    Confirmed {
        reference: String,
        task: u32,
        #[arg(long)]
        on: Option<String>,
    },
}
