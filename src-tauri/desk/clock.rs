//! Pausing, resuming and extending a request's clock. Each change is checked
//! against the regime and the request's history before anything is written.

use chrono::NaiveDate;

use super::Desk;
use crate::ledger::{ClockEvent, ClockEventKind, RequestRow};
use crate::rules::{due_dates, ClockInput, DueDates, Pause};
use crate::{Error, Result};

/// Pauses from a request's events; a pause still open runs to `today`.
pub(super) fn pauses(events: &[ClockEvent], today: NaiveDate) -> Vec<Pause> {
    let mut out = Vec::new();
    let mut open: Option<NaiveDate> = None;
    for e in events {
        match e.event {
            ClockEventKind::Paused => open = Some(e.on_date),
            // The day the clock restarts counts again, so the pause ends the day before.
            ClockEventKind::Resumed => {
                if let Some(from) = open.take() {
                    if e.on_date > from {
                        out.push(Pause { from, to: e.on_date.pred_opt().unwrap_or(e.on_date) });
                    }
                }
            }
            ClockEventKind::Extended => {}
        }
    }
    if let Some(from) = open {
        out.push(Pause { from, to: today.max(from) });
    }
    out
}

/// The company's today and its closure days: what every clock needs from settings.
pub(super) struct Workdays {
    pub today: NaiveDate,
    pub closures: Vec<NaiveDate>,
}

pub(super) fn request_due(row: &RequestRow, events: &[ClockEvent], days: &Workdays) -> Result<DueDates> {
    let pauses = pauses(events, days.today);
    let extended = events.iter().any(|e| e.event == ClockEventKind::Extended);
    Ok(due_dates(&ClockInput {
        regime: row.regime,
        received: row.received_date,
        kinds: &row.kinds,
        pauses: &pauses,
        extended,
        closures: &days.closures,
    })?)
}

fn refuse(reference: &str, why: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("{reference}: {why}; nothing was changed"))
}

impl Desk {
    pub(super) fn workdays(&self) -> Result<Workdays> {
        Ok(Workdays { today: self.today()?, closures: self.profile()?.closure_days })
    }

    fn clock_change(
        &mut self,
        reference: &str,
        event: ClockEventKind,
        on: NaiveDate,
        reason: &str,
    ) -> Result<()> {
        let row = self.ledger.request(reference)?;
        let events = self.ledger.clock_events(reference)?;
        let days = self.workdays()?;
        let today = days.today;
        if reason.trim().is_empty() {
            return Err(refuse(reference, "a reason is required"));
        }
        if !row.status.is_open() {
            return Err(refuse(reference, format!("the request is {}, its clock has stopped", row.status)));
        }
        if on < row.received_date || on > today {
            return Err(refuse(
                reference,
                format!("{on} is outside the request's life ({} to today)", row.received_date),
            ));
        }
        let paused = matches!(events.iter().rev().find(|e| e.event != ClockEventKind::Extended), Some(e) if e.event == ClockEventKind::Paused);
        match event {
            ClockEventKind::Paused if paused => return Err(refuse(reference, "the clock is already paused")),
            ClockEventKind::Resumed if !paused => return Err(refuse(reference, "the clock is not paused")),
            ClockEventKind::Resumed => {
                let from = events.iter().rev().find(|e| e.event == ClockEventKind::Paused).map(|e| e.on_date);
                if from.is_some_and(|f| on < f) {
                    return Err(refuse(reference, "the clock cannot resume before it was paused"));
                }
            }
            ClockEventKind::Extended => {
                if events.iter().any(|e| e.event == ClockEventKind::Extended) {
                    return Err(refuse(
                        reference,
                        "the request has already been extended; the law allows one extension",
                    ));
                }
                let due = request_due(&row, &events, &days)?;
                if row.regime.rules().extended.is_none() {
                    return Err(refuse(reference, format!("{} has no extension", row.regime.rules().label)));
                }
                if on > due.respond_by {
                    return Err(refuse(
                        reference,
                        format!("an extension must be taken by the due date {}", due.respond_by),
                    ));
                }
            }
            ClockEventKind::Paused => {}
        }
        let e = ClockEvent { event, on_date: on, reason: reason.trim().to_string() };
        // A pause the regime does not allow is refused by the clock itself.
        let mut check = events.clone();
        check.push(e.clone());
        request_due(&row, &check, &days).map_err(|err| refuse(reference, err))?;
        Ok(self.ledger.add_clock_event(&self.actor, reference, &e)?)
    }

    pub fn pause_clock(&mut self, reference: &str, on: NaiveDate, reason: &str) -> Result<()> {
        self.clock_change(reference, ClockEventKind::Paused, on, reason)
    }

    pub fn resume_clock(&mut self, reference: &str, on: NaiveDate, reason: &str) -> Result<()> {
        self.clock_change(reference, ClockEventKind::Resumed, on, reason)
    }

    pub fn extend(&mut self, reference: &str, reason: &str) -> Result<()> {
        let today = self.today()?;
        self.clock_change(reference, ClockEventKind::Extended, today, reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(event: ClockEventKind, on: &str) -> ClockEvent {
        ClockEvent { event, on_date: on.parse().unwrap(), reason: "r".into() }
    }

    #[test]
    fn pause_runs_to_the_day_before_resumption_or_to_today() {
        let today = "2026-03-20".parse().unwrap();
        let events = [
            ev(ClockEventKind::Paused, "2026-03-05"),
            ev(ClockEventKind::Resumed, "2026-03-10"),
            ev(ClockEventKind::Paused, "2026-03-15"),
        ];
        let p = pauses(&events, today);
        assert_eq!(p[0], Pause { from: "2026-03-05".parse().unwrap(), to: "2026-03-09".parse().unwrap() });
        assert_eq!(p[1], Pause { from: "2026-03-15".parse().unwrap(), to: today });
    }
}
