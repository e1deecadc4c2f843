use tauri::{AppHandle, State};

use super::{dialogs, AppState};
use crate::ledger::TrayItem;
use crate::Result;

#[tauri::command(async)]
pub fn list_tray(state: State<'_, AppState>) -> Result<Vec<TrayItem>> {
    state.with_desk(|d| d.tray())
}

/// Make a request of a set-aside message; returns the new reference.
#[tauri::command(async)]
pub fn promote_message(state: State<'_, AppState>, message: u32) -> Result<String> {
    state.with_desk(|d| d.promote(message))
}

/// Save an attachment where the officer chooses; the path, or `None` if cancelled.
#[tauri::command(async)]
pub fn save_attachment(app: AppHandle, state: State<'_, AppState>, id: u32) -> Result<Option<String>> {
    let (name, bytes) = state.with_desk(|d| d.attachment(id))?;
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_string()).unwrap_or_default();
    let Some(path) = dialogs::save_file(&app, &name, "Attachment", &extension) else { return Ok(None) };
    crate::desk::write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}
