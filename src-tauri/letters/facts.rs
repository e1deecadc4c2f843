//! Everything a letter template can print, already in the letter's language:
//! built by the desk from a request in the ledger, or from sample data.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

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
    fn english(regime: Regime) -> (&'static str, &'static str) {
        match regime {
            Regime::Ccpa => (
                "California Consumer Privacy Act (Cal. Civ. Code §1798.100 et seq.) and its regulations (11 CCR §7000 et seq.)",
                "California Privacy Protection Agency (cppa.ca.gov) or the Attorney General of California (oag.ca.gov)",
            ),
            Regime::Gdpr => (
                "General Data Protection Regulation (EU) 2016/679 (GDPR)",
                "data protection authority of the EU/EEA country where you live or work, or where you think the infringement took place (edpb.europa.eu lists them)",
            ),
            Regime::Uk => (
                "UK General Data Protection Regulation and Data Protection Act 2018",
                "Information Commissioner's Office (ico.org.uk/make-a-complaint, 0303 123 1113)",
            ),
            Regime::UsVa => ("Virginia Consumer Data Protection Act (Va. Code §59.1-575 et seq.)", "Attorney General of Virginia (oag.state.va.us)"),
            Regime::UsCo => ("Colorado Privacy Act (C.R.S. §6-1-1301 et seq.)", "Colorado Attorney General (coag.gov)"),
            Regime::UsCt => ("Connecticut Data Privacy Act (Conn. Gen. Stat. §42-515 et seq.)", "Connecticut Attorney General (portal.ct.gov/ag)"),
            Regime::UsTx => ("Texas Data Privacy and Security Act (Tex. Bus. & Com. Code ch. 541)", "Texas Attorney General (texasattorneygeneral.gov)"),
            Regime::UsOr => ("Oregon Consumer Privacy Act (ORS 646A.570 et seq.)", "Oregon Department of Justice (doj.state.or.us)"),
            Regime::UsUt => ("Utah Consumer Privacy Act (Utah Code §13-61-101 et seq.)", "Utah Division of Consumer Protection (consumerprotection.utah.gov)"),
            Regime::Policy => ("privacy policy", ""),
        }
    }

    pub fn new(regime: Regime, lang: Lang) -> RegimeFacts {
        let (law, authority) = match (regime, lang) {
            (Regime::Gdpr, Lang::Es) => (
                "Reglamento General de Protección de Datos (UE) 2016/679 (RGPD)",
                "la autoridad de protección de datos del país de la UE/EEE en el que usted vive o trabaja, o en el que considere que se ha producido la infracción (edpb.europa.eu las enumera)",
            ),
            (Regime::Gdpr, Lang::De) => (
                // German templates write "gemäß {{ regime.law }}": the article is in the dative.
                "der Datenschutz-Grundverordnung (EU) 2016/679 (DSGVO)",
                "die Datenschutzaufsichtsbehörde des EU/EWR-Staates, in dem Sie leben oder arbeiten oder in dem der Verstoß mutmaßlich stattfand (edpb.europa.eu führt sie auf)",
            ),
            (Regime::Gdpr, Lang::Fr) => (
                "règlement général sur la protection des données (UE) 2016/679 (RGPD)",
                "l'autorité de protection des données du pays de l'UE/EEE où vous vivez ou travaillez, ou de celui où la violation aurait eu lieu (edpb.europa.eu en donne la liste)",
            ),
            (Regime::Uk, Lang::Es) => (
                "RGPD del Reino Unido (UK GDPR) y Data Protection Act 2018",
                "Information Commissioner's Office (ico.org.uk/make-a-complaint, +44 303 123 1113)",
            ),
            (Regime::Uk, Lang::De) => (
                "der britischen Datenschutz-Grundverordnung (UK GDPR) und dem Data Protection Act 2018",
                "Information Commissioner's Office (ico.org.uk/make-a-complaint, +44 303 123 1113)",
            ),
            (Regime::Uk, Lang::Fr) => (
                "RGPD britannique (UK GDPR) et Data Protection Act 2018",
                "Information Commissioner's Office (ico.org.uk/make-a-complaint, +44 303 123 1113)",
            ),
            (Regime::Policy, Lang::Es) => ("política de privacidad", ""),
            (Regime::Ccpa, Lang::Es) => (
                "Ley de Privacidad del Consumidor de California (CCPA; Cal. Civ. Code §1798.100 y ss.) y su reglamento (11 CCR §7000 y ss.)",
                "Agencia de Protección de la Privacidad de California (cppa.ca.gov) o el Fiscal General de California (oag.ca.gov)",
            ),
            (Regime::UsVa, Lang::Es) => ("Ley de Protección de Datos del Consumidor de Virginia (Va. Code §59.1-575 y ss.)", "Fiscal General de Virginia (oag.state.va.us)"),
            (Regime::UsCo, Lang::Es) => ("Ley de Privacidad de Colorado (C.R.S. §6-1-1301 y ss.)", "Fiscal General de Colorado (coag.gov)"),
            (Regime::UsCt, Lang::Es) => ("Ley de Privacidad de Datos de Connecticut (Conn. Gen. Stat. §42-515 y ss.)", "Fiscal General de Connecticut (portal.ct.gov/ag)"),
            (Regime::UsTx, Lang::Es) => ("Ley de Privacidad y Seguridad de Datos de Texas (Tex. Bus. & Com. Code cap. 541)", "Fiscal General de Texas (texasattorneygeneral.gov)"),
            (Regime::UsOr, Lang::Es) => ("Ley de Privacidad del Consumidor de Oregón (ORS 646A.570 y ss.)", "Departamento de Justicia de Oregón (doj.state.or.us)"),
            (Regime::UsUt, Lang::Es) => ("Ley de Privacidad del Consumidor de Utah (Utah Code §13-61-101 y ss.)", "División de Protección del Consumidor de Utah (consumerprotection.utah.gov)"),
            _ => Self::english(regime),
        };
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

/// The appendix in the letter's language: the redaction markers (written in
/// English by the redaction step) are put in the language of the letter.
pub fn localized_markers(value: &str, lang: Lang) -> String {
    if lang == Lang::En || !value.contains('[') {
        return value.to_string();
    }
    let mut out = value.replace(RedactionType::ThirdPartyName.marker(), &third_party_marker(lang));
    for kind in RedactionType::ALL.into_iter().filter(|k| k.never_disclose()) {
        let shown = match lang {
            Lang::Es => format!("[no se muestra: se conserva {}]", withheld_phrase(kind, lang)),
            Lang::De => format!("[nicht angezeigt: gespeichert ist {}]", withheld_phrase(kind, lang)),
            _ => format!("[non affiché : nous détenons {}]", withheld_phrase(kind, lang)),
        };
        out = out.replace(kind.marker(), &shown);
    }
    out
}

fn third_party_marker(lang: Lang) -> String {
    match lang {
        Lang::En => RedactionType::ThirdPartyName.marker(),
        Lang::Es => "[omitido: tercero]",
        Lang::De => "[geschwärzt: Dritte]",
        Lang::Fr => "[masqué : tiers]",
    }
    .to_string()
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

/// Words for "two" etc. in the English template's "Two pieces of information".
pub fn count_word(n: u32) -> String {
    match n {
        1 => "One more",
        2 => "Two",
        _ => "Three",
    }
    .into()
}

/// What a never-disclose item is called in the sentence "We hold … about you".
pub fn withheld_phrase(kind: RedactionType, lang: Lang) -> String {
    use RedactionType::*;
    let s = match (lang, kind) {
        (Lang::En, Ssn) => "a Social Security number",
        (Lang::En, CardNumber) => "a payment card number",
        (Lang::En, DriversLicense) => "a driver's licence or other government identification number",
        (Lang::En, Password) => "an account password or security question and answer",
        (Lang::En, Iban) => "a financial account number",
        (Lang::Es, Ssn) => "un número de la Seguridad Social",
        (Lang::Es, CardNumber) => "un número de tarjeta de pago",
        (Lang::Es, DriversLicense) => "un número de permiso de conducir u otro documento oficial",
        (Lang::Es, Password) => "una contraseña de cuenta o una pregunta y respuesta de seguridad",
        (Lang::Es, Iban) => "un número de cuenta financiera",
        (Lang::De, Ssn) => "eine Sozialversicherungsnummer",
        (Lang::De, CardNumber) => "eine Zahlungskartennummer",
        (Lang::De, DriversLicense) => "eine Führerschein- oder andere amtliche Ausweisnummer",
        (Lang::De, Password) => "ein Kontopasswort oder eine Sicherheitsfrage mit Antwort",
        (Lang::De, Iban) => "eine Kontonummer",
        (Lang::Fr, Ssn) => "un numéro de sécurité sociale",
        (Lang::Fr, CardNumber) => "un numéro de carte de paiement",
        (Lang::Fr, DriversLicense) => "un numéro de permis de conduire ou d'une autre pièce officielle",
        (Lang::Fr, Password) => "un mot de passe de compte ou une question et réponse de sécurité",
        (Lang::Fr, Iban) => "un numéro de compte financier",
        _ => return String::new(),
    };
    s.into()
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

/// An amount as the language writes it: "USD 45.00", "45,00 EUR".
pub fn money(cents: u32, currency: &str, lang: Lang) -> String {
    let (whole, part) = (cents / 100, cents % 100);
    match lang {
        Lang::En => format!("{currency} {whole}.{part:02}"),
        _ => format!("{whole},{part:02} {currency}"),
    }
}

/// A country's name for a transfer sentence (the ISO code when not listed).
pub fn country_name(code: &str, lang: Lang) -> String {
    let names: &[(&str, [&str; 4])] = &[
        ("US", ["the United States", "Estados Unidos", "Vereinigte Staaten", "États-Unis"]),
        ("IL", ["Israel", "Israel", "Israel", "Israël"]),
        ("GB", ["the United Kingdom", "Reino Unido", "Vereinigtes Königreich", "Royaume-Uni"]),
        ("CA", ["Canada", "Canadá", "Kanada", "Canada"]),
        ("IN", ["India", "India", "Indien", "Inde"]),
        ("CH", ["Switzerland", "Suiza", "Schweiz", "Suisse"]),
        ("JP", ["Japan", "Japón", "Japan", "Japon"]),
    ];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    names
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(_, n)| n[i].to_string())
        .unwrap_or_else(|| code.trim().to_string())
}
