//! Personal names compared the way people write them: case and diacritics
//! folded, common short forms (Bill for William), an initial for a first name,
//! and family name first ("Muñoz, José").

use unicode_normalization::UnicodeNormalization;

/// Lowercase ASCII-ish form: "Łukasz Wójcik" → "lukasz wojcik", "Groß" → "gross".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' => out.push('d'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ı' => out.push('i'),
            'þ' => out.push_str("th"),
            '’' | '‘' | '`' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The folded words of a name, punctuation dropped ("O'Brien" keeps its apostrophe).
pub fn tokens(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|t| t.trim_matches(|c| c == '\'' || c == '-').to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Groups of first names that are the same name. Kept short and common.
const SAME_NAME: &[&[&str]] = &[
    &["william", "bill", "will", "billy", "liam"],
    &["robert", "bob", "rob", "bobby", "robbie"],
    &["richard", "rick", "dick", "rich", "ricky"],
    &["james", "jim", "jimmy", "jamie"],
    &["john", "jon", "jonathan", "johnny", "jack"],
    &["joseph", "joe", "joey", "jose", "josé"],
    &["michael", "mike", "mick", "mikey"],
    &["thomas", "tom", "tommy"],
    &["charles", "charlie", "chuck"],
    &["christopher", "chris", "kit"],
    &["daniel", "dan", "danny"],
    &["matthew", "matt"],
    &["anthony", "tony"],
    &["andrew", "andy", "drew"],
    &["edward", "ed", "eddie", "ted", "ned"],
    &["steven", "stephen", "steve"],
    &["nicholas", "nick", "nicolas"],
    &["benjamin", "ben", "benny"],
    &["alexander", "alex", "alejandro", "sasha", "alexandre"],
    &["samuel", "sam"],
    &["patrick", "pat"],
    &["peter", "pete"],
    &["timothy", "tim"],
    &["gregory", "greg"],
    &["jeffrey", "jeff", "geoffrey"],
    &["kenneth", "ken", "kenny"],
    &["ronald", "ron"],
    &["donald", "don"],
    &["lawrence", "larry"],
    &["francisco", "paco", "pancho", "frank", "francis"],
    &["manuel", "manny"],
    &["elizabeth", "liz", "beth", "betty", "eliza", "lisa", "elisabeth"],
    &["margaret", "maggie", "meg", "peggy"],
    &["katherine", "catherine", "kate", "kathy", "katie", "cathy", "kat"],
    &["jennifer", "jen", "jenny"],
    &["jessica", "jess"],
    &["rebecca", "becky", "becca"],
    &["susan", "sue", "suzy"],
    &["deborah", "debbie", "deb"],
    &["patricia", "patty", "trish", "pat"],
    &["victoria", "vicky", "tori"],
    &["christina", "christine", "chris", "tina"],
    &["alexandra", "alex", "sasha"],
    &["samantha", "sam"],
    &["abigail", "abby"],
    &["dorothy", "dot"],
    &["jacqueline", "jackie"],
    &["theodore", "theo", "ted"],
    &["wolfgang", "wolf"],
    &["johannes", "hans", "johann"],
];

fn same_first(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // An initial stands for any name with that letter.
    if (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b)) {
        return true;
    }
    SAME_NAME.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// (first words, family name) readings of a name: "José Muñoz", "Muñoz, José"
/// and "Muñoz José" all give (["jose"], "munoz") among them.
fn readings(name: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let t = tokens(name);
    if t.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    if name.contains(',') {
        let (family, given) = name.split_once(',').unwrap_or((name, ""));
        out.push((tokens(given), tokens(family)));
        return out;
    }
    for split in 1..t.len() {
        out.push((t[..split].to_vec(), t[split..].to_vec()));
    }
    // Family name first, as in Vietnamese, Chinese or a reversed list.
    out.push((t[1..].to_vec(), t[..1].to_vec()));
    out
}

/// Whether two written names can be the same person's name.
pub fn same_person_name(a: &str, b: &str) -> bool {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.len() >= 2 && ta == tb {
        return true;
    }
    let ra = readings(a);
    let rb = readings(b);
    ra.iter().any(|(ga, fa)| {
        rb.iter().any(|(gb, fb)| !ga.is_empty() && !gb.is_empty() && fa == fb && same_first(&ga[0], &gb[0]))
    })
}

/// Full name from first/last columns or a full-name column.
pub fn join(first: &str, last: &str) -> String {
    format!("{} {}", first.trim(), last.trim()).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_match_and_others_do_not() {
        assert!(same_person_name("José Muñoz", "jose munoz"));
        assert!(same_person_name("Muñoz, José", "José Muñoz"));
        assert!(same_person_name("Bill Turner", "William Turner"));
        assert!(same_person_name("J. Turner", "Jonathan Turner"));
        assert!(same_person_name("Jon Turner", "Jonathan Turner"));
        assert!(same_person_name("Nguyễn Thị Hương", "Nguyen Thi Huong"));
        assert!(same_person_name("Łukasz Wójcik", "Lukasz Wojcik"));
        assert!(!same_person_name("Bill Turner", "Anna Turner"));
        assert!(!same_person_name("Bill Turner", "Bill Tanner"));
        assert!(!same_person_name("Turner", "Turner"));
        assert_eq!(fold("Jürgen Groß"), "jurgen gross");
    }
}
