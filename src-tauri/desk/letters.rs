use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::clock::request_due;
use super::Desk;
use crate::ledger::ClockEventKind;
use crate::ledger::VerificationOutcome;
use crate::letters::{
    abandoned, acknowledgement, answered_twice, extension_notice, fee_estimate, render, unable_to_verify,
    verification_request, LetterContext, LetterError, LetterKind, Needed,
};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterExport {
    pub path: String,
    pub sha256: String,
    pub reference: String,
}

impl Desk {
    /// The PDF of a letter for a request, as it would be exported today.
    pub fn render_letter(&self, reference: &str, kind: LetterKind) -> Result<Vec<u8>> {
        let row = self.ledger.request(reference)?;
        let profile = self.profile()?;
        let clock = self.ledger.clock_events(reference)?;
        let days = self.workdays()?;
        let due = request_due(&row, &clock, &days)?;
        let c = LetterContext {
            company_name: &profile.name,
            company_address: &profile.address,
            privacy_email: &profile.privacy_email,
            officer_name: &profile.officer_name,
            reference,
            date: days.today,
            requester_name: &row.requester_name,
            requester_email: &row.requester_email,
            postal_address: &row.postal_address,
            kinds: &row.kinds,
            regime: row.regime,
            received: row.received_date,
            due: &due,
        };
        let doc = match kind {
            LetterKind::Acknowledgement => acknowledgement(&c),
            LetterKind::ExtensionNotice => {
                let reason = clock
                    .iter()
                    .rev()
                    .find(|e| e.event == ClockEventKind::Extended)
                    .map(|e| e.reason.as_str());
                extension_notice(&c, reason.unwrap_or_default())?
            }
            LetterKind::AnsweredTwice => match self.frequency_note(&row)? {
                Some(note) if note.earlier.len() >= 2 => answered_twice(&c, &note.earlier),
                _ => {
                    return Err(LetterError::DoesNotApply(
                        "fewer than two earlier access requests in 12 months".into(),
                    )
                    .into())
                }
            },
            LetterKind::FeeEstimate => match self.ledger.fee(reference)? {
                Some(fee) => fee_estimate(&c, &fee),
                None => return Err(LetterError::DoesNotApply("no fee has been proposed".into()).into()),
            },
            LetterKind::VerificationRequest | LetterKind::UnableToVerify | LetterKind::Abandoned => {
                let v = self.verification(reference)?;
                let not_needed = || LetterError::DoesNotApply("this request needs no verification".into());
                match kind {
                    LetterKind::VerificationRequest if v.plan.level == crate::verify::Level::None => {
                        return Err(not_needed().into())
                    }
                    LetterKind::VerificationRequest => verification_request(
                        &c,
                        &Needed {
                            plan: &v.plan,
                            steps_done: &v.record.steps_done,
                            points_counted: v.points_counted as usize,
                            on_behalf: v.record.on_behalf,
                            answer_by: v.abandon_on,
                        },
                    ),
                    LetterKind::UnableToVerify => match v.record.outcome {
                        Some(VerificationOutcome::NotVerified | VerificationOutcome::PartlyVerified) => {
                            unable_to_verify(&c, &v.record.outcome_reason, v.plan.level)
                        }
                        _ => {
                            return Err(LetterError::DoesNotApply(
                                "the requester has not been recorded as not (or only partly) verified".into(),
                            )
                            .into())
                        }
                    },
                    _ => match (v.record.outcome, v.record.asked_on.as_deref()) {
                        (Some(VerificationOutcome::Abandoned), Some(asked)) => {
                            let asked = chrono::NaiveDate::parse_from_str(asked, "%Y-%m-%d")
                                .map_err(|e| Error::Invalid(format!("asked on {asked}: {e}")))?;
                            abandoned(&c, asked)
                        }
                        _ => {
                            return Err(LetterError::DoesNotApply(
                                "the request has not been closed as abandoned".into(),
                            )
                            .into())
                        }
                    },
                }
            }
        };
        Ok(render(&doc)?)
    }

    /// Render a letter, write it to `out` (whole or not at all) and keep a copy,
    /// with its SHA-256, in the ledger.
    pub fn export_letter(&mut self, reference: &str, kind: LetterKind, out: &Path) -> Result<LetterExport> {
        let pdf = self.render_letter(reference, kind)?;
        write_atomically(out, &pdf)?;
        let file_name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match self.ledger.store_letter(&self.actor, reference, kind.code(), &file_name, &pdf) {
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
