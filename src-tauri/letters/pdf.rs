//! Lays a [`LetterDoc`] out on US Letter pages and writes it with printpdf,
//! embedding (and subsetting) the Noto Sans faces shipped in `fonts/`.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, Rgb, TextItem,
};

use super::{Block, LetterDoc, LetterError};

const REGULAR: &[u8] = include_bytes!("fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("fonts/NotoSans-Bold.ttf");

const PAGE_W: f32 = 215.9; // mm, US Letter
const PAGE_H: f32 = 279.4;
const MARGIN: f32 = 25.0;
const BODY_PT: f32 = 10.5;
const LEADING: f32 = 1.45;

struct Face {
    font: ParsedFont,
    id: FontId,
}

impl Face {
    fn load(doc: &mut PdfDocument, bytes: &[u8]) -> Result<Face, LetterError> {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .ok_or_else(|| LetterError::Font("cannot parse Noto Sans".into()))?;
        let id = doc.add_font(&font);
        Ok(Face { font, id })
    }

    /// Width of `text` in mm at `size` points; a character the font lacks is an error.
    fn width(&self, text: &str, size: f32) -> Result<f32, LetterError> {
        let upm = f32::from(self.font.pdf_font_metrics.units_per_em.max(1));
        let mut units = 0f32;
        for ch in text.chars() {
            let gid =
                self.font.lookup_glyph_index(ch as u32).filter(|g| *g != 0).ok_or_else(|| {
                    LetterError::MissingGlyph { ch, context: text.chars().take(60).collect() }
                })?;
            units += f32::from(self.font.get_horizontal_advance(gid));
        }
        Ok(units / upm * size * 25.4 / 72.0)
    }
}

/// One positioned line of text.
struct Placed {
    bold: bool,
    size: f32,
    x: f32,
    y: f32,
    text: String,
    grey: bool,
}

/// Greedy word wrap by measured width.
fn wrap(face: &Face, text: &str, size: f32, max_w: f32) -> Result<Vec<String>, LetterError> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if face.width(&candidate, size)? <= max_w || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

struct Cursor {
    pages: Vec<Vec<Placed>>,
    y: f32,
}

impl Cursor {
    fn line_mm(size: f32) -> f32 {
        size * LEADING * 25.4 / 72.0
    }

    fn place(&mut self, bold: bool, size: f32, x: f32, text: String) {
        let step = Cursor::line_mm(size);
        if self.y - step < MARGIN + 8.0 {
            self.pages.push(Vec::new());
            self.y = PAGE_H - MARGIN;
        }
        self.y -= step;
        let page = self.pages.last_mut().expect("a page always exists");
        page.push(Placed { bold, size, x, y: self.y, text, grey: false });
    }

    fn gap(&mut self, mm: f32) {
        self.y -= mm;
    }
}

fn lay_out(doc: &LetterDoc, regular: &Face, bold: &Face) -> Result<Vec<Vec<Placed>>, LetterError> {
    let width = PAGE_W - 2.0 * MARGIN;
    let mut c = Cursor { pages: vec![Vec::new()], y: PAGE_H - MARGIN + 6.0 };
    if let Some((name, rest)) = doc.letterhead.split_first() {
        c.place(true, 15.0, MARGIN, name.clone());
        for line in rest {
            regular.width(line, 8.5)?;
            c.place(false, 8.5, MARGIN, line.clone());
            if let Some(p) = c.pages.last_mut().and_then(|p| p.last_mut()) {
                p.grey = true;
            }
        }
    }
    c.gap(9.0);
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => {
                c.gap(2.0);
                for l in wrap(bold, text, 12.0, width)? {
                    c.place(true, 12.0, MARGIN, l);
                }
            }
            Block::Paragraph(text) => {
                for l in wrap(regular, text, BODY_PT, width)? {
                    c.place(false, BODY_PT, MARGIN, l);
                }
            }
            Block::Lines(lines) => {
                for line in lines {
                    for l in wrap(regular, line, BODY_PT, width)? {
                        c.place(false, BODY_PT, MARGIN, l);
                    }
                }
            }
            Block::Field(label, value) => {
                let label = format!("{label}: ");
                let x = MARGIN + bold.width(&label, BODY_PT)?;
                regular.width(value, BODY_PT)?;
                c.place(true, BODY_PT, MARGIN, label);
                let y = c.y;
                if let Some(page) = c.pages.last_mut() {
                    page.push(Placed { bold: false, size: BODY_PT, x, y, text: value.clone(), grey: false });
                }
            }
        }
        c.gap(4.0);
    }
    Ok(c.pages)
}

fn text_op(face: &FontId, p: &Placed) -> Vec<Op> {
    let shade = if p.grey { 0.33 } else { 0.1 };
    vec![
        Op::StartTextSection,
        Op::SetFillColor { col: Color::Rgb(Rgb { r: shade, g: shade, b: shade, icc_profile: None }) },
        Op::SetFont { font: PdfFontHandle::External(face.clone()), size: Pt(p.size) },
        Op::SetTextCursor { pos: Point { x: Mm(p.x).into(), y: Mm(p.y).into() } },
        Op::ShowText { items: vec![TextItem::Text(p.text.clone())] },
        Op::EndTextSection,
    ]
}

fn rule(y: f32) -> Op {
    let pt = |x: f32| LinePoint { p: Point { x: Mm(x).into(), y: Mm(y).into() }, bezier: false };
    Op::DrawLine { line: Line { points: vec![pt(MARGIN), pt(PAGE_W - MARGIN)], is_closed: false } }
}

/// Render the letter to PDF bytes. Fails, before anything is written, if a
/// character cannot be shown with the shipped fonts.
pub fn render(letter: &LetterDoc) -> Result<Vec<u8>, LetterError> {
    let mut doc = PdfDocument::new(&letter.title);
    let regular = Face::load(&mut doc, REGULAR)?;
    let bold = Face::load(&mut doc, BOLD)?;
    let pages = lay_out(letter, &regular, &bold)?;
    let total = pages.len();
    let mut out = Vec::with_capacity(total);
    for (n, placed) in pages.into_iter().enumerate() {
        let mut ops = Vec::new();
        if n == 0 {
            ops.push(Op::SetOutlineColor {
                col: Color::Rgb(Rgb { r: 0.09, g: 0.37, b: 0.43, icc_profile: None }),
            });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.8) });
            let below_head =
                placed.iter().filter(|p| p.grey || p.size > 14.0).map(|p| p.y).fold(PAGE_H, f32::min);
            ops.push(rule(below_head - 3.0));
        }
        for p in &placed {
            ops.extend(text_op(if p.bold { &bold.id } else { &regular.id }, p));
        }
        let footer = Placed {
            bold: false,
            size: 8.0,
            x: MARGIN,
            y: MARGIN - 8.0,
            text: format!("Reference {} · Page {} of {}", letter.reference, n + 1, total),
            grey: true,
        };
        ops.extend(text_op(&regular.id, &footer));
        out.push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops));
    }
    let info = &mut doc.metadata.info;
    info.author = letter.author.clone();
    info.subject = letter.subject.clone();
    info.creator = "Rightsdesk".into();
    info.producer = "Rightsdesk".into();
    let stamp = letter.date.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp()).unwrap_or(0);
    if let Ok(when) = printpdf::OffsetDateTime::from_unix_timestamp(stamp) {
        info.creation_date = when;
        info.modification_date = when;
        info.metadata_date = when;
    }
    let opts = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    Ok(doc.with_pages(out).save(&opts, &mut Vec::new()))
}
