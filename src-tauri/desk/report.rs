//! The §7102 metrics and the §7101 request register.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::ledger::{KindOutcome, Outcome};
use crate::rules::{Regime, RequestKind, Status};
use crate::Result;

/// The rights §7102 reports on, and the kinds that exercise each.
const RIGHTS: &[(&str, &[RequestKind])] = &[
    ("know", &[RequestKind::Access, RequestKind::Portability]),
    ("delete", &[RequestKind::Deletion]),
    ("correct", &[RequestKind::Correction]),
    ("opt_out", &[RequestKind::OptOutSale, RequestKind::OptOutSharing]),
    ("limit", &[]),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReasonCount {
    pub reason: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricsRow {
    pub right: String,
    pub received: u32,
    /// Complied with in whole.
    pub complied: u32,
    /// Complied with in part.
    pub partial: u32,
    pub denied: u32,
    pub denied_by_reason: Vec<ReasonCount>,
    pub median_days: Option<f64>,
    pub mean_days: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricsReport {
    pub year: i32,
    pub rows: Vec<MetricsRow>,
}

/// One line of the register auditors read (§7101).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RegisterRow {
    pub reference: String,
    #[ts(type = "string")]
    pub received: NaiveDate,
    pub kinds: Vec<RequestKind>,
    pub channel: String,
    pub regime: Regime,
    pub status: Status,
    #[ts(type = "string | null")]
    pub responded_on: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub closed_on: Option<NaiveDate>,
    pub outcomes: Vec<KindOutcome>,
}

pub const REGISTER_HEADER: [&str; 10] = [
    "reference",
    "received",
    "kinds",
    "channel",
    "regime",
    "status",
    "responded_on",
    "closed_on",
    "outcomes",
    "basis",
];

/// One register row as CSV fields, in [`REGISTER_HEADER`] order.
pub fn register_fields(r: &RegisterRow) -> Vec<String> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let kinds: Vec<&str> = r.kinds.iter().map(|k| k.as_str()).collect();
    let outcomes: Vec<String> =
        r.outcomes.iter().map(|o| format!("{}={}", o.kind, o.outcome.as_str())).collect();
    let bases: Vec<String> = r
        .outcomes
        .iter()
        .filter(|o| !o.basis.is_empty())
        .map(|o| format!("{}: {}", o.kind, o.basis))
        .collect();
    vec![
        r.reference.clone(),
        r.received.to_string(),
        kinds.join(" "),
        r.channel.clone(),
        r.regime.as_str().to_string(),
        r.status.as_str().to_string(),
        date(r.responded_on),
        date(r.closed_on),
        outcomes.join(" "),
        bases.join("; "),
    ]
}

fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

fn metrics_row(right: &str, kinds: &[RequestKind], register: &[RegisterRow]) -> MetricsRow {
    let mut row = MetricsRow {
        right: right.to_string(),
        received: 0,
        complied: 0,
        partial: 0,
        denied: 0,
        denied_by_reason: Vec::new(),
        median_days: None,
        mean_days: None,
    };
    let mut days = Vec::new();
    for r in register.iter().filter(|r| r.kinds.iter().any(|k| kinds.contains(k))) {
        row.received += 1;
        let mine: Vec<&KindOutcome> = r.outcomes.iter().filter(|o| kinds.contains(&o.kind)).collect();
        if let Some(d) = mine.iter().find(|o| o.outcome == Outcome::Denied) {
            row.denied += 1;
            let reason =
                if d.basis.trim().is_empty() { "unstated".to_string() } else { d.basis.trim().to_string() };
            match row.denied_by_reason.iter_mut().find(|c| c.reason == reason) {
                Some(c) => c.count += 1,
                None => row.denied_by_reason.push(ReasonCount { reason, count: 1 }),
            }
        } else if mine.iter().any(|o| o.outcome == Outcome::Partial) {
            row.partial += 1;
        } else if mine.iter().any(|o| o.outcome == Outcome::Complied) {
            row.complied += 1;
        }
        if let Some(on) = r.responded_on {
            days.push((on - r.received).num_days());
        }
    }
    days.sort_unstable();
    row.median_days = median(&days);
    row.mean_days = (!days.is_empty()).then(|| days.iter().sum::<i64>() as f64 / days.len() as f64);
    row.denied_by_reason.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.reason.cmp(&b.reason)));
    row
}

impl Desk {
    /// Every request's record, oldest first.
    pub fn register(&self) -> Result<Vec<RegisterRow>> {
        let mut out = Vec::new();
        for r in self.ledger.requests(None, "")? {
            out.push(RegisterRow {
                outcomes: self.ledger.outcomes(&r.reference)?,
                reference: r.reference,
                received: r.received_date,
                kinds: r.kinds,
                channel: r.channel,
                regime: r.regime,
                status: r.status,
                responded_on: r.responded_on,
                closed_on: r.closed_on,
            });
        }
        Ok(out)
    }

    /// The register as file contents: CSV (one row per request) or JSON.
    pub fn register_bytes(&self, csv: bool) -> Result<Vec<u8>> {
        let rows = self.register()?;
        if !csv {
            return serde_json::to_vec_pretty(&rows)
                .map_err(|e| crate::Error::Invalid(format!("register: {e}")));
        }
        let mut w = csv::Writer::from_writer(Vec::new());
        let fail = |e: csv::Error| crate::Error::Invalid(format!("register: {e}"));
        w.write_record(REGISTER_HEADER).map_err(fail)?;
        for r in &rows {
            w.write_record(register_fields(r)).map_err(fail)?;
        }
        w.into_inner().map_err(|e| crate::Error::Invalid(format!("register: {e}")))
    }

    /// §7102 figures for requests received in `year`.
    pub fn metrics(&self, year: i32) -> Result<MetricsReport> {
        let register: Vec<RegisterRow> =
            self.register()?.into_iter().filter(|r| r.received.year() == year).collect();
        Ok(MetricsReport {
            year,
            rows: RIGHTS.iter().map(|(right, kinds)| metrics_row(right, kinds, &register)).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_and_odd_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3, 9, 20]), Some(9.0));
        assert_eq!(median(&[3, 9, 20, 40]), Some(14.5));
    }
}
