use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::rules::local_receipt_date;
use crate::{Error, Result};

const KEY: &str = "company_profile";

/// Who the letters come from, and how the desk keeps time. Set once in settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CompanyProfile {
    pub name: String,
    /// Postal address, one line per line.
    pub address: String,
    pub privacy_email: String,
    /// IANA time zone in which legal days are counted.
    pub time_zone: String,
    /// Signs the letters; empty means the OS account name.
    pub officer_name: String,
    pub idle_lock_minutes: u32,
    /// Months a closed request's personal data is kept (never below 24).
    #[serde(default = "default_retention")]
    pub retention_months: u32,
    /// How far back the specific pieces reach (11 CCR §7024(h): 12 months by default; 0 = everything held).
    #[serde(default = "default_lookback")]
    pub lookback_months: u32,
    /// Days without an answer to a verification request before the request is
    /// proposed for closing as abandoned.
    #[serde(default = "default_abandon")]
    pub abandon_after_days: u32,
    /// The largest attachment kept, in MB; a larger one is left out with a
    /// warning and its message is still imported.
    #[serde(default = "default_max_attachment")]
    pub max_attachment_mb: u32,
    /// Days the company is closed, which no business-day clock counts.
    #[serde(default)]
    #[ts(type = "Array<string>")]
    pub closure_days: Vec<NaiveDate>,
}

fn default_max_attachment() -> u32 {
    (crate::intake::MAX_ATTACHMENT_BYTES / 1_048_576) as u32
}

fn default_abandon() -> u32 {
    30
}

fn default_lookback() -> u32 {
    12
}

fn default_retention() -> u32 {
    super::retention::MIN_RETENTION_MONTHS
}

impl Default for CompanyProfile {
    /// Pre-filled from the privacy policy's contact section.
    fn default() -> Self {
        CompanyProfile {
            name: "Leadspace, Inc.".into(),
            address: "122 Grand Street\nNew York, NY 10013\nUSA".into(),
            privacy_email: "compliance_privacy@leadspace.com".into(),
            time_zone: "America/New_York".into(),
            officer_name: String::new(),
            idle_lock_minutes: 10,
            retention_months: default_retention(),
            lookback_months: default_lookback(),
            abandon_after_days: default_abandon(),
            max_attachment_mb: default_max_attachment(),
            closure_days: Vec::new(),
        }
    }
}

impl CompanyProfile {
    fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::Invalid("the company name cannot be empty".into()));
        }
        if !self.privacy_email.contains('@') {
            return Err(Error::Invalid(format!("{:?} is not an email address", self.privacy_email)));
        }
        if !(1..=240).contains(&self.idle_lock_minutes) {
            return Err(Error::Invalid("idle lock must be between 1 and 240 minutes".into()));
        }
        if self.retention_months < super::retention::MIN_RETENTION_MONTHS {
            return Err(Error::Invalid(format!(
                "records are kept at least {} months (CCPA §7101)",
                super::retention::MIN_RETENTION_MONTHS
            )));
        }
        if self.lookback_months > 1200 {
            return Err(Error::Invalid("the look-back for specific pieces is at most 1200 months".into()));
        }
        let most = crate::intake::PARSER_MAX_ATTACHMENT_BYTES / 1_048_576;
        if !(1..=most as u32).contains(&self.max_attachment_mb) {
            return Err(Error::Invalid(format!("the largest attachment must be between 1 and {most} MB")));
        }
        if !(1..=365).contains(&self.abandon_after_days) {
            return Err(Error::Invalid("days to wait for verification must be between 1 and 365".into()));
        }
        local_receipt_date(chrono::Utc::now(), &self.time_zone)?;
        Ok(())
    }
}

impl Desk {
    pub fn profile(&self) -> Result<CompanyProfile> {
        Ok(self.ledger.setting(KEY)?.unwrap_or_default())
    }

    pub fn save_profile(&mut self, profile: &CompanyProfile) -> Result<CompanyProfile> {
        profile.validate()?;
        self.ledger.put_setting(&self.actor, KEY, profile)?;
        self.profile()
    }
}
