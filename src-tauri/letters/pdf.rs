//! Lays a [`LetterDoc`] out on pages and writes it with printpdf: a chain of
//! shipped fonts (Noto Sans for Latin, Greek and Cyrillic; Noto Sans Hebrew;
//! Noto Sans Arabic; Droid Sans Fallback for Chinese, Japanese and Korean),
//! each embedded only when used and subset; tables whose header row repeats
//! on each page; "Page N of M"; the same bytes for the same letter.

use std::collections::BTreeSet;

use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Pt, Rect, Rgb, TextItem, TextMatrix,
};
use sha2::{Digest, Sha256};

use super::fonts::{face, font_id, runs, width, Slot};
use super::shaping::{arabic_forms, visual};
use super::{Block, LetterDoc, LetterError};

const MARGIN: f32 = 25.0;
const BODY_PT: f32 = 10.5;
const TABLE_PT: f32 = 8.5;
const LEADING: f32 = 1.45;
const CELL_PAD: f32 = 1.6;

fn line_mm(size: f32) -> f32 {
    size * LEADING * 25.4 / 72.0
}

/// Greedy word wrap by measured width; a word longer than the line is cut.
fn wrap(text: &str, bold: bool, size: f32, max_w: f32) -> Result<Vec<String>, LetterError> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if width(&candidate, bold, size)? <= max_w {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the line (an id, a URL) is broken where it must be.
        let mut piece = String::new();
        for ch in word.chars() {
            piece.push(ch);
            if width(&piece, bold, size)? > max_w && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(ch);
            }
        }
        line = piece;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// What is drawn on a page.
enum Mark {
    Text { bold: bool, size: f32, x: f32, y: f32, text: String, grey: bool },
    Fill { x: f32, y: f32, w: f32, h: f32 },
    Rule { x0: f32, x1: f32, y: f32, strong: bool },
}

struct Cursor {
    pages: Vec<Vec<Mark>>,
    y: f32,
    top: f32,
    bottom: f32,
}

impl Cursor {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top;
    }

    fn fits(&self, h: f32) -> bool {
        self.y - h >= self.bottom
    }

    fn mark(&mut self, m: Mark) {
        self.pages.last_mut().expect("a page always exists").push(m);
    }

    fn text(&mut self, bold: bool, size: f32, x: f32, text: String, grey: bool) {
        let step = line_mm(size);
        if !self.fits(step) {
            self.new_page();
        }
        self.y -= step;
        let y = self.y;
        self.mark(Mark::Text { bold, size, x, y, text, grey });
    }
}

/// Column widths: each column's natural width, shrunk in proportion to fit.
fn column_widths(headers: &[String], rows: &[Vec<String>], avail: f32) -> Result<Vec<f32>, LetterError> {
    let n = headers.len().max(1);
    let mut natural = vec![0f32; n];
    let mut longest_word = vec![0f32; n];
    for (i, h) in headers.iter().enumerate() {
        natural[i] = width(h, true, TABLE_PT)?;
        longest_word[i] =
            h.split_whitespace().map(|w| width(w, true, TABLE_PT)).sum::<Result<f32, _>>()?.min(30.0);
    }
    // Long tables: sample the rows, the widths settle quickly.
    for row in rows.iter().take(200) {
        for (i, cell) in row.iter().enumerate().take(n) {
            natural[i] = natural[i].max(width(cell, false, TABLE_PT)?.min(avail));
            for w in cell.split_whitespace() {
                longest_word[i] = longest_word[i].max(width(w, false, TABLE_PT)?.min(30.0));
            }
        }
    }
    let pad = 2.0 * CELL_PAD;
    let natural: Vec<f32> = natural.iter().map(|w| w + pad).collect();
    let floor: Vec<f32> = longest_word.iter().map(|w| (w + pad).min(avail / n as f32)).collect();
    let total: f32 = natural.iter().sum();
    if total <= avail {
        let extra = (avail - total) / n as f32;
        return Ok(natural.iter().map(|w| w + extra).collect());
    }
    // Give each column its floor, then share the rest by natural width above it.
    let floor_sum: f32 = floor.iter().sum();
    let above: Vec<f32> = natural.iter().zip(&floor).map(|(n, f)| (n - f).max(0.0)).collect();
    let above_sum: f32 = above.iter().sum::<f32>().max(0.001);
    let spare = (avail - floor_sum).max(0.0);
    Ok(floor.iter().zip(&above).map(|(f, a)| f + spare * a / above_sum).collect())
}

fn table(
    c: &mut Cursor,
    headers: &[String],
    rows: &[Vec<String>],
    left: f32,
    avail: f32,
) -> Result<(), LetterError> {
    let widths = column_widths(headers, rows, avail)?;
    let lh = line_mm(TABLE_PT);
    let wrap_row = |cells: &[String], bold: bool| -> Result<(Vec<Vec<String>>, f32), LetterError> {
        let mut wrapped = Vec::with_capacity(cells.len());
        let mut most = 1;
        for (i, cell) in cells.iter().enumerate() {
            let lines = wrap(cell, bold, TABLE_PT, widths[i] - 2.0 * CELL_PAD)?;
            most = most.max(lines.len());
            wrapped.push(lines);
        }
        Ok((wrapped, most as f32 * lh + 2.0 * CELL_PAD))
    };
    let header = wrap_row(headers, true)?;
    let draw = |c: &mut Cursor, (cells, h): &(Vec<Vec<String>>, f32), bold: bool| {
        let top = c.y;
        if bold {
            c.mark(Mark::Fill { x: left, y: top - h, w: avail, h: *h });
        }
        let mut x = left;
        for (i, lines) in cells.iter().enumerate() {
            let mut y = top - CELL_PAD;
            for l in lines {
                y -= lh;
                c.mark(Mark::Text {
                    bold,
                    size: TABLE_PT,
                    x: x + CELL_PAD,
                    y: y + lh * 0.22,
                    text: l.clone(),
                    grey: false,
                });
            }
            x += widths[i];
        }
        c.y = top - h;
        c.mark(Mark::Rule { x0: left, x1: left + avail, y: c.y, strong: bold });
    };
    if !c.fits(header.1 + lh * 2.0) {
        c.new_page();
    }
    draw(c, &header, true);
    for row in rows {
        let r = wrap_row(row, false)?;
        if !c.fits(r.1) {
            c.new_page();
            draw(c, &header, true);
        }
        draw(c, &r, false);
    }
    Ok(())
}

fn lay_out(doc: &LetterDoc, page_w: f32, page_h: f32) -> Result<Vec<Vec<Mark>>, LetterError> {
    let width = page_w - 2.0 * MARGIN;
    let mut c = Cursor {
        pages: vec![Vec::new()],
        y: page_h - MARGIN + 6.0,
        top: page_h - MARGIN,
        bottom: MARGIN + 8.0,
    };
    if let Some((name, rest)) = doc.letterhead.split_first() {
        c.text(true, 15.0, MARGIN, arabic_forms(name), false);
        for line in rest {
            c.text(false, 8.5, MARGIN, arabic_forms(line), true);
        }
        let y = c.y - 3.0;
        c.mark(Mark::Rule { x0: MARGIN, x1: page_w - MARGIN, y, strong: true });
    }
    c.y -= 9.0;
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => {
                c.y -= 2.0;
                // Keep a heading with at least two lines of what follows.
                if !c.fits(line_mm(12.0) + 3.0 * line_mm(BODY_PT)) {
                    c.new_page();
                }
                for l in wrap(&arabic_forms(text), true, 12.0, width)? {
                    c.text(true, 12.0, MARGIN, l, false);
                }
            }
            Block::Paragraph(text) => {
                for l in wrap(&arabic_forms(text), false, BODY_PT, width)? {
                    c.text(false, BODY_PT, MARGIN, l, false);
                }
            }
            Block::Lines(lines) => {
                for line in lines {
                    for l in wrap(&arabic_forms(line), false, BODY_PT, width)? {
                        c.text(false, BODY_PT, MARGIN, l, false);
                    }
                }
            }
            Block::Bullets(items) => {
                for item in items {
                    for (i, l) in
                        wrap(&arabic_forms(item), false, BODY_PT, width - 5.0)?.into_iter().enumerate()
                    {
                        if i == 0 {
                            // The bullet first, so text extraction reads "• item".
                            let step = line_mm(BODY_PT);
                            if !c.fits(step) {
                                c.new_page();
                            }
                            let y = c.y - step;
                            c.mark(Mark::Text {
                                bold: false,
                                size: BODY_PT,
                                x: MARGIN + 1.0,
                                y,
                                text: "•".into(),
                                grey: false,
                            });
                        }
                        c.text(false, BODY_PT, MARGIN + 5.0, l, false);
                    }
                    c.y -= 1.0;
                }
            }
            Block::Field(label, value) => {
                // French sets a space before the colon.
                let colon = if doc.lang == "fr" { " :" } else { ":" };
                let label = format!("{}{colon} ", arabic_forms(label).trim_end_matches(':').trim_end());
                let x = MARGIN + super::fonts::width(&label, true, BODY_PT)?;
                let lines = wrap(&arabic_forms(value), false, BODY_PT, width - (x - MARGIN))?;
                c.text(true, BODY_PT, MARGIN, label, false);
                for (i, l) in lines.into_iter().enumerate() {
                    if i == 0 {
                        let y = c.y;
                        c.mark(Mark::Text { bold: false, size: BODY_PT, x, y, text: l, grey: false });
                    } else {
                        c.text(false, BODY_PT, x, l, false);
                    }
                }
            }
            Block::Table { headers, rows } => {
                let headers: Vec<String> = headers.iter().map(|h| arabic_forms(h)).collect();
                let rows: Vec<Vec<String>> =
                    rows.iter().map(|r| r.iter().map(|v| arabic_forms(v)).collect()).collect();
                c.y -= 1.0;
                table(&mut c, &headers, &rows, MARGIN, width)?;
            }
        }
        c.y -= 4.0;
    }
    Ok(c.pages)
}

fn rgb(v: f32) -> Color {
    Color::Rgb(Rgb { r: v, g: v, b: v, icc_profile: None })
}

/// The text state of a page's one text object: set font and colour only when they change.
#[derive(Default)]
struct Pen {
    font: Option<(Slot, u32)>,
    grey: Option<bool>,
}

#[allow(clippy::too_many_arguments)]
fn text_ops(
    ops: &mut Vec<Op>,
    pen: &mut Pen,
    used: &mut BTreeSet<Slot>,
    bold: bool,
    size: f32,
    x: f32,
    y: f32,
    text: &str,
    grey: bool,
) -> Result<(), LetterError> {
    let mut x = x;
    for (slot, run, w) in runs(&visual(text), bold, size)? {
        used.insert(slot);
        if pen.grey != Some(grey) {
            ops.push(Op::SetFillColor { col: rgb(if grey { 0.33 } else { 0.1 }) });
            pen.grey = Some(grey);
        }
        let key = (slot, (size * 100.0) as u32);
        if pen.font != Some(key) {
            ops.push(Op::SetFont { font: PdfFontHandle::External(font_id(slot)), size: Pt(size) });
            pen.font = Some(key);
        }
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Mm(x).into(), Mm(y).into()) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(run)] });
        x += w;
    }
    Ok(())
}

fn line_op(x0: f32, x1: f32, y: f32) -> Op {
    let pt = |x: f32| LinePoint { p: Point { x: Mm(x).into(), y: Mm(y).into() }, bezier: false };
    Op::DrawLine { line: Line { points: vec![pt(x0), pt(x1)], is_closed: false } }
}

/// Render the letter to PDF bytes. Fails, before anything is written, if a
/// character cannot be shown with the shipped fonts.
pub fn render(letter: &LetterDoc) -> Result<Vec<u8>, LetterError> {
    let (page_w, page_h) = if letter.a4 { (210.0, 297.0) } else { (215.9, 279.4) };
    let pages = lay_out(letter, page_w, page_h)?;
    let total = pages.len();
    let mut used = BTreeSet::new();
    let mut out = Vec::with_capacity(total);
    for (n, marks) in pages.into_iter().enumerate() {
        let mut ops = Vec::new();
        for m in &marks {
            match m {
                Mark::Fill { x, y, w, h } => {
                    ops.push(Op::SetFillColor {
                        col: Color::Rgb(Rgb { r: 0.9, g: 0.94, b: 0.95, icc_profile: None }),
                    });
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Mm(*x).into(),
                            y: Mm(*y).into(),
                            width: Mm(*w).into(),
                            height: Mm(*h).into(),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                }
                Mark::Rule { x0, x1, y, strong } => {
                    let col = if *strong {
                        Color::Rgb(Rgb { r: 0.09, g: 0.37, b: 0.43, icc_profile: None })
                    } else {
                        rgb(0.8)
                    };
                    ops.push(Op::SetOutlineColor { col });
                    ops.push(Op::SetOutlineThickness { pt: Pt(if *strong { 0.8 } else { 0.3 }) });
                    ops.push(line_op(*x0, *x1, *y));
                }
                Mark::Text { .. } => {}
            }
        }
        let mut pen = Pen::default();
        ops.push(Op::StartTextSection);
        for m in &marks {
            if let Mark::Text { bold, size, x, y, text, grey } = m {
                text_ops(&mut ops, &mut pen, &mut used, *bold, *size, *x, *y, text, *grey)?;
            }
        }
        let footer =
            letter.footer.replace("{page}", &(n + 1).to_string()).replace("{pages}", &total.to_string());
        text_ops(
            &mut ops,
            &mut pen,
            &mut used,
            false,
            8.0,
            MARGIN,
            MARGIN - 8.0,
            &arabic_forms(&footer),
            true,
        )?;
        ops.push(Op::EndTextSection);
        out.push(PdfPage::new(Mm(page_w), Mm(page_h), ops));
    }
    let mut doc = PdfDocument::new(&letter.title);
    for slot in used {
        doc.resources.fonts.map.insert(font_id(slot), printpdf::PdfFont::new(face(slot)?.clone()));
    }
    let info = &mut doc.metadata.info;
    info.author = letter.author.clone();
    info.subject = letter.subject.clone();
    info.creator = "Rightsdesk".into();
    info.producer = "Rightsdesk".into();
    info.keywords = vec![letter.reference.clone(), letter.lang.clone()];
    info.identifier = letter.reference.clone();
    let stamp = letter.date.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp()).unwrap_or(0);
    if let Ok(when) = printpdf::OffsetDateTime::from_unix_timestamp(stamp) {
        info.creation_date = when;
        info.modification_date = when;
        info.metadata_date = when;
    }
    let opts = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    let mut bytes = doc.with_pages(out).save(&opts, &mut Vec::new());
    stable_id(&mut bytes);
    Ok(bytes)
}

/// printpdf writes a random file identifier; replace it with one derived from
/// the content, so the same letter always gives the same bytes.
fn stable_id(bytes: &mut [u8]) {
    let Some(at) =
        bytes.windows(4).rposition(|w| w == b"/ID ").or_else(|| bytes.windows(4).rposition(|w| w == b"/ID["))
    else {
        return;
    };
    let mut spans = Vec::new();
    let mut i = at;
    while i < bytes.len() && spans.len() < 2 {
        if bytes[i] == b'(' {
            if let Some(len) = bytes[i + 1..].iter().position(|&b| b == b')') {
                spans.push((i + 1, i + 1 + len));
                i += len + 1;
            }
        }
        i += 1;
    }
    for &(s, e) in &spans {
        bytes[s..e].fill(b'0');
    }
    let digest = hex::encode(Sha256::digest(&*bytes));
    for &(s, e) in &spans {
        let n = e - s;
        let fill: Vec<u8> = digest.bytes().cycle().take(n).collect();
        bytes[s..e].copy_from_slice(&fill);
    }
}
