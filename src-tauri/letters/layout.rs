//! A letter as a sequence of blocks, independent of the PDF library.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A bold line, e.g. the subject.
    Heading(String),
    /// Running text, wrapped to the page width.
    Paragraph(String),
    /// Lines kept as they are (addresses, signatures); each wrapped if too long.
    Lines(Vec<String>),
    /// A label and its value on one line, e.g. "Reference" / "2026-0001".
    Field(String, String),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// A table whose header row repeats on every page it runs onto.
    Table { headers: Vec<String>, rows: Vec<Vec<String>> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LetterDoc {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub date: NaiveDate,
    pub reference: String,
    /// Company name first, then address lines and contact.
    pub letterhead: Vec<String>,
    pub blocks: Vec<Block>,
    /// The footer of every page; `{page}` and `{pages}` are filled in.
    pub footer: String,
    /// BCP 47 code of the letter's language (the PDF's /Lang).
    pub lang: String,
    /// A4 paper (EU and UK letters); US Letter otherwise.
    pub a4: bool,
}
