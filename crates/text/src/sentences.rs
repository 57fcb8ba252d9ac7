//! Sentence splitting over tokens.
//!
//! A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) unless
//! the period follows a known abbreviation (data/text/abbreviations.txt) or the
//! next word is lower case. Dotted abbreviations such as "U.S." end a sentence only
//! when a typical sentence opener follows ("... in the U.S. The next day").
//! Line structure counts too: a blank line always ends a sentence, and so does the
//! line break after an ALL-CAPS headline that is followed by ordinary text.
//! Very long runs without punctuation are cut every [`MAX_SENTENCE_TOKENS`] tokens
//! so that no input costs more than linear time later on.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use dyad_core::Span;

use crate::tokens::{Case, Kind, Token};

/// Longest sentence, in tokens, handed to later stages.
pub const MAX_SENTENCE_TOKENS: usize = 150;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span from the first token's start to the last token's end.
    pub span: Span,
    /// Index range into the document's tokens.
    pub tokens: Range<usize>,
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../../data/text/abbreviations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

const OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "in", "on", "this", "that", "there",
    "its", "his", "her", "their", "officials", "meanwhile", "however", "according",
];

const CLOSERS: &[&str] = &["\"", "'", "\u{201d}", "\u{2019}", ")", "]", "\u{bb}"];

pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<Sentence>| {
        if from < to {
            let span = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
            out.push(Sentence { span, tokens: from..to });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        let mut end = None;
        if ends_with_terminal(&tokens[i]) {
            let mut j = i + 1;
            while j < tokens.len() && tokens[j].kind == Kind::Punct && CLOSERS.contains(&tokens[j].folded.as_str()) {
                j += 1;
            }
            if j >= tokens.len() || boundary_after(text, tokens, i, j) {
                end = Some(j);
            }
        } else if i + 1 < tokens.len() && line_break_ends_sentence(text, tokens, i) {
            end = Some(i + 1);
        }
        if end.is_none() && i + 1 - start >= MAX_SENTENCE_TOKENS {
            end = Some(i + 1);
        }
        if let Some(e) = end {
            push(start, e, &mut sentences);
            start = e;
            i = e;
        } else {
            i += 1;
        }
    }
    push(start, tokens.len(), &mut sentences);
    sentences
}

fn ends_with_terminal(t: &Token) -> bool {
    match t.kind {
        Kind::Punct => matches!(t.folded.as_str(), "." | "!" | "?" | "..." | "\u{2026}"),
        // "U.S." carries its own period.
        Kind::Word => t.folded.len() > 2 && t.folded.ends_with('.'),
        Kind::Number => false,
    }
}

/// Is there a sentence boundary between the terminal token `i` (with closers up to `j`) and token `j`?
fn boundary_after(text: &str, tokens: &[Token], i: usize, j: usize) -> bool {
    let next = &tokens[j];
    if gap_has_blank_line(text, tokens[j - 1].span.end, next.span.start) {
        return true;
    }
    let next_starts_low = next.kind == Kind::Word && next.case == Case::Lower;
    if next_starts_low {
        return false;
    }
    let t = &tokens[i];
    if t.kind == Kind::Word {
        // A dotted abbreviation: only before a typical sentence opener.
        return next.case == Case::Title && OPENERS.contains(&next.folded.as_str());
    }
    if t.folded == "." && i > 0 {
        let prev = &tokens[i - 1];
        let adjacent = prev.span.end == t.span.start;
        if adjacent && prev.kind == Kind::Word && abbreviations().contains(prev.folded.as_str()) {
            return false;
        }
        // A single capital before a period is an initial ("John F. Kennedy").
        if adjacent && prev.kind == Kind::Word && prev.folded.chars().count() == 1 && prev.case != Case::Lower {
            return next.kind == Kind::Word && OPENERS.contains(&next.folded.as_str());
        }
    }
    true
}

fn gap_has_blank_line(text: &str, from: usize, to: usize) -> bool {
    text.as_bytes()[from..to].iter().filter(|&&b| b == b'\n').nth(1).is_some()
}

/// A line break after an ALL-CAPS headline line, followed by a line that is not all caps,
/// or any blank line, ends a sentence.
fn line_break_ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let (end, next) = (tokens[i].span.end, tokens[i + 1].span.start);
    // Asked between every two tokens, so the common answer (no line break, mostly one space) is found on bytes.
    if !text.as_bytes()[end..next].contains(&b'\n') {
        return false;
    }
    if gap_has_blank_line(text, end, next) {
        return true;
    }
    let line_start = text[..end].rfind('\n').map_or(0, |k| k + 1);
    // Most lines have lower case; the next line is read only after an ALL-CAPS one.
    is_caps_line(&text[line_start..end]) && {
        let next_line_end = text[next..].find('\n').map_or(text.len(), |k| next + k);
        !is_caps_line(&text[next..next_line_end])
    }
}

fn is_caps_line(line: &str) -> bool {
    let mut letters = line.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    fn sentences(text: &str) -> Vec<&str> {
        analyze(text).sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let text = "Gen. Ruiz met U.S. officials on Jan. 5 in room No. 4. They agreed.";
        assert_eq!(sentences(text), ["Gen. Ruiz met U.S. officials on Jan. 5 in room No. 4.", "They agreed."]);
    }

    #[test]
    fn dotted_abbreviation_can_end_a_sentence() {
        let text = "Troops arrived in the U.S. The talks began.";
        assert_eq!(sentences(text), ["Troops arrived in the U.S.", "The talks began."]);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text = "He said it was “final.” Then he left.";
        assert_eq!(sentences(text), ["He said it was “final.”", "Then he left."]);
    }

    #[test]
    fn headline_line_is_its_own_sentence() {
        let text = "REBELS SEIZE TOWN\nRebels seized the town on Monday.";
        assert_eq!(sentences(text), ["REBELS SEIZE TOWN", "Rebels seized the town on Monday."]);
    }

    #[test]
    fn wrapped_all_caps_lines_stay_together() {
        let text = "THE ARMY REPORTED THAT\nGUERRILLAS ATTACKED A POST.  TWO DIED.";
        assert_eq!(sentences(text), ["THE ARMY REPORTED THAT\nGUERRILLAS ATTACKED A POST.", "TWO DIED."]);
    }

    #[test]
    fn long_unpunctuated_text_is_cut() {
        let text = "word ".repeat(1000);
        let s = analyze(&text).sentences;
        assert!(s.iter().all(|s| s.tokens.len() <= super::MAX_SENTENCE_TOKENS));
        assert_eq!(s.iter().map(|s| s.tokens.len()).sum::<usize>(), 1000);
    }
}
