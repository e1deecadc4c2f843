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

/// A length of time counted from the date of receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// N calendar days, never rolled forward (the earlier date is the safe one).
    CalendarDays(u32),
    /// N months: same day-of-month (or the month's last day), then rolled
    /// forward off weekends and the regime's holidays.
    Months(u32),
}

/// The policy's own promise for "do not share with affiliates or third-party
/// providers", whatever the regime (POLICY, "Choice").
pub const SHARING_OPT_OUT_BUSINESS_DAYS: u32 = 10;

/// One regime's parameters, as data (RULES.md). Anything not yet confirmed
/// against the primary text lives here and nowhere else.
#[derive(Debug, Clone, Copy)]
pub struct RegimeRules {
    pub label: &'static str,
    /// Business days to acknowledge a request to know, delete or correct.
    pub acknowledge_business_days: Option<u32>,
    pub respond: Period,
    /// The whole period from receipt once extended (e.g. 45 + 45 = 90 days).
    pub extended: Option<Period>,
    /// Business days within which an opt-out of sale must take effect.
    pub opt_out_sale_business_days: Option<u32>,
    /// Calendar days to decide an appeal, counted from the appeal's receipt.
    pub appeal_days: Option<u32>,
    /// Whether waiting for ID, clarification or a fee stops the clock.
    pub pauses_allowed: bool,
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

    /// The table of RULES.md. US state laws: 45 days, +45, an appeal window,
    /// no pause. GDPR/UK: one month, +2, pauses while waiting for what is asked.
    pub fn rules(self) -> RegimeRules {
        let us_state = |label, appeal_days| RegimeRules {
            label,
            acknowledge_business_days: None,
            respond: Period::CalendarDays(45),
            extended: Some(Period::CalendarDays(90)),
            opt_out_sale_business_days: None,
            appeal_days,
            pauses_allowed: false,
            calendar: Calendar::UsFederal,
        };
        let european = |label, calendar| RegimeRules {
            label,
            acknowledge_business_days: None,
            respond: Period::Months(1),
            extended: Some(Period::Months(3)),
            opt_out_sale_business_days: None,
            appeal_days: None,
            pauses_allowed: true,
            calendar,
        };
        match self {
            Regime::Ccpa => RegimeRules {
                label: "CCPA/CPRA (California)",
                acknowledge_business_days: Some(10),
                opt_out_sale_business_days: Some(15),
                appeal_days: None,
                ..us_state("", None)
            },
            Regime::Gdpr => european("GDPR (EU/EEA)", Calendar::CompanyOnly),
            Regime::Uk => european("UK GDPR", Calendar::EnglandWales),
            Regime::UsVa => us_state("Virginia VCDPA", Some(60)),
            Regime::UsCo => us_state("Colorado CPA", Some(45)),
            Regime::UsCt => us_state("Connecticut CTDPA", Some(60)),
            Regime::UsTx => us_state("Texas TDPSA", Some(60)),
            Regime::UsOr => us_state("Oregon OCPA", Some(45)),
            Regime::UsUt => us_state("Utah UCPA", None),
            // Unplaced requests get the policy's 45 days and the team's CCPA practice.
            Regime::Policy => RegimeRules {
                label: "Company policy",
                acknowledge_business_days: Some(10),
                opt_out_sale_business_days: Some(15),
                ..us_state("", None)
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
            .ok_or_else(|| RulesError::Unknown { what: "regime", value: s.to_string() })
    }
}
