//! Letter templates: the built-in ones shipped for each language, the officer's
//! versions from the ledger, and rendering them (minijinja) into a [`LetterDoc`].

use minijinja::{Environment, UndefinedBehavior, Value};

use super::facts::LetterFacts;
use super::markup::{self, CLOSE, OPEN};
use super::{Lang, LetterDoc, LetterError, LetterKind};

macro_rules! builtin_templates {
    ($($name:literal),* $(,)?) => {
        /// The names of every template, including the shared `_letter` frame and `_route`.
        pub const TEMPLATE_NAMES: &[&str] = &[$($name),*];

        /// The template shipped with the program.
        pub fn builtin(lang: Lang, name: &str) -> Option<&'static str> {
            match (lang, name) {
                $(
                    (Lang::En, $name) => Some(include_str!(concat!("templates/en/", $name, ".j2"))),
                    (Lang::Es, $name) => Some(include_str!(concat!("templates/es/", $name, ".j2"))),
                    (Lang::De, $name) => Some(include_str!(concat!("templates/de/", $name, ".j2"))),
                    (Lang::Fr, $name) => Some(include_str!(concat!("templates/fr/", $name, ".j2"))),
                )*
                _ => None,
            }
        }
    };
}

builtin_templates!(
    "_letter",
    "_route",
    "ack",
    "verification_request",
    "extension",
    "access",
    "deletion",
    "deletion_denied",
    "correction",
    "opt_out_sale",
    "opt_out_sharing",
    "denial",
    "fee_estimate",
    "twice_limit",
    "unable_to_verify",
    "abandoned",
    "vendor_notice",
);

/// The three sources a letter is made from (each built-in or the officer's).
pub struct Sources {
    pub frame: String,
    pub route: String,
    pub body: String,
}

impl Sources {
    pub fn builtin(kind: LetterKind, lang: Lang) -> Sources {
        let get = |name: &str| builtin(lang, name).unwrap_or_default().to_string();
        Sources { frame: get("_letter"), route: get("_route"), body: get(kind.code()) }
    }
}

fn environment(sources: &Sources) -> Result<Environment<'static>, LetterError> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    // Printing a name the facts do not have is an error, not a silent blank.
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_fuel(Some(20_000_000));
    env.set_formatter(|out, _state, value| {
        if value.is_none() || value.is_undefined() {
            return Ok(());
        }
        let text: String = value
            .to_string()
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .filter(|&c| c != OPEN && c != CLOSE)
            .collect();
        let mut wrapped = String::with_capacity(text.len() + 6);
        wrapped.push(OPEN);
        wrapped.push_str(&text);
        wrapped.push(CLOSE);
        out.write_str(&wrapped).map_err(minijinja::Error::from)
    });
    let add = |env: &mut Environment<'static>, name: &'static str, body: &str| {
        env.add_template_owned(name, body.to_string())
            .map_err(|e| LetterError::Template(format!("{name}: {}", describe(&e))))
    };
    add(&mut env, "_letter", &sources.frame)?;
    add(&mut env, "_route", &sources.route)?;
    add(&mut env, "letter", &sources.body)?;
    Ok(env)
}

fn describe(e: &minijinja::Error) -> String {
    match (e.name(), e.line()) {
        (Some(name), Some(line)) if name != "letter" => format!("{e} ({name}, line {line})"),
        (_, Some(line)) => format!("{e} (line {line})"),
        _ => e.to_string(),
    }
}

/// Render the facts through the templates into a laid-out document.
pub fn compose(facts: &LetterFacts, sources: &Sources) -> Result<LetterDoc, LetterError> {
    let env = environment(sources)?;
    let template = env.get_template("letter").map_err(|e| LetterError::Template(describe(&e)))?;
    let text =
        template.render(Value::from_serialize(facts)).map_err(|e| LetterError::Template(describe(&e)))?;
    let parsed = markup::parse(&text, &facts.tables)?;
    let heading = parsed
        .blocks
        .iter()
        .find_map(|b| match b {
            super::Block::Heading(h) => Some(h.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut letterhead = vec![facts.company.name.clone()];
    letterhead.extend(facts.company.address.iter().cloned());
    if !facts.company.privacy_email.is_empty() {
        letterhead.push(facts.company.privacy_email.clone());
    }
    Ok(LetterDoc {
        title: format!("{heading} — {}", facts.reference),
        subject: format!("Privacy request {} ({})", facts.reference, facts.regime.label),
        author: facts.company.name.clone(),
        date: facts.date_value.unwrap_or_default(),
        reference: facts.reference.clone(),
        letterhead,
        blocks: parsed.blocks,
        footer: parsed.footer.unwrap_or_else(|| format!("{} · {{page}} / {{pages}}", facts.reference)),
        lang: facts.lang.clone(),
        a4: facts.regime.gdpr || facts.regime.uk,
    })
}
