//! The append-only, hash-chained record of every change. Each entry's hash
//! covers its own fields and the previous entry's hash, so editing, deleting or
//! reordering any entry breaks the chain from that point on.
//!
//! The chain covers an entry's free-text detail through that detail's own
//! SHA-256. The retention run can then erase a detail that names a person
//! (replacing it with [`PURGED`]) while the chain still verifies: the digest
//! stays, the words go.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// What an erased detail reads as.
pub const PURGED: &str = "[purged by the retention run]";

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What a change says about itself before it is stamped with time, actor and hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub action: String,
    pub reference: Option<String>,
    pub detail: String,
}

impl AuditRecord {
    pub fn new(action: &str, reference: Option<&str>, detail: impl Into<String>) -> Self {
        AuditRecord {
            action: action.to_string(),
            reference: reference.map(str::to_string),
            detail: detail.into(),
        }
    }
}

/// One stored entry of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    pub seq: u32,
    /// RFC 3339, UTC.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub reference: Option<String>,
    pub detail: String,
}

/// An entry with its chain fields, as read back for verification.
#[derive(Debug, Clone)]
pub struct ChainedEntry {
    pub entry: AuditEntry,
    pub detail_sha256: String,
    pub prev_hash: String,
    pub hash: String,
}

pub fn detail_digest(detail: &str) -> String {
    hex::encode(Sha256::digest(detail.as_bytes()))
}

/// The chain hash of an entry whose detail has the digest `detail_sha256`.
pub fn entry_hash(prev_hash: &str, e: &AuditEntry, detail_sha256: &str) -> String {
    let mut h = Sha256::new();
    // Length-prefix every field so that no two different entries serialise alike.
    for field in [
        prev_hash,
        &e.seq.to_string(),
        &e.at,
        &e.actor,
        &e.action,
        e.reference.as_deref().unwrap_or("\u{0}"),
        detail_sha256,
    ] {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    hex::encode(h.finalize())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditReport {
    pub ok: bool,
    pub entries: u32,
    pub first_broken: Option<u32>,
    pub message: String,
}

/// Walk the chain in order and name the first entry that does not hold.
pub fn verify(entries: impl IntoIterator<Item = ChainedEntry>) -> AuditReport {
    let mut prev = GENESIS_HASH.to_string();
    let mut count = 0u32;
    for (i, c) in entries.into_iter().enumerate() {
        let expected_seq = i as u32 + 1;
        let problem = if c.entry.seq != expected_seq {
            Some(format!("entry {expected_seq} is missing"))
        } else if c.prev_hash != prev {
            Some(format!("entry {} does not follow entry {}", c.entry.seq, i))
        } else if (c.entry.detail != PURGED && detail_digest(&c.entry.detail) != c.detail_sha256)
            || entry_hash(&prev, &c.entry, &c.detail_sha256) != c.hash
        {
            Some(format!("entry {} ({}) was altered", c.entry.seq, c.entry.action))
        } else {
            None
        };
        if let Some(problem) = problem {
            return AuditReport {
                ok: false,
                entries: count,
                first_broken: Some(expected_seq),
                message: format!("Audit chain broken: {problem}"),
            };
        }
        prev = c.hash;
        count += 1;
    }
    AuditReport {
        ok: true,
        entries: count,
        first_broken: None,
        message: format!("Audit chain verified ({count} entries)"),
    }
}
