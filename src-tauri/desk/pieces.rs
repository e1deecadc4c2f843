//! The specific pieces of information for one request: find the requester's
//! rows in the data sources, let the officer confirm them, find what must be
//! redacted, and produce the redacted copy (JSON or CSV) that letters and the
//! portable copy are made from.

use std::path::Path;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::Desk;
use crate::audit::AuditRecord;
use crate::ledger::{FoundRow, PieceDecision, RedactionChoice, StoredRedaction};
use crate::redact::{apply, redact_rows, scanner_for, Redaction, RedactionType};
use crate::subject::{find_rows, Candidate, Identifiers, Lookback, Source};
use crate::{Error, Result};

/// A found row with its contents, for review.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PieceRow {
    pub found: FoundRow,
    pub columns: Vec<String>,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PiecesView {
    pub identifiers: Identifiers,
    /// Rows dated before this day are left out (the lookback); None = all.
    #[ts(type = "string | null")]
    pub since: Option<NaiveDate>,
    pub rows: Vec<PieceRow>,
    pub redactions: Vec<StoredRedaction>,
}

/// One source's confirmed rows with every kept redaction applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RedactedTable {
    pub source: String,
    pub columns: Vec<String>,
    /// Each column's role, which maps it to a category of the data map.
    pub roles: Vec<crate::subject::Role>,
    pub rows: Vec<RedactedRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RedactedRow {
    pub row_id: String,
    pub values: Vec<String>,
}

/// What the letters and the portable copy are made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RedactedPieces {
    pub reference: String,
    pub tables: Vec<RedactedTable>,
    /// Never-disclose items held about the person: the letter says so, without the value.
    pub withheld: Vec<RedactionType>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PiecesFormat {
    Json,
    Csv,
}

impl std::str::FromStr for PiecesFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "json" => Ok(PiecesFormat::Json),
            "csv" => Ok(PiecesFormat::Csv),
            _ => Err(Error::Invalid(format!("format {s:?}: expected json or csv"))),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PiecesExport {
    pub path: String,
    pub sha256: String,
    pub rows: u32,
}

/// What a found row held, to notice a newer export under it.
pub fn row_digest(values: &[String]) -> String {
    let mut h = Sha256::new();
    for v in values {
        h.update((v.len() as u64).to_le_bytes());
        h.update(v.as_bytes());
    }
    hex::encode(h.finalize())
}

fn char_to_byte(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map(|(b, _)| b).unwrap_or(s.len())
}

fn row<'a>(
    sources: &'a [Source],
    name: &str,
    number: u64,
) -> Option<(usize, &'a Source, &'a crate::subject::Row)> {
    let (i, s) = sources.iter().enumerate().find(|(_, s)| s.name == name)?;
    s.rows.iter().find(|r| r.number == number).map(|r| (i, s, r))
}

impl Desk {
    fn identifiers(&self, reference: &str) -> Result<Identifiers> {
        let r = self.ledger.request(reference)?;
        let mut ids = Identifiers::default();
        if !r.requester_name.trim().is_empty() {
            ids.names.push(r.requester_name.clone());
        }
        if !r.requester_email.trim().is_empty() {
            ids.emails.push(r.requester_email.clone());
        }
        Ok(ids)
    }

    pub(super) fn lookback(&self, reference: &str) -> Result<Option<NaiveDate>> {
        let months = self.profile()?.lookback_months;
        let received = self.ledger.request(reference)?.received_date;
        Ok((months > 0).then(|| received.checked_sub_months(Months::new(months))).flatten())
    }

    pub fn pieces(&self, reference: &str) -> Result<PiecesView> {
        self.pieces_in(&self.ledger.load_sources()?, reference)
    }

    /// The view, from sources already loaded by the caller.
    fn pieces_in(&self, sources: &[Source], reference: &str) -> Result<PiecesView> {
        let rows = self
            .ledger
            .found_rows(reference)?
            .into_iter()
            .map(|found| {
                let (columns, values) = match row(sources, &found.source, found.number) {
                    Some((_, s, r)) => (s.columns.iter().map(|c| c.name.clone()).collect(), r.values.clone()),
                    None => (Vec::new(), Vec::new()),
                };
                PieceRow { found, columns, values }
            })
            .collect();
        Ok(PiecesView {
            identifiers: self.identifiers(reference)?,
            since: self.lookback(reference)?,
            rows,
            redactions: self.ledger.redactions(reference)?,
        })
    }

    /// Search every data source for the requester.
    pub fn find_pieces(&mut self, reference: &str) -> Result<PiecesView> {
        let sources = self.ledger.load_sources()?;
        if sources.is_empty() {
            return Err(Error::Invalid(
                "there are no data sources to search yet; import the company's exports first".into(),
            ));
        }
        let found =
            find_rows(&sources, &self.identifiers(reference)?, Lookback { since: self.lookback(reference)? });
        let rows: Vec<FoundRow> = found
            .candidates
            .into_iter()
            .map(|c| FoundRow {
                digest: row_digest(
                    &sources[c.source as usize]
                        .rows
                        .iter()
                        .find(|r| r.number == c.number)
                        .map(|r| r.values.clone())
                        .unwrap_or_default(),
                ),
                source: c.file,
                number: c.number,
                row_id: c.row_id,
                score: c.score,
                why: c.why,
                decision: PieceDecision::Pending,
                reason: String::new(),
            })
            .collect();
        self.ledger.put_found_rows(&self.actor, reference, &rows)?;
        self.pieces_in(&sources, reference)
    }

    pub fn decide_piece_row(
        &mut self,
        reference: &str,
        source: &str,
        number: u64,
        confirm: bool,
        reason: &str,
    ) -> Result<PiecesView> {
        if !confirm && reason.trim().is_empty() {
            return Err(Error::Invalid("say why the row is not about the requester".into()));
        }
        self.ledger.decide_row(&self.actor, reference, source, number, confirm, reason)?;
        self.pieces(reference)
    }

    /// The rows found for a request whose decision passes `keep`, as search candidates.
    pub(super) fn found_candidates(
        &self,
        sources: &[Source],
        reference: &str,
        keep: impl Fn(PieceDecision) -> bool,
    ) -> Result<Vec<Candidate>> {
        Ok(self
            .ledger
            .found_rows(reference)?
            .into_iter()
            .filter(|f| keep(f.decision))
            .filter_map(|f| {
                let (i, _, _) = row(sources, &f.source, f.number)?;
                Some(Candidate {
                    source: i as u32,
                    file: f.source,
                    number: f.number,
                    row_id: f.row_id,
                    score: f.score,
                    why: f.why,
                })
            })
            .collect())
    }

    /// Run the detectors over the rows not rejected.
    pub fn scan_redactions(&mut self, reference: &str) -> Result<PiecesView> {
        let sources = self.ledger.load_sources()?;
        let rows = self.found_candidates(&sources, reference, |d| d != PieceDecision::Rejected)?;
        let found = find_rows(&sources, &self.identifiers(reference)?, Lookback::default());
        let scanner = scanner_for(&sources, &rows, &found.identifiers);
        let redactions = redact_rows(&sources, &rows, &scanner);
        self.ledger.put_redactions(&self.actor, reference, &redactions)?;
        self.pieces_in(&sources, reference)
    }

    pub fn decide_redactions(
        &mut self,
        reference: &str,
        which: RedactionChoice,
        keep: bool,
        reason: &str,
    ) -> Result<PiecesView> {
        if reason.trim().is_empty() {
            return Err(Error::Invalid("a redaction decision needs its reason".into()));
        }
        self.ledger.decide_redactions(&self.actor, reference, which, keep, reason)?;
        self.pieces(reference)
    }

    /// Redact a stretch the detectors missed: `start..end` in characters.
    #[allow(clippy::too_many_arguments)]
    pub fn add_manual_redaction(
        &mut self,
        reference: &str,
        source: &str,
        number: u64,
        field: &str,
        (start, end): (usize, usize),
        kind: RedactionType,
        reason: &str,
    ) -> Result<PiecesView> {
        if reason.trim().is_empty() {
            return Err(Error::Invalid("a manual redaction needs its reason".into()));
        }
        let sources = self.ledger.load_sources()?;
        let (_, s, r) = row(&sources, source, number)
            .ok_or_else(|| Error::Invalid(format!("{source} has no row {number}")))?;
        let col = s
            .columns
            .iter()
            .position(|c| c.name == field)
            .ok_or_else(|| Error::Invalid(format!("{source} has no column {field:?}")))?;
        let value = s.value(r, col);
        let len = value.chars().count();
        if start >= end || end > len {
            return Err(Error::Invalid(format!(
                "{start}..{end} is not a stretch of the {field} field ({len} characters)"
            )));
        }
        let text: String = value.chars().skip(start).take(end - start).collect();
        let manual = Redaction {
            file: source.to_string(),
            source: 0,
            number,
            row_id: r.id.clone(),
            field: field.to_string(),
            column: col as u32,
            start,
            end,
            text,
            kind,
            detector: "manual".into(),
            score: 1.0,
            explanation: "marked by the officer".into(),
        };
        self.ledger.add_manual_redaction(&self.actor, reference, &manual, reason)?;
        self.pieces_in(&sources, reference)
    }

    /// The confirmed rows with every redaction not rejected applied. Refuses
    /// when a source changed after its redactions were found.
    pub fn redacted_pieces(&self, reference: &str) -> Result<RedactedPieces> {
        let sources = self.ledger.load_sources()?;
        let redactions: Vec<StoredRedaction> = self
            .ledger
            .redactions(reference)?
            .into_iter()
            .filter(|x| x.decision != PieceDecision::Rejected)
            .collect();
        let mut tables: Vec<RedactedTable> = Vec::new();
        for f in
            self.ledger.found_rows(reference)?.into_iter().filter(|f| f.decision == PieceDecision::Confirmed)
        {
            let (_, s, r) = row(&sources, &f.source, f.number).ok_or_else(|| {
                Error::Invalid(format!(
                    "{}: row {} is no longer in the data source; find the pieces again",
                    f.source, f.number
                ))
            })?;
            if row_digest(&r.values) != f.digest {
                return Err(Error::Invalid(format!(
                    "{} row {} changed after it was found (a newer export was imported); find the pieces and run the redaction again",
                    f.source, f.number
                )));
            }
            let mut values = r.values.clone();
            for (col, value) in values.iter_mut().enumerate() {
                let field = s.columns.get(col).map(|c| c.name.as_str()).unwrap_or("");
                let mut spans = Vec::new();
                for x in redactions
                    .iter()
                    .filter(|x| x.source == f.source && x.number == f.number && x.field == field)
                {
                    let (b0, b1) = (char_to_byte(value, x.start), char_to_byte(value, x.end));
                    if value.get(b0..b1) != Some(x.text.as_str()) {
                        return Err(Error::Invalid(format!(
                            "{} row {} ({field}) changed after it was reviewed; run the redaction again",
                            f.source, f.number
                        )));
                    }
                    spans.push((b0, b1, x.kind));
                }
                *value = apply(value, &spans);
            }
            let table = match tables.iter_mut().find(|t| t.source == f.source) {
                Some(t) => t,
                None => {
                    let columns = s.columns.iter().map(|c| c.name.clone()).collect();
                    let roles = s.columns.iter().map(|c| c.role).collect();
                    tables.push(RedactedTable { source: f.source.clone(), columns, roles, rows: Vec::new() });
                    tables.last_mut().expect("just pushed")
                }
            };
            table.rows.push(RedactedRow { row_id: r.id.clone(), values });
        }
        let mut withheld: Vec<RedactionType> =
            redactions.iter().map(|x| x.kind).filter(|k| k.never_disclose()).collect();
        withheld.sort();
        withheld.dedup();
        Ok(RedactedPieces { reference: reference.to_string(), tables, withheld })
    }

    /// Save the redacted pieces as JSON or CSV (the portable copy).
    pub fn export_pieces(
        &mut self,
        reference: &str,
        format: PiecesFormat,
        out: &Path,
    ) -> Result<PiecesExport> {
        self.check_pieces_allowed(reference)?;
        let pieces = self.redacted_pieces(reference)?;
        let rows: usize = pieces.tables.iter().map(|t| t.rows.len()).sum();
        if rows == 0 {
            return Err(Error::Invalid(format!(
                "{reference}: no confirmed rows to export; confirm the rows found first"
            )));
        }
        let bytes = match format {
            PiecesFormat::Json => portable_json(&pieces)?,
            PiecesFormat::Csv => portable_csv(&pieces)?,
        };
        super::write_atomically(out, &bytes)?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let detail = format!("{rows} rows as {format:?} to {} (sha256 {sha256})", out.display());
        self.ledger.record(&self.actor, &AuditRecord::new("pieces.exported", Some(reference), detail))?;
        Ok(PiecesExport { path: out.display().to_string(), sha256, rows: rows as u32 })
    }
}

/// JSON: one object per source, each row an object of column → value.
fn portable_json(p: &RedactedPieces) -> Result<Vec<u8>> {
    let tables: Vec<serde_json::Value> = p
        .tables
        .iter()
        .map(|t| {
            let rows: Vec<serde_json::Value> = t
                .rows
                .iter()
                .map(|r| {
                    let obj: serde_json::Map<String, serde_json::Value> = t
                        .columns
                        .iter()
                        .cloned()
                        .zip(r.values.iter().cloned().map(serde_json::Value::String))
                        .collect();
                    serde_json::Value::Object(obj)
                })
                .collect();
            serde_json::json!({ "source": t.source, "rows": rows })
        })
        .collect();
    let withheld: Vec<&str> = p.withheld.iter().map(|k| k.marker()).collect();
    let doc = serde_json::json!({ "reference": p.reference, "sources": tables, "withheld": withheld });
    serde_json::to_vec_pretty(&doc).map_err(|e| Error::Invalid(e.to_string()))
}

/// CSV: one block per source (source, row id, column, value), so sources with
/// different columns share one file.
fn portable_csv(p: &RedactedPieces) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::Invalid(e.to_string());
    w.write_record(["source", "row_id", "field", "value"]).map_err(err)?;
    for t in &p.tables {
        for r in &t.rows {
            for (c, v) in t.columns.iter().zip(&r.values) {
                w.write_record([t.source.as_str(), r.row_id.as_str(), c.as_str(), v.as_str()])
                    .map_err(err)?;
            }
        }
    }
    for k in &p.withheld {
        w.write_record(["", "", "withheld", k.marker()]).map_err(err)?;
    }
    w.into_inner().map_err(|e| Error::Invalid(e.to_string()))
}
