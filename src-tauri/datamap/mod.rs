//! The company's inventory of personal information: what it holds, where it
//! comes from, why, who receives it (sold or disclosed for a business purpose),
//! how long it is kept and how it crosses borders. Letters are written from it;
//! each stored version is numbered and a letter records the one it used.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::rules::RequestKind;
use crate::subject::Role;

/// A text in several languages; English is required, the others fall back to it.
pub type Text = BTreeMap<String, String>;

pub fn text_in<'a>(t: &'a Text, lang: &str) -> &'a str {
    t.get(lang).filter(|s| !s.trim().is_empty()).or_else(|| t.get("en")).map(String::as_str).unwrap_or("")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Category {
    pub id: String,
    #[ts(type = "Record<string, string>")]
    pub label: Text,
    #[ts(type = "Record<string, string>")]
    pub examples: Text,
    /// Ids of `sources`.
    pub sources: Vec<String>,
    /// Ids of `purposes`.
    pub purposes: Vec<String>,
    #[ts(type = "Record<string, string>")]
    pub retention: Text,
    pub sold: bool,
    pub disclosed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Labelled {
    pub id: String,
    #[ts(type = "Record<string, string>")]
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Recipient {
    pub id: String,
    pub name: String,
    /// Id of `recipient_kinds`: service_provider, affiliate, customer, data_partner, …
    pub kind: String,
    pub purpose: String,
    /// ISO country code where it processes the data.
    pub country: String,
    /// Id of `safeguards` used for a transfer out of the EU/UK ("" when none is needed).
    pub safeguard: String,
    /// Where its notices go.
    pub contact: String,
    /// Categories disclosed to it for a business purpose.
    pub disclosed: Vec<String>,
    /// Categories sold (or shared for advertising) to it.
    pub sold: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataMap {
    #[serde(default)]
    pub note: String,
    pub categories: Vec<Category>,
    pub sources: Vec<Labelled>,
    pub purposes: Vec<Labelled>,
    pub recipient_kinds: Vec<Labelled>,
    pub safeguards: Vec<Labelled>,
    pub recipients: Vec<Recipient>,
    /// Column role (as in the data sources) → category id.
    pub role_categories: BTreeMap<String, String>,
    /// "source file/column" → category id, overriding the role's.
    #[serde(default)]
    pub column_categories: BTreeMap<String, String>,
    #[ts(type = "Record<string, string>")]
    pub automated_decisions: Text,
}

/// A stored version of the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataMapVersion {
    pub version: u32,
    pub created_at: String,
    pub actor: String,
    pub note: String,
    pub map: DataMap,
}

/// The map seeded from the company's privacy policy.
pub fn seed() -> DataMap {
    serde_json::from_str(include_str!("seed.json")).expect("the shipped data map seed is valid JSON")
}

/// Parse and check a map given as JSON (an edited or imported one).
pub fn parse(json: &str) -> Result<DataMap, String> {
    let map: DataMap = serde_json::from_str(json).map_err(|e| format!("the data map is not valid: {e}"))?;
    map.check()?;
    Ok(map)
}

impl DataMap {
    /// Every reference resolves, ids are unique, every text has English.
    pub fn check(&self) -> Result<(), String> {
        fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), String> {
            let mut seen = std::collections::BTreeSet::new();
            for id in ids {
                if id.trim().is_empty() {
                    return Err(format!("a {what} has an empty id"));
                }
                if !seen.insert(id) {
                    return Err(format!("two {what}s have the id {id:?}"));
                }
            }
            Ok(())
        }
        fn english(what: &str, t: &Text) -> Result<(), String> {
            if text_in(t, "en").trim().is_empty() {
                return Err(format!("{what} has no English text"));
            }
            Ok(())
        }
        unique("category", self.categories.iter().map(|c| c.id.as_str()))?;
        unique("source", self.sources.iter().map(|c| c.id.as_str()))?;
        unique("purpose", self.purposes.iter().map(|c| c.id.as_str()))?;
        unique("recipient kind", self.recipient_kinds.iter().map(|c| c.id.as_str()))?;
        unique("safeguard", self.safeguards.iter().map(|c| c.id.as_str()))?;
        unique("recipient", self.recipients.iter().map(|c| c.id.as_str()))?;
        let has = |list: &[Labelled], id: &str| list.iter().any(|l| l.id == id);
        let category = |id: &str| self.categories.iter().any(|c| c.id == id);
        for c in &self.categories {
            english(&format!("category {:?}", c.id), &c.label)?;
            for s in &c.sources {
                if !has(&self.sources, s) {
                    return Err(format!("category {:?} names an unknown source {s:?}", c.id));
                }
            }
            for p in &c.purposes {
                if !has(&self.purposes, p) {
                    return Err(format!("category {:?} names an unknown purpose {p:?}", c.id));
                }
            }
        }
        for l in
            self.sources.iter().chain(&self.purposes).chain(&self.recipient_kinds).chain(&self.safeguards)
        {
            english(&format!("{:?}", l.id), &l.label)?;
        }
        for r in &self.recipients {
            if r.name.trim().is_empty() {
                return Err(format!("recipient {:?} has no name", r.id));
            }
            if !has(&self.recipient_kinds, &r.kind) {
                return Err(format!("recipient {:?} has an unknown kind {:?}", r.id, r.kind));
            }
            if !r.safeguard.is_empty() && !has(&self.safeguards, &r.safeguard) {
                return Err(format!("recipient {:?} names an unknown safeguard {:?}", r.id, r.safeguard));
            }
            for c in r.disclosed.iter().chain(&r.sold) {
                if !category(c) {
                    return Err(format!("recipient {:?} receives an unknown category {c:?}", r.id));
                }
            }
        }
        for (role, c) in &self.role_categories {
            if serde_json::from_value::<Role>(serde_json::Value::String(role.clone())).is_err() {
                return Err(format!("role_categories names an unknown column role {role:?}"));
            }
            if !category(c) {
                return Err(format!("role {role:?} maps to an unknown category {c:?}"));
            }
        }
        for (col, c) in &self.column_categories {
            if !category(c) {
                return Err(format!("column {col:?} maps to an unknown category {c:?}"));
            }
        }
        Ok(())
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn label<'a>(list: &'a [Labelled], id: &str, lang: &str) -> &'a str {
        list.iter().find(|l| l.id == id).map(|l| text_in(&l.label, lang)).unwrap_or("")
    }

    /// The category of a column: its own mapping, else its role's; None for
    /// columns that hold other people's data (they are never the person's).
    pub fn category_of(&self, source: &str, column: &str, role: Role) -> Option<&str> {
        if matches!(role, Role::OtherPersonName | Role::OtherPersonEmail | Role::OtherPersonPhone) {
            return None;
        }
        if let Some(c) = self.column_categories.get(&format!("{source}/{column}")) {
            return Some(c);
        }
        let role = serde_json::to_value(role).ok()?;
        self.role_categories.get(role.as_str()?).map(String::as_str)
    }

    /// Recipients that must be told of a request of this kind, given the
    /// categories held on the person (none when nothing is held):
    /// deletion — everyone the data went to (service providers, contractors,
    /// and third parties it was sold or shared to); opt-out of sale — those it
    /// was sold to; opt-out of sharing — affiliates and third-party providers.
    pub fn recipients_to_notify(&self, kind: RequestKind, held: &[String]) -> Vec<&Recipient> {
        let touches = |cats: &[String]| cats.iter().any(|c| held.contains(c));
        self.recipients
            .iter()
            .filter(|r| match kind {
                RequestKind::Deletion => touches(&r.disclosed) || touches(&r.sold),
                RequestKind::OptOutSale => touches(&r.sold),
                RequestKind::OptOutSharing => {
                    touches(&r.disclosed) && matches!(r.kind.as_str(), "affiliate" | "service_provider")
                }
                _ => false,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_is_consistent_and_follows_the_policy() {
        let m = seed();
        m.check().unwrap();
        let sold: Vec<&str> = m.categories.iter().filter(|c| c.sold).map(|c| c.id.as_str()).collect();
        assert_eq!(sold, ["identifiers", "contact_details", "professional", "inferences"]);
        for tracker in ["Google Analytics", "ReachForce", "Bombora", "Marketo", "VisiStat by KickFire"] {
            assert!(m.recipients.iter().any(|r| r.name == tracker), "{tracker}");
        }
        assert!(m.recipients_to_notify(RequestKind::Deletion, &[]).is_empty(), "nothing held, nobody told");
        let all: Vec<String> = m.categories.iter().map(|c| c.id.clone()).collect();
        let optout = m.recipients_to_notify(RequestKind::OptOutSale, &all);
        assert!(optout.iter().all(|r| !r.sold.is_empty()) && !optout.is_empty());
        let sharing = m.recipients_to_notify(RequestKind::OptOutSharing, &["network_activity".into()]);
        assert!(sharing.iter().any(|r| r.kind == "affiliate"));
        assert!(sharing.iter().all(|r| r.kind != "customer"));
    }

    #[test]
    fn a_broken_reference_is_named() {
        let mut m = seed();
        m.recipients[0].disclosed.push("shoe_size".into());
        let e = m.check().unwrap_err();
        assert!(e.contains("shoe_size") && e.contains("google_analytics"), "{e}");
        let e = parse("{").unwrap_err();
        assert!(e.starts_with("the data map is not valid"), "{e}");
    }
}
