//! Data sources: importing the company's exports into the ledger, and the
//! officer's corrections to what each column holds.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::ledger::{SourceDone, SourceInfo};
use crate::subject::{detect_role, ends_in_id, read_source, Column, ReadEvent, Role, SubjectError};
use crate::{Error, Result};

/// How far a data import has got; sent to the window as it goes.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DataProgress {
    pub file: String,
    #[ts(type = "number")]
    pub bytes_done: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
    #[ts(type = "number")]
    pub rows: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct DataImportSummary {
    pub imported: Vec<SourceInfo>,
    /// One line per file that could not be imported at all.
    pub errors: Vec<String>,
    pub cancelled: bool,
}

/// Counts bytes as the reader pulls them, for the progress bar.
struct Counting<R> {
    inner: R,
    done: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: std::io::Read> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done.set(self.done.get() + n as u64);
        Ok(n)
    }
}

fn source_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

impl Desk {
    pub fn sources(&self) -> Result<Vec<SourceInfo>> {
        Ok(self.ledger.sources()?)
    }

    /// Import each file as a data source named after the file (or `name`, for
    /// one file). A bad file is reported and the others still import.
    pub fn import_sources(
        &mut self,
        paths: &[PathBuf],
        name: Option<&str>,
        progress: &mut dyn FnMut(&DataProgress) -> bool,
    ) -> Result<DataImportSummary> {
        if name.is_some() && paths.len() != 1 {
            return Err(Error::Invalid("--name needs exactly one file".into()));
        }
        let mut summary = DataImportSummary::default();
        for path in paths {
            let source = name.map(str::to_string).unwrap_or_else(|| source_name(path));
            match self.import_source(path, &source, progress) {
                Ok(info) => summary.imported.push(info),
                Err(Error::Subject(SubjectError::Cancelled(_))) => {
                    summary.cancelled = true;
                    break;
                }
                Err(e) => summary.errors.push(e.to_string()),
            }
        }
        Ok(summary)
    }

    fn import_source(
        &mut self,
        path: &Path,
        name: &str,
        progress: &mut dyn FnMut(&DataProgress) -> bool,
    ) -> Result<SourceInfo> {
        let total = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
        let opened = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        self.import_reader(opened, path, name, total, progress)
    }

    /// The demo ledger's sample exports, written for this project.
    pub(super) fn import_demo_sources(&mut self) -> Result<()> {
        let today = chrono::Utc::now().date_naive();
        for (file, text) in super::demo::DEMO_SOURCES {
            let text = super::demo::dated(text, today);
            let path = Path::new(file);
            self.import_reader(text.as_bytes(), path, file, text.len() as u64, &mut |_| true)?;
        }
        Ok(())
    }

    fn import_reader(
        &mut self,
        input: impl std::io::Read,
        path: &Path,
        name: &str,
        total: u64,
        progress: &mut dyn FnMut(&DataProgress) -> bool,
    ) -> Result<SourceInfo> {
        let file = source_name(path);
        let done = std::rc::Rc::new(std::cell::Cell::new(0u64));
        let counting = done.clone();
        let actor = self.actor.clone();
        self.ledger.replace_source(&actor, name, &file, |sink| -> Result<SourceDone> {
            let mut columns: Vec<String> = Vec::new();
            let mut problems = Vec::new();
            let mut candidates: Option<Vec<usize>> = None;
            let mut failure: Option<Error> = None;
            let mut cancelled = false;
            let reader = Counting { inner: input, done: counting };
            read_source_from(reader, path, &file, &mut |event| {
                match event {
                    ReadEvent::Columns(cols) => {
                        // Id-like columns as the first record names them.
                        candidates.get_or_insert_with(|| {
                            (0..cols.len()).filter(|&i| ends_in_id(&cols[i])).collect()
                        });
                        columns = cols;
                    }
                    ReadEvent::Row { number, values } => {
                        let key = candidates.as_ref().and_then(|c| c.first()).and_then(|&c| values.get(c));
                        if let Err(e) = sink.push(number, &values, key.map_or("", String::as_str)) {
                            failure = Some(e.into());
                            return false;
                        }
                        if sink.rows.is_multiple_of(2_000) {
                            let p = DataProgress {
                                file: file.clone(),
                                bytes_done: done.get(),
                                bytes_total: total,
                                rows: sink.rows,
                            };
                            if !progress(&p) {
                                cancelled = true;
                                return false;
                            }
                        }
                    }
                    ReadEvent::Problem(p) => problems.push(p),
                }
                true
            })?;
            if let Some(e) = failure {
                return Err(e);
            }
            if cancelled {
                return Err(SubjectError::Cancelled(file.clone()).into());
            }
            let columns = columns.into_iter().map(|name| Column { role: detect_role(&name), name }).collect();
            progress(&DataProgress {
                file: file.clone(),
                bytes_done: total,
                bytes_total: total,
                rows: sink.rows,
            });
            Ok(SourceDone { columns, id_candidates: candidates.unwrap_or_default(), problems })
        })
    }

    pub fn set_column_role(&mut self, source: &str, column: &str, role: Role) -> Result<Vec<SourceInfo>> {
        self.ledger.set_column_role(&self.actor, source, column, role)?;
        self.sources()
    }

    pub fn remove_source(&mut self, source: &str) -> Result<Vec<SourceInfo>> {
        self.ledger.remove_source(&self.actor, source)?;
        self.sources()
    }
}

fn read_source_from(
    reader: impl std::io::Read,
    path: &Path,
    file: &str,
    sink: &mut crate::subject::Reader<'_>,
) -> Result<()> {
    read_source(reader, path, file, sink).map_err(Error::from)
}
