use tauri::{AppHandle, State};

use super::{dialogs, AppState};
use crate::desk::{MetricsReport, RequestDetail, RetentionReport};
use crate::ledger::KindOutcome;
use crate::Result;

#[tauri::command(async)]
pub fn close_request(
    state: State<'_, AppState>,
    reference: String,
    outcomes: Vec<KindOutcome>,
    tasks_override: Option<String>,
) -> Result<RequestDetail> {
    state.with_desk(|d| d.close_with(&reference, &outcomes, tasks_override.as_deref().unwrap_or("")))
}

#[tauri::command(async)]
pub fn propose_fee(
    state: State<'_, AppState>,
    reference: String,
    reasons: String,
    estimate_cents: u32,
    currency: String,
) -> Result<RequestDetail> {
    state.with_desk(|d| {
        d.propose_fee(&reference, &reasons, estimate_cents, &currency).and_then(|_| d.detail(&reference))
    })
}

#[tauri::command(async)]
pub fn decide_fee(state: State<'_, AppState>, reference: String, accepted: bool) -> Result<RequestDetail> {
    state.with_desk(|d| d.decide_fee(&reference, accepted).and_then(|_| d.detail(&reference)))
}

/// With `dry_run`, what the retention run would erase; without, erase it.
#[tauri::command(async)]
pub fn retention_run(state: State<'_, AppState>, dry_run: bool) -> Result<RetentionReport> {
    state.with_desk(|d| d.retention_run(dry_run))
}

#[tauri::command(async)]
pub fn metrics(state: State<'_, AppState>, year: i32) -> Result<MetricsReport> {
    state.with_desk(|d| d.metrics(year))
}

/// Save the request register as CSV or JSON where the officer chooses; the path, or `None` if cancelled.
#[tauri::command(async)]
pub fn export_register(app: AppHandle, state: State<'_, AppState>, format: String) -> Result<Option<String>> {
    let csv = match format.as_str() {
        "csv" => true,
        "json" => false,
        other => {
            return Err(crate::Error::Invalid(format!("unknown register format {other:?}: csv or json")))
        }
    };
    let bytes = state.with_desk(|d| d.register_bytes(csv))?;
    let suggested = format!("request-register.{format}");
    let Some(path) = dialogs::save_file(&app, &suggested, if csv { "CSV" } else { "JSON" }, &format) else {
        return Ok(None);
    };
    crate::desk::write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}
