//! Matching the data points a requester offers against the data held about
//! them. Exact agreement is a match; near agreement (another phone format, an
//! address written differently, a name variant) is "partial" and waits for the
//! officer. A point the requester wants corrected never counts (§7062).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::subject::names::{fold, same_person_name};
use crate::subject::{phone, row_names, Candidate, Role, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    Name,
    Email,
    Phone,
    PostalAddress,
    Company,
    JobTitle,
    AccountId,
    /// A recent interaction: a webinar attended, a form filled in, a call.
    Interaction,
}

/// One data point the requester gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DataPoint {
    pub kind: PointKind,
    pub value: String,
    /// The requester asks for this to be corrected: it cannot verify them.
    #[serde(default)]
    pub to_correct: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    Matched,
    /// Close but not the same: the officer decides.
    Partial,
    Unmatched,
    /// To be corrected, so not counted.
    NotCounted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PointMatch {
    pub point: DataPoint,
    pub status: MatchStatus,
    /// Where it matched: source, row id and field.
    pub source: Option<String>,
    pub row_id: Option<String>,
    pub field: Option<String>,
    pub held: Option<String>,
    pub why: String,
}

fn words(s: &str) -> Vec<String> {
    const SAME: &[(&str, &str)] = &[
        ("street", "st"),
        ("avenue", "ave"),
        ("road", "rd"),
        ("suite", "ste"),
        ("boulevard", "blvd"),
        ("drive", "dr"),
        ("apartment", "apt"),
        ("floor", "fl"),
    ];
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| SAME.iter().find(|(long, _)| *long == w).map_or(w, |(_, short)| short).to_string())
        .collect()
}

/// Share of `a`'s words found in `b`.
fn overlap(a: &str, b: &str) -> f32 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(w)).count() as f32 / a.len() as f32
}

fn roles_for(kind: PointKind) -> &'static [Role] {
    match kind {
        PointKind::Name => &[Role::PersonName],
        PointKind::Email => &[Role::Email],
        PointKind::Phone => &[Role::Phone],
        PointKind::PostalAddress => &[Role::Location, Role::Other],
        PointKind::Company => &[Role::Company],
        PointKind::JobTitle => &[Role::Other],
        PointKind::AccountId => &[Role::RecordId, Role::LinkId],
        PointKind::Interaction => &[Role::FreeText, Role::Other, Role::Timestamp],
    }
}

/// How one offered value compares with one held value.
fn compare(kind: PointKind, offered: &str, held: &str) -> MatchStatus {
    let (o, h) = (offered.trim(), held.trim());
    if o.is_empty() || h.is_empty() {
        return MatchStatus::Unmatched;
    }
    let exact = fold(o) == fold(h);
    match kind {
        PointKind::Email if o.eq_ignore_ascii_case(h) => MatchStatus::Matched,
        PointKind::Phone if phone::e164(o).is_some() && phone::e164(o) == phone::e164(h) => {
            MatchStatus::Matched
        }
        PointKind::Phone if phone::same_number(o, h) => MatchStatus::Partial,
        PointKind::Name if exact => MatchStatus::Matched,
        PointKind::Name if same_person_name(o, h) => MatchStatus::Partial,
        PointKind::AccountId if o.eq_ignore_ascii_case(h) => MatchStatus::Matched,
        PointKind::Company | PointKind::JobTitle | PointKind::PostalAddress if exact => MatchStatus::Matched,
        PointKind::PostalAddress if overlap(o, h) >= 0.99 && overlap(h, o) >= 0.99 => MatchStatus::Matched,
        PointKind::Company | PointKind::JobTitle | PointKind::PostalAddress if overlap(o, h) >= 0.5 => {
            MatchStatus::Partial
        }
        PointKind::Interaction if fold(h).contains(&fold(o)) && o.chars().count() >= 4 => {
            MatchStatus::Partial
        }
        _ => MatchStatus::Unmatched,
    }
}

/// Compare each offered point with the fields of the rows held about the person.
pub fn match_points(sources: &[Source], rows: &[Candidate], points: &[DataPoint]) -> Vec<PointMatch> {
    points
        .iter()
        .map(|p| {
            let blank = |status, why: &str| PointMatch {
                point: p.clone(),
                status,
                source: None,
                row_id: None,
                field: None,
                held: None,
                why: why.to_string(),
            };
            if p.to_correct {
                return blank(
                    MatchStatus::NotCounted,
                    "the requester asks for this to be corrected, so it cannot verify them",
                );
            }
            let mut best: Option<PointMatch> = None;
            for c in rows {
                let s = &sources[c.source as usize];
                let Some(r) = s.rows.iter().find(|r| r.number == c.number) else { continue };
                let mut held: Vec<(String, String)> = Vec::new();
                for &role in roles_for(p.kind) {
                    for col in s.columns_with(role) {
                        held.push((s.columns[col].name.clone(), s.value(r, col).to_string()));
                    }
                }
                if p.kind == PointKind::Name {
                    held.extend(row_names(s, r).into_iter().map(|n| ("name".to_string(), n)));
                }
                for (field, value) in held {
                    let status = compare(p.kind, &p.value, &value);
                    let better = match (&best, status) {
                        (_, MatchStatus::Unmatched) => false,
                        (None, _) => true,
                        (Some(b), MatchStatus::Matched) => b.status != MatchStatus::Matched,
                        (Some(_), _) => false,
                    };
                    if better {
                        let why = match status {
                            MatchStatus::Matched => format!("the same as {field} in {} row {}", s.name, r.id),
                            _ => format!(
                                "close to {field} in {} row {} ({value}); the officer decides",
                                s.name, r.id
                            ),
                        };
                        best = Some(PointMatch {
                            point: p.clone(),
                            status,
                            source: Some(s.name.clone()),
                            row_id: Some(r.id.clone()),
                            field: Some(field),
                            held: Some(value),
                            why,
                        });
                    }
                }
            }
            best.unwrap_or_else(|| {
                blank(MatchStatus::Unmatched, "not found in the data held about the person")
            })
        })
        .collect()
}
