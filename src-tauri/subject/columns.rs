//! What a column holds, guessed from its header the way exports name them;
//! the officer can change any guess.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    RecordId,
    /// A reference to a record elsewhere (`contact_id` on a note).
    LinkId,
    PersonName,
    FirstName,
    LastName,
    /// The name of someone other than the record's person: an owner, author, rep.
    OtherPersonName,
    Email,
    OtherPersonEmail,
    Phone,
    OtherPersonPhone,
    Company,
    Location,
    Ip,
    VisitorId,
    Timestamp,
    FreeText,
    Other,
}

impl Role {
    pub const ALL: [Role; 17] = [
        Role::RecordId,
        Role::LinkId,
        Role::PersonName,
        Role::FirstName,
        Role::LastName,
        Role::OtherPersonName,
        Role::Email,
        Role::OtherPersonEmail,
        Role::Phone,
        Role::OtherPersonPhone,
        Role::Company,
        Role::Location,
        Role::Ip,
        Role::VisitorId,
        Role::Timestamp,
        Role::FreeText,
        Role::Other,
    ];
}

/// Header words split on punctuation and camelCase, lowercased: "ownerEmail" → [owner, email].
pub fn words(header: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in header.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// "id", "contact_id", "contactId", "Contact ID" — but not "paid" or "valid".
pub fn ends_in_id(header: &str) -> bool {
    words(header)
        .last()
        .is_some_and(|w| w == "id" || (w.ends_with("id") && w.len() > 2 && header.ends_with("ID")))
}

const OTHER_PERSON: &[&str] = &[
    "owner",
    "rep",
    "author",
    "assigned",
    "assignee",
    "manager",
    "creator",
    "agent",
    "salesperson",
    "modified",
];
const VISITOR: &[&str] = &["visitor", "cookie", "anonymous", "device", "session", "client", "browser", "ga"];

pub fn detect_role(header: &str) -> Role {
    let w = words(header);
    let has = |x: &str| w.iter().any(|v| v == x);
    let other = w.iter().any(|v| OTHER_PERSON.contains(&v.as_str()))
        || (has("created") || has("updated")) && has("by");
    if ends_in_id(header) {
        return if w.iter().any(|v| VISITOR.contains(&v.as_str())) { Role::VisitorId } else { Role::LinkId };
    }
    if has("email") || has("mail") || has("e") && has("mail") {
        return if other { Role::OtherPersonEmail } else { Role::Email };
    }
    if ["phone", "mobile", "tel", "telephone", "cell", "fax"].iter().any(|x| has(x)) {
        return if other { Role::OtherPersonPhone } else { Role::Phone };
    }
    if has("ip") || has("ipv4") || has("ipv6") {
        return Role::Ip;
    }
    if ["first", "given", "forename", "fname", "firstname"].iter().any(|x| has(x)) {
        return Role::FirstName;
    }
    if ["last", "surname", "family", "lname", "lastname"].iter().any(|x| has(x)) {
        return Role::LastName;
    }
    if other && !has("company") {
        return Role::OtherPersonName;
    }
    if has("name")
        && ![
            "company",
            "account",
            "org",
            "organization",
            "organisation",
            "file",
            "event",
            "campaign",
            "domain",
            "user",
        ]
        .iter()
        .any(|x| has(x))
        || has("person")
        || has("contact") && w.len() == 1
    {
        return Role::PersonName;
    }
    if ["company", "organization", "organisation", "employer", "account", "org", "firm", "business"]
        .iter()
        .any(|x| has(x))
    {
        return Role::Company;
    }
    if ["city", "town", "location", "country", "region", "state", "address", "zip", "postcode"]
        .iter()
        .any(|x| has(x))
    {
        return Role::Location;
    }
    if ["timestamp", "date", "time", "at", "when", "datetime", "created", "updated", "occurred"]
        .iter()
        .any(|x| has(x))
    {
        return Role::Timestamp;
    }
    if [
        "note",
        "notes",
        "text",
        "body",
        "comment",
        "comments",
        "description",
        "message",
        "content",
        "summary",
        "details",
    ]
    .iter()
    .any(|x| has(x))
    {
        return Role::FreeText;
    }
    Role::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_map_to_roles() {
        for (h, r) in [
            ("contact_id", Role::LinkId),
            ("visitorId", Role::VisitorId),
            ("Email", Role::Email),
            ("owner_email", Role::OtherPersonEmail),
            ("Mobile Phone", Role::Phone),
            ("first_name", Role::FirstName),
            ("Surname", Role::LastName),
            ("owner", Role::OtherPersonName),
            ("author", Role::OtherPersonName),
            ("Full Name", Role::PersonName),
            ("company", Role::Company),
            ("Company Name", Role::Company),
            ("city", Role::Location),
            ("ip", Role::Ip),
            ("created_at", Role::Timestamp),
            ("text", Role::FreeText),
            ("job_title", Role::Other),
            ("paid", Role::Other),
        ] {
            assert_eq!(detect_role(h), r, "{h}");
        }
    }
}
