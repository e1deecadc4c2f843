use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a request asks for. A request can ask for several things at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Access,
    Deletion,
    Correction,
    OptOutSale,
    OptOutSharing,
    Unsubscribe,
    Portability,
    Objection,
    Appeal,
    Complaint,
}

impl RequestKind {
    pub const ALL: [RequestKind; 10] = [
        RequestKind::Access,
        RequestKind::Deletion,
        RequestKind::Correction,
        RequestKind::OptOutSale,
        RequestKind::OptOutSharing,
        RequestKind::Unsubscribe,
        RequestKind::Portability,
        RequestKind::Objection,
        RequestKind::Appeal,
        RequestKind::Complaint,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Access => "access",
            RequestKind::Deletion => "deletion",
            RequestKind::Correction => "correction",
            RequestKind::OptOutSale => "opt_out_sale",
            RequestKind::OptOutSharing => "opt_out_sharing",
            RequestKind::Unsubscribe => "unsubscribe",
            RequestKind::Portability => "portability",
            RequestKind::Objection => "objection",
            RequestKind::Appeal => "appeal",
            RequestKind::Complaint => "complaint",
        }
    }

    /// How a letter names the request.
    pub fn describe(self) -> &'static str {
        match self {
            RequestKind::Access => "access to your personal information",
            RequestKind::Deletion => "deletion of your personal information",
            RequestKind::Correction => "correction of your personal information",
            RequestKind::OptOutSale => "opting out of the sale of your personal information",
            RequestKind::OptOutSharing => {
                "opting out of sharing your personal information with our affiliates and providers"
            }
            RequestKind::Unsubscribe => "removal from our mailing lists",
            RequestKind::Portability => "a portable copy of your personal information",
            RequestKind::Objection => "objection to the processing of your personal information",
            RequestKind::Appeal => "an appeal of our earlier decision",
            RequestKind::Complaint => "a complaint about how we handle personal information",
        }
    }
}

impl std::fmt::Display for RequestKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for RequestKind {
    type Err = super::RulesError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RequestKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| super::RulesError::Unknown { what: "request kind", value: s.to_string() })
    }
}
