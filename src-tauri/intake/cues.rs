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
    "selling to stop", "opt out of the sale", "opt-out of the sale", "opt out of sale",
    "opt out of any sale", "opt me out of any sale", "out of any sale", "do not sell my personal information",
    "no vendan", "no vender", "dejen de vender", "ne pas vendre", "ne vendez", "cesser de vendre",
    "cessez de vendre", "opposition a la vente", "nicht verkauf*", "keinen verkauf", "nicht mehr verkauf*",
    "nicht zu verkaufen",
];

/// Words that describe a sale rather than ask for it to stop: "I don't want you
/// selling my data" asks, "the purposes for selling my data" only names an
/// element of a right-to-know answer. They count in a clause with none of
/// [`ASKS_ABOUT`].
#[rustfmt::skip]
pub const SALE_DESCRIBED: &[&str] = &[
    "selling my", "sell my", "you selling", "sale of my", "personal data sold", "information sold",
    "data sold", "que vendan", "venta de mis", "vente de mes", "verkauf meiner",
];

/// Words of a question about the data, in whose clause a described sale or
/// profiling is something to be told about, not something to stop.
#[rustfmt::skip]
pub const ASKS_ABOUT: &[&str] = &[
    "whether", "purpose*", "categor*", "to whom", "which", "what", "who", "if you", "tell me", "disclose",
    "si", "a quien", "finalidad*", "ob", "welche*", "zweck*", "quel*", "finalite*", "a qui",
];

#[rustfmt::skip]
pub const OPT_OUT_SHARING: &[&str] = &[
    "do not share", "don't share", "not be shared", "not to share", "stop sharing", "not share",
    "or share my", "or share their", "or sharing of my", "or sharing my", "or sharing of their",
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
            "recours", "faire appel", "contester votre decision", "apelo", "apelamos", "fais appel",
            "conteste votre decision", "je conteste",
        ],
        false,
    ),
    (
        RequestKind::Unsubscribe,
        &[
            "unsubscrib*", "mailing list*", "newsletter", "marketing emails", "marketing e-mails",
            "promotional emails", "promo emails", "stop emailing", "stop sending", "stop getting",
            "stop receiving", "no longer receive", "off your list", "off that list", "off this list",
            "remove me from your list", "remove me from your mailing", "from this list", "from your list*",
            "from all your list*", "from the list", "take me off", "stop contacting", "stop spamming",
            "stop mailing", "do not contact me", "don't contact me", "do not email me", "don't email me",
            "no more emails", "stop the emails", "darme de baja", "den de baja", "dar de baja", "la baja",
            "lista de correo", "boletin", "dejen de enviar*", "dejar de recibir", "no quiero recibir",
            "no me envien", "no me manden", "de sus listas", "de su lista", "abmelden", "abbestell*",
            "nicht mehr anschreiben", "nicht mehr kontaktier*", "keine mails mehr", "keine newsletter",
            "aus ihrem verteiler", "aus dem verteiler", "desinscri*", "desabonn*", "liste de diffusion",
            "plus recevoir", "retirer de cette liste", "retirer de votre liste", "lettre d'information",
            "ne plus recevoir", "arretez de m'envoyer", "cessez de m'envoyer", "ne m'envoyez plus",
            "ne plus m'envoyer", "de vos listes", "keine werbe*", "keine e-mails mehr",
        ],
        false,
    ),
    (
        RequestKind::Objection,
        &[
            "object to", "objection", "i object", "art. 21", "art 21", "article 21", "artikel 21",
            "articulo 21", "direct marketing", "widerspruch", "widerspreche", "me opongo", "oposicion",
            "je m'oppose", "opposition au", "opposition a la prospection", "prospection commerciale",
            "mercadotecnia directa", "direktwerbung", "stop profiling", "opt out of profiling",
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
            "no longer at", "berichtig*", "falsch*", "korrigier*", "corregir", "corrijan", "corrigan", "corrig*",
            "ya no trabajo", "arbeite nicht mehr", "ne travaille plus",
            "rectificacion", "erronee*", "errone*", "corriger", "mettre a jour", "actualicen",
            "aktualisier*",
        ],
        true,
    ),
    (
        RequestKind::Deletion,
        &[
            "delete*", "deletion", "erase", "erasure", "remove my", "remove every", "remove all",
            "remove any", "remove it", "removed", "remove me from your database", "remove me from your system*",
            "remove me from your records", "remove me completely", "taken out", "take it out", "forget me",
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
            "everything you hold", "everything you have", "know what", "know which", "which datas",
            "what datas", "whatever you've got", "what you've got", "everything you've got", "know where you got", "where you got",
            "right to know", "request to know", "derecho a saber", "solicitud de acceso", "right of access", "subject access", "access request", "request access",
            "access to my", "access to the personal", "categories of", "let me know what", "auskunft*",
            "welche daten", "welche personenbezogenen", "kopie meiner", "acceso", "que datos",
            "que informacion", "copia de mis", "droit d'acces", "acces a mes", "acces aux donnees",
            "quelles donnees", "quelles informations", "copie des donnees", "copie de mes", "m'indiquer",
            "confirm whether", "confirmation of whether", "confirmation whether", "confirmer si",
            "en communiquer une copie", "communiquer une copie", "confirmen si", "confirmar si",
            "ob sie personenbezogene", "ob sie daten", "de donde", "d'ou proviennent", "woher",
        ],
        true,
    ),
    (
        RequestKind::Complaint,
        &[
            "complaint", "complain", "beschwerde", "beschwer*", "reclamacion", "queja", "reclamation", "plainte",
            "formal complaint", "unacceptable", "mecontent", "inakzeptabel", "falta de respeto", "inacceptable",
            "inaceptable", "were ignored", "was ignored", "been ignored", "explain why my",
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
    "partnership opportunity", "you're invited", "sub-processor*", "subprocessor*",
    "data processing addendum", "no action is required", "service notice", "we are writing to inform you",
    "changes to our terms", "updated our privacy policy", "in this issue", "webinaire", "seminario web",
    "je m'inscris", "inscrivez-vous", "wird gesperrt", "bestatigung erforderlich", "verifizieren sie ihr",
    "sera suspendu", "sera desactive", "sera bloqueada", "verifique su cuenta", "verifiez votre compte",
    "can't log in", "cannot log in", "can't login", "password reset", "reset my password", "forgot password",
    "support ticket",
];

/// What only a mass mailing says of itself: set aside whatever else it holds.
#[rustfmt::skip]
pub const BROADCAST: &[&str] = &[
    "you're receiving this", "you are receiving this", "you received this email because",
    "view this email in your browser", "view in browser", "manage your preferences",
    "update your preferences", "to stop receiving these emails", "vous recevez ce message",
    "vous recevez cet e-mail", "vous recevez cet email", "recibe este correo porque", "recibes este correo",
    "sie erhalten diese e-mail", "sie erhalten diese nachricht", "sie erhalten diesen newsletter",
    "to stop receiving these", "reply remove", "reply with remove", "today only", "limited time offer",
    "% off",
];

/// A journalist's questions: set aside unless about the writer's own data.
#[rustfmt::skip]
pub const PRESS: &[&str] = &[
    "reporter", "journalist*", "media inquiry", "media enquiry", "press inquiry", "press enquiry",
    "on the record", "for a story", "for an article", "my deadline", "periodista", "journaliste",
    "redakteur*", "presseanfrage",
];

/// A sales enquiry: set aside unless it is about the writer's own data.
#[rustfmt::skip]
pub const SALES: &[&str] = &[
    "pricing", "a demo", "free trial", "a quote", "how many records", "data provider*", "our sales team",
    "your sales team", "partnership opportunity", "presupuesto", "preise", "angebot", "tarifs", "devis",
    "una demo", "demostracion", "eine demo", "une demo", "une demonstration", "questionnaire",
    "vendor assessment", "security assessment", "soc 2", "due diligence", "third-party risk", "rfp",
    "evaluating", "evaluando", "evaluer",
];

/// Words about the writer's own personal data.
#[rustfmt::skip]
pub const PERSONAL: &[&str] = &[
    "my data", "my personal", "my info*", "my details", "my contact", "my name", "my email", "my e-mail",
    "my profile", "my record*", "my phone", "about me", "on me", "me concern*", "personal data",
    "personal information", "personal info", "mis datos", "datos personales", "sobre mi", "meine daten",
    "meiner daten", "personenbezogen*", "uber mich", "mes donnees", "donnees personnelles", "me concernant",
];

/// A word of thanks: with nothing asked, a reply that only says thank you.
#[rustfmt::skip]
pub const THANKS: &[&str] = &["thank you", "thanks", "gracias", "danke", "vielen dank", "merci"];

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

/// Deletion cues that only say "take it out": next to a mailing list they ask
/// to be taken off the list, not for the data to be erased.
#[rustfmt::skip]
pub const REMOVAL_ONLY: &[&str] = &[
    "remove my", "remove every", "remove all", "remove any", "remove it", "removed", "taken out",
    "take it out", "entfern*", "elimin*", "supprim*", "borrar", "borren", "borre",
];

/// "I don't want my info shared with your partners": a passing-on verb under a
/// negation, with others to pass it to, in one clause, is the sharing opt-out.
#[rustfmt::skip]
pub const SHARE_VERBS: &[&str] = &[
    "shared", "share", "sharing", "passed along", "passed on", "pass on", "pass along", "handed over",
    "compartid*", "compartan", "compartir", "weitergegeben", "weitergeben", "weiterzugeben", "partage*",
    "transmis*", "transmettre", "transmettiez",
];
#[rustfmt::skip]
pub const SHARE_WITH: &[&str] = &[
    "partner*", "other companies", "other company", "third part*", "anyone else", "affiliate*", "socios",
    "terceros", "otras empresas", "dritte*", "andere unternehmen", "partenaires", "tiers",
    "autres societes", "autres entreprises",
];
