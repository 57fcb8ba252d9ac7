//! ACLED event and sub-event type: the CAMEO code's default (data/codes/acled.tsv),
//! refined by the sentence's context (data/events/acled_context.tsv) and the target.
//!
//! A generic violent code says little about how: "killed in a car bomb blast" is a
//! remote explosive, "militants attacked an army post" is an armed clash and
//! "gunmen attacked villagers" an attack on civilians, and police beating
//! demonstrators excessive force against protesters. Specific codes (abduction,
//! arrest) keep their own type, except where context narrows them: seized or found
//! weapons are disrupted weapons use, arrests at a protest an intervention in it, and a
//! place taken after a withdrawal a non-violent transfer.
//!
//! Three types come from CASE 2021's extension of ACLED, for events ACLED does not code:
//! `ATTRIB` (claims and denials of responsibility), `DIPLO` (sanctions, expulsions, ties cut) and
//! `ORG_CRIME` (arrests and seizures in a sentence about smuggling, drugs, fraud or theft, and
//! robberies). Their event types are not ACLED's six, so the ACLED export leaves them out.

use std::ops::Range;

use dyad_codes::Tables;
use dyad_core::{Acled, Actor, Event, Modality};
use dyad_lexicon::{Lexicon, Tokens};

/// Default types that any context may replace.
const GENERIC: &[&str] = &["Attack", "Armed clash", "Peaceful protest"];
/// Defaults that only a more specific context may replace, each with the types that may replace it:
/// a seized or found weapon and a defused bomb were never used, a bomb its bearer set off is a suicide
/// bomb, a dispersal that kills or maims is excessive force, one of stone-throwers a violent demonstration,
/// and arrests at a protest an intervention in it (at one whose demonstrators threw things or rioted, the
/// violent demonstration).
const NARROWABLE: &[(&str, &[&str])] = &[
    ("Looting/property destruction", &["Disrupted weapons use", "ORG_CRIME"]),
    ("Remote explosive/landmine/IED", &["Disrupted weapons use", "Suicide bomb"]),
    ("Grenade", &["Disrupted weapons use"]),
    ("Shelling/artillery/missile attack", &["Disrupted weapons use"]),
    ("Air/drone strike", &["Disrupted weapons use"]),
    ("Protest with intervention", &["Violent demonstration", "Excessive force against protesters"]),
    ("Arrests", &["Violent demonstration", "Protest with intervention", "ORG_CRIME"]),
    ("Non-state actor overtakes territory", &["Non-violent transfer of territory"]),
    ("Non-violent transfer of territory", &["Agreement"]),
];
/// Context types that only narrow the defaults listed above: a withdrawal near a clash does not make
/// the clash a handover.
const ONLY_NARROWS: &[&str] = &["Non-violent transfer of territory"];

/// Root whose codes with no ACLED type stay without one: ACLED counts no curfew, ban or deportation
/// (170, 172, 174), whatever the sentence says of weapons, drugs or protest.
const UNTYPED_STAYS: &str = "17";

/// Whether a context hint of type `hint` may replace the code's default type.
fn replaces(root: &str, default: Option<&Acled>, hint: &str) -> bool {
    let Some(default) = default else { return root != UNTYPED_STAYS };
    let default = default.sub_event_type.as_str();
    (GENERIC.contains(&default) && !ONLY_NARROWS.contains(&hint)) || NARROWABLE.iter().any(|(d, by)| *d == default && by.contains(&hint))
}
/// Words that make a target a crowd of protesters.
const PROTESTERS: &[&str] = &["protest", "demonstrat", "rally", "marcher", "rioter"];
/// Targets that fight back: violence against them is a clash, not an attack on civilians.
const ARMED: &[&str] = &["MIL", "COP", "REB", "UAF", "SPY", "INS", "PKO"];
/// Words that make the thing attacked armed whatever the target's sector ("government troops",
/// "attacked a checkpoint", "the army's positions"), read as base forms.
const ARMED_WORDS: &[&str] = &[
    "troop", "soldier", "force", "army", "militia", "fighter", "militant", "police", "policeman", "base", "checkpoint",
    "outpost", "post", "position", "convoy", "barracks", "garrison", "patrol",
];
/// Words naming non-state fighters, whatever sector the lexicon gives their group.
const NON_STATE_WORDS: &[&str] = &["rebel", "militant", "insurgent", "terrorist", "jihadist", "fighters", "militia", "taliban", "shabab", "isis", "isil", "islamic state"];
/// Words naming a state's forces when the mention carries no sector ("Syrian forces").
const STATE_WORDS: &[&str] = &["army", "troops", "soldiers", "military", "government", "security forces"];
/// The territory change that types the fighting around it. Not a non-state takeover: "rebels occupying
/// the town" is mostly the scene of a clash, not its outcome.
const RECAPTURE: &str = "Government regains territory";
/// Fighting that may win territory, and is then typed by the change.
const FIGHTS_FOR_GROUND: &[&str] = &["Armed clash", "Shelling/artillery/missile attack", "Air/drone strike"];
/// Whether the actor's mention contains one of the words.
fn names(actor: &Option<Actor>, words: &[&str]) -> bool {
    actor.as_ref().is_some_and(|t| {
        let text = t.text.to_lowercase();
        words.iter().any(|w| text.contains(w))
    })
}

/// Whether the actor is a non-state armed group, by its sector or its name.
fn non_state(actor: &Option<Actor>) -> bool {
    actor.as_ref().and_then(|t| t.sector.as_deref()).is_some_and(|s| matches!(s, "REB" | "INS" | "UAF")) || names(actor, NON_STATE_WORDS)
}

/// How many words after the trigger, and after the target mention, name what was attacked.
const OBJECT_WINDOW: usize = 4;

/// Whether the words just after the trigger, or the target mention and the words just after it,
/// name armed men or their posts.
fn attacks_armed(cx: &Tokens, sentence: &Range<usize>, e: &Event) -> bool {
    let token_at = |byte: usize| cx.tokens.partition_point(|t| t.span.end <= byte);
    let trigger_end = token_at(e.trigger.end);
    let after_target = e.target.as_ref().filter(|t| t.span.end > t.span.start).map(|t| token_at(t.span.start)..token_at(t.span.end) + OBJECT_WINDOW);
    let words = (trigger_end..trigger_end + OBJECT_WINDOW).chain(after_target.into_iter().flatten());
    words.filter(|i| sentence.contains(i)).any(|i| ARMED_WORDS.iter().any(|w| cx.is(i, w)))
}

/// Sub-event types that say how violence was done, which a generic attack may take from the sentence after it.
const MEANS: &[&str] = &["Grenade", "Remote explosive/landmine/IED", "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"];
/// Words by which the next sentence refers back to the violence ("The attacks, mostly with grenades, ...").
const REFERS_BACK: &[&str] = &["attack", "assault", "raid", "ambush", "blast", "explosion", "strike"];
/// Roots of violent acts, whose targets say whether the violence was a battle.
const VIOLENT_ROOTS: &[&str] = &["18", "19", "20"];

/// The sentence after the one starting at `start`, when it speaks of the violence again.
fn next_refers_back<'s>(cx: &Tokens, sentences: &'s [dyad_text::Sentence], start: usize) -> Option<&'s dyad_text::Sentence> {
    let next = sentences.get(sentences.partition_point(|s| s.span.start <= start))?;
    next.tokens.clone().any(|k| REFERS_BACK.iter().any(|w| cx.is(k, w))).then_some(next)
}

/// The target of a violent event when its sector is armed. Not the words after it: a next sentence
/// often names the attackers there ("100 rebels from the Revolutionary Armed Forces").
fn armed_target(e: &Event) -> Option<&Actor> {
    e.target.as_ref().filter(|t| VIOLENT_ROOTS.contains(&e.cameo_root.as_str()) && t.sector.as_deref().is_some_and(|s| ARMED.contains(&s)))
}

/// What the next sentence, when it speaks of the violence again, says of an event: an attack or clash of
/// generic type takes its means from a weapon named there ("Synchronised attacks hit eleven districts on
/// Friday. The attacks, mostly with grenades, ..."), and an attack on a target of unknown sector by a
/// non-state armed group is a clash when violence there hit armed men ("Militants attacked a village near
/// Kidal. In the attack they killed three soldiers"). Unnamed attackers leave too many such attacks on
/// civilians, with armed men hit in another incident of the story. ACLED types an event by how it was
/// done and on whom.
pub(crate) fn refine_from_next_sentence(cx: &Tokens, lexicon: &Lexicon, sentences: &[dyad_text::Sentence], events: &mut [crate::Coded]) {
    let armed_hits: Vec<(usize, Option<String>)> = events.iter().filter_map(|c| Some((c.event.evidence.start, armed_target(&c.event)?.code.clone()))).collect();
    for c in events.iter_mut() {
        let e = &mut c.event;
        let unknown_target = e.target.as_ref().is_none_or(|t| t.sector.is_none());
        let Some(a) = e.acled.as_mut().filter(|a| GENERIC.contains(&a.sub_event_type.as_str()) && a.sub_event_type != "Peaceful protest") else { continue };
        let next = next_refers_back(cx, sentences, e.evidence.start);
        let means = next.and_then(|next| {
            let context = lexicon.acled_context.find_all(cx, next.tokens.clone());
            context.into_iter().flat_map(|m| m.values.iter()).filter(|v| v.roots.contains(&e.cameo_root) && MEANS.contains(&v.sub_event_type.as_str())).min_by_key(|v| v.order)
        });
        if let Some(m) = means {
            *a = Acled { event_type: m.event_type.clone(), sub_event_type: m.sub_event_type.clone() };
        } else if a.sub_event_type == "Attack" && unknown_target && non_state(&e.source) {
            // Not the attackers themselves, whom the next sentence may name as a mistaken target ("The attack
            // began with 100 rebels ...").
            let attacker = e.source.as_ref().and_then(|s| s.code.as_deref());
            let not_attacker = |hit: &Option<String>| hit.is_none() || hit.as_deref() != attacker;
            if next.is_some_and(|n| armed_hits.iter().any(|(at, hit)| *at == n.span.start && not_attacker(hit))) {
                *a = Acled { event_type: "Battles".into(), sub_event_type: "Armed clash".into() };
            }
        }
    }
}

pub(crate) fn classify(cx: &Tokens, lexicon: &Lexicon, tables: &Tables, sentence: Range<usize>, events: &mut [crate::Coded]) {
    if events.is_empty() {
        return;
    }
    let context = lexicon.acled_context.find_all(cx, sentence.clone());
    for c in events.iter_mut() {
        let e: &mut Event = &mut c.event;
        let mut acled = tables.acled(&e.cameo).map(|a| Acled { event_type: a.event_type.clone(), sub_event_type: a.sub_event_type.clone() });
        let hint = context
            .iter()
            .flat_map(|m| m.values.iter())
            .filter(|v| v.roots.contains(&e.cameo_root) && replaces(&e.cameo_root, acled.as_ref(), &v.sub_event_type))
            .min_by_key(|v| v.order);
        if let Some(h) = hint {
            acled = Some(Acled { event_type: h.event_type.clone(), sub_event_type: h.sub_event_type.clone() });
        }
        if let Some(a) = &mut acled {
            let target = e.target.as_ref().and_then(|t| t.sector.as_deref());
            let source = e.source.as_ref().and_then(|t| t.sector.as_deref());
            // Territory taken by a state's forces is regained; by anyone else, overtaken. With no
            // taker named, territory taken from rebels is regained.
            if a.sub_event_type == "Non-state actor overtakes territory" {
                let state = if e.source.is_some() {
                    !non_state(&e.source) && (source.is_some_and(|s| matches!(s, "GOV" | "MIL" | "COP")) || names(&e.source, STATE_WORDS))
                } else {
                    non_state(&e.target)
                };
                if state {
                    a.sub_event_type = "Government regains territory".into();
                }
            }
            let protesters = names(&e.target, PROTESTERS) || names(&e.source, PROTESTERS);
            let state_force = source.is_some_and(|s| matches!(s, "COP" | "MIL" | "GOV"));
            match e.cameo_root.as_str() {
                // A fight between protesters and anyone is a violent demonstration: ACLED codes the
                // demonstrators' violence, whoever started it.
                "19" if protesters => *a = Acled { event_type: "Riots".into(), sub_event_type: "Violent demonstration".into() },
                // One-sided violence by state forces against people protesting is excessive force.
                "18" | "20" if state_force && names(&e.target, PROTESTERS) => {
                    *a = Acled { event_type: "Protests".into(), sub_event_type: "Excessive force against protesters".into() }
                }
                // Property looted or destroyed by a crowd is a riot: by demonstrators a violent
                // demonstration, by a mob mob violence. ACLED keeps "Looting/property destruction" for
                // looting outside such violence.
                "17" if a.sub_event_type == "Looting/property destruction" && names(&e.source, PROTESTERS) => {
                    *a = Acled { event_type: "Riots".into(), sub_event_type: "Violent demonstration".into() }
                }
                "17" if a.sub_event_type == "Looting/property destruction" && names(&e.source, &["mob"]) => {
                    *a = Acled { event_type: "Riots".into(), sub_event_type: "Mob violence".into() }
                }
                _ => {}
            }
            // A target that can fight back makes a battle; one that plainly cannot makes an attack on
            // civilians. A target of unknown or governmental sector keeps the code's own reading.
            let armed_target = target.is_some_and(|s| ARMED.contains(&s)) || attacks_armed(cx, &sentence, e);
            let civilian_target = target.is_some_and(|s| !ARMED.contains(&s) && s != "GOV") && !armed_target;
            match a.sub_event_type.as_str() {
                "Attack" if armed_target => *a = Acled { event_type: "Battles".into(), sub_event_type: "Armed clash".into() },
                "Armed clash" if civilian_target => {
                    *a = Acled { event_type: "Violence against civilians".into(), sub_event_type: "Attack".into() }
                }
                _ => {}
            }
        }
        e.acled = acled;
    }
    // A fight in which the government won ground back is typed by the recapture: ACLED codes a battle or
    // bombardment that retook a place as the recapture ("troops clashed with rebels and recaptured the town").
    // Only fights by the recapturers or by no one named: "regained the town that rebels attacked" keeps the rebels' attack.
    let recapture = events.iter().find(|c| c.event.modality == Modality::Actual && c.event.acled.as_ref().is_some_and(|a| a.sub_event_type == RECAPTURE));
    if let Some((acled, taker)) = recapture.map(|c| (c.event.acled.clone(), c.event.source.as_ref().and_then(|s| s.code.clone()))) {
        for c in events.iter_mut() {
            let e = &mut c.event;
            let by_taker = e.source.as_ref().is_none_or(|s| s.code == taker);
            if by_taker && e.acled.as_ref().is_some_and(|a| FIGHTS_FOR_GROUND.contains(&a.sub_event_type.as_str())) {
                e.acled = acled.clone();
            }
        }
    }
}
