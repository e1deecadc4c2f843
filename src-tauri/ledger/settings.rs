use rusqlite::{params, OptionalExtension};
use serde::{de::DeserializeOwned, Serialize};

use super::{Ledger, LedgerError, Result};
use crate::audit::AuditRecord;

pub(super) const SCHEMA: &str = "
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
";

impl Ledger {
    pub fn setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
            .optional()?;
        raw.map(|s| serde_json::from_str(&s))
            .transpose()
            .map_err(|e| LedgerError::Damaged(format!("setting {key}: {e}")))
    }

    pub fn put_setting<T: Serialize>(&mut self, actor: &str, key: &str, value: &T) -> Result<()> {
        let json =
            serde_json::to_string(value).map_err(|e| LedgerError::Damaged(format!("setting {key}: {e}")))?;
        self.audited(actor, |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, json],
            )?;
            Ok(((), AuditRecord::new("settings.changed", None, key)))
        })
    }
}
