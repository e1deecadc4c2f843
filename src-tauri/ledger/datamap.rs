//! Versions of the data map: each save is a new numbered version.

use rusqlite::{params, OptionalExtension};

use super::{now, Ledger, LedgerError, Result};
use crate::audit::AuditRecord;
use crate::datamap::{DataMap, DataMapVersion};

pub(super) const SCHEMA: &str = "
CREATE TABLE data_map_versions (
    version     INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    note        TEXT NOT NULL,
    map         TEXT NOT NULL
);
";

impl Ledger {
    /// The newest data map, or the one seeded from the policy if none was saved.
    pub fn data_map(&self) -> Result<DataMapVersion> {
        let row: Option<(u32, String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT version, created_at, actor, note, map FROM data_map_versions ORDER BY version DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        match row {
            Some((version, created_at, actor, note, json)) => {
                let map = serde_json::from_str(&json)
                    .map_err(|e| LedgerError::Damaged(format!("data map version {version}: {e}")))?;
                Ok(DataMapVersion { version, created_at, actor, note, map })
            }
            None => {
                let map = crate::datamap::seed();
                Ok(DataMapVersion {
                    version: 1,
                    created_at: String::new(),
                    actor: "built-in".into(),
                    note: map.note.clone(),
                    map,
                })
            }
        }
    }

    pub fn data_map_versions(&self) -> Result<Vec<(u32, String, String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT version, created_at, actor, note FROM data_map_versions ORDER BY version DESC",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn data_map_version(&self, version: u32) -> Result<DataMap> {
        if version == 1 && self.data_map_versions()?.iter().all(|v| v.0 != 1) {
            return Ok(crate::datamap::seed());
        }
        let json: String = self
            .conn
            .query_row("SELECT map FROM data_map_versions WHERE version = ?1", [version], |r| r.get(0))
            .map_err(|_| LedgerError::Missing(format!("no data map version {version}")))?;
        serde_json::from_str(&json)
            .map_err(|e| LedgerError::Damaged(format!("data map version {version}: {e}")))
    }

    /// Save a new version (the built-in seed counts as version 1).
    pub fn save_data_map(&mut self, actor: &str, map: &DataMap, note: &str) -> Result<u32> {
        let json = serde_json::to_string(map).map_err(|e| LedgerError::Damaged(e.to_string()))?;
        self.audited(actor, |tx| {
            let last: u32 =
                tx.query_row("SELECT coalesce(max(version), 1) FROM data_map_versions", [], |r| r.get(0))?;
            let version = last + 1;
            tx.execute(
                "INSERT INTO data_map_versions (version, created_at, actor, note, map) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![version, now(), actor, note, json],
            )?;
            Ok((version, AuditRecord::new("data_map.saved", None, format!("version {version}: {note}"))))
        })
    }
}
