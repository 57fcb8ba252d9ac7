//! The typed entries of each data file, and their loaders.

use std::collections::HashMap;

use crate::phrases::{folded_words, CaseRule};
use dyad_core::tsv::{rows, TsvError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// "Mexico", "U.S."
    CountryName,
    /// "Mexican", "Americans"
    Demonym,
    /// "Washington", as a metonym for a government
    Capital,
    /// Agent nouns that give a sector: "troops", "cartel"
    Noun,
    /// Titles before a person's name: "President", "Gen"
    Title,
    /// Named organisations with a fixed identity: "Pentagon", "Sinaloa Cartel", "NATO"
    Org,
    /// News outlets, for attribution: "Reuters"
    Outlet,
    /// Named people with dated offices: "Barack Obama", "Sheinbaum"
    Person,
    /// Phrases that contain a country word or agent noun but name no actor ("Latin American",
    /// "terrorist activities"): they win the longest match and are then dropped.
    Ignore,
    /// Money: a country word right before it ("Colombian pesos", "U.S. dlrs") names no actor.
    Currency,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    pub kind: ActorKind,
    /// ISO alpha-3.
    pub country: Option<String>,
    pub sector: Option<String>,
    /// An explicit actor code (IGO groups), else derived from country and sector.
    pub code: Option<String>,
    /// The phrase as written in the lexicon.
    pub phrase: String,
    pub case_sensitive: bool,
    /// For people: the offices they held, in the order listed. Empty for everything else.
    pub offices: Vec<Office>,
}

/// One office a person held, from `data/actors/people.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub code: Option<String>,
    /// ISO date, possibly partial ("2009-01-20", "1989-06", "1990").
    pub from: String,
    /// End of the office; `None` while it lasts.
    pub to: Option<String>,
}

impl Office {
    /// Was the office held on `date` (ISO, `YYYY-MM-DD`)? Partial bounds compare as prefixes: an office
    /// that ended in "2017" is over by any date in 2017 after its start.
    pub fn held_on(&self, date: &str) -> bool {
        self.from.as_str() <= date && self.to.as_deref().is_none_or(|to| date < to)
    }
}

impl CaseRule for ActorEntry {
    fn case_sensitive(&self) -> bool {
        self.case_sensitive
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso3: String,
    /// CAMEO's code where it differs from ISO (ROM for ROU), else the ISO code.
    pub cameo: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerPos {
    Verb,
    Noun,
    /// Verb-headed, and the subject receives what the object gives ("received weapons from the
    /// government"): the source follows the pattern's "from", the subject is the target.
    Receipt,
}

impl TriggerPos {
    /// Headed by a verb, whose subject is one of the parties.
    pub fn is_verb(self) -> bool {
        matches!(self, TriggerPos::Verb | TriggerPos::Receipt)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub cameo: String,
    pub pos: TriggerPos,
    /// The pattern as written, for `dyad explain`.
    pub pattern: String,
}

impl CaseRule for Trigger {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Before a trigger in its clause: planned / possible / negated.
    Modality,
    /// After a trigger in its clause: "if", "unless".
    Condition,
    /// A reporting verb: the speaker is around it ("X said", "said X").
    Report,
    /// A reporting phrase whose speaker follows ("according to X", "citing X").
    According,
    /// Words that mark an anonymous source ("sources", "people familiar with").
    Anonymous,
    /// Hedges that leave a claim unconfirmed ("reportedly", "allegedly").
    Hedge,
    /// A denial ("denied", "dismissed reports").
    Denial,
    /// A statement that something is not confirmed ("has not confirmed").
    NotConfirmed,
    /// Words that close a clause for modality and role search ("but", ";").
    Boundary,
    /// Words that count the harm of a violent act ("killing two", "wounded three"): after another
    /// violent event in the sentence they describe that event, not a new one.
    Casualty,
    /// An accident or natural disaster ("killed in a road accident"): the harm in its clause is no attack.
    Accident,
    /// A phrase holding a cue word that is no cue there ("not only ... but also"): it shadows the shorter cue.
    NotACue,
    /// A legal charge or verdict ("on charges of", "convicted of", "wanted for"): the crimes it names
    /// are what it is about, not acts reported as news. With value `after`, the word follows the crime
    /// it is about ("a murder trial", "kidnapping charges").
    Charge,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub kind: CueKind,
    /// `planned`, `possible`, `negated` or `demanded` ("must") for modality and condition cues; `claim` for a report cue whose
    /// speaker claims; `kill` or `wound` for casualty cues; `after` for a charge word that follows its crime; empty otherwise.
    pub value: String,
}

impl CaseRule for Cue {}

fn opt(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_string())
}

fn bad(file: &str, line: usize, message: String) -> TsvError {
    TsvError { file: file.to_string(), line, message }
}

pub(crate) fn countries(countries: (&str, &str), cameo_codes: (&str, &str)) -> Result<Vec<Country>, TsvError> {
    let cameo: HashMap<&str, &str> =
        rows(cameo_codes, &["iso3", "cameo"])?.into_iter().map(|(_, c)| (c[0], c[1])).collect();
    let mut out: Vec<Country> = Vec::new();
    for (_, c) in rows(countries, &["iso3", "kind", "phrase", "flags"])? {
        if c[1] == "name" && !out.iter().any(|k| k.iso3 == c[0]) {
            let iso3 = c[0].to_string();
            out.push(Country { cameo: cameo.get(c[0]).unwrap_or(&c[0]).to_string(), name: c[2].to_string(), iso3 });
        }
    }
    Ok(out)
}

pub(crate) fn actors(countries: (&str, &str), agents: (&str, &str), outlets: (&str, &str)) -> Result<Vec<(String, ActorEntry)>, TsvError> {
    let mut out = Vec::new();
    for (line, c) in rows(countries, &["iso3", "kind", "phrase", "flags"])? {
        let kind = match c[1] {
            "name" => ActorKind::CountryName,
            "demonym" => ActorKind::Demonym,
            "capital" => ActorKind::Capital,
            "ignore" => ActorKind::Ignore,
            other => return Err(bad(countries.0, line, format!("unknown kind {other:?}"))),
        };
        let sector = (kind == ActorKind::Capital).then(|| "GOV".to_string());
        let country = opt(c[0]).filter(|_| kind != ActorKind::Ignore && c[0] != "-");
        out.push((
            c[2].to_string(),
            ActorEntry { kind, country, sector, code: None, phrase: c[2].to_string(), case_sensitive: c[3] == "cs", offices: Vec::new() },
        ));
    }
    for (line, c) in rows(agents, &["phrase", "kind", "sector", "country", "code"])? {
        let kind = match c[1] {
            "noun" => ActorKind::Noun,
            "title" => ActorKind::Title,
            "org" => ActorKind::Org,
            "ignore" => ActorKind::Ignore,
            "currency" => ActorKind::Currency,
            other => return Err(bad(agents.0, line, format!("unknown kind {other:?}"))),
        };
        let entry = ActorEntry { kind, country: opt(c[3]), sector: opt(c[2]), code: opt(c[4]), phrase: c[0].to_string(), case_sensitive: false, offices: Vec::new() };
        out.push((c[0].to_string(), entry));
    }
    for (_, c) in rows(outlets, &["phrase", "country"])? {
        let entry = ActorEntry { kind: ActorKind::Outlet, country: opt(c[1]), sector: Some("MED".into()), code: None, phrase: c[0].to_string(), case_sensitive: false, offices: Vec::new() };
        out.push((c[0].to_string(), entry));
    }
    Ok(out)
}

/// People and their offices. Every name and alias of a person becomes an entry carrying all the
/// person's offices; which one applies is decided per document, from its date.
pub(crate) fn people(file: (&str, &str)) -> Result<Vec<(String, ActorEntry)>, TsvError> {
    let mut persons: Vec<(String, Vec<Office>, Vec<String>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (line, c) in rows(file, &["name", "country", "sector", "code", "from", "to", "role", "aliases"])? {
        let date_ok = |d: &str| d.is_empty() || (d.len() >= 4 && d.chars().all(|ch| ch.is_ascii_digit() || ch == '-'));
        if c[4].is_empty() || !date_ok(c[4]) || !date_ok(c[5]) {
            return Err(bad(file.0, line, format!("dates must be ISO (YYYY, YYYY-MM or YYYY-MM-DD), got {:?} .. {:?}", c[4], c[5])));
        }
        let office = Office { country: opt(c[1]), sector: opt(c[2]), code: opt(c[3]), from: c[4].to_string(), to: opt(c[5]) };
        let aliases = c[7].split(';').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string);
        match index.get(c[0]) {
            Some(&k) => {
                persons[k].1.push(office);
                persons[k].2.extend(aliases);
            }
            None => {
                index.insert(c[0], persons.len());
                persons.push((c[0].to_string(), vec![office], std::iter::once(c[0].to_string()).chain(aliases).collect()));
            }
        }
    }
    let mut out = Vec::new();
    for (name, offices, mut phrases) in persons {
        phrases.dedup();
        for phrase in phrases {
            let entry = ActorEntry { kind: ActorKind::Person, country: None, sector: None, code: None, phrase: name.clone(), case_sensitive: false, offices: offices.clone() };
            out.push((phrase, entry));
        }
    }
    Ok(out)
}

pub(crate) fn triggers(file: (&str, &str)) -> Result<Vec<(String, Trigger)>, TsvError> {
    rows(file, &["pattern", "cameo", "pos", "note"])?
        .into_iter()
        .map(|(line, c)| {
            let pos = match c[2] {
                "V" => TriggerPos::Verb,
                "N" => TriggerPos::Noun,
                "R" => TriggerPos::Receipt,
                other => return Err(bad(file.0, line, format!("pos must be V, N or R, not {other:?}"))),
            };
            if !(2..=4).contains(&c[1].len()) || !c[1].bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad(file.0, line, format!("bad CAMEO code {:?}", c[1])));
            }
            Ok((folded_words(c[0]), Trigger { cameo: c[1].to_string(), pos, pattern: c[0].to_string() }))
        })
        .collect()
}

pub(crate) fn cues(file: (&str, &str)) -> Result<Vec<(String, Cue)>, TsvError> {
    rows(file, &["phrase", "cue", "value", "note"])?
        .into_iter()
        .map(|(line, c)| {
            let kind = match c[1] {
                "modality" => CueKind::Modality,
                "condition" => CueKind::Condition,
                "report" => CueKind::Report,
                "according" => CueKind::According,
                "anonymous" => CueKind::Anonymous,
                "hedge" => CueKind::Hedge,
                "denial" => CueKind::Denial,
                "not-confirmed" => CueKind::NotConfirmed,
                "boundary" => CueKind::Boundary,
                "casualty" => CueKind::Casualty,
                "accident" => CueKind::Accident,
                "not-a-cue" => CueKind::NotACue,
                "charge" => CueKind::Charge,
                other => return Err(bad(file.0, line, format!("unknown cue {other:?}"))),
            };
            let needs_value = matches!(kind, CueKind::Modality | CueKind::Condition);
            if needs_value != ["planned", "possible", "negated", "demanded"].contains(&c[2]) {
                return Err(bad(file.0, line, format!("value {:?} does not fit cue {:?}", c[2], c[1])));
            }
            Ok((folded_words(c[0]), Cue { kind, value: c[2].to_string() }))
        })
        .collect()
}

/// A context word that refines an event's ACLED type (data/events/acled_context.tsv).
#[derive(Debug, Clone, PartialEq)]
pub struct AcledContext {
    /// Row order: the first matching row in a sentence wins.
    pub order: usize,
    /// CAMEO roots the row applies to.
    pub roots: Vec<String>,
    pub event_type: String,
    pub sub_event_type: String,
}

impl CaseRule for AcledContext {}

pub(crate) fn acled_context(file: (&str, &str)) -> Result<Vec<(String, AcledContext)>, TsvError> {
    rows(file, &["phrase", "roots", "event_type", "sub_event_type"])?
        .into_iter()
        .enumerate()
        .map(|(order, (line, c))| {
            let roots: Vec<String> = c[1].split(',').map(|r| r.trim().to_string()).collect();
            if roots.iter().any(|r| r.len() != 2) || c[3].is_empty() {
                return Err(bad(file.0, line, "roots must be two-digit CAMEO roots and the sub-event type is required".into()));
            }
            Ok((folded_words(c[0]), AcledContext { order, roots, event_type: c[2].to_string(), sub_event_type: c[3].to_string() }))
        })
        .collect()
}
