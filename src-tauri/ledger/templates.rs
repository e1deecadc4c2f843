//! The officer's versions of the letter templates (version 0 is the built-in one).

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{now, Ledger, Result};
use crate::audit::AuditRecord;

pub(super) const SCHEMA: &str = "
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

impl Ledger {
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
}
