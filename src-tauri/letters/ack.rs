//! The acknowledgement letter: we have your request, here is when and how we answer.

use super::context::{join_kinds, long_date, LetterContext};
use super::{Block, LetterDoc};
use crate::rules::RequestKind;

/// How identity will be checked, by what was asked (RULES.md, verification).
fn verification_paragraph(kinds: &[RequestKind]) -> String {
    let needs_none = |k: &RequestKind| {
        matches!(k, RequestKind::OptOutSale | RequestKind::OptOutSharing | RequestKind::Unsubscribe)
            || *k == RequestKind::Objection
    };
    if kinds.iter().all(needs_none) {
        return "We do not need to verify your identity for this request, and we will not ask you for \
                identification."
            .into();
    }
    let specific = kinds.iter().any(|k| matches!(k, RequestKind::Access | RequestKind::Portability));
    let level = if specific {
        "Because you asked for the specific pieces of information we hold, we will ask you to confirm three \
         pieces of information that we already hold about you and to sign a short declaration, under penalty \
         of perjury, that you are the person named in the request."
    } else {
        "We will ask you to confirm two pieces of information that we already hold about you."
    };
    format!(
        "Before we act on your request we must verify your identity, so that we never disclose or delete \
         someone else's information. We will only use the information you provide for this purpose, and we \
         will not charge a fee. {level}"
    )
}

pub fn acknowledgement(c: &LetterContext<'_>) -> LetterDoc {
    let deadline = format!(
        "We will respond by {}. If we need more time, we will tell you before that date, with the reason \
         and the new date.",
        long_date(c.due.effective_respond_by())
    );
    c.letter(
        "Acknowledgement of request",
        "We have received your privacy request",
        vec![
            Block::Paragraph(format!(
                "Thank you for contacting us. We received your request on {} asking for {}. It is recorded \
                 under reference {}; please quote it in any reply.",
                long_date(c.received),
                join_kinds(c.kinds),
                c.reference
            )),
            Block::Paragraph(format!("Your request is handled under {}. {deadline}", c.regime.rules().label)),
            Block::Paragraph(verification_paragraph(c.kinds)),
        ],
    )
}
