use tauri::{AppHandle, State};

use super::{dialogs, AppState};
use crate::desk::LetterExport;
use crate::letters::LetterKind;
use crate::Result;

/// Ask where to save, then render, write and keep the letter; `None` if cancelled.
#[tauri::command(async)]
pub fn export_letter(
    app: AppHandle,
    state: State<'_, AppState>,
    reference: String,
    kind: String,
) -> Result<Option<LetterExport>> {
    let kind: LetterKind = kind.parse()?;
    // Fail on a locked ledger or unknown request before showing a dialog.
    state.with_desk(|d| d.detail(&reference).map(|_| ()))?;
    let suggested = format!("{reference}-{}.pdf", kind.code());
    let Some(path) = dialogs::save_pdf(&app, &suggested) else {
        return Ok(None);
    };
    state.with_desk(|d| d.export_letter(&reference, kind, &path)).map(Some)
}
