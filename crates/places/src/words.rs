//! The word lists around place names: data/places/context.tsv and data/places/stoplist.txt.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

const CONTEXT: &str = include_str!("../../../data/places/context.tsv");
const STOPLIST: &str = include_str!("../../../data/places/stoplist.txt");

pub(crate) struct Words {
    pub locative: HashSet<String>,
    pub descriptor: HashSet<String>,
    pub division: HashSet<String>,
    pub particle: HashSet<String>,
    /// The first words of the particles, the longest of them in bytes, and their first bytes: most words
    /// are too long or start otherwise, and are never hashed.
    particle_start: HashSet<String>,
    particle_start_len: usize,
    particle_start_byte: [bool; 256],
    /// Phrases for a capital city, as folded tokens, longest first.
    pub capital: Vec<Vec<String>>,
    /// Their first words, each once ("the", "this").
    pub capital_start: Vec<String>,
    pub stoplist: HashSet<String>,
}

impl Words {
    /// Whether a folded word is the first word of a particle ("de" of "de la").
    pub fn starts_particle(&self, word: &str) -> bool {
        word.len() <= self.particle_start_len && word.as_bytes().first().is_some_and(|&b| self.particle_start_byte[usize::from(b)]) && self.particle_start.contains(word)
    }
}

pub(crate) fn get() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| parse(CONTEXT, STOPLIST).expect("data/places/context.tsv is valid"))
}

fn parse(context: &str, stoplist: &str) -> Result<Words, dyad_core::tsv::TsvError> {
    let mut w = Words {
        locative: HashSet::default(),
        descriptor: HashSet::default(),
        division: HashSet::default(),
        particle: HashSet::default(),
        particle_start: HashSet::default(),
        particle_start_len: 0,
        particle_start_byte: [false; 256],
        capital: Vec::new(),
        capital_start: Vec::new(),
        stoplist: HashSet::default(),
    };
    for (line, cells) in dyad_core::tsv::rows(("data/places/context.tsv", context), &["kind", "words"])? {
        let folded: Vec<String> = dyad_text::tokenize(cells[1]).into_iter().map(|t| t.folded.to_string()).collect();
        match cells[0] {
            "locative" => w.locative.insert(folded.join(" ")),
            "descriptor" => w.descriptor.insert(folded.join(" ")),
            "division" => w.division.insert(folded.join(" ")),
            "particle" => {
                w.particle_start.extend(folded.first().cloned());
                w.particle.insert(folded.join(" "))
            }
            "capital" => {
                w.capital.push(folded);
                true
            }
            other => {
                return Err(dyad_core::tsv::TsvError { file: "data/places/context.tsv".into(), line, message: format!("unknown kind {other:?}") });
            }
        };
    }
    w.particle_start_len = w.particle_start.iter().map(String::len).max().unwrap_or(0);
    for word in &w.particle_start {
        w.particle_start_byte[usize::from(word.as_bytes()[0])] = true;
    }
    w.capital.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for first in w.capital.iter().filter_map(|p| p.first()) {
        if !w.capital_start.contains(first) {
            w.capital_start.push(first.clone());
        }
    }
    w.stoplist = stoplist.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| dyad_text::fold(l).to_string()).collect();
    Ok(w)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_read() {
        let w = super::get();
        assert!(w.locative.contains("in") && w.descriptor.contains("western") && w.division.contains("state"));
        assert!(w.stoplist.contains("mobile"));
        assert_eq!(w.capital[0], ["the", "country", "'s", "capital"]);
    }
}
