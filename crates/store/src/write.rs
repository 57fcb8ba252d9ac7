//! Storing a batch: documents, their mentions, the events the mentions join, and the
//! derived counts, status history and stories, all in one transaction.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use dyad_core::{Document, Event};
use rusqlite::{params, CachedStatement, Connection, Row, ToSql, Transaction};

use crate::borrowing::BorrowingStatement;
use crate::dedup::{self, Facts, Place, Thresholds};
use crate::{dates, status, story, Result};

/// A coded document ready to store: what the store keeps of the document, and its events.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    pub doc_id: String,
    pub content_hash: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub length: usize,
    /// Where it was read from (`file.jsonl:12`), for the user.
    pub origin: String,
    pub events: Vec<Event>,
}

impl StoredDocument {
    pub fn new(doc: &Document, origin: String, events: Vec<Event>) -> StoredDocument {
        StoredDocument {
            doc_id: doc.id.clone(),
            content_hash: content_hash(doc),
            source: doc.source.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            date: doc.date.clone(),
            length: doc.text.len(),
            origin,
            events,
        }
    }
}

/// The identity of a document's content: its outlet and text (FNV-1a, 128 bits, hex).
/// The same wire story carried by two outlets is two reports; the same text from the same outlet is one.
pub fn content_hash(doc: &Document) -> String {
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for b in doc.source.as_deref().unwrap_or("").bytes().chain([0xff]).chain(doc.text.bytes()) {
        h ^= b as u128;
        h = h.wrapping_mul(0x0000000001000000000000000000013B);
    }
    format!("{h:032x}")
}

/// What one batch changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchTally {
    pub documents: usize,
    /// Documents already in the store (same id or same content), left as they were.
    pub skipped: usize,
    pub mentions: usize,
    pub new_events: usize,
}

/// An event's representative fields: the most specific values its mentions gave. A new mention's
/// row borrows its text from the batch (most mentions join an event and are dropped after);
/// a stored event's row owns what it read.
#[derive(Debug, Clone, PartialEq)]
struct EventRow<'a> {
    block: String,
    cameo: Cow<'a, str>,
    cameo_root: Cow<'a, str>,
    cameo_name: Cow<'a, str>,
    quad_class: u8,
    goldstein: f64,
    plover_type: Option<Cow<'a, str>>,
    plover_mode: Option<Cow<'a, str>>,
    acled_type: Option<Cow<'a, str>>,
    acled_sub_type: Option<Cow<'a, str>>,
    source: ActorCols<'a>,
    target: ActorCols<'a>,
    place: Option<Place>,
    facts_day_first: Option<i64>,
    facts_day_last: Option<i64>,
    precise: bool,
    intent: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct ActorCols<'a> {
    key: Cow<'a, str>,
    code: Option<Cow<'a, str>>,
    country: Option<Cow<'a, str>>,
    sector: Option<Cow<'a, str>>,
    name: Option<Cow<'a, str>>,
}

/// Borrows an optional string.
fn borrow(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

impl<'a> EventRow<'a> {
    fn of_mention(e: &'a Event, day: Option<i64>) -> EventRow<'a> {
        let actor = |a: &'a Option<dyad_core::Actor>| match a {
            None => ActorCols { key: "-".into(), ..ActorCols::default() },
            Some(a) => ActorCols {
                key: dedup::actor_key(a.code.as_deref(), a.country.as_deref()).into(),
                code: borrow(&a.code),
                country: borrow(&a.country),
                sector: borrow(&a.sector),
                name: Some(a.name.as_deref().unwrap_or(&a.text).into()),
            },
        };
        let (source, target) = (actor(&e.source), actor(&e.target));
        // An event is the real-world act: a report that announces or threatens it (CAMEO 03x/13x, with
        // the act beside it) joins the act's event, and its status history says planned → actual.
        let (cameo, cameo_name) = match &e.act {
            Some(act) => (&act.cameo, &act.name),
            None => (&e.cameo, &e.cameo_name),
        };
        let cameo_root = &cameo[..2];
        EventRow {
            block: dedup::block(cameo_root, &source.key, &target.key),
            cameo: cameo.into(),
            cameo_root: cameo_root.into(),
            cameo_name: cameo_name.into(),
            quad_class: e.quad_class,
            goldstein: e.goldstein as f64,
            plover_type: borrow(&e.plover.event_type),
            plover_mode: borrow(&e.plover.mode),
            acled_type: e.acled.as_ref().map(|a| a.event_type.as_str().into()),
            acled_sub_type: e.acled.as_ref().map(|a| a.sub_event_type.as_str().into()),
            source,
            target,
            place: e.location.as_ref().map(|l| Place {
                name: l.name.clone(),
                country: l.country.clone(),
                rank: Place::rank_of(&l.precision, l.country_from.is_some()),
                lat: l.lat,
                lon: l.lon,
            }),
            facts_day_first: day,
            facts_day_last: day,
            precise: e.date_precision.as_deref() == Some("day"),
            intent: e.modality != dyad_core::Modality::Actual,
        }
    }

    fn facts(&self) -> Facts<'_> {
        Facts {
            cameo: &self.cameo,
            source_code: self.source.code.as_deref(),
            target_code: self.target.code.as_deref(),
            place: self.place.as_ref(),
            day_first: self.facts_day_first,
            day_last: self.facts_day_last,
            precise: self.precise,
            intent: self.intent,
        }
    }

    /// Takes what a new mention says more precisely than the event did.
    fn absorb(&mut self, m: &EventRow<'a>) {
        // The act reported done replaces what its announcement said (code, scale, PLOVER and ACLED type).
        if dedup::cameo_refines(&self.cameo, &m.cameo) || (self.intent && !m.intent && !dedup::cameo_refines(&m.cameo, &self.cameo)) {
            self.cameo.clone_from(&m.cameo);
            self.cameo_name.clone_from(&m.cameo_name);
            self.quad_class = m.quad_class;
            self.goldstein = m.goldstein;
            self.plover_type.clone_from(&m.plover_type);
            self.plover_mode.clone_from(&m.plover_mode);
            self.acled_type.clone_from(&m.acled_type);
            self.acled_sub_type.clone_from(&m.acled_sub_type);
        }
        for (mine, theirs) in [(&mut self.source, &m.source), (&mut self.target, &m.target)] {
            if dedup::actor_refines(mine.code.as_deref(), theirs.code.as_deref()) {
                *mine = theirs.clone();
            }
        }
        if m.place.as_ref().is_some_and(|p| self.place.as_ref().is_none_or(|mine| p.rank > mine.rank)) {
            self.place.clone_from(&m.place);
        }
        self.facts_day_first = min_opt(self.facts_day_first, m.facts_day_first);
        self.facts_day_last = self.facts_day_last.max(m.facts_day_last);
        self.precise &= m.precise;
        self.intent |= m.intent;
    }

    /// Reads a row of `SELECT id, {EVENT_COLUMNS}` (by position: name lookups cost more than the query).
    fn from_row(r: &Row) -> rusqlite::Result<EventRow<'static>> {
        let text = |at: usize| r.get::<_, String>(at).map(Cow::Owned);
        let optional = |at: usize| r.get::<_, Option<String>>(at).map(|t| t.map(Cow::Owned));
        let actor = |at: usize| -> rusqlite::Result<ActorCols> {
            Ok(ActorCols { key: text(at)?, code: optional(at + 1)?, country: optional(at + 2)?, sector: optional(at + 3)?, name: optional(at + 4)? })
        };
        let place_name: Option<String> = r.get(21)?;
        let precision: Option<String> = r.get(23)?;
        Ok(EventRow {
            block: r.get(1)?,
            cameo: text(2)?,
            cameo_root: text(3)?,
            cameo_name: text(4)?,
            quad_class: r.get(5)?,
            goldstein: r.get(6)?,
            plover_type: optional(7)?,
            plover_mode: optional(8)?,
            acled_type: optional(9)?,
            acled_sub_type: optional(10)?,
            source: actor(11)?,
            target: actor(16)?,
            place: match place_name {
                None => None,
                Some(name) => Some(Place {
                    name,
                    country: r.get(22)?,
                    rank: Place::rank_of(precision.as_deref().unwrap_or("country"), false),
                    lat: r.get(24)?,
                    lon: r.get(25)?,
                }),
            },
            facts_day_first: r.get(26)?,
            facts_day_last: r.get(27)?,
            precise: r.get(28)?,
            intent: r.get(29)?,
        })
    }
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn precision_name(rank: u8) -> &'static str {
    match rank {
        4 => "sub-city",
        3 => "city",
        2 => "admin1",
        _ => "country",
    }
}

/// The columns an event takes from the most specific of its mentions (read back by [`EventRow::from_row`]).
const EVENT_COLUMNS: &str = "block, cameo, cameo_root, cameo_name, quad_class, goldstein, plover_type, plover_mode, acled_type, acled_sub_type, \
    source_key, source_code, source_country, source_sector, source_name, target_key, target_code, target_country, target_sector, target_name, \
    location, loc_country, loc_precision, lat, lon, day_first, day_last, precise, intent";

/// The columns an event derives from all its mentions once per batch ([`Derived`], in this order).
const DERIVED_COLUMNS: &str =
    "num_mentions, num_sources, num_articles, root_mention, is_root, source_url, first_seen, last_seen, day, date, modality, confirmation";

/// One report of an event, as its counts and status need it.
struct Report {
    mention: i64,
    document: i64,
    outlet: Option<String>,
    pub_date: Option<String>,
    modality: String,
    confirmation: Option<String>,
    date: Option<String>,
    seq: i64,
    /// The document's url, else its id: the event's `source_url` when this is the first report.
    url: String,
}

impl Report {
    fn day(&self) -> Option<i64> {
        self.date.as_deref().or(self.pub_date.as_deref()).and_then(dates::day)
    }
}

/// An event the batch may touch: read from the store, or started by one of the batch's mentions.
struct OpenEvent<'a> {
    id: i64,
    row: EventRow<'a>,
    /// Stored before this batch: its earlier reports are read back when it is refreshed.
    stored: bool,
    /// This batch's reports of it.
    reports: Vec<Report>,
}

/// The events a batch's mentions may join. Each block of the batch is read once, over the date
/// window of all its mentions; mentions are then matched in memory, against events as the batch
/// has changed them so far, exactly as if each mention had queried the store.
#[derive(Default)]
struct Candidates<'a> {
    events: Vec<OpenEvent<'a>>,
    by_block: HashMap<String, Vec<usize>>,
}

impl<'a> Candidates<'a> {
    fn load<'m>(tx: &Transaction, t: &Thresholds, mentions: impl Iterator<Item = &'m EventRow<'a>>) -> rusqlite::Result<Candidates<'a>>
    where
        'a: 'm,
    {
        let mut spans: HashMap<&str, (i64, i64)> = HashMap::new();
        for m in mentions {
            if let Some(day) = m.facts_day_first {
                let span = spans.entry(&m.block).or_insert((day, day));
                *span = (span.0.min(day), span.1.max(day));
            }
        }
        // Events span at most max_span_days, so their first day bounds the index range on both sides.
        static SQL: OnceLock<String> = OnceLock::new();
        let sql = SQL.get_or_init(|| format!("SELECT id, {EVENT_COLUMNS} FROM events WHERE block = ?1 AND day_first BETWEEN ?2 AND ?3 AND day_last >= ?4"));
        let mut stmt = tx.prepare_cached(sql)?;
        let w = t.max_window();
        let mut candidates = Candidates::default();
        for (block, (first, last)) in spans {
            let rows = stmt.query_map(params![block, first - w - t.max_span_days, last + w, first - w], |r| Ok((r.get(0)?, EventRow::from_row(r)?)))?;
            for row in rows {
                let (id, row) = row?;
                candidates.open(OpenEvent { id, row, stored: true, reports: Vec::new() });
            }
        }
        Ok(candidates)
    }

    /// The event a mention reports: of the matching events of its block, the nearest in time (ties: the oldest).
    fn find(&self, t: &Thresholds, m: &EventRow) -> Option<usize> {
        let facts = m.facts();
        let day = facts.day_first?;
        self.by_block
            .get(&m.block)?
            .iter()
            .copied()
            .filter(|&i| dedup::matches(t, &facts, &self.events[i].row.facts()))
            .min_by_key(|&i| {
                let e = &self.events[i];
                // A match has both days (dates_compatible).
                let (first, last) = (e.row.facts_day_first.unwrap_or(day), e.row.facts_day_last.unwrap_or(day));
                ((first - day).max(day - last).max(0), e.id)
            })
    }

    fn open(&mut self, event: OpenEvent<'a>) -> usize {
        let index = self.events.len();
        self.by_block.entry(event.row.block.clone()).or_default().push(index);
        self.events.push(event);
        index
    }
}

/// The lowercase name an enum has in `dyad code` output.
fn label<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// What an event derives from all its reports.
struct Derived {
    mentions: i64,
    sources: i64,
    articles: i64,
    root: i64,
    is_root: bool,
    source_url: String,
    first_seen: Option<String>,
    last_seen: Option<String>,
    day: Option<i64>,
    date: Option<String>,
    history: Vec<status::Change>,
}

impl Derived {
    /// Counts, root report, dates seen and status history of an event's reports (at least one).
    fn of(mut reports: Vec<Report>) -> Derived {
        // Publication order; reports without a date come first, as the earliest possible.
        reports.sort_by(|a, b| (&a.pub_date, a.mention).cmp(&(&b.pub_date, b.mention)));
        let root = &reports[0];
        let articles: BTreeSet<i64> = reports.iter().map(|r| r.document).collect();
        // Documents with no outlet named count as a source each.
        let sources: BTreeSet<String> = reports.iter().map(|r| r.outlet.clone().unwrap_or_else(|| format!("\u{0}{}", r.document))).collect();
        let says: Vec<status::Report> = reports
            .iter()
            .map(|r| status::Report { mention: r.mention, pub_date: r.pub_date.clone(), modality: r.modality.clone(), confirmation: r.confirmation.clone() })
            .collect();
        // The event happened when the first report of the act says; before any such report, when the first report says.
        let day = reports.iter().filter(|r| r.modality == "actual").filter_map(Report::day).min().or_else(|| root.day());
        let seen = || reports.iter().filter_map(|r| r.pub_date.clone());
        Derived {
            mentions: reports.len() as i64,
            sources: sources.len() as i64,
            articles: articles.len() as i64,
            root: root.mention,
            is_root: root.seq == 0,
            source_url: root.url.clone(),
            first_seen: seen().min(),
            last_seen: seen().max(),
            day,
            date: day.map(dates::date),
            history: status::history(&says),
        }
    }
}

/// The statements a batch repeats row by row, prepared once per batch: a statement-cache lookup
/// per row hashes the whole SQL text and clears the statement's bindings each time. The writes
/// bind their text in place ([`BorrowingStatement`]).
struct Statements<'tx> {
    document: BorrowingStatement<'tx>,
    mention: BorrowingStatement<'tx>,
    earlier_reports: CachedStatement<'tx>,
    insert_event: BorrowingStatement<'tx>,
    update_event: BorrowingStatement<'tx>,
    clear_history: BorrowingStatement<'tx>,
    history: BorrowingStatement<'tx>,
    stories: story::Linker<'tx>,
}

impl<'tx> Statements<'tx> {
    fn prepare(tx: &'tx Transaction) -> rusqlite::Result<Statements<'tx>> {
        static EVENT_SQL: OnceLock<(String, String)> = OnceLock::new();
        let (insert_event, update_event) = EVENT_SQL.get_or_init(|| {
            let columns: Vec<&str> = EVENT_COLUMNS.split(", ").chain(DERIVED_COLUMNS.split(", ")).collect();
            let slots: Vec<String> = (1..=columns.len() + 2).map(|i| format!("?{i}")).collect();
            let sets: Vec<String> = columns.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect();
            (
                format!("INSERT INTO events (id, {}, story) VALUES ({})", columns.join(", "), slots.join(", ")),
                format!("UPDATE events SET {} WHERE id = ?1", sets.join(", ")),
            )
        });
        Ok(Statements {
            document: BorrowingStatement::prepare(
                tx,
                "INSERT OR IGNORE INTO documents (doc_id, content_hash, source, url, title, date, length, mentions, origin, ingested_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, datetime('now'))",
            )?,
            mention: BorrowingStatement::prepare(
                tx,
                "INSERT INTO mentions (id, document, seq, event, doc_id, outlet, pub_date, cameo, cameo_root, cameo_name, quad_class, goldstein, \
                 plover_type, plover_mode, acled_type, acled_sub_type, source_text, source_code, source_country, source_sector, source_name, \
                 target_text, target_code, target_country, target_sector, target_name, modality, confirmation, attribution, attribution_kind, \
                 attribution_via, location, loc_country, loc_precision, loc_from_document, lat, lon, date, date_precision, evidence, \
                 evidence_start, evidence_end, trigger_text, trigger_start, trigger_end, confidence) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, \
                 ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46)",
            )?,
            earlier_reports: tx.prepare_cached(
                "SELECT m.id, m.document, m.outlet, m.pub_date, m.modality, m.confirmation, m.date, m.seq, coalesce(d.url, d.doc_id) \
                 FROM mentions m JOIN documents d ON d.id = m.document WHERE m.event = ?1 AND m.id < ?2",
            )?,
            insert_event: BorrowingStatement::prepare(tx, insert_event)?,
            update_event: BorrowingStatement::prepare(tx, update_event)?,
            clear_history: BorrowingStatement::prepare(tx, "DELETE FROM event_status WHERE event = ?1")?,
            history: BorrowingStatement::prepare(
                tx,
                "INSERT INTO event_status (event, seq, modality, confirmation, mention, pub_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            stories: story::Linker::new(tx)?,
        })
    }

    /// Inserts a document; no row when one with the same id or content is already stored (a UNIQUE constraint).
    fn insert_document(&mut self, doc: &StoredDocument) -> rusqlite::Result<usize> {
        self.document.execute(params![
            doc.doc_id,
            doc.content_hash,
            doc.source,
            doc.url,
            doc.title,
            doc.date,
            doc.length as i64,
            doc.events.len() as i64,
            doc.origin
        ])
    }

    fn insert_mention(&mut self, id: i64, doc: &StoredDocument, document: i64, seq: usize, event: i64, e: &Event) -> rusqlite::Result<()> {
        let s = e.source.as_ref();
        let t = e.target.as_ref();
        let a = e.attribution.as_ref();
        let l = e.location.as_ref();
        self.mention.execute(params![
            id,
            document,
            seq as i64,
            event,
            doc.doc_id,
            doc.source,
            doc.date,
            e.cameo,
            e.cameo_root,
            e.cameo_name,
            e.quad_class,
            e.goldstein as f64,
            e.plover.event_type,
            e.plover.mode,
            e.acled.as_ref().map(|x| &x.event_type),
            e.acled.as_ref().map(|x| &x.sub_event_type),
            s.map(|x| &x.text),
            s.and_then(|x| x.code.as_ref()),
            s.and_then(|x| x.country.as_ref()),
            s.and_then(|x| x.sector.as_ref()),
            s.and_then(|x| x.name.as_ref()),
            t.map(|x| &x.text),
            t.and_then(|x| x.code.as_ref()),
            t.and_then(|x| x.country.as_ref()),
            t.and_then(|x| x.sector.as_ref()),
            t.and_then(|x| x.name.as_ref()),
            label(&e.modality),
            e.confirmation.as_ref().map(label),
            a.map(|x| &x.text),
            a.map(|x| label(&x.kind)),
            a.and_then(|x| x.via.as_ref()),
            l.map(|x| &x.name),
            l.and_then(|x| x.country.as_ref()),
            l.map(|x| &x.precision),
            l.is_some_and(|x| x.country_from.is_some()),
            l.and_then(|x| x.lat),
            l.and_then(|x| x.lon),
            e.date,
            e.date_precision,
            e.evidence.text,
            e.evidence.start as i64,
            e.evidence.end as i64,
            e.trigger.text,
            e.trigger.start as i64,
            e.trigger.end as i64,
            e.confidence as f64,
        ])?;
        Ok(())
    }

    /// The reports of a stored event from before this batch.
    fn earlier_reports(&mut self, event: i64, first_new_mention: i64) -> rusqlite::Result<Vec<Report>> {
        let rows = self.earlier_reports.query_map([event, first_new_mention], |r| {
            Ok(Report {
                mention: r.get(0)?,
                document: r.get(1)?,
                outlet: r.get(2)?,
                pub_date: r.get(3)?,
                modality: r.get(4)?,
                confirmation: r.get(5)?,
                date: r.get(6)?,
                seq: r.get(7)?,
                url: r.get(8)?,
            })
        })?;
        rows.collect()
    }

    /// Writes an event's row: all of it for a new event (with its story), all but the story for a stored one.
    fn write_event(&mut self, event: &OpenEvent, d: &Derived, story: Option<i64>) -> rusqlite::Result<()> {
        let e = &event.row;
        let place = e.place.as_ref();
        let (location, loc_country, loc_precision) = (place.map(|p| &p.name), place.and_then(|p| p.country.as_ref()), place.map(|p| precision_name(p.rank)));
        let (lat, lon) = (place.and_then(|p| p.lat), place.and_then(|p| p.lon));
        let now = d.history.last().expect("an event with reports has a status");
        let values: [&dyn ToSql; 43] = [
            &event.id,
            &e.block,
            &e.cameo,
            &e.cameo_root,
            &e.cameo_name,
            &e.quad_class,
            &e.goldstein,
            &e.plover_type,
            &e.plover_mode,
            &e.acled_type,
            &e.acled_sub_type,
            &e.source.key,
            &e.source.code,
            &e.source.country,
            &e.source.sector,
            &e.source.name,
            &e.target.key,
            &e.target.code,
            &e.target.country,
            &e.target.sector,
            &e.target.name,
            &location,
            &loc_country,
            &loc_precision,
            &lat,
            &lon,
            &e.facts_day_first,
            &e.facts_day_last,
            &e.precise,
            &e.intent,
            &d.mentions,
            &d.sources,
            &d.articles,
            &d.root,
            &d.is_root,
            &d.source_url,
            &d.first_seen,
            &d.last_seen,
            &d.day,
            &d.date,
            &now.modality,
            &now.confirmation,
            // Last, so that an update binds every value but this one.
            &story,
        ];
        if event.stored {
            self.update_event.execute(&values[..42])?;
        } else {
            self.insert_event.execute(&values[..43])?;
        }
        Ok(())
    }

    /// Replaces an event's status history.
    fn write_history(&mut self, event: i64, stored: bool, history: &[status::Change]) -> rusqlite::Result<()> {
        if stored {
            self.clear_history.execute(params![event])?;
        }
        for (seq, change) in history.iter().enumerate() {
            self.history.execute(params![event, seq as i64, change.modality, change.confirmation, change.mention, change.pub_date])?;
        }
        Ok(())
    }
}

pub(crate) fn add_batch(conn: &mut Connection, t: &Thresholds, documents: &[StoredDocument]) -> Result<BatchTally> {
    let tx = conn.transaction()?;
    // Ids are given here, so that events are written once, before the mentions that refer to them.
    let first_new_mention: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM mentions", [], |r| r.get(0))?;
    let mut next_event: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM events", [], |r| r.get(0))?;
    let mut tally = BatchTally::default();
    let mut sql = Statements::prepare(&tx)?;
    let mut stored = Vec::new();
    for doc in documents {
        // A document already stored (same id or same content) is skipped.
        if sql.insert_document(doc)? == 0 {
            tally.skipped += 1;
            continue;
        }
        tally.documents += 1;
        let rows: Vec<EventRow> = doc.events.iter().map(|e| EventRow::of_mention(e, e.date.as_deref().or(doc.date.as_deref()).and_then(dates::day))).collect();
        stored.push((doc, tx.last_insert_rowid(), rows));
    }
    // Dedup in memory: each mention joins an event (or starts one) in input order.
    let mut candidates = Candidates::load(&tx, t, stored.iter().flat_map(|(_, _, rows)| rows))?;
    let mut mentions = Vec::new();
    for (doc, document, rows) in stored {
        let url = doc.url.clone().unwrap_or_else(|| doc.doc_id.clone());
        for (seq, (e, mention)) in doc.events.iter().zip(rows).enumerate() {
            let index = match candidates.find(t, &mention) {
                Some(index) => {
                    candidates.events[index].row.absorb(&mention);
                    index
                }
                None => {
                    next_event += 1;
                    candidates.open(OpenEvent { id: next_event - 1, row: mention, stored: false, reports: Vec::new() })
                }
            };
            let event = &mut candidates.events[index];
            let id = first_new_mention + mentions.len() as i64;
            event.reports.push(Report {
                mention: id,
                document,
                outlet: doc.source.clone(),
                pub_date: doc.date.clone(),
                modality: label(&e.modality),
                confirmation: e.confirmation.as_ref().map(label),
                date: e.date.clone(),
                seq: seq as i64,
                url: url.clone(),
            });
            mentions.push((id, doc, document, seq, event.id, e));
        }
    }
    // Each touched event is written once, in id order: counts and status from all its reports, and a new event's story.
    let mut touched: Vec<OpenEvent> = candidates.events.into_iter().filter(|e| !e.reports.is_empty()).collect();
    touched.sort_by_key(|e| e.id);
    let mut histories = Vec::with_capacity(touched.len());
    for mut event in touched {
        let mut reports = std::mem::take(&mut event.reports);
        if event.stored {
            reports.extend(sql.earlier_reports(event.id, first_new_mention)?);
        }
        let derived = Derived::of(reports);
        let story = match (event.stored, derived.day) {
            (false, Some(day)) => sql.stories.link(t, (&event.row.source.key, &event.row.target.key), &event.row.cameo_root, day)?,
            _ => None,
        };
        sql.write_event(&event, &derived, story)?;
        tally.new_events += usize::from(!event.stored);
        histories.push((event.id, event.stored, derived.history));
    }
    for (id, doc, document, seq, event, e) in mentions {
        sql.insert_mention(id, doc, document, seq, event, e)?;
        tally.mentions += 1;
    }
    // The status history refers to the mentions, so it comes after them.
    for (event, stored, history) in histories {
        sql.write_history(event, stored, &history)?;
    }
    drop(sql);
    // The batch's evidence goes into the text index in one statement, much faster than row by row.
    tx.prepare_cached("INSERT INTO mentions_fts(rowid, evidence) SELECT id, evidence FROM mentions WHERE id >= ?1")?.execute([first_new_mention])?;
    tx.commit()?;
    Ok(tally)
}
