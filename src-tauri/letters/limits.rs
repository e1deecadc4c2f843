//! Letters about how often and at what cost a request is answered.

use super::context::{join_kinds, long_date, LetterContext};
use super::{Block, LetterDoc};
use crate::ledger::Fee;

/// A third access request within 12 months (POLICY: "only twice within a 12-months period").
pub fn answered_twice(c: &LetterContext<'_>, earlier: &[String]) -> LetterDoc {
    c.letter(
        "Reply to request",
        "We have already answered two access requests from you this year",
        vec![
            Block::Paragraph(format!(
                "We received your request on {} asking for {}.",
                long_date(c.received),
                join_kinds(c.kinds)
            )),
            Block::Paragraph(format!(
                "Our privacy policy provides that a request for access can be made twice within a 12-month period. \
                 We answered your earlier requests ({}) within the last 12 months, so we will not provide the \
                 information again at this time.",
                earlier.join(", ")
            )),
            Block::Paragraph(
                "This does not affect your other rights: you may still ask us to delete or correct your \
                 information, or opt out of its sale, at any time."
                    .into(),
            ),
        ],
    )
}

/// The reasons and the estimate, sent before any work is done (POLICY; GDPR Art. 12(5)).
pub fn fee_estimate(c: &LetterContext<'_>, fee: &Fee) -> LetterDoc {
    c.letter(
        "Fee estimate for request",
        "A fee would apply to this request",
        vec![
            Block::Paragraph(format!(
                "We received your request on {} asking for {}. We do not normally charge for requests, but we \
                 consider this one excessive, repetitive or manifestly unfounded, for these reasons: {}.",
                long_date(c.received),
                join_kinds(c.kinds),
                fee.reasons.trim_end_matches('.')
            )),
            Block::Field(
                "Estimated cost".into(),
                format!("{} {:.2}", fee.currency, f64::from(fee.estimate_cents) / 100.0),
            ),
            Block::Paragraph(
                "Please tell us whether you wish us to proceed on this basis. We will not process the request \
                 further until we hear from you."
                    .into(),
            ),
        ],
    )
}
