//! The retention run: closed requests past their record period lose their
//! personal data; their §7101 record and the audit chain stay valid.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::rules::Status;
use crate::Result;

/// The CCPA keeps request records at least 24 months (§7101).
pub const MIN_RETENTION_MONTHS: u32 = 24;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetentionItem {
    pub reference: String,
    #[ts(type = "string")]
    pub closed_on: NaiveDate,
    pub messages: u32,
    pub letters: u32,
    pub audit_details: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetentionReport {
    pub dry_run: bool,
    /// Requests closed on or before this date are due for erasure.
    #[ts(type = "string")]
    pub closed_on_or_before: NaiveDate,
    pub items: Vec<RetentionItem>,
}

impl Desk {
    /// Erase (or, with `dry_run`, list) what the retention period no longer allows to keep.
    pub fn retention_run(&mut self, dry_run: bool) -> Result<RetentionReport> {
        let today = self.today()?;
        let months = self.profile()?.retention_months.max(MIN_RETENTION_MONTHS);
        let cutoff = today.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN);
        let due: Vec<_> = self
            .ledger
            .requests(Some(Status::Closed), "")?
            .into_iter()
            .filter(|r| r.purged_on.is_none() && r.closed_on.is_some_and(|c| c <= cutoff))
            .collect();
        let mut items = Vec::new();
        for row in due {
            let closed_on = row.closed_on.unwrap_or(cutoff);
            let item = if dry_run {
                RetentionItem {
                    reference: row.reference.clone(),
                    closed_on,
                    messages: u32::from(row.message_id.is_some()),
                    letters: self.ledger.letters_for_request(&row.reference)?.len() as u32,
                    audit_details: self.ledger.audit_for_request(&row.reference)?.len() as u32,
                }
            } else {
                let e = self.ledger.purge_request(&self.actor, &row.reference, today)?;
                RetentionItem {
                    reference: row.reference.clone(),
                    closed_on,
                    messages: e.messages as u32,
                    letters: e.letters as u32,
                    audit_details: e.audit_details as u32,
                }
            };
            items.push(item);
        }
        Ok(RetentionReport { dry_run, closed_on_or_before: cutoff, items })
    }
}
