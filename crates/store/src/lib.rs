//! dyad's embedded event store: one SQLite file (WAL mode) that keeps every coded
//! mention with its evidence, groups mentions into deduplicated events the way an
//! analyst would, tracks each event's status over time, links events into stories,
//! and answers queries and exports.
//!
//! Data flow: the caller codes documents and hands them to [`Store::add_batch`] one
//! batch at a time. Each batch is one transaction: documents already stored (same id
//! or same content hash) are skipped, the others' mentions are matched against
//! candidate events found through the `(CAMEO root, dyad)` blocking index
//! ([`dedup`]), and the touched events get their counts, status history
//! ([`status`]) and story ([`story`]) recomputed. Reads ([`query`], [`export`]) run
//! on their own connections and never block an ingest.
//!
//! The schema is in [`schema`] and documented in ARCHITECTURE.md. This crate knows
//! nothing of how events are coded: it depends on `dyad-core` types only.

mod borrowing;
pub mod dates;
pub mod dedup;
pub mod export;
pub mod query;
pub mod schema;
pub mod status;
pub mod story;
pub mod table;
mod write;

use std::fmt;
use std::path::Path;

use rusqlite::Connection;

pub use dedup::Thresholds;
pub use write::{content_hash, BatchTally, StoredDocument};

/// The default database file, in the working directory.
pub const DEFAULT_DB: &str = "dyad.db";

/// An error from the store, phrased for the user.
#[derive(Debug)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError(format!("database error: {e}"))
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open store. Writers and readers each open their own; SQLite's WAL lets readers
/// query while one writer ingests.
pub struct Store {
    conn: Connection,
    thresholds: Thresholds,
}

impl Store {
    /// Opens the store at `path` for writing, creating it with `thresholds` when new.
    /// An existing store keeps the thresholds it was built with; asking for different
    /// ones is an error, because events already grouped would disagree with new ones.
    pub fn open(path: &Path, thresholds: Option<Thresholds>) -> Result<Store> {
        let conn = schema::open(path, true)?;
        let stored = schema::stored_thresholds(&conn)?;
        let thresholds = match (stored, thresholds) {
            (Some(stored), Some(asked)) if stored != asked => {
                return Err(StoreError(format!(
                    "{} was built with other dedup thresholds; ingest into a new --db to use new ones",
                    path.display()
                )))
            }
            (Some(stored), _) => stored,
            (None, asked) => {
                let t = asked.unwrap_or_default();
                schema::store_thresholds(&conn, &t)?;
                t
            }
        };
        Ok(Store { conn, thresholds })
    }

    /// Opens an existing store for reading only.
    pub fn open_read(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError(format!("no store at {}; create one with `dyad ingest PATH... --db {}`", path.display(), path.display())));
        }
        let conn = schema::open(path, false)?;
        let thresholds = schema::stored_thresholds(&conn)?.unwrap_or_default();
        Ok(Store { conn, thresholds })
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// Stores one batch of coded documents in one transaction: all of it or none of it.
    pub fn add_batch(&mut self, documents: &[StoredDocument]) -> Result<BatchTally> {
        write::add_batch(&mut self.conn, &self.thresholds, documents)
    }

    /// Whether a document with this id or this content is already stored.
    pub fn contains(&self, doc_id: &str, content_hash: &str) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1 UNION ALL SELECT 1 FROM documents WHERE content_hash = ?2 LIMIT 1")?;
        Ok(stmt.exists([doc_id, content_hash])?)
    }

    /// Checks the store's invariants: every mention belongs to an existing event, and
    /// every event's counts agree with its mentions. Returns the problems found.
    pub fn check(&self) -> Result<Vec<String>> {
        schema::check(&self.conn)
    }
}
