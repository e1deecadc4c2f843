//! Legal regimes, calendars and clocks. Pure functions: no I/O, no clock reads.

mod calendar;
mod clock;
mod kind;
mod regime;
mod status;

pub use calendar::{is_business_day, Calendar};
pub use clock::{due_dates, local_receipt_date, next_due, ClockInput, DueDates, NextDue, Pause};
pub use kind::RequestKind;
pub use regime::{Period, Regime, RegimeRules, SHARING_OPT_OUT_BUSINESS_DAYS};
pub use status::Status;

#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("unknown time zone {0:?}; use an IANA name such as America/New_York")]
    UnknownTimeZone(String),
    #[error("cannot move a request from {from} to {to}; allowed next: {allowed}")]
    Transition { from: Status, to: Status, allowed: String },
    #[error("unknown {what} {value:?}")]
    Unknown { what: &'static str, value: String },
    #[error("{0}")]
    Pause(String),
    #[error("date out of range")]
    DateOutOfRange,
}
