//! The small line language templates write, turned into blocks.
//!
//! - `# text` a heading; `> text` a kept line (consecutive ones stay together);
//! - `- text` a bullet; `Label:: value` a field;
//! - `@table NAME | Header | Header …` a table whose rows the program supplies;
//! - `@footer text` the page footer, with `{page}` and `{pages}`;
//! - any other line is running text; a blank line ends a paragraph.
//!
//! Values printed by the template are wrapped in two private-use characters by
//! the engine, so a requester's name that begins with `#` or `@table` stays text.

use std::collections::BTreeMap;

use super::{Block, LetterError};

pub const OPEN: char = '\u{E000}';
pub const CLOSE: char = '\u{E001}';

fn plain(s: &str) -> String {
    s.chars().filter(|&c| c != OPEN && c != CLOSE).collect::<String>().trim().to_string()
}

/// What the markup gave: the blocks and the footer.
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub footer: Option<String>,
}

pub fn parse(text: &str, tables: &BTreeMap<String, Vec<Vec<String>>>) -> Result<Parsed, LetterError> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut footer = None;
    let mut para: Vec<String> = Vec::new();
    let flush = |para: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(para.join(" ")));
            para.clear();
        }
    };
    for raw in text.lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            flush(&mut para, &mut blocks);
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("# ") {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Heading(plain(rest)));
        } else if trimmed == ">" || trimmed.starts_with("> ") {
            flush(&mut para, &mut blocks);
            let l = plain(trimmed.trim_start_matches('>'));
            match blocks.last_mut() {
                Some(Block::Lines(lines)) => lines.push(l),
                _ => blocks.push(Block::Lines(vec![l])),
            }
        } else if let Some(rest) = trimmed.strip_prefix("- ") {
            flush(&mut para, &mut blocks);
            let item = plain(rest);
            match blocks.last_mut() {
                Some(Block::Bullets(items)) => items.push(item),
                _ => blocks.push(Block::Bullets(vec![item])),
            }
        } else if let Some(rest) = trimmed.strip_prefix("@table ") {
            flush(&mut para, &mut blocks);
            let mut parts = rest.split('|').map(plain);
            let name = parts.next().unwrap_or_default();
            let headers: Vec<String> = parts.collect();
            let rows = tables.get(&name).ok_or_else(|| {
                LetterError::Template(format!("the template asks for an unknown table {name:?}"))
            })?;
            if let Some(bad) = rows.iter().find(|r| r.len() != headers.len()) {
                return Err(LetterError::Template(format!(
                    "table {name:?} has {} columns but the template gives {} headers",
                    bad.len(),
                    headers.len()
                )));
            }
            if !rows.is_empty() {
                blocks.push(Block::Table { headers, rows: rows.clone() });
            }
        } else if let Some(rest) = trimmed.strip_prefix("@footer ") {
            footer = Some(plain(rest));
        } else if let Some((label, value)) = field(trimmed) {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Field(label, value));
        } else {
            para.push(plain(trimmed));
        }
    }
    flush(&mut para, &mut blocks);
    Ok(Parsed { blocks, footer })
}

/// `Label:: value`, where the `::` is template text (before any printed value).
fn field(line: &str) -> Option<(String, String)> {
    let at = line.find("::")?;
    if line[..at].contains(OPEN) || at == 0 {
        return None;
    }
    Some((plain(&line[..at]), plain(&line[at + 2..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_blocks_and_values_never_become_markup() {
        let mut tables = BTreeMap::new();
        tables.insert("t".to_string(), vec![vec!["a".to_string(), "b".to_string()]]);
        let text = format!(
            "> 1 May\n> {o}Ann{c}\n\nReference:: {o}X-1{c}\n# Hello\nDear {o}Ann{c},\nsecond line\n\n- one\n- two\n@table t | A | B\n{o}# not a heading{c}\n{o}@table t{c}\n@footer Page {{page}} of {{pages}}\n",
            o = OPEN,
            c = CLOSE
        );
        let p = parse(&text, &tables).unwrap();
        assert_eq!(
            p.blocks,
            vec![
                Block::Lines(vec!["1 May".into(), "Ann".into()]),
                Block::Field("Reference".into(), "X-1".into()),
                Block::Heading("Hello".into()),
                Block::Paragraph("Dear Ann, second line".into()),
                Block::Bullets(vec!["one".into(), "two".into()]),
                Block::Table {
                    headers: vec!["A".into(), "B".into()],
                    rows: vec![vec!["a".into(), "b".into()]]
                },
                Block::Paragraph("# not a heading @table t".into()),
            ]
        );
        assert_eq!(p.footer.as_deref(), Some("Page {page} of {pages}"));
        assert!(parse("@table nope | A", &tables).is_err());
        assert!(parse("@table t | A", &tables).is_err());
    }
}
