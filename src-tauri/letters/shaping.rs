//! Just enough text shaping for names in right-to-left scripts: Arabic letters
//! take their joined forms (the presentation forms the shipped font maps), and
//! each line is put in visual order (Unicode bidi) before it is drawn.

use unicode_bidi::BidiInfo;

#[derive(Clone, Copy, PartialEq)]
enum Join {
    /// Joins on both sides: isolated, final, initial, medial forms.
    Dual(u32),
    /// Joins only to the letter before it: isolated and final forms.
    Right(u32),
    /// Tatweel: joins both sides, has no forms of its own.
    Causing,
    /// Harakat: skipped when deciding how neighbours join.
    Transparent,
    None,
}

fn join(c: char) -> Join {
    use Join::*;
    match c as u32 {
        0x0622 => Right(0xFE81),
        0x0623 => Right(0xFE83),
        0x0624 => Right(0xFE85),
        0x0625 => Right(0xFE87),
        0x0626 => Dual(0xFE89),
        0x0627 => Right(0xFE8D),
        0x0628 => Dual(0xFE8F),
        0x0629 => Right(0xFE93),
        0x062A => Dual(0xFE95),
        0x062B => Dual(0xFE99),
        0x062C => Dual(0xFE9D),
        0x062D => Dual(0xFEA1),
        0x062E => Dual(0xFEA5),
        0x062F => Right(0xFEA9),
        0x0630 => Right(0xFEAB),
        0x0631 => Right(0xFEAD),
        0x0632 => Right(0xFEAF),
        0x0633 => Dual(0xFEB1),
        0x0634 => Dual(0xFEB5),
        0x0635 => Dual(0xFEB9),
        0x0636 => Dual(0xFEBD),
        0x0637 => Dual(0xFEC1),
        0x0638 => Dual(0xFEC5),
        0x0639 => Dual(0xFEC9),
        0x063A => Dual(0xFECD),
        0x0640 => Causing,
        0x0641 => Dual(0xFED1),
        0x0642 => Dual(0xFED5),
        0x0643 => Dual(0xFED9),
        0x0644 => Dual(0xFEDD),
        0x0645 => Dual(0xFEE1),
        0x0646 => Dual(0xFEE5),
        0x0647 => Dual(0xFEE9),
        0x0648 => Right(0xFEED),
        0x0649 => Right(0xFEEF),
        0x064A => Dual(0xFEF1),
        0x064B..=0x065F | 0x0670 => Transparent,
        _ => None,
    }
}

fn joins_forward(j: Join) -> bool {
    matches!(j, Join::Dual(_) | Join::Causing)
}

fn joins_back(j: Join) -> bool {
    matches!(j, Join::Dual(_) | Join::Right(_) | Join::Causing)
}

/// Lam followed by one of the alefs makes a ligature: (isolated, final).
fn lam_alef(alef: char) -> Option<u32> {
    match alef as u32 {
        0x0622 => Some(0xFEF5),
        0x0623 => Some(0xFEF7),
        0x0625 => Some(0xFEF9),
        0x0627 => Some(0xFEFB),
        _ => None,
    }
}

/// Replace Arabic letters by their contextual presentation forms (logical order kept).
pub fn arabic_forms(text: &str) -> String {
    if !text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let kinds: Vec<Join> = chars.iter().map(|&c| join(c)).collect();
    let neighbour = |i: usize, step: isize| -> Join {
        let mut k = i as isize + step;
        while k >= 0 && (k as usize) < chars.len() {
            match kinds[k as usize] {
                Join::Transparent => k += step,
                j => return j,
            }
        }
        Join::None
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_joins = joins_forward(neighbour(i, -1));
        if c == '\u{0644}' {
            if let Some(lig) = chars.get(i + 1).and_then(|&a| lam_alef(a)) {
                let code = if prev_joins { lig + 1 } else { lig };
                out.push(char::from_u32(code).unwrap_or(c));
                i += 2;
                continue;
            }
        }
        let code = match kinds[i] {
            Join::Dual(base) => {
                let next_joins = joins_back(neighbour(i, 1));
                match (prev_joins, next_joins) {
                    (false, false) => base,
                    (true, false) => base + 1,
                    (false, true) => base + 2,
                    (true, true) => base + 3,
                }
            }
            Join::Right(base) => {
                if prev_joins {
                    base + 1
                } else {
                    base
                }
            }
            _ => c as u32,
        };
        out.push(char::from_u32(code).unwrap_or(c));
        i += 1;
    }
    out
}

/// The line in the order its characters are drawn, left to right.
pub fn visual(line: &str) -> String {
    if !line.chars().any(is_rtl) {
        return line.to_string();
    }
    // Letters are written left to right; right-to-left names are runs inside them.
    let info = BidiInfo::new(line, Some(unicode_bidi::Level::ltr()));
    let mut out = String::with_capacity(line.len());
    for para in &info.paragraphs {
        out.push_str(&info.reorder_line(para, para.range.clone()));
    }
    out
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_join_and_lines_read_right_to_left() {
        // سلام: seen initial, lam-alef final ligature, meem isolated.
        assert_eq!(arabic_forms("سلام"), "\u{FEB3}\u{FEFC}\u{FEE1}");
        // Latin text is left alone.
        assert_eq!(arabic_forms("Hello"), "Hello");
        assert_eq!(visual("Dear שלום,"), "Dear םולש,");
        assert_eq!(visual("plain"), "plain");
    }
}
