use tauri::State;

use super::AppState;
use crate::audit::AuditReport;
use crate::desk::CompanyProfile;
use crate::Result;

#[tauri::command(async)]
pub fn get_profile(state: State<'_, AppState>) -> Result<CompanyProfile> {
    state.with_desk(|d| d.profile())
}

#[tauri::command(async)]
pub fn save_profile(state: State<'_, AppState>, profile: CompanyProfile) -> Result<CompanyProfile> {
    state.with_desk(|d| d.save_profile(&profile))
}

#[tauri::command(async)]
pub fn verify_audit(state: State<'_, AppState>) -> Result<AuditReport> {
    state.with_desk(|d| d.verify_audit())
}
