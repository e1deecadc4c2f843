use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Calendar, RulesError};

/// The law (or the company's own policy) that sets a request's clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    Ccpa,
    Gdpr,
    Uk,
    UsVa,
    UsCo,
    UsCt,
    UsTx,
    UsOr,
    UsUt,
    Policy,
}

/// How long a business has to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponsePeriod {
    /// N calendar days from the date of receipt, never rolled forward.
    CalendarDays(u32),
    /// N months from the date of receipt, rolled forward off non-working days.
    Months(u32),
}

/// One regime's parameters, as data (RULES.md). Anything not yet confirmed
/// against the primary text lives here and nowhere else.
#[derive(Debug, Clone, Copy)]
pub struct RegimeRules {
    pub label: &'static str,
    /// Business days to acknowledge, if the regime asks for an acknowledgement.
    pub acknowledge_business_days: Option<u32>,
    pub respond: ResponsePeriod,
    pub calendar: Calendar,
}

impl Regime {
    pub const ALL: [Regime; 10] = [
        Regime::Ccpa,
        Regime::Gdpr,
        Regime::Uk,
        Regime::UsVa,
        Regime::UsCo,
        Regime::UsCt,
        Regime::UsTx,
        Regime::UsOr,
        Regime::UsUt,
        Regime::Policy,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Ccpa => "ccpa",
            Regime::Gdpr => "gdpr",
            Regime::Uk => "uk",
            Regime::UsVa => "us_va",
            Regime::UsCo => "us_co",
            Regime::UsCt => "us_ct",
            Regime::UsTx => "us_tx",
            Regime::UsOr => "us_or",
            Regime::UsUt => "us_ut",
            Regime::Policy => "policy",
        }
    }

    pub fn rules(self) -> RegimeRules {
        let us_state = |label| RegimeRules {
            label,
            acknowledge_business_days: None,
            respond: ResponsePeriod::CalendarDays(45),
            calendar: Calendar::UsFederal,
        };
        match self {
            Regime::Ccpa => RegimeRules {
                label: "CCPA/CPRA (California)",
                acknowledge_business_days: Some(10),
                respond: ResponsePeriod::CalendarDays(45),
                calendar: Calendar::UsFederal,
            },
            Regime::Gdpr => RegimeRules {
                label: "GDPR (EU/EEA)",
                acknowledge_business_days: None,
                respond: ResponsePeriod::Months(1),
                calendar: Calendar::CompanyOnly,
            },
            Regime::Uk => RegimeRules {
                label: "UK GDPR",
                acknowledge_business_days: None,
                respond: ResponsePeriod::Months(1),
                calendar: Calendar::EnglandWales,
            },
            Regime::UsVa => us_state("Virginia VCDPA"),
            Regime::UsCo => us_state("Colorado CPA"),
            Regime::UsCt => us_state("Connecticut CTDPA"),
            Regime::UsTx => us_state("Texas TDPSA"),
            Regime::UsOr => us_state("Oregon OCPA"),
            Regime::UsUt => us_state("Utah UCPA"),
            // The policy promises an answer "within 45 days"; the team acknowledges
            // on the CCPA timetable for every request it cannot place.
            Regime::Policy => RegimeRules {
                label: "Company policy",
                acknowledge_business_days: Some(10),
                respond: ResponsePeriod::CalendarDays(45),
                calendar: Calendar::UsFederal,
            },
        }
    }
}

impl std::fmt::Display for Regime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Regime {
    type Err = RulesError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.replace('-', "_");
        Regime::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| RulesError::Unknown {
                what: "regime",
                value: s.to_string(),
            })
    }
}
