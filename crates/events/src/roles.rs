//! Who did it to whom: source and target of a trigger, by shallow syntax.
//!
//! - Source: the nearest actor to the left of the trigger in its clause that is not
//!   the object of a preposition (the subject), with its coordinated partners
//!   ("The Pentagon and the White House"). In the passive ("were killed by
//!   gunmen") the by-agent is the source and the subject the target.
//! - Target: the first actor to the right in the clause, with its partners.
//! - "between A and B" / "among": A is the source and B the target; one plural group ("between rival gangs") is both.
//! - A pronoun subject ("they arrested") takes the nearest actor before the clause; one opening a sentence
//!   ("She later criticized") the nearest earlier person (he, she), group (they) or country (it) before it.
//! - An actor inside the trigger ("deploying U.S. troops") is the source when no subject is found, and a
//!   named one, or people who are not a state's agents, the target when there is a subject and no object
//!   other than a place ("accused the United States of", "intercepted smugglers in Palermo").
//! - "Eritrea's ambassador to the African Union": the head of a phrase, not the mention after its
//!   preposition, is the speaker and what a later pronoun refers to (`head_of_phrase`).
//! - "a group of", "one third of": the actor after a word of quantity is still the subject.
//! - A mutual act (04 consult, 06 cooperate, 057 sign) of coordinated subjects with no object is between
//!   them: "Obama and Putin will meet in Zurich" is USA → RUS.
//! - A participle describing a noun ("guards abducted by terrorists") takes its agent from "by" and its
//!   target from the actor naming the noun, never the main clause's subject (`of_participle`).

use std::ops::Range;

use dyad_lexicon::Tokens;
use dyad_mentions::{MentionKind, Mentions};

const PREPOSITIONS: &[&str] = &[
    "of", "in", "inside", "with", "against", "for", "to", "from", "by", "on", "at", "into", "near", "across", "over",
    "about", "between", "among", "toward", "towards", "under", "through", "within", "without", "than",
];
/// Acts done to people whose noun may follow the person's possessive ("the journalist's arrest"): arrest,
/// expulsion, release, abduction, assassination. Other acts' possessors are their agents ("Israel's attack").
const PATIENT_CODES: &[&str] = &["173", "174", "0841", "181", "186"];

/// Whether the trigger's possessor is the one the act was done to: a patient code, and no "of" after
/// the noun naming someone else ("the group's kidnapping of tourists").
pub(crate) fn possessor_is_patient(cx: &Tokens, trigger: &Range<usize>, cameo: &str) -> bool {
    let word = |i: usize| cx.tokens.get(i).map_or("", |t| t.folded.as_str());
    PATIENT_CODES.iter().any(|c| cameo.starts_with(c)) && trigger.start > 0 && matches!(word(trigger.start - 1), "'s" | "’s") && word(trigger.end) != "of"
}

/// Sectors of people who carry arms, or command those who do.
const ARMED_SECTORS: &[&str] = &["MIL", "COP", "REB", "INS", "UAF", "CRM", "SPY", "PKO", "GOV"];
/// Sectors of a state's agents: inside a trigger they are what the state sends, deploys or recalls.
const STATE_AGENT_SECTORS: &[&str] = &["GOV", "MIL", "COP", "PKO", "SPY", "HLH"];

/// Whether a mention inside a trigger is the one acted on rather than the means: a group that is not a
/// state's agents ("freed the journalists", "intercepted smugglers", "fought the rebels").
fn acted_on(cands: &Candidates, i: usize) -> bool {
    let m = &cands.mentions.actors[i];
    m.kind == MentionKind::Group && !m.actor.sector.as_deref().is_some_and(|s| STATE_AGENT_SECTORS.contains(&s))
}

/// Words of quantity, collection or part before "of": "a group of Moroccan diplomats", "one third of the rebels",
/// "the Egyptian affiliate of the Islamic State" are the subject, not the object of a preposition.
const PARTITIVES: &[&str] = &[
    "group", "groups", "hundreds", "thousands", "dozens", "scores", "tens", "millions", "number", "third", "half",
    "some", "many", "most", "all", "members", "several", "majority", "delegation", "team", "unit", "band", "contingent",
    "affiliate", "wing", "branch", "faction",
];
/// "a spokesman for the Taliban": the one spoken for is the subject.
const SPEAKS_FOR: &[&str] = &["spokesman", "spokeswoman", "spokesperson"];
const LOCATIVE: &[&str] = &["in", "at", "near", "inside", "outside", "across", "from"];
/// "near the town of Samarra": a place named after one of these and "of" is where, like a locative.
const PLACE_NOUNS: &[&str] = &["town", "city", "village", "province", "region", "district", "port", "capital", "area", "state"];
/// Compass words between a preposition and a place: "in eastern Afghanistan", "in the far north-west of".
const COMPASS: &[&str] = &[
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern",
    "north-eastern", "north-western", "south-eastern", "south-western", "far", "restive", "neighbouring", "neighboring",
];
/// Stems of verbs whose subject suffers the act a noun after them names (as does "under"); few lexicon
/// rows use these verbs, so their forms are matched by stem rather than lemma.
const SUFFERED: &[&str] = &["surviv", "escap", "suffer", "endur", "withst", "repel", "repuls"];
/// The first person, alone or contracted ("we'll", "i'm").
const FIRST_PERSON: &[&str] = &["i", "we", "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd"];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
const PRONOUNS: &[&str] = &["it", "they", "he", "she", "we"];
const MAX_GROUP: usize = 4;
const TARGET_REACH: usize = 12;
/// The target rule of a place taken as the target for want of anyone else ("troops attacked in Mosul").
pub(crate) const PLACE_TARGET: &str = "place where it happened";
/// The target rule when no target was found.
pub(crate) const NO_TARGET: &str = "none";
/// How far back, in tokens, a pronoun opening a sentence looks for what it refers to.
const PRONOUN_REACH: usize = 60;

/// The actor mentions of one sentence that can fill roles (outlets and speakers cannot).
pub(crate) struct Candidates<'m> {
    mentions: &'m Mentions,
    /// Mentions that can be source or target.
    indices: Vec<usize>,
    /// The same with the speakers, whom a pronoun may refer to ("Police said they arrested").
    with_speakers: Vec<usize>,
    /// First token of the sentence.
    sentence_start: usize,
}

impl<'m> Candidates<'m> {
    /// `dateline_end`: the first token after the document's dateline, whose names say where the report was filed.
    pub(crate) fn new(mentions: &'m Mentions, sentence: Range<usize>, speakers: &[Range<usize>], dateline_end: usize) -> Candidates<'m> {
        let speaking = |m: &dyad_mentions::ActorMention| speakers.iter().any(|s| s.start <= m.tokens.start && m.tokens.end <= s.end);
        let with_speakers: Vec<usize> =
            mentions.within(sentence.clone()).filter(|(_, m)| m.kind != MentionKind::Outlet && m.tokens.start >= dateline_end).map(|(i, _)| i).collect();
        let indices = with_speakers.iter().copied().filter(|&i| !speaking(&mentions.actors[i])).collect();
        Candidates { mentions, indices, with_speakers, sentence_start: sentence.start }
    }

    /// What a pronoun opening the sentence refers to, within reach: the nearest earlier person for "he"
    /// and "she", group of people for "they", country or organisation for "it".
    fn antecedent(&self, pronoun: &str) -> Option<usize> {
        let kinds: &[MentionKind] = match pronoun {
            "he" | "she" => &[MentionKind::Person, MentionKind::Title],
            "they" => &[MentionKind::Group],
            "it" => &[MentionKind::Country, MentionKind::Org],
            _ => return None,
        };
        let before = self.mentions.actors.partition_point(|m| m.tokens.start < self.sentence_start);
        self.mentions.actors[..before]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| self.sentence_start - m.tokens.end <= PRONOUN_REACH)
            .find(|(_, m)| kinds.contains(&m.kind))
            .map(|(i, _)| i)
    }

    /// The sentence's speaker: the last actor named in its attributions ("the interior minister",
    /// "Kenteris' lawyer Gregory Ioannidis").
    fn speaker(&self) -> Option<usize> {
        let extent = |i: usize| (self.mentions.actors[i].tokens.end, std::cmp::Reverse(self.mentions.actors[i].tokens.start));
        self.with_speakers.iter().copied().filter(|i| !self.indices.contains(i)).max_by_key(|&i| extent(i))
    }

    fn range(&self, i: usize) -> Range<usize> {
        self.mentions.actors[i].tokens.clone()
    }

    /// The actor naming the noun that ends right before `noun`, with at most one word between, starting at or
    /// after `from`: "Israeli" in "Israeli tank shelling", "Iranian" in "Iranian guards".
    pub(crate) fn describing(&self, cx: &Tokens, noun: usize, from: usize) -> Option<usize> {
        self.indices.iter().copied().rev().find(|&i| {
            let r = self.range(i);
            r.start >= from && r.end <= noun && noun - r.end <= 1 && cx.tokens[r.end..noun].iter().all(|t| t.kind == dyad_text::Kind::Word)
        })
    }

    /// Does an actor mention hold this whole trigger ("Revolutionary Guard" vs "guard")? A mention that only
    /// overlaps it is the trigger's object or subject ("expelled aid agencies", "peacekeepers arrived in").
    pub(crate) fn overlaps_longer(&self, trigger: Range<usize>) -> bool {
        self.indices.iter().map(|&i| self.range(i)).any(|r| r.start <= trigger.start && trigger.end <= r.end)
    }
}

/// The actors in each role, as mention indices in text order; the first of each is the event's
/// `source` or `target`, the others share the role.
pub(crate) struct Roles {
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    pub source_rule: &'static str,
    pub target_rule: &'static str,
}

/// `verb`: the trigger is headed by a verb, so an actor word opening it is its subject.
pub(crate) fn assign(cx: &Tokens, cands: &Candidates, trigger: Range<usize>, clause: Range<usize>, cameo: &str, verb: bool) -> Roles {
    let code_root = &cameo[..2];
    let word = |i: usize| cx.tokens[i].folded.as_str();
    let left: Vec<usize> = cands.indices.iter().copied().filter(|&i| cands.range(i).end <= trigger.start && cands.range(i).start >= clause.start).collect();
    let right: Vec<usize> = cands
        .indices
        .iter()
        .copied()
        .filter(|&i| cands.range(i).start >= trigger.end && cands.range(i).end <= clause.end && cands.range(i).start - trigger.end <= TARGET_REACH)
        .filter(|&i| !cands.range(i).overlaps_any(&trigger))
        .collect();
    // "met the envoy in Zurich": a place after a locative preposition is where, not whom; it is the
    // target only when no one else is ("troops attacked in Mosul" targets Iraq).
    let located = |i: usize| {
        let (start, kind) = (cands.range(i).start, cands.mentions.actors[i].kind);
        let place_of = start >= 2 && word(start - 1) == "of" && PLACE_NOUNS.contains(&word(start - 2));
        start > trigger.end && (LOCATIVE.contains(&word(start - 1)) || place_of) && matches!(kind, MentionKind::Country | MentionKind::Name)
    };
    let object = right.iter().copied().find(|&i| !located(i)).or(right.first().copied());

    // Symmetric relations: "coordination between A and B", "clashes among".
    if matches!(word(trigger.end - 1), "between" | "among") {
        if let Some(&first) = right.first() {
            let group = group_right(cx, cands, &right, first);
            if group.len() >= 2 {
                return Roles { sources: vec![group[0]], targets: group[1..].to_vec(), source_rule: "between: first", target_rule: "between: the others" };
            }
            // "clashes between rival gangs": one plural group is on both sides (unless a partner the
            // lexicon does not know follows it: "meetings between ministers and the electorate").
            let end = cands.range(first).end;
            let listed = cx.tokens.get(end).is_some_and(|t| matches!(t.folded.as_str(), "and" | "or" | ","));
            if cands.mentions.actors[first].kind == MentionKind::Group && cx.tokens[end - 1].folded.ends_with('s') && !listed {
                return Roles { sources: vec![first], targets: vec![first], source_rule: "between: one plural group", target_rule: "between: one plural group" };
            }
        }
    }

    let mut source_rule = "subject";
    // The subject: the nearest actor to the left that is not the object of a preposition, preferring
    // actors the lexicon resolved over unknown capitalised words ("the divided Mediterranean island").
    let subjects: Vec<usize> = left
        .iter()
        .rev()
        .copied()
        .filter(|&i| {
            // The word before the mention, past an article or a compass word: "officers in the Russian
            // military", "in eastern Afghanistan".
            let start = cands.range(i).start;
            let mut before = match start.checked_sub(1) {
                Some(k) => k,
                None => return true,
            };
            let skip_modifiers = |mut k: usize| {
                while k > 0 && (matches!(word(k), "the" | "a" | "an") || COMPASS.contains(&word(k))) {
                    k -= 1;
                }
                k
            };
            before = skip_modifiers(before);
            // "in the capital, Tehran": a place in apposition to a place noun stands where that noun does.
            let place = matches!(cands.mentions.actors[i].kind, MentionKind::Country | MentionKind::Name);
            if place && before >= 2 && word(before) == "," && PLACE_NOUNS.contains(&word(before - 1)) {
                before = skip_modifiers(before - 2);
            }
            let part_of = |list: &[&str], preposition: &str| before >= 1 && word(before) == preposition && list.contains(&word(before - 1));
            !PREPOSITIONS.contains(&word(before)) || part_of(PARTITIVES, "of") || part_of(SPEAKS_FOR, "for")
        })
        .collect();
    // "the banners of Luis Carlos Galan, who was killed": the relative pronoun is the subject, and stands for
    // the actor right before it, whatever governs that actor.
    let antecedent = left.iter().copied().rev().find(|&i| {
        let end = cands.range(i).end;
        let pronoun = if word(end) == "," { end + 1 } else { end };
        // "who" stands for people, "which" for states and organisations.
        let fits = match word(pronoun) {
            "who" => matches!(cands.mentions.actors[i].kind, MentionKind::Person | MentionKind::Title | MentionKind::Group | MentionKind::Name),
            "which" => matches!(cands.mentions.actors[i].kind, MentionKind::Org | MentionKind::Country | MentionKind::Group),
            _ => false,
        };
        fits && pronoun < trigger.start && cx.tokens[pronoun..trigger.start].iter().all(|t| t.kind != dyad_text::Kind::Punct)
    });
    // No other actor between it and the trigger.
    let antecedent = antecedent.filter(|&a| left.iter().all(|&i| cands.range(i).start < cands.range(a).end));
    let resolved = subjects.iter().copied().find(|&i| cands.mentions.actors[i].kind != MentionKind::Name);
    let mut source: Vec<usize> = antecedent.or(resolved).or(subjects.first().copied()).map(|i| group_left(cx, cands, &left, i)).unwrap_or_default();
    // A verb trigger that begins with an actor's own word ("Protesters clashed with" matching "protester clash with",
    // "UN peacekeepers arrived in" matching "peacekeeper * arrive in") names its subject itself. In a noun
    // trigger that word only says what kind of act it is ("a terrorist attack", "military exercises").
    if let Some(&i) = cands.indices.iter().filter(|_| verb).find(|&&i| {
        let r = cands.range(i);
        r.end == trigger.start + 1 && trigger.len() > 1 && cands.mentions.actors[i].kind == MentionKind::Group
    }) {
        source = vec![i];
        source_rule = "actor opening the trigger";
    }
    // "killed in Taliban attacks", "wounded by rebel raids": a plural verb row right after an armed group
    // governed by a preposition is a noun, and that group its agent ("Aramco attacks" were done to Aramco).
    if let Some(&m) = left.last().filter(|&&i| cands.range(i).end == trigger.start && !subjects.contains(&i)) {
        let w = word(trigger.start);
        let plural_noun = trigger.len() == 1 && w.ends_with('s') && !w.ends_with("ss");
        let armed = cands.mentions.actors[m].actor.sector.as_deref().is_some_and(|s| ARMED_SECTORS.contains(&s));
        if plural_noun && armed && matches!(cands.mentions.actors[m].kind, MentionKind::Org | MentionKind::Group) {
            source = vec![m];
            source_rule = "group naming a noun";
        }
    }
    if source.is_empty() && clause.start > 0 && (clause.start..trigger.start).any(|k| PRONOUNS.contains(&word(k))) {
        // "Police said they arrested ...": the pronoun refers back to the nearest actor before the clause,
        // with its partners ("Obama and Putin said they will").
        let earlier: Vec<usize> = cands.with_speakers.iter().copied().filter(|&i| cands.range(i).end <= clause.start).collect();
        if let Some(&i) = earlier.last() {
            let i = head_of_phrase(cx, cands.mentions, cands.sentence_start, i);
            source = group_left(cx, cands, &earlier, i);
            source_rule = "pronoun: nearest earlier actor";
        }
    }
    if source.is_empty() && clause.start == cands.sentence_start && trigger.start > clause.start {
        // "President Ana Duarte arrived on Monday. She later criticized ...": a pronoun opening the
        // sentence is the last person (he, she) or group (it, they, we) named before it.
        if let Some(i) = cands.antecedent(word(clause.start)) {
            source = vec![i];
            source_rule = "pronoun: earlier sentence";
        }
    }

    if source.is_empty() && (clause.start..trigger.start).any(|k| FIRST_PERSON.contains(&word(k))) {
        // "'We will not negotiate,' the minister said": the first person of a quote is its speaker.
        if let Some(i) = cands.speaker() {
            source = vec![i];
            source_rule = "first person: the speaker";
        }
    }

    if source.is_empty() {
        // With no subject, a state's agents inside the trigger act for it ("sending troops to Mali").
        let in_trigger = |r: Range<usize>| r.end <= trigger.end && r.end > trigger.start;
        if let Some(&i) = cands.indices.iter().find(|&&i| in_trigger(cands.range(i)) && !acted_on(cands, i)) {
            source = vec![i];
            source_rule = "actor inside the trigger";
        }
    }

    let mut target_rule = if object.is_some_and(located) { PLACE_TARGET } else { "object" };
    let mut target: Vec<usize> = object.map(|i| group_right(cx, cands, &right, i)).unwrap_or_default();

    // A be-form among the three words before the trigger: "were killed", "have been arrested", but not an
    // acronym in brackets ("Islamic State (IS) claimed").
    // "is committed to", "are prepared for": a cooperative state of the subject, not something done to it.
    let adjectival = PREPOSITIONS.contains(&word(trigger.end - 1)) && code_root < "09";
    let be = |k: usize| BE.contains(&word(k)) && !(k > 0 && word(k - 1) == "(");
    // "officials accused of playing a role", "two men charged with murder": an accusation or legal act whose
    // participle follows its subject straight into "of" or "with", with no object between, is passive too.
    let charge_without_object = || {
        let next = cx.tokens.get(trigger.start + 1).map(|t| t.folded.as_str());
        // The subject's head may lie outside the mention: "two Kenyan men charged with".
        let right_after_subject = cands.describing(cx, trigger.start, clause.start) == source.last().copied();
        matches!(code_root, "11" | "17") && right_after_subject && matches!(next, Some("of" | "with"))
    };
    // "by gunmen", "by the Islamic State group": an agent after "by", with at most one word between; or
    // after a partitive ("by members of the Taliban", "by three divisions of Iranian Revolutionary Guards").
    let after_by = |start: usize| {
        let words = |k: usize| matches!(cx.tokens[k].kind, dyad_text::Kind::Word | dyad_text::Kind::Number);
        let partitive_by = |of: usize| (of.saturating_sub(PARTITIVE_REACH)..of).rev().take_while(|&k| words(k)).any(|k| word(k) == "by");
        let of = match start.checked_sub(1).map(word) {
            Some("of") => Some(start - 1),
            Some("the" | "a" | "an") if start > 1 && word(start - 2) == "of" => Some(start - 2),
            _ => None,
        };
        start > 0 && word(start - 1) == "by" || start > 1 && word(start - 2) == "by" || of.is_some_and(partitive_by)
    };
    let passive = source_rule == "subject"
        && !source.is_empty()
        && participle(cx, trigger.start)
        && ((!adjectival && (trigger.start.saturating_sub(3).max(cands.range(*source.last().unwrap()).end)..trigger.start).any(be)) || charge_without_object());
    // "Guzman survived an assassination attempt", "the convoy came under fire": the subject of a verb of
    // suffering is the one the act its object names was done to, as in the passive. The trigger must be
    // that verb's object: at most two words between, neither a preposition ("rebels who escaped from
    // prison attacked" keeps its attackers).
    let suffered = source_rule == "subject"
        && source.last().is_some_and(|&s| {
            (cands.range(s).end.max(trigger.start.saturating_sub(3))..trigger.start).any(|k| {
                (word(k) == "under" || SUFFERED.iter().any(|w| word(k).starts_with(w)))
                    && cx.tokens[k + 1..trigger.start].iter().all(|t| t.kind == dyad_text::Kind::Word && !PREPOSITIONS.contains(&t.folded.as_str()))
            })
        });
    if passive || suffered {
        let agent = right.iter().copied().find(|&i| after_by(cands.range(i).start));
        let agents = agent.map(|a| group_right(cx, cands, &right, a)).unwrap_or_default();
        target = std::mem::replace(&mut source, agents);
        source_rule = "passive: by-agent";
        target_rule = if passive { "passive: subject" } else { "subject suffered the act" };
    } else if source.is_empty() && target.first().is_some_and(|&t| after_by(cands.range(t).start)) {
        // "the arrest of X by police": the by-phrase of a noun is its agent. With a subject, it is the
        // agent of the object ("violated a ban by the general", "condemned the attack by Israel"): the target.
        let by = target.remove(0);
        source = vec![by];
        source_rule = "by-agent of noun";
        target = right.iter().copied().filter(|&i| i != by).take(1).collect();
    }

    // "the journalist's arrest", "Suu Kyi's release by the junta": the possessor of an act done to people
    // is the one it was done to, and its agent, if any, follows "by".
    if possessor_is_patient(cx, &trigger, cameo) {
        if let Some(&possessor) = cands.indices.iter().find(|&&i| cands.range(i).end + 1 == trigger.start) {
            target = vec![possessor];
            target_rule = "possessor of the act";
            source = right.iter().copied().find(|&i| after_by(cands.range(i).start)).into_iter().collect();
            source_rule = "by-agent of noun";
        }
    }

    // "withdrew some forces from Panama": forces with no country of their own, after a subject of the
    // country the story gave them, are the subject's own; a country they act in or from is the target.
    if let (Some(&s), Some(&t)) = (source.first(), target.first()) {
        let (subject, object) = (&cands.mentions.actors[s], &cands.mentions.actors[t]);
        let own = object.kind == MentionKind::Group
            && object.actor.sector.as_deref() == Some("MIL")
            && object.actor.country_from.as_deref() == Some("document") && object.actor.country == subject.actor.country;
        if let Some(&place) = right.iter().find(|&&i| own && i != t && located(i) && cands.mentions.actors[i].kind == MentionKind::Country) {
            target = vec![place];
            target_rule = "place of the subject's own forces";
        }
    }

    // "urged Chile to withdraw its ambassador", "is asking Obama to help Iran": in an appeal or demand
    // whose pattern runs on to the act asked for, the actor between the verb and "to" is the one asked;
    // in the passive ("was pressured by Congress to", "is under pressure from Congress to") the actor after "by"
    // or "from" is the one asking, the subject the one asked.
    if matches!(code_root, "02" | "10") {
        if let Some(to) = (trigger.start + 1..trigger.end).find(|&k| word(k) == "to") {
            let between = |i: &usize| {
                let r = cands.range(*i);
                r.start > trigger.start && r.end <= to && !source.contains(i)
            };
            let agent_word = |k: usize| matches!(word(k), "by" | "from");
            let by_agent = |i: &usize| {
                let start = cands.range(*i).start;
                agent_word(start - 1) || start > trigger.start + 1 && agent_word(start - 2)
            };
            if let Some(agent) = cands.indices.iter().copied().filter(between).find(by_agent) {
                // The passive test above found no agent after the trigger: the subject may still be the source.
                let subject = std::mem::replace(&mut source, vec![agent]);
                source_rule = "passive: by-agent";
                if !subject.is_empty() {
                    (target, target_rule) = (subject, "passive: subject");
                }
            } else if let Some(i) = cands.indices.iter().copied().find(between) {
                target = vec![i];
                target_rule = "addressee of the appeal";
            }
        }
    }

    // "give Tanzania a grant", "accused the United States of", "intercepted 20 smugglers": a named actor
    // inside the trigger, after its first word, or a group that is not a state's agents, is the one acted
    // on. A state's agents there are its means ("deploy troops", "recall its ambassador").
    // Either beats a place found after the trigger ("intercepted smugglers in Palermo").
    if (target.is_empty() || target_rule == PLACE_TARGET) && !source.is_empty() {
        // An unknown name ending the trigger is the pattern's own noun in capitals ("exploded an
        // Improvised Explosive Device"), not someone acted on.
        let inside = cands.indices.iter().copied().find(|&i| {
            let r = cands.range(i);
            r.start > trigger.start
                && r.end <= trigger.end
                && !(r.end == trigger.end && cands.mentions.actors[i].kind == MentionKind::Name)
                && (cands.mentions.actors[i].kind != MentionKind::Group || acted_on(cands, i))
                && !source.contains(&i)
        });
        if let Some(i) = inside {
            target = vec![i];
            target_rule = "actor inside the trigger";
        }
    }

    // "Obama and Putin will meet in Zurich", "Brazil and the United States deepened their partnership":
    // a mutual act of coordinated subjects with no one else as its object is between them.
    let mutual = matches!(code_root, "04" | "06") || cameo.starts_with("057");
    if mutual && source.len() >= 2 && source_rule == "subject" && (target.is_empty() || target_rule == PLACE_TARGET) {
        target = source.split_off(1);
        target_rule = "coordinated partner of a mutual act";
    }

    // An actor cannot act on itself through one mention.
    target.retain(|t| !source.contains(t));
    if source.is_empty() {
        source_rule = "none";
    }
    if target.is_empty() {
        target_rule = NO_TARGET;
    }
    Roles { sources: source, targets: target, source_rule, target_rule }
}

/// How far after a modifying participle its by-agent may stand: "people evacuated from Haiti by the U.S.".
const AGENT_REACH: usize = 5;

/// The roles of a participle modifying a noun ("victims killed by gunmen", "Iranian guards abducted by
/// terrorists"): its agent after "by", if any, is the source, and an actor naming the noun ("Iranian") the
/// target; the subject of the main clause is neither.
pub(crate) fn of_participle(cx: &Tokens, cands: &Candidates, trigger: Range<usize>, clause: Range<usize>) -> Roles {
    let agent = cands.indices.iter().copied().find(|&i| {
        let r = cands.range(i);
        r.start > trigger.end && r.end <= clause.end && r.start - trigger.end <= AGENT_REACH && (trigger.end..r.start).any(|k| cx.tokens[k].folded == "by")
    });
    let (sources, targets): (Vec<usize>, Vec<usize>) = (agent.into_iter().collect(), cands.describing(cx, trigger.start, clause.start).into_iter().collect());
    let source_rule = if sources.is_empty() { "none" } else { "by-agent of a participle" };
    let target_rule = if targets.is_empty() { NO_TARGET } else { "noun the participle describes" };
    Roles { sources, targets, source_rule, target_rule }
}

/// The mention at `i` and the mentions coordinated with it to its left ("A and B", "A, B and C"),
/// including those that share its head ("U.S. and Mexican agencies"). Walking left from a list's last
/// member, the first link must be "and" or "or": "The commander in Iraq, General Petraeus," is one actor.
/// Prepositions that put a mention inside another's noun phrase rather than make it the phrase's head
/// ("for" and "from" name whom a speaker speaks for: "a spokesman for the army").
const PHRASE_PREPOSITIONS: &[&str] = &["to", "in", "at", "near", "on", "with"];
/// How many words may stand between "by" and the "of" of a partitive agent ("by suspected members of").
const PARTITIVE_REACH: usize = 4;

/// How many words may stand between an earlier mention and the preposition after it.
const PHRASE_GAP: usize = 3;

/// The head of the noun phrase mention `i` ends: "Eritrea's ambassador" in "Eritrea's ambassador to
/// the African Union said", "officials" in "military officials in Colombo claimed they". A mention after
/// one of [`PHRASE_PREPOSITIONS`] gives way to a mention just before the preposition, from `floor` on.
pub(crate) fn head_of_phrase(cx: &Tokens, mentions: &Mentions, floor: usize, mut i: usize) -> usize {
    loop {
        // The preposition before the mention, skipping an article.
        let mut k = mentions.actors[i].tokens.start;
        while k > floor && matches!(cx.tokens[k - 1].folded.as_str(), "the" | "a" | "an") {
            k -= 1;
        }
        if k <= floor || !PHRASE_PREPOSITIONS.contains(&cx.tokens[k - 1].folded.as_str()) {
            return i;
        }
        let preposition = k - 1;
        let earlier = mentions.within(floor..preposition).filter(|(_, e)| {
            preposition - e.tokens.end <= PHRASE_GAP && !cx.tokens[e.tokens.end..preposition].iter().any(|t| t.kind == dyad_text::Kind::Punct)
        });
        match earlier.last() {
            Some((e, _)) => i = e,
            None => return i,
        }
    }
}

fn group_left(cx: &Tokens, cands: &Candidates, left: &[usize], i: usize) -> Vec<usize> {
    let mut group = vec![i];
    let mut current = cands.range(i);
    let mut listed = false;
    for &j in left.iter().rev() {
        if j == i || group.len() >= MAX_GROUP {
            continue;
        }
        let r = cands.range(j);
        if r.end == current.end && r.start < current.start && !shares_head(cx, &r, &current) {
            // "President Askar Akayev" around "Askar Akayev": the same person, named in full.
            group[0] = j;
            current = r;
            continue;
        }
        let link = (r.end <= current.start).then(|| link(cx, r.end, current.start)).flatten();
        if shares_head(cx, &r, &current) || link == Some(Link::Conjunction) || (listed && link == Some(Link::Comma)) {
            listed |= link == Some(Link::Conjunction);
            group.insert(0, j);
            current = r;
        }
    }
    group
}

/// The mention at `i` and those coordinated with it to its right; members joined only by commas
/// count when an "and" or "or" closes the list ("Russia, China and Iran"), not before an apposition.
fn group_right(cx: &Tokens, cands: &Candidates, right: &[usize], i: usize) -> Vec<usize> {
    let mut group = vec![i];
    let mut current = cands.range(i);
    let mut closed = 1;
    for &j in right {
        if j == i || group.len() >= MAX_GROUP {
            continue;
        }
        let r = cands.range(j);
        let link = (r.start >= current.end).then(|| link(cx, current.end, r.start)).flatten();
        if shares_head(cx, &current, &r) || link.is_some() {
            group.push(j);
            current = r;
            if link != Some(Link::Comma) {
                closed = group.len();
            }
        }
    }
    group.truncate(closed);
    group
}

/// "U.S. and Mexican agencies": a mention nested at the end of a longer one is a second actor sharing
/// its head only when a coordinator comes before it; in "President Askar Akayev" the name is the same person.
fn shares_head(cx: &Tokens, outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.end == inner.end && outer.start < inner.start && cx.tokens[outer.start..inner.start].iter().any(|t| matches!(t.folded.as_str(), "and" | "or" | ","))
}

/// What joins two coordinated mentions.
#[derive(Clone, Copy, PartialEq)]
enum Link {
    Conjunction,
    Comma,
}

fn link(cx: &Tokens, end: usize, next: usize) -> Option<Link> {
    let between: Vec<&str> = cx.tokens[end..next].iter().map(|t| t.folded.as_str()).collect();
    match between.as_slice() {
        ["and"] | ["and", "the"] | [",", "and"] | [",", "and", "the"] | ["or"] => Some(Link::Conjunction),
        [","] => Some(Link::Comma),
        _ => None,
    }
}

trait Overlap {
    fn overlaps_any(&self, other: &Range<usize>) -> bool;
}

impl Overlap for Range<usize> {
    fn overlaps_any(&self, other: &Range<usize>) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A past participle: "killed", "taken", "held" (an irregular form of a lexicon verb), but not "expressing",
/// "meets" or "deepen" (a base form ending in -en: "are seeking to deepen").
fn participle(cx: &Tokens, i: usize) -> bool {
    let w = cx.tokens[i].folded.as_str();
    w.ends_with("ed") || (!w.ends_with("ing") && !w.ends_with('s') && !cx.lemmas(i).is_empty())
}
