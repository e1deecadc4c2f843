//! The words intake reads, in English, Spanish, German and French, folded to
//! lower-case ASCII (see [`fold`]). A cue ending in `*` matches a word start;
//! any other cue matches whole words only.

use crate::rules::RequestKind;

/// Lower case, accents removed, so "Löschung", "LOSCHUNG" and "loschung" meet.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => out.push('o'),
            'ú' | 'ù' | 'û' | 'ü' => out.push('u'),
            'ñ' => out.push('n'),
            'ç' => out.push('c'),
            'ß' => out.push_str("ss"),
            '’' | '‘' | '´' => out.push('\''),
            '«' | '»' | '“' | '”' => out.push('"'),
            '–' | '—' => out.push('-'),
            _ => out.push(c),
        }
    }
    out
}

/// Where `cue` stands in `text` as a whole word (or word start, for `x*`).
pub fn find(text: &str, cue: &str) -> Option<usize> {
    let (needle, prefix) = match cue.strip_suffix('*') {
        Some(n) => (n, true),
        None => (cue, false),
    };
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric();
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        let at = from + i;
        let end = at + needle.len();
        let starts = at == 0 || !word(bytes[at - 1]) || !word(needle.as_bytes()[0]);
        let ends =
            prefix || end >= bytes.len() || !word(bytes[end]) || !word(needle.as_bytes()[needle.len() - 1]);
        if starts && ends {
            return Some(at);
        }
        from = at + needle.len().max(1);
    }
    None
}

/// Opt-outs are matched first and blanked out, so that "do not sell" does not
/// also read as a negated sale or "no compartir" as a negated anything.
#[rustfmt::skip]
pub const OPT_OUT_SALE: &[&str] = &[
    "do not sell", "don't sell", "dont sell", "not to sell", "not sell my", "stop selling",
    "selling to stop", "selling my", "sell my", "you selling", "selling it", "selling them",
    "opt out of the sale", "opt-out of the sale", "opt out of sale", "opt out of any sale",
    "opt me out of any sale", "out of any sale", "sale of my", "personal data sold", "information sold",
    "data sold", "do not sell my personal information", "no vendan", "no vender", "que vendan",
    "dejen de vender", "venta de mis", "ne pas vendre", "ne vendez", "cesser de vendre", "cessez de vendre",
    "vente de mes", "opposition a la vente", "nicht verkauf*", "verkauf meiner", "keinen verkauf",
    "nicht mehr verkauf*", "nicht zu verkaufen",
];

#[rustfmt::skip]
pub const OPT_OUT_SHARING: &[&str] = &[
    "do not share", "don't share", "not be shared", "not to share", "stop sharing", "not share",
    "affiliates", "affiliated companies", "third-party providers", "third party providers", "filiales",
    "empresas afiliadas", "proveedores externos", "no compartir", "no se comparta", "no compartan",
    "ne pas partager", "ne les partagez", "societes affiliees", "prestataires tiers",
    "verbundene* unternehmen", "verbundenen unternehmen", "drittanbieter*", "nicht weitergegeben",
    "keine weitergabe",
];

/// (kind, cues, whether "not"/"no"/"nicht"/"ne" earlier in the clause cancels it)
#[rustfmt::skip]
pub const KIND_CUES: &[(RequestKind, &[&str], bool)] = &[
    (
        RequestKind::Appeal,
        &[
            "appeal*", "appealing", "reconsider your decision", "review the decision", "apelacion", "apelar",
            "recurso", "recurrir", "reconsideren", "einspruch", "widerspruch gegen ihre entscheidung",
            "recours", "faire appel", "contester votre decision",
        ],
        false,
    ),
    (
        RequestKind::Unsubscribe,
        &[
            "unsubscrib*", "mailing list", "newsletter", "marketing emails", "marketing e-mails",
            "promotional emails", "promo emails", "stop emailing", "stop sending", "stop getting",
            "stop receiving", "no longer receive", "off your list", "off that list",
            "remove me from your list", "remove me from your mailing", "darme de baja", "den de baja",
            "dar de baja", "la baja", "lista de correo", "boletin", "abmelden", "abbestell*", "desinscri*",
            "desabonn*", "liste de diffusion", "plus recevoir", "retirer de cette liste",
            "retirer de votre liste", "lettre d'information", "ne plus recevoir", "keine werbe*",
            "keine e-mails mehr",
        ],
        false,
    ),
    (
        RequestKind::Objection,
        &[
            "object to", "objection", "i object", "art. 21", "art 21", "article 21", "artikel 21",
            "articulo 21", "direct marketing", "widerspruch", "widerspreche", "me opongo", "oposicion",
            "je m'oppose", "opposition au", "opposition a la prospection", "prospection commerciale",
            "mercadotecnia directa", "direktwerbung", "profiling",
        ],
        false,
    ),
    (
        RequestKind::Portability,
        &[
            "portab*", "machine-readable", "machine readable", "a machine can read", "csv", "json",
            "structured format", "commonly used format", "art. 20", "art 20", "article 20", "artikel 20",
            "articulo 20", "ubertragbar*", "datenubertrag*", "export of my", "export my",
        ],
        true,
    ),
    (
        RequestKind::Correction,
        &[
            "correct my", "correct your", "correct the", "please correct", "correction", "rectif*",
            "inaccurate", "incorrect", "is wrong", "are wrong", "wrong title", "wrong job", "out of date",
            "outdated", "update my", "update the company", "update your records", "fix my", "fix the",
            "no longer at", "berichtig*", "falsch*", "korrigier*", "corregir", "corrijan", "corrigan",
            "rectificacion", "erronee*", "errone*", "corriger", "mettre a jour", "actualicen",
            "aktualisier*",
        ],
        true,
    ),
    (
        RequestKind::Deletion,
        &[
            "delete*", "deletion", "erase", "erasure", "remove my", "remove every", "remove all",
            "remove any", "remove it", "removed", "taken out", "take it out", "forget me",
            "right to be forgotten", "wipe", "purge", "gone from", "losch*", "entfern*", "supprim*",
            "suppression", "effac*", "elimin*", "borrar", "borren", "borre", "supresion", "suprim*",
            "cancelacion",
        ],
        true,
    ),
    (
        RequestKind::Access,
        &[
            "copy of my", "copy of the personal", "copy of all", "copy of everything", "copy of the data",
            "copy of any", "send me a copy", "a copy of what", "what personal", "tienen sobre mi",
            "tienen de mi", "uber mich gespeichert", "quels renseignements", "acceder a", "avoir acces",
            "what data", "what information", "what info", "which data", "which personal", "what do you have",
            "what you have", "what you hold", "know exactly what", "has on me", "whatever you hold",
            "everything you hold", "everything you have", "know what", "know where you got", "where you got",
            "right to know", "right of access", "subject access", "access request", "request access",
            "access to my", "access to the personal", "categories of", "let me know what", "auskunft*",
            "welche daten", "welche personenbezogenen", "kopie meiner", "acceso", "que datos",
            "que informacion", "copia de mis", "droit d'acces", "acces a mes", "acces aux donnees",
            "quelles donnees", "quelles informations", "copie des donnees", "copie de mes", "m'indiquer",
            "confirm whether", "de donde", "d'ou proviennent", "woher",
        ],
        true,
    ),
    (
        RequestKind::Complaint,
        &[
            "complaint", "complain", "supervisory authority", "attorney general", "ico", "cnil", "aepd",
            "beschwerde", "beschwer*", "aufsichtsbehord*", "reclamacion", "queja", "reclamation", "plainte",
            "formal complaint", "unacceptable", "mecontent", "inakzeptabel", "falta de respeto",
        ],
        false,
    ),
];

/// A clause is negated when one of these stands before the cue in it.
#[rustfmt::skip]
pub const NEGATIONS: &[&str] = &[
    "not", "don't", "dont", "doesn't", "didn't", "won't", "can't", "isn't", "aren't", "never", "no", "nicht",
    "kein*", "ne", "n'", "pas", "nunca", "sin", "ni",
];

/// Messages that ask for nothing.
#[rustfmt::skip]
pub const NOISE: &[&str] = &[
    "out of office", "out-of-office", "automatic reply", "auto-reply", "autoreply", "abwesenheit*",
    "fuera de la oficina", "respuesta automatica", "absent du bureau", "reponse automatique",
    "undeliverable", "delivery status notification", "mail delivery", "returned to sender",
    "could not be delivered", "pricing", "request a demo", "book a demo", "schedule a demo", "a demo",
    "invoice", "payment terms", "amount due", "webinar", "register now", "register (free)",
    "verify your account", "password expires", "password will expire", "avoid suspension", "unusual sign-in",
    "partnership opportunity", "you're invited",
];

/// Words of a person writing about themselves: a request, not a broadcast.
#[rustfmt::skip]
pub const FIRST_PERSON: &[&str] = &[
    "my", "me", "i", "i'm", "i am", "mine", "mis", "mi", "yo", "mes", "mon", "ma", "moi", "je", "j'",
    "meine", "meiner", "mich", "mir", "ich",
];

/// Access cues that only say how much: "delete everything you hold" is not a
/// request to see it. They count only in a clause that asks for no deletion.
#[rustfmt::skip]
pub const SCOPE_ONLY: &[&str] =
    &["everything you hold", "everything you have", "whatever you hold", "what you hold", "what you have"];
