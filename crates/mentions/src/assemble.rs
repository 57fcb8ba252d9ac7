//! Assembling lexicon hits in one sentence into actor mentions.
//!
//! The lexicon marks the pieces: country words (names, demonyms, capitals),
//! agent nouns, titles, organisations and outlets. This module combines them the
//! way English noun phrases do: `[country (and country)*] [adjectives] head`,
//! `title Name`, `Country's head`, and `head of Country`.

use std::ops::Range;
use std::sync::LazyLock;

use dyad_core::Actor;
use dyad_lexicon::{ActorEntry, ActorKind, Lexicon, Office, Tokens};
use dyad_text::{Case, Kind};
use rustc_hash::FxHashSet;

use crate::{actor_at, ActorMention, MentionKind};

/// Words that never belong to a person's name or an adjective gap.
const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that", "which",
    "who", "whom", "whose", "said", "says", "say", "told", "tells", "has", "have", "had", "was", "were", "is", "are",
    "be", "been", "will", "would", "could", "may", "might", "can", "should", "did", "does", "do", "not", "also",
    "on", "but", "it", "its", "he", "she", "they", "his", "her", "their", "this", "these", "those", "after", "before",
    "during", "when", "while", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tomorrow", "last", "next", "here", "there", "than", "then", "if", "into", "over", "against",
];

/// The word lists as sets: they are probed for most capitalised tokens.
static STOP: LazyLock<FxHashSet<&str>> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());
static NOT_NAMES: LazyLock<FxHashSet<&str>> = LazyLock::new(|| NOT_NAME_WORDS.iter().copied().collect());

/// Particles allowed inside names ("Luiz Inácio Lula da Silva", "Mohammed bin Salman").
const NAME_PARTICLES: &[&str] = &["de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "al", "el", "bin", "ben", "ibn", "van", "von", "der", "den"];

const MAX_NAME_TOKENS: usize = 4;
const MAX_ADJECTIVE_GAP: usize = 2;

#[derive(Clone, Copy)]
struct Piece<'l> {
    range: (usize, usize),
    entry: &'l ActorEntry,
    /// Every lexicon entry for the phrase ("foreign minister" is a title and a noun).
    all: &'l [ActorEntry],
}

impl Piece<'_> {
    fn kind(&self) -> ActorKind {
        self.entry.kind
    }
    fn is_country_word(&self) -> bool {
        matches!(self.kind(), ActorKind::CountryName | ActorKind::Demonym | ActorKind::Capital)
    }
    fn is_head(&self) -> bool {
        matches!(self.kind(), ActorKind::Noun | ActorKind::Title | ActorKind::Org | ActorKind::Person)
    }
}

/// Preference when one phrase has several lexicon entries.
fn rank(kind: ActorKind) -> u8 {
    match kind {
        ActorKind::Org => 0,
        ActorKind::Person => 1,
        ActorKind::CountryName => 2,
        ActorKind::Demonym => 3,
        ActorKind::Capital => 4,
        ActorKind::Title => 5,
        ActorKind::Noun => 6,
        ActorKind::Outlet => 7,
        ActorKind::Ignore => 8,
        ActorKind::Currency => 9,
    }
}

/// The lexicon's actor words in `range`, and the words in it that name money ("Colombian pesos", "Dlr").
fn pieces<'l>(cx: &Tokens, lexicon: &'l Lexicon, all_caps: bool, range: Range<usize>) -> (Vec<Piece<'l>>, Vec<Range<usize>>) {
    let found = lexicon.actors.find_all(cx, range);
    // A capitalised currency word is money only after a country word ("U.S. Dollar"): "Bolivar", "Sol"
    // and "Pound" are also places and people.
    let is_country_word = |m: &dyad_lexicon::Match<ActorEntry>| m.values.iter().any(|e| matches!(e.kind, ActorKind::CountryName | ActorKind::Demonym));
    let is_currency = |k: usize| {
        let m = &found[k];
        m.values.iter().any(|e| e.kind == ActorKind::Currency)
            && (cx.tokens[m.start].case == Case::Lower || k.checked_sub(1).is_some_and(|j| found[j].end == m.start && is_country_word(&found[j])))
    };
    let mut money = Vec::new();
    let pieces = found
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            // In ALL-CAPS text a case-sensitive entry ("US") cannot be told from the common word.
            let entry = m.values.iter().filter(|e| !(all_caps && e.case_sensitive)).min_by_key(|e| rank(e.kind))?;
            if entry.kind == ActorKind::Currency && is_currency(k) {
                money.push(m.range());
            }
            if matches!(entry.kind, ActorKind::Ignore | ActorKind::Currency) {
                return None;
            }
            // "Colombian pesos", "U.S. dlrs": a country word naming money is no actor.
            if found.get(k + 1).is_some_and(|next| next.start == m.end && is_currency(k + 1)) && matches!(entry.kind, ActorKind::CountryName | ActorKind::Demonym) {
                money.push(m.range());
                return None;
            }
            // Lower-case words that are names only when capitalised ("turkey", "chad") need a capital in mixed-case text.
            let first = &cx.tokens[m.start];
            let proper = matches!(entry.kind, ActorKind::CountryName | ActorKind::Demonym | ActorKind::Capital | ActorKind::Org | ActorKind::Outlet | ActorKind::Person);
            if proper && !all_caps && first.case == Case::Lower && first.folded.chars().all(|c| c.is_alphabetic()) {
                return None;
            }
            Some(Piece { range: (m.start, m.end), entry, all: m.values })
        })
        .collect();
    (pieces, money)
}

/// What every function here needs to know about the document.
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub cx: &'a Tokens<'a>,
    pub lexicon: &'a Lexicon,
    pub all_caps: bool,
    /// Publication date (`YYYY-MM-DD`), which decides which office a named person held.
    pub date: Option<&'a str>,
}

pub(crate) fn sentence(scope: Scope, range: Range<usize>, index: usize) -> Vec<ActorMention> {
    let Scope { cx, lexicon, all_caps, .. } = scope;
    let (pieces, money) = pieces(cx, lexicon, all_caps, range.clone());
    let mut out: Vec<ActorMention> = Vec::new();
    let mut p = 0;
    while p < pieces.len() {
        // A run of country words joined by "and", "or" or commas: "U.S. and Mexican", "Hungarian and Romanian".
        let mut modifiers = vec![pieces[p]];
        let mut q = p + 1;
        if pieces[p].is_country_word() {
            while q < pieces.len() && pieces[q].is_country_word() && joined(cx, modifiers.last().unwrap().range.1, pieces[q].range.0) {
                modifiers.push(pieces[q]);
                q += 1;
            }
        }
        // A named organisation before an agent noun owns it: "UN troops", "Hezbollah guerrillas".
        let org_modifier = pieces[p].kind() == ActorKind::Org
            && q < pieces.len()
            && pieces[q].kind() == ActorKind::Noun
            && pieces[q].range.0 == pieces[p].range.1;
        let head = ((pieces[p].is_country_word() || org_modifier) && q < pieces.len() && pieces[q].is_head())
            .then(|| pieces[q])
            .filter(|h| org_modifier || modifies(cx, *modifiers.last().unwrap(), h.range.0))
            .filter(|h| !names_what_is_given(cx, lexicon, range.end, *modifiers.last().unwrap(), *h));
        match head {
            Some(head) => {
                for m in &modifiers {
                    out.extend(headed(scope, range.end, Some(*m), head, index));
                }
                // Each modifier shares the head; the first mention spans the whole phrase for evidence.
                q += 1;
            }
            // "Bosnian Serbs", "Kosovo Albanians": a people named by where they live.
            None if modifiers.len() == 1 && q < pieces.len() && resident_people(cx, pieces[p], pieces[q]) => {
                let mut people = country_only(cx, pieces[p], index);
                people.tokens.end = pieces[q].range.1;
                people.actor = actor_at(cx.text, cx, people.tokens.clone());
                (people.actor.country, people.actor.sector) = (pieces[p].entry.country.clone(), Some("CVL".into()));
                out.push(people);
                q += 1;
            }
            None if pieces[p].is_country_word() => {
                for m in &modifiers {
                    out.push(country_only(cx, *m, index));
                }
            }
            None => out.extend(headed(scope, range.end, None, pieces[p], index)),
        }
        p = q;
    }
    if !all_caps {
        unknown_names(cx, lexicon, &range, index, &money, &mut out);
    }
    merge_of_phrases(cx, &mut out);
    ethnic_groups(cx, range.start, &mut out);
    out
}

/// A country word right before a plural demonym names where that people lives ("Bosnian Serbs" are
/// Bosnia's). Where the pair names one nationality ("Turkish Cypriots"), the lexicon has the phrase.
fn resident_people(cx: &Tokens, place: Piece, people: Piece) -> bool {
    place.is_country_word()
        && people.kind() == ActorKind::Demonym
        && people.range.0 == place.range.1
        && cx.tokens[people.range.1 - 1].folded.ends_with('s')
}

/// "ethnic Albanians", "ethnic Albanian guerrillas": the demonym names a people, not a state, so
/// the mention keeps only its role and takes the country the story is about, as CAMEO codes
/// ethnic groups by where they live.
fn ethnic_groups(cx: &Tokens, sentence_start: usize, out: &mut [ActorMention]) {
    for m in out.iter_mut() {
        let start = m.tokens.start;
        if start == sentence_start || cx.tokens[start - 1].folded != "ethnic" || !matches!(m.kind, MentionKind::Country | MentionKind::Group) {
            continue;
        }
        m.tokens.start = start - 1;
        let sector = m.actor.sector.take().or(Some("CVL".into()));
        m.actor = actor_at(cx.text, cx, m.tokens.clone());
        m.actor.sector = sector;
        m.kind = MentionKind::Group;
    }
}

/// Words that are capitalised for other reasons: the first person, sentence openers, days, months.
const NOT_NAME_WORDS: &[&str] = &[
    "i", "i've", "i'm", "i'd", "i'll", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "mr", "mrs", "ms", "dr", "according", "meanwhile", "however", "earlier", "later", "under", "until",
    "since", "despite", "although", "while", "what", "why", "how", "where", "who", "both", "all", "some", "many",
    "several", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "such", "other", "another", "each", "most", "more", "no", "yes",
    "critics", "supporters", "analysts", "officials", "sources", "police", "protesters", "residents", "separately",
    "hundreds", "thousands", "dozens", "scores", "tens", "millions", "few", "amid", "among", "without", "within",
    "our", "my", "your", "we", "you", "there", "here", "now", "also", "even", "still", "just", "once", "again",
    "so", "nearly", "almost", "about", "around", "roughly", "approximately", "only", "thus", "yet", "instead", "indeed",
    "recently", "currently", "previously", "finally", "initially", "eventually", "subsequently", "moreover", "overall",
];

/// Endings of hyphenated words that name where a thing was made.
const MADE_BY: &[&str] = &["-made", "-built", "-designed", "-manufactured", "-produced", "-supplied"];

/// Capitalised words the lexicon does not know, standing where an actor would: unknown states, groups,
/// people and parties ("Arnor", "Tanashicho"). In ALL-CAPS text capitals say nothing, so this is skipped.
fn unknown_names(cx: &Tokens, lexicon: &Lexicon, range: &Range<usize>, sentence: usize, money: &[Range<usize>], out: &mut Vec<ActorMention>) {
    let sentence_is_caps = cx.tokens[range.clone()].iter().filter(|t| t.kind == Kind::Word).all(|t| t.case != Case::Lower);
    if sentence_is_caps {
        return;
    }
    // In a headline set in title case, with no full stop ("Guatemala Sees 3 Bus Drivers Murdered in Single
    // Day"), capitals say little: its common words are no names. Prose full of names keeps them.
    let headline = std::cell::OnceCell::new();
    let headline = || *headline.get_or_init(|| dyad_text::title_case(&cx.tokens[range.clone()]) && !dyad_text::final_mark(&cx.tokens[range.clone()]).is_some_and(|t| t.is_punct(".")));
    let mut covered = vec![false; range.len()];
    for tokens in out.iter().map(|m| &m.tokens).chain(money) {
        for k in tokens.clone() {
            if range.contains(&k) {
                covered[k - range.start] = true;
            }
        }
    }
    let is_name = |k: usize| {
        let t = &cx.tokens[k];
        t.kind == Kind::Word
            && matches!(t.case, Case::Title | Case::Other | Case::Upper)
            && t.folded.chars().next().is_some_and(char::is_alphabetic)
            // A lone letter is an initial or a list marker ("<L>"), not a name.
            && t.folded.chars().nth(1).is_some()
            && !covered[k - range.start]
            && !STOP.contains(&t.folded.as_str())
            && !NOT_NAMES.contains(&t.folded.as_str())
            // "Russian-made rockets", "Iranian-built drones": where a weapon comes from, not who acts.
            && !MADE_BY.iter().any(|s| t.folded.ends_with(s))
            && cx.lemmas(k).is_empty()
            && lexicon.triggers.longest_at(cx, k, k + 1).is_none()
            && lexicon.cues.longest_at(cx, k, k + 1).is_none()
            && !(headline() && lexicon.common_words.contains(&t.folded))
    };
    // Runs of names, each token tested once.
    let mut found = Vec::new();
    let mut run: Option<usize> = None;
    for k in range.clone() {
        match (is_name(k), run) {
            (true, None) => run = Some(k),
            (false, Some(start)) => {
                found.push(start..k);
                run = None;
            }
            _ => {}
        }
    }
    found.extend(run.map(|start| start..range.end));
    // A capital on a sentence's first word says nothing: "Shipments declined", "Between 2010 and 2015"
    // open with common words, which are no names; "Following Sandner's arrest" keeps the name after one.
    let first_word = cx.tokens[range.clone()].iter().position(|t| t.kind == Kind::Word).map(|k| range.start + k);
    let opens_run = |k: usize| found.first().is_some_and(|r| r.start == k);
    // So does an adverb set off by a comma ("Additionally, ...").
    let adverb = |k: usize| cx.tokens[k].folded.ends_with("ly") && cx.tokens.get(k + 1).is_some_and(|t| t.is_punct(","));
    if let Some(first) = first_word.filter(|&k| opens_run(k) && (lexicon.common_words.contains(&cx.tokens[k].folded) || adverb(k))) {
        found.retain_mut(|r| {
            if r.start == first {
                r.start += 1;
            }
            r.start < r.end
        });
    }
    for r in found {
        let mut actor = actor_at(cx.text, cx, r.clone());
        actor.name = Some(actor.text.clone());
        out.push(ActorMention { head: r.end - 1, tokens: r, kind: MentionKind::Name, actor, sentence });
    }
    out.sort_by_key(|m| m.tokens.start);
}

/// Are two country words joined as a list ("U.S. and Mexican", "Brazil and the United States")?
fn joined(cx: &Tokens, end: usize, next: usize) -> bool {
    let between: Vec<&str> = cx.tokens[end..next].iter().map(|t| t.folded.as_str()).collect();
    matches!(between.as_slice(), ["and"] | ["or"] | [","] | ["and", "the"] | [",", "and"] | ["or", "the"])
}

/// "gave Syria military aid": after a verb whose trigger runs on past the agent noun ("give * military aid"),
/// a country name is the one given to and the noun describes what is given, so they are no group.
/// A demonym ("gave Syrian rebels weapons") or a determiner ("the Syria military chief") keeps the group.
fn names_what_is_given(cx: &Tokens, lexicon: &Lexicon, sentence_end: usize, country: Piece, head: Piece) -> bool {
    country.kind() == ActorKind::CountryName
        && country.range.0 > 0
        && lexicon.triggers.longest_at(cx, country.range.0 - 1, sentence_end).is_some_and(|t| t.end > head.range.1)
}

/// Does a country word modify the head starting at `head_start`? Demonyms allow adjectives in between.
fn modifies(cx: &Tokens, modifier: Piece, head_start: usize) -> bool {
    let (end, kind) = (modifier.range.1, modifier.kind());
    let gap = &cx.tokens[end..head_start];
    if gap.is_empty() {
        return true;
    }
    if gap.len() == 1 && gap[0].folded.starts_with('\'') && gap[0].folded.ends_with('s') {
        return true; // "Mexico's army"
    }
    kind == ActorKind::Demonym && adjectives(cx, end..head_start)
}

/// Can these tokens be adjectives before a head noun ("Mexican drug cartels")? Not verbs, participles or function words.
fn adjectives(cx: &Tokens, gap: Range<usize>) -> bool {
    gap.len() <= MAX_ADJECTIVE_GAP
        && gap.clone().all(|k| {
            let t = &cx.tokens[k];
            t.kind == Kind::Word && !STOP.contains(&t.folded.as_str()) && !t.folded.ends_with("ed") && cx.lemmas(k).is_empty() && !t.is_punct("'s")
        })
}

fn country_only(cx: &Tokens, piece: Piece, sentence: usize) -> ActorMention {
    let mut actor = actor_at(cx.text, cx, piece.range.0..piece.range.1);
    actor.country = piece.entry.country.clone();
    actor.sector = piece.entry.sector.clone();
    // A plural demonym names a people, not a state: "arrested 100 Palestinians", "deported 168 Liberians".
    let last = &cx.tokens[piece.range.1 - 1].folded;
    if piece.kind() == ActorKind::Demonym && last.ends_with('s') && !piece.entry.phrase.to_lowercase().ends_with("ss") {
        actor.sector = Some("CVL".into());
    }
    ActorMention { tokens: piece.range.0..piece.range.1, head: piece.range.0, kind: MentionKind::Country, actor, sentence }
}

/// A mention built around a head (agent noun, title or organisation), with an optional country modifier.
/// A bare title with neither name nor country is kept only when written as a title ("the President said"),
/// not as a common word ("a major escalation", "general strike").
fn headed(scope: Scope, limit: usize, modifier: Option<Piece>, head: Piece, sentence: usize) -> Option<ActorMention> {
    let Scope { cx, lexicon, all_caps, date } = scope;
    let start = modifier.map_or(head.range.0, |m| m.range.0);
    let mut end = head.range.1;
    let mut entry = head.entry;
    let mut kind = match entry.kind {
        ActorKind::Org => MentionKind::Org,
        ActorKind::Outlet => MentionKind::Outlet,
        ActorKind::Title => MentionKind::Title,
        ActorKind::Person => MentionKind::Person,
        _ => MentionKind::Group,
    };
    let mut name = None;
    // A person the lexicon knows, alone or after a title: "Obama", "President Barack Obama".
    let mut known = (entry.kind == ActorKind::Person).then_some(head.all);
    if entry.kind == ActorKind::Title {
        if let Some(person) = known_person(cx, lexicon, head.range.1, limit) {
            end = person.end;
            known = Some(person.values);
            kind = MentionKind::Person;
        } else if let Some(name_range) = person_name(cx, lexicon, all_caps, head.range.1, limit) {
            name = Some(tokens_text(cx, name_range.clone()));
            end = name_range.end;
            kind = MentionKind::Person;
        } else if modifier.is_none() {
            let first = &cx.tokens[head.range.0];
            let single = head.range.1 - head.range.0 == 1;
            if (all_caps && single) || (!all_caps && !first.is_capitalized()) {
                // Not written as a title: the same words may still be an agent noun ("the foreign minister").
                entry = head.all.iter().find(|e| e.kind == ActorKind::Noun)?;
                kind = MentionKind::Group;
            }
        }
    }
    let mut actor: Actor = actor_at(cx.text, cx, start..end);
    // A stated country beats an organisation's usual one: "Chile's Defense Department" is not the Pentagon.
    let stated = modifier.filter(|m| m.is_country_word()).and_then(|m| m.entry.country.clone());
    actor.country = stated.clone().or_else(|| entry.country.clone()).or_else(|| modifier.and_then(|m| m.entry.country.clone()));
    actor.sector = entry.sector.clone();
    actor.code = entry.code.clone().filter(|_| stated.is_none() || stated == entry.country);
    actor.name = name.or_else(|| (kind == MentionKind::Org).then(|| entry.phrase.clone()));
    if let Some(org) = modifier.filter(|m| m.kind() == ActorKind::Org) {
        if org.entry.sector.as_deref() == Some("IGO") {
            // "UN troops": the body's code with the noun's role (IGOUNOMIL).
            actor.code = org.entry.code.as_ref().map(|c| format!("{c}{}", entry.sector.as_deref().unwrap_or("")));
        } else {
            // "Hezbollah guerrillas", "Pentagon officials": the organisation is who they are.
            (actor.sector, actor.code) = (org.entry.sector.clone(), org.entry.code.clone());
        }
        actor.name = Some(org.entry.phrase.clone());
    }
    if let Some((person, office)) = known.and_then(|all| person_on(all, date, entry.sector.as_deref())) {
        actor.name = Some(person.phrase.clone());
        actor.country = office.country.clone().or(actor.country);
        (actor.sector, actor.code) = match office_status(office, date) {
            Tenure::Held => (office.sector.clone(), office.code.clone()),
            // A former official: CAMEO's elites.
            Tenure::Ended => (Some("ELI".into()), None),
            // Known before any office we list: a country, no role yet.
            Tenure::NotYet => (None, None),
        };
    }
    let head_token = if kind == MentionKind::Person { end - 1 } else { head.range.0 };
    Some(ActorMention { tokens: start..end, head: head_token, kind, actor, sentence })
}

/// A person from `data/actors/people.tsv` right after a title ("President Barack Obama", "Gen. Gerasimov").
fn known_person<'l>(cx: &Tokens, lexicon: &'l Lexicon, mut from: usize, limit: usize) -> Option<dyad_lexicon::Match<'l, ActorEntry>> {
    if from < limit && cx.tokens[from].is_punct(".") {
        from += 1;
    }
    (from < limit).then(|| lexicon.actors.longest_at(cx, from, limit)).flatten().filter(|m| m.values.iter().any(|e| e.kind == ActorKind::Person))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tenure {
    Held,
    Ended,
    NotYet,
}

fn office_status(office: &Office, date: Option<&str>) -> Tenure {
    match date {
        None => Tenure::Held,
        Some(d) if office.held_on(d) => Tenure::Held,
        Some(d) if office.from.as_str() > d => Tenure::NotYet,
        Some(_) => Tenure::Ended,
    }
}

/// Which person a name means and which of their offices applies on the report's date: the office held
/// then; else the last one already over (the person is now a former official); else the first. With no
/// date, the latest office in the sector of the title before the name ("Prime Minister Tony Blair" is
/// not the later envoy), else the latest listed. Two people with one name are told apart by who held office then.
fn person_on<'l>(all: &'l [ActorEntry], date: Option<&str>, title_sector: Option<&str>) -> Option<(&'l ActorEntry, &'l Office)> {
    let people = || all.iter().filter(|e| e.kind == ActorKind::Person);
    let Some(date) = date else {
        let latest = |titled: bool| {
            people().find_map(|p| p.offices.iter().filter(|o| !titled || o.sector.as_deref() == title_sector).max_by(|a, b| a.from.cmp(&b.from)).map(|o| (p, o)))
        };
        return title_sector.and_then(|_| latest(true)).or_else(|| latest(false));
    };
    let held = people().find_map(|p| p.offices.iter().find(|o| o.held_on(date)).map(|o| (p, o)));
    let ended = || people().find_map(|p| p.offices.iter().filter(|o| o.from.as_str() <= date).max_by(|a, b| a.from.cmp(&b.from)).map(|o| (p, o)));
    let first = || people().find_map(|p| p.offices.iter().min_by(|a, b| a.from.cmp(&b.from)).map(|o| (p, o)));
    held.or_else(ended).or_else(first)
}

/// The capitalised name after a title ("President Claudia Sheinbaum", "Gen. Ruiz").
fn person_name(cx: &Tokens, lexicon: &Lexicon, all_caps: bool, mut from: usize, limit: usize) -> Option<Range<usize>> {
    if from < limit && cx.tokens[from].is_punct(".") {
        from += 1;
    }
    let mut end = from;
    while end < limit && end - from < MAX_NAME_TOKENS {
        let t = &cx.tokens[end];
        let particle = NAME_PARTICLES.contains(&t.folded.as_str()) && end > from && end + 1 < limit && cx.tokens[end + 1].is_capitalized();
        let capital = t.kind == Kind::Word && (t.is_capitalized() || t.case == Case::Other && t.folded.chars().next().is_some_and(char::is_alphabetic));
        let initial = t.is_punct(".") && end > from && cx.tokens[end - 1].folded.chars().count() == 1;
        let blocked = STOP.contains(&t.folded.as_str())
            || !cx.lemmas(end).is_empty()
            // A lexicon word ends the name, unless it is itself a name ("Ana Duarte" is not Napoleon Duarte).
            || lexicon.actors.longest_at(cx, end, limit).is_some_and(|m| m.values.iter().any(|e| e.kind != ActorKind::Person))
            || (all_caps && end - from >= 3);
        if !(particle || initial || (capital && !blocked)) {
            break;
        }
        end += 1;
    }
    (end > from).then_some(from..end)
}

fn tokens_text(cx: &Tokens, range: Range<usize>) -> String {
    cx.text[cx.tokens[range.start].span.start..cx.tokens[range.end - 1].span.end].to_string()
}

/// "the government of Mexico", "the administration of President X": the head takes the country and name of what follows "of";
/// neighbouring mentions that describe one another (possessives, appositives, "activists in Arnor") are joined the same way.
fn merge_of_phrases(cx: &Tokens, out: &mut Vec<ActorMention>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let of_between = a.tokens.end <= b.tokens.start && {
            let between: Vec<&str> = cx.tokens[a.tokens.end..b.tokens.start].iter().map(|t| t.folded.as_str()).collect();
            matches!(between.as_slice(), ["of"] | ["of", "the"])
        };
        let mergeable = of_between
            && matches!(a.kind, MentionKind::Group | MentionKind::Title)
            && a.actor.country.is_none()
            && matches!(b.kind, MentionKind::Country | MentionKind::Person | MentionKind::Org | MentionKind::Name);
        // "Arnor's foreign minister": an unknown name owns the group that follows it.
        let possessive = a.kind == MentionKind::Name
            && a.tokens.end + 1 == b.tokens.start
            && cx.tokens[a.tokens.end].folded.ends_with("'s")
            && matches!(b.kind, MentionKind::Group | MentionKind::Title | MentionKind::Person);
        // "Yoruba leaders", "Moslem fundamentalist demonstrators": a name the lexicon does not know,
        // before an agent noun, says which people they are, not who else is there.
        let described = a.kind == MentionKind::Name
            && matches!(b.kind, MentionKind::Group | MentionKind::Title)
            && b.actor.country.is_none()
            && b.tokens.start >= a.tokens.end
            && b.tokens.start - a.tokens.end <= MAX_ADJECTIVE_GAP
            && cx.tokens[a.tokens.end..b.tokens.start].iter().all(|t| t.case == Case::Lower)
            && adjectives(cx, a.tokens.end..b.tokens.start);
        // "demonstrators in Baghdad", "activists in Arnor": people placed in a country belong to it.
        let placed = a.tokens.end + 1 == b.tokens.start
            && cx.tokens[a.tokens.end].folded == "in"
            && matches!(a.kind, MentionKind::Group)
            && a.actor.country.is_none()
            && b.kind == MentionKind::Country
            && (a.tokens.start == 0 || !crate::POSSESSIVES.contains(&cx.tokens[a.tokens.start - 1].folded.as_str()));
        // "Harry Tseng, Taiwan's deputy foreign minister": a name the lexicon does not know takes the
        // identity of the title set beside it.
        let appositive = a.kind == MentionKind::Name
            && a.tokens.end + 1 == b.tokens.start
            && cx.tokens[a.tokens.end].is_punct(",")
            && matches!(b.kind, MentionKind::Group | MentionKind::Title)
            && b.actor.country.is_some()
            && b.actor.sector.is_some();
        if appositive {
            let (described, name) = (out[k + 1].actor.clone(), out[k].actor.text.clone());
            let a = &mut out[k];
            (a.kind, a.actor.name) = (MentionKind::Person, Some(name));
            (a.actor.country, a.actor.sector, a.actor.code) = (described.country, described.sector, described.code);
            k += 1;
        } else if placed {
            out[k].actor.country = out[k + 1].actor.country.clone();
            out[k].actor.country_from = Some("place".into());
            k += 1;
        } else if possessive || described {
            let a = out.remove(k);
            let b = &mut out[k];
            b.tokens.start = a.tokens.start;
            b.actor.span = a.actor.span.cover(b.actor.span);
            b.actor.text = b.actor.span.slice(cx.text).to_string();
        } else if mergeable {
            let b = out.remove(k + 1);
            let a = &mut out[k];
            a.tokens.end = b.tokens.end;
            a.actor.span = a.actor.span.cover(b.actor.span);
            a.actor.text = a.actor.span.slice(cx.text).to_string();
            a.actor.country = b.actor.country.clone();
            if matches!(b.kind, MentionKind::Person | MentionKind::Name) {
                a.actor.name = b.actor.name.clone();
                a.kind = MentionKind::Person;
            }
        } else {
            k += 1;
        }
    }
}
