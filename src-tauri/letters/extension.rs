//! The extension notice: we need more time, here is why and the new date.

use super::context::{join_kinds, long_date, LetterContext};
use super::{Block, LetterDoc, LetterError};

pub fn extension_notice(c: &LetterContext<'_>, reason: &str) -> Result<LetterDoc, LetterError> {
    let new_date = c.due.extended_respond_by.ok_or(LetterError::NotExtended)?;
    Ok(c.letter(
        "Extension notice for request",
        "We need more time to answer your request",
        vec![
            Block::Paragraph(format!(
                "We received your request on {} asking for {}. We told you we would respond by {}.",
                long_date(c.received),
                join_kinds(c.kinds),
                long_date(c.due.respond_by)
            )),
            Block::Paragraph(format!(
                "We need more time to answer it fully, for this reason: {}. As {} allows, we are extending the \
                 time to respond. We will now respond by {}.",
                reason.trim().trim_end_matches('.'),
                c.regime.rules().label,
                long_date(new_date)
            )),
            Block::Paragraph("We are continuing to work on your request in the meantime, and we will write \
                              sooner if we can."
                .into()),
        ],
    ))
}
