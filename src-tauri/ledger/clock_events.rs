//! What happened to a request's clock: pauses, resumptions, extensions.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{request_id, Ledger, Result};
use crate::audit::AuditRecord;

pub(super) const SCHEMA: &str = "
CREATE TABLE clock_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    event       TEXT NOT NULL CHECK (event IN ('paused', 'resumed', 'extended')),
    on_date     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX clock_events_request ON clock_events(request_id);
";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClockEventKind {
    Paused,
    Resumed,
    Extended,
}

impl ClockEventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClockEventKind::Paused => "paused",
            ClockEventKind::Resumed => "resumed",
            ClockEventKind::Extended => "extended",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [ClockEventKind::Paused, ClockEventKind::Resumed, ClockEventKind::Extended]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClockEvent {
    pub event: ClockEventKind,
    #[ts(type = "string")]
    pub on_date: NaiveDate,
    pub reason: String,
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, ClockEvent)> {
    let event: String = r.get(1)?;
    let on_date: String = r.get(2)?;
    let bad = |what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            rusqlite::types::Type::Text,
            format!("bad clock {what}").into(),
        )
    };
    Ok((
        r.get(0)?,
        ClockEvent {
            event: ClockEventKind::parse(&event).ok_or_else(|| bad("event"))?,
            on_date: on_date.parse().map_err(|_| bad("date"))?,
            reason: r.get(3)?,
        },
    ))
}

const SELECT: &str = "SELECT r.reference, c.event, c.on_date, c.reason FROM clock_events c
                      JOIN requests r ON r.id = c.request_id";

impl Ledger {
    pub fn add_clock_event(&mut self, actor: &str, reference: &str, e: &ClockEvent) -> Result<()> {
        self.audited(actor, |tx| {
            let request_id: i64 = request_id(tx, reference)?;
            tx.execute(
                "INSERT INTO clock_events (request_id, event, on_date, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    request_id,
                    e.event.as_str(),
                    e.on_date.to_string(),
                    e.reason,
                    Utc::now().to_rfc3339()
                ],
            )?;
            let detail = format!("{} on {}: {}", e.event.as_str(), e.on_date, e.reason);
            Ok(((), AuditRecord::new(&format!("clock.{}", e.event.as_str()), Some(reference), detail)))
        })
    }

    /// One request's clock events, in the order they were recorded.
    pub fn clock_events(&self, reference: &str) -> Result<Vec<ClockEvent>> {
        let mut stmt = self.conn.prepare(&format!("{SELECT} WHERE r.reference = ?1 ORDER BY c.id"))?;
        let rows = stmt.query_map([reference], read)?;
        Ok(rows.map(|r| r.map(|(_, e)| e)).collect::<rusqlite::Result<_>>()?)
    }

    /// Every request's clock events at once, for the list.
    pub fn all_clock_events(&self) -> Result<HashMap<String, Vec<ClockEvent>>> {
        let mut stmt = self.conn.prepare(&format!("{SELECT} ORDER BY c.id"))?;
        let mut map: HashMap<String, Vec<ClockEvent>> = HashMap::new();
        for row in stmt.query_map([], read)? {
            let (reference, e) = row?;
            map.entry(reference).or_default().push(e);
        }
        Ok(map)
    }
}
