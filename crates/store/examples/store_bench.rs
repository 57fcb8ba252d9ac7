//! Store benchmarks on synthetic mentions (run by bench/store.sh).
//!
//! `store_bench dedup N DB`: stores N synthetic mentions (true events reported 1-7 times by
//! different outlets over consecutive days, two mentions per document) and prints the time.
//! `store_bench query N DB`: stores N events reported once each, then times 200 weekly
//! timeline queries of random dyads and prints p50/p95.

use std::path::Path;
use std::time::Instant;

use dyad_core::{Acled, Actor, Evidence, Event, Location, Modality, Plover};
use dyad_store::query::{self, Aggregation, Filter, Period};
use dyad_store::table::{Sink, Value};
use dyad_store::{Store, StoredDocument};

const COUNTRIES: [&str; 40] = [
    "USA", "CHN", "RUS", "UKR", "ISR", "PSE", "IRN", "IRQ", "SYR", "TUR", "GBR", "FRA", "DEU", "IND", "PAK", "AFG", "NGA", "KEN", "SOM", "ETH",
    "SDN", "COD", "UGA", "EGY", "LBY", "YEM", "SAU", "MEX", "COL", "VEN", "BRA", "JPN", "KOR", "PRK", "MMR", "PHL", "IDN", "AUS", "CAN", "ZAF",
];
const SECTORS: [&str; 5] = ["", "GOV", "MIL", "COP", "REB"];
const CODES: [(&str, u8, f32); 12] = [
    ("010", 1, 0.0),
    ("036", 1, 4.0),
    ("040", 1, 1.0),
    ("042", 1, 1.9),
    ("057", 1, 8.0),
    ("070", 2, 7.0),
    ("112", 3, -2.0),
    ("130", 3, -4.4),
    ("141", 4, -6.5),
    ("173", 4, -5.0),
    ("180", 4, -9.0),
    ("190", 4, -10.0),
];

/// A small deterministic generator (xorshift64*), so every run stores the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn actor(country: &str, sector: &str) -> Actor {
    Actor {
        text: format!("{country} {sector}"),
        code: Some(format!("{country}{sector}")),
        country: Some(country.into()),
        sector: (!sector.is_empty()).then(|| sector.to_string()),
        name: None,
        country_from: None,
        span: Default::default(),
    }
}

/// One true event: who, what, where, when.
struct Truth {
    source: (usize, usize),
    target: (usize, usize),
    code: usize,
    place: usize,
    day: i64,
}

fn mention(t: &Truth, doc_id: &str, day: i64, planned: bool) -> Event {
    let (cameo, quad, goldstein) = CODES[t.code];
    let place = COUNTRIES[t.place];
    let sentence = format!("{} acted on {} in {place} (event of day {}).", COUNTRIES[t.source.0], COUNTRIES[t.target.0], t.day);
    Event {
        doc_id: doc_id.into(),
        cameo: cameo.into(),
        cameo_root: cameo[..2].into(),
        cameo_name: format!("code {cameo}"),
        quad_class: quad,
        goldstein,
        plover: Plover { event_type: Some("ASSAULT".into()), mode: None },
        acled: (quad == 4).then(|| Acled { event_type: "Battles".into(), sub_event_type: "Armed clash".into() }),
        source: Some(actor(COUNTRIES[t.source.0], SECTORS[t.source.1])),
        target: Some(actor(COUNTRIES[t.target.0], SECTORS[t.target.1])),
        co_sources: Vec::new(),
        co_targets: Vec::new(),
        act: None,
        modality: if planned { Modality::Planned } else { Modality::Actual },
        confirmation: None,
        attribution: None,
        location: Some(Location { name: place.into(), country: Some(place.into()), admin1: None, lat: None, lon: None, precision: "country".into(), country_from: None }),
        date: Some(dyad_store::dates::date(day)),
        date_precision: Some("day".into()),
        evidence: Evidence { start: 0, end: sentence.len(), text: sentence.clone() },
        trigger: Evidence { start: 0, end: 5, text: "acted".into() },
        confidence: 0.8,
    }
}

fn truth(rng: &mut Rng) -> Truth {
    Truth {
        source: (rng.below(COUNTRIES.len()), rng.below(SECTORS.len())),
        target: (rng.below(COUNTRIES.len()), rng.below(SECTORS.len())),
        code: rng.below(CODES.len()),
        place: rng.below(COUNTRIES.len()),
        day: 19_000 + rng.below(730) as i64,
    }
}

/// Stores `mentions` synthetic mentions; `repeat`: whether true events are reported more than once.
fn fill(db: &Path, mentions: usize, repeat: bool) -> (usize, f64) {
    let mut store = Store::open(db, None).expect("store opens");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut pending, mut docs, mut made) = (Vec::new(), Vec::new(), 0usize);
    let started = Instant::now();
    let mut events = 0;
    while made < mentions {
        let t = truth(&mut rng);
        let reports = if repeat { 1 + rng.below(7) } else { 1 };
        for r in 0..reports.min(mentions - made) {
            pending.push(mention(&t, &format!("doc-{}", made / 2), t.day + r as i64 / 2, repeat && r == 0 && rng.below(3) == 0));
            made += 1;
            if pending.len() == 2 {
                docs.push(document(made, std::mem::take(&mut pending)));
            }
        }
        if docs.len() >= 2048 {
            events += store.add_batch(&docs).expect("batch stores").new_events;
            docs.clear();
        }
    }
    if !pending.is_empty() {
        docs.push(document(made, pending));
    }
    events += store.add_batch(&docs).expect("batch stores").new_events;
    (events, started.elapsed().as_secs_f64())
}

fn document(n: usize, events: Vec<Event>) -> StoredDocument {
    let id = events[0].doc_id.clone();
    StoredDocument {
        content_hash: format!("{n:032x}"),
        source: Some(format!("outlet-{}", n % 97)),
        url: None,
        title: None,
        date: events[0].date.clone(),
        length: 1000,
        origin: id.clone(),
        doc_id: id,
        events,
    }
}

struct Count(usize);

impl Sink for Count {
    fn row(&mut self, _: &[Value]) -> dyad_store::Result<()> {
        self.0 += 1;
        Ok(())
    }
    fn finish(self: Box<Self>) -> dyad_store::Result<()> {
        Ok(())
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: store_bench dedup|query N DB";
    let (mode, n, db) = match args.as_slice() {
        [_, mode, n, db] => (mode.as_str(), n.parse::<usize>().expect(usage), Path::new(db)),
        _ => panic!("{usage}"),
    };
    let _ = std::fs::remove_file(db);
    match mode {
        "dedup" => {
            let (events, secs) = fill(db, n, true);
            println!("dedup: {n} mentions -> {events} events in {secs:.1} s ({:.0} mentions/s)", n as f64 / secs);
        }
        "query" => {
            let (events, secs) = fill(db, n, false);
            println!("query: stored {events} events in {secs:.1} s");
            let store = Store::open_read(db).expect("store opens");
            let mut rng = Rng(42);
            let mut times: Vec<f64> = (0..200)
                .map(|_| {
                    let (a, b) = (COUNTRIES[rng.below(COUNTRIES.len())], COUNTRIES[rng.below(COUNTRIES.len())]);
                    let filter = Filter { dyad: Some((a.into(), b.into())), ..Filter::default() };
                    let started = Instant::now();
                    query::run(store.connection(), &filter, Aggregation::Counts(Period::Week), 0, &mut Count(0)).expect("query runs");
                    started.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            times.sort_by(f64::total_cmp);
            println!("query: dyad weekly timeline over {events} events: p50 {:.1} ms, p95 {:.1} ms", times[100], times[190]);
        }
        _ => panic!("{usage}"),
    }
}
