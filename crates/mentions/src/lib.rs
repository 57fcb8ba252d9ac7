//! The mention stage: who is named in a document, resolved to country and sector.
//!
//! Actors come from the text and a compact lexicon: a country word or demonym gives the country ("Mexican", "U.S.",
//! "Washington said"), an agent noun or title gives the sector ("troops" → MIL,
//! "President" → GOV), and the two combine ("Mexican President Claudia Sheinbaum"
//! → MEX GOV, name "Claudia Sheinbaum"). Compounds split ("U.S. and Mexican
//! intelligence agencies" → USA SPY, MEX SPY). An agent whose country the
//! text leaves implicit ("the foreign minister said", "protesters") takes the document's home
//! country, and later mentions of a named person ("Sheinbaum") resolve to the same
//! actor. People the text names without a title ("Obama", "Putin") come from a dated list of
//! office holders (`data/actors/people.tsv`): the office held on the report's date gives country and
//! sector, and a former office holder is coded as an elite (ELI), so the list never goes stale the way
//! a dictionary of "USAGOV: Obama" does. Outlets are kept as mentions for attribution, never as actors. Dates in the
//! text ("yesterday", "on Tuesday", "30 DEC 89") are resolved against the publication date.

mod assemble;
mod people;
mod times;

use std::ops::Range;

use dyad_core::{Actor, Span};
use dyad_lexicon::{Lexicon, Tokens};
use dyad_text::Analyzed;

pub use times::TimeMention;

/// Possessive determiners: the noun after them belongs to an actor named before ("its forces in
/// Lebanon" are not Lebanon's).
pub const POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A country, demonym or capital on its own: "Mexico", "Israelis", "Washington".
    Country,
    /// An agent noun, possibly with a country: "U.S. troops", "police".
    Group,
    /// A named person with a title: "President Claudia Sheinbaum", or a later "Sheinbaum".
    Person,
    /// A title with no name: "the foreign minister".
    Title,
    /// A named organisation: "Pentagon", "NATO".
    Org,
    /// A news outlet: "NBC News". Used for attribution only.
    Outlet,
    /// A proper name the lexicon does not know ("Arnor", "Tanashicho"): an actor with no country or sector yet.
    Name,
}

#[derive(Debug, Clone)]
pub struct ActorMention {
    /// Token range of the whole mention.
    pub tokens: Range<usize>,
    /// The head token (the agent noun, the name, the country word).
    pub head: usize,
    pub kind: MentionKind,
    pub actor: Actor,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// All actor and outlet mentions, in text order.
    pub actors: Vec<ActorMention>,
    /// The country the document is mostly about (ISO alpha-3), given to agents whose country the text leaves implicit.
    pub home_country: Option<String>,
    /// Dates named in the text, resolved against the publication date, in text order.
    pub times: Vec<TimeMention>,
}

impl Mentions {
    /// Mentions whose tokens lie within `range`. Mentions are sorted by start, so this is a binary search.
    pub fn within(&self, range: Range<usize>) -> impl Iterator<Item = (usize, &ActorMention)> {
        let first = self.actors.partition_point(|m| m.tokens.start < range.start);
        self.actors[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, m)| m.tokens.start < range.end)
            .filter(move |(_, m)| m.tokens.end <= range.end)
            .map(move |(k, m)| (first + k, m))
    }
}

/// Finds and resolves the actor and time mentions of a document, whose tokens `cx` read
/// through the lexicon's lemmas (built once per document and shared with the event stage).
pub fn find(cx: &Tokens, analyzed: &Analyzed, lexicon: &Lexicon, doc_date: Option<&str>) -> Mentions {
    let mut actors = Vec::new();
    let scope = assemble::Scope { cx, lexicon, all_caps: analyzed.all_caps, date: doc_date };
    for (index, sentence) in analyzed.sentences.iter().enumerate() {
        actors.extend(assemble::sentence(scope, sentence.tokens.clone(), index));
    }
    people::resolve_later_mentions(cx, analyzed, &mut actors);
    actors.sort_by_key(|m| m.tokens.start);
    let home_country = home_country(&actors);
    let armed_groups = stated_armed_groups(&actors);
    for (k, m) in actors.iter_mut().enumerate() {
        // Agents with no stated country ("the foreign minister", "protesters") are the home country's:
        // the report is about them there; but "the cartels" of a U.S. story about "Mexican drug cartels"
        // are those, the nearest armed group of their kind with a stated country. The output says the
        // country was inferred.
        if m.actor.country.is_none() && m.actor.sector.is_some() && matches!(m.kind, MentionKind::Group | MentionKind::Person | MentionKind::Title) {
            let same_kind = armed_groups.iter().filter(|(_, sector, _)| m.actor.sector.as_deref() == Some(sector.as_str())).min_by_key(|(at, _, _)| at.abs_diff(k));
            if let Some(country) = same_kind.map(|(_, _, c)| c).or(home_country.as_ref()) {
                m.actor.country = Some(country.clone());
                m.actor.country_from = Some("document".into());
            }
        }
        m.actor.code = actor_code(lexicon, &m.actor);
        m.actor.sector = m.actor.sector.take().map(plover_sector);
    }
    Mentions { actors, home_country, times: times::find(cx, doc_date) }
}

/// The lexicon's sectors are CAMEO actor types, which is what `code` is built from; `sector` speaks
/// PLOVER, whose one conflicting code is MED (health in PLOVER, media in CAMEO): media become JRN
/// and health (CAMEO HLH) becomes MED.
fn plover_sector(cameo: String) -> String {
    match cameo.as_str() {
        "MED" => "JRN".into(),
        "HLH" => "MED".into(),
        _ => cameo,
    }
}

/// CAMEO-style code: the country's CAMEO code followed by the sector ("USAGOV", "MEXCRM").
fn actor_code(lexicon: &Lexicon, actor: &Actor) -> Option<String> {
    if actor.code.is_some() {
        return actor.code.clone();
    }
    let country = actor.country.as_deref().map(|iso| lexicon.country(iso).map_or(iso, |c| c.cameo.as_str()));
    match (country, actor.sector.as_deref()) {
        (Some(c), Some(s)) => Some(format!("{c}{s}")),
        (Some(c), None) => Some(c.to_string()),
        (None, Some(s)) => Some(s.to_string()),
        (None, None) => None,
    }
}

/// Non-state armed groups whose mention states their country ("Mexican drug cartels", "Colombian
/// rebels"): (mention index, sector, country).
fn stated_armed_groups(actors: &[ActorMention]) -> Vec<(usize, String, String)> {
    const ARMED: &[&str] = &["CRM", "REB", "INS", "UAF", "SEP"];
    actors
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            let sector = m.actor.sector.as_deref().filter(|s| ARMED.contains(s))?;
            let country = m.actor.country.as_ref().filter(|_| m.actor.country_from.is_none())?;
            Some((k, sector.to_string(), country.clone()))
        })
        .collect()
}

/// States that no longer exist (data/actors/countries.tsv: the Soviet Union, Yugoslavia, Czechoslovakia,
/// East Germany). Their people appear in older reports as parties, but no place of the gazetteer is in
/// them, so they never make a story's home country ("Soviet diplomats attacked in Lima" is Peru's story).
const FORMER_STATES: &[&str] = &["SUN", "YUG", "CSK", "DDR"];

/// The most mentioned country; ties go to the earliest mention. Headline and lead count double.
fn home_country(actors: &[ActorMention]) -> Option<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (order, m) in actors.iter().enumerate() {
        if m.kind == MentionKind::Outlet || m.actor.country_from.is_some() {
            continue;
        }
        let Some(c) = m.actor.country.as_ref().filter(|c| !FORMER_STATES.contains(&c.as_str())) else { continue };
        let weight = if m.sentence < 2 { 2 } else { 1 };
        match counts.iter_mut().find(|(k, _, _)| k == c) {
            Some(entry) => entry.1 += weight,
            None => counts.push((c.clone(), weight, order)),
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2))).map(|(c, _, _)| c)
}

pub(crate) fn actor_at(text: &str, tokens: &Tokens, range: Range<usize>) -> Actor {
    let span = Span::new(tokens.tokens[range.start].span.start, tokens.tokens[range.end - 1].span.end);
    Actor {
        text: span.slice(text).to_string(),
        code: None,
        country: None,
        sector: None,
        name: None,
        country_from: None,
        span,
    }
}
