//! Everything intake reads from one message, with the evidence for each field:
//! the `intake classify` contract. Kinds and regime come from [`classify`].

use serde::Serialize;

use std::sync::LazyLock;

use super::cues::{BROADCAST, FIRST_PERSON, NOISE, PERSONAL, PRESS, SALES, THANKS};
use super::matcher::CueSet;
use super::{classify, Classification, ParsedEmail};
use crate::rules::Regime;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub field: String,
    pub because: String,
}

/// What a message is, as `rightsdesk intake classify --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Understanding {
    pub file: String,
    pub index: usize,
    pub message_id: String,
    pub kinds: Vec<String>,
    pub jurisdiction: String,
    pub requester_email: String,
    pub subject_name: String,
    pub on_behalf: Option<String>,
    pub language: String,
    pub in_reply_to: Option<String>,
    pub evidence: Vec<Evidence>,
}

pub fn jurisdiction_code(regime: Regime) -> &'static str {
    match regime {
        Regime::Ccpa => "us-ca",
        Regime::Gdpr => "eu",
        Regime::Uk => "uk",
        Regime::UsVa => "us-va",
        Regime::UsCo => "us-co",
        Regime::UsCt => "us-ct",
        Regime::UsTx => "us-tx",
        Regime::UsOr => "us-or",
        Regime::UsUt => "us-ut",
        Regime::Policy => "unknown",
    }
}

/// Common words of each language the desk reads (lower case, whole words).
/// The regime a jurisdiction code stands for; `unknown` is the company policy.
pub fn regime_for_jurisdiction(code: &str) -> Result<Regime, crate::rules::RulesError> {
    Regime::ALL.into_iter().find(|r| jurisdiction_code(*r) == code.trim()).ok_or_else(|| {
        crate::rules::RulesError::Unknown {
            what: "jurisdiction (us-ca, eu, uk, us-va, us-co, us-ct, us-tx, us-or, us-ut or unknown)",
            value: code.to_string(),
        }
    })
}

const LANGUAGE_WORDS: &[(&str, &[&str])] = &[
    ("en", &["the", "and", "my", "please", "you", "data", "of", "to", "i"]),
    ("es", &["el", "la", "los", "mis", "datos", "por", "favor", "que", "de", "y"]),
    ("de", &["ich", "und", "meine", "bitte", "daten", "der", "die", "zu", "mit", "sie"]),
    ("fr", &["je", "et", "mes", "vous", "données", "les", "de", "des", "à", "le"]),
];

pub fn language(text: &str) -> &'static str {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    LANGUAGE_WORDS
        .iter()
        .map(|(lang, common)| (*lang, words.iter().filter(|w| common.contains(w)).count()))
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or("en", |(lang, _)| lang)
}

/// Who writes, and whether it is a request at all: several questions, one pass.
static WHO_SET: LazyLock<CueSet> = LazyLock::new(|| {
    CueSet::new(&[FIRST_PERSON, NOISE, AGENT_CUES, PARENT_CUES, BROADCAST, SALES, PERSONAL, THANKS, PRESS])
});

const AGENT_CUES: &[&str] = &[
    "on behalf of",
    "authorized agent",
    "authorised agent",
    "power of attorney",
    "law firm",
    "attorney for",
    "our client",
    "my client",
    "mon client",
    "representing",
    "represents",
    "this firm",
    "our firm",
    "'s behalf",
    "letter of authori*",
    "signed authori*",
    "acting for",
    "im auftrag",
    "im namen",
    "vollmacht",
    "kanzlei",
    "mandant*",
    "rechtsanwalt*",
    "en nombre de",
    "en representacion",
    "abogad*",
    "poder notarial",
    "au nom de",
    "mandat",
    "avocat*",
    "procuration",
];
const PARENT_CUES: &[&str] = &[
    "parent of",
    "my son",
    "my daughter",
    "my child",
    "her parent",
    "his parent",
    "guardian",
    "his mother",
    "her mother",
    "his father",
    "her father",
    "mi hijo",
    "mi hija",
    "su madre",
    "su padre",
    "mein sohn",
    "meine tochter",
    "meines sohnes",
    "meiner tochter",
    "minderjahrig*",
    "mon fils",
    "ma fille",
    "sa mere",
    "son pere",
    "representante legal",
    "representant legal",
    "representante legale",
];
/// Up to three capitalised words after `cue` in the original text: a name.
fn name_after(text: &str, cue: &str) -> Option<String> {
    let at = text.to_lowercase().find(cue)? + cue.len();
    let rest = text.get(at..)?;
    let line = rest.split(['\n', '\r', ',', ';', '(']).next().unwrap_or(rest);
    const TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sr", "Sra", "Herr", "Frau", "M", "Mme"];
    let name: Vec<&str> = line
        .split_whitespace()
        .skip_while(|w| TITLES.contains(&w.trim_end_matches('.')))
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

pub fn understand(file: &str, index: usize, email: &ParsedEmail) -> Understanding {
    understand_with(file, index, email, &classify(&email.subject, &email.body_text))
}

/// As [`understand`], from a classification already made.
pub fn understand_with(
    file: &str,
    index: usize,
    email: &ParsedEmail,
    class: &Classification,
) -> Understanding {
    let text = format!("{}\n{}", email.subject, email.body_text);
    let mut evidence: Vec<Evidence> = class
        .reasons
        .iter()
        .map(|r| {
            let field = if r.starts_with("regime") { "jurisdiction" } else { "kinds" };
            Evidence { field: field.into(), because: r.clone() }
        })
        .collect();
    let mut say = |field: &str, because: String| evidence.push(Evidence { field: field.into(), because });
    for (field, because) in &email.notes {
        say(field, because.clone());
    }

    let own = &class.own;
    let found_kind = !class.reasons.iter().any(|r| r.contains("defaulted"));
    let found = WHO_SET.first_per_group(own);
    let (first_person, noise, agent, parent) = (found[0].is_some(), found[1], found[2], found[3]);
    let (mass_mailing, sales, personal, thanks) = (found[4], found[5], found[6].is_some(), found[7]);
    let broadcast = noise.is_some() && (!found_kind || !first_person);
    let sales_enquiry = sales.or(found[8]).filter(|_| !personal);
    // "Re: Your deletion is done" answered with "Thank you!": the request
    // words are ours, in the subject; the writer asks for nothing.
    let only_thanks = thanks.filter(|_| {
        super::reading::is_reply(&email.subject)
            && email.attachments.is_empty()
            && !super::classify::asks_anything(&super::reading::own_words(&email.body_text))
    });
    let set_aside = email.automatic
        || broadcast
        || mass_mailing.is_some()
        || sales_enquiry.is_some()
        || only_thanks.is_some()
        || (email.bulk && !first_person);
    let kinds = if set_aside {
        let why = if email.automatic {
            "sent automatically (Auto-Submitted or a mail-system sender)".to_string()
        } else if let Some(cue) = mass_mailing {
            format!("a mass mailing (\"{cue}\")")
        } else if let Some(cue) = sales_enquiry {
            format!("a sales or press enquiry (\"{}\") about no one's own data", cue.trim_end_matches('*'))
        } else if let Some(cue) = only_thanks {
            format!("a reply that says \"{cue}\" and asks for nothing")
        } else if let Some(cue) = noise {
            format!("\"{}\" and no request words", cue.trim_end_matches('*'))
        } else {
            "a mailing-list message (List-Unsubscribe) with no request words".to_string()
        };
        say("kinds", format!("not_a_request: {why}"));
        vec!["not_a_request".to_string()]
    } else {
        class.kinds.iter().map(|k| k.as_str().to_string()).collect()
    };

    // A parent writing "on behalf of my daughter" is a parent, not an agent.
    let on_behalf = if let Some(cue) = parent {
        say("on_behalf", format!("parent: \"{}\"", cue.trim_end_matches('*')));
        Some("parent".to_string())
    } else if let Some(cue) = agent {
        say("on_behalf", format!("agent: \"{}\"", cue.trim_end_matches('*')));
        Some("agent".to_string())
    } else {
        None
    };
    let named = on_behalf.as_ref().and_then(|_| {
        let (first, then) =
            if parent.is_some() { (PARENT_CUES, AGENT_CUES) } else { (AGENT_CUES, PARENT_CUES) };
        first.iter().chain(then).filter(|c| !c.ends_with('*')).find_map(|c| name_after(&text, c))
    });
    let subject_name = match named {
        Some(n) => {
            say("subject_name", format!("the name after the {} cue", on_behalf.as_deref().unwrap_or("")));
            n
        }
        None => email.requester_name.clone(),
    };
    let language = language(&email.body_text);
    say("language", format!("{language}: most common words"));
    Understanding {
        file: file.to_string(),
        index,
        message_id: email.message_id.clone(),
        kinds,
        // A message that asks for nothing is under no law's clock.
        jurisdiction: if set_aside { "unknown".into() } else { jurisdiction_code(class.regime).to_string() },
        requester_email: email.requester_email.clone(),
        subject_name,
        on_behalf,
        language: language.to_string(),
        in_reply_to: email.in_reply_to().cloned(),
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_their_common_words() {
        assert_eq!(language("Bitte löschen Sie meine Daten und bestätigen Sie mir das."), "de");
        assert_eq!(language("Por favor eliminen todos mis datos personales."), "es");
        assert_eq!(language("Je vous demande la suppression de mes données."), "fr");
        assert_eq!(language("Please delete my data and confirm."), "en");
    }

    #[test]
    fn a_name_after_the_cue() {
        assert_eq!(
            name_after("We act on behalf of Daniel Kim (daniel@x)", "on behalf of").as_deref(),
            Some("Daniel Kim")
        );
        assert_eq!(
            name_after("I am the parent of Tomasz Wróbel, who is 16", "parent of").as_deref(),
            Some("Tomasz Wróbel")
        );
        assert_eq!(name_after("on behalf of my client", "on behalf of"), None);
        assert_eq!(
            name_after("This firm represents Ms. Clara Henning, a resident", "represents").as_deref(),
            Some("Clara Henning")
        );
        assert_eq!(
            name_after("on behalf of Daniel Kim\nTo whom", "on behalf of").as_deref(),
            Some("Daniel Kim")
        );
    }
}
