//! The event stage: from a document's tokens and actor mentions to coded events.
//!
//! For each sentence: find trigger phrases (data/events/triggers.tsv), pick the
//! source (the subject: nearest actor to the left in the trigger's clause, or the
//! by-agent of a passive) and the target (the object: first actor to the right),
//! then read the cues around the trigger (data/cues/cues.tsv) for modality,
//! attribution and confirmation. No trigger, no event; no actor, no event.
//! Every decision is recorded in a [`Why`] so `dyad explain` can show it.

mod acled;
mod clauses;
mod modality;
mod nesting;
mod roles;
mod sources;

use dyad_codes::{Stance, Tables};
use dyad_core::{Act, Confirmation, Document, Event, Evidence, Location, Modality, Plover, Span};
use dyad_lexicon::{CueKind, Lexicon, Tokens, TriggerPos};
use dyad_mentions::{MentionKind, Mentions};
use dyad_places::Places;
use dyad_text::{Analyzed, Case};
use serde::Serialize;

/// Why an event was coded the way it was: the pattern and the cues, with where they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Why {
    pub pattern: String,
    pub source_rule: &'static str,
    pub target_rule: &'static str,
    pub modality_cue: Option<Cited>,
    pub attribution_cue: Option<Cited>,
    pub confirmation_cue: Option<Cited>,
    /// The score from what the text pinned down, before calibration (scripts/calibrate.py fits it).
    pub raw_confidence: f32,
}

/// A cue word or phrase and its byte span in the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Cited {
    fn of(text: &str, span: Span) -> Cited {
        Cited { text: span.slice(text).to_string(), start: span.start, end: span.end }
    }
}

#[derive(Debug, Clone)]
pub struct Coded {
    pub event: Event,
    pub why: Why,
}

/// The code of a trigger row that names a non-event sense of a trigger word inside it
/// (data/events/triggers.tsv): it wins the span by being longer, and gives no event.
pub const NOT_AN_EVENT: &str = "00";

/// A trigger or cue word written with a capital inside an ordinary sentence is part of a name ("Merrill Lynch",
/// "the Grand Slam winner", "the Stop Murder Music coalition"), not the act. A sentence's first word keeps
/// its capital, and so do headlines set in title case ("Honduras Seizes Luxury Properties").
fn capitalised_in_prose(cx: &Tokens, sentence: std::ops::Range<usize>, start: usize) -> bool {
    let tokens = cx.tokens;
    if tokens[start].case != Case::Title || start == sentence.start || tokens[start - 1].is_punct(":") {
        return false;
    }
    !dyad_text::title_case(&tokens[sentence])
}

/// Codes every event in a document; `cx` is its tokens read through the lexicon (as for `dyad_mentions::find`).
pub fn code(doc: &Document, analyzed: &Analyzed, cx: &Tokens, mentions: &Mentions, places: &Places, lexicon: &Lexicon, tables: &Tables) -> Vec<Coded> {
    // Cues and attributions are read once per sentence, before any event is coded, because an outlet
    // chain stated late in a story ("officials told NBC News") applies to its earlier sentences.
    let all_cues: Vec<_> = analyzed
        .sentences
        .iter()
        .map(|s| {
            let mut cues = lexicon.cues.find_all(cx, s.tokens.clone());
            // "Anambra State", "in May": a cue word capitalised in prose is part of a name or a month.
            cues.retain(|cue| !opens_trigger(lexicon, cx, cue, s.tokens.end) && !capitalised_in_prose(cx, s.tokens.clone(), cue.start));
            cues
        })
        .collect();
    let mut all_attributions: Vec<_> =
        analyzed.sentences.iter().zip(&all_cues).map(|(s, cues)| sources::in_sentence(cx, cues, mentions, s.tokens.clone())).collect();
    let chains = sources::outlet_chains(&all_attributions);
    let mut out: Vec<Coded> = Vec::new();
    let mut withheld = Vec::new();
    // The document's own location, for events whose clause names no place: worked out once, at first need.
    let home = std::cell::OnceCell::new();
    for ((sentence, cues), attributions) in analyzed.sentences.iter().zip(&all_cues).zip(&mut all_attributions) {
        let range = sentence.tokens.clone();
        let clauses = clauses::Clauses::new(cx, cues, mentions, range.clone());
        sources::follow_chains(attributions, &chains);
        let speakers: Vec<_> = attributions.iter().map(|a| a.speaker.clone()).collect();
        let actors = roles::Candidates::new(mentions, range.clone(), &speakers, places.dateline_end.unwrap_or(0));
        // The last trigger that gave events in this sentence, and where its events start in `out`.
        let mut previous: Option<(std::ops::Range<usize>, usize, String)> = None;
        // The subject found for the last verb trigger, which a verb coordinated with it shares, and
        // whether that verb sat in a subordinate clause.
        let mut previous_subject: Option<(std::ops::Range<usize>, Vec<usize>, bool)> = None;
        let sentence_start = out.len();
        // Which of this sentence's events sit in a subordinate clause ("whom authorities blame",
        // "after two vehicles were hit"): background, dropped when the sentence reports a main event.
        let mut in_subordinate: Vec<bool> = Vec::new();
        let mut after_violence = false;
        for trigger in lexicon.triggers.find_all(cx, range.clone()) {
            // "seized 30 rifles in the city", "was captured in the town of": a place after a locative
            // preposition inside a territorial pattern's gap is where the act happened, not what was
            // taken. The words before the preposition are read again ("seized 30 rifles": a seizure).
            let trigger = match territory_gap_place(cx, &trigger) {
                Some(k) => match lexicon.triggers.longest_at(cx, trigger.start, k) {
                    Some(shorter) => shorter,
                    None => continue,
                },
                None => trigger,
            };
            let t = &trigger.values[0];
            // A non-event sense ("wound up the talks", "assault rifles"): the row exists to shadow
            // the shorter trigger inside it, and codes nothing.
            if t.cameo == NOT_AN_EVENT {
                continue;
            }
            if actors.overlaps_longer(trigger.range()) || capitalised_in_prose(cx, range.clone(), trigger.start) {
                continue;
            }
            // The first target of a trigger that joins the previous event instead of making its own.
            let first_target = |range: std::ops::Range<usize>| {
                let roles = roles::assign(cx, &actors, range.clone(), clauses.around(range), &t.cameo, t.pos.is_verb());
                roles.targets.first().map(|&i| placed_actor(cx, lexicon, mentions, places, i))
            };
            let relation = nesting::relation(cx, cues, trigger.range(), t.pos, &t.cameo, previous.as_ref().map(|p| (p.0.clone(), p.2.as_str())), after_violence);
            after_violence |= matches!(&t.cameo[..2], "18" | "19" | "20") && !matches!(relation, nesting::Relation::Alleged);
            match relation {
                nesting::Relation::Own | nesting::Relation::Purpose => {}
                nesting::Relation::Inside | nesting::Relation::Alleged => continue,
                nesting::Relation::ContentOf(stance) => {
                    // "threatened to shell Iraqi towns" is one event, the threat, coded by what it threatens.
                    if let (Some((_, first, _)), Some(act)) = (&previous, tables.cameo(&t.cameo)) {
                        let act_target = first_target(trigger.range());
                        for c in &mut out[*first..] {
                            nesting::absorb_content(&mut c.event, act, tables.announced(&act.code, stance), act_target.clone(), &t.pattern, &mut c.why);
                        }
                    }
                    continue;
                }
                nesting::Relation::SameAs => {
                    // "killed ... in a car bombing": the noun names the previous event more precisely;
                    // "a roadside bomb killed one U.S. soldier": the casualty is whom it struck;
                    // "killed in Israeli tank shelling": the actor naming the noun did it.
                    if let (Some((previous_trigger, first, _)), Some(code)) = (&previous, tables.cameo(&t.cameo)) {
                        let struck = first_target(trigger.range());
                        let agent = (t.pos == TriggerPos::Noun).then(|| actors.describing(cx, trigger.start, previous_trigger.end)).flatten().map(|i| placed_actor(cx, lexicon, mentions, places, i));
                        for c in &mut out[*first..] {
                            nesting::refine(&mut c.event, code, &t.pattern, &mut c.why);
                            if let (None, Some(actor)) = (&c.event.source, &agent) {
                                c.event.source = Some(actor.clone());
                                c.why.source_rule = "actor naming the act";
                            }
                            if matches!(c.why.target_rule, roles::NO_TARGET | roles::PLACE_TARGET) {
                                if let Some(actor) = &struck {
                                    c.event.target = Some(actor.clone());
                                    c.why.target_rule = "whom the act struck";
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            let clause = clauses.around(trigger.range());
            // Taking or destroying property (171x) is violence against things: "shops were set alight" is
            // news without a named arsonist, and "homes destroyed by the flood" no one's act. (A seizure
            // naming no one stays only if it took weapons: see `unreported_seizure`.)
            let violent = matches!(&t.cameo[..2], "18" | "19" | "20") || t.cameo.starts_with("171");
            // "killed in a road accident", "died in the earthquake": no one attacked anyone.
            if violent && cues.iter().any(|m| m.start >= clause.start && m.end <= clause.end && m.values.iter().any(|c| c.kind == CueKind::Accident)) {
                continue;
            }
            // "victims killed by the crash", "weapons seized last year": a participle modifying a noun states a
            // done act whose agent, if any, follows "by"; the main clause's subject and tense are not its own.
            let after_act = previous.as_ref().is_some_and(|(p, _, _)| p.end >= clause.start && p.end < trigger.start);
            let reduced_relative = clauses::is_reduced_relative(cx, mentions, trigger.range(), clause.clone(), range.clone(), after_act);
            let mut roles = if reduced_relative {
                roles::of_participle(cx, &actors, trigger.range(), clause.clone())
            } else {
                roles::assign(cx, &actors, trigger.range(), clause.clone(), &t.cameo, t.pos.is_verb())
            };
            // "The army warned Iran": a trigger that is itself a report's verb is the speaker's act, though a
            // speaker takes no part in what it reports.
            let trigger_span = Span::new(cx.tokens[trigger.start].span.start, cx.tokens[trigger.end - 1].span.end);
            if roles.sources.is_empty() && t.pos.is_verb() {
                let own = attributions.iter().find(|a| a.cue.start < trigger_span.end && trigger_span.start < a.cue.end && a.speaker.end <= trigger.start);
                if let Some(speaker) = own.and_then(|a| speaker_mention(mentions, a)) {
                    roles.sources = vec![speaker];
                    roles.source_rule = "speaker of the trigger's own report";
                }
            }
            // "Rebels kidnapped 16 advisers and exploded a series of bombs": a verb after "and" shares the
            // subject of the verb before it, not that verb's object.
            if let Some((previous_trigger, subject, _)) = previous_subject.as_ref().filter(|_| t.pos.is_verb() && roles.source_rule == "subject") {
                let coordinated = trigger.start >= 1 && cx.tokens[trigger.start - 1].folded == "and";
                let found_in_previous_object = roles.sources.first().is_none_or(|&i| mentions.actors[i].tokens.start >= previous_trigger.end);
                if coordinated && found_in_previous_object {
                    roles.targets.retain(|i| !subject.contains(i));
                    roles.sources = subject.clone();
                    roles.source_rule = "subject of the coordinated verb before";
                }
            }
            if t.pos == TriggerPos::Receipt {
                // "Demonstrators received weapons from the government": the government gave them.
                std::mem::swap(&mut roles.sources, &mut roles.targets);
                (roles.source_rule, roles.target_rule) = ("giver, after from", "receiver, the subject");
            }
            let Some(code) = tables.cameo(&t.cameo) else { continue };
            // "after hoodlums attacked them, looted shops and set them on fire": verbs listed after a
            // subordinate one with its subject are in its clause.
            let listed_after_subordinate = previous_subject.as_ref().is_some_and(|(_, subject, subordinate)| {
                *subordinate && t.pos.is_verb() && *subject == roles.sources && trigger.start > 0 && matches!(cx.tokens[trigger.start - 1].folded.as_str(), "," | "and")
            });
            let subordinate = reduced_relative
                || listed_after_subordinate
                || clauses::describes_object(cx, mentions, trigger.range(), t.pos.is_verb(), after_act)
                || clauses::is_subordinate(cx, trigger.start, clause.start);
            // Violence is news even when the text names no perpetrator ("a car bomb exploded"),
            // unless it is only background to the sentence ("after clashes there").
            if roles.sources.is_empty() && roles.targets.is_empty() && (!violent || subordinate) {
                continue;
            }
            // An appeal or demand (02, 10) announces an act as intents and threats do: "urged Iraq to release" was urged.
            let reading = if reduced_relative {
                modality::Reading::done()
            } else if let Some(mark) = modality::yes_no_question(cx, range.clone()) {
                modality::Reading::asked(mark)
            } else {
                modality::of(cx, cues, trigger.range(), clause.clone(), matches!(code.root.as_str(), "02" | "03" | "10" | "13"), &t.pattern)
            };
            let (mut modality, modality_cue) = (reading.modality, reading.cue);
            if matches!(relation, nesting::Relation::Purpose) && modality == Modality::Actual {
                modality = Modality::Planned;
            }
            // CAMEO codes a planned or refused act as the announcement ("will withdraw" is 0356,
            // "refused to meet" 125); the act is kept beside it. So is an act promised on a condition
            // ("would meet him if he gave them a veto" is 036, "will attack unless" 138x).
            // A merely possible act ("may have been killed", "could attack") is not an announcement:
            // it keeps its own code, with modality possible.
            let attribution = attributions.iter().find(|a| a.scope.contains(&trigger.start));
            // "The rebels claimed they had attacked the base": a perpetrator's claim of its own act is a
            // claim of responsibility (015), with the act beside it, not the act confirmed.
            let source_is_speaker = attribution.is_some_and(|a| {
                roles.sources.first().is_some_and(|&s| a.speaker.start <= mentions.actors[s].tokens.start && mentions.actors[s].tokens.end <= a.speaker.end)
            });
            let stance = match modality {
                Modality::Actual if source_is_speaker && attribution.is_some_and(|a| a.claim) => Some(Stance::Claim),
                // "Assad said Turkey must mediate": a demand the speaker makes of the one who must act.
                Modality::Planned | Modality::Possible if reading.demanded && !source_is_speaker => Some(Stance::Demand),
                Modality::Planned => Some(Stance::Intent),
                Modality::Possible if reading.conditional => Some(Stance::Intent),
                Modality::Negated => Some(Stance::Refusal),
                Modality::Actual | Modality::Possible => None,
            };
            let act = code;
            let code = stance.and_then(|s| tables.announced(&act.code, s)).unwrap_or(act);
            // A purpose is an intent (03) only: a threat (13) must be spoken, and an appeal or refusal is no plan.
            if matches!(relation, nesting::Relation::Purpose) && code.root != "03" {
                continue;
            }
            if stance == Some(Stance::Demand) && code.code != act.code {
                let speaker = attribution.and_then(|a| speaker_mention(mentions, a));
                roles.targets = std::mem::replace(&mut roles.sources, speaker.into_iter().collect());
                (roles.source_rule, roles.target_rule) = ("speaker of the demand", "who must act");
            }
            let (mut confirmation, mut confirmation_cue) = sources::confirmation(cx, cues, attribution, trigger.start);
            if confirmation.is_none() && code.root != "01" {
                if let Some(cue) = sources::hedge(cx, cues) {
                    (confirmation, confirmation_cue) = (Some(Confirmation::Unconfirmed), Some(cue));
                }
            }
            previous = Some((trigger.range(), out.len(), t.cameo.clone()));
            if t.pos.is_verb() && matches!(roles.source_rule, "subject" | "subject of the coordinated verb before") {
                previous_subject = Some((trigger.range(), roles.sources.clone(), subordinate));
            }
            let location = location_in(places, clause.clone(), trigger.range()).or_else(|| home.get_or_init(|| home_location(lexicon, mentions, places)).clone());
            let date = date_of(mentions, range.clone(), clause.clone(), trigger.range()).or_else(|| paragraph_date(&doc.text, analyzed, mentions, range.start)).or_else(|| publication_date(doc, mentions, places));
            let actors_of = |indices: &[usize]| indices.iter().map(|&i| placed_actor(cx, lexicon, mentions, places, i)).collect::<Vec<_>>();
            let (mut co_sources, mut co_targets) = (actors_of(&roles.sources), actors_of(&roles.targets));
            let source = (!co_sources.is_empty()).then(|| co_sources.remove(0));
            let target = (!co_targets.is_empty()).then(|| co_targets.remove(0));
            if code.root == "01" && source.is_none() {
                continue;
            }
            let raw_confidence = confidence(source.is_some(), target.is_some(), &t.cameo, t.pos, source.as_ref().and_then(|a| a.country.as_ref()).is_some(), subordinate);
            let event = Event {
                doc_id: doc.id.clone(),
                cameo: code.code.clone(),
                cameo_root: code.root.clone(),
                cameo_name: code.name.clone(),
                quad_class: code.quad_class,
                goldstein: code.goldstein,
                plover: plover_of(code),
                acled: None,
                source,
                target,
                co_sources,
                co_targets,
                modality,
                act: (act.code != code.code).then(|| Act { cameo: act.code.clone(), name: act.name.clone() }),
                confirmation,
                attribution: attribution.map(|a| a.attribution.clone()),
                location: location.clone(),
                date: date.as_ref().map(|(d, _)| d.clone()),
                date_precision: date.as_ref().map(|(_, p)| p.to_string()),
                evidence: Evidence::of(sentence.span, &doc.text),
                trigger: Evidence::of(trigger_span, &doc.text),
                confidence: tables.calibrated(raw_confidence),
            };
            // Events come in sentence order: a duplicate can only be among this sentence's events.
            if out.iter().rev().take_while(|c| c.event.evidence.start == event.evidence.start).any(|c| same_event(&c.event, &event)) {
                continue;
            }
            let why = Why {
                pattern: t.pattern.clone(),
                source_rule: roles.source_rule,
                target_rule: roles.target_rule,
                modality_cue: modality_cue.map(|sp| Cited::of(&doc.text, sp)),
                attribution_cue: attribution.map(|a| Cited::of(&doc.text, a.cue)),
                confirmation_cue: confirmation_cue.map(|sp| Cited::of(&doc.text, sp)),
                raw_confidence,
            };
            let mut coded = Coded { event, why };
            // "suicide bombers killed 23 people": a violent trigger inside the subject's mention names the
            // means, and refines a generic violent code (190 to 1831).
            if let Some(&s) = roles.sources.first().filter(|_| nesting::violent(&coded.event.cameo_root)) {
                let means = lexicon.triggers.find_all(cx, mentions.actors[s].tokens.clone()).into_iter().map(|m| &m.values[0]).find(|v| nesting::violent(&v.cameo));
                if let Some((v, means_code)) = means.and_then(|v| tables.cameo(&v.cameo).map(|c| (v, c))) {
                    nesting::refine(&mut coded.event, means_code, &v.pattern, &mut coded.why);
                }
            }
            out.push(coded);
            in_subordinate.push(subordinate);
        }
        acled::classify(cx, lexicon, tables, range.clone(), &mut out[sentence_start..]);
        // A seizure with no one named is news when weapons were taken ("two rifles were seized");
        // otherwise it is mostly a drug haul or a figure of speech ("markets seize on any excuse").
        let sentence_events: Vec<(Coded, bool)> = out.drain(sentence_start..).zip(in_subordinate).filter(|(c, _)| !unreported_seizure(&c.event)).collect();
        // A statement (root 01: "denied that troops had moved") is about its subordinate clause.
        let main_act = sentence_events.iter().any(|(c, subordinate)| !subordinate && c.event.cameo_root != "01");
        out.extend(sentence_events.into_iter().filter(|(_, subordinate)| !(main_act && *subordinate)).map(|(c, _)| c));
        withheld.extend(sources::non_confirmations(cx, cues, mentions, range));
    }
    sources::apply_non_confirmations(&doc.text, &withheld, &mut out);
    acled::refine_from_next_sentence(cx, lexicon, &analyzed.sentences, &mut out);
    out
}

/// Prepositions that put a place after them as where an act happened.
const LOCATIVE_IN_GAP: &[&str] = &["in", "near", "at", "outside"];

/// Where a locative preposition sits inside the gap of a territorial (192) pattern ("seize * town"
/// matching "seized in the town"), if it does.
fn territory_gap_place(cx: &Tokens, trigger: &dyad_lexicon::Match<'_, dyad_lexicon::Trigger>) -> Option<usize> {
    let t = &trigger.values[0];
    if !t.cameo.starts_with("192") || !t.pattern.contains(" * ") {
        return None;
    }
    (trigger.start + 1..trigger.end.saturating_sub(1)).find(|&k| LOCATIVE_IN_GAP.contains(&cx.tokens[k].folded.as_str()))
}

/// "claimed responsibility for", "announced a ceasefire", "denied involvement in": a reporting verb that
/// opens a longer trigger is the act's own verb with its object, not a report of what follows, so its
/// subject is the act's source and not a speaker.
/// "announced a suspension of air links": an announcement whose object is an act named by a noun (after
/// at most [`ANNOUNCED_NOUN_GAP`] words such as "a", "the", "new") is that act, done by the announcer.
fn opens_trigger(lexicon: &Lexicon, cx: &Tokens, cue: &dyad_lexicon::Match<'_, dyad_lexicon::Cue>, limit: usize) -> bool {
    let is_act = |t: &dyad_lexicon::Match<'_, dyad_lexicon::Trigger>| t.values[0].cameo != NOT_AN_EVENT;
    if !cue.values.iter().all(|c| matches!(c.kind, CueKind::Report | CueKind::Denial)) {
        return false;
    }
    if lexicon.triggers.longest_at(cx, cue.start, limit).is_some_and(|t| t.end > cue.end && is_act(&t)) {
        return true;
    }
    let announces = cue.end == cue.start + 1 && cx.is(cue.start, "announce");
    announces
        && (cue.end..(cue.end + ANNOUNCED_NOUN_GAP + 1).min(limit))
            .take_while(|&k| cx.tokens[k].kind == dyad_text::Kind::Word && cx.tokens[k].folded != "that")
            .any(|k| lexicon.triggers.longest_at(cx, k, limit).is_some_and(|t| t.values[0].pos == TriggerPos::Noun && is_act(&t)))
}

/// How many words may stand between "announced" and the noun naming the announced act.
const ANNOUNCED_NOUN_GAP: usize = 3;

/// The speaker's fullest mention: "Syrian President Bashar Assad", not the name inside it.
fn speaker_mention(mentions: &Mentions, attribution: &sources::SentenceAttribution) -> Option<usize> {
    let extent = |m: &dyad_mentions::ActorMention| (m.tokens.end, std::cmp::Reverse(m.tokens.start));
    mentions.within(attribution.speaker.clone()).filter(|(_, m)| m.kind != MentionKind::Outlet).max_by_key(|(_, m)| extent(m)).map(|(i, _)| i)
}

/// A seizure (1711) naming no one that took no weapons.
fn unreported_seizure(e: &Event) -> bool {
    e.cameo.starts_with("1711") && e.source.is_none() && e.target.is_none() && e.acled.as_ref().is_none_or(|a| a.sub_event_type != "Disrupted weapons use")
}

/// PLOVER type and mode, from the code table. An announced act already carries its announcement's
/// code (intent → AGREE, threat → THREATEN, refusal → REJECT), as PLOVER codes it.
pub(crate) fn plover_of(code: &dyad_codes::CameoCode) -> Plover {
    Plover { event_type: code.plover_type.clone(), mode: code.plover_mode.clone() }
}

/// The same event coded twice in one sentence: same code and source, and the same target or one
/// left unnamed ("arrived in Amman on a surprise visit").
fn same_event(a: &Event, b: &Event) -> bool {
    // Actors the lexicon could not code are told apart by their words.
    let code = |x: &Option<dyad_core::Actor>| x.as_ref().map(|a| a.code.clone().unwrap_or_else(|| a.text.clone()));
    let targets_agree = a.target.is_none() || b.target.is_none() || code(&a.target) == code(&b.target);
    a.evidence.start == b.evidence.start && a.cameo == b.cameo && code(&a.source) == code(&b.source) && targets_agree
}

/// An actor mention as an event's party. A place named as a party ("in the town of Cizre", "the
/// Kirkuk governor") with no country of its own takes the country the place stage resolved it to.
pub fn placed_actor(cx: &Tokens, lexicon: &Lexicon, mentions: &Mentions, places: &Places, index: usize) -> dyad_core::Actor {
    let mention = &mentions.actors[index];
    let mut actor = mention.actor.clone();
    if actor.country.is_none() {
        // A place inside the mention ("Kirkuk police"), or right after it behind "in" ("Islamic State
        // targets in Syria", "the Red Crescent in Bam, Iran"): an actor placed there belongs to its country.
        // "its forces in Lebanon" are the forces of whoever "its" is, wherever they stand.
        let possessed = mention.tokens.start > 0 && dyad_mentions::POSSESSIVES.contains(&cx.tokens[mention.tokens.start - 1].folded.as_str());
        let after_in = mention.tokens.end + 1;
        let placed_in = || {
            let behind_in = !possessed && cx.tokens.get(mention.tokens.end).is_some_and(|t| t.folded == "in");
            places.overlapping(after_in..after_in + 1).filter(|p| behind_in && p.tokens.start == after_in)
        };
        let place = places.overlapping(mention.tokens.clone()).or_else(placed_in);
        if let Some(iso3) = place.map(|p| p.place.country.clone()).filter(|c| !c.is_empty()) {
            actor.code = actor.code.or_else(|| lexicon.country(&iso3).map(|c| c.cameo.clone()));
            actor.country = Some(iso3);
            actor.country_from = Some("place".into());
        }
    }
    actor
}

/// The raw score: how much of the event the text pinned down. `Tables::calibrated` turns it into
/// the confidence users see.
fn confidence(has_source: bool, has_target: bool, cameo: &str, pos: TriggerPos, source_country: bool, subordinate: bool) -> f32 {
    let mut c = if subordinate { 0.2 } else { 0.35 };
    if has_source {
        c += 0.2;
    }
    if has_target {
        c += 0.15;
    }
    if source_country {
        c += 0.1;
    }
    if cameo.len() >= 3 {
        c += 0.05;
    }
    if pos.is_verb() {
        c += 0.05;
    }
    (c * 100.0_f32).round() / 100.0
}

/// Where the event happened: a place after a locative preposition in the trigger's clause ("in Culiacan",
/// "near the town of Apatzingan").
fn location_in(places: &Places, clause: std::ops::Range<usize>, trigger: std::ops::Range<usize>) -> Option<Location> {
    places.event_place(clause, trigger).map(|m| m.location())
}

/// The date named nearest the trigger in its sentence, with its precision, if any. A day beats a
/// vaguer span ("in recent days", "last month"), which counts only in the trigger's own clause.
fn date_of(mentions: &Mentions, sentence: std::ops::Range<usize>, clause: std::ops::Range<usize>, trigger: std::ops::Range<usize>) -> Option<(String, &'static str)> {
    let distance = |r: &std::ops::Range<usize>| if r.start >= trigger.end { r.start - trigger.end } else { trigger.start.saturating_sub(r.end) };
    let first = mentions.times.partition_point(|t| t.tokens.start < sentence.start);
    mentions.times[first..]
        .iter()
        .take_while(|t| t.tokens.end <= sentence.end)
        .filter(|t| t.precision == "day" || (t.tokens.start >= clause.start && t.tokens.end <= clause.end))
        .min_by_key(|t| (t.precision != "day", distance(&t.tokens)))
        .map(|t| (t.date.clone(), t.precision))
}

/// The publication date, else the dateline's ("SAN SALVADOR, 3 JAN 90 --").
fn publication_date(doc: &Document, mentions: &Mentions, places: &Places) -> Option<(String, &'static str)> {
    let dateline = || mentions.times.first().filter(|t| places.dateline_end.is_some_and(|end| t.tokens.end <= end)).map(|t| t.date.clone());
    doc.date.clone().or_else(dateline).map(|d| (d, "publication"))
}

/// A sentence that names no date continues the story of the day named last in its paragraph
/// ("THE KIDNAPPING TOOK PLACE ON 30 DECEMBER ... THE TERRORISTS FORCED THE PEASANTS ...").
fn paragraph_date(text: &str, analyzed: &Analyzed, mentions: &Mentions, sentence_start: usize) -> Option<(String, &'static str)> {
    let this = analyzed.sentences.partition_point(|s| s.tokens.start < sentence_start);
    let mut end = analyzed.sentences.get(this)?.span.start;
    for s in analyzed.sentences[..this].iter().rev() {
        if text[s.span.end..end].contains("\n\n") || text[s.span.end..end].contains("\n ") {
            return None;
        }
        let first = mentions.times.partition_point(|t| t.tokens.start < s.tokens.start);
        if let Some(t) = mentions.times[first..].iter().take_while(|t| t.tokens.end <= s.tokens.end).filter(|t| t.precision == "day").last() {
            return Some((t.date.clone(), "day"));
        }
        end = s.span.start;
    }
    None
}

/// When the event's own words name no place: the dateline's place if it lies in the document's country
/// (a report filed from abroad says nothing of where its events happened), else that country at
/// country precision. `country_from` says which.
fn home_location(lexicon: &Lexicon, mentions: &Mentions, places: &Places) -> Option<Location> {
    let iso3 = places.document_country(mentions.home_country.as_deref())?;
    if let Some(dateline) = places.dateline().filter(|d| d.place.country == iso3) {
        return Some(Location { country_from: Some("dateline".into()), ..dateline.location() });
    }
    let country = dyad_places::Gazetteer::get().country(&iso3);
    Some(Location {
        name: lexicon.country(&iso3).map_or_else(|| country.as_ref().map_or(iso3.clone(), |c| c.name.clone()), |c| c.name.clone()),
        country: Some(iso3.clone()),
        admin1: None,
        lat: country.as_ref().map(|c| c.lat),
        lon: country.as_ref().map(|c| c.lon),
        precision: "country".into(),
        country_from: Some("document".into()),
    })
}
