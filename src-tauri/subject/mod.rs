//! Data exports (CSV, JSON, JSONL) read as named data sources, and finding
//! every row in them that is about one person.

mod columns;
mod find;
pub mod names;
pub mod phone;
mod read;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use columns::{detect_role, ends_in_id, Role};
pub use find::{find_rows, people_named, row_names, Candidate, Found, Identifiers, Lookback};
pub use read::{read_source, ReadEvent, Reader};

#[derive(Debug, thiserror::Error)]
pub enum SubjectError {
    #[error("{file}: {what}")]
    Unreadable { file: String, what: String },
    #[error("{0}: the import was cancelled; nothing from it was kept")]
    Cancelled(String),
}

/// One column of a data source and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Column {
    pub name: String,
    pub role: Role,
}

/// One problem found while reading an export: the rest of the file still imports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    pub what: String,
}

/// A data export held in memory: what `subject find` and `redact` work on, and
/// what the ledger's stored sources are loaded back into.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The name the officer knows it by (the file name as given, by default).
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based position among the file's records.
    pub number: u64,
    /// The value of the source's id column, or the row number.
    pub id: String,
    /// One value per column; rows shorter than the columns are padded with "".
    pub values: Vec<String>,
}

impl Source {
    pub fn value<'a>(&'a self, row: &'a Row, column: usize) -> &'a str {
        row.values.get(column).map(String::as_str).unwrap_or("")
    }

    pub fn columns_with(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.columns.iter().enumerate().filter(move |(_, c)| c.role == role).map(|(i, _)| i)
    }

    /// Read a whole export into memory (the CLI's ledger-free commands).
    pub fn load(path: &std::path::Path, problems: &mut Vec<Problem>) -> Result<Source, SubjectError> {
        let name = path.display().to_string();
        let mut source = Source { name: name.clone(), ..Source::default() };
        let mut ids = IdPicker::default();
        let file = std::fs::File::open(path).map_err(|e| SubjectError::Unreadable {
            file: name.clone(),
            what: format!("cannot open: {e}"),
        })?;
        read_source(file, path, &name, &mut |event| {
            match event {
                ReadEvent::Columns(cols) => {
                    ids.columns(&cols);
                    source.columns =
                        cols.into_iter().map(|name| Column { role: detect_role(&name), name }).collect();
                }
                ReadEvent::Row { number, values } => {
                    ids.row(&values);
                    source.rows.push(Row { number, id: String::new(), values });
                }
                ReadEvent::Problem(p) => problems.push(p),
            }
            true
        })?;
        source.set_ids(ids.finish());
        Ok(source)
    }

    /// Give each row its id from the chosen id column (or its row number), and
    /// mark that column as the record id.
    pub fn set_ids(&mut self, id_column: Option<usize>) {
        if let Some(c) = id_column {
            if let Some(col) = self.columns.get_mut(c) {
                col.role = Role::RecordId;
            }
        }
        for row in &mut self.rows {
            row.id = match id_column {
                Some(c) => row.values.get(c).cloned().unwrap_or_default(),
                None => row.number.to_string(),
            };
        }
    }
}

/// Chooses a source's id column while the rows stream past: the first column
/// whose name ends in "id" and whose values are all present and distinct.
/// Values are remembered as 64-bit hashes, so memory grows by 8 bytes a row
/// per column still in the running, not by the size of the values.
#[derive(Debug, Default)]
pub struct IdPicker {
    candidates: Vec<(usize, std::collections::HashSet<u64>, bool)>,
}

impl IdPicker {
    pub fn columns(&mut self, names: &[String]) {
        for (i, name) in names.iter().enumerate() {
            if columns::ends_in_id(name) && !self.candidates.iter().any(|c| c.0 == i) {
                self.candidates.push((i, Default::default(), true));
            }
        }
    }

    pub fn row(&mut self, values: &[String]) {
        use std::hash::{DefaultHasher, Hash, Hasher};
        for (col, seen, unique) in self.candidates.iter_mut().filter(|c| c.2) {
            let v = values.get(*col).map(|s| s.trim()).unwrap_or("");
            let mut h = DefaultHasher::new();
            v.hash(&mut h);
            if v.is_empty() || !seen.insert(h.finish()) {
                *unique = false;
                seen.clear();
                seen.shrink_to_fit();
            }
        }
    }

    pub fn finish(self) -> Option<usize> {
        self.candidates.into_iter().find(|c| c.2).map(|c| c.0)
    }
}
