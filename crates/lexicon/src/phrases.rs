//! Token-sequence matching for lexicon phrases.
//!
//! A phrase is a sequence of folded words. A pattern word matches a token if it
//! equals the token's folded form or one of its lemmas. `*` matches a gap of up to
//! five words, and `#` one number. In sets built with `skip_adverbs`, adverbs between pattern words
//! are passed over ("have not publicly confirmed" matches `not confirm`). Phrases
//! marked case-sensitive ("US", not "us") must also match the raw text.
//! Pattern words are interned to ids in the [`Lemmatizer`], and each token is looked
//! up there once ([`Tokens::new`]), along with whether it is an adverb: matching
//! compares ids, and candidates are found through an index on the first word's id.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use dyad_text::{tokenize, Kind, Token};

use crate::lemmas::{Lemmatizer, Word as Known};

/// Signs inside an amount, which a gap may hold.
const AMOUNT_SIGNS: &[&str] = &["$", "€", "£", "¥", "%"];
const MAX_GAP: usize = 5;
/// A gap longer than this is a run of modifiers ("signed a landmark data sharing agreement"); it may
/// not hold a word that opens a new phrase, since an embedded act ("threatened on Monday to impose
/// sanctions") is coded by its own trigger.
const MAX_OPEN_GAP: usize = 3;
const PHRASE_OPENERS: &[&str] = &["to", "that", "and", "or", "but", "which", "who", "if"];
const MAX_SKIPPED_ADVERBS: usize = 2;
/// Word classes tested on every token. The lemmatizer records them with its words ([`Known::classes`]).
pub(crate) const WORD_CLASSES: &[(&[&str], u8)] =
    &[(ADVERBS, ADVERB), (NOT_ADVERBS, NOT_ADVERB), (PHRASE_OPENERS, PHRASE_OPENER), (AMOUNT_SIGNS, AMOUNT_SIGN)];
const ADVERB: u8 = 1;
const NOT_ADVERB: u8 = 2;
const PHRASE_OPENER: u8 = 4;
const AMOUNT_SIGN: u8 = 8;
const ADVERBS: &[&str] = &["also", "already", "still", "yet", "again", "further", "once", "now", "even", "ever", "just", "then", "reportedly", "allegedly", "yesterday", "today", "tonight"];
const NOT_ADVERBS: &[&str] = &["italy", "july", "family", "rally", "ally", "supply", "reply", "apply", "assembly", "monopoly", "only", "early"];

/// Lexicon entries that must match case-sensitively say so.
pub trait CaseRule {
    fn case_sensitive(&self) -> bool {
        false
    }
}

/// The tokens of one document, seen by the matchers, with each token's lemmas and word ids looked up once.
pub struct Tokens<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    forms: Vec<Form<'a>>,
}

/// What the matchers need to know of a token beyond its text, worked out once per document.
#[derive(Clone, Copy)]
struct Form<'a> {
    known: &'a Known,
    /// The phrase sets in which a pattern can start here (one bit each): most tokens start none, and then
    /// the sets' indexes are never touched.
    opens: u32,
    adverb: bool,
    /// Punctuation a gap may not hold.
    breaks_gap: bool,
    /// A word that opens a new phrase (see [`MAX_OPEN_GAP`]).
    opener: bool,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], lemmas: &'a Lemmatizer) -> Tokens<'a> {
        let mut forms: Vec<Form> = tokens
            .iter()
            .map(|t| {
                let known = lemmas.word(&t.folded);
                Form {
                    known,
                    opens: lemmas.opens(&known.reads_as),
                    adverb: is_adverb(t, known.classes),
                    // A currency or percent sign is part of an amount ("gave $2 million to", "a 3% tax"), not a break.
                    breaks_gap: t.kind == Kind::Punct && known.classes & AMOUNT_SIGN == 0,
                    opener: known.classes & PHRASE_OPENER != 0,
                }
            })
            .collect();
        // Two-word adverbials of time ("conceded at last to demands", "met on Monday with") are skipped as adverbs.
        for i in 1..tokens.len() {
            if is_adverbial_pair(tokens[i - 1].folded.as_str(), tokens[i].folded.as_str()) {
                forms[i - 1].adverb = true;
                forms[i].adverb = true;
            }
        }
        Tokens { text, tokens, forms }
    }

    /// The first `n` tokens only (a dateline, a headline).
    pub fn prefix(&self, n: usize) -> Tokens<'a> {
        let n = n.min(self.tokens.len());
        Tokens { text: self.text, tokens: &self.tokens[..n], forms: self.forms[..n].to_vec() }
    }

    /// The base forms of token `i` when it is an inflection of a lexicon word ("attacked" → "attack").
    pub fn lemmas(&self, i: usize) -> &'a [String] {
        &self.forms[i].known.lemmas
    }

    /// Does token `i` read as `word` (folded form or lemma)?
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.tokens[i].folded == word || self.lemmas(i).iter().any(|l| l == word)
    }

    /// Is token `i` an adverb the matchers skip between pattern words ("immediately", "also", "on Monday")?
    pub fn is_adverb(&self, i: usize) -> bool {
        self.forms[i].adverb
    }

    /// The ids token `i` reads as: its own word's, then its lemmas'.
    fn reads_as(&self, i: usize) -> &'a [u32] {
        &self.forms[i].known.reads_as
    }
}

/// "at last", "on Monday", "last week", "this morning": a preposition or determiner and a word of time.
fn is_adverbial_pair(a: &str, b: &str) -> bool {
    const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    const PERIODS: &[&str] = &["week", "month", "year", "night", "weekend", "morning", "evening", "afternoon"];
    match a {
        "at" => b == "last",
        "on" => DAYS.contains(&b),
        "last" | "this" => PERIODS.contains(&b) || DAYS.contains(&b),
        _ => false,
    }
}

/// An adverb a matcher may pass over: a listed one, or a word in -ly that is not listed as no adverb.
fn is_adverb(t: &Token, classes: u8) -> bool {
    let word = t.folded.as_str();
    t.kind == Kind::Word && (classes & ADVERB != 0 || (word.len() > 4 && word.ends_with("ly") && classes & NOT_ADVERB == 0))
}

#[derive(Debug, Clone)]
enum Word {
    Literal { id: u32, raw: String },
    Gap,
    /// `#`: a number ("declined to 8.8 pct").
    Number,
}

#[derive(Debug)]
struct Pattern {
    words: Vec<Word>,
    case_sensitive: bool,
}

/// A set of phrases, each with one or more values.
pub struct PhraseSet<T> {
    patterns: Vec<Pattern>,
    values: Vec<Vec<T>>,
    /// Patterns by the id of their first word: word ids are dense, so a slot per word beats hashing.
    /// Ids interned after the set was built start none of its patterns and fall past the end.
    by_first_word: Vec<Slot>,
    skip_adverbs: bool,
    /// A set of nouns reads a word as another only through its plural: the lemmatizer is shared with
    /// verb sets, and "mobbed" or "rebelled" is no mob or rebels.
    nouns_only: bool,
    /// This set's bit in [`Form::opens`].
    bit: u32,
}

/// The patterns that start with one word. A common first word starts many ("the White House", "the
/// Kremlin", ...), so they are kept in order of their second word, and only those whose second word reads
/// next in the text are tried. A common verb starts many with a gap next ("demand * release", "demand *
/// resignation"): those are kept in order of the word after the gap, and only those whose word reads
/// within the gap's reach are tried.
#[derive(Default)]
struct Slot {
    /// Pattern ids. In a slot of more than [`TRY_ALL`]: first those with no literal second word (one
    /// word, or a gap next) and not in `gapped`, then the rest in order of their second word's id.
    patterns: Vec<u32>,
    /// For each of `patterns`, 0, or 1 + its second word's id.
    seconds: Vec<u32>,
    /// In a slot of more than [`TRY_ALL`]: the patterns that are not case-sensitive and go on with a gap and a
    /// literal, in order of that literal's id.
    gapped: Vec<u32>,
    /// For each of `gapped`, the id of its literal after the gap.
    thirds: Vec<u32>,
}

/// How far past a pattern's first word its literal after a gap can read: the longest gap, then the
/// adverbs skipped before the literal.
const GAPPED_REACH: usize = MAX_GAP + MAX_SKIPPED_ADVERBS + 1;

/// A slot with at most this many patterns tries them all.
const TRY_ALL: usize = 8;

/// A phrase found in the text: tokens `start..end` and the values of its entries.
#[derive(Debug)]
pub struct Match<'s, T> {
    pub start: usize,
    pub end: usize,
    pub values: &'s [T],
}

impl<T> Match<'_, T> {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl<T: CaseRule> PhraseSet<T> {
    /// Builds the set. Phrases are written as in the data files and tokenized like text; their words
    /// get ids in `lemmas`, which must be the lemmatizer the set is matched with.
    pub fn build(entries: Vec<(String, T)>, skip_adverbs: bool, lemmas: &mut Lemmatizer) -> PhraseSet<T> {
        let bit = lemmas.register_set();
        let mut set = PhraseSet { patterns: Vec::new(), values: Vec::new(), by_first_word: Vec::new(), skip_adverbs, nouns_only: false, bit };
        let mut seen: HashMap<(Vec<Option<u32>>, bool), usize> = HashMap::default();
        for (phrase, value) in entries {
            let words: Vec<Word> = phrase_words(&phrase, lemmas);
            let Some(&Word::Literal { id: first, .. }) = words.first() else { continue };
            let case_sensitive = value.case_sensitive();
            let key: Vec<Option<u32>> = words
                .iter()
                .map(|w| match w {
                    Word::Literal { id, .. } => Some(*id),
                    Word::Gap => None,
                    Word::Number => Some(u32::MAX),
                })
                .collect();
            let id = match seen.entry((key, case_sensitive)) {
                std::collections::hash_map::Entry::Occupied(known) => {
                    set.values[*known.get()].push(value);
                    continue;
                }
                std::collections::hash_map::Entry::Vacant(new) => *new.insert(set.patterns.len()),
            };
            set.patterns.push(Pattern { words, case_sensitive });
            set.values.push(vec![value]);
            let slot = first as usize;
            if set.by_first_word.len() <= slot {
                set.by_first_word.resize_with(slot + 1, Slot::default);
            }
            let second = match set.patterns[id].words.get(1) {
                Some(Word::Literal { id, .. }) => id + 1,
                _ => 0,
            };
            set.by_first_word[slot].patterns.push(id as u32);
            set.by_first_word[slot].seconds.push(second);
            lemmas.mark_opener(first, bit);
        }
        let patterns = &set.patterns;
        for slot in set.by_first_word.iter_mut().filter(|slot| slot.patterns.len() > TRY_ALL) {
            let mut order: Vec<(u32, u32)> = slot.seconds.iter().copied().zip(slot.patterns.iter().copied()).collect();
            order.sort_unstable();
            // Patterns with a gap and then a literal leave the ones always tried, ordered by that literal.
            let (mut gapped, mut kept): (Vec<(u32, u32)>, Vec<(u32, u32)>) = (Vec::new(), Vec::new());
            for (second, id) in order {
                match (second, gapped_literal(&patterns[id as usize])) {
                    (0, Some(third)) => gapped.push((third, id)),
                    _ => kept.push((second, id)),
                }
            }
            gapped.sort_unstable();
            (slot.seconds, slot.patterns) = kept.into_iter().unzip();
            (slot.thirds, slot.gapped) = gapped.into_iter().unzip();
        }
        set
    }
}

impl<T> PhraseSet<T> {
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Makes this a set of noun phrases (see `nouns_only`).
    pub fn nouns_only(mut self) -> Self {
        self.nouns_only = true;
        self
    }

    /// The word ids token `p` reads as in this set: its own id first, then its lemmas.
    fn readings<'c>(&self, cx: &'c Tokens, p: usize) -> &'c [u32] {
        let all = cx.reads_as(p);
        if self.nouns_only && !cx.tokens[p].folded.ends_with('s') {
            &all[..all.len().min(1)]
        } else {
            all
        }
    }

    /// The longest phrase starting at token `i` and ending before `limit`.
    pub fn longest_at(&self, cx: &Tokens, i: usize, limit: usize) -> Option<Match<'_, T>> {
        if cx.forms[i].opens & self.bit == 0 {
            return None;
        }
        if i >= limit {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        let mut try_all = |ids: &[u32]| {
            for &id in ids {
                let pattern = &self.patterns[id as usize];
                // The slot was found through a word token `i` reads as: only a case-sensitive first word
                // is left to check.
                let matched = if pattern.case_sensitive {
                    self.match_words(cx, &pattern.words, true, i, limit, true)
                } else {
                    self.match_words(cx, &pattern.words[1..], false, i + 1, limit, false)
                };
                if let Some(end) = matched {
                    if best.is_none_or(|(b, bid)| end > b || (end == b && (id as usize) < bid)) {
                        best = Some((end, id as usize));
                    }
                }
            }
        };
        for key in self.readings(cx, i) {
            let Some(slot) = self.by_first_word.get(*key as usize) else { continue };
            // A slot of more than `TRY_ALL` is in order, even when its gapped patterns leave fewer.
            if slot.patterns.len() <= TRY_ALL && slot.gapped.is_empty() {
                try_all(&slot.patterns);
                continue;
            }
            try_all(&slot.patterns[..slot.seconds.partition_point(|&s| s == 0)]);
            // Where the literal after a gap may read. A pattern is tried once per place its literal reads:
            // the same answer each time, and the best match does not depend on the order tried.
            if !slot.thirds.is_empty() {
                for p in i + 1..(i + 1 + GAPPED_REACH).min(limit) {
                    for third in self.readings(cx, p) {
                        let from = slot.thirds.partition_point(|&t| t < *third);
                        let to = slot.thirds.partition_point(|&t| t <= *third);
                        try_all(&slot.gapped[from..to]);
                    }
                }
            }
            // Where the second word may read: next, or past the adverbs the matcher would skip.
            let mut p = i + 1;
            while p < limit {
                for second in self.readings(cx, p) {
                    let from = slot.seconds.partition_point(|&s| s <= *second);
                    let to = slot.seconds.partition_point(|&s| s <= second + 1);
                    try_all(&slot.patterns[from..to]);
                }
                if !self.skip_adverbs || p - (i + 1) >= MAX_SKIPPED_ADVERBS || !cx.forms[p].adverb {
                    break;
                }
                p += 1;
            }
        }
        best.map(|(end, id)| Match { start: i, end, values: &self.values[id] })
    }

    /// Leftmost-longest, non-overlapping matches within `range`.
    pub fn find_all(&self, cx: &Tokens, range: Range<usize>) -> Vec<Match<'_, T>> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            // Most tokens start no pattern of the set: turned away here, without a call.
            if cx.forms[i].opens & self.bit == 0 {
                i += 1;
                continue;
            }
            match self.longest_at(cx, i, range.end) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Where `words` match from token `pos` on, if they do. Literals are matched in a loop (a literal's match
    /// is never revisited); only a gap recurses, once per length that its next literal allows.
    fn match_words(&self, cx: &Tokens, mut words: &[Word], cs: bool, mut pos: usize, limit: usize, mut first: bool) -> Option<usize> {
        loop {
            let Some((word, rest)) = words.split_first() else { return Some(pos) };
            match word {
                Word::Gap => {
                    // Gaps are tried shortest first. Each gap holds the one before, so once a gap is ruled
                    // out (past the limit, across punctuation, too long with an opener) so are all longer ones.
                    let mut opener = false;
                    for end in pos..=(pos + MAX_GAP).min(limit) {
                        if end > pos {
                            let last = &cx.forms[end - 1];
                            if last.breaks_gap {
                                return None;
                            }
                            opener |= last.opener;
                        }
                        if opener && end - pos > MAX_OPEN_GAP {
                            return None;
                        }
                        // A literal after the gap must read at `end` or be skippable there, else this length fails.
                        let next_fails = match rest.first() {
                            Some(Word::Literal { id, raw }) => end >= limit || !(self.reads(cx, end, *id, raw, cs) || (self.skip_adverbs && cx.forms[end].adverb)),
                            Some(Word::Number) => end >= limit || cx.tokens[end].kind != Kind::Number,
                            _ => false,
                        };
                        if next_fails {
                            continue;
                        }
                        if let Some(found) = self.match_words(cx, rest, cs, end, limit, false) {
                            return Some(found);
                        }
                    }
                    return None;
                }
                Word::Literal { id, raw } => {
                    let mut p = pos;
                    loop {
                        if p >= limit {
                            return None;
                        }
                        if self.reads(cx, p, *id, raw, cs) {
                            break;
                        }
                        if first || !self.skip_adverbs || p - pos >= MAX_SKIPPED_ADVERBS || !cx.forms[p].adverb {
                            return None;
                        }
                        p += 1;
                    }
                    (words, pos, first) = (rest, p + 1, false);
                }
                Word::Number => {
                    if pos >= limit || cx.tokens[pos].kind != Kind::Number {
                        return None;
                    }
                    (words, pos, first) = (rest, pos + 1, false);
                }
            }
        }
    }

    /// Does token `p` read as the pattern word `id` (raw text `raw` when case-sensitive)?
    #[inline(always)]
    fn reads(&self, cx: &Tokens, p: usize, id: u32, raw: &str, cs: bool) -> bool {
        if cs {
            cx.tokens[p].span.slice(cx.text) == raw
        } else {
            self.readings(cx, p).contains(&id)
        }
    }
}

/// The id of the literal after a gap that a pattern's first word is followed by ("demand * release"), when
/// the pattern is matched by word ids (not case-sensitive).
fn gapped_literal(pattern: &Pattern) -> Option<u32> {
    match pattern.words.get(1..3) {
        Some([Word::Gap, Word::Literal { id, .. }]) if !pattern.case_sensitive => Some(*id),
        _ => None,
    }
}

fn phrase_words(phrase: &str, lemmas: &mut Lemmatizer) -> Vec<Word> {
    tokenize(phrase)
        .into_iter()
        .map(|t| {
            let raw = t.span.slice(phrase).to_string();
            if raw == "*" {
                Word::Gap
            } else if raw == "#" {
                Word::Number
            } else {
                Word::Literal { id: lemmas.intern(&t.folded), raw }
            }
        })
        .collect()
}

/// Folded words of a phrase, for registering lemmas.
pub(crate) fn folded_words(phrase: &str) -> String {
    tokenize(phrase).into_iter().map(|t| t.folded).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    struct V(&'static str);
    impl CaseRule for V {}

    fn find(set: &PhraseSet<V>, lemmas: &Lemmatizer, text: &str) -> Vec<(String, &'static str)> {
        let tokens = tokenize(text);
        let cx = Tokens::new(text, &tokens, lemmas);
        set.find_all(&cx, 0..tokens.len())
            .into_iter()
            .map(|m| (text[tokens[m.start].span.start..tokens[m.end - 1].span.end].to_string(), m.values[0].0))
            .collect()
    }

    fn setup(entries: &[(&str, &'static str)]) -> (PhraseSet<V>, Lemmatizer) {
        let mut lemmas = Lemmatizer::new(("irr", "lemma\tpast\tpast_participle\nhold\theld\theld\n")).unwrap();
        for (p, _) in entries {
            lemmas.add_words(&folded_words(p));
        }
        let set = PhraseSet::build(entries.iter().map(|&(p, v)| (p.to_string(), V(v))).collect(), true, &mut lemmas);
        (set, lemmas)
    }

    #[test]
    fn longest_match_with_lemmas_gaps_and_adverbs() {
        let (set, lemmas) = setup(&[("hold * talk with", "040"), ("talk", "04"), ("not confirm", "011"), ("U.S.", "USA")]);
        assert_eq!(
            find(&set, &lemmas, "They held high-level talks with U.S. envoys but have not publicly confirmed it."),
            [("held high-level talks with".to_string(), "040"), ("U.S.".into(), "USA"), ("not publicly confirmed".into(), "011")]
        );
    }

    #[test]
    fn a_gap_holds_an_amount_with_its_currency_sign() {
        let (set, lemmas) = setup(&[("donate * million to", "071"), ("cut * tax", "085")]);
        assert_eq!(find(&set, &lemmas, "The fund donated $40 million to the farmers"), [("donated $40 million to".to_string(), "071")]);
        assert_eq!(find(&set, &lemmas, "They cut a 5% tax"), [("cut a 5% tax".to_string(), "085")]);
        assert!(find(&set, &lemmas, "They donated, million to").is_empty());
    }

    #[test]
    fn a_number_sign_matches_one_number() {
        let (set, lemmas) = setup(&[("decline to #", "00"), ("decline to", "120"), ("climb by # point", "up")]);
        assert_eq!(find(&set, &lemmas, "Deposits declined to 8.8 pct"), [("declined to 8.8".to_string(), "00")]);
        assert_eq!(find(&set, &lemmas, "He declined to answer"), [("declined to".to_string(), "120")]);
        assert_eq!(find(&set, &lemmas, "It climbed by 1,200 points"), [("climbed by 1,200 points".to_string(), "up")]);
        assert!(find(&set, &lemmas, "It climbed by many points").is_empty());
    }

    #[test]
    fn adverbials_of_time_are_skipped_between_pattern_words() {
        let (set, lemmas) = setup(&[("yield to demand", "083"), ("talk with", "040")]);
        assert_eq!(find(&set, &lemmas, "The mayor yielded at last to demands"), [("yielded at last to demands".to_string(), "083")]);
        assert_eq!(find(&set, &lemmas, "She talked on Friday with envoys"), [("talked on Friday with".to_string(), "040")]);
        assert_eq!(find(&set, &lemmas, "She talked yesterday with envoys"), [("talked yesterday with".to_string(), "040")]);
        assert!(find(&set, &lemmas, "She talked at home with envoys").is_empty());
    }

    #[test]
    fn a_common_first_word_tries_only_patterns_whose_second_word_reads_next() {
        // More patterns start with "the" than are tried one by one; open ones (one word, a gap) are always tried.
        let (set, lemmas) = setup(&[
            ("the", "THE"),
            ("the * embassy", "EMB"),
            ("the white house", "WH"),
            ("the house of lords", "HL"),
            ("the talk", "TALK"),
            ("the kremlin", "KR"),
            ("the pentagon", "PE"),
            ("the hague", "HA"),
            ("the vatican", "VA"),
            ("the senate", "SE"),
        ]);
        assert_eq!(find(&set, &lemmas, "The White House said"), [("The White House".to_string(), "WH")]);
        assert_eq!(find(&set, &lemmas, "the Kremlin and the Pentagon"), [("the Kremlin".to_string(), "KR"), ("the Pentagon".into(), "PE")]);
        assert_eq!(find(&set, &lemmas, "the French embassy"), [("the French embassy".to_string(), "EMB")]);
        assert_eq!(find(&set, &lemmas, "the talks"), [("the talks".to_string(), "TALK")]);
        assert_eq!(find(&set, &lemmas, "the also talks"), [("the also talks".to_string(), "TALK")]);
        assert_eq!(find(&set, &lemmas, "the house"), [("the".to_string(), "THE")]);
    }

    #[test]
    fn a_common_first_word_tries_only_gapped_patterns_whose_next_word_reads_within_reach() {
        let (set, lemmas) = setup(&[
            ("demand", "DEM"),
            ("demand * release", "REL"),
            ("demand * resignation", "RES"),
            ("demand * resignation of", "RESOF"),
            ("demand * talk", "TALK"),
            ("demand * ceasefire", "CF"),
            ("demand * withdrawal", "WD"),
            ("demand * apology", "AP"),
            ("demand * inquiry", "INQ"),
            ("demand * #", "NUM"),
        ]);
        assert_eq!(find(&set, &lemmas, "They demanded the release"), [("demanded the release".to_string(), "REL")]);
        assert_eq!(find(&set, &lemmas, "They demanded his immediate resignation of"), [("demanded his immediate resignation of".to_string(), "RESOF")]);
        // The longest gap, then two adverbs, then the word.
        assert_eq!(find(&set, &lemmas, "demanded a b c d e also again talks"), [("demanded a b c d e also again talks".to_string(), "TALK")]);
        assert_eq!(find(&set, &lemmas, "demanded a b c d e f talks"), [("demanded".to_string(), "DEM")]);
        assert_eq!(find(&set, &lemmas, "demanded an apology, a ceasefire"), [("demanded an apology".to_string(), "AP")]);
        assert_eq!(find(&set, &lemmas, "demanded a 5"), [("demanded a 5".to_string(), "NUM")]);
    }

    #[test]
    fn gap_does_not_cross_punctuation() {
        let (set, lemmas) = setup(&[("hold * talk", "040")]);
        assert!(find(&set, &lemmas, "They hold, talks").is_empty());
    }

    #[test]
    fn a_long_gap_is_a_run_of_modifiers_not_a_new_phrase() {
        let (set, lemmas) = setup(&[("sign * agreement", "057"), ("threaten * sanction", "1312")]);
        assert_eq!(find(&set, &lemmas, "They signed a landmark data sharing agreement"), [("signed a landmark data sharing agreement".to_string(), "057")]);
        assert_eq!(find(&set, &lemmas, "They threatened to impose sanctions"), [("threatened to impose sanctions".to_string(), "1312")]);
        assert!(find(&set, &lemmas, "They threatened on Monday to impose sanctions").is_empty());
        assert!(find(&set, &lemmas, "They signed a deal and a new agreement").is_empty());
    }
}
