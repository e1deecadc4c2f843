//! Identity verification: the level each request needs (CCPA §7060–7063,
//! GDPR Art. 12(6)), the steps that reach it, and matching the data points a
//! requester offers against the data already held. Pure functions; the
//! ledger keeps what was offered and decided.

mod matching;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::rules::{Regime, RequestKind};

pub use matching::{match_points, DataPoint, MatchStatus, PointKind, PointMatch};

/// How sure the desk must be of who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Opt-outs, unsubscribes, objections to direct marketing: no ID may be asked for.
    None,
    /// Two data points matched against data held ("reasonable degree of certainty").
    TwoPoints,
    /// GDPR / UK: verified where the request comes from an address already held,
    /// otherwise ask for what resolves the doubt (Art. 12(6)).
    Proportionate,
    /// Three data points and a signed declaration under penalty of perjury
    /// ("reasonably high degree of certainty"): specific pieces, sensitive deletion.
    ThreePointsDeclaration,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::TwoPoints => "two_points",
            Level::ThreePointsDeclaration => "three_points_declaration",
            Level::Proportionate => "proportionate",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        [Level::None, Level::TwoPoints, Level::ThreePointsDeclaration, Level::Proportionate]
            .into_iter()
            .find(|l| l.as_str() == s)
    }

    pub fn points_needed(self) -> usize {
        match self {
            Level::TwoPoints => 2,
            Level::ThreePointsDeclaration => 3,
            Level::None | Level::Proportionate => 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OnBehalf {
    Agent,
    Parent,
}

/// One thing to get done before the request counts as verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepId {
    /// N data points matched (N from the level).
    Points,
    /// Signed declaration under penalty of perjury, kept on file.
    Declaration,
    /// GDPR/UK: the request came from an address already held.
    KnownAddress,
    /// GDPR/UK: what resolves the doubt has been asked for and received.
    DoubtResolved,
    /// §7063: signed permission from the consumer for the agent.
    AgentPermission,
    /// §7063: the consumer verified or confirmed directly.
    ConsumerConfirms,
    /// A power of attorney replaces the two agent steps.
    PowerOfAttorney,
    /// Proof of parental authority or guardianship.
    ParentalAuthority,
}

impl StepId {
    pub fn label(self) -> &'static str {
        match self {
            StepId::Points => "Data points matched against data held",
            StepId::Declaration => "Signed declaration under penalty of perjury",
            StepId::KnownAddress => "Request came from an address already held for the person",
            StepId::DoubtResolved => "Asked for what resolves the doubt, and received it",
            StepId::AgentPermission => "Signed permission from the consumer for the agent",
            StepId::ConsumerConfirms => "The consumer verified or confirmed directly",
            StepId::PowerOfAttorney => "Power of attorney (replaces the two agent steps)",
            StepId::ParentalAuthority => "Proof of parental authority or guardianship",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Plan {
    pub level: Level,
    /// Why this level, in the words of the rule.
    pub basis: String,
    /// The steps, in order; alternatives are marked in `either`.
    pub steps: Vec<StepId>,
    /// Steps of which one suffices instead of the listed ones (a power of attorney).
    pub either: Vec<StepId>,
    /// Whether the regime's clock may pause while waiting for the requester.
    pub pause_allowed: bool,
}

fn needs_no_verification(kind: RequestKind) -> bool {
    matches!(
        kind,
        RequestKind::OptOutSale
            | RequestKind::OptOutSharing
            | RequestKind::Unsubscribe
            | RequestKind::Objection
            | RequestKind::Appeal
            | RequestKind::Complaint
    )
}

fn gdpr_like(regime: Regime) -> bool {
    matches!(regime, Regime::Gdpr | Regime::Uk)
}

/// The level one kind of request needs under a regime. `sensitive` says the
/// data a deletion would remove is sensitive (or its wrongful deletion harmful).
pub fn kind_level(regime: Regime, kind: RequestKind, sensitive: bool) -> Level {
    if needs_no_verification(kind) {
        return Level::None;
    }
    if gdpr_like(regime) {
        return Level::Proportionate;
    }
    match kind {
        RequestKind::Access | RequestKind::Portability => Level::ThreePointsDeclaration,
        RequestKind::Deletion if sensitive => Level::ThreePointsDeclaration,
        _ => Level::TwoPoints,
    }
}

/// The plan for a request: the highest level its kinds need, and the steps.
pub fn plan(regime: Regime, kinds: &[RequestKind], on_behalf: Option<OnBehalf>, sensitive: bool) -> Plan {
    let level = kinds.iter().map(|&k| kind_level(regime, k, sensitive)).max().unwrap_or(Level::None);
    let basis = match level {
        Level::None => "Opt-outs of sale or sharing, unsubscribes and objections to direct marketing need no verification, and none may be asked for (CCPA regulations; GDPR Art. 21).",
        Level::TwoPoints => "Two data points matched against data already held: a reasonable degree of certainty (11 CCR §7062(b)).",
        Level::ThreePointsDeclaration => "Three data points matched and a signed declaration under penalty of perjury: a reasonably high degree of certainty, for specific pieces of information or a sensitive deletion (11 CCR §7062(c)).",
        Level::Proportionate => "Proportionate: verified when the request comes from an address already held for the person; otherwise ask only for what resolves the doubt (GDPR Art. 12(6)).",
    };
    let mut steps = match level {
        Level::None => Vec::new(),
        Level::TwoPoints => vec![StepId::Points],
        Level::ThreePointsDeclaration => vec![StepId::Points, StepId::Declaration],
        Level::Proportionate => vec![StepId::KnownAddress],
    };
    let mut either = Vec::new();
    if level != Level::None {
        match on_behalf {
            Some(OnBehalf::Agent) => {
                steps.extend([StepId::AgentPermission, StepId::ConsumerConfirms]);
                either.push(StepId::PowerOfAttorney);
            }
            Some(OnBehalf::Parent) => steps.push(StepId::ParentalAuthority),
            None => {}
        }
    }
    Plan { level, basis: basis.to_string(), steps, either, pause_allowed: regime.rules().pauses_allowed }
}

/// Whether the steps done (and the points matched) reach the plan's level.
pub fn reached(plan: &Plan, done: &[StepId], points_matched: usize) -> bool {
    let has = |s: StepId| done.contains(&s);
    let agent_ok = has(StepId::PowerOfAttorney);
    plan.steps.iter().all(|&s| match s {
        StepId::Points => points_matched >= plan.level.points_needed(),
        // A known address, or the doubt resolved, either verifies a GDPR request.
        StepId::KnownAddress => has(StepId::KnownAddress) || has(StepId::DoubtResolved),
        StepId::AgentPermission | StepId::ConsumerConfirms => agent_ok || has(s),
        s => has(s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_power_of_attorney_replaces_both_agent_steps() {
        let p = plan(Regime::Ccpa, &[RequestKind::Deletion], Some(OnBehalf::Agent), false);
        assert_eq!(p.steps, [StepId::Points, StepId::AgentPermission, StepId::ConsumerConfirms]);
        assert!(!reached(&p, &[StepId::AgentPermission], 2));
        assert!(reached(&p, &[StepId::AgentPermission, StepId::ConsumerConfirms], 2));
        assert!(reached(&p, &[StepId::PowerOfAttorney], 2));
        assert!(!reached(&p, &[StepId::PowerOfAttorney], 1));
    }
}
