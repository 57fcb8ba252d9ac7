//! The text stage: a document's text becomes tokens and sentences.
//!
//! Every token and sentence keeps its byte span in the original text; nothing is
//! rewritten, so evidence offsets stay exact. Words are also given a folded form
//! (lower case, accents removed) that all later matching uses, so ALL-CAPS wire
//! copy and "Ramón"/"Ramon" meet the same lexicon entries. This crate knows
//! nothing of actors or events.

mod fold;
mod sentences;
mod tokens;

pub use fold::fold;
pub use sentences::{split_sentences, Sentence, MAX_SENTENCE_TOKENS};
pub use tokens::{final_mark, title_case, tokenize, Case, Kind, Token};

/// A tokenized document.
#[derive(Debug, Clone)]
pub struct Analyzed {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Most letters are upper case (wire copy, headlines): capitalisation says nothing.
    pub all_caps: bool,
}

pub fn analyze(text: &str) -> Analyzed {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    Analyzed { all_caps: mostly_upper(text), tokens, sentences }
}

fn mostly_upper(text: &str) -> bool {
    let (upper, lower) = if text.is_ascii() {
        // Most texts: byte counts the compiler vectorises.
        let bytes = text.as_bytes();
        (dyad_core::bytes::count(bytes, |b| b.is_ascii_uppercase()), dyad_core::bytes::count(bytes, |b| b.is_ascii_lowercase()))
    } else {
        let (mut upper, mut lower) = (0, 0);
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lower += 1;
            }
        }
        (upper, lower)
    };
    upper > 0 && upper >= 4 * lower
}
