//! Tokenization with byte offsets.
//!
//! Rules, chosen for news text:
//! - dotted abbreviations stay whole: "U.S.", "U.N.", "e.g.";
//! - hyphenated words stay whole ("anti-American" is not "American");
//! - a possessive "'s" (or "’s") is its own token ("Mexico's" → "Mexico", "'s");
//! - other apostrophes stay inside words ("O'Brien", "didn't");
//! - numbers keep their separators ("1,500", "3.5");
//! - every other non-space character is a punctuation token ("--" and "..." stay together).

use compact_str::CompactString;
use dyad_core::Span;

use crate::fold::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// "cartel"
    Lower,
    /// "Mexico"
    Title,
    /// "NATO", "U.S."
    Upper,
    /// "McDonald", "iPhone", digits
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
    pub case: Case,
    /// Lower case, accents folded: what lexicons match against. Inline for words up to 24 bytes,
    /// so tokenizing allocates nothing per word.
    pub folded: CompactString,
}

impl Token {
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == Kind::Punct && self.folded == p
    }
    /// Starts with a capital letter (Title or Upper case).
    pub fn is_capitalized(&self) -> bool {
        matches!(self.case, Case::Title | Case::Upper)
    }
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() || c == '\u{feff}' {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            i = dotted_abbreviation_end(&chars, i).unwrap_or_else(|| word_end(&chars, i));
            kind = if chars[start..i].iter().all(|&(_, c)| c.is_ascii_digit() || c == ',' || c == '.') {
                Kind::Number
            } else {
                Kind::Word
            };
        } else if is_apostrophe(c)
            && matches!(at(i + 1), Some('s' | 'S'))
            && !at(i + 2).is_some_and(char::is_alphanumeric)
            && i > 0
            && (chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '.')
        {
            i += 2;
            kind = Kind::Word;
        } else {
            i += 1;
            if c == '-' || c == '.' {
                while at(i) == Some(c) {
                    i += 1;
                }
            }
            kind = Kind::Punct;
        }
        let span = Span::new(byte(start), byte(i));
        let raw = &text[span.start..span.end];
        tokens.push(Token { span, kind, case: case_of(raw), folded: fold(raw) });
    }
    tokens
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// "U.S." / "e.g.": two or more single letters each followed by a period.
fn dotted_abbreviation_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut k = i;
    let mut letters = 0;
    while k + 1 < chars.len() && chars[k].1.is_alphabetic() && chars[k + 1].1 == '.' {
        let next = chars.get(k + 2).map(|&(_, c)| c);
        letters += 1;
        k += 2;
        if !next.is_some_and(char::is_alphabetic) {
            break;
        }
        // The next letter must itself be followed by a period ("U.S." but not "U.Sanctions").
        if chars.get(k + 1).map(|&(_, c)| c) != Some('.') {
            break;
        }
    }
    (letters >= 2).then_some(k)
}

fn word_end(chars: &[(usize, char)], mut i: usize) -> usize {
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let next = at(i + 1);
        let inner = next.is_some_and(char::is_alphanumeric);
        let prev_digit = i > 0 && chars[i - 1].1.is_ascii_digit();
        let joins = match c {
            '-' | '\u{2010}' | '\u{2011}' => inner,
            '.' | ',' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
            _ if is_apostrophe(c) => {
                // Possessive 's splits off; other inner apostrophes stay (O'Brien, didn't).
                inner && (!matches!(next, Some('s' | 'S')) || at(i + 2).is_some_and(char::is_alphanumeric))
            }
            _ => false,
        };
        if !joins {
            break;
        }
        i += 1;
    }
    i
}

fn case_of(raw: &str) -> Case {
    let mut letters = raw.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else { return Case::Other };
    // One pass over the other letters.
    let (mut rest_upper, mut rest_lower, mut more) = (true, true, false);
    for c in letters {
        rest_upper &= c.is_uppercase();
        rest_lower &= c.is_lowercase();
        more = true;
    }
    match (first.is_uppercase(), rest_upper, rest_lower) {
        (true, true, _) if more => Case::Upper,
        (true, _, true) => Case::Title,
        (false, _, true) if first.is_lowercase() => Case::Lower,
        _ => Case::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn keeps_abbreviations_hyphens_and_numbers() {
        assert_eq!(words("U.S. troops"), ["U.S.", "troops"]);
        assert_eq!(words("anti-American, 1,500 men."), ["anti-American", ",", "1,500", "men", "."]);
        assert_eq!(words("the U.N.'s envoy"), ["the", "U.N.", "'s", "envoy"]);
    }

    #[test]
    fn splits_possessives_but_not_names() {
        assert_eq!(words("Mexico’s sovereignty"), ["Mexico", "’s", "sovereignty"]);
        assert_eq!(words("O'Brien didn't"), ["O'Brien", "didn't"]);
    }

    #[test]
    fn spans_are_byte_offsets() {
        let text = "Bogotá — “final”";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(words(text), ["Bogotá", "—", "“", "final", "”"]);
        assert_eq!(tokenize(text)[0].folded, "bogota");
    }

    #[test]
    fn cases() {
        let t = tokenize("NATO Mexico cartel McDonald");
        let cases: Vec<Case> = t.iter().map(|t| t.case).collect();
        assert_eq!(cases, [Case::Upper, Case::Title, Case::Lower, Case::Other]);
    }
}
