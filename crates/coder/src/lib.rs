//! The whole coding pipeline for one document: text → mentions → places → events.
//!
//! This is the one entry point the binary, the store and the tests call. It is a
//! pure function of the document and the embedded lexicons, so documents can be
//! coded in any order and in parallel with identical results.

use std::fmt;

use dyad_codes::Tables;
use dyad_core::Document;
use dyad_lexicon::{Lexicon, Tokens};
use dyad_mentions::Mentions;
use dyad_places::Places;
use dyad_text::Analyzed;

pub use dyad_events::{Cited, Coded, Why};

/// Documents above this size are cut (at a character boundary) before coding, with a warning.
pub const DEFAULT_MAX_BYTES: usize = 2 * 1024 * 1024;

/// A document coded, with the intermediate results `dyad explain` and `dyad actors` show.
pub struct CodedDocument {
    pub analyzed: Analyzed,
    pub mentions: Mentions,
    pub places: Places,
    pub events: Vec<Coded>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// The text is empty or only white space.
    Empty,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => write!(f, "the document has no text"),
        }
    }
}

impl std::error::Error for CodeError {}

pub struct Coder {
    lexicon: &'static Lexicon,
    tables: &'static Tables,
    max_bytes: usize,
}

impl Default for Coder {
    fn default() -> Coder {
        Coder::new(DEFAULT_MAX_BYTES)
    }
}

impl Coder {
    pub fn new(max_bytes: usize) -> Coder {
        Coder { lexicon: Lexicon::get(), tables: Tables::get(), max_bytes }
    }

    pub fn code(&self, doc: &Document) -> Result<CodedDocument, CodeError> {
        if doc.text.trim().is_empty() {
            return Err(CodeError::Empty);
        }
        let mut warnings = Vec::new();
        let truncated;
        let doc = if doc.text.len() > self.max_bytes {
            let mut cut = self.max_bytes;
            while !doc.text.is_char_boundary(cut) {
                cut -= 1;
            }
            warnings.push(format!("text is {} bytes; coded only the first {cut} (raise --max-bytes to code more)", doc.text.len()));
            truncated = Document { text: doc.text[..cut].to_string(), ..doc.clone() };
            &truncated
        } else {
            doc
        };
        let analyzed = dyad_text::analyze(&doc.text);
        // Each token is looked up in the lexicon once, for both stages that match phrases.
        let cx = Tokens::new(&doc.text, &analyzed.tokens, &self.lexicon.lemmas);
        let mentions = dyad_mentions::find(&cx, &analyzed, self.lexicon, doc.date.as_deref());
        let places = dyad_places::find(&analyzed, &mentions);
        let events = dyad_events::code(doc, &analyzed, &cx, &mentions, &places, self.lexicon, self.tables);
        Ok(CodedDocument { analyzed, mentions, places, events, warnings })
    }

    /// The document's actor mentions as events carry them: a mention with no country of its own takes
    /// the country of a place inside or right after it ("Shanghai police", "the Red Crescent in Bam").
    pub fn placed_actors(&self, doc: &Document, coded: &CodedDocument) -> Vec<dyad_core::Actor> {
        // A truncated document's tokens index the same bytes of the whole text.
        let cx = Tokens::new(&doc.text, &coded.analyzed.tokens, &self.lexicon.lemmas);
        (0..coded.mentions.actors.len()).map(|i| dyad_events::placed_actor(&cx, self.lexicon, &coded.mentions, &coded.places, i)).collect()
    }
}
