//! The gazetteer: GeoNames countries, first-level divisions and populated places (1,000 people or
//! more), compiled into the binary as chunked gzip files built by `scripts/build_gazetteer.py`.
//!
//! Loading is lazy at two levels: the gazetteer is set up at first use (its chunk indexes, countries and
//! divisions), and each chunk (256 places, 512 names) is inflated only when a lookup reaches it, so a short
//! document pays for the few chunks its names fall in, not for the 12 MB of the whole. Names are found
//! through a hash index built at compile time (`name_index`): a word that starts no name costs one probe.

use std::io::Read;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::name_index;

const PLACES_GZ: &[u8] = include_bytes!("../../../data/gazetteer/places.tsv.gz");
const PLACES_IDX: &str = include_str!("../../../data/gazetteer/places.idx.tsv");
const NAMES_GZ: &[u8] = include_bytes!("../../../data/gazetteer/names.tsv.gz");
const NAMES_IDX: &str = include_str!("../../../data/gazetteer/names.idx.tsv");
/// The name index, written by `build.rs`.
const NAME_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/name_index.bin"));
/// Lines per chunk of the place file, as written by the build script (`PLACES_CHUNK`).
const CHUNK: usize = 256;

/// One chunked file: gzip members with their offsets, each inflated on demand and split into lines.
struct Chunked<T> {
    gz: &'static [u8],
    /// (byte offset, length) of each member.
    members: Vec<(usize, usize)>,
    inflated: Vec<OnceLock<T>>,
    split: fn(String) -> T,
}

/// A chunk of the place file: its text and where each line starts.
struct Lines {
    text: String,
    starts: Vec<u32>,
}

impl Lines {
    fn new(text: String) -> Lines {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        starts.extend((0..bytes.len().saturating_sub(1)).filter(|&i| bytes[i] == b'\n').map(|i| i as u32 + 1));
        Lines { text, starts }
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    fn line(&self, k: usize) -> &str {
        let start = self.starts[k] as usize;
        let end = self.starts.get(k + 1).map_or(self.text.len(), |&e| e as usize - 1);
        // Every line ends with a newline, the chunk's last one too.
        self.text[start..end].strip_suffix('\n').unwrap_or(&self.text[start..end])
    }
}

/// A chunk of the names file ("key<TAB>place id" lines), split once at inflation into each line's key
/// and id: a common name is probed and read many times, and then costs a slice compare per line.
struct Names {
    text: String,
    lines: Vec<NameLine>,
}

struct NameLine {
    key_start: u32,
    key_end: u32,
    id: u32,
}

impl Names {
    fn new(text: String) -> Names {
        // Byte scans: a chunk's 512 lines are split at every inflation, and the lines are short.
        let bytes = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        while start < bytes.len() {
            let tab = start + bytes[start..].iter().position(|&b| b == b'\t').expect("every line of the names file has a key and an id");
            let end = tab + bytes[tab..].iter().position(|&b| b == b'\n').unwrap_or(bytes.len() - tab);
            let id = text[tab + 1..end].parse().expect("a place id");
            lines.push(NameLine { key_start: start as u32, key_end: tab as u32, id });
            start = end + 1;
        }
        Names { text, lines }
    }

    fn key(&self, line: &NameLine) -> &str {
        &self.text[line.key_start as usize..line.key_end as usize]
    }
}

impl<T> Chunked<T> {
    fn new(gz: &'static [u8], index: &'static str, split: fn(String) -> T) -> Chunked<T> {
        let members: Vec<(usize, usize)> = index
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split('\t');
                Some((f.next()?.parse().ok()?, f.next()?.parse().ok()?))
            })
            .collect();
        let inflated = members.iter().map(|_| OnceLock::new()).collect();
        Chunked { gz, members, inflated, split }
    }

    fn chunk(&self, c: usize) -> &T {
        self.inflated[c].get_or_init(|| {
            let (offset, len) = self.members[c];
            let mut text = String::with_capacity(len * 4);
            // The bufread decoder reads the embedded bytes in place, with no buffer to fill and copy.
            flate2::bufread::GzDecoder::new(&self.gz[offset..offset + len]).read_to_string(&mut text).expect("the embedded gazetteer is valid gzip UTF-8");
            (self.split)(text)
        })
    }
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
    chunk: usize,
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
    places: Chunked<Lines>,
    /// The places parsed, each at its first use (a common name is resolved many times), in slots
    /// allocated a chunk at a time.
    parsed: Vec<OnceLock<Vec<Slot>>>,
    names: Chunked<Names>,
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
        let places = Chunked::new(PLACES_GZ, PLACES_IDX, Lines::new);
        let names = Chunked::new(NAMES_GZ, NAMES_IDX, Names::new);
        let len = (places.members.len() - 1) * CHUNK + places.chunk(places.members.len() - 1).len();
        let parsed = places.members.iter().map(|_| OnceLock::new()).collect();
        let mut g = Gazetteer { places, parsed, names, divisions: FxHashMap::default(), countries: FxHashMap::default(), len };
        let (mut countries, mut divisions) = (FxHashMap::default(), FxHashMap::<String, FxHashMap<String, u32>>::default());
        // Countries and divisions come first in the file, populated places after them.
        for id in 0..len as u32 {
            let p = g.place(id);
            match p.kind {
                PlaceKind::Country => {
                    let line = g.places.chunk(id as usize / CHUNK).line(id as usize % CHUNK);
                    let capital = line.rsplit('\t').next().and_then(|c| c.parse().ok());
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
        &self.parsed[id as usize / CHUNK].get_or_init(|| (0..CHUNK).map(|_| Slot::default()).collect())[id as usize % CHUNK]
    }

    /// The place on line `id`.
    pub fn place(&self, id: u32) -> &Place {
        self.slot(id).place.get_or_init(|| parse_place(id, self.places.chunk(id as usize / CHUNK).line(id as usize % CHUNK)))
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
        let len = NAME_INDEX.len() / 8;
        let slot = |s: usize| u64::from_le_bytes(NAME_INDEX[s * 8..s * 8 + 8].try_into().expect("eight bytes"));
        let mut probe = Probe { name: None, continues: false };
        let slots = name_index::probe(hash, len).map(slot).take_while(|&s| s != 0).filter(|&s| name_index::fingerprint_matches(s, hash));
        for s in slots {
            probe.continues |= s & name_index::PREFIX != 0;
            if probe.name.is_none() && s & name_index::NAME != 0 {
                let (chunk, line) = name_index::position(s);
                let at = NameLines { chunk, line };
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
    pub fn name_key(&self, at: NameLines) -> &str {
        let chunk = self.names.chunk(at.chunk);
        chunk.key(&chunk.lines[at.line])
    }

    /// Ids of the places on a name's lines.
    pub fn ids(&self, at: NameLines) -> Vec<u32> {
        let key = self.name_key(at);
        let mut ids = Vec::new();
        let mut from = at.line;
        for c in at.chunk..self.names.members.len() {
            let chunk = self.names.chunk(c);
            let lines = &chunk.lines[from..];
            let before = ids.len();
            ids.extend(lines.iter().take_while(|l| chunk.key(l) == key).map(|l| l.id));
            // A name's lines may run on into the next chunk.
            if ids.len() - before < lines.len() {
                break;
            }
            from = 0;
        }
        ids
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
