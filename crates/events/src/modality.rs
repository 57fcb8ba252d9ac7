//! Modality: did the text report the act as done, planned, possible or negated?
//!
//! Reads the modality cues between the clause start and the trigger: a negation
//! right before the trigger wins ("did not fire"); otherwise the nearest cue
//! decides ("is preparing to expand" → planned, "could include deploying" →
//! possible). A condition anywhere in the clause ("if talks fail", "if necessary") makes
//! it possible, even when the act itself is planned ("will expand").
//! Negation written into a trigger pattern ("has not commented") is part of the
//! event, not a cue. One that falls in a pattern's gap ("found no weapons") negates the act.

use std::ops::Range;

use dyad_core::{Modality, Span};
use dyad_lexicon::{Cue, CueKind, Match, Tokens};

const NEGATION_REACH: usize = 3;

/// How the text reports an act: its modality, the cue that decided it, and whether a condition
/// made it possible ("will attack unless", "would meet if"), which makes it a conditional promise or threat.
pub(crate) struct Reading {
    pub modality: Modality,
    pub cue: Option<Span>,
    pub conditional: bool,
    /// The act is demanded of its subject ("Turkey must mediate"): possible, and a demand.
    pub demanded: bool,
}

impl Reading {
    /// An act stated as done, with no cue: a participle modifying a noun ("the weapons seized by police").
    pub(crate) fn done() -> Reading {
        Reading { modality: Modality::Actual, cue: None, conditional: false, demanded: false }
    }

    /// An act a yes-no question asks about: possible, whatever tense the question is in.
    pub(crate) fn asked(mark: Span) -> Reading {
        Reading { modality: Modality::Possible, cue: Some(mark), conditional: false, demanded: false }
    }
}

/// Words that open a yes-no question.
const QUESTION_OPENERS: &[&str] =
    &["do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could", "should", "shall", "may", "might", "has", "have", "had"];

/// "Will Russia invade Ukraine?", "Did the army fire on the crowd?": a yes-no question asserts nothing, so
/// the act it asks about is only possible. Returns the question mark. A wh-question presupposes its act
/// ("Why did police arrest him?") and is read like a statement.
pub(crate) fn yes_no_question(cx: &Tokens, sentence: Range<usize>) -> Option<Span> {
    let tokens = &cx.tokens[sentence];
    let last = dyad_text::final_mark(tokens)?;
    let first = tokens.iter().find(|t| t.kind == dyad_text::Kind::Word)?;
    (last.is_punct("?") && QUESTION_OPENERS.contains(&first.folded.as_str())).then_some(last.span)
}

/// `announcement`: the trigger itself announces an act (CAMEO 02 appeal, 03 intent, 10 demand, 13 threat); the cues and
/// conditions around it speak of the announced act, and the announcement was made. `pattern`: the trigger's row, whose
/// own words are never cues.
pub(crate) fn of(cx: &Tokens, cues: &[Match<Cue>], trigger: Range<usize>, clause: Range<usize>, announcement: bool, pattern: &str) -> Reading {
    let reading = |modality, cue, conditional| Reading { modality, cue: Some(cue), conditional, demanded: false };
    let cue_of = |kind: CueKind, m: &Match<Cue>| m.values.iter().find(|c| c.kind == kind).map(|c| c.value.clone());
    let span = |m: &Match<Cue>| Span::new(cx.tokens[m.start].span.start, cx.tokens[m.end - 1].span.end);
    // A cue that opens a longer trigger ("agreed to a ceasefire", "promised to send aid") speaks of the
    // act the rest of the trigger names, unless the code itself is the announcement ("agreed to" 03,
    // "threaten to ban" 132).
    // A negation written into a pattern ("has not commented") is the event itself.
    let opens_trigger = |m: &Match<Cue>, value: &str| !announcement && value != "negated" && m.start == trigger.start && m.end < trigger.end;
    // A colon opens what it announces: "The violence has not been limited to the capital: a gang ambushed
    // a funeral" reports the ambush as done. (It ends no clause for the roles: "Garcia declared: 'I ask ...'".)
    let from = (clause.start..trigger.start).rev().find(|&k| cx.tokens[k].is_punct(":")).map_or(clause.start, |k| k + 1);
    let before: Vec<(&Match<Cue>, String)> = cues
        .iter()
        .filter(|m| m.start >= from)
        .filter_map(|m| cue_of(CueKind::Modality, m).map(|v| (m, v)))
        .filter(|(m, v)| m.end <= trigger.start || opens_trigger(m, v))
        .collect();
    if let Some((m, _)) = before.iter().rev().find(|(m, v)| v == "negated" && trigger.start - m.end <= NEGATION_REACH) {
        return reading(Modality::Negated, span(m), false);
    }
    // A negation in a pattern's gap negates the act: "found no weapons" ("find * weapon"), "the weapons were
    // not found" ("weapon * find"). One the pattern spells ("plead not guilty") is the act itself, and one in
    // an announcement's gap belongs to the act announced ("asked the government not to").
    let in_gap = |m: &&Match<Cue>| {
        !announcement
            && m.start > trigger.start && m.end < trigger.end && cx.tokens[m.start..m.end].iter().all(|t| !pattern.split(' ').any(|w| w == t.folded))
    };
    if let Some(m) = cues.iter().filter(in_gap).find(|m| cue_of(CueKind::Modality, m).as_deref() == Some("negated")) {
        return reading(Modality::Negated, span(m), false);
    }
    // A condition anywhere in the clause ("If talks fail, troops will advance", "... if necessary")
    // makes a plan or an act only possible.
    let condition = cues
        .iter()
        .filter(|_| !announcement)
        .filter(|m| m.start >= clause.start && m.end <= clause.end && (m.end <= trigger.start || m.start >= trigger.end))
        .find_map(|m| cue_of(CueKind::Condition, m).map(|v| (m, v)));
    // "must be ready to mediate": what must be done is demanded, whatever nearer cue says how.
    let demanded = before.iter().any(|(_, v)| v == "demanded");
    match (before.last(), condition) {
        (Some((m, v)), _) if v == "possible" => Reading { demanded, ..reading(Modality::Possible, span(m), false) },
        (_, Some((m, v))) => reading(parse(&v), span(m), true),
        (Some((m, v)), None) => Reading { demanded, ..reading(parse(v), span(m), false) },
        (None, None) => Reading { modality: Modality::Actual, cue: None, conditional: false, demanded: false },
    }
}

fn parse(value: &str) -> Modality {
    match value {
        "planned" => Modality::Planned,
        "possible" | "demanded" => Modality::Possible,
        "negated" => Modality::Negated,
        _ => Modality::Actual,
    }
}
