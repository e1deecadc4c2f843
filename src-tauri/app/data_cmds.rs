//! Data sources and the specific pieces of a request: thin adapters over `desk`.

use tauri::{AppHandle, Emitter, State};

use super::{dialogs, AppState};
use crate::desk::{DataImportSummary, PiecesExport, PiecesFormat, PiecesView, RedactedPieces};
use crate::ledger::{RedactionChoice, SourceInfo};
use crate::redact::RedactionType;
use crate::subject::Role;
use crate::{Error, Result};

#[tauri::command]
pub fn list_sources(state: State<'_, AppState>) -> Result<Vec<SourceInfo>> {
    state.with_desk(|d| d.sources())
}

/// Pick exports in the native dialog and import them, sending `data-progress`
/// events; `cancel_import` stops it. `None` if the dialog was cancelled.
#[tauri::command(async)]
pub fn import_sources_pick(app: AppHandle, state: State<'_, AppState>) -> Result<Option<DataImportSummary>> {
    state.with_desk(|_| Ok(()))?;
    let Some(paths) = dialogs::pick_data_exports(&app) else {
        return Ok(None);
    };
    state.take_cancel();
    state
        .with_desk(|d| {
            d.import_sources(&paths, None, &mut |p| {
                let _ = app.emit("data-progress", p);
                !state.take_cancel()
            })
        })
        .map(Some)
}

#[tauri::command]
pub fn set_column_role(
    state: State<'_, AppState>,
    source: String,
    column: String,
    role: Role,
) -> Result<Vec<SourceInfo>> {
    state.with_desk(|d| d.set_column_role(&source, &column, role))
}

#[tauri::command]
pub fn remove_source(state: State<'_, AppState>, source: String) -> Result<Vec<SourceInfo>> {
    state.with_desk(|d| d.remove_source(&source))
}

#[tauri::command]
pub fn get_pieces(state: State<'_, AppState>, reference: String) -> Result<PiecesView> {
    state.with_desk(|d| d.pieces(&reference))
}

#[tauri::command(async)]
pub fn find_pieces(state: State<'_, AppState>, reference: String) -> Result<PiecesView> {
    state.with_desk(|d| d.find_pieces(&reference))
}

#[tauri::command]
pub fn decide_piece_row(
    state: State<'_, AppState>,
    reference: String,
    source: String,
    number: u32,
    confirm: bool,
    reason: String,
) -> Result<PiecesView> {
    state.with_desk(|d| d.decide_piece_row(&reference, &source, number as u64, confirm, &reason))
}

#[tauri::command(async)]
pub fn scan_redactions(state: State<'_, AppState>, reference: String) -> Result<PiecesView> {
    state.with_desk(|d| d.scan_redactions(&reference))
}

/// Keep or reject one redaction (`id`) or every one of a type (`kind`).
#[tauri::command]
pub fn decide_redaction(
    state: State<'_, AppState>,
    reference: String,
    id: Option<u32>,
    kind: Option<RedactionType>,
    keep: bool,
    reason: String,
) -> Result<PiecesView> {
    let which = match (id, kind) {
        (Some(id), None) => RedactionChoice::One(id),
        (None, Some(kind)) => RedactionChoice::Type(kind),
        _ => return Err(Error::Invalid("choose one redaction or one type".into())),
    };
    state.with_desk(|d| d.decide_redactions(&reference, which, keep, &reason))
}

/// Redact a stretch the officer selected: `start..end` in characters of the field.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub fn add_redaction(
    state: State<'_, AppState>,
    reference: String,
    source: String,
    number: u32,
    field: String,
    start: u32,
    end: u32,
    kind: RedactionType,
    reason: String,
) -> Result<PiecesView> {
    state.with_desk(|d| {
        d.add_manual_redaction(
            &reference,
            &source,
            number as u64,
            &field,
            (start as usize, end as usize),
            kind,
            &reason,
        )
    })
}

#[tauri::command]
pub fn redacted_pieces(state: State<'_, AppState>, reference: String) -> Result<RedactedPieces> {
    state.with_desk(|d| d.redacted_pieces(&reference))
}

/// Ask where to save the portable copy, then write it; `None` if cancelled.
#[tauri::command(async)]
pub fn export_pieces(
    app: AppHandle,
    state: State<'_, AppState>,
    reference: String,
    format: PiecesFormat,
) -> Result<Option<PiecesExport>> {
    state.with_desk(|d| {
        d.check_pieces_allowed(&reference).and_then(|_| d.redacted_pieces(&reference)).map(|_| ())
    })?;
    let ext = match format {
        PiecesFormat::Json => "json",
        PiecesFormat::Csv => "csv",
    };
    let suggested = format!("{reference}-your-data.{ext}");
    let Some(path) = dialogs::save_file(&app, &suggested, &ext.to_uppercase(), ext) else {
        return Ok(None);
    };
    state.with_desk(|d| d.export_pieces(&reference, format, &path)).map(Some)
}
