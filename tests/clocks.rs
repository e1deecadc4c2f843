//! The clock engine against dates worked out by hand from the rule text
//! (RULES.md, "How days are counted"). Each case's comment shows the working.
//! US federal holidays used: 2025: 25 Dec; 2026: 1 Jan, 19 Jan, 16 Feb, 25 May,
//! 19 Jun, 3 Jul (for Sat 4 Jul), 7 Sep, 12 Oct, 11 Nov, 26 Nov, 25 Dec;
//! 2027: 1 Jan, 24 Dec (for Sat 25 Dec), 31 Dec (for Sat 1 Jan 2028).
//! England and Wales 2026: 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec;
//! 2027: 1 Jan, 26 Mar, 29 Mar, 27 Dec, 28 Dec; 2028: 3 Jan.

use chrono::NaiveDate;
use rightsdesk::rules::{due_dates, ClockInput, DueDates, Pause, Regime, RequestKind};

type Case =
    (&'static str, &'static str, &'static str, &'static str, bool, &'static str, &'static str, &'static str);

/// (regime, received, kinds, pauses "FROM..TO,...", extended, closure day, field, expected or "-")
const CASES: &[Case] = &[
    // Fri 6 Mar: business days 9-13 Mar (5) and 16-20 Mar (10) -> Fri 20 Mar (RULES.md example)
    ("ccpa", "2026-03-06", "access", "", false, "", "acknowledge_by", "2026-03-20"),
    // Fri 20 Nov: 23,24,25 (3); Thu 26 Thanksgiving; 27 (4); 30 Nov-4 Dec (9); Mon 7 Dec (10)
    ("ccpa", "2026-11-20", "access", "", false, "", "acknowledge_by", "2026-12-07"),
    // Mon 21 Dec: 22,23,24 (3); 25 Christmas; 28-31 (7); 1 Jan New Year; 4,5,6 Jan (10)
    ("ccpa", "2026-12-21", "access", "", false, "", "acknowledge_by", "2027-01-06"),
    // Thu 18 Jun: Fri 19 Juneteenth; 22-26 (5); 29,30 Jun, 1,2 Jul (9); Fri 3 Jul observed Independence Day; Mon 6 Jul (10)
    ("ccpa", "2026-06-18", "deletion", "", false, "", "acknowledge_by", "2026-07-06"),
    // Wed 14 Jan: 15,16 (2); Mon 19 MLK Day; 20-23 (6); 26-29 (10)
    ("ccpa", "2026-01-14", "correction", "", false, "", "acknowledge_by", "2026-01-29"),
    // Fri 26 Dec 2025: 29,30,31 (3); 1 Jan holiday; 2 Jan (4); 5-9 Jan (9); Mon 12 Jan (10)
    ("ccpa", "2025-12-26", "access", "", false, "", "acknowledge_by", "2026-01-12"),
    // Fri 17 Dec 2027: 20-23 (4); Fri 24 observed Christmas (25th a Saturday); 27-30 (8); Fri 31 observed New Year 2028 (1 Jan a Saturday); Mon 3, Tue 4 Jan (10)
    ("ccpa", "2027-12-17", "access", "", false, "", "acknowledge_by", "2028-01-04"),
    // Sat 10 Oct: Mon 12 Columbus Day; 13-16 (4); 19-23 (9); Mon 26 (10)
    ("ccpa", "2026-10-10", "access", "", false, "", "acknowledge_by", "2026-10-26"),
    // 1 Jan + 45 days: 30 more in Jan -> 31 Jan, 15 into Feb -> Sun 15 Feb, not rolled (RULES.md example)
    ("ccpa", "2026-01-01", "access", "", false, "", "respond_by", "2026-02-15"),
    // 6 Mar + 45: 25 to 31 Mar, 20 into Apr -> 20 Apr
    ("ccpa", "2026-03-06", "access", "", false, "", "respond_by", "2026-04-20"),
    // 31 Dec + 45: 31 to 31 Jan, 14 into Feb -> 14 Feb 2027
    ("ccpa", "2026-12-31", "access", "", false, "", "respond_by", "2027-02-14"),
    // 15 Jan 2024 + 45: 16 to 31 Jan, 29 into Feb (leap year) -> 29 Feb 2024
    ("ccpa", "2024-01-15", "access", "", false, "", "respond_by", "2024-02-29"),
    // 20 Nov + 45: 10 to 30 Nov, 31 to 31 Dec, 4 into Jan -> 4 Jan 2027
    ("ccpa", "2026-11-20", "access", "", false, "", "respond_by", "2027-01-04"),
    // 6 Mar + 90: 25 (31 Mar) + 30 (30 Apr) + 31 (31 May) + 4 -> 4 Jun
    ("ccpa", "2026-03-06", "access", "", true, "", "extended_respond_by", "2026-06-04"),
    // the extension notice is due by the original respond-by date, 20 Apr
    ("ccpa", "2026-03-06", "access", "", true, "", "extension_notice_by", "2026-04-20"),
    // 1 Jan + 90: 30 (31 Jan) + 28 (28 Feb) + 31 (31 Mar) + 1 -> 1 Apr
    ("ccpa", "2026-01-01", "access", "", true, "", "extended_respond_by", "2026-04-01"),
    // opt-out of sale, 15 business days from Fri 6 Mar: 10 -> 20 Mar, then 23-27 Mar -> Fri 27 Mar
    ("ccpa", "2026-03-06", "opt_out_sale", "", false, "", "opt_out_effective_by", "2026-03-27"),
    // an opt-out is not a request to know/delete/correct: no acknowledgement clock
    ("ccpa", "2026-03-06", "opt_out_sale", "", false, "", "acknowledge_by", "-"),
    // 15 business days from Fri 20 Nov: 10 -> Mon 7 Dec (case above), then 8,9,10,11,14 Dec -> Mon 14 Dec
    ("ccpa", "2026-11-20", "opt_out_sale", "", false, "", "opt_out_effective_by", "2026-12-14"),
    // sharing opt-out (POLICY): 10 business days from Fri 6 Mar -> Fri 20 Mar
    ("ccpa", "2026-03-06", "opt_out_sharing", "", false, "", "opt_out_effective_by", "2026-03-20"),
    // GDPR calendar is weekends only: 31 Mar-3 Apr (4, Good Friday counts), 6-10 Apr (9), Mon 13 Apr (10)
    ("gdpr", "2026-03-30", "opt_out_sharing", "", false, "", "opt_out_effective_by", "2026-04-13"),
    // England and Wales: 31 Mar, 1, 2 Apr (3); Good Friday 3 Apr and Easter Monday 6 Apr skipped; 7-10 Apr (7); 13,14,15 Apr (10)
    ("uk", "2026-03-30", "opt_out_sharing", "", false, "", "opt_out_effective_by", "2026-04-15"),
    // both opt-outs: the earlier of 27 Mar (sale) and 20 Mar (sharing)
    (
        "ccpa",
        "2026-03-06",
        "opt_out_sale,opt_out_sharing",
        "",
        false,
        "",
        "opt_out_effective_by",
        "2026-03-20",
    ),
    // the policy regime follows the CCPA's 15 business days for a sale opt-out -> 27 Mar
    ("policy", "2026-03-06", "opt_out_sale", "", false, "", "opt_out_effective_by", "2026-03-27"),
    // 31 Jan + 1 month: no 31 Feb -> Sat 28 Feb -> rolled to Mon 2 Mar
    ("gdpr", "2026-01-31", "access", "", false, "", "respond_by", "2026-03-02"),
    // 6 Mar + 1 month -> Mon 6 Apr; Easter Monday is not a GDPR holiday
    ("gdpr", "2026-03-06", "access", "", false, "", "respond_by", "2026-04-06"),
    // 28 Feb + 1 month -> Sat 28 Mar -> Mon 30 Mar
    ("gdpr", "2026-02-28", "access", "", false, "", "respond_by", "2026-03-30"),
    // 31 Jan 2024 + 1 month -> Thu 29 Feb 2024 (leap year)
    ("gdpr", "2024-01-31", "access", "", false, "", "respond_by", "2024-02-29"),
    // 25 Dec + 1 month -> Mon 25 Jan 2027
    ("gdpr", "2026-12-25", "access", "", false, "", "respond_by", "2027-01-25"),
    // 31 Oct + 1 month: no 31 Nov -> Mon 30 Nov
    ("gdpr", "2026-10-31", "access", "", false, "", "respond_by", "2026-11-30"),
    // 31 Aug + 1 month: no 31 Sep -> Wed 30 Sep
    ("gdpr", "2026-08-31", "access", "", false, "", "respond_by", "2026-09-30"),
    // 6 Mar + 1 month -> Mon 6 Apr, a company closure day -> Tue 7 Apr
    ("gdpr", "2026-03-06", "access", "", false, "2026-04-06", "respond_by", "2026-04-07"),
    // GDPR has no acknowledgement deadline
    ("gdpr", "2026-03-06", "access", "", false, "", "acknowledge_by", "-"),
    // 31 Jan + 3 months -> Thu 30 Apr (no 31 Apr)
    ("gdpr", "2026-01-31", "access", "", true, "", "extended_respond_by", "2026-04-30"),
    // the extension must be notified within the first month: by Mon 2 Mar
    ("gdpr", "2026-01-31", "access", "", true, "", "extension_notice_by", "2026-03-02"),
    // 30 Nov 2025 + 3 months: no 30 Feb -> Sat 28 Feb 2026 -> Mon 2 Mar
    ("gdpr", "2025-11-30", "access", "", true, "", "extended_respond_by", "2026-03-02"),
    // 3 Mar + 1 month -> Fri 3 Apr, Good Friday -> weekend -> Mon 6 Apr Easter Monday -> Tue 7 Apr
    ("uk", "2026-03-03", "access", "", false, "", "respond_by", "2026-04-07"),
    // 28 Dec + 1 month -> Thu 28 Jan 2027
    ("uk", "2026-12-28", "access", "", false, "", "respond_by", "2027-01-28"),
    // 25 Nov + 1 month -> Fri 25 Dec -> weekend -> Mon 28 Dec (Boxing Day substitute) -> Tue 29 Dec
    ("uk", "2026-11-25", "access", "", false, "", "respond_by", "2026-12-29"),
    // Sat 27 Nov 2027 + 1 month -> Mon 27 Dec (Christmas substitute) -> Tue 28 (Boxing Day substitute) -> Wed 29 Dec
    ("uk", "2027-11-27", "access", "", false, "", "respond_by", "2027-12-29"),
    // 30 Apr + 1 month -> Sat 30 May -> Mon 1 Jun
    ("uk", "2026-04-30", "access", "", false, "", "respond_by", "2026-06-01"),
    // 31 Jul + 1 month -> Mon 31 Aug, summer bank holiday -> Tue 1 Sep
    ("uk", "2026-07-31", "access", "", false, "", "respond_by", "2026-09-01"),
    // 26 Feb 2027 + 1 month -> Fri 26 Mar, Good Friday -> weekend -> Mon 29 Mar Easter Monday -> Tue 30 Mar
    ("uk", "2027-02-26", "access", "", false, "", "respond_by", "2027-03-30"),
    // 1 Dec + 1 month -> Fri 1 Jan 2027, New Year's Day -> weekend -> Mon 4 Jan
    ("uk", "2026-12-01", "access", "", false, "", "respond_by", "2027-01-04"),
    // 1 Dec 2027 + 1 month -> Sat 1 Jan 2028 -> Mon 3 Jan is its substitute bank holiday -> Tue 4 Jan
    ("uk", "2027-12-01", "access", "", false, "", "respond_by", "2028-01-04"),
    // 6 Jan + 3 months -> Mon 6 Apr, Easter Monday -> Tue 7 Apr
    ("uk", "2026-01-06", "access", "", true, "", "extended_respond_by", "2026-04-07"),
    // 2 Mar + 1 month = Thu 2 Apr; paused 10-14 Mar (5 days) -> Tue 7 Apr, a working day
    ("uk", "2026-03-02", "access", "2026-03-10..2026-03-14", false, "", "respond_by", "2026-04-07"),
    // 5 Jan + 1 month = Thu 5 Feb; paused 20-29 Jan (10 days) -> Sun 15 Feb -> Mon 16 Feb
    ("uk", "2026-01-05", "access", "2026-01-20..2026-01-29", false, "", "respond_by", "2026-02-16"),
    // 6 Mar + 1 month = Mon 6 Apr; paused 9-10 Mar (2) and 20-22 Mar (3) -> Sat 11 Apr -> Mon 13 Apr
    (
        "gdpr",
        "2026-03-06",
        "access",
        "2026-03-09..2026-03-10,2026-03-20..2026-03-22",
        false,
        "",
        "respond_by",
        "2026-04-13",
    ),
    // a pause after the due date (10-12 Apr) does not move 6 Apr
    ("gdpr", "2026-03-06", "access", "2026-04-10..2026-04-12", false, "", "respond_by", "2026-04-06"),
    // 6 Jan + 3 months = Mon 6 Apr; paused 10-19 Jan (10 days) -> Thu 16 Apr
    ("uk", "2026-01-06", "access", "2026-01-10..2026-01-19", true, "", "extended_respond_by", "2026-04-16"),
    // 6 Jan + 1 month = Fri 6 Feb; + 10 paused days -> Mon 16 Feb, the last day to notify the extension
    ("uk", "2026-01-06", "access", "2026-01-10..2026-01-19", true, "", "extension_notice_by", "2026-02-16"),
    // 2 Mar + 1 month = Thu 2 Apr; paused 5 Mar (1 day) -> Fri 3 Apr Good Friday -> weekend -> Easter Monday -> Tue 7 Apr
    ("uk", "2026-03-02", "access", "2026-03-05..2026-03-05", false, "", "respond_by", "2026-04-07"),
    // Virginia appeal, 60 days: 25 (31 Mar) + 30 (30 Apr) + 5 -> 5 May
    ("us_va", "2026-03-06", "appeal", "", false, "", "appeal_respond_by", "2026-05-05"),
    // Colorado appeal, 45 days: 6 Mar + 45 -> 20 Apr
    ("us_co", "2026-03-06", "appeal", "", false, "", "appeal_respond_by", "2026-04-20"),
    // Connecticut appeal, 60 days: 16 (31 Dec) + 31 (31 Jan) + 13 -> 13 Feb 2027
    ("us_ct", "2026-12-15", "appeal", "", false, "", "appeal_respond_by", "2027-02-13"),
    // Oregon appeal, 45 days: 28 (28 Feb) + 17 -> 17 Mar
    ("us_or", "2026-01-31", "appeal", "", false, "", "appeal_respond_by", "2026-03-17"),
    // Utah has no appeal right
    ("us_ut", "2026-01-31", "appeal", "", false, "", "appeal_respond_by", "-"),
    // the CCPA has no appeal process
    ("ccpa", "2026-01-31", "appeal", "", false, "", "appeal_respond_by", "-"),
    // Texas, 45 days: 1 Feb + 27 -> 28 Feb, + 18 -> 18 Mar
    ("us_tx", "2026-02-01", "access", "", false, "", "respond_by", "2026-03-18"),
    // Texas extended, 90 days: 27 (28 Feb) + 31 (31 Mar) + 30 (30 Apr) + 2 -> 2 May
    ("us_tx", "2026-02-01", "access", "", true, "", "extended_respond_by", "2026-05-02"),
    // Texas appeal, 60 days: 27 (28 Feb) + 31 (31 Mar) + 2 -> 2 Apr
    ("us_tx", "2026-02-01", "appeal", "", false, "", "appeal_respond_by", "2026-04-02"),
    // Virginia, 45 days from 15 Feb 2024: 14 (29 Feb, leap year) + 31 -> 31 Mar 2024
    ("us_va", "2024-02-15", "access", "", false, "", "respond_by", "2024-03-31"),
    // the state laws other than California set no acknowledgement deadline
    ("us_va", "2026-03-06", "access", "", false, "", "acknowledge_by", "-"),
    // unplaced requests: acknowledged on the CCPA timetable -> 20 Mar
    ("policy", "2026-03-06", "access", "", false, "", "acknowledge_by", "2026-03-20"),
    // unplaced requests: the policy's 45 days -> 20 Apr
    ("policy", "2026-03-06", "access", "", false, "", "respond_by", "2026-04-20"),
    // a company closure on Mon 16 Mar: 9-13 (5), 17-20 (9), Mon 23 Mar (10)
    ("ccpa", "2026-03-06", "access", "", false, "2026-03-16", "acknowledge_by", "2026-03-23"),
];

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn field(due: &DueDates, name: &str) -> Option<NaiveDate> {
    match name {
        "acknowledge_by" => due.acknowledge_by,
        "respond_by" => Some(due.respond_by),
        "extended_respond_by" => due.extended_respond_by,
        "extension_notice_by" => due.extension_notice_by,
        "opt_out_effective_by" => due.opt_out_effective_by,
        "appeal_respond_by" => due.appeal_respond_by,
        other => panic!("unknown field {other}"),
    }
}

#[test]
fn every_case_matches_the_hand_worked_date() {
    assert!(CASES.len() >= 60);
    let mut wrong = Vec::new();
    for (i, (regime, received, kinds, pauses, extended, closure, name, want)) in CASES.iter().enumerate() {
        let regime: Regime = regime.parse().unwrap();
        let kinds: Vec<RequestKind> = kinds.split(',').map(|k| k.parse().unwrap()).collect();
        let pauses: Vec<Pause> = pauses
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (a, b) = p.split_once("..").unwrap();
                Pause { from: d(a), to: d(b) }
            })
            .collect();
        let closures: Vec<NaiveDate> = [closure].iter().filter(|c| !c.is_empty()).map(|c| d(c)).collect();
        let input = ClockInput {
            regime,
            received: d(received),
            kinds: &kinds,
            pauses: &pauses,
            extended: *extended,
            closures: &closures,
        };
        let due = due_dates(&input).unwrap_or_else(|e| panic!("case {i}: {e}"));
        let got = field(&due, name).map_or_else(|| "-".to_string(), |x| x.to_string());
        if got != *want {
            wrong.push(format!("case {i} ({regime} {received} {name}): want {want}, got {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn refused(regime: Regime, pauses: &[Pause]) -> String {
    let kinds = [RequestKind::Access];
    let input = ClockInput {
        regime,
        received: d("2026-03-06"),
        kinds: &kinds,
        pauses,
        extended: false,
        closures: &[],
    };
    due_dates(&input).unwrap_err().to_string()
}

#[test]
fn impossible_pauses_are_refused_with_the_reason() {
    let p = |a: &str, b: &str| Pause { from: d(a), to: d(b) };
    // The CCPA counts verification time: its clock never stops.
    assert!(refused(Regime::Ccpa, &[p("2026-03-10", "2026-03-12")]).contains("does not allow pausing"));
    assert!(refused(Regime::Uk, &[p("2026-03-12", "2026-03-10")]).contains("cannot end"));
    assert!(refused(Regime::Uk, &[p("2026-03-01", "2026-03-10")]).contains("before the request was received"));
    let overlap = refused(Regime::Gdpr, &[p("2026-03-10", "2026-03-15"), p("2026-03-14", "2026-03-20")]);
    assert!(overlap.contains("overlap"), "{overlap}");
    assert!("us-ny".parse::<Regime>().unwrap_err().to_string().contains("unknown regime"));
}

#[test]
fn a_late_friday_receipt_counts_from_friday_in_the_company_time_zone() {
    use chrono::{DateTime, Utc};
    use rightsdesk::rules::local_receipt_date;
    // 04:30 UTC on Saturday 7 March is 23:30 on Friday 6 March in New York (EST, UTC-5).
    let at: DateTime<Utc> = "2026-03-07T04:30:00Z".parse().unwrap();
    let received = local_receipt_date(at, "America/New_York").unwrap();
    assert_eq!(received, d("2026-03-06"));
    let kinds = [RequestKind::Access];
    let due = due_dates(&ClockInput::plain(Regime::Ccpa, received, &kinds)).unwrap();
    // As the first case: 10 business days from Fri 6 Mar -> Fri 20 Mar; 45 days -> 20 Apr.
    assert_eq!((due.acknowledge_by, due.respond_by), (Some(d("2026-03-20")), d("2026-04-20")));
    // The same instant is already Saturday in Berlin (05:30 CET): counting starts later.
    assert_eq!(local_receipt_date(at, "Europe/Berlin").unwrap(), d("2026-03-07"));
}
