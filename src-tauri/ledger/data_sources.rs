//! Data sources: the company's exports, kept encrypted in the ledger row by
//! row. A newer export of the same source replaces the old one in one
//! transaction, so a failed or cancelled import leaves the old one whole.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{audit_log, Ledger, LedgerError, Result};
use crate::audit::AuditRecord;
use crate::subject::{Column, Problem, Role, Row, Source};

pub(super) const SCHEMA: &str = "
CREATE TABLE data_sources (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    file_name    TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    columns      TEXT NOT NULL,
    row_count    INTEGER NOT NULL,
    problems     TEXT NOT NULL
);
CREATE TABLE data_rows (
    source_id  INTEGER NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    row_id     TEXT NOT NULL,
    vals       TEXT NOT NULL,
    PRIMARY KEY (source_id, number)
) WITHOUT ROWID;
CREATE INDEX data_rows_key ON data_rows(source_id, row_id);
";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SourceInfo {
    pub name: String,
    pub file_name: String,
    pub imported_at: String,
    pub columns: Vec<Column>,
    #[ts(type = "number")]
    pub row_count: u64,
    pub problems: Vec<Problem>,
}

/// What a finished read hands back to be stored with the rows.
pub struct SourceDone {
    pub columns: Vec<Column>,
    /// Columns whose names end in "id", in order; the first one's values were
    /// pushed as each row's key.
    pub id_candidates: Vec<usize>,
    pub problems: Vec<Problem>,
}

/// Inserts one row at a time inside the import's transaction.
pub struct RowSink<'c> {
    stmt: rusqlite::Statement<'c>,
    source_id: i64,
    pub rows: u64,
}

impl RowSink<'_> {
    /// `key` is the row's value in the first id-like column ("" if none).
    pub fn push(&mut self, number: u64, values: &[String], key: &str) -> Result<()> {
        let vals = serde_json::to_string(values).map_err(|e| LedgerError::Damaged(e.to_string()))?;
        self.stmt.execute(params![self.source_id, number as i64, key.trim(), vals])?;
        self.rows += 1;
        Ok(())
    }
}

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| LedgerError::Damaged(e.to_string()))
}

fn info(r: &rusqlite::Row) -> rusqlite::Result<(String, String, String, String, i64, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
}

fn parse_info(raw: (String, String, String, String, i64, String)) -> Result<SourceInfo> {
    let (name, file_name, imported_at, columns, rows, problems) = raw;
    let bad = |e: serde_json::Error| LedgerError::Damaged(format!("data source {name}: {e}"));
    Ok(SourceInfo {
        columns: serde_json::from_str(&columns).map_err(bad)?,
        problems: serde_json::from_str(&problems).map_err(bad)?,
        row_count: rows as u64,
        name: name.clone(),
        file_name,
        imported_at,
    })
}

const INFO: &str = "SELECT name, file_name, imported_at, columns, row_count, problems FROM data_sources";

impl Ledger {
    /// Store a source named `name`, replacing any earlier one of that name.
    /// `fill` streams the rows in; if it fails, nothing changes.
    pub fn replace_source<E: From<LedgerError>>(
        &mut self,
        actor: &str,
        name: &str,
        file_name: &str,
        fill: impl FnOnce(&mut RowSink) -> std::result::Result<SourceDone, E>,
    ) -> std::result::Result<SourceInfo, E> {
        let sp = self.conn.savepoint().map_err(LedgerError::from)?;
        let replaced =
            sp.execute("DELETE FROM data_sources WHERE name = ?1", [name]).map_err(LedgerError::from)? > 0;
        sp.execute(
            "INSERT INTO data_sources (name, file_name, imported_at, columns, row_count, problems)
             VALUES (?1, ?2, ?3, '[]', 0, '[]')",
            params![name, file_name, chrono::Utc::now().to_rfc3339()],
        )
        .map_err(LedgerError::from)?;
        let source_id = sp.last_insert_rowid();
        let (done, rows) = {
            let stmt = sp
                .prepare("INSERT INTO data_rows (source_id, number, row_id, vals) VALUES (?1, ?2, ?3, ?4)")
                .map_err(LedgerError::from)?;
            let mut sink = RowSink { stmt, source_id, rows: 0 };
            let done = fill(&mut sink)?;
            (done, sink.rows)
        };
        // The row id is the first id-like column whose values are all present
        // and distinct. Checked in the ledger, on an index, so a 1 GB export
        // needs no memory for it.
        let mut columns = done.columns;
        if let Some(c) = id_column(&sp, source_id, &done.id_candidates)? {
            columns[c].role = Role::RecordId;
        }
        sp.execute(
            "UPDATE data_sources SET columns = ?2, row_count = ?3, problems = ?4 WHERE id = ?1",
            params![source_id, json(&columns)?, rows as i64, json(&done.problems)?],
        )
        .map_err(LedgerError::from)?;
        let verb = if replaced { "replaced" } else { "imported" };
        let detail = format!("{name} ({file_name}): {rows} rows, {} problems", done.problems.len());
        audit_log::append(&sp, actor, &AuditRecord::new(&format!("data_source.{verb}"), None, detail))?;
        let info = source_info(&sp, name)?;
        sp.commit().map_err(LedgerError::from)?;
        Ok(info)
    }

    pub fn sources(&self) -> Result<Vec<SourceInfo>> {
        let mut stmt = self.conn.prepare(&format!("{INFO} ORDER BY name"))?;
        let raw = stmt.query_map([], info)?.collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter().map(parse_info).collect()
    }

    pub fn set_column_role(&mut self, actor: &str, source: &str, column: &str, role: Role) -> Result<()> {
        self.audited(actor, |tx| {
            let mut info = source_info(tx, source)?;
            let Some(col) = info.columns.iter_mut().find(|c| c.name == column) else {
                return Err(LedgerError::Damaged(format!("data source {source} has no column {column:?}")));
            };
            let before = col.role;
            col.role = role;
            tx.execute(
                "UPDATE data_sources SET columns = ?2 WHERE name = ?1",
                params![source, json(&info.columns)?],
            )?;
            let detail = format!("{source}.{column}: {before:?} → {role:?}");
            Ok(((), AuditRecord::new("data_source.column_role", None, detail)))
        })
    }

    pub fn remove_source(&mut self, actor: &str, source: &str) -> Result<()> {
        self.audited(actor, |tx| {
            if tx.execute("DELETE FROM data_sources WHERE name = ?1", [source])? == 0 {
                return Err(LedgerError::SourceNotFound(source.to_string()));
            }
            Ok(((), AuditRecord::new("data_source.removed", None, source)))
        })
    }

    /// Every source with its rows, for searching.
    pub fn load_sources(&self) -> Result<Vec<Source>> {
        let mut out = Vec::new();
        let mut rows =
            self.conn.prepare("SELECT number, vals FROM data_rows WHERE source_id = ?1 ORDER BY number")?;
        let mut ids = self.conn.prepare("SELECT id, name FROM data_sources ORDER BY name")?;
        let ids: Vec<(i64, String)> =
            ids.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        for (id, name) in ids {
            let info = source_info(&self.conn, &name)?;
            let mut source = Source { name, columns: info.columns, rows: Vec::new() };
            let mut q = rows.query([id])?;
            while let Some(r) = q.next()? {
                let vals: String = r.get(1)?;
                let values: Vec<String> = serde_json::from_str(&vals)
                    .map_err(|e| LedgerError::Damaged(format!("data row: {e}")))?;
                source.rows.push(Row { number: r.get::<_, i64>(0)? as u64, id: String::new(), values });
            }
            let id_col = source.columns.iter().position(|c| c.role == Role::RecordId);
            source.set_ids(id_col);
            out.push(source);
        }
        Ok(out)
    }
}

fn id_column(conn: &Connection, source_id: i64, candidates: &[usize]) -> Result<Option<usize>> {
    for (n, &c) in candidates.iter().enumerate() {
        // The first candidate's values are the indexed key column; the others
        // are read out of the row (rarely needed).
        let expr =
            if n == 0 { "row_id".to_string() } else { format!("COALESCE(json_extract(vals, '$[{c}]'), '')") };
        let clash: bool = conn.query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM data_rows WHERE source_id = ?1 AND {expr} = '')
                     OR EXISTS (SELECT 1 FROM data_rows WHERE source_id = ?1 GROUP BY {expr} HAVING count(*) > 1)"
            ),
            [source_id],
            |r| r.get(0),
        )?;
        if !clash {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

fn source_info(conn: &Connection, name: &str) -> Result<SourceInfo> {
    let raw = conn
        .query_row(&format!("{INFO} WHERE name = ?1"), [name], info)
        .optional()?
        .ok_or_else(|| LedgerError::SourceNotFound(name.to_string()))?;
    parse_info(raw)
}
