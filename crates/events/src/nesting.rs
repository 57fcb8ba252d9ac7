//! Triggers that belong to another trigger rather than being events of their own.
//!
//! - A complement: "agreed to withdraw", "began a hunger strike to protest": the second
//!   trigger is the content of the first, which is the event. Threats, refusals and
//!   denials keep their complement ("threatened to expel" also gives a possible expulsion).
//! - Background: a noun after "after", "following", "despite", "amid" names an earlier event
//!   as the setting of this one ("agreed to a ceasefire after two days of fierce fighting").
//! - An adjective: "the occupied West Bank", "the alleged violations", "detained
//!   journalists" after a determiner are descriptions, not acts reported here.
//! - The same event named again: "killed 46 civilians in an attack on a village",
//!   "killed in a car bomb explosion": the noun after "in" or "during" describes the
//!   previous event; a more specific code refines it, otherwise it is dropped.

use std::ops::Range;

use dyad_codes::CameoCode;
use dyad_core::{Event, Modality};
use dyad_lexicon::{Tokens, TriggerPos};

use crate::Why;

const COMPLEMENT_REACH: usize = 10;
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "'s", "’s", "these", "those"];
const SAME_EVENT_PREPOSITIONS: &[&str] = &["in", "during", "amid"];
const ARTICLES: &[&str] = &["a", "an", "the"];
/// Words after "the wounded", "the killed" that show the participle stands alone for people.
const PEOPLE_FOLLOW: &[&str] = &["from", "to"];

pub(crate) enum Relation {
    /// An event of its own.
    Own,
    /// The act a threat or refusal is about ("threatened on Monday to cut gas supplies"): an event
    /// with the modality the governing verb gives it.
    ContentOf(Modality),
    /// Part of the previous trigger, or not an act: no event.
    Inside,
    /// Another name for the previous event.
    SameAs,
}

/// Prepositions that introduce an earlier event as the cause or setting of this one.
const BACKGROUND: &[&str] = &["after", "following", "despite", "amid", "since", "because", "over"];
const NOUN_PHRASE_REACH: usize = 4;

/// "after two days of fierce fighting", "following the invasion": a noun that names an earlier
/// event as background is not reported as news here.
fn background(cx: &Tokens, start: usize) -> bool {
    (start.saturating_sub(NOUN_PHRASE_REACH)..start).rev().map(|k| &cx.tokens[k]).take_while(|t| t.kind != dyad_text::Kind::Punct).any(|t| BACKGROUND.contains(&t.folded.as_str()))
}

fn violent(code: &str) -> bool {
    matches!(&code[..2], "18" | "19" | "20")
}

pub(crate) fn relation(cx: &Tokens, trigger: Range<usize>, pos: TriggerPos, cameo: &str, previous: Option<(Range<usize>, &str)>) -> Relation {
    let word = |i: usize| cx.tokens[i].folded.as_str();
    let before = trigger.start.checked_sub(1);
    // Violent acts keep their adjectival mentions ("the murdered priests"): they still report the act.
    // Occupation and siege do not: "the occupied West Bank" describes a place.
    let describes_place = matches!(cameo, "191" | "192");
    if pos == TriggerPos::Verb && before.is_some_and(|b| DETERMINERS.contains(&word(b))) {
        // ... but "the wounded", "the dead" on their own are people, not an act.
        let names_people = cx.tokens.get(trigger.end).is_none_or(|t| t.kind == dyad_text::Kind::Punct || PEOPLE_FOLLOW.contains(&t.folded.as_str()));
        if !violent(cameo) || describes_place || names_people {
            return Relation::Inside;
        }
    }
    if pos == TriggerPos::Noun && background(cx, trigger.start) {
        return Relation::Inside;
    }
    let Some((previous, previous_code)) = previous else { return Relation::Own };
    // A threatened, refused or denied act is still coded, as possible, negated or denied.
    if before.is_some_and(|b| word(b) == "to") && trigger.start - previous.end <= COMPLEMENT_REACH {
        return match &previous_code[..2] {
            "13" => Relation::ContentOf(Modality::Possible),
            "12" => Relation::ContentOf(Modality::Negated),
            _ if previous_code == "016" => Relation::Own,
            _ => Relation::Inside,
        };
    }
    // "rejected an offer of talks", "demanded the removal of", "complained over the air raids": an act
    // named in the object of a speech act (appeal, demand, disapprove, reject, threaten) is what the
    // speech act is about, not a second event.
    let speech_act = matches!(&previous_code[..2], "02" | "10" | "11" | "12" | "13");
    let in_object = trigger.start.saturating_sub(previous.end) <= COMPLEMENT_REACH
        && cx.tokens[previous.end..trigger.start].iter().all(|t| !matches!(t.folded.as_str(), "," | ";" | "and" | "but" | "while" | "as" | "which" | "who" | "that"));
    if pos == TriggerPos::Noun && speech_act && in_object {
        return Relation::Inside;
    }
    if pos == TriggerPos::Noun {
        let mut k = trigger.start;
        if k > 0 && ARTICLES.contains(&word(k - 1)) {
            k -= 1;
        }
        if k > previous.end && k > 0 && SAME_EVENT_PREPOSITIONS.contains(&word(k - 1)) {
            return Relation::SameAs;
        }
    }
    Relation::Own
}

/// Gives an event a more specific code named later in its sentence, when both are of the same kind
/// (same root, or both violent) and the event's own code is the generic one.
pub(crate) fn refine(event: &mut Event, code: &CameoCode, pattern: &str, why: &mut Why) {
    let same_kind = event.cameo_root == code.root || (violent(&event.cameo_root) && violent(&code.root));
    let generic = event.cameo.len() == 3 && event.cameo.ends_with('0') || event.cameo.len() == 2;
    if !(same_kind && generic) || event.cameo == code.code {
        return;
    }
    event.cameo = code.code.clone();
    event.cameo_root = code.root.clone();
    event.cameo_name = code.name.clone();
    event.quad_class = code.quad_class;
    event.goldstein = code.goldstein;
    event.plover = crate::plover_of(code, event.modality);
    why.pattern = format!("{} (refined by {pattern:?})", why.pattern);
}
