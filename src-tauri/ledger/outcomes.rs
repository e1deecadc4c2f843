//! How each kind of a closed request ended: the §7101 record's "response".

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Ledger, LedgerError, Result};
use crate::rules::RequestKind;

pub(super) const SCHEMA: &str = "
CREATE TABLE outcomes (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    kind        TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('complied', 'partial', 'denied', 'withdrawn')),
    basis       TEXT NOT NULL,
    UNIQUE (request_id, kind)
);
";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Complied with in whole.
    Complied,
    /// Complied with in part; the basis says what was not done and why.
    Partial,
    Denied,
    Withdrawn,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Complied => "complied",
            Outcome::Partial => "partial",
            Outcome::Denied => "denied",
            Outcome::Withdrawn => "withdrawn",
        }
    }

    fn parse(s: &str) -> Option<Outcome> {
        [Outcome::Complied, Outcome::Partial, Outcome::Denied, Outcome::Withdrawn]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// The outcome for one kind of a request, with the basis of any denial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KindOutcome {
    pub kind: RequestKind,
    pub outcome: Outcome,
    pub basis: String,
}

pub(super) fn insert(tx: &Connection, reference: &str, outcomes: &[KindOutcome]) -> Result<()> {
    for o in outcomes {
        tx.execute(
            "INSERT INTO outcomes (request_id, kind, outcome, basis)
             SELECT id, ?2, ?3, ?4 FROM requests WHERE reference = ?1",
            params![reference, o.kind.as_str(), o.outcome.as_str(), o.basis],
        )?;
    }
    Ok(())
}

impl Ledger {
    pub fn outcomes(&self, reference: &str) -> Result<Vec<KindOutcome>> {
        let mut stmt = self.conn.prepare(
            "SELECT o.kind, o.outcome, o.basis FROM outcomes o JOIN requests r ON r.id = o.request_id
             WHERE r.reference = ?1 ORDER BY o.id",
        )?;
        let rows =
            stmt.query_map([reference], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, outcome, basis) = row?;
            out.push(KindOutcome {
                kind: kind.parse().map_err(|_| LedgerError::Damaged(format!("outcome kind {kind:?}")))?,
                outcome: Outcome::parse(&outcome)
                    .ok_or_else(|| LedgerError::Damaged(format!("outcome {outcome:?}")))?,
                basis,
            });
        }
        Ok(out)
    }
}
