//! The data map in the desk, and the fan-out of a deletion or opt-out to every
//! recipient that must be told.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::letters::held_categories;
use super::Desk;
use crate::audit::AuditRecord;
use crate::datamap::{DataMap, DataMapVersion};
use crate::ledger::{KindOutcome, Outcome, RecipientTask};
use crate::rules::RequestKind;
use crate::{Error, Result};

/// The tasks of a request, and whether any is still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecipientTasksView {
    pub tasks: Vec<RecipientTask>,
    pub open: u32,
    /// The request asks for something that is fanned out (deletion or an opt-out).
    pub applies: bool,
}

/// One saved version, without its contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DataMapVersionInfo {
    pub version: u32,
    pub created_at: String,
    pub actor: String,
    pub note: String,
}

const FANNED_OUT: [RequestKind; 3] =
    [RequestKind::Deletion, RequestKind::OptOutSale, RequestKind::OptOutSharing];

impl Desk {
    pub fn data_map(&self) -> Result<DataMapVersion> {
        Ok(self.ledger.data_map()?)
    }

    pub fn data_map_versions(&self) -> Result<Vec<DataMapVersionInfo>> {
        let mut out: Vec<DataMapVersionInfo> = self
            .ledger
            .data_map_versions()?
            .into_iter()
            .map(|(version, created_at, actor, note)| DataMapVersionInfo { version, created_at, actor, note })
            .collect();
        if !out.iter().any(|v| v.version == 1) {
            out.push(DataMapVersionInfo {
                version: 1,
                created_at: String::new(),
                actor: "built-in".into(),
                note: crate::datamap::seed().note,
            });
        }
        Ok(out)
    }

    pub fn data_map_version(&self, version: u32) -> Result<DataMap> {
        Ok(self.ledger.data_map_version(version)?)
    }

    /// Check and keep a new version of the data map; letters from now on use it.
    pub fn save_data_map(&mut self, map: &DataMap, note: &str) -> Result<DataMapVersion> {
        map.check().map_err(Error::Invalid)?;
        if note.trim().is_empty() {
            return Err(Error::Invalid("say what changed in this version of the data map".into()));
        }
        self.ledger.save_data_map(&self.actor, map, note.trim())?;
        self.data_map()
    }

    pub fn recipient_tasks(&self, reference: &str) -> Result<RecipientTasksView> {
        let row = self.ledger.request(reference)?;
        let tasks = self.ledger.recipient_tasks(reference)?;
        let open = tasks.iter().filter(|t| t.open()).count() as u32;
        Ok(RecipientTasksView { tasks, open, applies: row.kinds.iter().any(|k| FANNED_OUT.contains(k)) })
    }

    /// One task per recipient that must be told, from the data map and the
    /// categories held on the person (every recipient when none are known).
    pub fn fan_out(&mut self, reference: &str) -> Result<RecipientTasksView> {
        let row = self.ledger.request(reference)?;
        let map = self.ledger.data_map()?.map;
        // Who is told depends on what is held on the person: never tell a
        // recipient about someone it holds nothing on.
        if !self.ledger.audit_for_request(reference)?.iter().any(|a| a.action == "pieces.found") {
            return Err(Error::Invalid(format!(
                "{reference}: search the data sources for the requester first (Data tab, or `pieces find`): recipients are told only about data held"
            )));
        }
        let held = held_categories(&map, &self.redacted_pieces(reference)?);
        if held.is_empty() {
            return Err(Error::Invalid(format!(
                "{reference}: no data is held on the requester (no row confirmed), so no recipient has anything to delete or stop"
            )));
        }
        let mut plan = Vec::new();
        for kind in row.kinds.iter().filter(|k| FANNED_OUT.contains(k)) {
            for r in map.recipients_to_notify(*kind, &held) {
                plan.push((r.id.clone(), r.name.clone(), kind.as_str().to_string()));
            }
        }
        if plan.is_empty() {
            return Err(Error::Invalid(format!(
                "{reference}: nothing to fan out (it asks for no deletion or opt-out, or the data map names no recipient for it)"
            )));
        }
        self.ledger.add_recipient_tasks(&self.actor, reference, &plan)?;
        self.recipient_tasks(reference)
    }

    pub fn mark_recipient_task(
        &mut self,
        reference: &str,
        task: u32,
        confirmed: bool,
        on: NaiveDate,
    ) -> Result<RecipientTasksView> {
        self.ledger.mark_recipient_task(&self.actor, reference, task, confirmed, on)?;
        self.recipient_tasks(reference)
    }

    /// Closing a deletion or opt-out as done needs every recipient task
    /// confirmed, or the officer's reason for closing without: the audit
    /// record to keep once the request is closed.
    pub(super) fn check_tasks_before_close(
        &self,
        reference: &str,
        outcomes: &[KindOutcome],
        override_reason: &str,
    ) -> Result<Option<AuditRecord>> {
        let done = outcomes.iter().any(|o| {
            FANNED_OUT.contains(&o.kind) && matches!(o.outcome, Outcome::Complied | Outcome::Partial)
        });
        if !done {
            return Ok(None);
        }
        let open: Vec<String> = self
            .ledger
            .recipient_tasks(reference)?
            .into_iter()
            .filter(|t| t.open())
            .map(|t| t.recipient)
            .collect();
        if open.is_empty() {
            return Ok(None);
        }
        if override_reason.trim().is_empty() {
            return Err(Error::Invalid(format!(
                "{reference}: {} recipient task(s) are still open ({}); confirm them, or give a reason to close anyway",
                open.len(),
                open.join(", ")
            )));
        }
        let detail = format!(
            "closed with {} open task(s) ({}): {}",
            open.len(),
            open.join(", "),
            override_reason.trim()
        );
        Ok(Some(AuditRecord::new("recipient_tasks.overridden", Some(reference), detail)))
    }
}
