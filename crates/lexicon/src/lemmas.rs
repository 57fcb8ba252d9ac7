//! Inflected forms of lexicon words mapped back to their base form.
//!
//! Rather than a general English lemmatizer, dyad generates every plausible form
//! of the words its own lexicons use (regular verb and noun endings, e-dropping,
//! consonant doubling, -y/-ies, plus data/lexicon/irregular_verbs.tsv) and maps
//! each form back. Over-generation ("visitted") is harmless: such forms never
//! occur in text. Lookup is one hash probe per token.

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

use dyad_core::tsv::{rows, TsvError};

use crate::phrases::WORD_CLASSES;

/// Words never inflected: prepositions and particles inside patterns.
const UNINFLECTED: &[&str] = &[
    "to", "of", "on", "in", "into", "with", "for", "by", "at", "from", "the", "a", "an", "and", "or", "not", "no", "be",
    "against", "between", "among", "over", "out", "up", "down", "off", "away", "about", "as", "its", "their", "his",
    "her", "*", "than", "any", "that", "it", "is", "has", "have", "had", "will", "would", "could", "may", "might",
];

#[derive(Debug, Default)]
pub struct Lemmatizer {
    /// Every word the lexicons use or inflect, with its lemmas and ids. Keys are kept inline (up to 24
    /// bytes), so a token's lookup compares against the table's own memory, not a string elsewhere on the heap.
    words: HashMap<CompactString, Word>,
    irregular: HashMap<String, Vec<String>>,
    /// By word id: one bit per phrase set in which a pattern starts with the word.
    opens: Vec<u32>,
    /// Phrase sets registered so far, each owning one bit of `opens`.
    sets: u32,
    /// Words whose noun and verb forms are registered already: lexicons repeat words thousands of times.
    expanded: [rustc_hash::FxHashSet<String>; 2],
}

/// A known word. Phrase matching compares ids, so each token is looked up once, not once per probe.
#[derive(Debug, Default)]
pub(crate) struct Word {
    /// Base forms, when the word is an inflection of lexicon words.
    pub lemmas: Vec<String>,
    /// The word's own id, then the ids of its lemmas: everything the word reads as.
    pub reads_as: Vec<u32>,
    /// The matchers' word classes it belongs to (bits of [`crate::phrases::WORD_CLASSES`]).
    pub classes: u8,
}

/// The entry of a word no lexicon knows.
pub(crate) static UNKNOWN: Word = Word { lemmas: Vec::new(), reads_as: Vec::new(), classes: 0 };

impl Lemmatizer {
    pub fn new(irregular_file: (&str, &str)) -> Result<Lemmatizer, TsvError> {
        let mut irregular: HashMap<String, Vec<String>> = HashMap::default();
        for (_, cells) in rows(irregular_file, &["lemma", "past", "past_participle"])? {
            let forms = irregular.entry(cells[0].to_lowercase()).or_default();
            for form in cells[1..].iter().flat_map(|c| c.split('|')).map(str::trim).filter(|f| !f.is_empty()) {
                forms.push(form.to_lowercase());
            }
        }
        let mut lemmatizer = Lemmatizer { words: HashMap::default(), irregular, opens: Vec::new(), sets: 0, expanded: Default::default() };
        // The classes are kept with the words, so the one lookup a token gets answers them too.
        for &(words, class) in WORD_CLASSES {
            for word in words {
                lemmatizer.intern(word);
                lemmatizer.words.get_mut(*word).expect("just interned").classes |= class;
            }
        }
        Ok(lemmatizer)
    }

    /// Registers every word of a (folded, space-separated) phrase as a lemma, with verb and noun forms.
    pub fn add_words(&mut self, phrase: &str) {
        self.add(phrase, true);
    }

    /// Registers the words of a noun phrase: plurals only, so "rebelled" never reads as "rebel".
    pub fn add_nouns(&mut self, phrase: &str) {
        self.add(phrase, false);
    }

    fn add(&mut self, phrase: &str, verb_forms: bool) {
        for word in phrase.split_whitespace() {
            if UNINFLECTED.contains(&word) || !word.chars().all(|c| c.is_alphabetic()) || word.len() < 3 {
                continue;
            }
            let expanded = &mut self.expanded[usize::from(verb_forms)];
            if expanded.contains(word) {
                continue;
            }
            expanded.insert(word.to_string());
            let mut forms = if verb_forms { regular_forms(word) } else { plurals(word) };
            if let (true, Some(irregular)) = (verb_forms, self.irregular.get(word)) {
                forms.extend(irregular.iter().cloned());
            }
            for form in forms {
                if form == word {
                    continue;
                }
                let lemma = self.intern(word);
                self.intern(&form);
                let entry = self.words.get_mut(form.as_str()).expect("just interned");
                if !entry.lemmas.iter().any(|l| l == word) {
                    entry.lemmas.push(word.to_string());
                    entry.reads_as.push(lemma);
                }
            }
        }
    }

    /// The id of a folded word, given one at first sight.
    pub(crate) fn intern(&mut self, word: &str) -> u32 {
        if let Some(w) = self.words.get(word) {
            return w.reads_as[0];
        }
        let id = u32::try_from(self.words.len()).expect("fewer than 2^32 words");
        self.words.insert(CompactString::new(word), Word { lemmas: Vec::new(), reads_as: vec![id], classes: 0 });
        id
    }

    /// What a folded token reads as; [`UNKNOWN`] for a word no lexicon uses.
    pub(crate) fn word(&self, folded: &str) -> &Word {
        self.words.get(folded).unwrap_or(&UNKNOWN)
    }

    /// A new phrase set's bit in the record of which words open patterns.
    pub(crate) fn register_set(&mut self) -> u32 {
        assert!(self.sets < u32::BITS, "at most 32 phrase sets share a lemmatizer");
        self.sets += 1;
        1 << (self.sets - 1)
    }

    /// Records that a pattern of the set with bit `set` starts with word `id`.
    pub(crate) fn mark_opener(&mut self, id: u32, set: u32) {
        let slot = id as usize;
        if self.opens.len() <= slot {
            self.opens.resize(slot + 1, 0);
        }
        self.opens[slot] |= set;
    }

    /// The sets in which a word, read as any of `ids`, can start a pattern.
    pub(crate) fn opens(&self, ids: &[u32]) -> u32 {
        ids.iter().fold(0, |bits, &id| bits | self.opens.get(id as usize).copied().unwrap_or(0))
    }

    /// Base forms of a folded token, not including the token itself.
    pub fn lemmas(&self, folded: &str) -> &[String] {
        &self.word(folded).lemmas
    }
}

fn plurals(w: &str) -> Vec<String> {
    let mut out = vec![format!("{w}s"), format!("{w}es")];
    if let Some(stem) = w.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    out
}

fn regular_forms(w: &str) -> Vec<String> {
    let mut out = vec![format!("{w}s"), format!("{w}es"), format!("{w}ed"), format!("{w}ing")];
    let chars: Vec<char> = w.chars().collect();
    let last = chars[chars.len() - 1];
    let before = chars[chars.len() - 2];
    let vowel = |c: char| "aeiou".contains(c);
    if last == 'e' {
        let stem = &w[..w.len() - 1];
        out.push(format!("{w}d"));
        out.push(format!("{stem}ing"));
    }
    if last == 'y' && !vowel(before) {
        let stem = &w[..w.len() - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
    }
    if !vowel(last) && vowel(before) && !"wxy".contains(last) && chars.len() >= 3 && !vowel(chars[chars.len() - 3]) {
        out.push(format!("{w}{last}ed"));
        out.push(format!("{w}{last}ing"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemmatizer(words: &str) -> Lemmatizer {
        let mut l = Lemmatizer::new(("irregular", "lemma\tpast\tpast_participle\nhold\theld\theld\n")).unwrap();
        l.add_words(words);
        l
    }

    #[test]
    fn regular_and_irregular_forms_map_back() {
        let l = lemmatizer("decline to comment hold talk plan rally");
        assert_eq!(l.lemmas("declined"), ["decline"]);
        assert_eq!(l.lemmas("declining"), ["decline"]);
        assert_eq!(l.lemmas("held"), ["hold"]);
        assert_eq!(l.lemmas("talks"), ["talk"]);
        assert_eq!(l.lemmas("planned"), ["plan"]);
        assert_eq!(l.lemmas("rallies"), ["rally"]);
        assert!(l.lemmas("to").is_empty());
    }

    #[test]
    fn nouns_get_plurals_only() {
        let mut l = lemmatizer("");
        l.add_nouns("rebel militia");
        assert_eq!(l.lemmas("rebels"), ["rebel"]);
        assert_eq!(l.lemmas("militias"), ["militia"]);
        assert!(l.lemmas("rebelled").is_empty());
    }
}
