//! The gazetteer: GeoNames countries, first-level divisions and populated places (1,000 people or
//! more), from the gzip files built by `scripts/build_gazetteer.py`, which `build.rs` inflates at compile
//! time into the texts and line tables the binary carries and the gazetteer reads in place.
//!
//! The gazetteer is set up at first use (its countries and divisions), and a place is parsed only at its
//! first use, so a short document pays for the few places its names reach, not for all of them. Names are
//! found through a hash index built at compile time (`name_index`): a word that starts no name costs one
//! probe.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::name_index;

/// The place file's text: one place per line, the line number its id.
const PLACES: &str = include_str!(concat!(env!("OUT_DIR"), "/places.tsv"));
/// Where each line of `PLACES` starts, and one past its end.
const PLACE_STARTS: U32s = U32s(include_bytes!(concat!(env!("OUT_DIR"), "/places.starts")));
/// The names file's keys, run together in file order.
const NAME_KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/names.keys"));
/// Where each line's key ends in `NAME_KEYS` (and the next one starts).
const NAME_KEY_ENDS: U32s = U32s(include_bytes!(concat!(env!("OUT_DIR"), "/names.key_ends")));
/// Each line's place id.
const NAME_IDS: U32s = U32s(include_bytes!(concat!(env!("OUT_DIR"), "/names.ids")));
/// The name index, and the filter in front of it.
const NAME_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/name_index.bin"));
const NAME_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/name_filter.bin"));
/// Places whose parse slots are allocated together.
const SLOT_CHUNK: usize = 256;

/// An array of little-endian `u32`s written by `build.rs`.
#[derive(Clone, Copy)]
struct U32s(&'static [u8]);

impl U32s {
    fn len(self) -> usize {
        self.0.len() / 4
    }

    fn get(self, i: usize) -> usize {
        u32::from_le_bytes(self.0[i * 4..i * 4 + 4].try_into().expect("four bytes")) as usize
    }
}

/// Line `id` of the place file.
fn place_line(id: u32) -> &'static str {
    let id = id as usize;
    // Every line ends with a newline.
    &PLACES[PLACE_STARTS.get(id)..PLACE_STARTS.get(id + 1) - 1]
}

/// The key on line `line` of the names file.
fn name_key(line: usize) -> &'static str {
    let start = if line == 0 { 0 } else { NAME_KEY_ENDS.get(line - 1) };
    &NAME_KEYS[start..NAME_KEY_ENDS.get(line)]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Country,
    /// A first-level administrative division: a state, province, department.
    Admin1,
    /// A populated place.
    City,
}

impl PlaceKind {
    /// The `precision` of a location at this place.
    pub fn precision(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::City => "city",
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Line number in the gazetteer; stable for one build of the data.
    pub id: u32,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// GeoNames admin1 code within the country ("" for countries).
    pub admin1_code: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// The country's capital city.
    pub capital: bool,
}

/// Where a name's lines start in the names file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameLines {
    line: usize,
}

/// The name index's answer for one key.
#[derive(Debug, Clone, Copy)]
pub struct Probe {
    /// The key is a name, confirmed against its first line.
    pub name: Option<NameLines>,
    /// A longer name may start with the key and a space.
    pub continues: bool,
}

pub struct Gazetteer {
    /// The places parsed, each at its first use (a common name is resolved many times), in slots
    /// allocated `SLOT_CHUNK` at a time.
    parsed: Vec<OnceLock<Vec<Slot>>>,
    /// country → admin1 code → the division's place id.
    divisions: FxHashMap<String, FxHashMap<String, u32>>,
    /// country → (the country's place id, its capital's place id).
    countries: FxHashMap<String, (u32, Option<u32>)>,
    len: usize,
}

/// A place, parsed at its first use, and its own name as a folded key, made at the first comparison.
#[derive(Default)]
struct Slot {
    place: OnceLock<Place>,
    folded_name: OnceLock<String>,
}

impl Gazetteer {
    /// The gazetteer, set up at first use.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::load)
    }

    fn load() -> Gazetteer {
        let len = PLACE_STARTS.len() - 1;
        let parsed = (0..len.div_ceil(SLOT_CHUNK)).map(|_| OnceLock::new()).collect();
        let mut g = Gazetteer { parsed, divisions: FxHashMap::default(), countries: FxHashMap::default(), len };
        let (mut countries, mut divisions) = (FxHashMap::default(), FxHashMap::<String, FxHashMap<String, u32>>::default());
        // Countries and divisions come first in the file, populated places after them.
        for id in 0..len as u32 {
            let p = g.place(id);
            match p.kind {
                PlaceKind::Country => {
                    let capital = place_line(id).rsplit('\t').next().and_then(|c| c.parse().ok());
                    countries.insert(p.country.clone(), (id, capital));
                }
                PlaceKind::Admin1 => {
                    divisions.entry(p.country.clone()).or_default().insert(p.admin1_code.clone(), id);
                }
                PlaceKind::City => break,
            }
        }
        (g.countries, g.divisions) = (countries, divisions);
        g
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn slot(&self, id: u32) -> &Slot {
        &self.parsed[id as usize / SLOT_CHUNK].get_or_init(|| (0..SLOT_CHUNK).map(|_| Slot::default()).collect())[id as usize % SLOT_CHUNK]
    }

    /// The place on line `id`.
    pub fn place(&self, id: u32) -> &Place {
        self.slot(id).place.get_or_init(|| parse_place(id, place_line(id)))
    }

    /// The place's own name folded into a name key ("st . louis" for "St. Louis"), to tell a mention of
    /// it from one of its alternate names.
    pub fn folded_name(&self, id: u32) -> &str {
        self.slot(id).folded_name.get_or_init(|| dyad_text::tokenize(&self.place(id).name).into_iter().map(|t| t.folded).collect::<Vec<_>>().join(" "))
    }

    /// What the name index says about a folded key (tokens folded and joined by spaces: "mexico city",
    /// "st . louis"): where its lines start if it is a name, and whether a longer name starts with it and a
    /// space. One walk of the probe sequence answers both. `continues` may rarely say yes wrongly
    /// (fingerprints collide), which only costs a probe that finds nothing; it never says no wrongly.
    pub fn probe(&self, key: &str) -> Probe {
        let hash = name_index::hash(key.as_bytes());
        let word = |table: &[u8], s: usize| u64::from_le_bytes(table[s * 8..s * 8 + 8].try_into().expect("eight bytes"));
        let mut probe = Probe { name: None, continues: false };
        let (filter_word, bits) = name_index::filter_bits(hash);
        if word(NAME_FILTER, filter_word) & bits != bits {
            return probe;
        }
        let len = NAME_INDEX.len() / 8;
        let slot = |s: usize| word(NAME_INDEX, s);
        let slots = name_index::probe(hash, len).map(slot).take_while(|&s| s != 0).filter(|&s| name_index::fingerprint_matches(s, hash));
        for s in slots {
            probe.continues |= s & name_index::PREFIX != 0;
            if probe.name.is_none() && s & name_index::NAME != 0 {
                let at = NameLines { line: name_index::first_line(s) };
                probe.name = (self.name_key(at) == key).then_some(at);
            }
        }
        probe
    }

    /// Ids of the places with this folded name key, in file order: countries, then divisions, then
    /// places by falling population.
    pub fn lookup(&self, key: &str) -> Vec<u32> {
        self.probe(key).name.map_or_else(Vec::new, |at| self.ids(at))
    }

    /// Whether a longer name starts with these words and a space (see [`Gazetteer::probe`]).
    pub fn continues(&self, words: &str) -> bool {
        self.probe(words).continues
    }

    /// The folded key of the name whose lines start here.
    pub fn name_key(&self, at: NameLines) -> &'static str {
        name_key(at.line)
    }

    /// Ids of the places on a name's lines.
    pub fn ids(&self, at: NameLines) -> Vec<u32> {
        let key = name_key(at.line);
        (at.line..NAME_IDS.len()).take_while(|&line| name_key(line) == key).map(|line| NAME_IDS.get(line) as u32).collect()
    }

    /// The first-level division a place lies in (itself for a division).
    pub fn division_of<'a>(&'a self, place: &'a Place) -> Option<&'a Place> {
        if place.kind != PlaceKind::City {
            return (place.kind == PlaceKind::Admin1).then_some(place);
        }
        self.divisions.get(place.country.as_str())?.get(place.admin1_code.as_str()).map(|&id| self.place(id))
    }

    /// The country entry for an ISO alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<Place> {
        self.countries.get(iso3).map(|&(id, _)| self.place(id).clone())
    }

    /// The capital city of a country.
    pub fn capital(&self, iso3: &str) -> Option<Place> {
        self.countries.get(iso3).and_then(|&(_, capital)| capital).map(|id| self.place(id).clone())
    }
}

/// A line of the place file.
fn parse_place(id: u32, line: &str) -> Place {
    let mut f = line.split('\t');
    let mut next = || f.next().unwrap_or("");
    let kind = match next() {
        "C" => PlaceKind::Country,
        "A" => PlaceKind::Admin1,
        _ => PlaceKind::City,
    };
    Place {
        id,
        kind,
        country: next().to_string(),
        admin1_code: next().to_string(),
        name: next().to_string(),
        lat: next().parse().unwrap_or(0.0),
        lon: next().parse().unwrap_or(0.0),
        population: next().parse().unwrap_or(0),
        capital: kind == PlaceKind::City && next() == "1",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_countries_divisions_and_places() {
        let g = Gazetteer::get();
        assert!(g.len() > 150_000);
        let mex = g.country("MEX").unwrap();
        assert_eq!(mex.name, "Mexico");
        assert_eq!(g.capital("MEX").unwrap().name, "Mexico City");
        let culiacan = g.lookup("culiacan").into_iter().map(|id| g.place(id)).find(|p| p.country == "MEX").unwrap();
        assert_eq!(g.division_of(culiacan).unwrap().name, "Sinaloa");
        assert!(culiacan.population > 500_000 && (culiacan.lat - 24.8).abs() < 0.2);
        assert!(g.continues("mexico"));
        assert!(!g.continues("zzzq"));
        assert!(g.lookup("zzzq").is_empty());
    }

    #[test]
    fn every_main_name_is_indexed_under_the_text_crates_folding() {
        // The keys are made by a Python port of the tokenizer: they must agree with dyad-text.
        let g = Gazetteer::get();
        let mut missing = Vec::new();
        for id in (0..g.len() as u32).step_by(7) {
            let p = g.place(id);
            let key: Vec<String> = dyad_text::tokenize(&p.name).into_iter().map(|t| t.folded.to_string()).collect();
            if !g.lookup(&key.join(" ")).contains(&id) {
                missing.push(p.name.clone());
            }
        }
        assert!(missing.len() * 1000 < g.len(), "{} names not found, e.g. {:?}", missing.len(), &missing[..missing.len().min(10)]);
    }
}
