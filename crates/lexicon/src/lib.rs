//! Lexicons: the project's TSV data files compiled into token matchers.
//!
//! Everything dyad knows about words lives in `data/` and is embedded in the
//! binary at build time: actor names and agent nouns, event triggers, and the cue
//! words for modality, attribution and confirmation. This crate parses those files
//! once ([`Lexicon::get`]) into [`PhraseSet`]s that match token sequences, and a
//! [`Lemmatizer`] that maps inflected forms of lexicon words back to their base
//! form. It knows tokens, but nothing of documents or events.

mod entries;
mod lemmas;
mod phrases;


use std::sync::OnceLock;

pub use entries::{AcledContext, ActorEntry, ActorKind, Office, Country, Cue, CueKind, Trigger, TriggerPos};
pub use lemmas::Lemmatizer;
pub use phrases::{Match, PhraseSet, Tokens};
pub use dyad_core::tsv::{rows, TsvError};

/// All embedded lexicons, parsed once per process.
pub struct Lexicon {
    pub lemmas: Lemmatizer,
    /// Country names, demonyms and capitals; agent nouns, titles and organisations; outlets.
    pub actors: PhraseSet<ActorEntry>,
    pub countries: Vec<Country>,
    /// Position in `countries` by ISO alpha-3, for the per-mention lookups.
    country_index: rustc_hash::FxHashMap<String, usize>,
    pub triggers: PhraseSet<Trigger>,
    pub cues: PhraseSet<Cue>,
    /// Words that refine the ACLED type of an event in their sentence (weapons, protest policing).
    pub acled_context: PhraseSet<AcledContext>,
    /// Words news prose writes in lower case (`data/lexicon/common_words.txt`): a capital at a sentence's
    /// start does not make one of them a name.
    pub common_words: CommonWords,
}

/// A word list (sorted in its file, so a regenerated file diffs cleanly), hashed for lookup.
pub struct CommonWords(rustc_hash::FxHashSet<&'static str>);

impl CommonWords {
    fn parse((path, text): (&str, &'static str)) -> Result<CommonWords, TsvError> {
        let lines: Vec<(usize, &'static str)> =
            text.lines().enumerate().filter(|(_, l)| !l.is_empty() && !l.starts_with('#')).map(|(n, l)| (n + 1, l)).collect();
        if let Some(w) = lines.windows(2).find(|w| w[0].1 >= w[1].1) {
            let message = format!("{:?} is out of order or repeated; regenerate the file with scripts/build_common_words.py", w[1].1);
            return Err(TsvError { file: path.to_string(), line: w[1].0, message });
        }
        Ok(CommonWords(lines.into_iter().map(|(_, l)| l).collect()))
    }

    /// Whether `folded` (a lower-case word without accents) is a common word.
    pub fn contains(&self, folded: &str) -> bool {
        self.0.contains(folded)
    }
}

pub mod files {
    //! The embedded data files, by path relative to the repository root.
    pub const COUNTRIES: (&str, &str) = ("data/actors/countries.tsv", include_str!("../../../data/actors/countries.tsv"));
    pub const CAMEO_COUNTRY_CODES: (&str, &str) =
        ("data/actors/cameo_country_codes.tsv", include_str!("../../../data/actors/cameo_country_codes.tsv"));
    pub const AGENTS: (&str, &str) = ("data/actors/agents.tsv", include_str!("../../../data/actors/agents.tsv"));
    pub const OUTLETS: (&str, &str) = ("data/actors/outlets.tsv", include_str!("../../../data/actors/outlets.tsv"));
    pub const PEOPLE: (&str, &str) = ("data/actors/people.tsv", include_str!("../../../data/actors/people.tsv"));
    pub const TRIGGERS: (&str, &str) = ("data/events/triggers.tsv", include_str!("../../../data/events/triggers.tsv"));
    pub const IRREGULAR_VERBS: (&str, &str) =
        ("data/lexicon/irregular_verbs.tsv", include_str!("../../../data/lexicon/irregular_verbs.tsv"));
    pub const CUES: (&str, &str) = ("data/cues/cues.tsv", include_str!("../../../data/cues/cues.tsv"));
    pub const ACLED_CONTEXT: (&str, &str) = ("data/events/acled_context.tsv", include_str!("../../../data/events/acled_context.tsv"));
    pub const COMMON_WORDS: (&str, &str) = ("data/lexicon/common_words.txt", include_str!("../../../data/lexicon/common_words.txt"));
}

impl Lexicon {
    /// The embedded lexicon. Panics only if an embedded file is malformed, which the tests rule out.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::load().unwrap_or_else(|e| panic!("embedded lexicon is malformed: {e}")))
    }

    pub fn load() -> Result<Lexicon, TsvError> {
        let triggers_raw = entries::triggers(files::TRIGGERS)?;
        let mut actors_raw = entries::actors(files::COUNTRIES, files::AGENTS, files::OUTLETS)?;
        actors_raw.extend(entries::people(files::PEOPLE)?);
        let cues_raw = entries::cues(files::CUES)?;
        let acled_raw = entries::acled_context(files::ACLED_CONTEXT)?;
        let countries = entries::countries(files::COUNTRIES, files::CAMEO_COUNTRY_CODES)?;

        let mut lemmas = Lemmatizer::new(files::IRREGULAR_VERBS)?;
        for phrase in triggers_raw.iter().map(|(p, _)| p).chain(cues_raw.iter().map(|(p, _)| p)).chain(acled_raw.iter().map(|(p, _)| p)) {
            lemmas.add_words(phrase);
        }
        for (phrase, entry) in &actors_raw {
            // Ignored phrases around agent nouns ("terrorist activities") need their plurals too.
            if matches!(entry.kind, ActorKind::Noun | ActorKind::Ignore | ActorKind::Currency) {
                lemmas.add_nouns(&phrases::folded_words(phrase));
            }
        }
        Ok(Lexicon {
            actors: PhraseSet::build(actors_raw, false, &mut lemmas).nouns_only(),
            triggers: PhraseSet::build(triggers_raw, true, &mut lemmas),
            cues: PhraseSet::build(cues_raw, true, &mut lemmas),
            acled_context: PhraseSet::build(acled_raw, false, &mut lemmas),
            country_index: countries.iter().enumerate().map(|(k, c)| (c.iso3.clone(), k)).collect(),
            countries,
            lemmas,
            common_words: CommonWords::parse(files::COMMON_WORDS)?,
        })
    }

    /// The country record for an ISO alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.country_index.get(iso3).map(|&k| &self.countries[k])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every embedded file parses, and no trigger pattern is listed twice (the first would shadow the second).
    #[test]
    fn embedded_lexicons_load_without_duplicate_triggers() {
        let lexicon = Lexicon::load().expect("embedded lexicons parse");
        assert!(lexicon.triggers.len() > 500 && lexicon.actors.len() > 1000 && !lexicon.cues.is_empty());
        let mut seen = HashSet::new();
        for (line, cells) in rows(files::TRIGGERS, &["pattern", "cameo", "pos", "note"]).unwrap() {
            assert!(seen.insert(cells[0].to_lowercase()), "data/events/triggers.tsv:{line}: {:?} is listed twice", cells[0]);
        }
    }
}
