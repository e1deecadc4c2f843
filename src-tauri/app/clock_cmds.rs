use tauri::State;

use super::AppState;
use crate::cli::parse_date;
use crate::desk::RequestDetail;
use crate::Result;

/// Stop the clock from `on` (YYYY-MM-DD) while waiting for what was asked.
#[tauri::command(async)]
pub fn pause_clock(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    reason: String,
) -> Result<RequestDetail> {
    let on = parse_date(&on)?;
    state.with_desk(|d| d.pause_clock(&reference, on, &reason).and_then(|_| d.detail(&reference)))
}

#[tauri::command(async)]
pub fn resume_clock(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    reason: String,
) -> Result<RequestDetail> {
    let on = parse_date(&on)?;
    state.with_desk(|d| d.resume_clock(&reference, on, &reason).and_then(|_| d.detail(&reference)))
}

#[tauri::command(async)]
pub fn extend_request(
    state: State<'_, AppState>,
    reference: String,
    reason: String,
) -> Result<RequestDetail> {
    state.with_desk(|d| d.extend(&reference, &reason).and_then(|_| d.detail(&reference)))
}
