//! Everyone in the data sources other than the requester: their names and
//! emails, found in text by one multi-pattern automaton.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Hit, RedactionType};
use crate::subject::names::{fold, same_person_name};
use crate::subject::{Identifiers, Role, Source};

#[derive(Debug, Default, Clone)]
pub struct KnownPeople {
    names: Vec<String>,
    emails: Vec<String>,
}

impl KnownPeople {
    /// Every person named in the sources (full names, first + last, owners and
    /// authors) and every email, less the requester's own.
    pub fn from_sources(sources: &[Source], own: &Identifiers) -> KnownPeople {
        let mut names = HashSet::new();
        let mut emails = HashSet::new();
        for s in sources {
            for r in &s.rows {
                for n in crate::subject::people_named(s, r) {
                    names.insert(n);
                }
                for role in [Role::Email, Role::OtherPersonEmail] {
                    for c in s.columns_with(role) {
                        let v = s.value(r, c).trim();
                        if v.contains('@') {
                            emails.insert(v.to_lowercase());
                        }
                    }
                }
            }
        }
        KnownPeople::from_lists(names, emails, own)
    }

    pub fn from_lists(
        names: impl IntoIterator<Item = String>,
        emails: impl IntoIterator<Item = String>,
        own: &Identifiers,
    ) -> KnownPeople {
        let own_emails: HashSet<String> = own.emails.iter().map(|e| e.trim().to_lowercase()).collect();
        let mut names: Vec<String> = names
            .into_iter()
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| n.contains(' ') && n.chars().count() >= 5)
            .filter(|n| !own.names.iter().any(|o| same_person_name(o, n)))
            .collect();
        names.sort();
        names.dedup();
        let mut emails: Vec<String> = emails.into_iter().filter(|e| !own_emails.contains(e)).collect();
        emails.sort();
        emails.dedup();
        KnownPeople { names, emails }
    }

    pub fn len(&self) -> usize {
        self.names.len() + self.emails.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The automaton over every written form of every known person.
pub struct PeopleMatcher {
    ac: Option<AhoCorasick>,
    /// For each pattern: a name or an email.
    what: Vec<RedactionType>,
}

impl PeopleMatcher {
    pub fn new(people: KnownPeople) -> PeopleMatcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut what = Vec::new();
        for n in &people.names {
            let mut forms = vec![n.clone()];
            // Family name first ("Nguyễn Thị Lan" for Thị Lan Nguyễn).
            if let Some((first, last)) = n.rsplit_once(' ') {
                forms.push(format!("{last} {first}"));
            }
            for f in forms.clone() {
                let folded = fold(&f);
                if folded != f.to_lowercase() {
                    forms.push(folded);
                }
            }
            for f in forms {
                patterns.push(f);
                what.push(RedactionType::ThirdPartyName);
            }
        }
        // Emails are not in the automaton: the email pattern finds every
        // address, and any that is not the requester's is someone else's.
        let ac = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("automaton over known people")
        });
        PeopleMatcher { ac, what }
    }

    pub fn scan(&self, text: &str, out: &mut Vec<Hit>) {
        let Some(ac) = &self.ac else { return };
        for m in ac.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let kind = self.what[m.pattern().as_usize()];
            let why = match kind {
                RedactionType::ThirdPartyEmail => "the email of someone else in the data sources",
                _ => "the name of someone else in the data sources",
            };
            out.push(Hit {
                start: m.start(),
                end: m.end(),
                kind,
                detector: "known_people",
                score: 0.99,
                explanation: why.into(),
            });
        }
    }
}
