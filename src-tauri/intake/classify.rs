//! Rule-based reading of what a message asks for and which law applies. Every
//! decision carries the words that led to it, so the officer can see why.

use super::cues::{find, fold, KIND_CUES, NEGATIONS, OPT_OUT_SALE, OPT_OUT_SHARING, SCOPE_ONLY};
use super::places::{LAWS, PLACES};
use crate::rules::{Regime, RequestKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub kinds: Vec<RequestKind>,
    pub regime: Regime,
    pub reasons: Vec<String>,
}

/// The writer's own words: quoted lines and the quoted tail of a reply go.
pub fn own_words(body: &str) -> String {
    let mut out = Vec::new();
    for line in body.lines() {
        let t = line.trim_start();
        if t.starts_with('>') {
            continue;
        }
        let f = fold(t);
        let reply_header = (f.starts_with("on ") && f.trim_end().ends_with("wrote:"))
            || (f.starts_with("am ") && f.contains("schrieb"))
            || (f.starts_with("le ") && f.contains("a ecrit"))
            || (f.starts_with("el ") && f.contains("escribio"));
        if reply_header {
            break;
        }
        out.push(line);
    }
    out.join("\n")
}

/// Sentences, with wrapped lines joined back together.
fn clauses(text: &str) -> Vec<String> {
    let joined = text.replace("\r\n", "\n").replace("\n\n", " . ").replace('\n', " ");
    joined
        .split(['.', '!', '?', ';', '•'])
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" but "))
        .map(|s| format!(" {} ", s.trim()))
        .filter(|s| s.trim().len() > 1)
        .collect()
}

fn negated(clause: &str, at: usize) -> bool {
    let start = clause[..at].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let window = &clause[start..at];
    NEGATIONS.iter().any(|n| find(window, n).is_some())
}

/// Blank out every occurrence of the cues, returning the first one found.
fn take_phrases(text: &mut String, cues: &[&str]) -> Option<String> {
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
    for (kind, cues) in
        [(RequestKind::OptOutSale, OPT_OUT_SALE), (RequestKind::OptOutSharing, OPT_OUT_SHARING)]
    {
        if let Some(cue) = take_phrases(&mut text, cues) {
            kinds.push(kind);
            reasons.push(format!("{kind}: \"{cue}\""));
        }
    }
    let clauses = clauses(&text);
    let deletion_cues =
        KIND_CUES.iter().find(|(k, _, _)| *k == RequestKind::Deletion).map_or(&[][..], |(_, c, _)| *c);
    let asks_deletion = |c: &str| deletion_cues.iter().any(|d| find(c, d).is_some());
    for (kind, cues, negatable) in KIND_CUES {
        let hit = clauses.iter().find_map(|c| {
            cues.iter().find_map(|cue| {
                let scope_only = *kind == RequestKind::Access && SCOPE_ONLY.contains(cue) && asks_deletion(c);
                let refused = |at: usize| scope_only || (*negatable && negated(c, at));
                find(c, cue).filter(|at| !refused(*at)).map(|_| *cue)
            })
        });
        if let Some(cue) = hit {
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
    // An appeal asks for a decision to be reviewed, not for the original request again.
    if kinds.contains(&RequestKind::Appeal) {
        kinds.retain(|k| *k == RequestKind::Appeal);
        reasons.retain(|r| r.starts_with("appeal"));
    }
    kinds.sort();
    kinds.dedup();
    kinds
}

fn regime_of(text: &str, reasons: &mut Vec<String>) -> Regime {
    let mut best: Option<(u32, Regime, &str)> = None;
    for (weight, table) in [(3, PLACES), (2, LAWS)] {
        for (regime, cues) in table {
            let hits: Vec<&str> = cues.iter().copied().filter(|c| find(text, c).is_some()).collect();
            let score = hits.len() as u32 * weight;
            let cue = hits.first().copied().unwrap_or_default();
            let total = score + best.filter(|b| b.1 == *regime).map_or(0, |b| b.0);
            if score > 0 && best.is_none_or(|b| total > b.0) {
                best = Some((total, *regime, cue));
            }
        }
    }
    match best {
        Some((_, regime, cue)) => {
            reasons.push(format!("regime {regime}: \"{}\"", cue.trim_end_matches('*').trim()));
            regime
        }
        None => {
            reasons.push("regime policy: no jurisdiction stated".into());
            Regime::Policy
        }
    }
}

pub fn classify(subject: &str, body: &str) -> Classification {
    let own = fold(&format!("{subject}\n\n{}", own_words(body)));
    let all = fold(&format!("{subject}\n{body}"));
    let mut reasons = Vec::new();
    let mut kinds = kinds_of(&own, &mut reasons);
    if kinds.is_empty() {
        kinds.push(RequestKind::Access);
        reasons.push("access: no request words found, defaulted — check".into());
    }
    let regime = regime_of(&all, &mut reasons);
    Classification { kinds, regime, reasons }
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
    fn quoted_text_of_a_reply_is_not_the_request() {
        let body = "I am appealing your decision.\n\nOn Mon, 2 Nov 2026, Privacy wrote:\n> We cannot delete your data.";
        assert_eq!(classify("Re: 2026-0007", body).kinds, vec![RequestKind::Appeal]);
    }
}
