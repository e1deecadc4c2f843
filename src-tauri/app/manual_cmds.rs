use std::path::PathBuf;

use tauri::{AppHandle, State};

use super::{dialogs, AppState};
use crate::desk::ManualRequest;
use crate::Result;

/// Pick scanned documents (PDF or images) in the native dialog, to attach to a
/// request entered by hand. The backend keeps the paths; the page sees names.
#[tauri::command(async)]
pub fn pick_documents(app: AppHandle, state: State<'_, AppState>) -> Result<Vec<String>> {
    let paths = dialogs::pick_documents(&app).unwrap_or_default();
    state.allow_paths(&paths);
    Ok(paths.iter().map(|p| p.display().to_string()).collect())
}

/// Record a request entered by hand; `documents` must come from `pick_documents`.
#[tauri::command(async)]
pub fn new_request(
    state: State<'_, AppState>,
    form: ManualRequest,
    documents: Vec<PathBuf>,
) -> Result<String> {
    if let Some(p) = documents.iter().find(|p| !state.is_allowed(p)) {
        return Err(crate::Error::Invalid(format!(
            "{}: not picked in this window; not attached",
            p.display()
        )));
    }
    let reference = state.with_desk(|d| d.new_request(&form, &documents))?;
    for p in &documents {
        state.take_allowed(p);
    }
    Ok(reference)
}
