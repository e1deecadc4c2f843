//! Letters about verifying the requester: what we need and how to send it,
//! that we could not verify them, and that we closed a request no one answered.

use super::context::{join_kinds, long_date, LetterContext};
use super::{Block, LetterDoc};
use crate::rules::RequestKind;
use crate::verify::{Level, OnBehalf, Plan, StepId};

/// What the verification letter asks for: exactly what the plan still needs.
pub struct Needed<'a> {
    pub plan: &'a Plan,
    pub steps_done: &'a [StepId],
    pub points_counted: usize,
    pub on_behalf: Option<OnBehalf>,
    /// The date after which, without an answer, the request is closed.
    pub answer_by: Option<chrono::NaiveDate>,
}

const POINTS_HELP: &str =
    "for example the email address or phone number you gave us, the company you work for \
     and your job title, your business postal address, your account or contact number, or a recent \
     interaction with us (a webinar you attended or a form you filled in)";

fn asks(n: &Needed) -> Vec<String> {
    let mut out = Vec::new();
    let done = |s: StepId| n.steps_done.contains(&s);
    for &s in &n.plan.steps {
        match s {
            StepId::Points => {
                let missing = n.plan.level.points_needed().saturating_sub(n.points_counted);
                if missing > 0 {
                    out.push(format!(
                        "{} piece{} of information that we already hold about you, {POINTS_HELP}. Please do not \
                         send identity documents unless we ask for them.",
                        match missing {
                            1 => "One more",
                            2 => "Two",
                            _ => "Three",
                        },
                        if missing == 1 { "" } else { "s" }
                    ));
                }
            }
            StepId::Declaration if !done(s) => out.push(
                "A signed declaration, under penalty of perjury under the laws of the State of California, that \
                 you are the person whose personal information is the subject of the request. A signed letter \
                 with the sentence \"I declare under penalty of perjury that I am the consumer named in request \
                 {reference}\" is enough."
                    .into(),
            ),
            StepId::KnownAddress if !done(s) && !done(StepId::DoubtResolved) => out.push(
                "A reply from the email address we hold for you, or, if you no longer use it, one piece of \
                 information we already hold about you that settles who you are."
                    .into(),
            ),
            StepId::AgentPermission if !done(s) && !done(StepId::PowerOfAttorney) => out.push(
                "The consumer's signed permission for you to make this request on their behalf (or a power of \
                 attorney)."
                    .into(),
            ),
            StepId::ConsumerConfirms if !done(s) && !done(StepId::PowerOfAttorney) => out.push(
                "The consumer's own confirmation, sent to us directly, that they gave you this permission."
                    .into(),
            ),
            StepId::ParentalAuthority if !done(s) => out.push(
                "Proof that you are the parent or legal guardian of the child (for example a birth certificate \
                 or a court order), and two pieces of information we hold about the child."
                    .into(),
            ),
            _ => {}
        }
    }
    out
}

pub fn verification_request(c: &LetterContext<'_>, n: &Needed) -> LetterDoc {
    let mut blocks = vec![Block::Paragraph(format!(
        "We received your request on {} asking for {} (reference {}). Before we act on it we must verify \
         your identity, so that we never disclose or delete someone else's information. We will use what you \
         send only to verify your identity, and we will not charge a fee.",
        long_date(c.received),
        join_kinds(c.kinds),
        c.reference
    ))];
    if n.on_behalf == Some(OnBehalf::Agent) {
        blocks.push(Block::Paragraph(
            "Because the request was made on someone else's behalf, we also need to be sure that they \
             authorised it."
                .into(),
        ));
    }
    blocks.push(Block::Paragraph("Please send us:".into()));
    for (i, ask) in asks(n).iter().enumerate() {
        blocks.push(Block::Paragraph(format!("{}. {}", i + 1, ask.replace("{reference}", c.reference))));
    }
    let by = n.answer_by.map(|d| format!(" by {}", long_date(d))).unwrap_or_default();
    blocks.push(Block::Paragraph(format!(
        "Reply{by} to {} quoting reference {}, or by post to the address above. {}",
        c.privacy_email,
        c.reference,
        if n.answer_by.is_some() {
            "If we do not hear from you by then, we will close the request; you may make a new one at any time."
        } else {
            ""
        }
    )));
    if n.plan.pause_allowed {
        blocks.push(Block::Paragraph(
            "The time we have to answer your request is paused until we receive this information.".into(),
        ));
    }
    c.letter("Verification of identity", "Please help us confirm who you are", blocks)
}

pub fn unable_to_verify(c: &LetterContext<'_>, reasons: &str, level: Level) -> LetterDoc {
    let mut blocks = vec![
        Block::Paragraph(format!(
            "We received your request on {} asking for {} (reference {}).",
            long_date(c.received),
            join_kinds(c.kinds),
            c.reference
        )),
        Block::Paragraph(format!(
            "We could not verify your identity to the degree the law requires for this request, so we cannot \
             act on it. The reason: {}.",
            reasons.trim().trim_end_matches('.')
        )),
    ];
    if c.kinds.contains(&RequestKind::Access) && level == Level::ThreePointsDeclaration {
        blocks.push(Block::Paragraph(
            "Where we could verify you to a lower degree, we will tell you the categories of personal \
             information we hold about you, instead of the specific pieces."
                .into(),
        ));
    }
    if c.kinds.contains(&RequestKind::Deletion) {
        blocks.push(Block::Paragraph(
            "Although we cannot delete your information without verifying you, you can still tell us not to \
             sell or share it: that needs no verification. Reply to this letter saying \"do not sell or share \
             my personal information\" and we will act on it."
                .into(),
        ));
    }
    blocks.push(Block::Paragraph(format!(
        "You may make a new request at any time. If you disagree with this decision you may reply to {}; {}",
        c.privacy_email,
        appeal_route(c)
    )));
    c.letter("Request could not be verified", "We could not verify your identity", blocks)
}

pub fn abandoned(c: &LetterContext<'_>, asked_on: chrono::NaiveDate) -> LetterDoc {
    c.letter(
        "Request closed",
        "We have closed your request",
        vec![
            Block::Paragraph(format!(
                "We received your request on {} asking for {} (reference {}). On {} we asked you for the \
                 information we need to verify your identity, and we have not received it.",
                long_date(c.received),
                join_kinds(c.kinds),
                c.reference,
                long_date(asked_on)
            )),
            Block::Paragraph(
                "We have therefore closed the request. This does not affect your rights: you may make a new \
                 request at any time, and we will answer it."
                    .into(),
            ),
            Block::Paragraph(appeal_route(c)),
        ],
    )
}

/// Where a requester can take a refusal (RULES.md: every refusal gives the route).
fn appeal_route(c: &LetterContext<'_>) -> String {
    use crate::rules::Regime;
    match c.regime {
        Regime::Gdpr => "you also have the right to lodge a complaint with a data protection supervisory authority, in particular in the EU member state where you live or work.".into(),
        Regime::Uk => "you also have the right to complain to the Information Commissioner's Office (ico.org.uk).".into(),
        Regime::Ccpa | Regime::Policy => "you may also contact the California Privacy Protection Agency or the California Attorney General.".into(),
        _ => "you may appeal this decision by replying to this letter with the word \"appeal\"; if the appeal is denied, you may contact your state's Attorney General.".into(),
    }
}
