//! The letter templates: the officer's versions over the built-in ones.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Desk;
use crate::letters::{compose, Lang, LetterKind, Sources};
use crate::rules::Regime;
use crate::{Error, Result};

/// A template as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateView {
    pub kind: String,
    pub lang: String,
    /// 0 = the built-in template.
    pub version: u32,
    pub body: String,
    pub builtin: String,
    pub versions: Vec<crate::ledger::TemplateVersion>,
}

impl Desk {
    /// The template a letter uses: the officer's newest version, else the built-in one.
    /// Also returns the versions used (letter, frame, routes; 0 = built-in).
    pub fn letter_sources(&self, kind: LetterKind, lang: Lang) -> Result<(Sources, [u32; 3])> {
        let mut s = Sources::builtin(kind, lang);
        let mut versions = [0; 3];
        if let Some(t) = self.ledger.letter_template(kind.code(), lang.code())? {
            s.body = t.body;
            versions[0] = t.version;
        }
        if let Some(t) = self.ledger.letter_template("_letter", lang.code())? {
            s.frame = t.body;
            versions[1] = t.version;
        }
        if let Some(t) = self.ledger.letter_template("_route", lang.code())? {
            s.route = t.body;
            versions[2] = t.version;
        }
        Ok((s, versions))
    }

    /// The template the editor shows, with its versions.
    pub fn letter_template(&self, kind: &str, lang: Lang) -> Result<TemplateView> {
        let builtin = crate::letters::builtin(lang, kind)
            .ok_or_else(|| Error::Invalid(format!("no letter template named {kind:?}")))?
            .to_string();
        let versions = self.ledger.letter_template_versions(kind, lang.code())?;
        let (version, body) =
            versions.first().map(|v| (v.version, v.body.clone())).unwrap_or((0, builtin.clone()));
        Ok(TemplateView { kind: kind.into(), lang: lang.code().into(), version, body, builtin, versions })
    }

    /// Keep a new version of a template, once it renders every sample letter
    /// that uses it (so a broken edit never reaches a requester).
    pub fn save_letter_template(&mut self, kind: &str, lang: Lang, body: &str) -> Result<TemplateView> {
        crate::letters::builtin(lang, kind)
            .ok_or_else(|| Error::Invalid(format!("no letter template named {kind:?}")))?;
        let kinds: Vec<LetterKind> =
            LetterKind::ALL.into_iter().filter(|k| kind.starts_with('_') || k.code() == kind).collect();
        // Each kind's templates as they would be with this edit.
        let mut sources = Vec::with_capacity(kinds.len());
        for &k in &kinds {
            let (mut s, _) = self.letter_sources(k, lang)?;
            match kind {
                "_letter" => s.frame = body.to_string(),
                "_route" => s.route = body.to_string(),
                _ => s.body = body.to_string(),
            }
            sources.push((k, s));
        }
        for regime in Regime::ALL.into_iter().filter(|r| lang.check_for(*r).is_ok()) {
            for (k, s) in &sources {
                let facts = crate::letters::sample::facts(*k, regime, lang, &Default::default())?;
                compose(&facts, s).map_err(|e| {
                    Error::Invalid(format!(
                        "the {kind} ({}) template, for a {} letter under {}: {e}",
                        lang.code(),
                        k.code(),
                        regime.rules().label
                    ))
                })?;
            }
        }
        self.ledger.save_letter_template(&self.actor, kind, lang.code(), body)?;
        self.letter_template(kind, lang)
    }
}
