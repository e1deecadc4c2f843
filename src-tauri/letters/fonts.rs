//! The shipped font chain: Noto Sans (Latin, Greek, Cyrillic), Noto Sans
//! Hebrew, Noto Sans Arabic and Droid Sans Fallback (Chinese, Japanese,
//! Korean). A character takes the first face that has it; each face is parsed
//! once per process.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont};

use super::LetterError;

/// A shipped face: its name, the regular file and the bold one if any.
type FontFiles = (&'static str, &'static [u8], Option<&'static [u8]>);

/// The fonts, in the order a character is looked for.
const CHAIN: [FontFiles; 4] = [
    (
        "Noto Sans",
        include_bytes!("fonts/NotoSans-Regular.ttf"),
        Some(include_bytes!("fonts/NotoSans-Bold.ttf")),
    ),
    (
        "Noto Sans Hebrew",
        include_bytes!("fonts/NotoSansHebrew-Regular.ttf"),
        Some(include_bytes!("fonts/NotoSansHebrew-Bold.ttf")),
    ),
    (
        "Noto Sans Arabic",
        include_bytes!("fonts/NotoSansArabic-Regular.ttf"),
        Some(include_bytes!("fonts/NotoSansArabic-Bold.ttf")),
    ),
    ("Droid Sans Fallback", include_bytes!("fonts/DroidSansFallback.ttf"), None),
];

/// A face: its place in the chain and whether it is the bold one.
pub type Slot = usize; // chain index * 2 + bold

static PARSED: [OnceLock<Option<ParsedFont>>; 8] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

/// The parsed face, loaded once per process.
pub fn face(slot: Slot) -> Result<&'static ParsedFont, LetterError> {
    let (name, regular, bold) = CHAIN[slot / 2];
    let bytes = if slot % 2 == 1 { bold.unwrap_or(regular) } else { regular };
    PARSED[slot]
        .get_or_init(|| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()))
        .as_ref()
        .ok_or_else(|| LetterError::Font(format!("cannot parse {name}")))
}

fn glyph(slot: Slot, ch: char) -> Result<Option<u16>, LetterError> {
    Ok(face(slot)?.lookup_glyph_index(ch as u32).filter(|g| *g != 0))
}

/// The first face in the chain with a glyph for `ch`, preferring `prefer`.
fn pick(ch: char, bold: bool, prefer: Option<Slot>) -> Result<Option<(Slot, u16)>, LetterError> {
    if let Some(p) = prefer {
        if let Some(g) = glyph(p, ch)? {
            return Ok(Some((p, g)));
        }
    }
    for (i, (_, _, has_bold)) in CHAIN.iter().enumerate() {
        let slot = i * 2 + usize::from(bold && has_bold.is_some());
        if let Some(g) = glyph(slot, ch)? {
            return Ok(Some((slot, g)));
        }
    }
    Ok(None)
}

/// Split `text` into runs of one face each, with their widths in mm.
pub fn runs(text: &str, bold: bool, size: f32) -> Result<Vec<(Slot, String, f32)>, LetterError> {
    let mut out: Vec<(Slot, String, f32)> = Vec::new();
    for ch in text.chars() {
        let prefer = out.last().map(|r| r.0);
        let (slot, gid) = pick(ch, bold, prefer)?
            .ok_or_else(|| LetterError::MissingGlyph { ch, context: text.chars().take(60).collect() })?;
        let f = face(slot)?;
        let upm = f32::from(f.pdf_font_metrics.units_per_em.max(1));
        let w = f32::from(f.get_horizontal_advance(gid)) / upm * size * 25.4 / 72.0;
        match out.last_mut() {
            Some(run) if run.0 == slot => {
                run.1.push(ch);
                run.2 += w;
            }
            _ => out.push((slot, ch.to_string(), w)),
        }
    }
    Ok(out)
}

pub fn width(text: &str, bold: bool, size: f32) -> Result<f32, LetterError> {
    Ok(runs(text, bold, size)?.iter().map(|r| r.2).sum())
}

/// A subset font is named with a six-letter tag (PDF 32000 §9.6.4); ours is
/// fixed per face so the bytes do not change between runs.
pub fn font_id(slot: Slot) -> FontId {
    FontId(format!("RDSUB{}", (b'A' + slot as u8) as char))
}
