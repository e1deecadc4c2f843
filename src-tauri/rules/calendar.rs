//! Which days count as business days, per regime.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// Weekends and US federal holidays (5 U.S.C. §6103), with observed days.
    UsFederal,
    /// Weekends and England and Wales bank holidays.
    EnglandWales,
    /// Weekends and the company's own closure days only (GDPR).
    CompanyOnly,
}

/// A business day: not a weekend, not a holiday of `calendar`, not a company closure.
pub fn is_business_day(calendar: Calendar, day: NaiveDate, closures: &[NaiveDate]) -> bool {
    if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || closures.contains(&day) {
        return false;
    }
    match calendar {
        Calendar::UsFederal => !is_us_federal_holiday(day),
        Calendar::EnglandWales => !is_england_wales_bank_holiday(day),
        Calendar::CompanyOnly => true,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // Only called with fixed, valid month/day pairs.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u8) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(y, m, wd, n).unwrap_or(NaiveDate::MIN)
}

fn last_weekday(y: i32, m: u32, wd: Weekday) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(y, m, wd, 5).unwrap_or_else(|| nth_weekday(y, m, wd, 4))
}

/// A fixed-date federal holiday on Saturday is observed the Friday before, on
/// Sunday the Monday after.
fn us_observed(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => d - Duration::days(1),
        Weekday::Sun => d + Duration::days(1),
        _ => d,
    }
}

fn us_federal_holidays(y: i32) -> [NaiveDate; 11] {
    [
        us_observed(date(y, 1, 1)),
        nth_weekday(y, 1, Weekday::Mon, 3),
        nth_weekday(y, 2, Weekday::Mon, 3),
        last_weekday(y, 5, Weekday::Mon),
        us_observed(date(y, 6, 19)),
        us_observed(date(y, 7, 4)),
        nth_weekday(y, 9, Weekday::Mon, 1),
        nth_weekday(y, 10, Weekday::Mon, 2),
        us_observed(date(y, 11, 11)),
        nth_weekday(y, 11, Weekday::Thu, 4),
        us_observed(date(y, 12, 25)),
    ]
}

pub fn is_us_federal_holiday(d: NaiveDate) -> bool {
    // New Year's Day on a Saturday is observed on 31 December of the year before.
    us_federal_holidays(d.year()).contains(&d) || us_observed(date(d.year() + 1, 1, 1)) == d
}

/// Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher).
pub fn easter_sunday(y: i32) -> NaiveDate {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(y, month as u32, day as u32)
}

fn england_wales_bank_holidays(y: i32) -> Vec<NaiveDate> {
    let easter = easter_sunday(y);
    let new_year = date(y, 1, 1);
    let new_year = match new_year.weekday() {
        Weekday::Sat => new_year + Duration::days(2),
        Weekday::Sun => new_year + Duration::days(1),
        _ => new_year,
    };
    // Christmas and Boxing Day: a day falling on a weekend is replaced by the
    // next weekday not already a holiday.
    let (christmas, boxing) = match date(y, 12, 25).weekday() {
        Weekday::Fri => (date(y, 12, 25), date(y, 12, 28)),
        Weekday::Sat => (date(y, 12, 27), date(y, 12, 28)),
        Weekday::Sun => (date(y, 12, 27), date(y, 12, 26)),
        _ => (date(y, 12, 25), date(y, 12, 26)),
    };
    vec![
        new_year,
        easter - Duration::days(2),
        easter + Duration::days(1),
        nth_weekday(y, 5, Weekday::Mon, 1),
        last_weekday(y, 5, Weekday::Mon),
        last_weekday(y, 8, Weekday::Mon),
        christmas,
        boxing,
    ]
}

pub fn is_england_wales_bank_holiday(d: NaiveDate) -> bool {
    england_wales_bank_holidays(d.year()).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn us_holidays_follow_the_statute() {
        // 2026: 1 Jan Thu, MLK 19 Jan, Presidents 16 Feb, Memorial 25 May,
        // Juneteenth Fri 19 Jun, 4 July is a Saturday -> observed Fri 3 July,
        // Labor 7 Sep, Columbus 12 Oct, Veterans Wed 11 Nov, Thanksgiving 26 Nov,
        // Christmas Fri 25 Dec.
        for h in [
            "2026-01-01",
            "2026-01-19",
            "2026-02-16",
            "2026-05-25",
            "2026-06-19",
            "2026-07-03",
            "2026-09-07",
            "2026-10-12",
            "2026-11-11",
            "2026-11-26",
            "2026-12-25",
        ] {
            assert!(is_us_federal_holiday(d(h)), "{h}");
        }
        assert!(!is_us_federal_holiday(d("2026-07-04")));
        // 1 Jan 2028 is a Saturday: observed on Friday 31 Dec 2027.
        assert!(is_us_federal_holiday(d("2027-12-31")));
    }

    #[test]
    fn easter_and_uk_bank_holidays() {
        assert_eq!(easter_sunday(2026), d("2026-04-05"));
        assert_eq!(easter_sunday(2027), d("2027-03-28"));
        assert!(is_england_wales_bank_holiday(d("2026-04-03"))); // Good Friday
        assert!(is_england_wales_bank_holiday(d("2026-04-06"))); // Easter Monday
        assert!(is_england_wales_bank_holiday(d("2026-12-28"))); // Boxing Day (Sat) substitute
        assert!(is_england_wales_bank_holiday(d("2027-12-27"))); // Christmas (Sat) substitute
        assert!(is_england_wales_bank_holiday(d("2027-12-28"))); // Boxing Day (Sun) substitute
    }
}
