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

/// Whether a sentence is set in title case, as headlines are ("Honduras Seizes Luxury Properties"): three
/// in four of its longer words (or all of none) are capitalised. Prose has "said", "with", "analyst" among its names.
pub fn title_case(sentence: &[Token]) -> bool {
    let longer = sentence.iter().filter(|t| t.kind == Kind::Word && t.folded.len() >= 4);
    let (capitalised, words) = longer.fold((0, 0), |(c, n), t| (c + usize::from(t.is_capitalized()), n + 1));
    capitalised * 4 >= words * 3
}

/// A sentence's last token past any closing quotes or bracket: its full stop or question mark, if it has
/// one (headlines have none).
pub fn final_mark(sentence: &[Token]) -> Option<&Token> {
    sentence.iter().rev().find(|t| !matches!(t.folded.as_str(), "\"" | "'" | "”" | "’" | ")"))
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let chars = Chars(text);
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII words and punctuation (nearly all tokens of news text) are read byte by byte; a token
        // that starts with any other character, or an apostrophe, takes the general path.
        if b.is_ascii_alphanumeric() {
            let start = i;
            i = if b.is_ascii_alphabetic() && bytes.get(i + 1) == Some(&b'.') {
                dotted_abbreviation_end(chars, i).unwrap_or_else(|| word_end(chars, i))
            } else {
                ascii_word_end(bytes, chars, i)
            };
            tokens.push(token(text, start, i));
            continue;
        }
        if matches!(b, b'\t'..=b'\r' | b' ') {
            i += 1;
            continue;
        }
        if b.is_ascii() && b != b'\'' {
            let start = i;
            i += 1;
            if b == b'-' || b == b'.' {
                while bytes.get(i) == Some(&b) {
                    i += 1;
                }
            }
            tokens.push(Token { span: Span::new(start, i), kind: Kind::Punct, case: Case::Other, folded: CompactString::new(&text[start..i]) });
            continue;
        }
        let c = chars.at(i).expect("a char starts here");
        let after = i + c.len_utf8();
        if c.is_whitespace() || c == '\u{feff}' {
            i = after;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i = dotted_abbreviation_end(chars, i).unwrap_or_else(|| word_end(chars, i));
        } else if is_apostrophe(c)
            && matches!(chars.at(after), Some('s' | 'S'))
            && !chars.at(after + 1).is_some_and(char::is_alphanumeric)
            && chars.before(i).is_some_and(|p| p.is_alphanumeric() || p == '.')
        {
            i = after + 1;
        } else {
            i = after;
            if c == '-' || c == '.' {
                while chars.at(i) == Some(c) {
                    i += 1;
                }
            }
            // Not alphanumeric, so no letters: no case.
            tokens.push(Token { span: Span::new(start, i), kind: Kind::Punct, case: Case::Other, folded: fold(&text[start..i]) });
            continue;
        }
        tokens.push(token(text, start, i));
    }
    tokens
}

/// The word or number token `start..end`.
fn token(text: &str, start: usize, end: usize) -> Token {
    let raw = &text[start..end];
    let span = Span::new(start, end);
    // Kind and case from one pass over the bytes: each byte's class is a set of counts, so the whole
    // token is classed by one sum per byte (chunks short enough that no 16-bit count overflows).
    let (mut upper, mut lower, mut other, mut multibyte) = (0usize, 0usize, 0usize, 0usize);
    for chunk in raw.as_bytes().chunks(usize::from(u16::MAX)) {
        let sum = chunk.iter().fold(0u64, |sum, &b| sum + CLASS[usize::from(b)]);
        let count = |field: u64| usize::from((sum / field) as u16);
        upper += count(UPPER);
        lower += count(LOWER);
        other += count(OTHER);
        multibyte += count(MULTIBYTE);
    }
    if multibyte != 0 {
        // A multi-byte char is never a digit, comma or period, so the token is a word.
        return Token { span, kind: Kind::Word, case: case_of(raw), folded: fold(raw) };
    }
    // Nearly every word starts with its first letter.
    let first_upper = match CLASS[usize::from(raw.as_bytes()[0])] & (UPPER | LOWER) {
        UPPER => Some(true),
        LOWER => Some(false),
        _ => raw.bytes().find(u8::is_ascii_alphabetic).map(|b| b.is_ascii_uppercase()),
    };
    let number = other == 0;
    let case = match first_upper {
        None => Case::Other,
        Some(true) if upper >= 2 && lower == 0 => Case::Upper,
        Some(true) if upper == 1 => Case::Title,
        Some(false) if upper == 0 => Case::Lower,
        Some(_) => Case::Other,
    };
    let mut folded = CompactString::new(raw);
    if upper > 0 {
        folded.make_ascii_lowercase();
    }
    Token { span, kind: if number { Kind::Number } else { Kind::Word }, case, folded }
}

// A byte's class: one count in each 16-bit field it belongs to.
const UPPER: u64 = 1;
const LOWER: u64 = 1 << 16;
/// Not a digit, comma or period: a token with none of these is a number.
const OTHER: u64 = 1 << 32;
/// A byte of a multi-byte char.
const MULTIBYTE: u64 = 1 << 48;

/// The class of each byte.
static CLASS: [u64; 256] = {
    let mut table = [MULTIBYTE | OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_uppercase() {
            UPPER | OTHER
        } else if byte.is_ascii_lowercase() {
            LOWER | OTHER
        } else if byte.is_ascii_digit() || byte == b',' || byte == b'.' {
            0
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// [`word_end`] for a word starting with an ASCII letter or digit: bytes are compared directly until
/// the first non-ASCII byte, where the general rule takes over (it looks only at the chars around its
/// position, so it may start mid-word).
fn ascii_word_end(bytes: &[u8], chars: Chars, mut i: usize) -> usize {
    loop {
        // A run of letters and digits, most of a word, in one scan without a bounds check per byte.
        i += bytes[i..].iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len() - i);
        let Some(&b) = bytes.get(i) else { return i };
        if !b.is_ascii() {
            return word_end(chars, i);
        }
        let next = bytes.get(i + 1).copied();
        let joins = match b {
            // The next char may be non-ASCII ("anti-Éire").
            b'-' => chars.at(i + 1).is_some_and(char::is_alphanumeric),
            b'.' | b',' => bytes[i - 1].is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
            b'\'' => {
                let inner = chars.at(i + 1).is_some_and(char::is_alphanumeric);
                inner && (!matches!(next, Some(b's' | b'S')) || chars.at(i + 2).is_some_and(char::is_alphanumeric))
            }
            _ => false,
        };
        if !joins {
            return i;
        }
        i += 1;
    }
}

/// The text's chars addressed by byte offset. ASCII bytes (nearly all news text) need no UTF-8 decoding,
/// and nothing is collected up front.
#[derive(Clone, Copy)]
struct Chars<'a>(&'a str);

impl Chars<'_> {
    /// The char starting at byte `b` (a char boundary), if any.
    fn at(self, b: usize) -> Option<char> {
        let &byte = self.0.as_bytes().get(b)?;
        if byte.is_ascii() {
            Some(char::from(byte))
        } else {
            self.0[b..].chars().next()
        }
    }

    /// The char ending at byte `b` (a char boundary), if any.
    fn before(self, b: usize) -> Option<char> {
        let &byte = self.0.as_bytes().get(b.checked_sub(1)?)?;
        if byte.is_ascii() {
            Some(char::from(byte))
        } else {
            self.0[..b].chars().next_back()
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// "U.S." / "e.g.": two or more single letters each followed by a period, the last capital perhaps without it ("U.S").
fn dotted_abbreviation_end(chars: Chars, i: usize) -> Option<usize> {
    let mut k = i;
    let mut letters = 0;
    while let Some(letter) = chars.at(k).filter(|c| c.is_alphabetic()) {
        let dot = k + letter.len_utf8();
        if chars.at(dot) != Some('.') {
            break;
        }
        letters += 1;
        k = dot + 1;
        // The next letter must itself be followed by a period ("U.S." but not "U.Sanctions").
        match chars.at(k) {
            Some(next) if next.is_alphabetic() && chars.at(k + next.len_utf8()) == Some('.') => {}
            // A capital that ends the word without its period: "U.S federal", "U.S-backed".
            Some(next) if next.is_uppercase() && !chars.at(k + next.len_utf8()).is_some_and(char::is_alphanumeric) => {
                letters += 1;
                k += next.len_utf8();
                break;
            }
            _ => break,
        }
    }
    (letters >= 2).then_some(k)
}

fn word_end(chars: Chars, mut i: usize) -> usize {
    while let Some(c) = chars.at(i) {
        let after = i + c.len_utf8();
        if c.is_alphanumeric() {
            i = after;
            continue;
        }
        let next = chars.at(after);
        let inner = next.is_some_and(char::is_alphanumeric);
        let prev_digit = chars.before(i).is_some_and(|p| p.is_ascii_digit());
        let joins = match c {
            '-' | '\u{2010}' | '\u{2011}' => inner,
            '.' | ',' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
            _ if is_apostrophe(c) => {
                // Possessive 's splits off; other inner apostrophes stay (O'Brien, didn't).
                inner && (!matches!(next, Some('s' | 'S')) || chars.at(after + 1).is_some_and(char::is_alphanumeric))
            }
            _ => false,
        };
        if !joins {
            break;
        }
        i = after;
    }
    i
}

/// The case of a token with non-ASCII letters (ASCII tokens are read in [`token`]).
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
        assert_eq!(words("U.S federal agents, U.S-backed fighters"), ["U.S", "federal", "agents", ",", "U.S", "-", "backed", "fighters"]);
        assert_eq!(words("U.Sanctions"), ["U", ".", "Sanctions"]);
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
    fn ascii_words_hand_over_to_the_general_rules_at_other_chars() {
        assert_eq!(words("anti-Éire co-operation"), ["anti-Éire", "co-operation"]);
        assert_eq!(words("Ramón's 1,500.5 rock'n'roll Mexico’s"), ["Ramón", "'s", "1,500.5", "rock'n'roll", "Mexico", "’s"]);
        assert_eq!(words("naïve\u{2011}ly don't -- ... U.S.-led"), ["naïve\u{2011}ly", "don't", "--", "...", "U.S.", "-", "led"]);
        let t = tokenize("IBM's \u{0}x 1.5");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [Kind::Word, Kind::Word, Kind::Punct, Kind::Word, Kind::Number]);
        assert_eq!((t[0].case, t[1].case, t[1].folded.as_str()), (Case::Upper, Case::Lower, "'s"));
    }

    #[test]
    fn cases() {
        let t = tokenize("NATO Mexico cartel McDonald");
        let cases: Vec<Case> = t.iter().map(|t| t.case).collect();
        assert_eq!(cases, [Case::Upper, Case::Title, Case::Lower, Case::Other]);
    }
}
