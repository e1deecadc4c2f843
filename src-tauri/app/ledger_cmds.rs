use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;
use zeroize::Zeroizing;

use super::AppState;
use crate::desk::{os_user, Desk};
use crate::Result;

/// What the start screen needs to know.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LedgerInfo {
    pub path: String,
    pub exists: bool,
    pub unlocked: bool,
    pub demo: bool,
}

fn info(state: &AppState) -> LedgerInfo {
    LedgerInfo {
        path: state.ledger_path.display().to_string(),
        exists: state.ledger_path.is_file(),
        unlocked: state.is_unlocked(),
        demo: state.is_demo(),
    }
}

#[tauri::command]
pub fn ledger_info(state: State<'_, AppState>) -> LedgerInfo {
    info(&state)
}

#[tauri::command(async)]
pub fn ledger_create(state: State<'_, AppState>, passphrase: Zeroizing<String>) -> Result<LedgerInfo> {
    let desk = Desk::create(&state.ledger_path, &passphrase, &os_user())?;
    state.set_desk(Some(desk), false);
    Ok(info(&state))
}

#[tauri::command(async)]
pub fn ledger_unlock(state: State<'_, AppState>, passphrase: Zeroizing<String>) -> Result<LedgerInfo> {
    let desk = Desk::open(&state.ledger_path, &passphrase, &os_user())?;
    state.set_desk(Some(desk), false);
    Ok(info(&state))
}

#[tauri::command(async)]
pub fn ledger_open_demo(state: State<'_, AppState>) -> Result<LedgerInfo> {
    let desk = Desk::create_demo(&state.demo_path, &os_user())?;
    state.set_desk(Some(desk), true);
    Ok(info(&state))
}

#[tauri::command]
pub fn ledger_lock(state: State<'_, AppState>) -> LedgerInfo {
    state.set_desk(None, false);
    info(&state)
}

#[tauri::command(async)]
pub fn ledger_rekey(
    state: State<'_, AppState>,
    current: Zeroizing<String>,
    next: Zeroizing<String>,
) -> Result<()> {
    state.with_desk(|d| d.rekey(&current, &next))
}

#[tauri::command]
pub fn keepalive(state: State<'_, AppState>) {
    state.touch();
}
