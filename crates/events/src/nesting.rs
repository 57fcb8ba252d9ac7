//! Triggers that belong to another trigger rather than being events of their own.
//!
//! - A complement: "agreed to withdraw", "began a hunger strike to protest": the second
//!   trigger is the content of the first, which is the event. A threat, refusal, appeal or demand
//!   is one event coded by what it is about, as CAMEO codes it: "threatened to impose sanctions"
//!   is 1312, "refused to meet" 125 and "urged Iraq to free the hostages" 0253, with the act kept in `act`. Denials keep
//!   their complement as an event of its own ("denied attacking" also gives a denied attack).
//! - Background: a noun after "after", "following", "despite", "amid" names an earlier event
//!   as the setting of this one ("agreed to a ceasefire after two days of fierce fighting").
//! - An adjective: "the occupied West Bank", "the alleged violations", "detained
//!   journalists" after a determiner, "Seized files showed" opening a sentence and "freed kidnapped
//!   children" after another act are descriptions, not acts reported here.
//! - The same event named again: "killed 46 civilians in an attack on a village",
//!   "killed in a car bomb explosion": the noun after "in" or "during" describes the
//!   previous event; a more specific code refines it, otherwise it is dropped.
//! - A crime a charge names: "tried on charges of murder", "a kidnapping trial": alleged, not
//!   reported as done here.
//! - The harm an act did: "opened fire, killing two", "a roadside bomb killed one soldier and
//!   wounded two": a casualty word (data/cues/cues.tsv, kind `casualty`) after a violent event in
//!   the same sentence counts that event's dead and wounded; it is not another attack.

use std::ops::Range;

use dyad_codes::{CameoCode, Stance};
use dyad_core::{Act, Actor, Event};
use dyad_lexicon::{Cue, CueKind, Match, Tokens, TriggerPos};

use crate::Why;

const COMPLEMENT_REACH: usize = 10;
/// Roots of acts complete in themselves (travel and meetings, protests, deployments, coercion): a "to"
/// clause after one states its purpose, while after others ("agreed to", "offered to") it completes them.
/// A purpose of the act's own kind ("met to discuss", "struck to protest") only restates it.
const COMPLETE_ACTS: &[&str] = &["04", "14", "15", "17"];
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "'s", "’s", "these", "those"];
/// "killed in an attack", "bombarded by North Korean shelling".
const SAME_EVENT_PREPOSITIONS: &[&str] = &["in", "during", "amid", "by"];
/// More prepositions that introduce the same event when the noun is of the previous event's kind:
/// "arrived in Amman on a surprise visit", "hosted the prime minister for an informal meeting".
const SAME_KIND_PREPOSITIONS: &[&str] = &["on", "for", "at"];
/// How far a condition ("if", "unless") reaches to the act it states: "if it is attacked".
const CONDITION_REACH: usize = 4;
/// Words that end a charge's list of crimes: "charged with murder after gunmen killed a teacher".
const CHARGE_ENDS: &[&str] = &["after", "before", "when", "while", "because", "but", "as", "since", "who", "which", "that", "following", "amid"];
/// How many words may stand between a charge ("charges of") and the last crime of its list
/// ("charges of murder, kidnapping, drug trafficking and robbery").
const CHARGE_REACH: usize = 8;
/// How far after a protest its demand may come: "demonstrated in Kirkuk on Sunday, calling for independence".
const DEMAND_REACH: usize = 12;
const ARTICLES: &[&str] = &["a", "an", "the"];
/// Words after "the wounded", "the killed" that show the participle stands alone for people.
const PEOPLE_FOLLOW: &[&str] = &["from", "to"];
/// More words that do so after a participle only (not after a noun: "the attack was"): a verb of
/// which the people are the subject ("the wounded can be evacuated", "the injured were taken").
const PEOPLE_VERB_FOLLOW: &[&str] = &["were", "are", "have", "had", "can", "could", "will", "would", "must", "should", "include", "included"];

/// Prepositions after which a participle can only describe the noun that follows it.
const PARTICIPLE_PREPOSITIONS: &[&str] = &["of", "for", "with", "among", "from", "to", "against", "about", "on", "including"];
/// Words after a participle that make it a verb, not an adjective: "kidnapped by rebels", "seized in a raid".
const NOT_NOUNS: &[&str] = &["by", "in", "on", "at", "to", "from", "with", "for", "of", "and", "or", "that", "the", "a", "an", "after", "during", "near", "last", "yesterday", "today"];

pub(crate) enum Relation {
    /// An event of its own.
    Own,
    /// The act a threat, refusal, appeal or demand is about ("threatened on Monday to cut gas
    /// supplies"): it gives the governing event its code, under this stance.
    ContentOf(Stance),
    /// Part of the previous trigger, or not an act: no event.
    Inside,
    /// A crime a charge or verdict names ("tried on charges of murder"): no event, and no violence
    /// reported in the sentence for later casualties to belong to.
    Alleged,
    /// Another name for the previous event.
    SameAs,
    /// What a complete act was done for ("arrived in Mali to join the peacekeeping mission"): an act
    /// of its own, announced rather than done, as CAMEO codes "will visit Mauritania to mediate" 039.
    Purpose,
}

/// Prepositions that introduce an earlier event as the cause or setting of this one.
const BACKGROUND: &[&str] = &["after", "following", "despite", "amid", "since", "because", "over", "response", "retaliation", "reprisal", "relation"];
const NOUN_PHRASE_REACH: usize = 4;

/// "after two days of fierce fighting", "following the invasion": a noun that names an earlier
/// event as background is not reported as news here.
fn background(cx: &Tokens, start: usize) -> bool {
    (start.saturating_sub(NOUN_PHRASE_REACH)..start).rev().map(|k| &cx.tokens[k]).take_while(|t| t.kind != dyad_text::Kind::Punct).any(|t| BACKGROUND.contains(&t.folded.as_str()))
}

pub(crate) fn violent(code: &str) -> bool {
    matches!(&code[..2], "18" | "19" | "20")
}

/// Modifiers allowed between "in" and the noun that names the same event again ("in the
/// second-worst attack", "in a suspected rebel ambush").
const SAME_EVENT_MODIFIERS: usize = 3;

/// `after_violence`: a violent act was named earlier in the sentence, as an event or not ("complained
/// over air raids in which 20 people were killed").
pub(crate) fn relation(cx: &Tokens, cues: &[Match<Cue>], trigger: Range<usize>, pos: TriggerPos, cameo: &str, previous: Option<(Range<usize>, &str)>, after_violence: bool) -> Relation {
    let word = |i: usize| cx.tokens[i].folded.as_str();
    let before = trigger.start.checked_sub(1);
    // Violent acts keep their adjectival mentions ("the murdered priests"): they still report the act.
    // Occupation and siege do not: "the occupied West Bank" describes a place.
    let describes_place = matches!(cameo, "191" | "192");
    // A participle right before a noun, where no subject can stand before it, describes the noun: "freed
    // kidnapped children" (after another act), "Seized computer files showed" (opening the sentence).
    let participle_before_noun = pos.is_verb()
        && trigger.len() == 1
        && word(trigger.start).ends_with("ed")
        && cx.tokens.get(trigger.end).is_some_and(|t| t.kind == dyad_text::Kind::Word && t.case == dyad_text::Case::Lower && !NOT_NOUNS.contains(&t.folded.as_str()));
    let after_act = previous.as_ref().is_some_and(|(p, _)| p.end == trigger.start);
    if participle_before_noun && after_act {
        return Relation::Inside;
    }
    let opens_sentence = before.is_none_or(|b| matches!(word(b), "." | "!" | "?" | "“"));
    // A determiner before a passive row ("the weapons were found" matching "weapon * find") is its subject's.
    let last = trigger.end - 1;
    let ends_inflected = word(last).ends_with("ed") || cx.lemmas(last).iter().any(|l| l != word(last));
    let passive_row = last > trigger.start
        && ends_inflected
        && (last.saturating_sub(3).max(trigger.start + 1)..last).any(|k| matches!(word(k), "is" | "are" | "was" | "were" | "been"));
    let determined = before.is_some_and(|b| DETERMINERS.contains(&word(b))) && !passive_row;
    // No verb follows a preposition: "families of demobilized FARC fighters", "talks with detained leaders".
    let after_preposition = pos.is_verb()
        && trigger.len() == 1
        && word(trigger.start).ends_with("ed")
        && before.is_some_and(|b| PARTICIPLE_PREPOSITIONS.contains(&word(b)))
        && cx.tokens.get(trigger.end).is_some_and(|t| t.kind == dyad_text::Kind::Word && !NOT_NOUNS.contains(&t.folded.as_str()));
    if pos.is_verb() && (determined || after_preposition || (participle_before_noun && opens_sentence)) {
        // ... but "the wounded", "the dead" on their own are people, not an act.
        let participle = trigger.len() == 1 && word(trigger.start).ends_with("ed");
        let names_people = cx.tokens.get(trigger.end).is_none_or(|t| {
            t.kind == dyad_text::Kind::Punct || PEOPLE_FOLLOW.contains(&t.folded.as_str()) || (participle && PEOPLE_VERB_FOLLOW.contains(&t.folded.as_str()))
        });
        // "the journalist's arrest": an act done to the possessor.
        let possessed = crate::roles::possessor_is_patient(cx, &trigger, cameo);
        if (!violent(cameo) && !possessed) || describes_place || names_people {
            return Relation::Inside;
        }
    }
    if pos == TriggerPos::Noun && background(cx, trigger.start) {
        return Relation::Inside;
    }
    // "if it is attacked", "unless Baghdad accepts": the condition of another act is not news of its own.
    let states_condition = cues.iter().any(|m| {
        m.values.iter().any(|c| c.kind == CueKind::Condition)
            && m.end <= trigger.start
            && trigger.start - m.end <= CONDITION_REACH
            && cx.tokens[m.end..trigger.start].iter().all(|t| t.kind != dyad_text::Kind::Punct)
    });
    if states_condition {
        return Relation::Inside;
    }
    // "tried on charges of murder, kidnapping and robbery", "convicted of raping": the crimes a charge or
    // verdict names are what it is about, not acts reported here. A crime is named by a noun or a
    // gerund; a finite verb after the list is an act of its own ("charged with murder and sentenced").
    // "a murder trial", "kidnapping charges": the crime names the charge that follows it.
    // A violent act's word is a noun whatever its row says ("charged with murder", "a murder trial"),
    // unless inflected as a verb ("denied charges", "extradited suspected militants").
    let names_crime_before = violent(cameo) && !word(trigger.end - 1).ends_with("ed");
    let names_crime = pos == TriggerPos::Noun || word(trigger.start).ends_with("ing") || names_crime_before;
    let is_charge = |m: &Match<Cue>, value: &str| m.values.iter().any(|c| c.kind == CueKind::Charge && c.value == value);
    let named_in_charge = cues.iter().any(|m| {
        (names_crime_before && is_charge(m, "after") && m.start == trigger.end) || names_crime && is_charge(m, "")
            && m.end <= trigger.start
            && trigger.start - m.end <= CHARGE_REACH
            && cx.tokens[m.end..trigger.start].iter().all(|t| (t.kind != dyad_text::Kind::Punct || t.folded == ",") && !CHARGE_ENDS.contains(&t.folded.as_str()))
    });
    if named_in_charge {
        return Relation::Alleged;
    }
    let casualty = || cues.iter().any(|m| m.start == trigger.start && m.values.iter().any(|c| c.kind == CueKind::Casualty));
    if after_violence && violent(cameo) && casualty() {
        return Relation::SameAs;
    }
    let Some((previous, previous_code)) = previous else { return Relation::Own };
    // "demonstrated ..., calling for independence": what protesters demand is the protest's content.
    if &previous_code[..2] == "14" && matches!(&cameo[..2], "02" | "10") && trigger.start.saturating_sub(previous.end) <= DEMAND_REACH {
        return Relation::Inside;
    }
    // "threatened to cut", "refused to meet", "urged Iraq to free": the act gives the threat, refusal,
    // appeal or demand its code; a denied act ("denied plotting to attack") stays an event of its own.
    // "urged Yemen to immediately lift": an adverb may stand between "to" and the act.
    let to_before = (0..trigger.start).rev().find(|&k| !cx.is_adverb(k));
    if to_before.is_some_and(|b| word(b) == "to") && trigger.start - previous.end <= COMPLEMENT_REACH {
        // "troops deployed there vowed to attack": the "to" completes the cue's verb, not the act before it.
        let to_belongs_to_cue = cues.iter().any(|m| m.start < trigger.start && m.end == trigger.start);
        return match &previous_code[..2] {
            "13" => Relation::ContentOf(Stance::Intent),
            "12" => Relation::ContentOf(Stance::Refusal),
            "02" => Relation::ContentOf(Stance::Appeal),
            "10" => Relation::ContentOf(Stance::Demand),
            _ if previous_code == "016" => Relation::Own,
            root if COMPLETE_ACTS.contains(&root) && root != &cameo[..2] && !to_belongs_to_cue => Relation::Purpose,
            _ => Relation::Inside,
        };
    }
    // "rejected an offer of talks", "demanded the removal of", "complained over the air raids", "expressed
    // sorrow for the shootings": an act named in the object of a speech act (appeal, demand, disapprove,
    // reject, threaten, or a comment of hope, gloom or sympathy) is what the speech act is about, not a
    // second event. Claims, denials and praise keep theirs: "claimed responsibility for the murder".
    // So is the crime named in an arrest or charge ("charged with murder", "arrested over the bombing").
    let speech_act = matches!(&previous_code[..2], "02" | "10" | "11" | "12" | "13") || matches!(previous_code, "012" | "013" | "018") || previous_code.starts_with("173");
    // "warned that it would attack": a clause the speech act's own row opens is what was said, an event of its own.
    let opens_clause = word(previous.end - 1) == "that";
    let in_object = !opens_clause
        && trigger.start.saturating_sub(previous.end) <= COMPLEMENT_REACH
        && cx.tokens[previous.end..trigger.start].iter().all(|t| !matches!(t.folded.as_str(), "," | ";" | "and" | "but" | "while" | "as" | "which" | "who" | "that" | "after" | "when" | "because" | "since" | "before" | "until" | "where"));
    if speech_act && in_object {
        return Relation::Inside;
    }
    // "in an attack", "in the second-worst attack": the preposition, then an article and a few
    // modifiers, all words; the trigger is a noun there whatever its row says.
    let preposition = (trigger.start.saturating_sub(SAME_EVENT_MODIFIERS + 2)..trigger.start)
        .rev()
        .take_while(|&k| k >= previous.end && cx.tokens[k].kind != dyad_text::Kind::Punct)
        .find(|&k| SAME_EVENT_PREPOSITIONS.contains(&word(k)) || (previous_code[..2] == cameo[..2] && SAME_KIND_PREPOSITIONS.contains(&word(k))));
    if let Some(k) = preposition {
        // A verb-headed row reads as a noun only right after the preposition or its article
        // ("on Thursday rather than putting him on trial" is no noun phrase).
        let between = &cx.tokens[k + 1..trigger.start];
        let noun_phrase = pos == TriggerPos::Noun || between.first().is_none_or(|t| ARTICLES.contains(&t.folded.as_str()));
        let modifiers = between.iter().filter(|t| !ARTICLES.contains(&t.folded.as_str())).count();
        if noun_phrase && modifiers <= SAME_EVENT_MODIFIERS {
            return Relation::SameAs;
        }
    }
    Relation::Own
}

/// Gives an event a more specific code named later in its sentence, when both are of the same kind
/// (same root, or both violent), the event's own code is the generic one and the later one is not.
pub(crate) fn refine(event: &mut Event, code: &CameoCode, pattern: &str, why: &mut Why) {
    let same_kind = event.cameo_root == code.root || (violent(&event.cameo_root) && violent(&code.root));
    let generic = |c: &str| c.len() == 3 && c.ends_with('0') || c.len() == 2;
    // "attacked ..., killing 156": "kill" (190) is no more specific than "attack" (180).
    if !(same_kind && generic(&event.cameo)) || generic(&code.code) || event.cameo == code.code {
        return;
    }
    recode(event, code);
    why.pattern = format!("{} (refined by {pattern:?})", why.pattern);
}

/// Gives an event another CAMEO code and what follows from it.
fn recode(event: &mut Event, code: &CameoCode) {
    event.cameo = code.code.clone();
    event.cameo_root = code.root.clone();
    event.cameo_name = code.name.clone();
    event.quad_class = code.quad_class;
    event.goldstein = code.goldstein;
    event.plover = crate::plover_of(code);
}

/// A threat, refusal, appeal or demand takes the code of what it is about ("threatened to shell" 1384,
/// "refused to meet" 125, "urged them to withdraw" 0256) when that code is of its own kind and more specific, keeps the act, and
/// takes the act's target when it has none.
pub(crate) fn absorb_content(event: &mut Event, act: &CameoCode, announced: Option<&CameoCode>, act_target: Option<Actor>, pattern: &str, why: &mut Why) {
    if let Some(code) = announced.filter(|c| c.root == event.cameo_root && c.code.len() >= event.cameo.len() && c.code != event.cameo) {
        recode(event, code);
    }
    event.act.get_or_insert_with(|| Act { cameo: act.code.clone(), name: act.name.clone() });
    if event.target.is_none() {
        event.target = act_target;
    }
    why.pattern = format!("{} (about {pattern:?})", why.pattern);
}
