//! Our own small migration runner: each step is SQL owned by its table's file;
//! `user_version` counts the steps applied. All pending steps run in one
//! transaction, and a ledger from a newer build is refused, never altered.

use std::path::Path;

use rusqlite::Connection;

use super::{
    attachments, audit_log, clock_events, data_sources, datamap, evidence, fees, letters, messages, outcomes,
    pieces, recipient_tasks, requests, settings, templates, verifications, LedgerError, Result,
};

/// Each entry is one schema version. Append; never edit a step that has shipped.
fn steps() -> Vec<String> {
    vec![
        [
            audit_log::SCHEMA,
            messages::SCHEMA,
            requests::SCHEMA,
            letters::SCHEMA,
            settings::SCHEMA,
            attachments::SCHEMA,
        ]
        .concat(),
        [clock_events::SCHEMA, outcomes::SCHEMA, fees::SCHEMA].concat(),
        [data_sources::SCHEMA, pieces::SCHEMA, verifications::SCHEMA, evidence::SCHEMA].concat(),
        [
            datamap::SCHEMA,
            templates::SCHEMA,
            recipient_tasks::SCHEMA,
            letters::SCHEMA_MADE,
            attachments::SCHEMA_PARTS,
        ]
        .concat(),
    ]
}

pub fn supported_version() -> i64 {
    steps().len() as i64
}

pub(super) fn run(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let supported = supported_version();
    if found > supported {
        return Err(LedgerError::TooNew { path: path.display().to_string(), found, supported });
    }
    if found == supported {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for sql in steps().iter().skip(found as usize) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", supported)?;
    tx.commit()?;
    Ok(())
}
