//! Storing a batch: documents, their mentions, the events the mentions join, and the
//! derived counts, status history and stories, all in one transaction.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use dyad_core::{Document, Event};
use rusqlite::{params, Connection, Row, Transaction};

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

/// An event's representative fields: the most specific values its mentions gave.
#[derive(Debug, Clone, PartialEq)]
struct EventRow {
    block: String,
    cameo: String,
    cameo_root: String,
    cameo_name: String,
    quad_class: u8,
    goldstein: f64,
    plover_type: Option<String>,
    plover_mode: Option<String>,
    acled_type: Option<String>,
    acled_sub_type: Option<String>,
    source: ActorCols,
    target: ActorCols,
    place: Option<Place>,
    facts_day_first: Option<i64>,
    facts_day_last: Option<i64>,
    precise: bool,
    intent: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct ActorCols {
    key: String,
    code: Option<String>,
    country: Option<String>,
    sector: Option<String>,
    name: Option<String>,
}

impl EventRow {
    fn of_mention(e: &Event, day: Option<i64>) -> EventRow {
        let actor = |a: &Option<dyad_core::Actor>| match a {
            None => ActorCols { key: "-".into(), ..ActorCols::default() },
            Some(a) => ActorCols {
                key: dedup::actor_key(a.code.as_deref(), a.country.as_deref()),
                code: a.code.clone(),
                country: a.country.clone(),
                sector: a.sector.clone(),
                name: Some(a.name.clone().unwrap_or_else(|| a.text.clone())),
            },
        };
        let (source, target) = (actor(&e.source), actor(&e.target));
        // An event is the real-world act: a report that announces or threatens it (CAMEO 03x/13x, with
        // the act beside it) joins the act's event, and its status history says planned → actual.
        let (cameo, cameo_name) = match &e.act {
            Some(act) => (act.cameo.clone(), act.name.clone()),
            None => (e.cameo.clone(), e.cameo_name.clone()),
        };
        let cameo_root = cameo[..2].to_string();
        EventRow {
            block: dedup::block(&cameo_root, &source.key, &target.key),
            cameo,
            cameo_root,
            cameo_name,
            quad_class: e.quad_class,
            goldstein: e.goldstein as f64,
            plover_type: e.plover.event_type.clone(),
            plover_mode: e.plover.mode.clone(),
            acled_type: e.acled.as_ref().map(|a| a.event_type.clone()),
            acled_sub_type: e.acled.as_ref().map(|a| a.sub_event_type.clone()),
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

    fn facts(&self) -> Facts {
        Facts {
            cameo: self.cameo.clone(),
            source_code: self.source.code.clone(),
            target_code: self.target.code.clone(),
            place: self.place.clone(),
            day_first: self.facts_day_first,
            day_last: self.facts_day_last,
            precise: self.precise,
            intent: self.intent,
        }
    }

    /// Takes what a new mention says more precisely than the event did.
    fn absorb(&mut self, m: &EventRow) {
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
    fn from_row(r: &Row) -> rusqlite::Result<EventRow> {
        let actor = |at: usize| -> rusqlite::Result<ActorCols> {
            Ok(ActorCols { key: r.get(at)?, code: r.get(at + 1)?, country: r.get(at + 2)?, sector: r.get(at + 3)?, name: r.get(at + 4)? })
        };
        let place_name: Option<String> = r.get(21)?;
        let precision: Option<String> = r.get(23)?;
        Ok(EventRow {
            block: r.get(1)?,
            cameo: r.get(2)?,
            cameo_root: r.get(3)?,
            cameo_name: r.get(4)?,
            quad_class: r.get(5)?,
            goldstein: r.get(6)?,
            plover_type: r.get(7)?,
            plover_mode: r.get(8)?,
            acled_type: r.get(9)?,
            acled_sub_type: r.get(10)?,
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

const EVENT_COLUMNS: &str = "block, cameo, cameo_root, cameo_name, quad_class, goldstein, plover_type, plover_mode, acled_type, acled_sub_type, \
    source_key, source_code, source_country, source_sector, source_name, target_key, target_code, target_country, target_sector, target_name, \
    location, loc_country, loc_precision, lat, lon, day_first, day_last, precise, intent, modality";

fn write_event(tx: &Transaction, id: Option<i64>, e: &EventRow) -> rusqlite::Result<i64> {
    let place = e.place.as_ref();
    let values = params![
        e.block,
        e.cameo,
        e.cameo_root,
        e.cameo_name,
        e.quad_class,
        e.goldstein,
        e.plover_type,
        e.plover_mode,
        e.acled_type,
        e.acled_sub_type,
        e.source.key,
        e.source.code,
        e.source.country,
        e.source.sector,
        e.source.name,
        e.target.key,
        e.target.code,
        e.target.country,
        e.target.sector,
        e.target.name,
        place.map(|p| &p.name),
        place.and_then(|p| p.country.as_ref()),
        place.map(|p| precision_name(p.rank)),
        place.and_then(|p| p.lat),
        place.and_then(|p| p.lon),
        e.facts_day_first,
        e.facts_day_last,
        e.precise,
        e.intent,
        // The status is derived when the batch ends; until then a placeholder.
        "actual",
    ];
    static INSERT: OnceLock<String> = OnceLock::new();
    static UPDATE: OnceLock<String> = OnceLock::new();
    match id {
        None => {
            let sql = INSERT.get_or_init(|| format!("INSERT INTO events ({EVENT_COLUMNS}) VALUES ({})", vec!["?"; 30].join(", ")));
            tx.prepare_cached(sql)?.execute(values)?;
            Ok(tx.last_insert_rowid())
        }
        Some(id) => {
            let sql = UPDATE.get_or_init(|| {
                let set: Vec<String> = EVENT_COLUMNS.split(", ").enumerate().map(|(i, c)| format!("{c} = ?{}", i + 1)).collect();
                format!("UPDATE events SET {} WHERE id = ?31", set.join(", "))
            });
            let mut stmt = tx.prepare_cached(sql)?;
            for (i, v) in values.iter().enumerate() {
                stmt.raw_bind_parameter(i + 1, v)?;
            }
            stmt.raw_bind_parameter(31, id)?;
            stmt.raw_execute()?;
            Ok(id)
        }
    }
}

/// The event a mention reports, among the events of its block whose dates come near it.
fn find_event(tx: &Transaction, t: &Thresholds, m: &EventRow) -> rusqlite::Result<Option<(i64, EventRow)>> {
    let facts = m.facts();
    let Some(day) = facts.day_first else { return Ok(None) };
    // Events span at most max_span_days, so their first day bounds the index range on both sides.
    static SQL: OnceLock<String> = OnceLock::new();
    let sql = SQL.get_or_init(|| format!("SELECT id, {EVENT_COLUMNS} FROM events WHERE block = ?1 AND day_first BETWEEN ?2 AND ?3 AND day_last >= ?4"));
    let mut stmt = tx.prepare_cached(sql)?;
    let w = t.max_window();
    let range = params![m.block, day - w - t.max_span_days, day + w, day - w];
    let rows = stmt.query_map(range, |r| Ok((r.get::<_, i64>(0)?, EventRow::from_row(r)?)))?;
    let mut best: Option<(i64, i64, EventRow)> = None;
    for row in rows {
        let (id, event) = row?;
        if !dedup::matches(t, &facts, &event.facts()) {
            continue;
        }
        let distance = match (facts.day_first, event.facts_day_first, event.facts_day_last) {
            (Some(d), Some(a), Some(b)) => (a - d).max(d - b).max(0),
            _ => 0,
        };
        if best.as_ref().is_none_or(|(bd, bid, _)| (distance, id) < (*bd, *bid)) {
            best = Some((distance, id, event));
        }
    }
    Ok(best.map(|(_, id, e)| (id, e)))
}

fn insert_mention(tx: &Transaction, doc: &StoredDocument, document: i64, seq: usize, event: i64, e: &Event) -> rusqlite::Result<i64> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO mentions (document, seq, event, doc_id, outlet, pub_date, cameo, cameo_root, cameo_name, quad_class, goldstein, \
         plover_type, plover_mode, acled_type, acled_sub_type, source_text, source_code, source_country, source_sector, source_name, \
         target_text, target_code, target_country, target_sector, target_name, modality, confirmation, attribution, attribution_kind, \
         attribution_via, location, loc_country, loc_precision, loc_from_document, lat, lon, date, date_precision, evidence, \
         evidence_start, evidence_end, trigger_text, trigger_start, trigger_end, confidence) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, \
         ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45)",
    )?;
    let s = e.source.as_ref();
    let t = e.target.as_ref();
    let a = e.attribution.as_ref();
    let l = e.location.as_ref();
    stmt.execute(params![
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
    Ok(tx.last_insert_rowid())
}

/// The lowercase name an enum has in `dyad code` output.
fn label<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Recomputes what an event derives from all its mentions: counts, root mention, dates seen, status history.
/// Returns the event's day.
fn refresh(tx: &Transaction, event: i64, new: bool) -> rusqlite::Result<Option<i64>> {
    struct M {
        id: i64,
        document: i64,
        outlet: Option<String>,
        pub_date: Option<String>,
        modality: String,
        confirmation: Option<String>,
        date: Option<String>,
        seq: i64,
    }
    impl M {
        fn day(&self) -> Option<i64> {
            self.date.as_deref().or(self.pub_date.as_deref()).and_then(dates::day)
        }
    }
    let mut stmt = tx.prepare_cached("SELECT id, document, outlet, pub_date, modality, confirmation, date, seq FROM mentions WHERE event = ?1")?;
    let mut mentions: Vec<M> = stmt
        .query_map([event], |r| {
            Ok(M {
                id: r.get(0)?,
                document: r.get(1)?,
                outlet: r.get(2)?,
                pub_date: r.get(3)?,
                modality: r.get(4)?,
                confirmation: r.get(5)?,
                date: r.get(6)?,
                seq: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Publication order; reports without a date come first, as the earliest possible.
    mentions.sort_by(|a, b| (&a.pub_date, a.id).cmp(&(&b.pub_date, b.id)));
    let Some(root) = mentions.first() else { return Ok(None) };
    let url: String = tx.prepare_cached("SELECT coalesce(url, doc_id) FROM documents WHERE id = ?1")?.query_row([root.document], |r| r.get(0))?;
    let articles: BTreeSet<i64> = mentions.iter().map(|m| m.document).collect();
    // Documents with no outlet named count as a source each.
    let sources: BTreeSet<String> = mentions.iter().map(|m| m.outlet.clone().unwrap_or_else(|| format!("\u{0}{}", m.document))).collect();
    let reports: Vec<status::Report> = mentions
        .iter()
        .map(|m| status::Report { mention: m.id, pub_date: m.pub_date.clone(), modality: m.modality.clone(), confirmation: m.confirmation.clone() })
        .collect();
    let history = status::history(&reports);
    let now = history.last().expect("an event with mentions has a status");
    // The event happened when the first report of the act says; before any such report, when the first report says.
    let day = mentions
        .iter()
        .filter(|m| m.modality == "actual")
        .filter_map(|m| m.day())
        .min()
        .or_else(|| root.day());
    let seen: Vec<&str> = mentions.iter().filter_map(|m| m.pub_date.as_deref()).collect();
    tx.prepare_cached(
        "UPDATE events SET num_mentions = ?2, num_sources = ?3, num_articles = ?4, root_mention = ?5, is_root = ?6, source_url = ?7, \
         first_seen = ?8, last_seen = ?9, day = ?10, date = ?11, modality = ?12, confirmation = ?13 WHERE id = ?1",
    )?
    .execute(params![
        event,
        mentions.len() as i64,
        sources.len() as i64,
        articles.len() as i64,
        root.id,
        root.seq == 0,
        url,
        seen.iter().min(),
        seen.iter().max(),
        day,
        day.map(dates::date),
        now.modality,
        now.confirmation,
    ])?;
    if !new {
        tx.prepare_cached("DELETE FROM event_status WHERE event = ?1")?.execute([event])?;
    }
    let mut insert = tx.prepare_cached("INSERT INTO event_status (event, seq, modality, confirmation, mention, pub_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for (seq, change) in history.iter().enumerate() {
        insert.execute(params![event, seq as i64, change.modality, change.confirmation, change.mention, change.pub_date])?;
    }
    Ok(day)
}

pub(crate) fn add_batch(conn: &mut Connection, t: &Thresholds, documents: &[StoredDocument]) -> Result<BatchTally> {
    let tx = conn.transaction()?;
    let first_new_mention: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM mentions", [], |r| r.get(0))?;
    let mut tally = BatchTally::default();
    let mut touched = BTreeSet::new();
    let mut created = Vec::new();
    for doc in documents {
        // A document already stored (same id or same content) hits a UNIQUE constraint and is skipped.
        let inserted = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO documents (doc_id, content_hash, source, url, title, date, length, mentions, origin, ingested_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, datetime('now'))",
            )?
            .execute(params![doc.doc_id, doc.content_hash, doc.source, doc.url, doc.title, doc.date, doc.length as i64, doc.events.len() as i64, doc.origin])?;
        if inserted == 0 {
            tally.skipped += 1;
            continue;
        }
        let document = tx.last_insert_rowid();
        tally.documents += 1;
        for (seq, e) in doc.events.iter().enumerate() {
            let day = e.date.as_deref().or(doc.date.as_deref()).and_then(dates::day);
            let mention = EventRow::of_mention(e, day);
            let event = match find_event(&tx, t, &mention)? {
                Some((id, event)) => {
                    let mut merged = event.clone();
                    merged.absorb(&mention);
                    if merged != event {
                        write_event(&tx, Some(id), &merged)?;
                    }
                    id
                }
                None => {
                    let id = write_event(&tx, None, &mention)?;
                    created.push((id, mention.source.key.clone(), mention.target.key.clone(), mention.cameo_root.clone()));
                    id
                }
            };
            insert_mention(&tx, doc, document, seq, event, e)?;
            touched.insert(event);
            tally.mentions += 1;
        }
    }
    // The batch's evidence goes into the text index in one statement, much faster than row by row.
    tx.prepare_cached("INSERT INTO mentions_fts(rowid, evidence) SELECT id, evidence FROM mentions WHERE id >= ?1")?.execute([first_new_mention])?;
    let created_ids: BTreeSet<i64> = created.iter().map(|c| c.0).collect();
    let mut days = std::collections::HashMap::new();
    for &event in &touched {
        days.insert(event, refresh(&tx, event, created_ids.contains(&event))?);
    }
    for (event, source, target, root) in &created {
        if let Some(day) = days[event] {
            story::link(&tx, t, *event, (source, target), root, day)?;
        }
    }
    tally.new_events = created.len();
    tx.commit()?;
    Ok(tally)
}
