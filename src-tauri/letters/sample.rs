//! Built-in sample data for `letter --sample`: a requester, the seeded data
//! map and a redacted specific-pieces appendix, with no ledger.

use chrono::NaiveDate;

use super::facts::{access_facts, needs, vendor_facts, Addressee, Company, FeeFacts, LetterFacts, Piece};
use super::{Lang, LetterError, LetterKind};
use crate::datamap::DataMap;
use crate::redact::RedactionType;
use crate::rules::{Regime, RequestKind};

/// What a sample letter can be varied by (the tests use these).
#[derive(Debug, Clone)]
pub struct SampleOptions {
    pub requester_name: String,
    /// How many specific-piece rows the appendix has (the sample repeats its rows).
    pub pieces: usize,
}

impl Default for SampleOptions {
    fn default() -> Self {
        SampleOptions { requester_name: "Margaret Okafor".into(), pieces: 14 }
    }
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 16).expect("valid date")
}

/// The appendix rows of the sample: the requester's own data, with a
/// colleague's name and a card number already redacted.
pub fn sample_pieces(n: usize) -> Vec<Piece> {
    let base = [
        ("crm_contacts.csv", "C-1042", "first_name", "Margaret"),
        ("crm_contacts.csv", "C-1042", "last_name", "Okafor"),
        ("crm_contacts.csv", "C-1042", "email", "m.okafor@brightlane.example"),
        ("crm_contacts.csv", "C-1042", "phone", "+1 415 555 0182"),
        ("crm_contacts.csv", "C-1042", "company", "Brightlane Analytics"),
        ("crm_contacts.csv", "C-1042", "title", "Director of Revenue Operations"),
        ("web_events.jsonl", "E-88120", "page", "/pricing"),
        ("web_events.jsonl", "E-88120", "ip", "198.51.100.24"),
        ("web_events.jsonl", "E-88121", "page", "/webinars/b2b-intent-2026"),
        ("notes.csv", "N-311", "note", "Call with Margaret and Devon Achebe (d.achebe@brightlane.example) about renewal; she asked for the pricing sheet."),
        ("notes.csv", "N-312", "note", "Card on file 4111 1111 1111 1111 for the renewal invoice."),
        ("enrichment.csv", "X-77", "seniority", "Director"),
        ("enrichment.csv", "X-77", "intent_score", "0.82"),
        ("enrichment.csv", "X-77", "fit_segment", "Mid-market SaaS"),
    ];
    (0..n)
        .map(|i| {
            let (source, record, field, value) = base[i % base.len()];
            let record =
                if i < base.len() { record.to_string() } else { format!("{record}-{}", i / base.len()) };
            Piece { source: source.into(), record, field: field.into(), value: redacted(value) }
        })
        .collect()
}

/// The sample's rows hold a colleague and a card number, as real notes do;
/// they are redacted the way the Redaction tab applies kept redactions.
fn redacted(value: &str) -> String {
    let kinds = [RedactionType::ThirdPartyName, RedactionType::CardNumber, RedactionType::ThirdPartyEmail];
    let spans: Vec<(usize, usize, RedactionType)> = SAMPLE_REDACTED
        .iter()
        .zip(kinds)
        .filter_map(|(text, kind)| value.find(text).map(|at| (at, at + text.len(), kind)))
        .collect();
    crate::redact::apply(value, &spans)
}

/// The values the sample's redactions removed: none may appear in a letter.
pub const SAMPLE_REDACTED: &[&str] = &["Devon Achebe", "4111 1111 1111 1111", "d.achebe@brightlane.example"];

/// Facts for a sample letter of any kind under any regime.
pub fn facts(
    kind: LetterKind,
    regime: Regime,
    lang: Lang,
    opts: &SampleOptions,
) -> Result<LetterFacts, LetterError> {
    lang.check_for(regime)?;
    let map = crate::datamap::seed();
    let received = NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date");
    let kinds: Vec<RequestKind> = match kind {
        LetterKind::Deletion | LetterKind::DeletionDenied | LetterKind::VendorNotice => {
            vec![RequestKind::Deletion]
        }
        LetterKind::Correction => vec![RequestKind::Correction],
        LetterKind::OptOutSale => vec![RequestKind::OptOutSale],
        LetterKind::OptOutSharing => vec![RequestKind::OptOutSharing],
        _ => vec![RequestKind::Access],
    };
    let company = Company {
        name: "Leadspace, Inc.".into(),
        address: vec!["122 Grand Street".into(), "New York, NY 10013, USA".into()],
        privacy_email: "compliance_privacy@leadspace.com".into(),
        officer: "Dana Whitfield".into(),
    };
    let requester = Addressee::new(
        &opts.requester_name,
        "m.okafor@brightlane.example",
        if matches!(regime, Regime::Gdpr | Regime::Uk) {
            ""
        } else {
            "Brightlane Analytics\n500 Howard Street\nSan Francisco, CA 94105"
        },
    );
    let mut f = LetterFacts::base(
        lang,
        kind.code(),
        today(),
        "2026-0042",
        company,
        requester,
        regime,
        &kinds,
        received,
    );
    f.data_map_version = 1;
    let due = crate::rules::due_dates(&crate::rules::ClockInput {
        extended: true,
        ..crate::rules::ClockInput::plain(regime, received, &kinds)
    })
    .map_err(|e| LetterError::DoesNotApply(e.to_string()))?;
    f.respond_by = lang.long_date(due.respond_by);
    f.extended_to = due.extended_respond_by.map(|d| lang.long_date(d)).unwrap_or_default();
    f.opt_out.effective_by = lang.long_date(due.opt_out_effective_by.unwrap_or(due.respond_by));
    let held: Vec<String> = map.categories.iter().map(|c| c.id.clone()).collect();
    fill(&mut f, kind, regime, lang, &map, &held, opts)?;
    Ok(f)
}

fn fill(
    f: &mut LetterFacts,
    kind: LetterKind,
    regime: Regime,
    lang: Lang,
    map: &DataMap,
    held: &[String],
    opts: &SampleOptions,
) -> Result<(), LetterError> {
    let received = NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date");
    let first = f.kinds.first().and_then(|k| k.parse().ok()).unwrap_or(RequestKind::Access);
    let level = crate::verify::kind_level(regime, first, false);
    f.verification.level = level.as_str().into();
    f.verification.points_needed = level.points_needed() as u32;
    f.verification.pause_allowed = regime.rules().pauses_allowed;
    match kind {
        LetterKind::VerificationRequest => {
            let kinds: Vec<RequestKind> = f.kinds.iter().filter_map(|k| k.parse().ok()).collect();
            let plan = crate::verify::plan(regime, &kinds, None, false);
            f.verification.needed = needs(&plan, &[], 1);
            f.verification.answer_by = lang.long_date(received + chrono::Days::new(30));
        }
        LetterKind::ExtensionNotice => {
            f.extension_reason =
                "the records are spread across several systems that must each be searched".into();
        }
        LetterKind::Access => {
            let pieces = sample_pieces(opts.pieces);
            let (access, tables) = access_facts(
                map,
                lang,
                held,
                &pieces,
                &[RedactionType::CardNumber],
                Some(NaiveDate::from_ymd_opt(2025, 3, 2).expect("valid date")),
            );
            f.access = access;
            f.tables = tables;
        }
        LetterKind::Deletion => {
            f.recipients_told = map
                .recipients_to_notify(RequestKind::Deletion, held)
                .iter()
                .map(|r| r.name.clone())
                .collect();
            f.reason = "records of the invoices we issued to your employer, which tax law requires us to keep for seven years".into();
        }
        LetterKind::DeletionDenied => {
            f.reason = "we could not find any personal information about you in our records".into();
        }
        LetterKind::Correction => {
            f.outcome = "corrected".into();
            f.reason = "job title".into();
        }
        LetterKind::OptOutSale | LetterKind::OptOutSharing => {
            let rk = if kind == LetterKind::OptOutSale {
                RequestKind::OptOutSale
            } else {
                RequestKind::OptOutSharing
            };
            f.recipients_told = map.recipients_to_notify(rk, held).iter().map(|r| r.name.clone()).collect();
        }
        LetterKind::Denial => {
            f.reason =
                "the request asks for information about another person, which we cannot disclose".into();
        }
        LetterKind::FeeEstimate => {
            f.fee = FeeFacts {
                amount: "USD 45.00".into(),
                reasons: "it repeats a request we answered in full four weeks ago".into(),
            };
        }
        LetterKind::AnsweredTwice => {
            f.earlier = vec!["2025-0311".into(), "2025-0907".into()];
        }
        LetterKind::UnableToVerify => {
            f.verification.reason = "the details you gave did not match the information we hold".into();
            f.verification.partly = true;
        }
        LetterKind::Abandoned => {
            f.verification.asked_on = lang.long_date(received + chrono::Days::new(3));
        }
        LetterKind::VendorNotice => {
            let r = map.recipients_to_notify(RequestKind::Deletion, held).first().map(|r| (*r).clone());
            if let Some(r) = r {
                vendor_facts(f, map, lang, &r, "deletion", held);
            }
        }
        LetterKind::Acknowledgement => {}
    }
    Ok(())
}
