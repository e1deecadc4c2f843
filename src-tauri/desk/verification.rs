//! Verifying a requester: the plan for the request, the data points offered
//! and how they match the data held, the steps done, and the outcome.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::ledger::{EvidenceInfo, EvidenceKind, PieceDecision, VerificationOutcome, VerificationRecord};
use crate::subject::{find_rows, Candidate, Lookback};
use crate::verify::{self, match_points, DataPoint, Level, MatchStatus, OnBehalf, Plan, PointMatch, StepId};
use crate::{Error, Result};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct VerificationView {
    pub plan: Plan,
    pub record: VerificationRecord,
    pub matches: Vec<PointMatch>,
    /// Points that count: matched, or partial and accepted by the officer.
    pub points_counted: u32,
    /// Whether the steps done reach the plan's level.
    pub reached: bool,
    /// With no answer by this day, the request is proposed for closing as abandoned.
    #[ts(type = "string | null")]
    pub abandon_on: Option<NaiveDate>,
    /// The day has come: propose closing as abandoned.
    pub abandon_due: bool,
    /// ID scans, declarations, permissions and proofs kept for this request.
    pub evidence: Vec<EvidenceInfo>,
    /// For an agent's request: the agent's other requests, grouped.
    pub same_agent: Vec<String>,
}

fn parse_day(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::Invalid(format!("{s:?}: expected YYYY-MM-DD")))
}

fn need_reason(reason: &str, what: &str) -> Result<()> {
    if reason.trim().is_empty() {
        return Err(Error::Invalid(format!("{what} needs a reason")));
    }
    Ok(())
}

impl Desk {
    /// The rows held about the requester: the ones the officer confirmed, else a fresh search.
    fn requester_rows(&self, reference: &str) -> Result<(Vec<crate::subject::Source>, Vec<Candidate>)> {
        let sources = self.ledger.load_sources()?;
        let confirmed = self.found_candidates(&sources, reference, |d| d == PieceDecision::Confirmed)?;
        if !confirmed.is_empty() {
            return Ok((sources, confirmed));
        }
        let r = self.ledger.request(reference)?;
        let ids = crate::subject::Identifiers {
            names: vec![r.requester_name.clone()].into_iter().filter(|n| !n.trim().is_empty()).collect(),
            emails: vec![r.requester_email.clone()].into_iter().filter(|e| !e.trim().is_empty()).collect(),
            ..Default::default()
        };
        let found = find_rows(&sources, &ids, Lookback::default()).candidates;
        // Only rows found by an exact identifier: a name alone proves nothing.
        let strong = found.into_iter().filter(|c| c.score >= 0.9).collect();
        Ok((sources, strong))
    }

    /// The plan for a request as its record stands (override included).
    fn plan_for(&self, reference: &str, record: &VerificationRecord) -> Result<Plan> {
        let request = self.ledger.request(reference)?;
        let mut plan = verify::plan(request.regime, &request.kinds, record.on_behalf, record.sensitive);
        if let Some(level) = record.level_override {
            plan.level = level;
        }
        Ok(plan)
    }

    pub fn verification(&self, reference: &str) -> Result<VerificationView> {
        let record = self.ledger.verification(reference)?;
        let plan = self.plan_for(reference, &record)?;
        // The data sources are read only when there are offered points to match.
        let matches = if record.points.is_empty() {
            Vec::new()
        } else {
            let (sources, rows) = self.requester_rows(reference)?;
            match_points(&sources, &rows, &record.points)
        };
        let points_counted = matches
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                m.status == MatchStatus::Matched
                    || (m.status == MatchStatus::Partial && record.accepted_partial.contains(&(*i as u32)))
            })
            .count() as u32;
        let reached =
            plan.level == Level::None || verify::reached(&plan, &record.steps_done, points_counted as usize);
        let days = self.profile()?.abandon_after_days as i64;
        let abandon_on =
            record.asked_on.as_deref().map(parse_day).transpose()?.map(|d| d + chrono::Duration::days(days));
        let abandon_due =
            record.outcome.is_none() && abandon_on.is_some_and(|d| self.today().is_ok_and(|t| t >= d));
        let evidence = self.ledger.evidence(reference)?;
        let same_agent = match record.on_behalf {
            Some(OnBehalf::Agent) => self.ledger.requests_from_same_sender(reference)?,
            _ => Vec::new(),
        };
        Ok(VerificationView {
            plan,
            record,
            matches,
            points_counted,
            reached,
            abandon_on,
            abandon_due,
            evidence,
            same_agent,
        })
    }

    fn change_verification(
        &mut self,
        reference: &str,
        action: &str,
        detail: &str,
        f: impl FnOnce(&mut VerificationRecord, &Plan) -> Result<()>,
    ) -> Result<VerificationView> {
        let mut record = self.ledger.verification(reference)?;
        let plan = self.plan_for(reference, &record)?;
        f(&mut record, &plan)?;
        self.ledger.put_verification(&self.actor, reference, &record, action, detail)?;
        self.verification(reference)
    }

    /// Record the data points the requester offered. Refused for a request
    /// that needs no verification: none may be asked for.
    pub fn set_verification_points(
        &mut self,
        reference: &str,
        points: Vec<DataPoint>,
    ) -> Result<VerificationView> {
        let detail = format!("{} data points offered", points.len());
        self.change_verification(reference, "verification.points", &detail, |r, plan| {
            if plan.level == Level::None {
                return Err(Error::Invalid(
                    "this request needs no verification (opt-out, unsubscribe or objection): do not ask for ID".into(),
                ));
            }
            r.points = points;
            r.accepted_partial.clear();
            Ok(())
        })
    }

    pub fn accept_partial_point(
        &mut self,
        reference: &str,
        index: u32,
        accept: bool,
        reason: &str,
    ) -> Result<VerificationView> {
        need_reason(reason, "deciding a partial match")?;
        let detail = format!(
            "point {index} partial match {}: {reason}",
            if accept { "accepted" } else { "not accepted" }
        );
        self.change_verification(reference, "verification.partial", &detail, |r, _| {
            if index as usize >= r.points.len() {
                return Err(Error::Invalid(format!("no data point {index}")));
            }
            r.accepted_partial.retain(|&i| i != index);
            if accept {
                r.accepted_partial.push(index);
            }
            Ok(())
        })
    }

    pub fn set_verification_step(
        &mut self,
        reference: &str,
        step: StepId,
        done: bool,
        reason: &str,
    ) -> Result<VerificationView> {
        need_reason(reason, "a verification step")?;
        let detail = format!("{:?} {}: {reason}", step, if done { "done" } else { "undone" });
        self.change_verification(reference, "verification.step", &detail, |r, plan| {
            if plan.level == Level::None {
                return Err(Error::Invalid("this request needs no verification".into()));
            }
            r.steps_done.retain(|&s| s != step);
            if done {
                r.steps_done.push(step);
            }
            Ok(())
        })
    }

    pub fn set_on_behalf(
        &mut self,
        reference: &str,
        on_behalf: Option<OnBehalf>,
        reason: &str,
    ) -> Result<VerificationView> {
        need_reason(reason, "who the request is made for")?;
        let detail = format!("on behalf: {on_behalf:?}: {reason}");
        self.change_verification(reference, "verification.on_behalf", &detail, |r, _| {
            r.on_behalf = on_behalf;
            Ok(())
        })
    }

    /// Change the level from the computed one, with the reason.
    pub fn override_verification_level(
        &mut self,
        reference: &str,
        level: Option<Level>,
        sensitive: bool,
        reason: &str,
    ) -> Result<VerificationView> {
        need_reason(reason, "changing the verification level")?;
        let detail = format!(
            "level {}{}: {reason}",
            level.map_or("as computed", |l| l.as_str()),
            if sensitive { ", sensitive data" } else { "" }
        );
        self.change_verification(reference, "verification.level", &detail, |r, _| {
            r.level_override = level;
            r.sensitive = sensitive;
            r.override_reason = reason.to_string();
            Ok(())
        })
    }

    /// The verification request went out on `on` (starts the abandonment count).
    pub fn mark_verification_asked(&mut self, reference: &str, on: NaiveDate) -> Result<VerificationView> {
        self.change_verification(
            reference,
            "verification.asked",
            &format!("verification requested on {on}"),
            |r, plan| {
                if plan.level == Level::None {
                    return Err(Error::Invalid(
                        "this request needs no verification: do not ask for ID".into(),
                    ));
                }
                r.asked_on = Some(on.to_string());
                Ok(())
            },
        )
    }

    pub fn decide_verification(
        &mut self,
        reference: &str,
        outcome: VerificationOutcome,
        reason: &str,
    ) -> Result<VerificationView> {
        need_reason(reason, "a verification outcome")?;
        let view = self.verification(reference)?;
        match outcome {
            VerificationOutcome::Verified if !view.reached => {
                return Err(Error::Invalid(format!(
                    "{reference} has not reached {} yet: {} of {} points counted; steps still open",
                    view.plan.level.as_str(),
                    view.points_counted,
                    view.plan.level.points_needed()
                )))
            }
            VerificationOutcome::Abandoned if view.record.asked_on.is_none() => {
                return Err(Error::Invalid(
                    "nothing was asked of the requester, so the request cannot be abandoned".into(),
                ))
            }
            _ => {}
        }
        let today = self.today()?;
        let detail = format!("{outcome:?}: {reason}");
        self.change_verification(reference, "verification.decided", &detail, |r, _| {
            r.outcome = Some(outcome);
            r.outcome_reason = reason.to_string();
            r.decided_on = Some(today.to_string());
            Ok(())
        })
    }

    /// Specific pieces go out only to a requester verified at the level the plan needs.
    pub fn check_pieces_allowed(&self, reference: &str) -> Result<()> {
        pieces_allowed(&self.verification(reference)?, reference)
    }

    /// Keep a document (PDF or image) as evidence, encrypted in the ledger.
    pub fn add_evidence(
        &mut self,
        reference: &str,
        kind: EvidenceKind,
        path: &std::path::Path,
    ) -> Result<VerificationView> {
        let doc = super::manual::read_document(path, self.profile()?.max_attachment_mb)?;
        self.ledger.add_evidence(&self.actor, reference, kind, &doc.name, &doc.mime, &doc.data)?;
        self.verification(reference)
    }

    /// A document's bytes and type, for viewing in the app; never written to disk.
    pub fn evidence_file(&self, reference: &str, id: u32) -> Result<(String, Vec<u8>)> {
        Ok(self.ledger.evidence_data(reference, id)?)
    }

    /// Record what a document showed; with `erase`, keep only that finding.
    pub fn check_evidence(
        &mut self,
        reference: &str,
        id: u32,
        finding: &str,
        erase: bool,
    ) -> Result<VerificationView> {
        need_reason(finding, "checking a document (say what it showed)")?;
        let today = self.today()?;
        self.ledger.check_evidence(&self.actor, reference, id, finding, erase, today)?;
        self.verification(reference)
    }
}

/// Specific pieces may be disclosed only to a requester verified at the plan's level.
pub(super) fn pieces_allowed(v: &VerificationView, reference: &str) -> Result<()> {
    match v.record.outcome {
        Some(VerificationOutcome::Verified) if v.reached => Ok(()),
        Some(VerificationOutcome::PartlyVerified) => Err(Error::Invalid(format!(
            "{reference}: the requester was only partly verified, so specific pieces are withheld and the request is answered with categories (11 CCR §7024(a)–(b))"
        ))),
        _ => Err(Error::Invalid(format!(
            "{reference}: specific pieces can be disclosed only once the requester is verified at level {}; record the verification first. {}",
            v.plan.level.as_str(),
            v.plan.basis
        ))),
    }
}
