//! Rule-based reading of what a message asks for and which law applies. Every
//! decision carries the words that led to it, so the officer can see why.

use std::sync::LazyLock;

use super::cues::{
    find, fold, ASKS_ABOUT, KIND_CUES, NEGATIONS, OPT_OUT_SALE, OPT_OUT_SHARING, REMOVAL_ONLY,
    SALE_DESCRIBED, SCOPE_ONLY, SHARE_VERBS, SHARE_WITH,
};
use super::matcher::{CueSet, Hit};
use super::places::{LAWS, NOT_HOME, PLACES};
use super::reading::{is_reply, own_words, plain};
use crate::rules::{Regime, RequestKind};

// The cue tables compiled once: constant lookup tables, not state.
static KIND_SET: LazyLock<CueSet> =
    LazyLock::new(|| CueSet::new(&KIND_CUES.iter().map(|(_, cues, _)| *cues).collect::<Vec<_>>()));
/// The places, then the laws: one pass over a message finds both.
static REGIME_SET: LazyLock<CueSet> =
    LazyLock::new(|| CueSet::new(&PLACES.iter().chain(LAWS).map(|(_, c)| *c).collect::<Vec<_>>()));

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub kinds: Vec<RequestKind>,
    pub regime: Regime,
    pub reasons: Vec<String>,
    /// The subject and the writer's own words, made [`plain`](super::reading::plain): what was read.
    pub own: String,
}

/// "I still expect a complete response": a complaint that asks again.
const ASKS_AGAIN: &[&str] = &[
    "still expect",
    "still want",
    "still waiting",
    "still need",
    "still require",
    "carried out",
    "no reply",
    "no response",
    "aucune reponse",
    "keine antwort",
    "sin respuesta",
    "ninguna respuesta",
    "complete response",
    "nach wie vor",
    "weiterhin",
    "sigo esperando",
    "todavia espero",
    "toujours",
];

/// Sentences of a text made [`plain`](super::reading::plain).
fn clauses(text: &str) -> Vec<String> {
    text.split(['.', '!', '?', ';', '•'])
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" but "))
        .map(|s| format!(" {} ", s.trim()))
        .filter(|s| s.trim().len() > 1)
        .collect()
}

/// The words before `at`, back to a word boundary at most `chars` characters off.
fn before(clause: &str, at: usize, chars: usize) -> &str {
    let start = clause[..at].char_indices().rev().nth(chars).map_or(0, |(i, _)| i);
    &clause[start..at]
}

/// "My details had been deleted": a deletion reported as done, not asked for.
fn reported_done(clause: &str, at: usize) -> bool {
    const DONE: &[&str] =
        &["been", "was", "were", "already", "sido", "fueron", "fue", "wurden", "wurde", "ete"];
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let last = before(clause, at, 16).split_whitespace().map(word).rfind(|w| !w.is_empty());
    last.is_some_and(|w| DONE.contains(&w.as_str()))
}

/// "…what you have is out of date": the words that follow make it a statement.
fn stated(clause: &str, end: usize) -> bool {
    let next = clause.get(end..).and_then(|rest| rest.split_whitespace().next()).unwrap_or("");
    ["is", "are", "was", "were", "isn't", "has"].contains(&next)
}

/// "If I don't hear from you I will file a complaint": a complaint threatened,
/// not made.
fn threatened(clause: &str, at: usize) -> bool {
    const THREAT: &[&str] = &[
        "if",
        "should you",
        "otherwise",
        "unless",
        "failing",
        "will",
        "shall",
        "how to",
        "through which",
        "sinon",
        "sans reponse",
        "deposerai",
        "je vais",
        "falls",
        "andernfalls",
        "sollten",
        "werde",
        "si",
        "como presentar",
        "presentare",
        "voy a",
    ];
    // "…and, if the appeal is denied, tell me how to contact the Attorney
    // General to submit a complaint": the condition may stand well before.
    let window = before(clause, at, 150);
    THREAT.iter().any(|t| find(window, t).is_some())
}

/// Words that ask outright.
const PLEASE: &[&str] = &["please", "por favor", "bitte", "veuillez", "merci de", "je vous prie"];

/// "I wrote to you asking you to delete…": a request told as what happened.
fn told_before(clause: &str, at: usize) -> bool {
    const TOLD: &[&str] = &[
        "asked you to",
        "asking you to",
        "asking for",
        "i asked for",
        "i emailed",
        "i requested",
        "i had requested",
        "requested that you",
        "i wrote to you",
        "i previously",
        "i already asked",
        "i had asked",
        "hatte ich",
        "ich hatte",
        "le pedi",
        "les pedi",
        "solicite",
        "j'avais demande",
        "je vous avais demande",
    ];
    let window = before(clause, at, 60);
    TOLD.iter().any(|t| find(window, t).is_some())
}

/// "my subject access request", "meines Auskunftsersuchens": the writer names
/// a request they made before, which is not the same as making it again.
fn names_earlier_request(clause: &str, at: usize) -> bool {
    const MINE: &[&str] =
        &["my", "our", "mein*", "unser*", "mi", "mis", "nuestra", "mon", "ma", "mes", "notre"];
    const REQUEST: &[&str] =
        &["request*", "ersuch*", "anfrage*", "antrag*", "solicitud*", "peticion*", "demande*"];
    let words: Vec<&str> = before(clause, at, 24).split_whitespace().rev().take(2).collect();
    let rest = &clause[at..];
    let after = &rest[..rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i)];
    let word_after = after.split_whitespace().next().unwrap_or("");
    words.iter().any(|w| MINE.iter().any(|m| find(w, m).is_some()))
        && (REQUEST.iter().any(|r| find(after, r).is_some())
            || ["ersuch", "anfrage", "antrag"].iter().any(|r| word_after.contains(r)))
}

fn negated(clause: &str, at: usize) -> bool {
    let window = before(clause, at, 40);
    NEGATIONS.iter().any(|n| find(window, n).is_some())
}

/// Opt-out phrases, described sales and passing-on verbs: which of them a
/// message holds at all, in one pass (most hold none).
static OPT_OUT_SET: LazyLock<CueSet> =
    LazyLock::new(|| CueSet::new(&[OPT_OUT_SALE, OPT_OUT_SHARING, SALE_DESCRIBED, SHARE_VERBS]));
static SALE_SET: LazyLock<CueSet> = LazyLock::new(|| CueSet::new(&[OPT_OUT_SALE]));
static SHARING_SET: LazyLock<CueSet> = LazyLock::new(|| CueSet::new(&[OPT_OUT_SHARING]));

/// Blank out every occurrence of the cues, returning the first one found.
fn take_phrases(text: &mut String, cues: &[&str], set: &CueSet) -> Option<String> {
    set.first_listed(text)?;
    let mut first = None;
    for cue in cues {
        while let Some(at) = find(text, cue) {
            let len = cue.trim_end_matches('*').len();
            first.get_or_insert_with(|| cue.to_string());
            text.replace_range(at..at + len, &" ".repeat(len));
        }
    }
    first
}

fn kinds_of(text: &str, reasons: &mut Vec<String>) -> Vec<RequestKind> {
    let mut text = text.to_string();
    let mut kinds = Vec::new();
    // Most messages hold no opt-out phrase at all: one pass over both lists tells.
    let present = OPT_OUT_SET.first_per_group(&text);
    let opt_outs = present[0].is_some() || present[1].is_some();
    let (described, passed_on) = (present[2].is_some(), present[3].is_some());
    for (kind, cues, set) in [
        (RequestKind::OptOutSale, OPT_OUT_SALE, &*SALE_SET),
        (RequestKind::OptOutSharing, OPT_OUT_SHARING, &*SHARING_SET),
    ] {
        if let Some(cue) = opt_outs.then(|| take_phrases(&mut text, cues, set)).flatten() {
            kinds.push(kind);
            reasons.push(format!("{kind}: \"{cue}\""));
        }
    }
    let clauses = clauses(&text);
    // "…the purposes for selling my data" names what a right-to-know answer
    // holds; "I don't want you selling my data" asks for the sale to stop.
    if !kinds.contains(&RequestKind::OptOutSale) && described {
        let described = clauses.iter().find_map(|c| {
            let cue = SALE_DESCRIBED.iter().find(|cue| find(c, cue).is_some())?;
            (!ASKS_ABOUT.iter().any(|q| find(c, q).is_some())).then_some(cue)
        });
        if let Some(cue) = described {
            kinds.push(RequestKind::OptOutSale);
            reasons.push(format!("{}: \"{cue}\"", RequestKind::OptOutSale));
        }
    }
    if !kinds.contains(&RequestKind::OptOutSharing) && passed_on {
        let refused = clauses.iter().find_map(|c| {
            let verb = SHARE_VERBS.iter().find_map(|v| find(c, v).map(|at| (v, at)));
            verb.filter(|(_, at)| negated(c, *at) && SHARE_WITH.iter().any(|w| find(c, w).is_some()))
        });
        if let Some((verb, _)) = refused {
            kinds.push(RequestKind::OptOutSharing);
            reasons.push(format!(
                "{}: \"{}\" refused",
                RequestKind::OptOutSharing,
                verb.trim_end_matches('*')
            ));
        }
    }
    let group_of = |kind| KIND_CUES.iter().position(|(k, _, _)| *k == kind).unwrap_or(usize::MAX);
    let (deletion, unsubscribe, complaint) = (
        group_of(RequestKind::Deletion),
        group_of(RequestKind::Unsubscribe),
        group_of(RequestKind::Complaint),
    );
    let per_clause: Vec<Vec<Hit>> = clauses.iter().map(|c| KIND_SET.hits(c)).collect();
    let complains = per_clause.iter().flatten().any(|h| h.group == complaint);
    let appeals = per_clause.iter().flatten().any(|h| h.group == group_of(RequestKind::Appeal));
    // Kinds asked for outright ("please … delete"), which an appeal keeps.
    let mut pleaded = Vec::new();
    for (group, (kind, _, negatable)) in KIND_CUES.iter().enumerate() {
        let mut found = clauses.iter().zip(&per_clause).filter_map(|(clause, hits)| {
            let deletes = hits.iter().any(|h| h.group == deletion);
            let about_a_list = hits.iter().any(|h| h.group == unsubscribe);
            hits.iter()
                .filter(|h| h.group == group)
                .find(|h| {
                    let scope = *kind == RequestKind::Access && SCOPE_ONLY.contains(&h.cue);
                    // "delete everything you hold"; "what you have is out of date".
                    let scope_only =
                        scope && (deletes || stated(clause, h.at + h.cue.trim_end_matches('*').len()));
                    let threat = group == complaint && threatened(clause, h.at);
                    // "remove my address from your mailing lists" is an unsubscribe.
                    let off_a_list = group == deletion && about_a_list && REMOVAL_ONLY.contains(&h.cue);
                    let done = group == deletion && reported_done(clause, h.at);
                    // A complaint about "my access request" does not make it again.
                    let earlier = complains
                        && group != complaint
                        && (names_earlier_request(clause, h.at) || told_before(clause, h.at));
                    !(scope_only
                        || off_a_list
                        || done
                        || earlier
                        || threat
                        || (*negatable && negated(clause, h.at)))
                })
                .map(|h| (h.cue, appeals && PLEASE.iter().any(|p| find(clause, p).is_some())))
        });
        if let Some((cue, please)) = found.next() {
            if appeals && (please || found.any(|(_, please)| please)) {
                pleaded.push(*kind);
            }
            kinds.push(*kind);
            reasons.push(format!("{kind}: \"{}\"", cue.trim_end_matches('*')));
        }
    }
    // A bare "opt out" that is not about a mailing list is the CCPA's sale opt-out.
    let bare_opt_out = ["opt out", "opt-out", "optout"].iter().find(|c| find(&text, c).is_some());
    if let (Some(cue), false) = (bare_opt_out, kinds.iter().any(|k| *k != RequestKind::Complaint)) {
        kinds.push(RequestKind::OptOutSale);
        reasons.push(format!("opt_out_sale: \"{cue}\" with nothing else asked"));
    }
    // An appeal asks for a decision to be reviewed, not for the original
    // request again, unless it asks again outright ("please reconsider and delete").
    if kinds.contains(&RequestKind::Appeal) {
        kinds.retain(|k| matches!(k, RequestKind::Appeal | RequestKind::Complaint) || pleaded.contains(k));
        reasons.retain(|r| kinds.iter().any(|k| r.starts_with(k.as_str())));
    }
    kinds.sort();
    kinds.dedup();
    kinds
}

fn regime_of(text: &str, reasons: &mut Vec<String>) -> Regime {
    // (regime, score, first cue), in the order of the tables: ties go to the first.
    let mut scores: Vec<(Regime, u32, &str)> = Vec::new();
    let hits = REGIME_SET.hits(text);
    for (weight, table, groups) in
        [(3, PLACES, 0..PLACES.len()), (2, LAWS, PLACES.len()..PLACES.len() + LAWS.len())]
    {
        let mut seen: Vec<(usize, &str)> = Vec::new();
        // "I grew up in California" says where someone lived, not where they live.
        let lives_there =
            |h: &&Hit| weight != 3 || !NOT_HOME.iter().any(|c| find(before(text, h.at, 30), c).is_some());
        for h in hits.iter().filter(|h| groups.contains(&h.group)).filter(lives_there) {
            let group = h.group - groups.start;
            if !seen.contains(&(group, h.cue)) {
                seen.push((group, h.cue));
            }
        }
        seen.sort_by_key(|(group, _)| *group);
        for (group, cue) in seen {
            let regime = table[group].0;
            match scores.iter_mut().find(|s| s.0 == regime) {
                Some(s) => s.1 += weight,
                None => scores.push((regime, weight, cue)),
            }
        }
    }
    let best = scores.iter().fold(None::<&(Regime, u32, &str)>, |b, s| match b {
        Some(b) if b.1 >= s.1 => Some(b),
        _ => Some(s),
    });
    match best {
        Some((regime, _, cue)) => {
            reasons.push(format!("regime {regime}: \"{}\"", cue.trim_end_matches('*').trim()));
            *regime
        }
        None => {
            reasons.push("regime policy: no jurisdiction stated".into());
            Regime::Policy
        }
    }
}

/// Whether `text` (already the writer's own words) asks for anything at all.
pub fn asks_anything(text: &str) -> bool {
    !kinds_of(&plain(text), &mut Vec::new()).is_empty()
}

pub fn classify(subject: &str, body: &str) -> Classification {
    let words = own_words(body);
    let own = plain(&format!("{subject}\n\n{words}"));
    // Places and laws are looked for in the whole text, quotes included.
    let all = fold(&format!("{subject}\n{body}"));
    let mut reasons = Vec::new();
    let mut kinds = kinds_of(&own, &mut reasons);
    let reply = is_reply(subject);
    // A reply's subject names the request it answers. A complaint or an appeal
    // about that request does not make it again.
    if reply && kinds.iter().any(|k| matches!(k, RequestKind::Complaint | RequestKind::Appeal)) {
        let mut body_reasons = Vec::new();
        let folded = plain(&words);
        let body_kinds = kinds_of(&folded, &mut body_reasons);
        let asks_again = ASKS_AGAIN.iter().any(|c| find(&folded, c).is_some());
        if !asks_again && body_kinds.iter().any(|k| matches!(k, RequestKind::Complaint | RequestKind::Appeal))
        {
            (kinds, reasons) = (body_kinds, body_reasons);
            reasons.push("the reply's subject names the earlier request; only the new words count".into());
        }
    }
    // "Attached is my licence, as requested": a reply that asks nothing new
    // carries on the request it answers, which the quoted text states.
    if kinds.is_empty() && reply {
        kinds = kinds_of(&plain(&format!("{subject}\n\n{body}")), &mut reasons);
        if !kinds.is_empty() {
            reasons.push("a reply that asks nothing new: the kinds of the messages it quotes".into());
        }
    }
    if kinds.is_empty() {
        kinds.push(RequestKind::Access);
        reasons.push("access: no request words found, defaulted — check".into());
    }
    let regime = regime_of(&all, &mut reasons);
    Classification { kinds, regime, reasons, own }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kinds_and_regime_with_reasons() {
        let c = classify("Request", "Under the CCPA please delete my data and do not sell it.");
        assert_eq!(c.kinds, vec![RequestKind::Deletion, RequestKind::OptOutSale]);
        assert_eq!(c.regime, Regime::Ccpa);
        assert!(c.reasons.iter().any(|r| r.contains("\"ccpa\"")));
        let c = classify("Auskunftsersuchen", "nach Art. 15 DSGVO bitte ich um Auskunft");
        assert_eq!((c.kinds, c.regime), (vec![RequestKind::Access], Regime::Gdpr));
    }

    #[test]
    fn a_negated_request_is_not_a_request_for_that() {
        let c = classify(
            "Opt-out",
            "I only want the selling to stop. I'm not asking you to delete anything right now.",
        );
        assert_eq!(c.kinds, vec![RequestKind::OptOutSale]);
        let c = classify(
            "Promos",
            "Please do NOT delete or close my account. I only want to stop getting the marketing emails.",
        );
        assert_eq!(c.kinds, vec![RequestKind::Unsubscribe]);
    }

    #[test]
    fn where_someone_lives_outweighs_a_law_they_mention() {
        let c = classify(
            "Request",
            "I know the GDPR doesn't apply to me, but the Colorado Privacy Act does. I live in Denver.",
        );
        assert_eq!(c.regime, Regime::UsCo);
    }

    #[test]
    fn phrases_wrapped_across_lines_and_options_not_chosen() {
        let c = classify("Request", "I direct you not to\n    sell my personal information.");
        assert_eq!(c.kinds, vec![RequestKind::OptOutSale]);
        let form = "I would like to:\n☑ Access my personal data\n☐ Delete my data\n[ ] Request to Correct\n\
( ) Do not sell my personal information";
        assert_eq!(classify("Form", form).kinds, vec![RequestKind::Access]);
    }

    #[test]
    fn words_that_describe_rather_than_ask() {
        // A right-to-know list names sale and profiling as things to be told about.
        let c = classify(
            "Request to know",
            "Tell me the purposes for selling my data and whether profiling is used.",
        );
        assert_eq!(c.kinds, vec![RequestKind::Access]);
        let c = classify("Opt-out", "I don't want you selling my data any more.");
        assert_eq!(c.kinds, vec![RequestKind::OptOutSale]);
        let c = classify("Partners", "I don't want my info shared with your partners.");
        assert_eq!(c.kinds, vec![RequestKind::OptOutSharing]);
        let c = classify("Lists", "Please remove my email address from all of your mailing lists.");
        assert_eq!(c.kinds, vec![RequestKind::Unsubscribe]);
        let c = classify(
            "Formal complaint",
            "I wish to make a formal complaint. I wrote to you asking you to delete my data and you said it had been deleted.",
        );
        assert_eq!(c.kinds, vec![RequestKind::Complaint]);
    }

    #[test]
    fn a_reply_asks_what_its_own_words_ask() {
        let c = classify(
            "Re: Your subject access request",
            "I want to complain about how my subject access request was handled.",
        );
        assert_eq!(c.kinds, vec![RequestKind::Complaint]);
        let c = classify(
            "Re: Your subject access request",
            "This is a formal complaint, and I still expect a complete response.",
        );
        assert_eq!(c.kinds, vec![RequestKind::Access, RequestKind::Complaint]);
        let c = classify(
            "Re: verification needed",
            "Attached is my ID.\n\nOn Mon, 2 Nov 2026, Privacy wrote:\n> Before we delete your data we need your ID.",
        );
        assert_eq!(c.kinds, vec![RequestKind::Deletion]);
    }

    #[test]
    fn legal_notices_and_outlook_reply_blocks_are_not_the_writer_asking() {
        let body = "Please correct my job title.\n\nThis email may contain confidential information. If you \
have received it in error, please notify the sender and delete it.";
        assert_eq!(classify("Title", body).kinds, vec![RequestKind::Correction]);
        let reply = "My ID is attached. Please also fix my job title.\n\nFrom: Privacy\nSent: Monday\n\
Subject: request\n\nBefore we delete your data we need your ID.";
        assert_eq!(classify("RE: request", reply).kinds, vec![RequestKind::Correction]);
    }

    #[test]
    fn a_complaint_threatened_is_not_made_and_a_statement_is_not_a_question() {
        let c =
            classify("Erasure", "Please erase my data. Should you fail to do so, we will lodge a complaint.");
        assert_eq!(c.kinds, vec![RequestKind::Deletion]);
        let c = classify("Again", "My requests were ignored. Please unsubscribe me.");
        assert_eq!(c.kinds, vec![RequestKind::Unsubscribe, RequestKind::Complaint]);
        let c = classify("Details", "What you have is out of date. Please correct my title.");
        assert_eq!(c.kinds, vec![RequestKind::Correction]);
    }

    #[test]
    fn an_appeal_keeps_what_it_asks_for_outright() {
        let c = classify("Appeal", "I am appealing your decision. Please reconsider and delete my data.");
        assert_eq!(c.kinds, vec![RequestKind::Deletion, RequestKind::Appeal]);
        let c = classify("Appeal", "You refused to delete my data. I am appealing that decision.");
        assert_eq!(c.kinds, vec![RequestKind::Appeal]);
        let route = "I appeal. If the appeal is denied, please tell me how to contact the Attorney General to submit a complaint.";
        assert_eq!(classify("Appeal", route).kinds, vec![RequestKind::Appeal]);
        let both = "I appeal your refusal. I also want to register a complaint about how this was handled.";
        assert_eq!(classify("Appeal", both).kinds, vec![RequestKind::Appeal, RequestKind::Complaint]);
    }

    #[test]
    fn where_someone_grew_up_is_not_where_they_live() {
        let c = classify(
            "Question",
            "I grew up in California but we live in Columbus, Ohio now. Delete my data.",
        );
        assert_eq!(c.regime, Regime::Policy);
    }

    #[test]
    fn quoted_text_of_a_reply_is_not_the_request() {
        let body = "I am appealing your decision.\n\nOn Mon, 2 Nov 2026, Privacy wrote:\n> We cannot delete your data.";
        assert_eq!(classify("Re: 2026-0007", body).kinds, vec![RequestKind::Appeal]);
    }
}
