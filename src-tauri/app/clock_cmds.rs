use chrono::NaiveDate;
use tauri::State;

use super::AppState;
use crate::cli::parse_date;
use crate::desk::{Desk, RequestDetail};
use crate::Result;

type ClockChange = fn(&mut Desk, &str, NaiveDate, &str) -> Result<()>;

/// Apply a dated clock change (`on` is YYYY-MM-DD) and return the request as it now stands.
fn dated(
    state: &AppState,
    change: ClockChange,
    reference: &str,
    on: &str,
    reason: &str,
) -> Result<RequestDetail> {
    let on = parse_date(on)?;
    state.with_desk(|d| change(d, reference, on, reason).and_then(|_| d.detail(reference)))
}

/// Stop the clock from `on` while waiting for what was asked.
#[tauri::command(async)]
pub fn pause_clock(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    reason: String,
) -> Result<RequestDetail> {
    dated(&state, Desk::pause_clock, &reference, &on, &reason)
}

#[tauri::command(async)]
pub fn resume_clock(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    reason: String,
) -> Result<RequestDetail> {
    dated(&state, Desk::resume_clock, &reference, &on, &reason)
}

#[tauri::command(async)]
pub fn extend_request(
    state: State<'_, AppState>,
    reference: String,
    reason: String,
) -> Result<RequestDetail> {
    state.with_desk(|d| d.extend(&reference, &reason).and_then(|_| d.detail(&reference)))
}
