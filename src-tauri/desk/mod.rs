//! What the officer does, one function each, over the ledger and the domain
//! rules. The window (`app`) and the command line (`cli`) are thin adapters
//! over this module, so both behave the same.

mod clock;
mod data;
mod demo;
mod fees;
mod letters;
mod manual;
mod paths;
mod pieces;
mod profile;
mod recipients;
mod report;
mod requests;
mod retention;
mod templates;
mod tray;
mod verification;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};

pub use data::{DataImportSummary, DataProgress};
pub use demo::{demo_messages, DEMO_PASSPHRASE};
pub use fees::FrequencyNote;
pub use letters::{held_categories, write_atomically, LetterExport, LetterOptions, Rendered};
pub use manual::{ManualRequest, CHANNELS};
pub use paths::{data_dir, default_ledger_path, demo_ledger_path};
pub use pieces::{
    PieceRow, PiecesExport, PiecesFormat, PiecesView, RedactedPieces, RedactedRow, RedactedTable,
};
pub use profile::CompanyProfile;
pub use recipients::{DataMapVersionInfo, RecipientTasksView};
pub use report::{register_fields, MetricsReport, MetricsRow, ReasonCount, RegisterRow, REGISTER_HEADER};
pub use requests::{RequestDetail, RequestFilter, RequestSummary};
pub use retention::{RetentionItem, RetentionReport, MIN_RETENTION_MONTHS};
pub use templates::TemplateView;
pub use verification::VerificationView;

use crate::audit::{self, AuditReport};
use crate::intake::{self, ImportSummary};
use crate::ledger::Ledger;
use crate::rules::local_receipt_date;
use crate::Result;

pub struct Desk {
    ledger: Ledger,
    actor: String,
}

impl std::fmt::Debug for Desk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desk").field("ledger", &self.ledger).finish()
    }
}

/// Who is acting, for the audit log: the OS account running the program.
pub fn os_user() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "officer".into())
}

impl Desk {
    pub fn create(path: &Path, passphrase: &str, actor: &str) -> Result<Desk> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| crate::Error::io(dir, e))?;
        }
        let ledger = Ledger::create(path, passphrase, actor)?;
        Ok(Desk { ledger, actor: actor.to_string() })
    }

    pub fn open(path: &Path, passphrase: &str, actor: &str) -> Result<Desk> {
        let ledger = Ledger::open(path, passphrase)?;
        Ok(Desk { ledger, actor: actor.to_string() })
    }

    /// A fresh demo ledger at `path` (replacing an older demo), filled with the samples.
    pub fn create_demo(path: &Path, actor: &str) -> Result<Desk> {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let p = PathBuf::from(p);
            if p.exists() {
                std::fs::remove_file(&p).map_err(|e| crate::Error::io(&p, e))?;
            }
        }
        let mut desk = Desk::create(path, DEMO_PASSPHRASE, actor)?;
        let tz = desk.profile()?.time_zone;
        let summary = intake::import_messages(&mut desk.ledger, demo_messages(Utc::now()), actor, &tz);
        if let Some(e) = summary.errors.first() {
            return Err(crate::Error::Invalid(format!("demo sample {}: {}", e.file, e.error)));
        }
        let reference =
            |file: &str| summary.imported.iter().find(|f| f.file == file).map(|f| f.reference.clone());
        demo::give_history(&mut desk, &reference)?;
        desk.import_demo_sources()?;
        if let Some(r) = reference("01-access-ccpa.eml") {
            demo::verify_first(&mut desk, &r)?;
        }
        Ok(desk)
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    pub fn path(&self) -> &Path {
        self.ledger.path()
    }

    /// The company's local date today.
    pub fn today(&self) -> Result<NaiveDate> {
        Ok(local_receipt_date(Utc::now(), &self.profile()?.time_zone)?)
    }

    pub fn import(&mut self, paths: &[PathBuf]) -> Result<ImportSummary> {
        self.import_with_progress(paths, &mut |_| true)
    }

    /// Import, telling `progress` before each file; it answers false to cancel.
    pub fn import_with_progress(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&intake::ImportProgress) -> bool,
    ) -> Result<ImportSummary> {
        let profile = self.profile()?;
        let who =
            (self.actor.as_str(), profile.time_zone.as_str(), profile.max_attachment_mb as usize * 1_048_576);
        Ok(intake::import_paths(&mut self.ledger, paths, who, progress))
    }

    /// Change the passphrase, after proving the current one.
    pub fn rekey(&mut self, current: &str, next: &str) -> Result<()> {
        Ledger::open(self.ledger.path(), current)?;
        if current == next {
            return Err(crate::Error::Invalid("the new passphrase is the same as the current one".into()));
        }
        Ok(self.ledger.rekey(next, &self.actor)?)
    }

    pub fn verify_audit(&self) -> Result<AuditReport> {
        Ok(audit::verify(self.ledger.audit_chain()?))
    }
}
