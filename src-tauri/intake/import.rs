//! Import a batch of dropped or picked files. Each file stands alone: one bad
//! file becomes a line in the summary and the rest still go through.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{import_bytes, prepare, store, Prepared};
use super::{IntakeError, MAX_EMAIL_BYTES};
use crate::ledger::Ledger;
use crate::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedFile {
    pub file: String,
    #[serde(rename = "ref")]
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportError {
    pub file: String,
    pub error: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportSummary {
    pub imported: Vec<ImportedFile>,
    /// Messages already in the ledger, with the request they belong to.
    pub duplicates: Vec<ImportedFile>,
    /// Replies added to the thread of an existing request.
    pub joined: Vec<ImportedFile>,
    /// Messages that ask for nothing, kept in the "Not a request" tray.
    pub not_requests: Vec<String>,
    pub errors: Vec<ImportError>,
    /// Imported, but with something left out (an attachment over the limit).
    pub warnings: Vec<ImportError>,
}

/// Files to import from what was dropped: folders are walked for .eml files.
fn expand(paths: &[PathBuf], out: &mut Vec<PathBuf>, errors: &mut Vec<ImportError>) {
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                    children.sort();
                    children.retain(|c| c.is_dir() || is_eml(c));
                    expand(&children, out, errors);
                }
                Err(e) => errors.push(ImportError {
                    file: path.display().to_string(),
                    error: format!("{}: cannot read folder: {e}", path.display()),
                }),
            }
        } else {
            out.push(path.clone());
        }
    }
}

fn has_extension(p: &Path, ext: &str) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn is_eml(p: &Path) -> bool {
    ["eml", "mbox", "msg"].iter().any(|e| has_extension(p, e))
}

fn read_email(path: &Path) -> Result<Vec<u8>, IntakeError> {
    let file = path.display().to_string();
    if !has_extension(path, "eml") && !has_extension(path, "msg") {
        return Err(IntakeError::Unsupported { file });
    }
    let size = std::fs::metadata(path)
        .map_err(|source| IntakeError::Unreadable { file: file.clone(), source })?
        .len();
    if size > MAX_EMAIL_BYTES {
        return Err(IntakeError::TooLarge { file, size });
    }
    let raw = std::fs::read(path).map_err(|source| IntakeError::Unreadable { file: file.clone(), source })?;
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IntakeError::Empty { file });
    }
    Ok(raw)
}

pub(super) enum Outcome {
    Imported(String),
    Duplicate(String),
    /// A reply, added to the thread of this request.
    Joined(String),
    /// Not a request: kept in the tray.
    SetAside,
}

impl ImportSummary {
    /// Record one message's outcome, with any warnings raised while importing it.
    fn add(&mut self, file: String, outcome: Result<Outcome, Error>, warnings: Vec<String>) {
        self.warnings.extend(warnings.into_iter().map(|error| ImportError { file: file.clone(), error }));
        match outcome {
            Ok(Outcome::Imported(reference)) => self.imported.push(ImportedFile { file, reference }),
            Ok(Outcome::Duplicate(reference)) => self.duplicates.push(ImportedFile { file, reference }),
            Ok(Outcome::Joined(reference)) => self.joined.push(ImportedFile { file, reference }),
            Ok(Outcome::SetAside) => self.not_requests.push(file),
            Err(e) => self.errors.push(ImportError { error: e.to_string(), file }),
        }
    }
}

/// How far a bulk import has got, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
    pub current: String,
    pub errors: u32,
}

/// Import dropped or picked files and folders (folders are walked for .eml,
/// .mbox and .msg). `progress` hears before each file; when it answers false
/// the import stops there, keeps what it has done and lists the rest as not
/// imported.
pub fn import_paths(
    ledger: &mut Ledger,
    paths: &[PathBuf],
    who: (&str, &str, usize),
    progress: &mut dyn FnMut(&ImportProgress) -> bool,
) -> ImportSummary {
    let mut summary = ImportSummary::default();
    let batch = ledger.batch(|ledger| import_each(ledger, paths, who, &mut summary, progress));
    if let Err(e) = batch {
        // Nothing of the batch was kept: say so for every file it had reached.
        let lost = std::mem::take(&mut summary.imported);
        summary.errors.extend(lost.into_iter().map(|f| ImportError {
            error: format!("{}: not imported, the batch could not be saved: {e}", f.file),
            file: f.file,
        }));
    }
    summary
}

/// What the reading thread hands to the ledger thread for each file.
enum Ready {
    /// A mailbox: streamed by the ledger thread itself, message by message.
    Mailbox,
    Message(Box<Result<Prepared, Error>>),
}

fn file_name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// Read and understand one file (no ledger needed).
fn read_and_prepare(path: &Path, max_attachment: usize) -> Ready {
    if has_extension(path, "mbox") {
        return Ready::Mailbox;
    }
    let file = path.display().to_string();
    let prepared = std::panic::catch_unwind(|| {
        read_email(path)
            .map_err(Error::from)
            .and_then(|raw| prepare(&file, &file_name_of(path), raw, max_attachment))
    });
    Ready::Message(Box::new(prepared.unwrap_or_else(|_| {
        Err(IntakeError::NotAnEmail { file: file.clone(), why: "the message could not be read".into() }
            .into())
    })))
}

/// Files are read, parsed and classified on a second thread, a few ahead of
/// the ledger, which stores them in order on this one.
fn import_each(
    ledger: &mut Ledger,
    paths: &[PathBuf],
    who: (&str, &str, usize),
    summary: &mut ImportSummary,
    progress: &mut dyn FnMut(&ImportProgress) -> bool,
) {
    let mut files = Vec::new();
    expand(paths, &mut files, &mut summary.errors);
    let total = files.len() as u32;
    let max_attachment = who.2;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Ready>(16);
        let reading = &files;
        scope.spawn(move || {
            for path in reading {
                // The receiver is gone once the import stops (cancelled).
                if tx.send(read_and_prepare(path, max_attachment)).is_err() {
                    return;
                }
            }
        });
        for (done, path) in files.iter().enumerate() {
            let now = ImportProgress {
                done: done as u32,
                total,
                current: path.display().to_string(),
                errors: summary.errors.len() as u32,
            };
            if !progress(&now) {
                summary.errors.extend(files[done..].iter().map(|p| ImportError {
                    file: p.display().to_string(),
                    error: format!("{}: not imported: the import was cancelled", p.display()),
                }));
                return;
            }
            let file = path.display().to_string();
            match rx.recv() {
                Ok(Ready::Mailbox) => import_mbox(ledger, path, who, summary),
                Ok(Ready::Message(prepared)) => {
                    let mut warnings = Vec::new();
                    let outcome = (*prepared).and_then(|p| store(ledger, p, (who.0, who.1), &mut warnings));
                    summary.add(file, outcome, warnings);
                }
                Err(_) => summary.add(
                    file.clone(),
                    Err(IntakeError::NotAnEmail { file, why: "the reading thread stopped".into() }.into()),
                    Vec::new(),
                ),
            }
        }
    });
}

/// Import messages held in memory, as (name, bytes) pairs — the demo ledger's samples.
pub fn import_messages(
    ledger: &mut Ledger,
    messages: Vec<(String, Vec<u8>)>,
    actor: &str,
    time_zone: &str,
) -> ImportSummary {
    let mut summary = ImportSummary::default();
    for (name, raw) in messages {
        let mut warnings = Vec::new();
        let who = (actor, time_zone, super::MAX_ATTACHMENT_BYTES);
        let outcome = import_bytes(ledger, &name, &name, raw, who, &mut warnings);
        summary.add(name, outcome, warnings);
    }
    summary
}

/// Each message of a mailbox is its own import, named `file#N` (from 1).
fn import_mbox(ledger: &mut Ledger, path: &Path, who: (&str, &str, usize), summary: &mut ImportSummary) {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for_each_message(path, |label, index, raw| {
        let mut warnings = Vec::new();
        let outcome = raw.map_err(Error::from).and_then(|raw| {
            import_bytes(ledger, &label, &format!("{name}#{}", index + 1), raw, who, &mut warnings)
        });
        summary.add(label, outcome, warnings);
    });
}
/// Call `f` with each message a file holds: one for an .eml, each of an .mbox
/// (labelled `file#N`, counting from 1), streamed so a large mailbox is never
/// held in memory whole.
pub fn for_each_message(path: &Path, mut f: impl FnMut(String, usize, Result<Vec<u8>, IntakeError>)) {
    let file = path.display().to_string();
    if !has_extension(path, "mbox") {
        return f(file, 0, read_email(path));
    }
    let reader = match std::fs::File::open(path) {
        Ok(r) => std::io::BufReader::new(r),
        Err(source) => return f(file.clone(), 0, Err(IntakeError::Unreadable { file, source })),
    };
    let mut count = 0;
    for (i, message) in mail_parser::mailbox::mbox::MessageIterator::new(reader).enumerate() {
        count += 1;
        let label = format!("{file}#{}", i + 1);
        let raw = match message {
            Err(source) => Err(IntakeError::Unreadable { file: label.clone(), source }),
            Ok(m) if m.contents().len() as u64 > MAX_EMAIL_BYTES => {
                Err(IntakeError::TooLarge { file: label.clone(), size: m.contents().len() as u64 })
            }
            Ok(m) => Ok(m.unwrap_contents()),
        };
        f(label, i, raw);
    }
    if count == 0 {
        let why = "no messages found (an mbox starts each message with a \"From \" line)".to_string();
        f(file.clone(), 0, Err(IntakeError::NotAnEmail { file, why }));
    }
}
