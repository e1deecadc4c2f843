use tauri::State;

use super::AppState;
use crate::desk::{RequestDetail, RequestFilter, RequestSummary};
use crate::ledger::RequestEdit;
use crate::rules::Status;
use crate::Result;

#[tauri::command(async)]
pub fn list_requests(state: State<'_, AppState>, filter: RequestFilter) -> Result<Vec<RequestSummary>> {
    state.with_desk(|d| d.list(&filter))
}

#[tauri::command(async)]
pub fn get_request(state: State<'_, AppState>, reference: String) -> Result<RequestDetail> {
    state.with_desk(|d| d.detail(&reference))
}

#[tauri::command(async)]
pub fn update_request(
    state: State<'_, AppState>,
    reference: String,
    edit: RequestEdit,
) -> Result<RequestDetail> {
    state.with_desk(|d| d.update(&reference, &edit))
}

#[tauri::command(async)]
pub fn set_status(state: State<'_, AppState>, reference: String, status: Status) -> Result<RequestDetail> {
    state.with_desk(|d| d.set_status(&reference, status))
}
