//! The store's schema (version [`VERSION`]), documented column by column in ARCHITECTURE.md.
//!
//! Stable: columns are only ever added, with a new version and a migration here; a
//! store written by a newer dyad is refused rather than misread.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::{Result, StoreError, Thresholds};

/// The schema version, kept in `PRAGMA user_version`.
pub const VERSION: i64 = 1;

/// An event's codes, the same columns in `events` and `mentions`.
const CODE_COLUMNS: &str = "cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, cameo_name TEXT NOT NULL, quad_class INTEGER NOT NULL, \
    goldstein REAL NOT NULL, plover_type TEXT, plover_mode TEXT, acled_type TEXT, acled_sub_type TEXT";

/// The tables, with the column groups `events` and `mentions` share written once.
fn schema() -> String {
    let actor = |role: &str| format!("{role}_code TEXT, {role}_country TEXT, {role}_sector TEXT, {role}_name TEXT");
    SCHEMA.replace("{codes}", CODE_COLUMNS).replace("{source}", &actor("source")).replace("{target}", &actor("target"))
}

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    source       TEXT,
    url          TEXT,
    title        TEXT,
    date         TEXT,
    length       INTEGER NOT NULL,
    mentions     INTEGER NOT NULL,
    origin       TEXT NOT NULL,
    ingested_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id             INTEGER PRIMARY KEY,
    block          TEXT NOT NULL,
    {codes},
    source_key     TEXT NOT NULL,
    {source},
    target_key     TEXT NOT NULL,
    {target},
    location       TEXT,
    loc_country    TEXT,
    loc_precision  TEXT,
    lat            REAL,
    lon            REAL,
    day            INTEGER,
    date           TEXT,
    day_first      INTEGER,
    day_last       INTEGER,
    precise        INTEGER NOT NULL DEFAULT 1,
    intent         INTEGER NOT NULL DEFAULT 0,
    first_seen     TEXT,
    last_seen      TEXT,
    modality       TEXT NOT NULL,
    confirmation   TEXT,
    num_mentions   INTEGER NOT NULL DEFAULT 0,
    num_sources    INTEGER NOT NULL DEFAULT 0,
    num_articles   INTEGER NOT NULL DEFAULT 0,
    root_mention   INTEGER,
    is_root        INTEGER NOT NULL DEFAULT 0,
    source_url     TEXT,
    story          INTEGER
);
CREATE INDEX IF NOT EXISTS events_block ON events(block, day_first);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_key, target_key, day);
CREATE INDEX IF NOT EXISTS events_target ON events(target_key, day);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_story ON events(story, day);
CREATE TABLE IF NOT EXISTS mentions (
    id                INTEGER PRIMARY KEY,
    document          INTEGER NOT NULL REFERENCES documents(id),
    seq               INTEGER NOT NULL,
    event             INTEGER NOT NULL REFERENCES events(id),
    doc_id            TEXT NOT NULL,
    outlet            TEXT,
    pub_date          TEXT,
    {codes},
    source_text       TEXT,
    {source},
    target_text       TEXT,
    {target},
    modality          TEXT NOT NULL,
    confirmation      TEXT,
    attribution       TEXT,
    attribution_kind  TEXT,
    attribution_via   TEXT,
    location          TEXT,
    loc_country       TEXT,
    loc_precision     TEXT,
    loc_from_document INTEGER NOT NULL DEFAULT 0,
    lat               REAL,
    lon               REAL,
    date              TEXT,
    date_precision    TEXT,
    evidence          TEXT NOT NULL,
    evidence_start    INTEGER NOT NULL,
    evidence_end      INTEGER NOT NULL,
    trigger_text      TEXT NOT NULL,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL,
    confidence        REAL NOT NULL,
    UNIQUE (document, seq)
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event, pub_date);
CREATE VIRTUAL TABLE IF NOT EXISTS mentions_fts USING fts5(evidence, content='mentions', content_rowid='id');
-- Each batch adds a text-index segment; merging 16 at a time (default 4) rewrites each posting fewer times.
INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('automerge', 16);
CREATE TABLE IF NOT EXISTS event_status (
    event        INTEGER NOT NULL REFERENCES events(id),
    seq          INTEGER NOT NULL,
    modality     TEXT NOT NULL,
    confirmation TEXT,
    mention      INTEGER NOT NULL REFERENCES mentions(id),
    pub_date     TEXT,
    PRIMARY KEY (event, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stories (
    id         INTEGER PRIMARY KEY,
    actor_a    TEXT NOT NULL,
    actor_b    TEXT NOT NULL,
    topic      TEXT NOT NULL,
    day_first  INTEGER NOT NULL,
    day_last   INTEGER NOT NULL,
    num_events INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_key ON stories(actor_a, actor_b, topic, day_last);
"#;

/// Opens (and for writers, creates or upgrades) the database at `path`.
pub fn open(path: &Path, write: bool) -> Result<Connection> {
    // One connection is used by one thread at a time, so SQLite's per-call mutex is not needed.
    let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX
        | if write {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        } else {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        };
    let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError(format!("cannot open {}: {e}", path.display())))?;
    // Another process may be committing a batch; wait for it instead of failing.
    conn.busy_timeout(Duration::from_secs(30))?;
    // Room for every statement an ingest repeats, so none is prepared twice.
    conn.set_prepared_statement_cache_capacity(64);
    conn.execute_batch("PRAGMA cache_size = -262144;")?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > VERSION {
        return Err(StoreError(format!(
            "{} has store schema version {version}, newer than this dyad's ({VERSION}); use a newer dyad",
            path.display()
        )));
    }
    if write {
        // A new store gets 16 KB pages: mention rows are wide, and fewer, larger pages mean fewer
        // B-tree splits and WAL frames per batch (an existing store keeps its page size).
        conn.execute_batch("PRAGMA page_size = 16384")?;
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if mode != "wal" {
            return Err(StoreError(format!("cannot put {} in WAL mode (got {mode}); is it on a network file system?", path.display())));
        }
        // WAL with NORMAL sync is durable at checkpoints and always consistent, which is what crash safety needs.
        // Checkpoints every 64 MB (4096 pages) rather than 1000 pages: batches rewrite many of the same index pages.
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=4096;")?;
        if version < VERSION {
            conn.execute_batch(&format!("BEGIN; {} PRAGMA user_version={VERSION}; COMMIT;", schema()))?;
        }
    } else if version == 0 {
        return Err(StoreError(format!("{} is not a dyad store (or is empty)", path.display())));
    }
    Ok(conn)
}

pub fn stored_thresholds(conn: &Connection) -> Result<Option<Thresholds>> {
    let text: Option<String> = conn.query_row("SELECT value FROM meta WHERE key='thresholds'", [], |r| r.get(0)).optional()?;
    text.map(|t| Thresholds::parse(("store meta", &t)).map_err(|e| StoreError(format!("stored thresholds are unreadable: {e}")))).transpose()
}

pub fn store_thresholds(conn: &Connection, t: &Thresholds) -> Result<()> {
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('thresholds', ?1)", [t.to_tsv()])?;
    Ok(())
}

/// The store's invariants, as a list of violations (empty when consistent).
pub fn check(conn: &Connection) -> Result<Vec<String>> {
    let checks = [
        ("mentions without an event", "SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event WHERE e.id IS NULL"),
        ("mentions without a document", "SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.id = m.document WHERE d.id IS NULL"),
        ("events without mentions", "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id)"),
        ("events whose mention count is wrong", "SELECT count(*) FROM events e WHERE num_mentions != (SELECT count(*) FROM mentions m WHERE m.event = e.id)"),
        (
            "events whose article count is wrong",
            "SELECT count(*) FROM events e WHERE num_articles != (SELECT count(DISTINCT document) FROM mentions m WHERE m.event = e.id)",
        ),
        ("documents whose mention count is wrong", "SELECT count(*) FROM documents d WHERE mentions != (SELECT count(*) FROM mentions m WHERE m.document = d.id)"),
        ("events without status history", "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_status s WHERE s.event = e.id)"),
    ];
    let mut problems = Vec::new();
    for (what, sql) in checks {
        let n: i64 = conn.query_row(sql, [], |r| r.get(0))?;
        if n != 0 {
            problems.push(format!("{n} {what}"));
        }
    }
    Ok(problems)
}
