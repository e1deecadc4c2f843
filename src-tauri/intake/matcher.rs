//! Many cues found in one pass (Aho-Corasick), with the same word-boundary
//! rules as [`super::cues::find`]: a cue ending in `*` matches a word start.

use aho_corasick::{AhoCorasick, MatchKind};

/// A compiled set of cues, each tagged with the group it belongs to.
pub struct CueSet {
    ac: AhoCorasick,
    /// (group, cue as written, prefix match)
    cues: Vec<(usize, &'static str, bool)>,
    groups: usize,
}

/// A cue found in a text.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub group: usize,
    pub cue: &'static str,
    pub at: usize,
}

impl CueSet {
    pub fn new(groups: &[&[&'static str]]) -> CueSet {
        let cues: Vec<(usize, &'static str, bool)> = groups
            .iter()
            .enumerate()
            .flat_map(|(g, cues)| cues.iter().map(move |c| (g, *c, c.ends_with('*'))))
            .collect();
        let needles: Vec<&str> = cues.iter().map(|(_, c, _)| c.trim_end_matches('*')).collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(needles)
            .expect("cue tables are valid patterns");
        CueSet { ac, cues, groups: groups.len() }
    }

    /// Every match of a cue that stands at word boundaries, in text order.
    fn matches<'t>(&'t self, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
        let bytes = text.as_bytes();
        let word = |b: u8| b.is_ascii_alphanumeric();
        self.ac.find_overlapping_iter(text).filter(move |m| {
            let (_, cue, prefix) = self.cues[m.pattern().as_usize()];
            let needle = cue.trim_end_matches('*').as_bytes();
            let starts = m.start() == 0 || !word(bytes[m.start() - 1]) || !word(needle[0]);
            let ends =
                prefix || m.end() >= bytes.len() || !word(bytes[m.end()]) || !word(needle[needle.len() - 1]);
            starts && ends
        })
    }

    /// Every cue in `text` that stands at word boundaries, in text order.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        self.matches(text)
            .map(|m| {
                let (group, cue, _) = self.cues[m.pattern().as_usize()];
                Hit { group, cue, at: m.start() }
            })
            .collect()
    }

    /// The cue listed first (in the order of the groups and lists) that stands
    /// in `text` at word boundaries: what `cues.iter().find(|c| find(text, c))` gives,
    /// in one pass over the text.
    pub fn first_listed(&self, text: &str) -> Option<&'static str> {
        self.matches(text).map(|m| m.pattern().as_usize()).min().map(|i| self.cues[i].1)
    }

    /// For each group, what [`CueSet::first_listed`] would give for that
    /// group alone: several questions about one text in one pass.
    pub fn first_per_group(&self, text: &str) -> Vec<Option<&'static str>> {
        let mut first: Vec<Option<usize>> = vec![None; self.groups];
        for m in self.matches(text) {
            let i = m.pattern().as_usize();
            let slot = &mut first[self.cues[i].0];
            if slot.is_none_or(|f| i < f) {
                *slot = Some(i);
            }
        }
        first.into_iter().map(|i| i.map(|i| self.cues[i].1)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_per_group_answers_as_each_group_alone() {
        let groups: [&[&'static str]; 3] =
            [&["on behalf of", "agent"], &["my son*", "my daughter"], &["delete"]];
        let together = CueSet::new(&groups);
        let texts = ["I am an agent acting on behalf of my sons", "my daughter asks", "agents only", ""];
        for text in texts {
            let alone: Vec<_> = groups.iter().map(|g| CueSet::new(&[g]).first_listed(text)).collect();
            assert_eq!(together.first_per_group(text), alone, "{text:?}");
        }
        assert_eq!(together.first_per_group(texts[0]), [Some("on behalf of"), Some("my son*"), None]);
    }
}
