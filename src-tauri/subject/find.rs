//! Finding every row about one person across the data sources: exact email
//! and phone matches, names with their variants (only where nothing in the row
//! says it is someone else: another company, city or email), rows that point
//! at their records, anonymous events linked through a visitor id seen on one
//! of theirs, and free text that mentions them. An office IP links nobody.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::names::{fold, join, same_person_name};
use super::phone;
use super::{columns::words, Role, Row, Source};

/// What the requester told us (and what verification added).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Identifiers {
    pub names: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub company: Option<String>,
    pub location: Option<String>,
}

/// Rows dated before `since` (by the source's first timestamp column) are left
/// out of the answer, though they still link the person's other rows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lookback {
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Candidate {
    /// Index into the sources searched.
    pub source: u32,
    pub file: String,
    pub number: u64,
    pub row_id: String,
    pub score: f32,
    pub why: String,
}

/// The person's own identifiers as found: the query plus what their own
/// records hold. Redaction leaves these alone.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub candidates: Vec<Candidate>,
    pub identifiers: Identifiers,
}

struct Query {
    names: Vec<String>,
    emails: HashSet<String>,
    phones: HashSet<String>,
    company: Option<String>,
    location: Option<String>,
}

fn clean_email(e: &str) -> String {
    e.trim().trim_start_matches("mailto:").to_lowercase()
}

fn phone_key(p: &str) -> Option<String> {
    phone::e164(p).or_else(|| Some(phone::key(p)).filter(|k| k.len() >= 7))
}

impl Query {
    fn new(ids: &Identifiers) -> Query {
        Query {
            names: ids.names.iter().filter(|n| !n.trim().is_empty()).cloned().collect(),
            emails: ids.emails.iter().map(|e| clean_email(e)).filter(|e| e.contains('@')).collect(),
            phones: ids.phones.iter().filter_map(|p| phone_key(p)).collect(),
            company: ids.company.as_deref().map(fold).filter(|c| !c.trim().is_empty()),
            location: ids.location.as_deref().map(fold).filter(|c| !c.trim().is_empty()),
        }
    }
}

/// Values of a row's columns with `role`, split where a cell lists several.
fn cells<'a>(s: &'a Source, r: &'a Row, role: Role) -> impl Iterator<Item = &'a str> + 'a {
    s.columns_with(role)
        .flat_map(move |c| s.value(r, c).split([';', '|']))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The person names a row is about: full-name columns, and first + last.
pub fn row_names(s: &Source, r: &Row) -> Vec<String> {
    let mut out: Vec<String> = cells(s, r, Role::PersonName).map(str::to_string).collect();
    let first = s.columns_with(Role::FirstName).next().map(|c| s.value(r, c)).unwrap_or("");
    let last = s.columns_with(Role::LastName).next().map(|c| s.value(r, c)).unwrap_or("");
    if !first.trim().is_empty() || !last.trim().is_empty() {
        out.push(join(first, last));
    }
    out
}

fn same_company(a: &str, b: &str) -> bool {
    const SUFFIXES: &[&str] =
        &["inc", "ltd", "llc", "gmbh", "sa", "sl", "ag", "plc", "corp", "co", "sas", "bv"];
    let norm = |s: &str| -> String {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !SUFFIXES.contains(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (norm(&fold(a)), norm(&fold(b)));
    !a.is_empty() && !b.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

/// Why a row matches the person directly, and how sure we are.
fn direct(q: &Query, s: &Source, r: &Row) -> Option<(f32, String)> {
    if let Some(e) = cells(s, r, Role::Email).find(|e| q.emails.contains(&clean_email(e))) {
        return Some((1.0, format!("email {e} matches")));
    }
    if let Some(p) = cells(s, r, Role::Phone).find(|p| phone_key(p).is_some_and(|k| q.phones.contains(&k))) {
        return Some((0.9, format!("phone {p} matches")));
    }
    let names = row_names(s, r);
    let name = names.iter().find(|n| q.names.iter().any(|qn| same_person_name(qn, n)))?;
    let companies: Vec<&str> = cells(s, r, Role::Company).collect();
    if let (Some(qc), false) = (&q.company, companies.is_empty()) {
        return if companies.iter().any(|c| same_company(qc, c)) {
            Some((0.85, format!("name {name} and company {} match", companies[0])))
        } else {
            None // a namesake at another company
        };
    }
    let other_email = cells(s, r, Role::Email).next().is_some() && !q.emails.is_empty();
    let places: Vec<String> = cells(s, r, Role::Location).map(fold).collect();
    let other_place = match (&q.location, places.is_empty()) {
        (Some(l), false) => !places.iter().any(|p| p.contains(l.as_str()) || l.contains(p.as_str())),
        _ => false,
    };
    if other_email || other_place {
        return None;
    }
    Some((0.5, format!("name {name} matches; nothing else in the row to confirm it")))
}

/// "contact_id" and "contacts.csv" both stem to "contact".
fn stem(s: &str) -> String {
    let w = words(s);
    let w: Vec<&str> =
        w.iter().map(String::as_str).filter(|w| *w != "id" && *w != "csv" && *w != "json").collect();
    let joined = w.join("_");
    joined.strip_suffix('s').map(str::to_string).unwrap_or(joined)
}

fn link_stem(s: &Source) -> Option<String> {
    let idc = s.columns_with(Role::RecordId).next()?;
    let from_col = stem(&s.columns[idc].name);
    let file = std::path::Path::new(&s.name).file_stem().and_then(|f| f.to_str()).unwrap_or("");
    Some(if from_col.is_empty() { stem(file) } else { from_col })
}

fn mentions(text: &str, needles: &[String]) -> Option<String> {
    let t = fold(text);
    needles
        .iter()
        .find(|n| {
            t.match_indices(n.as_str()).any(|(i, m)| {
                let before = t[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let after = t[i + m.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                before && after
            })
        })
        .cloned()
}

fn row_date(s: &Source, r: &Row) -> Option<NaiveDate> {
    let c = s.columns_with(Role::Timestamp).next()?;
    let v = s.value(r, c).trim();
    v.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

pub fn find_rows(sources: &[Source], ids: &Identifiers, lookback: Lookback) -> Found {
    let q = Query::new(ids);
    let mut hits: BTreeMap<(usize, usize), (f32, String)> = BTreeMap::new();
    let mut own = ids.clone();
    // Records of someone else with their name: notes about those are not about them.
    let mut namesakes: HashSet<(String, String)> = HashSet::new();
    for (si, s) in sources.iter().enumerate() {
        for (ri, r) in s.rows.iter().enumerate() {
            match direct(&q, s, r) {
                Some(h) => {
                    if h.0 >= 0.85 {
                        own.emails.extend(cells(s, r, Role::Email).map(str::to_string));
                        own.phones.extend(cells(s, r, Role::Phone).map(str::to_string));
                        own.names.extend(row_names(s, r));
                    }
                    hits.insert((si, ri), h);
                }
                None if row_names(s, r).iter().any(|n| q.names.iter().any(|qn| same_person_name(qn, n))) => {
                    if let Some(stem) = link_stem(s) {
                        namesakes.insert((stem, r.id.clone()));
                    }
                }
                None => {}
            }
        }
    }
    // Rows that point at one of their records (a note's contact_id).
    let records: HashSet<(String, String)> = hits
        .keys()
        .filter_map(|&(si, ri)| Some((link_stem(&sources[si])?, sources[si].rows[ri].id.clone())))
        .collect();
    // Ids distinctive enough to link on by value alone, when the column names
    // do not say which source they point into ("C00017", not "17").
    let distinctive: HashSet<&str> = records
        .iter()
        .map(|(_, id)| id.as_str())
        .filter(|id| id.len() >= 6 || (id.len() >= 4 && id.chars().any(char::is_alphabetic)))
        .collect();
    let mut needles: Vec<String> =
        own.names.iter().map(|n| fold(n.trim())).filter(|n| n.contains(' ')).collect();
    needles.extend(own.emails.iter().map(|e| clean_email(e)).filter(|e| e.contains('@')));
    needles.sort();
    needles.dedup();
    for (si, s) in sources.iter().enumerate() {
        let links: Vec<usize> = s.columns_with(Role::LinkId).collect();
        for (ri, r) in s.rows.iter().enumerate() {
            if hits.contains_key(&(si, ri)) {
                continue;
            }
            let keys: Vec<(String, String)> = links
                .iter()
                .map(|&c| (stem(&s.columns[c].name), s.value(r, c).trim().to_string()))
                .filter(|k| !k.1.is_empty())
                .collect();
            if let Some((_, v)) = keys.iter().find(|k| records.contains(k)) {
                hits.insert((si, ri), (0.8, format!("it points at their record {v}")));
            } else if keys.iter().any(|k| namesakes.contains(k)) {
                continue;
            } else if let Some((_, v)) = keys.iter().find(|k| distinctive.contains(k.1.as_str())) {
                hits.insert((si, ri), (0.7, format!("it holds {v}, the id of one of their records")));
            } else if let Some(n) =
                s.columns_with(Role::FreeText).find_map(|c| mentions(s.value(r, c), &needles))
            {
                hits.insert((si, ri), (0.6, format!("the text mentions {n}")));
            }
        }
    }
    // Anonymous activity of a visitor seen on one of their identified rows.
    let visitors: HashSet<&str> = hits
        .keys()
        .flat_map(|&(si, ri)| cells(&sources[si], &sources[si].rows[ri], Role::VisitorId))
        .collect();
    let mut more = Vec::new();
    for (si, s) in sources.iter().enumerate() {
        for (ri, r) in s.rows.iter().enumerate() {
            if !hits.contains_key(&(si, ri)) {
                if let Some(v) = cells(s, r, Role::VisitorId).find(|v| visitors.contains(v)) {
                    more.push((
                        (si, ri),
                        (0.75, format!("visitor id {v} was seen on one of their identified rows")),
                    ));
                }
            }
        }
    }
    hits.extend(more);
    own.names.sort();
    own.names.dedup();
    own.emails.sort();
    own.emails.dedup();
    own.phones.sort();
    own.phones.dedup();
    let candidates = hits
        .into_iter()
        .filter(|((si, ri), _)| {
            let s = &sources[*si];
            match (lookback.since, row_date(s, &s.rows[*ri])) {
                (Some(since), Some(d)) => d >= since,
                _ => true,
            }
        })
        .map(|((si, ri), (score, why))| {
            let s = &sources[si];
            let r = &s.rows[ri];
            Candidate {
                source: si as u32,
                file: s.name.clone(),
                number: r.number,
                row_id: r.id.clone(),
                score,
                why,
            }
        })
        .collect();
    Found { candidates, identifiers: own }
}

/// Everyone a row names, the record's person and the others (owner, author).
pub fn people_named(s: &Source, r: &Row) -> Vec<String> {
    let mut out = row_names(s, r);
    out.extend(cells(s, r, Role::OtherPersonName).map(str::to_string));
    out
}
