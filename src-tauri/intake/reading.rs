//! Which words of a message are the writer's, and the one form intake reads
//! them in. A reply's quoted tail, the block Outlook puts above a quoted
//! message, a signature's legal notice and a form's unticked options are not
//! the writer asking for anything.

use std::borrow::Cow;

use super::cues::fold;

/// A reply, by its subject's prefix.
pub fn is_reply(subject: &str) -> bool {
    let s = fold(subject.trim_start());
    REPLY_PREFIXES.iter().any(|p| s.starts_with(p))
}

const REPLY_PREFIXES: &[&str] = &["re:", "re :", "aw:", "antw:", "sv:", "rv:", "r:", "ref:"];

/// Whether line `i` opens the block Outlook puts above a quoted or forwarded
/// message: "From: …" with "Sent: …" (or its translation) just below.
pub fn opens_outlook_block(lines: &[&str], i: usize) -> bool {
    const FROM: &[&str] = &["from:", "von:", "de:", "de :", "da:"];
    const SENT: &[&str] =
        &["sent:", "gesendet:", "envoye:", "envoye :", "enviado:", "date:", "datum:", "fecha:"];
    let starts = |line: &str, marks: &[&str]| {
        let f = fold(line.trim_start());
        marks.iter().any(|m| f.starts_with(m))
    };
    starts(lines[i], FROM) && lines[i + 1..].iter().take(3).any(|next| starts(next, SENT))
}

/// The lines Outlook and others put above the message replied to.
const REPLY_SEPARATORS: &[&str] = &[
    "-----original message-----",
    "-----ursprungliche nachricht-----",
    "-----mensaje original-----",
    "-----message d'origine-----",
    "-----message original-----",
];

/// The writer's own words: quoted lines and the quoted tail of a reply go.
pub fn own_words(body: &str) -> String {
    let mut out = Vec::new();
    let lines: Vec<&str> = body.lines().collect();
    let mut said_something = false;
    for (i, line) in lines.iter().copied().enumerate() {
        let t = line.trim_start();
        if t.starts_with('>') {
            continue;
        }
        let f = fold(t);
        let reply_header = opens_outlook_block(&lines, i)
            || REPLY_SEPARATORS.iter().any(|m| f.starts_with(m))
            || (f.starts_with("on ") && f.trim_end().ends_with("wrote:"))
            || (f.starts_with("am ") && f.contains("schrieb"))
            || (f.starts_with("le ") && f.contains("a ecrit"))
            || (f.starts_with("el ") && f.contains("escribio"));
        // A forward's text starts with the separator: what follows is the request.
        if reply_header {
            if said_something {
                break;
            }
            continue;
        }
        said_something |= !t.trim().is_empty();
        out.push(line);
    }
    without_disclaimers(&out.join("\n"))
}

/// "If you have received this email in error, please notify the sender and
/// delete it": a signature's legal notice asks nothing of us.
const DISCLAIMERS: &[&str] = &[
    "received this email in error",
    "received this e-mail in error",
    "received this message in error",
    "received it in error",
    "received this in error",
    "intended only for",
    "intended solely for",
    "confidentiality notice",
    "may contain confidential",
    "may contain privileged",
    "irrtumlich erhalten",
    "falschlicherweise erhalten",
    "recibido por error",
    "recibido este mensaje por error",
    "recu par erreur",
    "recu ce message par erreur",
];

/// The text without the paragraphs that are legal notices.
fn without_disclaimers(text: &str) -> String {
    // Every notice holds one of these words; most messages hold none.
    const LIKELY: &[&str] = &["rror", "ntended", "onfidential", "ONFIDENTIAL", "rivileg", "rhalten", "rreur"];
    if !LIKELY.iter().any(|w| text.contains(w)) {
        return text.to_string();
    }
    let whole = plain(text);
    if !DISCLAIMERS.iter().any(|d| whole.contains(d)) {
        return text.to_string();
    }
    let mut kept = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, kept: &mut Vec<String>| {
        let joined = paragraph.join("\n");
        let notice = plain(&joined);
        if !DISCLAIMERS.iter().any(|d| notice.contains(d)) {
            kept.push(joined);
        }
        paragraph.clear();
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut paragraph, &mut kept);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut kept);
    kept.join("\n\n")
}

/// The marks of a form's option not chosen.
const OFF: &[&str] = &["☐", "[ ]", "[  ]", "( )", "○"];

/// "☐ Delete my data" and "[ ] Request to Correct" are a form's options that
/// were not chosen: out of the line, up to the next chosen one.
fn drop_unchecked(line: &str) -> String {
    const ON: &[&str] = &["☑", "☒", "✔", "✓", "[x]", "[X]", "(x)", "(X)", "●", "◉"];
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some((i, n)) = OFF.iter().filter_map(|m| rest.find(m).map(|i| (i, m.len()))).min() {
        out.push_str(&rest[..i]);
        let after = &rest[i + n..];
        match ON.iter().filter_map(|m| after.find(m)).min() {
            Some(j) => rest = &after[j..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The text as intake reads it: folded (see [`fold`]), on one line, a blank
/// line between paragraphs kept as " . ", so that a phrase wrapped across two
/// lines ("not to\n    sell") is still found; options not chosen left out.
pub fn plain(text: &str) -> String {
    let chosen = if OFF.iter().any(|m| text.contains(m)) {
        Cow::Owned(text.lines().map(drop_unchecked).collect::<Vec<_>>().join("\n"))
    } else {
        Cow::Borrowed(text)
    };
    let folded = fold(&chosen);
    let mut out = String::with_capacity(folded.len());
    let mut paragraph_ended = false;
    for line in folded.lines() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else {
            paragraph_ended = true;
            continue;
        };
        if !out.is_empty() {
            out.push_str(if paragraph_ended { " . " } else { " " });
        }
        paragraph_ended = false;
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
    out
}
