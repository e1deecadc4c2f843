use std::path::PathBuf;

use tauri::{AppHandle, State};

use super::{dialogs, AppState};
use crate::intake::{ImportError, ImportSummary};
use crate::Result;

/// Open the native picker and import what the officer chose; `None` if cancelled.
#[tauri::command(async)]
pub fn import_pick(app: AppHandle, state: State<'_, AppState>) -> Result<Option<ImportSummary>> {
    state.with_desk(|_| Ok(()))?;
    let Some(paths) = dialogs::pick_emails(&app) else {
        return Ok(None);
    };
    state.with_desk(|d| d.import(&paths)).map(Some)
}

/// Import what was dropped on the window. Paths the OS did not hand over in a
/// drop are refused, so the page cannot make the backend read arbitrary files.
#[tauri::command(async)]
pub fn import_dropped(state: State<'_, AppState>, paths: Vec<PathBuf>) -> Result<ImportSummary> {
    // The native drop handler and the page's event race; give it a moment.
    for _ in 0..20 {
        if paths.iter().all(|p| state.is_allowed(p)) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let (allowed, refused): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| state.take_allowed(p));
    let mut summary = state.with_desk(|d| d.import(&allowed))?;
    summary.errors.extend(refused.into_iter().map(|p| ImportError {
        error: format!("{}: was not dropped on this window; not imported", p.display()),
        file: p.display().to_string(),
    }));
    Ok(summary)
}
