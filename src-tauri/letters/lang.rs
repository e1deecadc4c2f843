//! The languages letters are written in, and the few words the code itself
//! supplies (dates, request kinds); everything else is in the templates.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::LetterError;
use crate::rules::{Regime, RequestKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    En,
    Es,
    De,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Es, Lang::De, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// English and Spanish for every regime; German and French for EU and UK requests.
    pub fn check_for(self, regime: Regime) -> Result<(), LetterError> {
        match (self, regime) {
            (Lang::De | Lang::Fr, r) if !matches!(r, Regime::Gdpr | Regime::Uk) => {
                Err(LetterError::DoesNotApply(format!(
                    "{} letters are written for EU and UK requests; this one is under {}",
                    self.name(),
                    r.rules().label
                )))
            }
            _ => Ok(()),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Spanish",
            Lang::De => "German",
            Lang::Fr => "French",
        }
    }

    /// A date written out the way the language writes it in a letter.
    pub fn long_date(self, d: NaiveDate) -> String {
        let m = d.month0() as usize;
        match self {
            Lang::En => format!("{} {} {}", d.day(), EN_MONTHS[m], d.year()),
            Lang::Es => format!("{} de {} de {}", d.day(), ES_MONTHS[m], d.year()),
            Lang::De => format!("{}. {} {}", d.day(), DE_MONTHS[m], d.year()),
            Lang::Fr => {
                let day = if d.day() == 1 { "1er".to_string() } else { d.day().to_string() };
                format!("{day} {} {}", FR_MONTHS[m], d.year())
            }
        }
    }

    /// How a letter names what was asked.
    pub fn kind(self, k: RequestKind) -> &'static str {
        use RequestKind::*;
        match (self, k) {
            (Lang::En, k) => k.describe(),
            (Lang::Es, Access) => "el acceso a sus datos personales",
            (Lang::Es, Deletion) => "la supresión de sus datos personales",
            (Lang::Es, Correction) => "la rectificación de sus datos personales",
            (Lang::Es, OptOutSale) => "la exclusión de la venta de sus datos personales",
            (Lang::Es, OptOutSharing) => {
                "que no compartamos sus datos personales con nuestras filiales y proveedores"
            }
            (Lang::Es, Unsubscribe) => "la baja de nuestras listas de correo",
            (Lang::Es, Portability) => "una copia portátil de sus datos personales",
            (Lang::Es, Objection) => "la oposición al tratamiento de sus datos personales",
            (Lang::Es, Appeal) => "la revisión de nuestra decisión anterior",
            (Lang::Es, Complaint) => "una reclamación sobre nuestro tratamiento de datos personales",
            (Lang::De, Access) => "Auskunft über Ihre personenbezogenen Daten",
            (Lang::De, Deletion) => "Löschung Ihrer personenbezogenen Daten",
            (Lang::De, Correction) => "Berichtigung Ihrer personenbezogenen Daten",
            (Lang::De, OptOutSale) => "Widerspruch gegen den Verkauf Ihrer personenbezogenen Daten",
            (Lang::De, OptOutSharing) => {
                "keine Weitergabe Ihrer Daten an verbundene Unternehmen und Dienstleister"
            }
            (Lang::De, Unsubscribe) => "Austragung aus unseren Verteilerlisten",
            (Lang::De, Portability) => "eine übertragbare Kopie Ihrer personenbezogenen Daten",
            (Lang::De, Objection) => "Widerspruch gegen die Verarbeitung Ihrer personenbezogenen Daten",
            (Lang::De, Appeal) => "Überprüfung unserer früheren Entscheidung",
            (Lang::De, Complaint) => "eine Beschwerde über unseren Umgang mit personenbezogenen Daten",
            (Lang::Fr, Access) => "l'accès à vos données personnelles",
            (Lang::Fr, Deletion) => "l'effacement de vos données personnelles",
            (Lang::Fr, Correction) => "la rectification de vos données personnelles",
            (Lang::Fr, OptOutSale) => "l'opposition à la vente de vos données personnelles",
            (Lang::Fr, OptOutSharing) => {
                "la fin du partage de vos données avec nos sociétés affiliées et prestataires"
            }
            (Lang::Fr, Unsubscribe) => "la désinscription de nos listes de diffusion",
            (Lang::Fr, Portability) => "une copie portable de vos données personnelles",
            (Lang::Fr, Objection) => "l'opposition au traitement de vos données personnelles",
            (Lang::Fr, Appeal) => "le réexamen de notre décision antérieure",
            (Lang::Fr, Complaint) => "une réclamation sur notre traitement des données personnelles",
        }
    }

    /// "a, b and c" in the language.
    pub fn join(self, parts: &[String]) -> String {
        let and = match self {
            Lang::En => "and",
            Lang::Es => "y",
            Lang::De => "und",
            Lang::Fr => "et",
        };
        match parts {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = LetterError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL.into_iter().find(|l| l.code() == s.trim().to_ascii_lowercase()).ok_or_else(|| {
            LetterError::DoesNotApply(format!("unknown letter language {s:?} (en, es, de or fr)"))
        })
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(Lang::En.long_date(d), "1 March 2026");
        assert_eq!(Lang::Es.long_date(d), "1 de marzo de 2026");
        assert_eq!(Lang::De.long_date(d), "1. März 2026");
        assert_eq!(Lang::Fr.long_date(d), "1er mars 2026");
        assert!(Lang::De.check_for(Regime::Ccpa).is_err());
        assert!(Lang::Fr.check_for(Regime::Uk).is_ok());
    }
}
