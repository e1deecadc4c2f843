//! Streaming readers for CSV, JSON and JSONL exports. Each hands over the
//! column names, then one row at a time, then any problems, so a 1 GB export
//! is read in bounded memory. A bad line is reported with its line number and
//! skipped or repaired; the rest of the file still reads.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde_json::Value;

use super::{Problem, SubjectError};

pub enum ReadEvent {
    /// The column names so far. JSON exports may add columns as new keys
    /// appear; the event then repeats with the longer list.
    Columns(Vec<String>),
    Row {
        number: u64,
        values: Vec<String>,
    },
    Problem(Problem),
}

/// The callback returns false to stop (cancel).
pub type Reader<'a> = dyn FnMut(ReadEvent) -> bool + 'a;

/// At most this many problems are listed one by one for a file; the rest are counted.
const MAX_LISTED: usize = 50;

struct Problems<'a, 'b> {
    file: &'a str,
    listed: usize,
    more: u64,
    sink: &'a mut Reader<'b>,
}

impl Problems<'_, '_> {
    fn report(&mut self, line: u64, what: String) -> bool {
        if self.listed < MAX_LISTED {
            self.listed += 1;
            (self.sink)(ReadEvent::Problem(Problem { file: self.file.to_string(), line, what }))
        } else {
            self.more += 1;
            true
        }
    }

    fn finish(self) {
        if self.more > 0 {
            let what = format!("{} more problems like those above", self.more);
            (self.sink)(ReadEvent::Problem(Problem { file: self.file.to_string(), line: 0, what }));
        }
    }
}

/// Read the export at `path` from `input` (the file itself, perhaps wrapped to
/// count bytes); `file` is how problems name it.
pub fn read_source(
    input: impl Read,
    path: &Path,
    file: &str,
    sink: &mut Reader<'_>,
) -> Result<(), SubjectError> {
    let unreadable = |what: String| SubjectError::Unreadable { file: file.to_string(), what };
    let f = input;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let mut reader = BufReader::with_capacity(1 << 16, f);
    let first = reader.fill_buf().map_err(|e| unreadable(format!("cannot read: {e}")))?;
    if first.is_empty() {
        return Err(unreadable("the file is empty".into()));
    }
    let looks_json =
        first.iter().find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
    let mut problems = Problems { file, listed: 0, more: 0, sink };
    let done = match (ext.as_str(), looks_json) {
        ("jsonl" | "ndjson", _) => jsonl(reader, &mut problems).map(|_| ()),
        ("json", Some(b'{')) => jsonl_or_object(reader, &mut problems),
        ("json", _) => json(reader, &mut problems),
        ("csv" | "tsv" | "txt", _) => csv(reader, ext == "tsv", &mut problems),
        _ => Err(format!("not a CSV, JSON or JSONL export (.{ext}); rename it or export it as CSV")),
    };
    let ok = done.map_err(unreadable);
    problems.finish();
    ok
}

/// Bytes as text: UTF-8 where valid, else Windows-1252 (what spreadsheets save).
fn text(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), true),
    }
}

fn csv(reader: impl Read, tabs: bool, p: &mut Problems) -> Result<(), String> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tabs { b'\t' } else { b',' })
        .from_reader(reader);
    let mut record = csv::ByteRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut number = 0u64;
    loop {
        let line = rdr.position().line() + 1;
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                if !p.report(line, format!("unreadable CSV record ({e}); skipped")) {
                    return Ok(());
                }
                continue;
            }
        }
        let line = record.position().map(|pos| pos.line()).unwrap_or(line);
        let mut recoded = false;
        let mut values: Vec<String> = record
            .iter()
            .map(|f| {
                let (s, r) = text(f);
                recoded |= r;
                s
            })
            .collect();
        let Some(cols) = &header else {
            if let Some(first) = values.first_mut() {
                *first = first.trim_start_matches('\u{feff}').to_string();
            }
            if values.iter().all(|v| v.trim().is_empty()) {
                return Err("the first line has no column names".into());
            }
            header = Some(values.clone());
            if !(p.sink)(ReadEvent::Columns(values)) {
                return Ok(());
            }
            continue;
        };
        number += 1;
        if values.len() == 1 && values[0].is_empty() {
            continue; // a blank line
        }
        if recoded && !p.report(line, "not valid UTF-8; read as Windows-1252".into()) {
            return Ok(());
        }
        if values.len() > cols.len() {
            let what = format!("{} fields but the header has {}; row skipped", values.len(), cols.len());
            if !p.report(line, what) {
                return Ok(());
            }
            continue;
        }
        if values.len() < cols.len() {
            let what = format!(
                "{} fields but the header has {}; the missing ones are left empty",
                values.len(),
                cols.len()
            );
            if !p.report(line, what) {
                return Ok(());
            }
            values.resize(cols.len(), String::new());
        }
        if !(p.sink)(ReadEvent::Row { number, values }) {
            return Ok(());
        }
    }
    if header.is_none() {
        return Err("no header line".into());
    }
    Ok(())
}

/// Flatten one JSON object into (column, value) pairs: nested objects become
/// "a.b" columns, arrays of scalars are joined with "; ".
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out);
            }
        }
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            let joined: Vec<String> = items.iter().map(scalar).collect();
            out.push((prefix.to_string(), joined.join("; ")));
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}.{i}"), v, out);
            }
        }
        other => out.push((prefix.to_string(), scalar(other))),
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Keeps the growing column list of a JSON export and lays each object out on it.
#[derive(Default)]
struct Layout {
    columns: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl Layout {
    fn row(&mut self, obj: &Value, number: u64, p: &mut Problems) -> bool {
        let mut pairs = Vec::new();
        flatten("", obj, &mut pairs);
        let before = self.columns.len();
        let mut values = vec![String::new(); before];
        for (k, v) in pairs {
            let k = if k.is_empty() { "value".to_string() } else { k };
            let i = *self.index.entry(k.clone()).or_insert_with(|| {
                self.columns.push(k);
                self.columns.len() - 1
            });
            if i >= values.len() {
                values.resize(i + 1, String::new());
            }
            values[i] = v;
        }
        if self.columns.len() > before && !(p.sink)(ReadEvent::Columns(self.columns.clone())) {
            return false;
        }
        values.resize(self.columns.len(), String::new());
        (p.sink)(ReadEvent::Row { number, values })
    }
}

fn jsonl(reader: impl BufRead, p: &mut Problems) -> Result<u64, String> {
    let mut layout = Layout::default();
    let mut number = 0u64;
    for (i, line) in reader.split(b'\n').enumerate() {
        let line_no = i as u64 + 1;
        let bytes = line.map_err(|e| format!("cannot read line {line_no}: {e}"))?;
        let (s, _) = text(&bytes);
        let s = s.trim_start_matches('\u{feff}').trim();
        if s.is_empty() {
            continue;
        }
        number += 1;
        match serde_json::from_str::<Value>(s) {
            Ok(v @ Value::Object(_)) => {
                if !layout.row(&v, number, p) {
                    return Ok(number);
                }
            }
            Ok(_) => {
                if !p.report(line_no, "not a JSON object; line skipped".into()) {
                    return Ok(number);
                }
            }
            Err(e) => {
                if !p.report(line_no, format!("broken JSON ({e}); line skipped")) {
                    return Ok(number);
                }
            }
        }
    }
    if layout.columns.is_empty() && number == 0 {
        return Err("no records in the file".into());
    }
    Ok(number)
}

/// A .json file starting with "{": either JSON Lines saved as .json, or one
/// object that holds the records in an array.
fn jsonl_or_object(mut reader: impl BufRead, p: &mut Problems) -> Result<(), String> {
    let mut all = Vec::new();
    reader.read_to_end(&mut all).map_err(|e| format!("cannot read: {e}"))?;
    let (s, _) = text(&all);
    match serde_json::from_str::<Value>(s.trim_start_matches('\u{feff}')) {
        Ok(Value::Object(map)) => {
            let records = map.values().find_map(|v| v.as_array().filter(|a| a.iter().any(Value::is_object)));
            match records {
                Some(items) => records_of(items, p),
                None => {
                    let mut layout = Layout::default();
                    layout.row(&Value::Object(map), 1, p);
                    Ok(())
                }
            }
        }
        _ => jsonl(&all[..], p).map(|_| ()),
    }
}

fn json(mut reader: impl BufRead, p: &mut Problems) -> Result<(), String> {
    let mut all = Vec::new();
    reader.read_to_end(&mut all).map_err(|e| format!("cannot read: {e}"))?;
    let (s, _) = text(&all);
    match serde_json::from_str::<Value>(s.trim_start_matches('\u{feff}')) {
        Ok(Value::Array(items)) => records_of(&items, p),
        Ok(_) => Err("the JSON is not an array of records".into()),
        Err(e) => Err(format!("broken JSON at line {}, column {}: {e}", e.line(), e.column())),
    }
}

fn records_of(items: &[Value], p: &mut Problems) -> Result<(), String> {
    let mut layout = Layout::default();
    for (i, item) in items.iter().enumerate() {
        let number = i as u64 + 1;
        if !item.is_object() {
            if !p.report(0, format!("record {number} is not a JSON object; skipped")) {
                return Ok(());
            }
            continue;
        }
        if !layout.row(item, number, p) {
            return Ok(());
        }
    }
    Ok(())
}
