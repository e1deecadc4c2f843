//! Rule-based reading of what a message asks for and which law applies. Every
//! decision carries the words that led to it, so the officer can see why.

use crate::rules::{Regime, RequestKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub kinds: Vec<RequestKind>,
    pub regime: Regime,
    pub reasons: Vec<String>,
}

/// Phrases (lower case) that signal each kind, in English, Spanish, German and French.
const KIND_CUES: &[(RequestKind, &[&str])] = &[
    (
        RequestKind::OptOutSale,
        &[
            "do not sell",
            "don't sell",
            "opt out of the sale",
            "opt-out of the sale",
            "opt out of sale",
            "sale of my",
            "no vender",
            "ne pas vendre",
        ],
    ),
    (
        RequestKind::OptOutSharing,
        &["do not share", "don't share", "stop sharing", "not be shared", "affiliates"],
    ),
    (
        RequestKind::Unsubscribe,
        &[
            "unsubscribe",
            "mailing list",
            "stop emailing",
            "stop sending me",
            "abmelden",
            "désabonner",
            "darme de baja",
        ],
    ),
    (
        RequestKind::Deletion,
        &[
            "delete",
            "deletion",
            "erase",
            "erasure",
            "remove my",
            "forget me",
            "löschen",
            "löschung",
            "supprimer",
            "suppression",
            "effacement",
            "eliminar",
            "borrar",
            "supresión",
        ],
    ),
    (
        RequestKind::Correction,
        &["correct my", "correction", "rectif", "inaccurate", "berichtigung", "corregir"],
    ),
    (RequestKind::Portability, &["portab", "machine-readable", "datenübertragbarkeit"]),
    (RequestKind::Objection, &["object to", "objection", "widerspruch", "widerspreche", "opposition"]),
    (RequestKind::Appeal, &["appeal"]),
    (RequestKind::Complaint, &["complaint", "beschwerde", "plainte", "queja"]),
    (
        RequestKind::Access,
        &[
            "access",
            "copy of",
            "everything you hold",
            "what personal",
            "what data",
            "right to know",
            "auskunft",
            "acceso",
            "accès",
            "droit d'accès",
            "qué datos",
            "quels données",
        ],
    ),
];

/// Evidence for a regime, most specific first.
const REGIME_CUES: &[(Regime, &[&str])] = &[
    (Regime::Uk, &["uk gdpr", "united kingdom", "data protection act 2018", "england", "scotland", "wales"]),
    (
        Regime::Gdpr,
        &[
            "gdpr",
            "dsgvo",
            "rgpd",
            "art. 15",
            "article 15",
            "artikel 15",
            "deutschland",
            "germany",
            "france",
            "españa",
            "spain",
            "österreich",
            "italia",
            "nederland",
        ],
    ),
    (Regime::Ccpa, &["ccpa", "cpra", "california", "1798.", ", ca 9"]),
    (Regime::UsVa, &["virginia", "vcdpa"]),
    (Regime::UsCo, &["colorado"]),
    (Regime::UsCt, &["connecticut", "ctdpa"]),
    (Regime::UsTx, &["texas", "tdpsa"]),
    (Regime::UsOr, &["oregon"]),
    (Regime::UsUt, &["utah"]),
];

pub fn classify(subject: &str, body: &str) -> Classification {
    let text = format!("{subject}\n{body}").to_lowercase();
    let mut reasons = Vec::new();
    let mut kinds = Vec::new();
    for (kind, cues) in KIND_CUES {
        if let Some(cue) = cues.iter().find(|c| text.contains(*c)) {
            kinds.push(*kind);
            reasons.push(format!("{kind}: \"{cue}\""));
        }
    }
    if kinds.is_empty() {
        kinds.push(RequestKind::Access);
        reasons.push("access: no request words found, defaulted — check".into());
    }
    kinds.sort();
    let regime = REGIME_CUES
        .iter()
        .find_map(|(regime, cues)| cues.iter().find(|c| text.contains(*c)).map(|c| (*regime, *c)));
    let regime = match regime {
        Some((regime, cue)) => {
            reasons.push(format!("regime {regime}: \"{cue}\""));
            regime
        }
        None => {
            reasons.push("regime policy: no jurisdiction stated".into());
            Regime::Policy
        }
    };
    Classification { kinds, regime, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kinds_and_regime_with_reasons() {
        let c = classify("Request", "Under the CCPA please delete my data and do not sell it.");
        assert_eq!(c.kinds, vec![RequestKind::Deletion, RequestKind::OptOutSale]);
        assert_eq!(c.regime, Regime::Ccpa);
        assert!(c.reasons.iter().any(|r| r.contains("\"ccpa\"")));
        let c = classify("Auskunftsersuchen", "nach Art. 15 DSGVO bitte ich um Auskunft");
        assert_eq!((c.kinds, c.regime), (vec![RequestKind::Access], Regime::Gdpr));
    }
}
