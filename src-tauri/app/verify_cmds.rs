//! Identity verification of a request's requester: thin adapters over `desk`.

use tauri::State;

use super::AppState;
use crate::desk::VerificationView;
use crate::ledger::VerificationOutcome;
use crate::verify::{DataPoint, Level, OnBehalf, StepId};
use crate::Result;

#[tauri::command]
pub fn get_verification(state: State<'_, AppState>, reference: String) -> Result<VerificationView> {
    state.with_desk(|d| d.verification(&reference))
}

#[tauri::command]
pub fn set_verification_points(
    state: State<'_, AppState>,
    reference: String,
    points: Vec<DataPoint>,
) -> Result<VerificationView> {
    state.with_desk(|d| d.set_verification_points(&reference, points))
}

#[tauri::command]
pub fn accept_partial_point(
    state: State<'_, AppState>,
    reference: String,
    index: u32,
    accept: bool,
    reason: String,
) -> Result<VerificationView> {
    state.with_desk(|d| d.accept_partial_point(&reference, index, accept, &reason))
}

#[tauri::command]
pub fn set_verification_step(
    state: State<'_, AppState>,
    reference: String,
    step: StepId,
    done: bool,
    reason: String,
) -> Result<VerificationView> {
    state.with_desk(|d| d.set_verification_step(&reference, step, done, &reason))
}

#[tauri::command]
pub fn set_on_behalf(
    state: State<'_, AppState>,
    reference: String,
    on_behalf: Option<OnBehalf>,
    reason: String,
) -> Result<VerificationView> {
    state.with_desk(|d| d.set_on_behalf(&reference, on_behalf, &reason))
}

#[tauri::command]
pub fn override_verification_level(
    state: State<'_, AppState>,
    reference: String,
    level: Option<Level>,
    sensitive: bool,
    reason: String,
) -> Result<VerificationView> {
    state.with_desk(|d| d.override_verification_level(&reference, level, sensitive, &reason))
}

/// The verification request went out today.
#[tauri::command]
pub fn mark_verification_asked(state: State<'_, AppState>, reference: String) -> Result<VerificationView> {
    state.with_desk(|d| {
        let today = d.today()?;
        d.mark_verification_asked(&reference, today)
    })
}

#[tauri::command]
pub fn decide_verification(
    state: State<'_, AppState>,
    reference: String,
    outcome: VerificationOutcome,
    reason: String,
) -> Result<VerificationView> {
    state.with_desk(|d| d.decide_verification(&reference, outcome, &reason))
}

/// Pick documents in the native dialog and keep them as evidence; `None` if cancelled.
#[tauri::command(async)]
pub fn add_evidence(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    reference: String,
    kind: crate::ledger::EvidenceKind,
) -> Result<Option<VerificationView>> {
    state.with_desk(|d| d.verification(&reference).map(|_| ()))?;
    let Some(paths) = super::dialogs::pick_documents(&app) else {
        return Ok(None);
    };
    state
        .with_desk(|d| {
            let mut view = d.verification(&reference)?;
            for p in &paths {
                view = d.add_evidence(&reference, kind, p)?;
            }
            Ok(view)
        })
        .map(Some)
}

/// The document's bytes, straight to the page as an ArrayBuffer.
#[tauri::command]
pub fn evidence_file(state: State<'_, AppState>, reference: String, id: u32) -> Result<tauri::ipc::Response> {
    state.with_desk(|d| d.evidence_file(&reference, id)).map(|(_, bytes)| tauri::ipc::Response::new(bytes))
}

#[tauri::command]
pub fn check_evidence(
    state: State<'_, AppState>,
    reference: String,
    id: u32,
    finding: String,
    erase: bool,
) -> Result<VerificationView> {
    state.with_desk(|d| d.check_evidence(&reference, id, &finding, erase))
}
