//! `deadlines`: the clock engine on its own, no ledger needed.

use chrono::NaiveDate;

use crate::ledger::{KindOutcome, Outcome};
use crate::rules::{due_dates, ClockInput, DueDates, Pause, Regime, RequestKind};
use crate::{Error, Result};

pub fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::Invalid(format!("{s:?} is not a date; expected YYYY-MM-DD, e.g. 2026-03-06")))
}

fn parse_pause(s: &str) -> Result<Pause> {
    let (from, to) = s.split_once("..").ok_or_else(|| {
        Error::Invalid(format!("pause {s:?}: expected FROM..TO, e.g. 2026-03-10..2026-03-14"))
    })?;
    Ok(Pause { from: parse_date(from)?, to: parse_date(to)? })
}

pub fn deadlines(
    regime: &str,
    received: &str,
    kinds: &[String],
    pauses: &[String],
    extended: bool,
) -> Result<DueDates> {
    let regime: Regime = regime.parse()?;
    let received = parse_date(received)?;
    let kinds = if kinds.is_empty() {
        vec![RequestKind::Access]
    } else {
        kinds.iter().map(|k| k.parse()).collect::<Result<Vec<RequestKind>, _>>()?
    };
    let pauses = pauses.iter().map(|p| parse_pause(p)).collect::<Result<Vec<_>>>()?;
    Ok(due_dates(&ClockInput { regime, received, kinds: &kinds, pauses: &pauses, extended, closures: &[] })?)
}

/// `access=complied`, `deletion=denied:the data is needed to complete a transaction`
pub fn parse_outcome(s: &str) -> Result<KindOutcome> {
    let bad = || Error::Invalid(format!("outcome {s:?}: expected KIND=complied|partial|denied[:BASIS]"));
    let (kind, rest) = s.split_once('=').ok_or_else(bad)?;
    let (outcome, basis) = rest.split_once(':').unwrap_or((rest, ""));
    let outcome = match outcome.trim() {
        "complied" => Outcome::Complied,
        "partial" => Outcome::Partial,
        "denied" => Outcome::Denied,
        _ => return Err(bad()),
    };
    Ok(KindOutcome { kind: kind.trim().parse()?, outcome, basis: basis.trim().to_string() })
}
