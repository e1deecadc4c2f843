use std::path::PathBuf;

use tauri::{AppHandle, Emitter, State};

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
    import_reporting(&app, &state, &paths).map(Some)
}

/// Import off the UI thread, sending `import-progress` events; Cancel stops it.
fn import_reporting(app: &AppHandle, state: &AppState, paths: &[PathBuf]) -> Result<ImportSummary> {
    state.take_cancel();
    state.with_desk(|d| {
        d.import_with_progress(paths, &mut |p| {
            let _ = app.emit("import-progress", p);
            !state.take_cancel()
        })
    })
}

/// Stop the running import after the file it is on.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.request_cancel();
}

/// Import what was dropped on the window. Paths the OS did not hand over in a
/// drop are refused, so the page cannot make the backend read arbitrary files.
#[tauri::command(async)]
pub fn import_dropped(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
) -> Result<ImportSummary> {
    // The native drop handler and the page's event race; give it a moment.
    for _ in 0..20 {
        if paths.iter().all(|p| state.is_allowed(p)) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let (allowed, refused): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| state.take_allowed(p));
    let mut summary = import_reporting(&app, &state, &allowed)?;
    summary.errors.extend(refused.into_iter().map(|p| ImportError {
        error: format!("{}: was not dropped on this window; not imported", p.display()),
        file: p.display().to_string(),
    }));
    Ok(summary)
}
