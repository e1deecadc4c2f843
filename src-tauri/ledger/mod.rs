//! The encrypted ledger: one SQLCipher file holding every request, message,
//! letter and audit entry. All SQL in the program lives under this module, one
//! file per table.

mod attachments;
mod audit_log;
mod clock_events;
mod data_sources;
mod datamap;
mod evidence;
mod fees;
mod letters;
mod messages;
mod migrations;
mod outcomes;
mod pieces;
mod recipient_tasks;
mod requests;
mod retention;
mod settings;
mod templates;
mod thread;
mod verifications;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

pub use attachments::{AttachmentInfo, NewAttachment, StoredAttachment};
pub use clock_events::{ClockEvent, ClockEventKind};
pub use data_sources::{RowSink, SourceDone, SourceInfo};
pub use evidence::{EvidenceInfo, EvidenceKind};
pub use fees::{Fee, FeeDecision};
pub use letters::{LetterInfo, LetterMade};
pub use messages::NewMessage;
pub use outcomes::{KindOutcome, Outcome};
pub use pieces::{FoundRow, PieceDecision, RedactionChoice, StoredRedaction};
pub use recipient_tasks::RecipientTask;
pub use requests::{NewRequest, RequestEdit, RequestRow};
pub use retention::Erased;
pub use templates::TemplateVersion;
pub use thread::{EvidenceLine, ThreadMessage, TrayItem};
pub use verifications::{VerificationOutcome, VerificationRecord};

use crate::audit::AuditRecord;

pub const MIN_PASSPHRASE_CHARS: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("no ledger at {0}")]
    NotFound(String),
    #[error("a ledger already exists at {0}; open it instead")]
    Exists(String),
    #[error("that passphrase does not open the ledger at {0} (or the file is not a Rightsdesk ledger); nothing was changed")]
    WrongPassphrase(String),
    #[error("the ledger at {path} was written by a newer Rightsdesk (schema {found}, this build knows {supported}); update Rightsdesk to open it")]
    TooNew { path: String, found: i64, supported: i64 },
    #[error("a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")]
    WeakPassphrase,
    #[error("no request {0} in this ledger")]
    RequestNotFound(String),
    #[error("no data source named {0:?} in this ledger")]
    SourceNotFound(String),
    #[error("ledger data is damaged: {0}")]
    Damaged(String),
    #[error("{0}")]
    Missing(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl LedgerError {
    pub fn code(&self) -> &'static str {
        match self {
            LedgerError::NotFound(_) => "ledger_not_found",
            LedgerError::Exists(_) => "ledger_exists",
            LedgerError::WrongPassphrase(_) => "wrong_passphrase",
            LedgerError::TooNew { .. } => "ledger_too_new",
            LedgerError::WeakPassphrase => "weak_passphrase",
            LedgerError::RequestNotFound(_) => "request_not_found",
            LedgerError::SourceNotFound(_) => "data_source_not_found",
            LedgerError::Missing(_) => "not_found",
            LedgerError::Damaged(_) => "ledger_damaged",
            LedgerError::Sqlite(_) => "database",
        }
    }
}

type Result<T, E = LedgerError> = std::result::Result<T, E>;

pub struct Ledger {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger").field("path", &self.path).finish()
    }
}

/// How each page is authenticated. SQLCipher 4's default is HMAC-SHA512;
/// ledgers are made with HMAC-SHA256, which the CPU's SHA instructions compute
/// several times faster (a bulk import is about 7% quicker) with the same
/// 256-bit key. A ledger made before this choice still opens.
const PAGE_HMAC: &str = "HMAC_SHA256";
const EARLIER_PAGE_HMAC: &str = "HMAC_SHA512";

/// Open a SQLite connection; every connection the program makes comes here.
///
/// SQLite marks itself initialised and lets go of its locks *before* it runs
/// SQLCipher's own set-up (`SQLITE_EXTRA_INIT`). A second thread opening a
/// connection in that moment has its key refused ("An error occurred with
/// PRAGMA key"). So the first initialisation runs here, one thread at a time,
/// and no connection is opened until it has finished. Once SQLite is ready,
/// `sqlite3_initialize` only reads a flag.
pub fn connect(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    static READY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    {
        let _one_at_a_time = READY.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // SAFETY: sqlite3_initialize takes no arguments and may be called at
        // any time from any thread; it returns at once when already done.
        let rc = unsafe { rusqlite::ffi::sqlite3_initialize() };
        if rc != rusqlite::ffi::SQLITE_OK {
            return Err(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rc), None));
        }
    }
    Connection::open_with_flags(path, flags)
}

fn check_strength(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(LedgerError::WeakPassphrase);
    }
    Ok(())
}

/// Now, as the ledger writes instants (RFC 3339, UTC, seconds).
pub(super) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The row id of a request, or the error that names it.
pub(super) fn request_id(tx: &Connection, reference: &str) -> Result<i64> {
    tx.query_row("SELECT id FROM requests WHERE reference = ?1", [reference], |r| r.get(0))
        .map_err(|_| LedgerError::RequestNotFound(reference.to_string()))
}

impl Ledger {
    /// Create a new, empty ledger. Refuses to touch an existing file.
    pub fn create(path: &Path, passphrase: &str, actor: &str) -> Result<Ledger> {
        check_strength(passphrase)?;
        if path.exists() {
            return Err(LedgerError::Exists(path.display().to_string()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = connect(path, flags)?;
        let mut ledger = Ledger::keyed(conn, path, passphrase, PAGE_HMAC)?;
        ledger.record(actor, &AuditRecord::new("ledger.created", None, ""))?;
        Ok(ledger)
    }

    /// Open an existing ledger. A wrong passphrase writes nothing to the file.
    pub fn open(path: &Path, passphrase: &str) -> Result<Ledger> {
        if !path.is_file() {
            return Err(LedgerError::NotFound(path.display().to_string()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open = |page_hmac| Ledger::keyed(connect(path, flags)?, path, passphrase, page_hmac);
        match open(PAGE_HMAC) {
            Err(LedgerError::WrongPassphrase(_)) => open(EARLIER_PAGE_HMAC),
            opened => opened,
        }
    }

    fn keyed(conn: Connection, path: &Path, passphrase: &str, page_hmac: &str) -> Result<Ledger> {
        // SQLCipher would print decryption failures to stderr; errors reach the
        // officer through our own messages instead.
        conn.pragma_update(None, "cipher_log_level", "NONE")?;
        conn.pragma_update(None, "key", passphrase)?;
        conn.pragma_update(None, "cipher_hmac_algorithm", page_hmac)?;
        // The first read is where SQLCipher finds out whether the key is right.
        let probe: rusqlite::Result<i64> =
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0));
        if let Err(e) = probe {
            return Err(match e.sqlite_error_code() {
                Some(ErrorCode::NotADatabase) => LedgerError::WrongPassphrase(path.display().to_string()),
                _ => e.into(),
            });
        }
        // Temporary tables and sort spills stay in memory: nothing unencrypted on disk.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        // Plans never depend on a bound value here (the ledger keeps no
        // statistics), so a cached statement is not re-prepared each time a
        // new value is bound to it.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        let mut ledger = Ledger { conn, path: path.to_path_buf() };
        migrations::run(&mut ledger.conn, path)?;
        Ok(ledger)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Change the passphrase. The whole file is re-encrypted in place.
    pub fn rekey(&mut self, new_passphrase: &str, actor: &str) -> Result<()> {
        check_strength(new_passphrase)?;
        // SQLCipher re-encrypts pages through the rollback journal, so leave WAL
        // for the duration and come back to it afterwards.
        self.conn.pragma_update(None, "journal_mode", "DELETE")?;
        self.conn.pragma_update(None, "rekey", new_passphrase)?;
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.record(actor, &AuditRecord::new("ledger.rekeyed", None, ""))
    }

    /// Run `f` in one savepoint and append its audit record in the same one:
    /// a change and its audit entry land together or not at all. Outside a
    /// [`Ledger::batch`] the savepoint is its own transaction.
    fn audited<T>(
        &mut self,
        actor: &str,
        f: impl FnOnce(&Connection) -> Result<(T, AuditRecord)>,
    ) -> Result<T> {
        let sp = self.conn.savepoint()?;
        let (value, record) = f(&sp)?;
        audit_log::append(&sp, actor, &record)?;
        sp.commit()?;
        Ok(value)
    }

    /// Run many changes in one transaction, so a large import is written (and
    /// synced) once. Each change inside still succeeds or fails alone; if the
    /// batch cannot be committed, none of it is kept.
    ///
    /// For the batch the ledger uses a rollback journal instead of its WAL, so
    /// each new page is encrypted and written once, not into the WAL and then
    /// again into the file. The journal holds only pages as they are in the
    /// (encrypted) file, and is deleted at the commit.
    pub fn batch<T>(&mut self, f: impl FnOnce(&mut Ledger) -> T) -> Result<T> {
        // If the mode cannot change (another connection), the batch runs in WAL.
        let direct = self.conn.pragma_update(None, "journal_mode", "DELETE").is_ok();
        let out = self.in_transaction(f);
        if direct {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        out
    }

    fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Ledger) -> T) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let out = f(self);
        if let Err(e) = self.conn.execute_batch("COMMIT") {
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(e.into());
        }
        Ok(out)
    }

    /// Append an audit record on its own.
    pub fn record(&mut self, actor: &str, record: &AuditRecord) -> Result<()> {
        self.audited(actor, |_| Ok(((), record.clone())))
    }

    #[doc(hidden)]
    /// For tests that play an attacker with the key: raw access to the file.
    pub fn raw_connection_for_tests(&self) -> &Connection {
        &self.conn
    }
}
