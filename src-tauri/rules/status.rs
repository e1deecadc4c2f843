use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::RulesError;

/// Where a request is in its life. Transitions are enforced by [`Status::check_transition`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Acknowledged,
    Verifying,
    InProgress,
    Responded,
    Denied,
    Withdrawn,
    Closed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Received,
        Status::Acknowledged,
        Status::Verifying,
        Status::InProgress,
        Status::Responded,
        Status::Denied,
        Status::Withdrawn,
        Status::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Acknowledged => "acknowledged",
            Status::Verifying => "verifying",
            Status::InProgress => "in_progress",
            Status::Responded => "responded",
            Status::Denied => "denied",
            Status::Withdrawn => "withdrawn",
            Status::Closed => "closed",
        }
    }

    /// The statuses a request may move to from this one. A request can be denied
    /// or withdrawn at any open stage; acknowledging is skipped where a regime has
    /// no acknowledgement (GDPR) and verifying where none is needed (opt-outs).
    pub fn allowed_next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Received => &[Acknowledged, Verifying, InProgress, Denied, Withdrawn],
            Acknowledged => &[Verifying, InProgress, Denied, Withdrawn],
            Verifying => &[InProgress, Denied, Withdrawn],
            InProgress => &[Responded, Denied, Withdrawn],
            Responded | Denied | Withdrawn => &[Closed],
            Closed => &[],
        }
    }

    /// True while the clock matters: the request still needs an answer.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Received | Status::Acknowledged | Status::Verifying | Status::InProgress)
    }

    pub fn check_transition(self, to: Status) -> Result<(), RulesError> {
        if self.allowed_next().contains(&to) {
            return Ok(());
        }
        let allowed = self.allowed_next().iter().map(|s| s.as_str()).collect::<Vec<_>>();
        Err(RulesError::Transition {
            from: self,
            to,
            allowed: if allowed.is_empty() { "none (closed)".into() } else { allowed.join(", ") },
        })
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = RulesError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| RulesError::Unknown { what: "status", value: s.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_path_is_allowed_and_skipping_ahead_is_not() {
        use Status::*;
        let path = [Received, Acknowledged, Verifying, InProgress, Responded, Closed];
        for w in path.windows(2) {
            assert!(w[0].check_transition(w[1]).is_ok(), "{:?} -> {:?}", w[0], w[1]);
        }
        assert!(Received.check_transition(Responded).is_err());
        assert!(Closed.check_transition(Received).is_err());
        assert!(Responded.check_transition(InProgress).is_err());
    }
}
