//! Due dates from a receipt date, one convention everywhere (RULES.md, "How days
//! are counted"). Dates are local calendar dates in the company's time zone.

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{is_business_day, Calendar, Regime, ResponsePeriod, RulesError, Status};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueDates {
    #[ts(type = "string | null")]
    pub acknowledge_by: Option<NaiveDate>,
    #[ts(type = "string")]
    pub respond_by: NaiveDate,
}

/// The next date that matters for an open request, and how far away it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NextDue {
    /// "acknowledge" or "respond".
    pub label: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Negative when overdue.
    pub days_left: i32,
}

/// The local date on which an instant falls in the company's time zone.
pub fn local_receipt_date(at: DateTime<Utc>, time_zone: &str) -> Result<NaiveDate, RulesError> {
    let tz: chrono_tz::Tz = time_zone
        .parse()
        .map_err(|_| RulesError::UnknownTimeZone(time_zone.to_string()))?;
    Ok(at.with_timezone(&tz).date_naive())
}

/// The Nth business day after `from` (counting starts the day after).
fn add_business_days(
    from: NaiveDate,
    n: u32,
    calendar: Calendar,
    closures: &[NaiveDate],
) -> NaiveDate {
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

pub fn due_dates(
    regime: Regime,
    received: NaiveDate,
    closures: &[NaiveDate],
) -> Result<DueDates, RulesError> {
    let rules = regime.rules();
    let acknowledge_by = rules
        .acknowledge_business_days
        .map(|n| add_business_days(received, n, rules.calendar, closures));
    let respond_by = match rules.respond {
        ResponsePeriod::CalendarDays(n) => received + Duration::days(i64::from(n)),
        ResponsePeriod::Months(n) => {
            // chrono clamps to the month's last day when the day does not exist.
            let same_day = received
                .checked_add_months(Months::new(n))
                .ok_or(RulesError::DateOutOfRange)?;
            roll_forward(same_day, rules.calendar, closures)
        }
    };
    Ok(DueDates {
        acknowledge_by,
        respond_by,
    })
}

/// What the officer must do next and by when; none once the request is answered.
pub fn next_due(status: Status, due: &DueDates, today: NaiveDate) -> Option<NextDue> {
    if !status.is_open() {
        return None;
    }
    let (label, date) = match (status, due.acknowledge_by) {
        (Status::Received, Some(ack)) if ack < due.respond_by => ("acknowledge", ack),
        _ => ("respond", due.respond_by),
    };
    Some(NextDue {
        label: label.to_string(),
        date,
        days_left: (date - today).num_days() as i32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn ccpa_examples_from_the_rules() {
        // Received Fri 6 Mar 2026: 10 business days -> Fri 20 Mar 2026 (RULES.md).
        let due = due_dates(Regime::Ccpa, d("2026-03-06"), &[]).unwrap();
        assert_eq!(due.acknowledge_by, Some(d("2026-03-20")));
        // 45 calendar days from 6 Mar: 25 left in March, 20 into April -> 20 Apr.
        assert_eq!(due.respond_by, d("2026-04-20"));
        // 1 Jan + 45 days = 15 Feb, not rolled off a Sunday (15 Feb 2026 is a Sunday).
        assert_eq!(
            due_dates(Regime::Ccpa, d("2026-01-01"), &[])
                .unwrap()
                .respond_by,
            d("2026-02-15")
        );
    }

    #[test]
    fn a_month_clamps_and_rolls_forward() {
        // 31 Jan 2026 -> 28 Feb 2026 (a Saturday) -> Monday 2 March.
        assert_eq!(
            due_dates(Regime::Gdpr, d("2026-01-31"), &[])
                .unwrap()
                .respond_by,
            d("2026-03-02")
        );
        // UK: received 3 Mar 2026 -> 3 Apr 2026 is Good Friday -> Tue 7 Apr (Easter Monday 6th).
        assert_eq!(
            due_dates(Regime::Uk, d("2026-03-03"), &[])
                .unwrap()
                .respond_by,
            d("2026-04-07")
        );
    }

    #[test]
    fn next_due_switches_from_acknowledge_to_respond() {
        let due = due_dates(Regime::Ccpa, d("2026-03-06"), &[]).unwrap();
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
        assert_eq!(
            local_receipt_date(at, "America/New_York").unwrap(),
            d("2026-03-06")
        );
        assert!(local_receipt_date(at, "Mars/Base").is_err());
    }
}
