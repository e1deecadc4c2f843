//! The words the program supplies to letters in each language: law and
//! authority names, never-disclose items, redaction markers, amounts and
//! countries. The letters' own wording is in the templates.

use super::Lang;
use crate::redact::RedactionType;
use crate::rules::Regime;

/// The regime's law and complaint authority, as a letter in `lang` cites them.
pub fn law_and_authority(regime: Regime, lang: Lang) -> (&'static str, &'static str) {
    match (regime, lang) {
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
        _ => english(regime),
    }
}

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

pub fn third_party_marker(lang: Lang) -> String {
    match lang {
        Lang::En => RedactionType::ThirdPartyName.marker(),
        Lang::Es => "[omitido: tercero]",
        Lang::De => "[geschwärzt: Dritte]",
        Lang::Fr => "[masqué : tiers]",
    }
    .to_string()
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
