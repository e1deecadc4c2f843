//! The Tauri shell: state, commands (one file per domain), events. Every
//! command is a thin adapter over `crate::desk`.

mod clock_cmds;
mod data_cmds;
mod dialogs;
mod intake_cmds;
mod ledger_cmds;
mod letter_cmds;
mod manual_cmds;
mod records_cmds;
mod request_cmds;
mod settings_cmds;
mod state;
mod thread_cmds;
mod verify_cmds;

use std::time::Duration;

use tauri::{DragDropEvent, Emitter, Manager, WindowEvent};

pub use ledger_cmds::LedgerInfo;
pub use state::AppState;

/// How often the idle-lock watcher looks at the clock.
const IDLE_CHECK: Duration = Duration::from_secs(5);

pub fn run() {
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new())
        .on_window_event(|window, event| {
            // Only paths the OS hands us through a real drop may be imported.
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                window.state::<AppState>().allow_paths(paths);
            }
        })
        .setup(|app| {
            let handle = app.handle().clone();
            std::thread::spawn(move || loop {
                std::thread::sleep(IDLE_CHECK);
                if handle.state::<AppState>().lock_if_idle() {
                    let _ = handle.emit("ledger-locked", ());
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            ledger_cmds::ledger_info,
            ledger_cmds::ledger_create,
            ledger_cmds::ledger_unlock,
            ledger_cmds::ledger_open_demo,
            ledger_cmds::ledger_lock,
            ledger_cmds::ledger_rekey,
            ledger_cmds::keepalive,
            intake_cmds::import_pick,
            intake_cmds::import_dropped,
            intake_cmds::cancel_import,
            request_cmds::list_requests,
            request_cmds::get_request,
            request_cmds::update_request,
            request_cmds::set_status,
            clock_cmds::pause_clock,
            clock_cmds::resume_clock,
            clock_cmds::extend_request,
            letter_cmds::export_letter,
            letter_cmds::preview_letter,
            letter_cmds::stored_letter,
            letter_cmds::record_delivery,
            letter_cmds::get_letter_template,
            letter_cmds::save_letter_template,
            letter_cmds::get_data_map,
            letter_cmds::data_map_versions,
            letter_cmds::save_data_map,
            letter_cmds::get_recipient_tasks,
            letter_cmds::create_recipient_tasks,
            letter_cmds::mark_recipient_task,
            records_cmds::close_request,
            records_cmds::propose_fee,
            records_cmds::decide_fee,
            records_cmds::retention_run,
            records_cmds::metrics,
            records_cmds::export_register,
            settings_cmds::get_profile,
            settings_cmds::save_profile,
            settings_cmds::verify_audit,
            manual_cmds::pick_documents,
            manual_cmds::new_request,
            thread_cmds::list_tray,
            thread_cmds::promote_message,
            thread_cmds::save_attachment,
            data_cmds::list_sources,
            data_cmds::import_sources_pick,
            data_cmds::set_column_role,
            data_cmds::remove_source,
            data_cmds::get_pieces,
            data_cmds::find_pieces,
            data_cmds::decide_piece_row,
            data_cmds::scan_redactions,
            data_cmds::decide_redaction,
            data_cmds::add_redaction,
            data_cmds::redacted_pieces,
            data_cmds::export_pieces,
            verify_cmds::get_verification,
            verify_cmds::set_verification_points,
            verify_cmds::accept_partial_point,
            verify_cmds::set_verification_step,
            verify_cmds::set_on_behalf,
            verify_cmds::override_verification_level,
            verify_cmds::mark_verification_asked,
            verify_cmds::decide_verification,
            verify_cmds::add_evidence,
            verify_cmds::evidence_file,
            verify_cmds::check_evidence,
        ])
        .build(tauri::generate_context!("tauri.conf.json"));
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("rightsdesk: cannot start the window: {e}");
            std::process::exit(1);
        }
    }
}
