//! Places: where a document says things happened, resolved against a GeoNames gazetteer compiled into
//! the binary (see `gazetteer`).
//!
//! Place names are matched on the text crate's folded tokens, so "CULIACAN" and "Culiacán" meet the same
//! entry. Each mention is then resolved among the places of that name from the document's context:
//! the dateline ("CULIACAN, Mexico (Reuters) -"), containment ("Apatzingan, in the western state of
//! Michoacan", "Paris, Texas"), a division word ("San Miguel department"), the countries and divisions the
//! document mentions, the place an earlier mention of the same name resolved to, and population as the
//! prior. A mention also gets a role: `locative` after a preposition that places an event ("in", "near",
//! "in the northern city of"), `dateline`, or `actor` for a metonym ("Washington said"), which never
//! places an event.

mod gazetteer;
mod name_index;
mod words;

use std::ops::Range;

use dyad_core::Location;
use dyad_mentions::{MentionKind, Mentions};
use dyad_text::{Analyzed, Kind, Token};
use rustc_hash::{FxHashMap, FxHashSet};

pub use gazetteer::{Gazetteer, Place, PlaceKind};

/// Longest place name tried, in tokens ("San Luis de la Reina").
const MAX_NAME_TOKENS: usize = 6;
/// How far containment and descriptors reach, in tokens.
const WINDOW: usize = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// After a locative preposition: the place where something happened.
    Locative,
    /// The place a report was filed from.
    Dateline,
    /// A metonym standing for a government or its people ("Washington said").
    Actor,
    /// Named, but not as the scene of anything in particular.
    Other,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Locative => "locative",
            Role::Dateline => "dateline",
            Role::Actor => "actor",
            Role::Other => "other",
        }
    }
}

/// A place named in the text and the gazetteer entry it was resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub tokens: Range<usize>,
    pub sentence: usize,
    pub place: Place,
    /// Name of the first-level division the place lies in (the division itself for one).
    pub admin1: Option<String>,
    pub role: Role,
    /// What decided between the candidates: "only candidate", "dateline", "containment", "division word",
    /// "earlier mention", "context", "population", "the capital".
    pub reason: &'static str,
    /// How many gazetteer entries carry the name.
    pub candidates: usize,
}

impl PlaceMention {
    pub fn location(&self) -> Location {
        Location {
            name: self.place.name.clone(),
            country: Some(self.place.country.clone()).filter(|c| !c.is_empty()),
            admin1: self.admin1.clone(),
            lat: Some(self.place.lat),
            lon: Some(self.place.lon),
            precision: self.place.kind.precision().into(),
            country_from: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Place mentions in text order; they never overlap, and none is longer than [`MAX_NAME_TOKENS`].
    pub mentions: Vec<PlaceMention>,
    /// Index into `mentions` of the dateline place.
    pub dateline: Option<usize>,
    /// The token where the dateline ("SAN SALVADOR, 3 JAN 90 --") ends, when the text has one.
    pub dateline_end: Option<usize>,
}

impl Places {
    /// The place an event in `clause` with its trigger at `trigger` happened at: the nearest locative place
    /// after the trigger in the clause, else the nearest before it.
    pub fn event_place(&self, clause: Range<usize>, trigger: Range<usize>) -> Option<&PlaceMention> {
        let first = self.mentions.partition_point(|m| m.tokens.start < clause.start);
        let in_clause = || self.mentions[first..].iter().take_while(|m| m.tokens.start < clause.end).filter(|m| m.role == Role::Locative && m.tokens.end <= clause.end);
        in_clause().find(|m| m.tokens.start >= trigger.end).or_else(|| in_clause().filter(|m| m.tokens.end <= trigger.start).last())
    }

    /// The first place mention that shares a token with `tokens`. Found by position: a long report has
    /// thousands of place mentions and asks this for every event's actors.
    pub fn overlapping(&self, tokens: Range<usize>) -> Option<&PlaceMention> {
        let first = self.mentions.partition_point(|m| m.tokens.start + MAX_NAME_TOKENS <= tokens.start);
        self.mentions[first..].iter().take_while(|m| m.tokens.start < tokens.end).find(|m| tokens.start < m.tokens.end)
    }

    pub fn dateline(&self) -> Option<&PlaceMention> {
        self.dateline.map(|i| &self.mentions[i])
    }

    /// The country where the document's events happen, when an event's own clause names no place: the
    /// actors' home country counts 3, the dateline's country 2, each place named after a locative
    /// preposition 1. Reports are often filed from abroad (MOSCOW ... Peruvian rebels), but a story
    /// about a Dutch reporter filed from San Salvador with a killing "in Usulutan" is about El Salvador.
    pub fn document_country(&self, home: Option<&str>) -> Option<String> {
        let add = |c: &str, w: u32, tally: &mut Vec<(String, u32)>| match tally.iter_mut().find(|(k, _)| k == c) {
            Some(e) => e.1 += w,
            None => tally.push((c.to_string(), w)),
        };
        let mut tally: Vec<(String, u32)> = Vec::new();
        if let Some(d) = self.dateline() {
            add(&d.place.country, 2, &mut tally);
        }
        if let Some(h) = home {
            add(h, 3, &mut tally);
        }
        for m in self.mentions.iter().filter(|m| m.role == Role::Locative) {
            add(&m.place.country, 1, &mut tally);
        }
        // Ties go to the earliest: the dateline.
        tally.iter().enumerate().max_by(|(i, a), (j, b)| a.1.cmp(&b.1).then(j.cmp(i))).map(|(_, (c, _))| c.clone())
    }
}

/// A name matched in the text, before resolution.
struct Candidate {
    tokens: Range<usize>,
    sentence: usize,
    key: &'static str,
    ids: Vec<u32>,
    /// After a locative preposition (see [`locative`]).
    locative: bool,
}

/// Finds and resolves the place mentions of a document.
pub fn find(analyzed: &Analyzed, mentions: &Mentions) -> Places {
    let g = Gazetteer::get();
    let w = words::get();
    let tokens = &analyzed.tokens;
    // Capitalisation says nothing in ALL-CAPS text, nor in an ALL-CAPS sentence of a mixed-case one.
    let caps: Vec<bool> = analyzed
        .sentences
        .iter()
        .map(|s| {
            let words = tokens[s.tokens.clone()].iter().filter(|t| t.kind == Kind::Word);
            let (upper, all) = words.fold((0, 0), |(u, a), t| (u + usize::from(t.case == dyad_text::Case::Upper), a + 1));
            analyzed.all_caps || (all >= 4 && upper * 5 >= all * 4)
        })
        .collect();
    let mut candidates = Vec::new();
    let mut lower_case = LowerCase::default();
    // For each token, the first particle at or after it, so that "a particle within a name's reach" is one
    // compare per word.
    let mut next_particle = vec![usize::MAX; tokens.len() + 1];
    for (k, t) in tokens.iter().enumerate().rev() {
        next_particle[k] = if w.starts_particle(&t.folded) { k } else { next_particle[k + 1] };
    }
    let marks = token_marks(tokens, mentions);
    // The name key being tried, reused from word to word.
    let mut key = String::new();
    for (s, sentence) in analyzed.sentences.iter().enumerate() {
        let all_caps = caps[s];
        let mut i = sentence.tokens.start;
        while i < sentence.tokens.end {
            // In mixed case a lower-case word starts no place (`acceptable`), so it is looked up only when a
            // particle follows within a name's reach: then it may start a longer name to skip ("san luis de
            // la Reina"). Most words of a text are lower case; the name index is large and seldom cached.
            let reach_end = sentence.tokens.end.min(i + MAX_NAME_TOKENS).min(tokens.len() - 1);
            if !all_caps && !tokens[i].is_capitalized() && next_particle[i + 1] > reach_end {
                i += 1;
                continue;
            }
            let Some((end, lines)) = longest_name(g, tokens, i, sentence.tokens.end, &mut key) else {
                i += 1;
                continue;
            };
            // "SAN LUIS DE LA REINA" is not San Luis: skip the whole longer name.
            if let Some(after) = continued(tokens, all_caps, w, end) {
                i = after;
                continue;
            }
            let name = g.name_key(lines);
            let locative = locative(tokens, w, &marks, i);
            if acceptable(tokens, all_caps, &marks, w, i..end, name, locative, sentence.tokens.start, &mut lower_case) {
                candidates.push(Candidate { tokens: i..end, sentence: s, key: name, ids: g.ids(lines), locative });
                i = end;
            } else {
                i += 1;
            }
        }
    }
    let dateline_end = dateline_end(tokens, analyzed);
    let mut context = Context::new(g, mentions, &candidates, dateline_end);
    // The dateline's place, resolved first, puts its country in the context of every other name.
    if let Some(first) = candidates.first().filter(|c| dateline_end.is_some() && c.tokens.start == 0) {
        let (place, _) = resolve(g, w, tokens, &candidates, 0, &context, &[], Role::Dateline);
        context.dateline_country.get_or_insert(place.country.clone());
        if first.ids.len() > 1 || place.kind != PlaceKind::Country {
            context.add(&place.country, 3);
        }
    }
    let mut out = Places { dateline_end, ..Places::default() };
    // What the mentions so far of each name resolved to.
    let mut earlier: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (k, c) in candidates.iter().enumerate() {
        let role = if dateline_end.is_some() && c.tokens.start == 0 {
            Role::Dateline
        } else if dateline_end.is_some_and(|end| c.tokens.start < end) {
            Role::Other
        } else if c.locative {
            Role::Locative
        } else if marks[c.tokens.clone()].iter().any(|m| m & ACTOR != 0) {
            Role::Actor
        } else {
            Role::Other
        };
        let (place, reason) = resolve(g, w, tokens, &candidates, k, &context, earlier.get(c.key).map_or(&[], Vec::as_slice), role);
        // A small place in a country the document never mentions is more likely a common word or another
        // place of the name that the gazetteer lacks; in ALL-CAPS text, where every word is capitalised,
        // so is a town, and a name in no locative or dateline role at all.
        let backed = matches!(reason, "containment" | "division word" | "earlier mention" | "dateline") || context.weight(&place.country) > 0.0;
        // Alternate names include common words ("Part" for Perth), so in ALL-CAPS text only a place's own
        // name counts without such backing.
        let own_name = g.folded_name(place.id) == c.key;
        let all_caps = caps[c.sentence];
        let floor = match (all_caps, own_name) {
            (false, _) => 15_000,
            (true, true) => 100_000,
            (true, false) => u64::MAX,
        };
        let weak = place.population < floor || (all_caps && (role == Role::Other || place.kind == PlaceKind::Admin1));
        if place.kind != PlaceKind::Country && !backed && weak {
            continue;
        }
        let admin1 = g.division_of(place).map(|d| d.name.clone());
        if role == Role::Dateline {
            out.dateline = Some(out.mentions.len());
        }
        out.mentions.push(PlaceMention { tokens: c.tokens.clone(), sentence: c.sentence, place: place.clone(), admin1, role, reason, candidates: c.ids.len() });
        earlier.entry(c.key).or_default().push(place.id);
    }
    capitals(g, w, analyzed, &marks, &context, &mut out);
    out
}

/// The longest gazetteer name starting at token `i`: its end and where its lines are. `key` is scratch
/// space for the keys tried.
fn longest_name(g: &Gazetteer, tokens: &[Token], i: usize, end: usize, key: &mut String) -> Option<(usize, gazetteer::NameLines)> {
    if tokens[i].kind != Kind::Word {
        return None;
    }
    key.clear();
    let mut best = None;
    for (j, token) in tokens.iter().enumerate().take(end.min(i + MAX_NAME_TOKENS)).skip(i) {
        if j > i {
            key.push(' ');
        }
        key.push_str(&token.folded);
        let probe = g.probe(key);
        if let Some(lines) = probe.name {
            best = Some((j + 1, lines));
        }
        if !probe.continues {
            break;
        }
    }
    best
}

/// Where a name goes on past a gazetteer match at `end` ("San Luis" + "de la Reina"): a particle and a
/// capitalised word (any word in ALL-CAPS text), repeated.
fn continued(tokens: &[Token], all_caps: bool, w: &words::Words, end: usize) -> Option<usize> {
    let word = |k: usize| tokens.get(k).is_some_and(|t| t.kind == Kind::Word && (all_caps || t.is_capitalized()));
    let folded = |k: usize| tokens.get(k).map_or("", |t| t.folded.as_str());
    let mut particle = String::new();
    let mut at = end;
    loop {
        let next = (1..=2).find(|&len| {
            particle.clear();
            particle.push_str(folded(at));
            if len == 2 {
                particle.push(' ');
                particle.push_str(folded(at + 1));
            }
            w.particle.contains(&particle) && word(at + len)
        });
        match next {
            Some(len) => at += len + 1,
            None => return (at > end).then_some(at),
        }
    }
}

/// Whether a matched name is taken as a place: not a common word, not part of a person's or
/// organisation's name, and capitalised in mixed-case text.
#[allow(clippy::too_many_arguments)]
fn acceptable<'t>(tokens: &'t [Token], all_caps: bool, marks: &[u8], w: &words::Words, range: Range<usize>, key: &str, locative: bool, sentence_start: usize, lower_case: &mut LowerCase<'t>) -> bool {
    let first = &tokens[range.start];
    let single = range.len() == 1;
    if !all_caps && !first.is_capitalized() {
        return false;
    }
    if single && (w.descriptor.contains(key) || w.locative.contains(key)) {
        return false;
    }
    let marked = |bits: u8| marks[range.clone()].iter().any(|m| m & bits != 0);
    if marked(TIME) {
        return false;
    }
    if w.stoplist.contains(key) && (all_caps || !locative) {
        return false;
    }
    // A capitalised first word of a sentence that the text also writes in lower case is a common word.
    if single && !all_caps && range.start == sentence_start && !locative && lower_case.contains(tokens, first.folded.as_str()) {
        return false;
    }
    // Inside a named person, organisation, title or outlet ("President Lincoln", "Sinaloa cartel"), or the
    // head of a group ("the Sinaloa" as a gang): not a place. Country words and unknown names may be.
    !marked(NAMED | GROUP_HEAD)
}

/// Whether a document writes a word in lower case somewhere. Most documents ask once or twice, which a
/// scan of the tokens answers for far less than hashing every word; one that asks more than
/// [`LowerCase::SCANS`] times gets a set of them, built in one pass, so no document costs more than linear time.
#[derive(Default)]
struct LowerCase<'t> {
    scans: usize,
    words: Option<FxHashSet<&'t str>>,
}

impl<'t> LowerCase<'t> {
    const SCANS: usize = 8;

    fn contains(&mut self, tokens: &'t [Token], word: &str) -> bool {
        if self.words.is_none() && self.scans < Self::SCANS {
            self.scans += 1;
            return tokens.iter().any(|t| !t.is_capitalized() && t.folded == word);
        }
        self.words.get_or_insert_with(|| tokens.iter().filter(|t| !t.is_capitalized()).map(|t| t.folded.as_str()).collect()).contains(word)
    }
}

/// Token marks (see [`token_marks`]): in an actor mention of any kind; in a country mention ("Bosnian",
/// "Mexican"); in a named person, organisation, title or outlet; a group's head word; in a time mention.
const ACTOR: u8 = 1;
const COUNTRY: u8 = 2;
const NAMED: u8 = 4;
const GROUP_HEAD: u8 = 8;
const TIME: u8 = 16;

/// What the mentions stage found at each token, marked once per document, so that a candidate name asks
/// about its own few tokens instead of scanning every mention: a long report has thousands of both.
fn token_marks(tokens: &[Token], mentions: &Mentions) -> Vec<u8> {
    let mut marks = vec![0u8; tokens.len()];
    let mut mark = |range: Range<usize>, bits: u8| {
        for m in marks.get_mut(range).into_iter().flatten() {
            *m |= bits;
        }
    };
    for m in &mentions.actors {
        let kind = match m.kind {
            MentionKind::Country => COUNTRY,
            MentionKind::Person | MentionKind::Org | MentionKind::Title | MentionKind::Outlet => NAMED,
            MentionKind::Group | MentionKind::Name => 0,
        };
        mark(m.tokens.clone(), ACTOR | kind);
        if m.kind == MentionKind::Group && m.tokens.contains(&m.head) {
            mark(m.head..m.head + 1, GROUP_HEAD);
        }
    }
    for t in &mentions.times {
        mark(t.tokens.clone(), TIME);
    }
    marks
}

/// Whether the words before token `i` put it after a locative preposition ("in", "near the town of",
/// "in the western Bosnian town of"), over descriptors and country mentions.
fn locative(tokens: &[Token], w: &words::Words, marks: &[u8], i: usize) -> bool {
    for k in (i.saturating_sub(WINDOW)..i).rev() {
        let t = &tokens[k].folded;
        if w.locative.contains(t.as_str()) {
            return true;
        }
        if !(w.descriptor.contains(t.as_str()) || marks[k] & COUNTRY != 0) {
            return false;
        }
    }
    false
}

/// The token after a dateline's place and date ("SAN SALVADOR, 3 JAN 90 --", "CULIACAN, Mexico (Reuters) -",
/// "GAZA CITY, Palestinian Territories:"): the document starts with a name followed by a comma, a parenthesis,
/// a colon or a dash, and a dash or a colon comes within a few tokens, or an opening parenthesis with a dash
/// after it ("(Reuters) -"). A name with an article ("The Libyan National Army (LNA)") opens a sentence.
fn dateline_end(tokens: &[Token], analyzed: &Analyzed) -> Option<usize> {
    let first = tokens.first()?;
    if first.kind != Kind::Word || (!analyzed.all_caps && first.case != dyad_text::Case::Upper && !first.is_capitalized()) || matches!(first.folded.as_str(), "the" | "a" | "an") {
        return None;
    }
    let dash = |t: &Token| t.kind == Kind::Punct && (t.folded.starts_with('-') || t.folded == "\u{2014}" || t.folded == "\u{2013}");
    let agency = |i: usize| tokens[i].is_punct("(") && tokens.iter().skip(i + 1).take(5).any(dash);
    let end = (0..tokens.len().min(16)).find(|&i| dash(&tokens[i]) || tokens[i].is_punct(":") || agency(i))?;
    // The words before the marker are the place (and country, date): no verb-like lower-case word among them.
    let lower = tokens[..end].iter().any(|t| t.kind == Kind::Word && !analyzed.all_caps && t.case == dyad_text::Case::Lower);
    (end > 0 && !lower).then_some(end)
}

/// What the document as a whole says about where it is: countries and divisions, with weights.
struct Context {
    countries: Vec<(String, u32)>,
    /// The document's first-level divisions, as (country, admin1 code), to tell the towns inside them.
    divisions: FxHashSet<(&'static str, &'static str)>,
    dateline_country: Option<String>,
    home: Option<String>,
}

impl Context {
    fn new(g: &'static Gazetteer, mentions: &Mentions, candidates: &[Candidate], dateline_end: Option<usize>) -> Context {
        let mut cx = Context { countries: Vec::new(), divisions: FxHashSet::default(), dateline_country: None, home: mentions.home_country.clone() };
        if let Some(home) = &mentions.home_country {
            cx.add(home, 2);
        }
        for m in &mentions.actors {
            if let (Some(c), None, true) = (&m.actor.country, &m.actor.country_from, m.kind != MentionKind::Outlet) {
                cx.add(c, 1);
            }
        }
        for c in candidates {
            // Country names, and division names with no other reading, settle the context.
            let first = c.ids.first().map(|&id| g.place(id));
            if let Some(p) = first.filter(|p| p.kind == PlaceKind::Country || (p.kind == PlaceKind::Admin1 && c.ids.len() == 1)) {
                if p.kind == PlaceKind::Admin1 {
                    cx.divisions.insert((p.country.as_str(), p.admin1_code.as_str()));
                }
                cx.add(&p.country, 1);
            }
            if dateline_end.is_some_and(|end| c.tokens.start < end) && c.tokens.start > 0 && first.is_some_and(|p| p.kind == PlaceKind::Country) {
                cx.dateline_country = first.map(|p| p.country.clone());
            }
        }
        if let Some(d) = cx.dateline_country.clone() {
            cx.add(&d, 3);
        }
        cx
    }

    fn add(&mut self, iso3: &str, weight: u32) {
        match self.countries.iter_mut().find(|(c, _)| c == iso3) {
            Some(entry) => entry.1 += weight,
            None => self.countries.push((iso3.to_string(), weight)),
        }
    }

    fn weight(&self, iso3: &str) -> f64 {
        self.countries.iter().find(|(c, _)| c == iso3).map_or(0.0, |(_, w)| (*w).min(4) as f64)
    }
}

/// Picks the place a candidate names. Scores add up: population (log10), a country name's or a
/// capital's standing, the document's countries and divisions, containment by a neighbouring name,
/// a division word beside it, and an earlier mention's reading.
#[allow(clippy::too_many_arguments)]
/// `earlier`: the places that earlier mentions of the same name resolved to.
fn resolve(g: &'static Gazetteer, w: &words::Words, tokens: &[Token], candidates: &[Candidate], k: usize, cx: &Context, earlier: &[u32], role: Role) -> (&'static Place, &'static str) {
    let c = &candidates[k];
    if let [id] = c.ids[..] {
        return (g.place(id), "only candidate");
    }
    let places: Vec<&Place> = c.ids.iter().map(|&id| g.place(id)).collect();
    let division_word = c.tokens.end < tokens.len() && w.division.contains(tokens[c.tokens.end].folded.as_str())
        || (c.tokens.start >= 2 && tokens[c.tokens.start - 1].folded == "of" && w.division.contains(tokens[c.tokens.start - 2].folded.as_str()));
    // Neighbouring names in the same sentence, separated by commas and descriptors only. Candidates are in
    // text order and never overlap, so those within reach sit next to this one.
    let before = candidates[..k].iter().rev().take_while(|o| c.tokens.start - o.tokens.end <= WINDOW);
    let after = candidates[k + 1..].iter().take_while(|o| o.tokens.start - c.tokens.end <= WINDOW);
    let neighbours: Vec<&Candidate> = before
        .chain(after)
        .filter(|o| o.sentence == c.sentence)
        .filter(|o| {
            let gap = if o.tokens.start >= c.tokens.end { c.tokens.end..o.tokens.start } else { o.tokens.end..c.tokens.start };
            tokens[gap].iter().all(|t| t.is_punct(",") || t.is_punct("(") || w.descriptor.contains(t.folded.as_str()) || w.locative.contains(t.folded.as_str()))
        })
        .collect();
    // Looked up once here, not once per candidate place: a common name has hundreds.
    let neighbour_places: Vec<Vec<&Place>> = neighbours.iter().map(|o| o.ids.iter().map(|&id| g.place(id)).collect()).collect();
    let contains = |outer: &Place, inner: &Place| match outer.kind {
        PlaceKind::Country => inner.country == outer.country && inner.id != outer.id,
        PlaceKind::Admin1 => inner.kind == PlaceKind::City && inner.country == outer.country && inner.admin1_code == outer.admin1_code,
        PlaceKind::City => false,
    };
    let mut best: Option<(f64, &'static Place, &'static str)> = None;
    for &p in &places {
        let mut score = ((p.population + 1) as f64).log10();
        let mut reason = "population";
        score += match p.kind {
            PlaceKind::Country => 4.0,
            PlaceKind::Admin1 if division_word => 6.0,
            PlaceKind::Admin1 => 0.0,
            PlaceKind::City => (if p.capital { 2.0 } else { 0.0 }) + (if p.population >= 1_000_000 { 1.0 } else { 0.0 }),
        };
        if division_word && p.kind == PlaceKind::Admin1 {
            reason = "division word";
        }
        let in_division = p.kind == PlaceKind::City && cx.divisions.contains(&(p.country.as_str(), p.admin1_code.as_str()));
        let context = 2.0 * cx.weight(&p.country) + if in_division { 4.0 } else { 0.0 };
        if context > 0.0 {
            score += context;
            reason = "context";
        }
        if role == Role::Dateline && cx.dateline_country.as_deref() == Some(p.country.as_str()) {
            score += 4.0;
            reason = "dateline";
        }
        let contained = neighbour_places.iter().flatten().any(|q| contains(q, p) || contains(p, q));
        if contained {
            score += 15.0;
            reason = "containment";
        }
        // Names listed together ("in San Ramon, Mejicanos and Cuscatancingo") are mostly in one country.
        if !contained && neighbour_places.iter().any(|qs| qs.len() == 1 && qs[0].country == p.country) {
            score += 3.0;
        }
        if earlier.contains(&p.id) {
            score += 20.0;
            reason = "earlier mention";
        }
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, p, reason));
        }
    }
    let (_, p, reason) = best.expect("a candidate has at least one place");
    (p, reason)
}

/// "the capital", "this capital": the dateline city when it is a capital, else the capital of the dateline's
/// or the document's country. Not when a name follows ("the capital Kabul", "the capital of Peru").
fn capitals(g: &Gazetteer, w: &words::Words, analyzed: &Analyzed, marks: &[u8], cx: &Context, out: &mut Places) {
    let tokens = &analyzed.tokens;
    // A report filed from abroad ("HAVANA ... the capital") speaks of its own country's capital.
    let foreign = |c: &String| cx.home.as_ref().is_some_and(|h| h != c);
    let dateline_capital = out.dateline().filter(|d| d.place.capital && !foreign(&d.place.country)).cloned();
    let country = cx.home.clone().or_else(|| cx.dateline_country.clone());
    let Some(place) = dateline_capital.map(|d| d.place).or_else(|| country.and_then(|c| g.capital(&c))) else { return };
    for (s, sentence) in analyzed.sentences.iter().enumerate() {
        for i in sentence.tokens.clone() {
            // Every word is tried, and most start no phrase: the phrases' few first words turn them away.
            let first = tokens[i].folded.as_str();
            if !w.capital_start.iter().any(|f| f == first) {
                continue;
            }
            let phrase = |p: &&Vec<String>| p.first().is_some_and(|f| f == first) && i + p.len() <= sentence.tokens.end && tokens[i + 1..i + p.len()].iter().zip(&p[1..]).all(|(t, q)| t.folded == *q);
            let Some(len) = w.capital.iter().find(phrase).map(Vec::len) else {
                continue;
            };
            let after = tokens.get(i + len);
            if after.is_some_and(|t| t.folded == "of" || out.mentions.iter().any(|m| m.tokens.start == i + len)) {
                continue;
            }
            let role = if locative(tokens, w, marks, i + len - 1) || locative(tokens, w, marks, i) { Role::Locative } else { Role::Other };
            let admin1 = g.division_of(&place).map(|d| d.name.clone());
            let at = out.mentions.partition_point(|m| m.tokens.start < i);
            out.mentions.insert(at, PlaceMention { tokens: i..i + len, sentence: s, place: place.clone(), admin1, role, reason: "the capital", candidates: 1 });
            if out.dateline.is_some_and(|d| d >= at) {
                out.dateline = out.dateline.map(|d| d + 1);
            }
        }
    }
}
