use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::clock::request_due;
use super::pieces::RedactedPieces;
use super::Desk;
use crate::datamap::DataMap;
use crate::ledger::{ClockEventKind, Outcome, VerificationOutcome};
use crate::letters::facts::{
    access_facts, needs, vendor_facts, Addressee, Company, FeeFacts, LetterFacts, Piece,
};
use crate::letters::{compose, render, Lang, LetterError, LetterKind};
use crate::rules::{Regime, RequestKind};
use crate::verify::Level;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterExport {
    pub path: String,
    pub sha256: String,
    pub reference: String,
}

/// What the officer adds to a letter beyond what the ledger holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterOptions {
    /// en, es, de or fr; by default the language the request was written in.
    #[serde(default)]
    pub lang: Option<String>,
    /// A denial's basis, what a deletion kept and why, a correction's note.
    #[serde(default)]
    pub reason: String,
    /// For a vendor notice: the recipient task it is for.
    #[serde(default)]
    pub task: Option<u32>,
}

/// A rendered letter and what it was made from.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub lang: Lang,
    pub data_map_version: u32,
    /// The letter's, the frame's and the routes' template versions (0 = built-in).
    pub template_versions: [u32; 3],
}

/// The categories of the data map the person's confirmed rows hold.
pub fn held_categories(map: &DataMap, pieces: &RedactedPieces) -> Vec<String> {
    let mut held: Vec<String> = Vec::new();
    for t in &pieces.tables {
        for (col, (name, role)) in t.columns.iter().zip(&t.roles).enumerate() {
            let has_value = t.rows.iter().any(|r| r.values.get(col).is_some_and(|v| !v.trim().is_empty()));
            if let Some(c) = map.category_of(&t.source, name, *role).filter(|_| has_value) {
                if !held.iter().any(|h| h == c) {
                    held.push(c.to_string());
                }
            }
        }
    }
    // In the map's order.
    map.categories.iter().filter(|c| held.contains(&c.id)).map(|c| c.id.clone()).collect()
}

fn appendix(pieces: &RedactedPieces) -> Vec<Piece> {
    let mut out = Vec::new();
    for t in &pieces.tables {
        for r in &t.rows {
            for (col, v) in r.values.iter().enumerate() {
                if !v.trim().is_empty() {
                    out.push(Piece {
                        source: t.source.clone(),
                        record: r.row_id.clone(),
                        field: t.columns.get(col).cloned().unwrap_or_default(),
                        value: v.clone(),
                    });
                }
            }
        }
    }
    out
}

fn not_fit(why: &str) -> Error {
    LetterError::DoesNotApply(why.to_string()).into()
}

impl Desk {
    /// The facts of a letter for a request, in its language.
    pub fn letter_facts(
        &self,
        reference: &str,
        kind: LetterKind,
        opts: &LetterOptions,
    ) -> Result<(LetterFacts, u32)> {
        let row = self.ledger.request(reference)?;
        let lang: Lang = match opts.lang.as_deref().filter(|l| !l.is_empty()) {
            Some(l) => l.parse()?,
            None => {
                let guess: Lang = crate::intake::language(&row.body_text).parse().unwrap_or(Lang::En);
                if guess.check_for(row.regime).is_ok() {
                    guess
                } else {
                    Lang::En
                }
            }
        };
        lang.check_for(row.regime)?;
        let profile = self.profile()?;
        let clock = self.ledger.clock_events(reference)?;
        let days = self.workdays()?;
        let due = request_due(&row, &clock, &days)?;
        let map = self.ledger.data_map()?;
        let company = Company {
            name: profile.name.clone(),
            address: profile
                .address
                .lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect(),
            privacy_email: profile.privacy_email.clone(),
            officer: profile.officer_name.trim().to_string(),
        };
        let requester = Addressee::new(&row.requester_name, &row.requester_email, &row.postal_address);
        let mut f = LetterFacts::base(
            lang,
            kind.code(),
            days.today,
            reference,
            company,
            requester,
            row.regime,
            &row.kinds,
            row.received_date,
        );
        f.data_map_version = map.version;
        f.respond_by = lang.long_date(due.respond_by);
        f.extended_to = due.extended_respond_by.map(|d| lang.long_date(d)).unwrap_or_default();
        f.opt_out.effective_by = lang.long_date(due.opt_out_effective_by.unwrap_or(due.respond_by));
        let v = self.verification(reference)?;
        f.verification.level = v.plan.level.as_str().into();
        f.verification.points_needed = v.plan.level.points_needed() as u32;
        f.verification.pause_allowed = v.plan.pause_allowed;
        f.verification.needed = needs(&v.plan, &v.record.steps_done, v.points_counted);
        f.verification.answer_by = v.abandon_on.map(|d| lang.long_date(d)).unwrap_or_default();
        f.verification.reason = v.record.outcome_reason.trim().trim_end_matches('.').to_string();
        f.verification.partly = v.record.outcome == Some(VerificationOutcome::PartlyVerified);
        if let Some(asked) = v.record.asked_on.as_deref() {
            let d = NaiveDate::parse_from_str(asked, "%Y-%m-%d")
                .map_err(|e| Error::Invalid(format!("asked on {asked}: {e}")))?;
            f.verification.asked_on = lang.long_date(d);
        }
        let outcomes = self.ledger.outcomes(reference)?;
        let basis = |k: RequestKind, o: &[Outcome]| {
            outcomes
                .iter()
                .find(|x| x.kind == k && o.contains(&x.outcome))
                .map(|x| x.basis.trim().to_string())
        };
        let given = opts.reason.trim().trim_end_matches('.').to_string();
        let tasks = self.ledger.recipient_tasks(reference)?;
        // Only recipients whose notice went out are named as told.
        let told = |action: &str| -> Vec<String> {
            tasks
                .iter()
                .filter(|t| t.action == action && t.sent_on.is_some())
                .map(|t| t.recipient.clone())
                .collect()
        };
        let verified = v.record.outcome == Some(VerificationOutcome::Verified) && v.reached;
        let recorded =
            |k: RequestKind, o: &[Outcome]| outcomes.iter().any(|x| x.kind == k && o.contains(&x.outcome));
        let has = |k: RequestKind| row.kinds.contains(&k);
        match kind {
            LetterKind::Acknowledgement => {}
            LetterKind::VerificationRequest => {
                if v.plan.level == Level::None {
                    return Err(not_fit("this request needs no verification"));
                }
            }
            LetterKind::ExtensionNotice => {
                if due.extended_respond_by.is_none() {
                    return Err(LetterError::NotExtended.into());
                }
                let reason = clock
                    .iter()
                    .rev()
                    .find(|e| e.event == ClockEventKind::Extended)
                    .map(|e| e.reason.clone());
                f.extension_reason = reason.unwrap_or_default().trim().trim_end_matches('.').to_string();
            }
            LetterKind::Access => {
                if !has(RequestKind::Access) && !has(RequestKind::Portability) {
                    return Err(not_fit("the request does not ask for access"));
                }
                let done: Vec<String> =
                    self.ledger.audit_for_request(reference)?.into_iter().map(|a| a.action).collect();
                if !done.iter().any(|a| a == "pieces.found") {
                    return Err(not_fit(
                        "search the data sources for the requester first (Data tab, or `pieces find`)",
                    ));
                }
                let pieces = self.redacted_pieces(reference)?;
                if !pieces.tables.is_empty() && !done.iter().any(|a| a == "redactions.found") {
                    return Err(not_fit(
                        "look for other people's data in the confirmed rows first (Redaction tab, or `pieces redact`)",
                    ));
                }
                let held = held_categories(&map.map, &pieces);
                let (appendix, withheld) = match super::verification::pieces_allowed(&v, reference) {
                    Ok(()) => (appendix(&pieces), pieces.withheld.clone()),
                    Err(_) if f.verification.partly => (Vec::new(), Vec::new()),
                    Err(e) => return Err(e),
                };
                let since = self.lookback(reference)?;
                let (access, tables) = access_facts(&map.map, lang, &held, &appendix, &withheld, since);
                f.access = access;
                f.tables = tables;
            }
            LetterKind::Deletion => {
                if !has(RequestKind::Deletion) {
                    return Err(not_fit("the request does not ask for deletion"));
                }
                // The letter says the data was deleted: only once the requester is
                // verified (or the deletion is recorded as done).
                if !verified && !recorded(RequestKind::Deletion, &[Outcome::Complied, Outcome::Partial]) {
                    return Err(not_fit(
                        "the requester is not verified; a deletion is confirmed only to a verified requester",
                    ));
                }
                f.recipients_told = told("deletion");
                f.reason = basis(RequestKind::Deletion, &[Outcome::Partial]).filter(|b| !b.is_empty()).unwrap_or(given);
            }
            LetterKind::DeletionDenied | LetterKind::Denial => {
                let k = if kind == LetterKind::DeletionDenied { Some(RequestKind::Deletion) } else { None };
                if let Some(k) = k.filter(|k| !has(*k)) {
                    return Err(not_fit(&format!("the request does not ask for {k}")));
                }
                let recorded = outcomes
                    .iter()
                    .find(|o| o.outcome == Outcome::Denied && k.is_none_or(|k| o.kind == k))
                    .map(|o| o.basis.trim().to_string());
                f.reason = if given.is_empty() { recorded.unwrap_or_default() } else { given };
                if f.reason.is_empty() {
                    return Err(not_fit("give the reason for the refusal (it is required in the letter)"));
                }
            }
            LetterKind::Correction => {
                if !has(RequestKind::Correction) {
                    return Err(not_fit("the request does not ask for a correction"));
                }
                let denied = basis(RequestKind::Correction, &[Outcome::Denied]);
                if denied.is_none() && !verified && !recorded(RequestKind::Correction, &[Outcome::Complied]) {
                    return Err(not_fit(
                        "the requester is not verified; a correction is confirmed only to a verified requester (or record it as denied with the basis)",
                    ));
                }
                f.outcome = if denied.is_some() { "not_corrected" } else { "corrected" }.into();
                f.reason = denied.filter(|b| !b.is_empty()).unwrap_or(given);
                if f.outcome == "not_corrected" && f.reason.is_empty() {
                    return Err(not_fit("give the reason the information was not corrected"));
                }
            }
            LetterKind::OptOutSale | LetterKind::OptOutSharing => {
                let k = if kind == LetterKind::OptOutSale {
                    RequestKind::OptOutSale
                } else {
                    RequestKind::OptOutSharing
                };
                if !has(k) {
                    return Err(not_fit(&format!("the request does not ask for {k}")));
                }
                f.recipients_told = told(k.as_str());
            }
            LetterKind::FeeEstimate => match self.ledger.fee(reference)? {
                Some(fee) => {
                    f.fee = FeeFacts {
                        amount: crate::letters::wording::money(fee.estimate_cents, &fee.currency, lang),
                        reasons: fee.reasons.trim().trim_end_matches('.').to_string(),
                    }
                }
                None => return Err(not_fit("no fee has been proposed")),
            },
            LetterKind::AnsweredTwice if !matches!(row.regime, Regime::Ccpa | Regime::Policy) => {
                return Err(not_fit(&format!(
                    "the twice-in-12-months limit is the policy's and California's; under {} answer the request, or propose a fee if it is excessive",
                    row.regime.rules().label
                )))
            }
            LetterKind::AnsweredTwice => match self.frequency_note(&row)? {
                Some(note) if note.earlier.len() >= 2 => f.earlier = note.earlier,
                _ => return Err(not_fit("fewer than two earlier access requests in 12 months")),
            },
            LetterKind::UnableToVerify => {
                if !matches!(
                    v.record.outcome,
                    Some(VerificationOutcome::NotVerified | VerificationOutcome::PartlyVerified)
                ) {
                    return Err(not_fit(
                        "the requester has not been recorded as not (or only partly) verified",
                    ));
                }
            }
            LetterKind::Abandoned => {
                if v.record.outcome != Some(VerificationOutcome::Abandoned) || v.record.asked_on.is_none() {
                    return Err(not_fit("the request has not been closed as abandoned"));
                }
            }
            LetterKind::VendorNotice => {
                let id = opts.task.ok_or_else(|| not_fit("choose the recipient task the notice is for"))?;
                let task = tasks
                    .iter()
                    .find(|t| t.id == id)
                    .ok_or_else(|| not_fit(&format!("request {reference} has no recipient task {id}")))?;
                let r =
                    map.map.recipients.iter().find(|r| r.id == task.recipient_id).cloned().ok_or_else(
                        || not_fit(&format!("{} is no longer in the data map", task.recipient)),
                    )?;
                let held = self
                    .redacted_pieces(reference)
                    .map(|p| held_categories(&map.map, &p))
                    .unwrap_or_default();
                vendor_facts(&mut f, &map.map, lang, &r, &task.action, &held);
            }
        }
        Ok((f, map.version))
    }

    /// The PDF of a letter for a request, as it would be exported today.
    pub fn render_letter(&self, reference: &str, kind: LetterKind, opts: &LetterOptions) -> Result<Rendered> {
        let (facts, data_map_version) = self.letter_facts(reference, kind, opts)?;
        let lang: Lang = facts.lang.parse()?;
        let (sources, template_versions) = self.letter_sources(kind, lang)?;
        let doc = compose(&facts, &sources)?;
        Ok(Rendered { pdf: render(&doc)?, lang, data_map_version, template_versions })
    }

    /// Render a letter, write it to `out` (whole or not at all) and keep a copy,
    /// with its SHA-256, the language, data-map and template versions, in the ledger.
    pub fn export_letter(
        &mut self,
        reference: &str,
        kind: LetterKind,
        opts: &LetterOptions,
        out: &Path,
    ) -> Result<LetterExport> {
        let r = self.render_letter(reference, kind, opts)?;
        write_atomically(out, &r.pdf)?;
        let file_name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let made = crate::ledger::LetterMade {
            kind: kind.code(),
            lang: r.lang.code(),
            data_map_version: r.data_map_version,
            template_versions: r.template_versions,
            file_name: &file_name,
        };
        match self.ledger.store_letter(&self.actor, reference, &made, &r.pdf) {
            Ok(stored) => Ok(LetterExport {
                path: out.display().to_string(),
                sha256: stored.sha256,
                reference: reference.to_string(),
            }),
            Err(e) => {
                // The ledger is the record: a letter it does not hold must not exist.
                let _ = std::fs::remove_file(out);
                Err(e.into())
            }
        }
    }

    /// The PDF of a letter kept in the ledger, as it was exported.
    pub fn stored_letter(&self, reference: &str, id: u32) -> Result<Vec<u8>> {
        if !self.ledger.letters_for_request(reference)?.iter().any(|l| l.id == id) {
            return Err(Error::Invalid(format!("request {reference} has no letter {id}")));
        }
        Ok(self.ledger.letter_pdf(id)?)
    }

    /// Record how (email, post or account) and when a letter was sent.
    pub fn record_delivery(
        &mut self,
        reference: &str,
        letter: u32,
        via: &str,
        on: NaiveDate,
    ) -> Result<crate::ledger::LetterInfo> {
        if !matches!(via, "email" | "post" | "account") {
            return Err(Error::Invalid(format!("delivery {via:?}: expected email, post or account")));
        }
        Ok(self.ledger.record_delivery(&self.actor, reference, letter, via, on)?)
    }
}

/// Write to a temporary file beside `out`, then rename over it.
pub fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let dir = out.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name =
        out.file_name().ok_or_else(|| Error::Invalid(format!("{}: not a file path", out.display())))?;
    let tmp = dir.join(format!(".{}.part", name.to_string_lossy()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, out)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(out, e)
    })
}
