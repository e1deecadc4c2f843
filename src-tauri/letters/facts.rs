//! Everything a letter template can print, already in the letter's language:
//! built by the desk from a request in the ledger, or from sample data.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::wording::{
    count_word, country_name, law_and_authority, localized_markers, third_party_marker, withheld_phrase,
};
use super::Lang;
use crate::datamap::{text_in, DataMap};
use crate::redact::RedactionType;
use crate::rules::{Regime, RequestKind};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Company {
    pub name: String,
    pub address: Vec<String>,
    pub privacy_email: String,
    pub officer: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Addressee {
    pub name: String,
    pub email: String,
    /// The name, or the email address when there is no name, then the postal lines.
    pub address_block: Vec<String>,
    pub addressee: String,
    pub by_post: bool,
}

impl Addressee {
    pub fn new(name: &str, email: &str, postal: &str) -> Addressee {
        let addressee = if name.trim().is_empty() { email.trim() } else { name.trim() }.to_string();
        let postal: Vec<String> =
            postal.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
        let by_post = !postal.is_empty();
        let mut address_block = vec![addressee.clone()];
        address_block.extend(postal);
        Addressee { name: name.trim().into(), email: email.trim().into(), address_block, addressee, by_post }
    }
}

/// The regime's law, authority and appeal, as the letters cite them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RegimeFacts {
    pub code: String,
    pub label: String,
    pub law: String,
    pub authority: String,
    pub appeal_days: Option<u32>,
    pub ccpa: bool,
    pub gdpr: bool,
    pub uk: bool,
    pub us_state: bool,
    pub policy: bool,
}

impl RegimeFacts {
    pub fn new(regime: Regime, lang: Lang) -> RegimeFacts {
        let (law, authority) = law_and_authority(regime, lang);
        let us_state = matches!(
            regime,
            Regime::UsVa | Regime::UsCo | Regime::UsCt | Regime::UsTx | Regime::UsOr | Regime::UsUt
        );
        RegimeFacts {
            code: regime.as_str().into(),
            label: regime.rules().label.into(),
            law: law.into(),
            authority: authority.into(),
            appeal_days: regime.rules().appeal_days,
            ccpa: regime == Regime::Ccpa,
            gdpr: regime == Regime::Gdpr,
            uk: regime == Regime::Uk,
            us_state,
            policy: regime == Regime::Policy,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Need {
    /// points, declaration, known_address, agent_permission, consumer_confirms, parental_authority
    pub what: String,
    pub count: u32,
    pub count_word: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct VerificationFacts {
    /// none, two_points, three_points_declaration, proportionate
    pub level: String,
    pub points_needed: u32,
    pub needed: Vec<Need>,
    pub answer_by: String,
    pub asked_on: String,
    pub pause_allowed: bool,
    pub reason: String,
    /// Verified only to the categories level (§7024(a)–(b)).
    pub partly: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FeeFacts {
    pub amount: String,
    pub reasons: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CategoryFacts {
    pub label: String,
    pub examples: String,
    pub retention: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ListEntry {
    pub category: String,
    pub recipients: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AccessFacts {
    pub since: String,
    pub categories: Vec<CategoryFacts>,
    pub sources: Vec<String>,
    pub purposes: Vec<String>,
    pub recipient_kinds: Vec<String>,
    pub sold: Vec<ListEntry>,
    pub disclosed: Vec<ListEntry>,
    pub third_countries: Vec<String>,
    pub safeguards: Vec<String>,
    pub automated: String,
    /// How many specific pieces the appendix lists.
    pub pieces: usize,
    /// A sentence each: "a Social Security number", … (never disclosed).
    pub withheld: Vec<String>,
    /// What a redaction reads as in the appendix, in the letter's language.
    pub redacted_marker: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct OptOutFacts {
    pub effective_by: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct VendorFacts {
    pub action: String,
    pub consumer_name: String,
    pub consumer_email: String,
    pub categories: Vec<String>,
}

/// One specific piece for the appendix.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub source: String,
    pub record: String,
    pub field: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct LetterFacts {
    pub lang: String,
    pub kind: String,
    pub date: String,
    pub reference: String,
    pub company: Company,
    pub requester: Addressee,
    pub regime: RegimeFacts,
    pub kinds: Vec<String>,
    pub asked_for: String,
    pub received: String,
    pub respond_by: String,
    pub extended_to: String,
    pub extension_reason: String,
    pub verification: VerificationFacts,
    pub fee: FeeFacts,
    pub earlier: Vec<String>,
    /// The officer's reason: a denial's basis, what a deletion kept, a correction's note.
    pub reason: String,
    /// For a correction: corrected or not_corrected.
    pub outcome: String,
    pub access: AccessFacts,
    pub opt_out: OptOutFacts,
    pub recipients_told: Vec<String>,
    pub vendor: VendorFacts,
    pub data_map_version: u32,
    /// Rows of the tables the templates place with `@table`.
    #[serde(skip)]
    pub tables: BTreeMap<String, Vec<Vec<String>>>,
    #[serde(skip)]
    pub date_value: Option<NaiveDate>,
}

impl LetterFacts {
    /// The parts every letter has.
    #[allow(clippy::too_many_arguments)]
    pub fn base(
        lang: Lang,
        kind: &str,
        today: NaiveDate,
        reference: &str,
        company: Company,
        requester: Addressee,
        regime: Regime,
        kinds: &[RequestKind],
        received: NaiveDate,
    ) -> LetterFacts {
        let asked: Vec<String> = kinds.iter().map(|k| lang.kind(*k).to_string()).collect();
        LetterFacts {
            lang: lang.code().into(),
            kind: kind.into(),
            date: lang.long_date(today),
            reference: reference.into(),
            company,
            requester,
            regime: RegimeFacts::new(regime, lang),
            kinds: kinds.iter().map(|k| k.as_str().to_string()).collect(),
            asked_for: lang.join(&asked),
            received: lang.long_date(received),
            date_value: Some(today),
            ..LetterFacts::default()
        }
    }
}

/// The access disclosure's part: categories held, their sources and purposes,
/// the two lists (sold; disclosed for a business purpose) with the recipients'
/// categories, transfers, and the pieces appendix.
pub fn access_facts(
    map: &DataMap,
    lang: Lang,
    held: &[String],
    pieces: &[Piece],
    withheld: &[RedactionType],
    since: Option<NaiveDate>,
) -> (AccessFacts, BTreeMap<String, Vec<Vec<String>>>) {
    let l = lang.code();
    let cats: Vec<_> = map.categories.iter().filter(|c| held.contains(&c.id)).collect();
    let mut sources: Vec<String> = Vec::new();
    let mut purposes: Vec<String> = Vec::new();
    for c in &cats {
        for s in &c.sources {
            let label = DataMap::label(&map.sources, s, l).to_string();
            if !sources.contains(&label) {
                sources.push(label);
            }
        }
        for p in &c.purposes {
            let label = DataMap::label(&map.purposes, p, l).to_string();
            if !purposes.contains(&label) {
                purposes.push(label);
            }
        }
    }
    let recipients: Vec<_> = map
        .recipients
        .iter()
        .filter(|r| r.disclosed.iter().chain(&r.sold).any(|c| held.contains(c)))
        .collect();
    let mut recipient_kinds: Vec<String> = Vec::new();
    for r in &recipients {
        let label = DataMap::label(&map.recipient_kinds, &r.kind, l).to_string();
        if !recipient_kinds.contains(&label) {
            recipient_kinds.push(label);
        }
    }
    let list = |sold: bool| -> Vec<ListEntry> {
        cats.iter()
            .filter_map(|c| {
                let mut kinds: Vec<String> = Vec::new();
                for r in &recipients {
                    let gets = if sold { &r.sold } else { &r.disclosed };
                    let label = DataMap::label(&map.recipient_kinds, &r.kind, l).to_string();
                    if gets.contains(&c.id) && !kinds.contains(&label) {
                        kinds.push(label);
                    }
                }
                (!kinds.is_empty()).then(|| ListEntry {
                    category: text_in(&c.label, l).into(),
                    recipients: kinds.join("; "),
                })
            })
            .collect()
    };
    let (sold, disclosed) = (list(true), list(false));
    let mut third_countries: Vec<String> = Vec::new();
    let mut safeguards: Vec<String> = Vec::new();
    // A transfer is a recipient with a safeguard named for it.
    for r in recipients.iter().filter(|r| !r.safeguard.is_empty()) {
        let country = country_name(&r.country, lang);
        if !third_countries.contains(&country) {
            third_countries.push(country);
        }
        let s = DataMap::label(&map.safeguards, &r.safeguard, l).to_string();
        if !s.is_empty() && !safeguards.contains(&s) {
            safeguards.push(s);
        }
    }
    let mut tables = BTreeMap::new();
    tables.insert(
        "categories".into(),
        cats.iter()
            .map(|c| {
                vec![
                    text_in(&c.label, l).into(),
                    text_in(&c.examples, l).into(),
                    text_in(&c.retention, l).into(),
                ]
            })
            .collect(),
    );
    let pairs = |v: &[ListEntry]| v.iter().map(|e| vec![e.category.clone(), e.recipients.clone()]).collect();
    tables.insert("sold".into(), pairs(&sold));
    tables.insert("disclosed".into(), pairs(&disclosed));
    tables.insert(
        "recipients".into(),
        recipients
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    DataMap::label(&map.recipient_kinds, &r.kind, l)
                        .split(" (")
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    r.country.clone(),
                    DataMap::label(&map.safeguards, &r.safeguard, l)
                        .split(" (")
                        .next()
                        .unwrap_or("")
                        .to_string(),
                ]
            })
            .collect(),
    );
    tables.insert(
        "pieces".into(),
        pieces
            .iter()
            .map(|p| {
                vec![p.source.clone(), p.record.clone(), p.field.clone(), localized_markers(&p.value, lang)]
            })
            .collect(),
    );
    let facts = AccessFacts {
        since: since.map(|d| lang.long_date(d)).unwrap_or_default(),
        categories: cats
            .iter()
            .map(|c| CategoryFacts {
                label: text_in(&c.label, l).into(),
                examples: text_in(&c.examples, l).into(),
                retention: text_in(&c.retention, l).into(),
            })
            .collect(),
        sources,
        purposes,
        recipient_kinds,
        sold,
        disclosed,
        third_countries,
        safeguards,
        automated: text_in(&map.automated_decisions, l).into(),
        pieces: pieces.len(),
        withheld: withheld.iter().map(|k| withheld_phrase(*k, lang)).filter(|s| !s.is_empty()).collect(),
        redacted_marker: third_party_marker(lang),
    };
    (facts, tables)
}

/// What the verification letter must still ask for: exactly what the plan lacks.
pub fn needs(plan: &crate::verify::Plan, done: &[crate::verify::StepId], counted: u32) -> Vec<Need> {
    let mut out = Vec::new();
    let is_done = |s: crate::verify::StepId| done.contains(&s);
    for &s in &plan.steps {
        let what = match s {
            crate::verify::StepId::Points => {
                let missing = (plan.level.points_needed() as u32).saturating_sub(counted);
                if missing > 0 {
                    out.push(Need { what: "points".into(), count: missing, count_word: count_word(missing) });
                }
                continue;
            }
            crate::verify::StepId::Declaration if !is_done(s) => "declaration",
            crate::verify::StepId::KnownAddress
                if !is_done(s) && !is_done(crate::verify::StepId::DoubtResolved) =>
            {
                "known_address"
            }
            crate::verify::StepId::AgentPermission
                if !is_done(s) && !is_done(crate::verify::StepId::PowerOfAttorney) =>
            {
                "agent_permission"
            }
            crate::verify::StepId::ConsumerConfirms
                if !is_done(s) && !is_done(crate::verify::StepId::PowerOfAttorney) =>
            {
                "consumer_confirms"
            }
            crate::verify::StepId::ParentalAuthority if !is_done(s) => "parental_authority",
            _ => continue,
        };
        out.push(Need { what: what.into(), ..Need::default() });
    }
    out
}

/// Turn a letter's facts into a notice to one recipient: the recipient is the
/// addressee, the consumer is named in the body.
pub fn vendor_facts(
    f: &mut LetterFacts,
    map: &DataMap,
    lang: Lang,
    r: &crate::datamap::Recipient,
    action: &str,
    held: &[String],
) {
    let consumer = std::mem::replace(&mut f.requester, Addressee::new(&r.name, "", &r.contact));
    f.vendor = VendorFacts {
        action: action.into(),
        consumer_name: consumer.name.clone(),
        consumer_email: consumer.email.clone(),
        categories: r
            .disclosed
            .iter()
            .chain(&r.sold)
            .filter(|c| held.is_empty() || held.contains(c))
            .filter_map(|c| map.category(c))
            .map(|c| text_in(&c.label, lang.code()).to_string())
            .collect(),
    };
}
