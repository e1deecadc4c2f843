//! Letters, their templates, the data map and recipient tasks: thin adapters over `desk`.

use tauri::{AppHandle, State};

use super::{dialogs, AppState};
use crate::datamap::{DataMap, DataMapVersion};
use crate::desk::{DataMapVersionInfo, LetterExport, LetterOptions, RecipientTasksView, TemplateView};
use crate::ledger::LetterInfo;
use crate::letters::{Lang, LetterKind};
use crate::Result;

/// Ask where to save, then render, write and keep the letter; `None` if cancelled.
#[tauri::command(async)]
pub fn export_letter(
    app: AppHandle,
    state: State<'_, AppState>,
    reference: String,
    kind: String,
    options: Option<LetterOptions>,
) -> Result<Option<LetterExport>> {
    let kind: LetterKind = kind.parse()?;
    let options = options.unwrap_or_default();
    // Render first: a letter that cannot be made fails before a dialog is shown.
    state.with_desk(|d| d.render_letter(&reference, kind, &options).map(|_| ()))?;
    let suggested = format!("{reference}-{}.pdf", kind.code());
    let Some(path) = dialogs::save_pdf(&app, &suggested) else {
        return Ok(None);
    };
    state.with_desk(|d| d.export_letter(&reference, kind, &options, &path)).map(Some)
}

/// The letter's PDF bytes, for the preview (never written to disk).
#[tauri::command(async)]
pub fn preview_letter(
    state: State<'_, AppState>,
    reference: String,
    kind: String,
    options: Option<LetterOptions>,
) -> Result<tauri::ipc::Response> {
    let kind: LetterKind = kind.parse()?;
    let options = options.unwrap_or_default();
    state.with_desk(|d| d.render_letter(&reference, kind, &options)).map(|r| tauri::ipc::Response::new(r.pdf))
}

/// A letter kept in the ledger, as exported.
#[tauri::command(async)]
pub fn stored_letter(state: State<'_, AppState>, reference: String, id: u32) -> Result<tauri::ipc::Response> {
    state.with_desk(|d| d.stored_letter(&reference, id)).map(tauri::ipc::Response::new)
}

#[tauri::command]
pub fn record_delivery(
    state: State<'_, AppState>,
    reference: String,
    letter: u32,
    via: String,
    on: Option<String>,
) -> Result<LetterInfo> {
    state.with_desk(|d| {
        let on = match on.as_deref() {
            Some(s) if !s.is_empty() => crate::cli::parse_date(s)?,
            _ => d.today()?,
        };
        d.record_delivery(&reference, letter, &via, on)
    })
}

#[tauri::command]
pub fn get_letter_template(state: State<'_, AppState>, kind: String, lang: String) -> Result<TemplateView> {
    let lang: Lang = lang.parse()?;
    state.with_desk(|d| d.letter_template(&kind, lang))
}

#[tauri::command(async)]
pub fn save_letter_template(
    state: State<'_, AppState>,
    kind: String,
    lang: String,
    body: String,
) -> Result<TemplateView> {
    let lang: Lang = lang.parse()?;
    state.with_desk(|d| d.save_letter_template(&kind, lang, &body))
}

#[tauri::command]
pub fn get_data_map(state: State<'_, AppState>) -> Result<DataMapVersion> {
    state.with_desk(|d| d.data_map())
}

#[tauri::command]
pub fn data_map_versions(state: State<'_, AppState>) -> Result<Vec<DataMapVersionInfo>> {
    state.with_desk(|d| d.data_map_versions())
}

#[tauri::command]
pub fn save_data_map(state: State<'_, AppState>, map: DataMap, note: String) -> Result<DataMapVersion> {
    state.with_desk(|d| d.save_data_map(&map, &note))
}

#[tauri::command]
pub fn get_recipient_tasks(state: State<'_, AppState>, reference: String) -> Result<RecipientTasksView> {
    state.with_desk(|d| d.recipient_tasks(&reference))
}

#[tauri::command]
pub fn create_recipient_tasks(state: State<'_, AppState>, reference: String) -> Result<RecipientTasksView> {
    state.with_desk(|d| d.fan_out(&reference))
}

#[tauri::command]
pub fn mark_recipient_task(
    state: State<'_, AppState>,
    reference: String,
    task: u32,
    confirmed: bool,
) -> Result<RecipientTasksView> {
    state.with_desk(|d| {
        let today = d.today()?;
        d.mark_recipient_task(&reference, task, confirmed, today)
    })
}
