//! Phone numbers in E.164, so "(415) 555-0134" and "+1 415 555 0134" are one
//! number. Numbers without a country code are read as the company's home
//! region (US), as the policy's consumers are.

use phonenumber::{country, Mode};

/// E.164 form ("+14155550134"), or None when it is not a phone number.
pub fn e164(raw: &str) -> Option<String> {
    let digits = raw.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return None;
    }
    let cleaned = raw.trim().trim_start_matches("tel:");
    let parsed = phonenumber::parse(Some(country::Id::US), cleaned).ok()?;
    Some(parsed.format().mode(Mode::E164).to_string())
}

/// A cheap key for comparing numbers written in text: the last ten digits
/// (the national number for NANP and most European formats).
pub fn key(raw: &str) -> String {
    let d: Vec<char> = raw.chars().filter(char::is_ascii_digit).collect();
    d[d.len().saturating_sub(10)..].iter().collect()
}

/// The digits of a number as written, less a "(0)" trunk prefix and leading zeros.
fn significant(raw: &str) -> String {
    let d: String = raw.replace("(0)", "").chars().filter(char::is_ascii_digit).collect();
    d.trim_start_matches('0').to_string()
}

/// Whether two written numbers are the same line: one's significant digits end
/// the other's (a country code or trunk zero may be missing), seven at least.
pub fn same_number(a: &str, b: &str) -> bool {
    let (a, b) = (significant(a), significant(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 7 && long.ends_with(&short) && long.len() - short.len() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_agree() {
        assert_eq!(e164("(415) 555-0134").as_deref(), Some("+14155550134"));
        assert_eq!(e164("+1 415.555.0134").as_deref(), Some("+14155550134"));
        assert_eq!(e164("+44 20 7946 0123").as_deref(), Some("+442079460123"));
        assert_eq!(e164("12"), None);
        assert_eq!(key("+1 (415) 555-0134"), key("415 555 0134"));
        assert!(same_number("+33 5 36 49 83 23", "05 36 49 83 23"));
        assert!(same_number("+33 (0)5 36 49 83 23", "+33536498323"));
        assert!(same_number("+61 3 7010 2522", "03 7010 2522"));
        assert!(!same_number("+1 415 555 0134", "+1 415 555 0135"));
    }
}
