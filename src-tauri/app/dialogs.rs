//! Native dialogs, opened from the backend so the page never names a path.
//! With the test-only `e2e-dialogs` feature, environment variables answer them
//! (build.rs refuses that feature in release builds).

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

#[cfg(feature = "e2e-dialogs")]
fn e2e_answer(var: &str) -> Option<String> {
    std::env::var(var).ok().filter(|v| !v.is_empty())
}

pub fn pick_emails<R: Runtime>(app: &AppHandle<R>) -> Option<Vec<PathBuf>> {
    #[cfg(feature = "e2e-dialogs")]
    if let Some(list) = e2e_answer("RIGHTSDESK_E2E_PICK") {
        return Some(std::env::split_paths(&list).collect());
    }
    app.dialog()
        .file()
        .set_title("Import request emails")
        .add_filter("Email (.eml, .mbox, .msg)", &["eml", "mbox", "msg"])
        .blocking_pick_files()
        .map(|files| files.into_iter().filter_map(|f| f.into_path().ok()).collect())
}

pub fn pick_data_exports<R: Runtime>(app: &AppHandle<R>) -> Option<Vec<PathBuf>> {
    #[cfg(feature = "e2e-dialogs")]
    if let Some(list) = e2e_answer("RIGHTSDESK_E2E_PICK") {
        return Some(std::env::split_paths(&list).collect());
    }
    app.dialog()
        .file()
        .set_title("Import data exports")
        .add_filter("Data export (.csv, .json, .jsonl)", &["csv", "tsv", "json", "jsonl", "ndjson"])
        .blocking_pick_files()
        .map(|files| files.into_iter().filter_map(|f| f.into_path().ok()).collect())
}

pub fn pick_documents<R: Runtime>(app: &AppHandle<R>) -> Option<Vec<PathBuf>> {
    #[cfg(feature = "e2e-dialogs")]
    if let Some(list) = e2e_answer("RIGHTSDESK_E2E_PICK") {
        return Some(std::env::split_paths(&list).collect());
    }
    app.dialog()
        .file()
        .set_title("Attach scanned documents")
        .add_filter("PDF or image", &["pdf", "png", "jpg", "jpeg", "gif", "tif", "tiff", "webp"])
        .blocking_pick_files()
        .map(|files| files.into_iter().filter_map(|f| f.into_path().ok()).collect())
}

pub fn save_pdf<R: Runtime>(app: &AppHandle<R>, suggested: &str) -> Option<PathBuf> {
    save_file(app, suggested, "PDF", "pdf")
}

pub fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    suggested: &str,
    filter: &str,
    extension: &str,
) -> Option<PathBuf> {
    #[cfg(feature = "e2e-dialogs")]
    if let Some(path) = e2e_answer("RIGHTSDESK_E2E_SAVE_PATH") {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .set_title("Save as")
        .set_file_name(suggested)
        .add_filter(filter, &[if extension.is_empty() { "*" } else { extension }])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

/// End-to-end tests emit the drop event from the page, which the native drop
/// handler never sees; they name a folder whose files count as dropped.
pub fn e2e_drop_allowed(_path: &Path) -> bool {
    #[cfg(feature = "e2e-dialogs")]
    if let Some(root) = e2e_answer("RIGHTSDESK_E2E_DROP_ROOT") {
        return _path.starts_with(root);
    }
    false
}
