//! Due dates from a receipt date, one convention everywhere (RULES.md, "How days
//! are counted"). Dates are local calendar dates in the company's time zone.

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    is_business_day, Calendar, Period, Regime, RegimeRules, RequestKind, RulesError, Status,
    SHARING_OPT_OUT_BUSINESS_DAYS,
};

/// Every date a request's clock produces (RULES.md). `None` where the regime
/// or the request has no such date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueDates {
    #[ts(type = "string | null")]
    pub acknowledge_by: Option<NaiveDate>,
    /// The original response date, moved by any pauses.
    #[ts(type = "string")]
    pub respond_by: NaiveDate,
    /// Set once the request has been extended.
    #[ts(type = "string | null")]
    pub extended_respond_by: Option<NaiveDate>,
    /// The last day to send the extension notice: the original response date.
    #[ts(type = "string | null")]
    pub extension_notice_by: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub opt_out_effective_by: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub appeal_respond_by: Option<NaiveDate>,
}

impl DueDates {
    /// The response date in force: the extended one if the request was extended.
    pub fn effective_respond_by(&self) -> NaiveDate {
        self.extended_respond_by.unwrap_or(self.respond_by)
    }
}

/// The next date that matters for an open request, and how far away it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NextDue {
    /// "acknowledge", "opt-out" or "respond".
    pub label: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Negative when overdue.
    pub days_left: i32,
}

/// A stretch of days (first to last, inclusive) during which the clock stood still.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Pause {
    fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// What the clock is computed from.
#[derive(Debug, Clone, Copy)]
pub struct ClockInput<'a> {
    pub regime: Regime,
    pub received: NaiveDate,
    pub kinds: &'a [RequestKind],
    pub pauses: &'a [Pause],
    pub extended: bool,
    /// Company closure days, added to every calendar.
    pub closures: &'a [NaiveDate],
}

impl<'a> ClockInput<'a> {
    /// A request with no pauses, no extension and no closure days.
    pub fn plain(regime: Regime, received: NaiveDate, kinds: &'a [RequestKind]) -> Self {
        ClockInput { regime, received, kinds, pauses: &[], extended: false, closures: &[] }
    }
}

/// The local date on which an instant falls in the company's time zone.
pub fn local_receipt_date(at: DateTime<Utc>, time_zone: &str) -> Result<NaiveDate, RulesError> {
    let tz: chrono_tz::Tz =
        time_zone.parse().map_err(|_| RulesError::UnknownTimeZone(time_zone.to_string()))?;
    Ok(at.with_timezone(&tz).date_naive())
}

/// The Nth business day after `from` (counting starts the day after).
fn add_business_days(from: NaiveDate, n: u32, calendar: Calendar, closures: &[NaiveDate]) -> NaiveDate {
    let mut day = from;
    let mut left = n;
    while left > 0 {
        day += Duration::days(1);
        if is_business_day(calendar, day, closures) {
            left -= 1;
        }
    }
    day
}

fn roll_forward(mut day: NaiveDate, calendar: Calendar, closures: &[NaiveDate]) -> NaiveDate {
    while !is_business_day(calendar, day, closures) {
        day += Duration::days(1);
    }
    day
}

/// Each paused day that comes on or before a due date moves it one day later.
fn shift_by_pauses(mut due: NaiveDate, pauses: &[Pause]) -> NaiveDate {
    for p in pauses {
        if p.from <= due {
            due += Duration::days(p.days());
        }
    }
    due
}

fn check_pauses(input: &ClockInput<'_>, rules: &RegimeRules) -> Result<Vec<Pause>, RulesError> {
    if !input.pauses.is_empty() && !rules.pauses_allowed {
        return Err(RulesError::Pause(format!("{} does not allow pausing the clock", rules.label)));
    }
    let mut pauses = input.pauses.to_vec();
    pauses.sort_by_key(|p| p.from);
    for p in &pauses {
        if p.to < p.from {
            return Err(RulesError::Pause(format!(
                "a pause cannot end ({}) before it starts ({})",
                p.to, p.from
            )));
        }
        if p.from < input.received {
            return Err(RulesError::Pause(format!(
                "a pause cannot start ({}) before the request was received ({})",
                p.from, input.received
            )));
        }
    }
    if let Some(w) = pauses.windows(2).find(|w| w[1].from <= w[0].to) {
        return Err(RulesError::Pause(format!(
            "pauses overlap ({}..{} and {}..{})",
            w[0].from, w[0].to, w[1].from, w[1].to
        )));
    }
    Ok(pauses)
}

pub fn due_dates(input: &ClockInput<'_>) -> Result<DueDates, RulesError> {
    let rules = input.regime.rules();
    let pauses = check_pauses(input, &rules)?;
    let (cal, closures) = (rules.calendar, input.closures);
    // A date counted in business days or months lands on a working day.
    let working = |d: NaiveDate| roll_forward(shift_by_pauses(d, &pauses), cal, closures);
    let period = |p: Period| -> Result<NaiveDate, RulesError> {
        Ok(match p {
            Period::CalendarDays(n) => {
                shift_by_pauses(input.received + Duration::days(i64::from(n)), &pauses)
            }
            Period::Months(n) => {
                // chrono clamps to the month's last day when the day does not exist.
                let same_day =
                    input.received.checked_add_months(Months::new(n)).ok_or(RulesError::DateOutOfRange)?;
                working(same_day)
            }
        })
    };
    let business = |n: u32| working(add_business_days(input.received, n, cal, closures));
    let has = |k: RequestKind| input.kinds.contains(&k);
    let answerable = input.kinds.iter().any(|k| {
        matches!(
            k,
            RequestKind::Access | RequestKind::Deletion | RequestKind::Correction | RequestKind::Portability
        )
    });
    let respond_by = period(rules.respond)?;
    let sale = rules.opt_out_sale_business_days.filter(|_| has(RequestKind::OptOutSale)).map(business);
    let sharing = has(RequestKind::OptOutSharing).then(|| business(SHARING_OPT_OUT_BUSINESS_DAYS));
    Ok(DueDates {
        acknowledge_by: rules.acknowledge_business_days.filter(|_| answerable).map(business),
        respond_by,
        extended_respond_by: match rules.extended {
            Some(p) if input.extended => Some(period(p)?),
            _ => None,
        },
        extension_notice_by: rules.extended.map(|_| respond_by),
        opt_out_effective_by: sale.into_iter().chain(sharing).min(),
        appeal_respond_by: rules
            .appeal_days
            .filter(|_| has(RequestKind::Appeal))
            .map(|n| shift_by_pauses(input.received + Duration::days(i64::from(n)), &pauses)),
    })
}

/// What the officer must do next and by when; none once the request is answered.
pub fn next_due(status: Status, due: &DueDates, today: NaiveDate) -> Option<NextDue> {
    if !status.is_open() {
        return None;
    }
    let ack = due.acknowledge_by.filter(|_| status == Status::Received).map(|d| ("acknowledge", d));
    let opt_out = due.opt_out_effective_by.map(|d| ("opt-out", d));
    let respond = Some(("respond", due.effective_respond_by()));
    let (label, date) = [ack, opt_out, respond].into_iter().flatten().min_by_key(|(_, d)| *d)?;
    Some(NextDue { label: label.to_string(), date, days_left: (date - today).num_days() as i32 })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCESS: &[RequestKind] = &[RequestKind::Access];

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn ccpa_examples_from_the_rules() {
        // Received Fri 6 Mar 2026: 10 business days -> Fri 20 Mar 2026 (RULES.md).
        let due = due_dates(&ClockInput::plain(Regime::Ccpa, d("2026-03-06"), ACCESS)).unwrap();
        assert_eq!(due.acknowledge_by, Some(d("2026-03-20")));
        // 45 calendar days from 6 Mar: 25 left in March, 20 into April -> 20 Apr.
        assert_eq!(due.respond_by, d("2026-04-20"));
        // 1 Jan + 45 days = 15 Feb, not rolled off a Sunday (15 Feb 2026 is a Sunday).
        assert_eq!(
            due_dates(&ClockInput::plain(Regime::Ccpa, d("2026-01-01"), ACCESS)).unwrap().respond_by,
            d("2026-02-15")
        );
    }

    #[test]
    fn a_month_clamps_and_rolls_forward() {
        // 31 Jan 2026 -> 28 Feb 2026 (a Saturday) -> Monday 2 March.
        assert_eq!(
            due_dates(&ClockInput::plain(Regime::Gdpr, d("2026-01-31"), ACCESS)).unwrap().respond_by,
            d("2026-03-02")
        );
        // UK: received 3 Mar 2026 -> 3 Apr 2026 is Good Friday -> Tue 7 Apr (Easter Monday 6th).
        assert_eq!(
            due_dates(&ClockInput::plain(Regime::Uk, d("2026-03-03"), ACCESS)).unwrap().respond_by,
            d("2026-04-07")
        );
    }

    #[test]
    fn next_due_switches_from_acknowledge_to_respond() {
        let due = due_dates(&ClockInput::plain(Regime::Ccpa, d("2026-03-06"), ACCESS)).unwrap();
        let n = next_due(Status::Received, &due, d("2026-03-25")).unwrap();
        assert_eq!((n.label.as_str(), n.days_left), ("acknowledge", -5));
        let n = next_due(Status::Acknowledged, &due, d("2026-04-13")).unwrap();
        assert_eq!((n.label.as_str(), n.days_left), ("respond", 7));
        assert!(next_due(Status::Closed, &due, d("2026-04-13")).is_none());
    }

    #[test]
    fn receipt_date_is_local_to_the_company() {
        // 03:00 UTC on 7 March is still 6 March in New York.
        let at: DateTime<Utc> = "2026-03-07T03:00:00Z".parse().unwrap();
        assert_eq!(local_receipt_date(at, "America/New_York").unwrap(), d("2026-03-06"));
        assert!(local_receipt_date(at, "Mars/Base").is_err());
    }
}
