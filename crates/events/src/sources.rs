//! Attribution and confirmation: who says so, and is it confirmed?
//!
//! A reporting cue ("said", "told", "according to", "citing") has a speaker: an
//! outlet ("NBC News"), a named actor ("the Interior Ministry", "Justice Minister
//! Angela Buitrago") or an anonymous source ("officials familiar with the
//! discussions", "U.S. officials"). Its scope is the reported clause. When the
//! document says an anonymous source told an outlet, that outlet's reports are
//! attributed to the anonymous source with the outlet kept as `via`.
//!
//! Confirmation: a denial before the trigger → denied; an anonymous source or a
//! hedge ("reportedly") → unconfirmed; a named source on the record → confirmed.
//! A statement anywhere in the document that an actor "has not confirmed" leaves
//! that actor's country's reported actions unconfirmed.

use std::ops::Range;

use dyad_core::{Attribution, AttributionKind, Confirmation, Span};
use dyad_lexicon::{Cue, CueKind, Match, Tokens};
use dyad_mentions::{MentionKind, Mentions};

use crate::clauses::{inside_actor, is_noun_use};
use crate::Coded;

const SPEAKER_REACH_LEFT: usize = 8;
const SPEAKER_REACH_RIGHT: usize = 8;
const POSSESSIVES: &[&str] = &["his", "her", "its", "their"];

#[derive(Debug, Clone)]
pub(crate) struct SentenceAttribution {
    pub attribution: Attribution,
    /// The reporting cue.
    pub cue: Span,
    /// Tokens whose events this attribution covers.
    pub scope: Range<usize>,
    /// The speaker's tokens: a speaker reports events, it does not take part in them.
    pub speaker: Range<usize>,
    /// The speaker claims what it reports ("the rebels claimed they had attacked").
    pub claim: bool,
}

/// An outlet that carried an anonymous source: (outlet, source phrase).
pub(crate) type Chain = (String, String);

fn has(m: &Match<Cue>, kind: CueKind) -> bool {
    m.values.iter().any(|c| c.kind == kind)
}

fn span_of(cx: &Tokens, range: Range<usize>) -> Span {
    Span::new(cx.tokens[range.start].span.start, cx.tokens[range.end - 1].span.end)
}

fn same_outlet(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a == b || a.starts_with(&format!("{b} ")) || b.starts_with(&format!("{a} "))
}

/// The outlets that carried an anonymous source anywhere in the document ("officials ... told NBC News").
pub(crate) fn outlet_chains(attributions: &[Vec<SentenceAttribution>]) -> Vec<Chain> {
    attributions
        .iter()
        .flatten()
        .filter_map(|a| match (a.attribution.kind, &a.attribution.via) {
            (AttributionKind::Anonymous, Some(via)) => Some((via.clone(), a.attribution.text.clone())),
            _ => None,
        })
        .collect()
}

/// An outlet's report rests on the anonymous source the document says told it.
pub(crate) fn follow_chains(attributions: &mut [SentenceAttribution], chains: &[Chain]) {
    for a in attributions.iter_mut().filter(|a| a.attribution.kind == AttributionKind::Outlet) {
        if let Some((outlet, source)) = chains.iter().find(|(o, _)| same_outlet(o, &a.attribution.text)) {
            a.attribution = Attribution { text: source.clone(), kind: AttributionKind::Anonymous, via: Some(outlet.clone()) };
        }
    }
}

pub(crate) fn in_sentence(cx: &Tokens, cues: &[Match<Cue>], mentions: &Mentions, sentence: Range<usize>) -> Vec<SentenceAttribution> {
    let mut out = Vec::new();
    for cue in cues {
        let according = has(cue, CueKind::According);
        // A denial has a speaker like any report: "The army denied that its troops fired".
        if !(according || has(cue, CueKind::Report) || has(cue, CueKind::Denial)) || is_noun_use(cx, cue.start) || inside_actor(mentions, cue.range()) {
            continue;
        }
        let left = (!according).then(|| speaker(cx, cues, mentions, cue.start.saturating_sub(SPEAKER_REACH_LEFT).max(sentence.start)..cue.start, true)).flatten();
        let right = || speaker(cx, cues, mentions, cue.end..(cue.end + SPEAKER_REACH_RIGHT).min(sentence.end), false);
        let (found, speaker_left) = match left {
            Some(found) => (found, true),
            None => match right() {
                Some(found) => (found, false),
                None => continue,
            },
        };
        let (kind, mut text, mut speaker_range) = found;
        // "According to Guatemala's Human Rights Ombudsman, ...": the whole phrase up to the comma is the
        // speaker, so none of its names takes part in what it reports.
        if according && !speaker_left && kind != AttributionKind::Anonymous {
            let limit = (cue.end + SPEAKER_REACH_RIGHT).min(sentence.end);
            if let Some(end) = (speaker_range.end..limit).find(|&k| cx.tokens[k].kind == dyad_text::Kind::Punct).filter(|&end| end > speaker_range.end) {
                speaker_range.end = end;
                text = span_of(cx, speaker_range.clone()).slice(cx.text).to_string();
            }
        }
        // "X said Y ..." reports what follows; "Y ..., X said" reports what precedes the speaker.
        let phrase_start = noun_phrase_start(cx, sentence.start, speaker_range.start);
        let trailing = phrase_start > sentence.start && cx.tokens[phrase_start - 1].is_punct(",");
        let scope = if according {
            sentence.clone()
        } else if speaker_left && !trailing && sentence.end - cue.end > 3 {
            cue.end..sentence.end
        } else {
            sentence.start..speaker_range.start.min(cue.start)
        };
        // "... told NBC News": the outlet that carried the source.
        let via = (!according && speaker_left)
            .then(|| mentions.within(cue.end..(cue.end + 3).min(sentence.end)).find(|(_, m)| m.kind == MentionKind::Outlet).map(|(_, m)| m.actor.text.clone()))
            .flatten();
        let claim = cue.values.iter().any(|c| c.kind == CueKind::Report && c.value == "claim");
        out.push(SentenceAttribution { attribution: Attribution { text, kind, via }, cue: span_of(cx, cue.range()), scope, speaker: speaker_range, claim });
    }
    out
}

/// The speaker in a window: an anonymous-source phrase, an outlet or an actor, nearest the cue first.
fn speaker(cx: &Tokens, cues: &[Match<Cue>], mentions: &Mentions, window: Range<usize>, leftward: bool) -> Option<(AttributionKind, String, Range<usize>)> {
    if window.is_empty() {
        return None;
    }
    let mut anonymous = cues.iter().filter(|m| m.start >= window.start && m.end <= window.end && has(m, CueKind::Anonymous));
    let anonymous = if leftward { anonymous.next_back() } else { anonymous.next() };
    if let Some(a) = anonymous {
        // The phrase runs from the start of the source's noun phrase to the cue: "multiple defense sources".
        // "according to two diplomats familiar with the talks,": the whole phrase up to the comma.
        let start = if leftward { noun_phrase_start(cx, window.start, a.start) } else { noun_phrase_start(cx, window.start, a.start).max(window.start) };
        let end = if leftward { window.end } else { (a.end..window.end).find(|&k| cx.tokens[k].kind == dyad_text::Kind::Punct).unwrap_or(window.end) };
        return Some((AttributionKind::Anonymous, span_of(cx, start..end).slice(cx.text).trim_end_matches(',').trim().to_string(), start..end));
    }
    // The speaker stands next to the verb: "the army said", "said the ministry", "X, the army's spokesman, said".
    let unbroken = |r: Range<usize>| !cx.tokens[r].iter().any(|t| t.kind == dyad_text::Kind::Punct);
    let near = |m: &dyad_mentions::ActorMention| {
        if leftward {
            window.end - m.tokens.end <= 3 && unbroken(m.tokens.end..window.end)
        } else {
            m.tokens.start - window.start <= 2 && unbroken(window.start..m.tokens.start)
        }
    };
    let in_window: Vec<usize> = mentions.within(window.clone()).filter(|(_, m)| near(m)).map(|(i, _)| i).collect();
    // Leftward, the head of the speaker's phrase: "Eritrea's ambassador to the African Union said".
    let nearest = if leftward { in_window.last().map(|&i| crate::roles::head_of_phrase(cx, mentions, window.start, i)) } else { in_window.first().copied() };
    let Some(m) = nearest.map(|i| &mentions.actors[i]) else {
        // "his office said", "its spokesman said": someone the story has already named.
        let k = window.end;
        let possessive = leftward && k >= 2 && POSSESSIVES.contains(&cx.tokens[k - 2].folded.as_str()) && cx.tokens[k - 1].kind == dyad_text::Kind::Word;
        return possessive.then(|| (AttributionKind::Named, span_of(cx, k - 2..k).slice(cx.text).to_string(), k - 2..k));
    };
    let kind = match m.kind {
        MentionKind::Outlet => AttributionKind::Outlet,
        // "Colombian media reported", "the broadcaster said": the press is an outlet, not a party.
        _ if m.actor.sector.as_deref() == Some("JRN") => AttributionKind::Outlet,
        // "public broadcaster Kan reported": a name introduced by a media noun is an outlet.
        MentionKind::Name if mentions.within(m.tokens.start.saturating_sub(3)..m.tokens.start).any(|(_, p)| p.actor.sector.as_deref() == Some("JRN") && p.tokens.end == m.tokens.start) => {
            AttributionKind::Outlet
        }
        // "officials said", "U.S. officials said": unnamed people in a group are anonymous sources.
        MentionKind::Group if plural_head(cx, m.head) && m.actor.name.is_none() => AttributionKind::Anonymous,
        _ => AttributionKind::Named,
    };
    Some((kind, m.actor.text.clone(), m.tokens.clone()))
}

fn plural_head(cx: &Tokens, head: usize) -> bool {
    let t = &cx.tokens[head];
    t.folded.ends_with('s') && !cx.lemmas(head).is_empty()
}

/// Extend an anonymous-source cue leftwards over its modifiers ("two people", "multiple defense sources").
fn noun_phrase_start(cx: &Tokens, floor: usize, mut start: usize) -> usize {
    const STOPS: &[&str] = &["said", "told", ",", ";", "but", "and", "that", "according", "to", "—"];
    while start > floor {
        let t = &cx.tokens[start - 1];
        if t.kind == dyad_text::Kind::Punct || STOPS.contains(&t.folded.as_str()) {
            break;
        }
        start -= 1;
    }
    start
}

pub(crate) fn confirmation(cx: &Tokens, cues: &[Match<Cue>], attribution: Option<&SentenceAttribution>, trigger_start: usize) -> (Option<Confirmation>, Option<Span>) {
    if let Some(d) = cues.iter().find(|m| m.end <= trigger_start && has(m, CueKind::Denial)) {
        return (Some(Confirmation::Denied), Some(span_of(cx, d.range())));
    }
    match attribution.map(|a| (a.attribution.kind, a.cue)) {
        Some((AttributionKind::Anonymous, cue)) => (Some(Confirmation::Unconfirmed), Some(cue)),
        Some((AttributionKind::Named, cue)) => (Some(Confirmation::Confirmed), Some(cue)),
        _ => (None, None),
    }
}

/// A hedge anywhere in the sentence ("reportedly", "exclusive").
pub(crate) fn hedge(cx: &Tokens, cues: &[Match<Cue>]) -> Option<Span> {
    cues.iter().find(|m| has(m, CueKind::Hedge)).map(|m| span_of(cx, m.range()))
}

/// "The Pentagon and the White House have not publicly confirmed ...": the countries of the
/// actors that withheld confirmation, with the cue.
pub(crate) fn non_confirmations(cx: &Tokens, cues: &[Match<Cue>], mentions: &Mentions, sentence: Range<usize>) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for cue in cues.iter().filter(|m| has(m, CueKind::NotConfirmed)) {
        for (_, m) in mentions.within(sentence.start..cue.start) {
            if let (Some(country), true) = (&m.actor.country, m.kind != MentionKind::Outlet) {
                out.push((country.clone(), span_of(cx, cue.range())));
            }
        }
    }
    out
}

/// Leaves unconfirmed the reported actions (not statements) of actors whose side has not confirmed them.
pub(crate) fn apply_non_confirmations(text: &str, withheld: &[(String, Span)], coded: &mut [Coded]) {
    for c in coded.iter_mut() {
        let e = &mut c.event;
        if e.confirmation.is_some() || e.cameo_root == "01" {
            continue;
        }
        let country = e.source.as_ref().and_then(|a| a.country.as_ref());
        if let Some((_, cue)) = withheld.iter().find(|(k, _)| Some(k) == country) {
            e.confirmation = Some(Confirmation::Unconfirmed);
            c.why.confirmation_cue = Some(crate::Cited::of(text, *cue));
        }
    }
}
