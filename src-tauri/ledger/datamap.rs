//! Versions of the data map, versions of the officer's letter templates, and
//! the per-recipient tasks a deletion or opt-out fans out to.

use chrono::{NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Ledger, LedgerError, Result};
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
CREATE TABLE letter_templates (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    lang        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    body        TEXT NOT NULL,
    UNIQUE (kind, lang, version)
);
CREATE TABLE recipient_tasks (
    id            INTEGER PRIMARY KEY,
    request_id    INTEGER NOT NULL REFERENCES requests(id),
    recipient_id  TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    action        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    sent_on       TEXT,
    confirmed_on  TEXT,
    UNIQUE (request_id, recipient_id, action)
);
ALTER TABLE letters ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE letters ADD COLUMN data_map_version INTEGER;
ALTER TABLE letters ADD COLUMN template_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE letters ADD COLUMN delivery TEXT;
ALTER TABLE letters ADD COLUMN delivered_on TEXT;
";

/// An officer's version of one letter's template (version 0 is the built-in one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateVersion {
    pub kind: String,
    pub lang: String,
    pub version: u32,
    pub created_at: String,
    pub actor: String,
    pub body: String,
}

/// One recipient that must be told of a deletion or opt-out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecipientTask {
    pub id: u32,
    pub recipient_id: String,
    pub recipient: String,
    /// The request kind it carries out: deletion, opt_out_sale or opt_out_sharing.
    pub action: String,
    pub created_at: String,
    pub sent_on: Option<String>,
    pub confirmed_on: Option<String>,
}

impl RecipientTask {
    pub fn open(&self) -> bool {
        self.confirmed_on.is_none()
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn task_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RecipientTask> {
    Ok(RecipientTask {
        id: r.get(0)?,
        recipient_id: r.get(1)?,
        recipient: r.get(2)?,
        action: r.get(3)?,
        created_at: r.get(4)?,
        sent_on: r.get(5)?,
        confirmed_on: r.get(6)?,
    })
}

fn request_id(tx: &rusqlite::Connection, reference: &str) -> Result<i64> {
    tx.query_row("SELECT id FROM requests WHERE reference = ?1", [reference], |r| r.get(0))
        .map_err(|_| LedgerError::RequestNotFound(reference.to_string()))
}

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

    /// The officer's newest version of a template, if any.
    pub fn letter_template(&self, kind: &str, lang: &str) -> Result<Option<TemplateVersion>> {
        Ok(self.letter_template_versions(kind, lang)?.into_iter().next())
    }

    pub fn letter_template_versions(&self, kind: &str, lang: &str) -> Result<Vec<TemplateVersion>> {
        let mut stmt = self.conn.prepare(
            "SELECT version, created_at, actor, body FROM letter_templates
             WHERE kind = ?1 AND lang = ?2 ORDER BY version DESC",
        )?;
        let rows = stmt.query_map(params![kind, lang], |r| {
            Ok(TemplateVersion {
                kind: kind.to_string(),
                lang: lang.to_string(),
                version: r.get(0)?,
                created_at: r.get(1)?,
                actor: r.get(2)?,
                body: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keep a new version of a template; earlier versions stay.
    pub fn save_letter_template(&mut self, actor: &str, kind: &str, lang: &str, body: &str) -> Result<u32> {
        self.audited(actor, |tx| {
            let last: u32 = tx.query_row(
                "SELECT coalesce(max(version), 0) FROM letter_templates WHERE kind = ?1 AND lang = ?2",
                params![kind, lang],
                |r| r.get(0),
            )?;
            let version = last + 1;
            tx.execute(
                "INSERT INTO letter_templates (kind, lang, version, created_at, actor, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![kind, lang, version, now(), actor, body],
            )?;
            let detail = format!("{kind} ({lang}) template version {version}");
            Ok((version, AuditRecord::new("letter_template.saved", None, detail)))
        })
    }

    pub fn recipient_tasks(&self, reference: &str) -> Result<Vec<RecipientTask>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.recipient_id, t.recipient, t.action, t.created_at, t.sent_on, t.confirmed_on
             FROM recipient_tasks t JOIN requests r ON r.id = t.request_id
             WHERE r.reference = ?1 ORDER BY t.id",
        )?;
        let rows = stmt.query_map([reference], task_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Add the tasks not already there; returns how many were added.
    pub fn add_recipient_tasks(
        &mut self,
        actor: &str,
        reference: &str,
        tasks: &[(String, String, String)],
    ) -> Result<usize> {
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            let mut added = 0;
            for (recipient_id, name, action) in tasks {
                added += tx.execute(
                    "INSERT OR IGNORE INTO recipient_tasks (request_id, recipient_id, recipient, action, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, recipient_id, name, action, now()],
                )?;
            }
            let detail = format!("{added} recipient task(s) added, {} in the plan", tasks.len());
            Ok((added, AuditRecord::new("recipient_tasks.created", Some(reference), detail)))
        })
    }

    /// Record that a task's notice was sent, or that the recipient confirmed.
    pub fn mark_recipient_task(
        &mut self,
        actor: &str,
        reference: &str,
        task: u32,
        confirmed: bool,
        on: NaiveDate,
    ) -> Result<RecipientTask> {
        let column = if confirmed { "confirmed_on" } else { "sent_on" };
        self.audited(actor, |tx| {
            let id = request_id(tx, reference)?;
            let changed = tx.execute(
                &format!("UPDATE recipient_tasks SET {column} = ?1 WHERE id = ?2 AND request_id = ?3"),
                params![on.to_string(), task, id],
            )?;
            if changed == 0 {
                return Err(LedgerError::Missing(format!("request {reference} has no recipient task {task}")));
            }
            if confirmed {
                tx.execute(
                    "UPDATE recipient_tasks SET sent_on = coalesce(sent_on, ?1) WHERE id = ?2",
                    params![on.to_string(), task],
                )?;
            }
            let t = tx.query_row(
                "SELECT id, recipient_id, recipient, action, created_at, sent_on, confirmed_on FROM recipient_tasks WHERE id = ?1",
                [task],
                task_row,
            )?;
            let what = if confirmed { "confirmed" } else { "sent" };
            let detail = format!("{} ({}) {what} on {on}", t.recipient, t.action);
            Ok((t, AuditRecord::new("recipient_task.updated", Some(reference), detail)))
        })
    }
}
