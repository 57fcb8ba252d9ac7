//! Clause limits inside a sentence: boundary words ("but", ";", "—") and reporting
//! verbs ("said", "according to") close a clause, so the subject search, the
//! modality cues and the object search of a trigger stay within its own clause.

use std::ops::Range;

use dyad_lexicon::{Cue, CueKind, Match, Tokens};
use dyad_mentions::Mentions;

pub(crate) struct Clauses {
    /// Token ranges that separate clauses, in order.
    separators: Vec<Range<usize>>,
    sentence: Range<usize>,
}

impl Clauses {
    pub(crate) fn new(cx: &Tokens, cues: &[Match<Cue>], mentions: &Mentions, sentence: Range<usize>) -> Clauses {
        let separators = cues
            .iter()
            .filter(|m| m.values.iter().any(|c| matches!(c.kind, CueKind::Boundary | CueKind::Report | CueKind::According)))
            .filter(|m| !is_noun_use(cx, m.start) && !inside_actor(mentions, m.range()))
            .map(|m| m.range())
            .collect();
        Clauses { separators, sentence }
    }

    /// The clause around a trigger: from the last separator before it to the next one after it.
    pub(crate) fn around(&self, trigger: Range<usize>) -> Range<usize> {
        let start = self.separators.iter().filter(|s| s.end <= trigger.start).map(|s| s.end).max().unwrap_or(self.sentence.start);
        let end = self.separators.iter().filter(|s| s.start >= trigger.end).map(|s| s.start).min().unwrap_or(self.sentence.end);
        start..end
    }
}

/// Cue words inside an actor's name are part of the name ("Secretary of State").
pub(crate) fn inside_actor(mentions: &Mentions, range: Range<usize>) -> bool {
    mentions.within(range.start.saturating_sub(8)..range.end + 8).any(|(_, m)| m.tokens.start < range.end && range.start < m.tokens.end)
}

/// "the report", "a statement": a reporting word after a determiner is a noun, not a verb.
pub(crate) fn is_noun_use(cx: &Tokens, i: usize) -> bool {
    const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "'s", "’s"];
    i > 0 && DETERMINERS.contains(&cx.tokens[i - 1].folded.as_str())
}

/// Is the trigger in a subordinate clause ("who had been sentenced", "after police arrested")?
/// Such events are background to the sentence's main event and get less confidence.
pub(crate) fn is_subordinate(cx: &Tokens, trigger_start: usize, clause_start: usize) -> bool {
    const MARKERS: &[&str] = &["who", "whom", "whose", "which", "that", "after", "before", "during", "following", "since", "when", "where", "while", "until", "because"];
    // "has since criticised", "have since been freed": "since" after an auxiliary is an adverb.
    const AUXILIARIES: &[&str] = &["has", "have", "had", "having", "'s", "’s"];
    // "sources said that a device exploded": a "that" opening a report's clause states what was reported.
    let marker = |k: usize| {
        let w = cx.tokens[k].folded.as_str();
        MARKERS.contains(&w) && !(w == "since" && k > 0 && AUXILIARIES.contains(&cx.tokens[k - 1].folded.as_str())) && !(w == "that" && k == clause_start && k > 0)
    };
    // The clause may open with the marker itself ("after" also ends the clause before it).
    (trigger_start.saturating_sub(4).max(clause_start.saturating_sub(1))..trigger_start).any(marker)
}

/// "dispersed demonstrators protesting the election results", "kidnapped tourists visiting the ruins": a
/// present participle right after the actor an earlier act in the clause was done to (`after_act`) says
/// what those people were doing. It is background to that act, and its subject is the actor before it.
/// A noun row ending in "-ing" is no participle ("sanctions over the terrorist bombing").
pub(crate) fn describes_object(cx: &Tokens, mentions: &Mentions, trigger: Range<usize>, verb: bool, after_act: bool) -> bool {
    after_act
        && verb
        && trigger.len() == 1
        && cx.tokens[trigger.start].folded.ends_with("ing")
        && mentions.within(trigger.start.saturating_sub(8)..trigger.start).any(|(_, m)| m.tokens.end == trigger.start)
}

/// "weapons seized last year from", "property seized by government forces": a past participle right
/// after a noun, followed by its agent or its time, modifies the noun (a reduced relative clause). It is
/// background, like a subordinate clause. A participle alone may also be followed by a preposition
/// ("civilians imprisoned for protesting were released", "a journalist arrested on Monday was freed")
/// when a verb of the clause comes after the participle's phrase (the noun is that verb's subject), or when
/// the noun is the object of an earlier act in the clause (`after_act`: "released the mayor, a member of
/// Hamas jailed over a year ago"), or in a headline, which has no finite verb and no full stop ("Opposition
/// leader arrested in Harare"): there the participle is the news, done to the noun.
pub(crate) fn is_reduced_relative(cx: &Tokens, mentions: &Mentions, trigger: Range<usize>, clause: Range<usize>, sentence: Range<usize>, after_act: bool) -> bool {
    /// Words before a participle that make it a verb of the clause ("were seized", "had seized").
    const VERBAL: &[&str] = &[
        "be", "is", "are", "was", "were", "been", "being", "has", "have", "had", "having", "get", "got", "not", "n't", "never",
        "and", "or", "but", "who", "which", "that", "it", "they", "he", "she", "we", "i", "you", "also", "then", "later",
    ];
    /// What follows a modifying participle: its agent or when it happened.
    const MODIFIER_FOLLOWS: &[&str] = &["by", "last", "earlier", "ago", "during"];
    /// Prepositions that may open a modifying participle's phrase ("arrested on Monday in Nairobi").
    const PHRASE_OPENS: &[&str] = &["in", "on", "at", "for", "over", "since", "after", "near", "from", "without", "outside", "inside"];
    /// A finite verb of the clause after the phrase ("... were released"). Not modals: "in May".
    const FINITE: &[&str] = &["is", "are", "was", "were", "has", "have", "had"];
    /// Words that open another clause, whose verb is not the noun's.
    const CLAUSE_OPENS: &[&str] = &["who", "whom", "which", "that", "where", "when", "while", "and", "but", "or", "because", "as", "if"];
    const PHRASE_REACH: usize = 12;
    /// Headlines are short.
    const HEADLINE_LENGTH: usize = 20;
    let start = trigger.start;
    let participle = |w: &str| w.ends_with("ed") || w.ends_with("en");
    let Some(prev) = start.checked_sub(1).map(|k| &cx.tokens[k]) else { return false };
    // A title-case headline may keep a full stop ("Four Men Arrested in Lagos Raid."); ALL-CAPS copy is no headline for that.
    let headline = || {
        let words = &cx.tokens[sentence.clone()];
        let title_case = || dyad_text::title_case(words) && words.iter().any(|t| t.case == dyad_text::Case::Lower);
        sentence.len() <= HEADLINE_LENGTH
            && !words.iter().any(|t| FINITE.contains(&t.folded.as_str()))
            && (!dyad_text::final_mark(words).is_some_and(|t| t.is_punct(".")) || title_case())
    };
    let next = cx.tokens.get(trigger.end).filter(|_| trigger.end < sentence.end).map_or("", |t| t.folded.as_str());
    let modifies = participle(&cx.tokens[start].folded) && prev.kind == dyad_text::Kind::Word && !VERBAL.contains(&prev.folded.as_str()) && !prev.folded.ends_with("ly");
    if !modifies {
        return false;
    }
    if !inside_actor(mentions, start - 1..start) && MODIFIER_FOLLOWS.contains(&next) {
        return true;
    }
    let subject_of_later_verb = || {
        cx.tokens[trigger.end..clause.end.min(trigger.end + PHRASE_REACH)]
            .iter()
            .take_while(|t| t.kind != dyad_text::Kind::Punct && !CLAUSE_OPENS.contains(&t.folded.as_str()))
            .any(|t| FINITE.contains(&t.folded.as_str()))
    };
    // The participle alone, followed by its phrase: "condemned an attack by" has an object.
    trigger.len() == 1
        && (next == "by"
            || (next.is_empty() && headline())
            || (PHRASE_OPENS.contains(&next) || MODIFIER_FOLLOWS.contains(&next)) && (after_act || headline() || subject_of_later_verb()))
}
