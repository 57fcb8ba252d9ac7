//! The store commands: `dyad ingest` (read, code and store), `dyad query`, `dyad export`
//! and `dyad story`. Coding reuses `dyad code`'s per-document step, so a bad or
//! crashing document is reported and skipped the same way.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::panic;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;

use dyad_coder::{Coder, DEFAULT_MAX_BYTES};
use dyad_ingest::{Input, Record};
use dyad_store::export::{self, ExportFormat};
use dyad_store::query::{self, Aggregation, Filter, Period};
use dyad_store::table::{self, Format};
use dyad_store::{story, BatchTally, StoreError, StoredDocument, Thresholds};
use rayon::prelude::*;

use crate::code::{code_one, Outcome, BATCH};

/// Most documents stored in one transaction.
const STORE_BATCH: usize = 4 * BATCH;

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Input files or directories, as for `dyad code`; "-" is standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// The store file (created when missing).
    #[arg(long, value_name = "FILE", default_value = dyad_store::DEFAULT_DB)]
    db: PathBuf,
    /// Dedup thresholds for a new store (TSV like data/store/thresholds.tsv).
    #[arg(long, value_name = "FILE")]
    thresholds: Option<PathBuf>,
    /// Code at most this many bytes of each document.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Print no warnings and no summary, only errors.
    #[arg(short, long)]
    quiet: bool,
}

fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("dyad: error: {e}");
    ExitCode::from(2)
}

pub fn ingest(args: IngestArgs) -> ExitCode {
    let thresholds = match &args.thresholds {
        None => None,
        Some(path) => match std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|t| Thresholds::parse((&path.display().to_string(), &t))) {
            Ok(t) => Some(t),
            Err(e) => return fail(format!("cannot read thresholds {}: {e}", path.display())),
        },
    };
    let store = match dyad_store::Store::open(&args.db, thresholds) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    // Known documents are looked up on a reading connection while the writer thread stores the previous batch.
    let reader = match dyad_store::Store::open_read(&args.db) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let (batches, received) = mpsc::sync_channel::<Vec<StoredDocument>>(4);
    let writer = thread::spawn(move || -> Result<BatchTally, StoreError> {
        let mut store = store;
        let mut total = BatchTally::default();
        while let Ok(mut documents) = received.recv() {
            // Batches that queued up while the last one was written go into one transaction: fewer, larger commits.
            while documents.len() < STORE_BATCH {
                match received.try_recv() {
                    Ok(more) => documents.extend(more),
                    Err(_) => break,
                }
            }
            let t = store.add_batch(&documents)?;
            total.documents += t.documents;
            total.skipped += t.skipped;
            total.mentions += t.mentions;
            total.new_events += t.new_events;
        }
        Ok(total)
    });
    // A bug on one document must not end the batch: panics are caught per document and reported.
    panic::set_hook(Box::new(|_| {}));
    let coder = Coder::new(args.max_bytes);
    let inputs: Vec<Input> = args.paths.iter().map(|p| Input::parse(p)).collect();
    let mut records = dyad_ingest::read(inputs).peekable();
    let (mut known, mut errors, mut warnings) = (0usize, 0usize, 0usize);
    while records.peek().is_some() {
        // Documents already stored are not coded again: re-ingesting and resuming cost only reading.
        let mut batch: Vec<(Option<StoredDocument>, Record)> = Vec::with_capacity(BATCH);
        for record in records.by_ref().take(BATCH) {
            let stored = match &record.document {
                Ok(doc) => {
                    let hash = dyad_store::content_hash(doc);
                    match reader.contains(&doc.id, &hash) {
                        Ok(true) => {
                            known += 1;
                            continue;
                        }
                        Ok(false) => Some(StoredDocument::new(doc, record.origin.to_string(), Vec::new())),
                        Err(e) => return fail(e),
                    }
                }
                Err(_) => None,
            };
            batch.push((stored, record));
        }
        let coded: Vec<(Option<StoredDocument>, Outcome)> = batch.into_par_iter().map(|(stored, record)| (stored, code_one(&coder, record))).collect();
        let mut documents = Vec::with_capacity(coded.len());
        for (stored, outcome) in coded {
            let Outcome { origin, warnings: mut notes, result, .. } = outcome;
            match (stored, result) {
                (Some(mut doc), Ok((coder_notes, events))) => {
                    notes.extend(coder_notes);
                    doc.events = events.into_iter().map(|c| c.event).collect();
                    documents.push(doc);
                }
                (_, Err(message)) => {
                    errors += 1;
                    eprintln!("dyad: {origin}: error: {message}; skipped");
                }
                (None, Ok(_)) => unreachable!("only readable documents are coded"),
            }
            warnings += notes.len();
            if !args.quiet {
                for w in notes {
                    eprintln!("dyad: {origin}: warning: {w}");
                }
            }
        }
        if batches.send(documents).is_err() {
            // The writer stopped on an error; it is reported below.
            break;
        }
    }
    drop(batches);
    let total = match writer.join().expect("the store writer does not panic") {
        Ok(t) => BatchTally { skipped: t.skipped + known, ..t },
        Err(e) => return fail(format!("{e}; the batches stored before are kept, run the same ingest again to resume")),
    };
    let _ = panic::take_hook();
    if !args.quiet {
        eprintln!(
            "dyad: {} documents stored, {} already in the store, {} mentions, {} new events, {} errors, {} warnings ({})",
            total.documents,
            total.skipped,
            total.mentions,
            total.new_events,
            errors,
            warnings,
            args.db.display()
        );
    }
    if total.documents + total.skipped == 0 && errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Filters shared by `dyad query` and `dyad export`.
#[derive(clap::Args)]
pub struct FilterArgs {
    /// The store file.
    #[arg(long, value_name = "FILE", default_value = dyad_store::DEFAULT_DB)]
    db: PathBuf,
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// An actor on either side: a country (USA) or a more specific code (USAGOV).
    #[arg(long, value_name = "CODE")]
    actor: Option<String>,
    /// Source and target, in that direction: SRC:TGT (e.g. USA:CHN, RUSMIL:UKR).
    #[arg(long, value_name = "SRC:TGT")]
    dyad: Option<String>,
    /// A CAMEO root (19) or code (193).
    #[arg(long, value_name = "CODE")]
    cameo: Option<String>,
    /// A PLOVER event type (ASSAULT, PROTEST, ...).
    #[arg(long, value_name = "TYPE")]
    plover: Option<String>,
    /// actual, planned, possible or negated (the event's current status).
    #[arg(long)]
    modality: Option<String>,
    /// confirmed, unconfirmed or denied (the event's current status).
    #[arg(long)]
    confirmation: Option<String>,
    /// A place name (part of it) or an ISO alpha-3 country where the event happened.
    #[arg(long, value_name = "PLACE")]
    location: Option<String>,
    /// Words in the evidence sentences (SQLite FTS5 syntax: "troops AND border", "strik*").
    #[arg(long, value_name = "QUERY")]
    text: Option<String>,
    /// Only the events of this story.
    #[arg(long, value_name = "ID")]
    story: Option<i64>,
}

impl FilterArgs {
    fn filter(&self) -> Result<Filter, StoreError> {
        let dyad = match &self.dyad {
            None => None,
            Some(d) => match d.split_once(':') {
                Some((s, t)) if !s.is_empty() && !t.is_empty() => Some((s.to_string(), t.to_string())),
                _ => return Err(StoreError(format!("--dyad {d:?}: write SOURCE:TARGET, e.g. USA:CHN"))),
            },
        };
        Ok(Filter {
            from: self.from.clone(),
            to: self.to.clone(),
            actor: self.actor.clone(),
            dyad,
            cameo: self.cameo.clone(),
            plover: self.plover.clone(),
            modality: self.modality.clone(),
            confirmation: self.confirmation.clone(),
            location: self.location.clone(),
            text: self.text.clone(),
            story: self.story,
        })
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
}

impl From<PeriodArg> for Period {
    fn from(p: PeriodArg) -> Period {
        match p {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OutputArg {
    Table,
    Json,
    Csv,
}

#[derive(clap::Args)]
pub struct QueryArgs {
    #[command(flatten)]
    filters: FilterArgs,
    /// Count events per period by quad class instead of listing them.
    #[arg(long, value_name = "PERIOD", conflicts_with_all = ["top_dyads", "goldstein"])]
    count: Option<PeriodArg>,
    /// List the dyads with the most events.
    #[arg(long, conflicts_with = "goldstein")]
    top_dyads: bool,
    /// The Goldstein conflict/cooperation series per period.
    #[arg(long, value_name = "PERIOD")]
    goldstein: Option<PeriodArg>,
    /// Output: an aligned table, JSON lines or CSV.
    #[arg(long, value_enum, default_value = "table")]
    format: OutputArg,
    /// At most this many rows for event lists and top dyads.
    #[arg(long, default_value_t = 50)]
    limit: usize,
}

pub fn query(args: QueryArgs) -> ExitCode {
    let aggregation = match (args.count, args.top_dyads, args.goldstein) {
        (Some(p), _, _) => Aggregation::Counts(p.into()),
        (_, true, _) => Aggregation::TopDyads,
        (_, _, Some(p)) => Aggregation::Goldstein(p.into()),
        _ => Aggregation::Events,
    };
    let format = match args.format {
        OutputArg::Table => Format::Table,
        OutputArg::Json => Format::Json,
        OutputArg::Csv => Format::Csv,
    };
    let run = || -> Result<usize, StoreError> {
        let filter = args.filters.filter()?;
        let store = dyad_store::Store::open_read(&args.filters.db)?;
        let columns = query::columns(store.connection(), &filter, aggregation, args.limit)?;
        let mut sink = table::sink(format, &columns, true, Box::new(BufWriter::new(io::stdout())))?;
        let n = query::run(store.connection(), &filter, aggregation, args.limit, sink.as_mut())?;
        sink.finish()?;
        Ok(n)
    };
    match run() {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    filters: FilterArgs,
    /// gdelt (GDELT 2.0 events, 61 columns, TSV), gdelt-mentions, plover (JSON lines), acled (CSV), csv, parquet.
    #[arg(long)]
    format: ExportFormat,
    /// Write to FILE instead of standard output (required for parquet).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn export(args: ExportArgs) -> ExitCode {
    let run = || -> Result<usize, StoreError> {
        let filter = args.filters.filter()?;
        let store = dyad_store::Store::open_read(&args.filters.db)?;
        let out: Box<dyn Write + Send> = match &args.output {
            Some(path) => Box::new(BufWriter::new(create(path)?)),
            None if args.format == ExportFormat::Parquet => return Err(StoreError("Parquet is binary: give a file with -o FILE.parquet".into())),
            None => Box::new(BufWriter::new(io::stdout())),
        };
        export::export(store.connection(), args.format, &filter, out)
    };
    match run() {
        Ok(n) => {
            if let Some(path) = &args.output {
                eprintln!("dyad: {n} rows written to {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

fn create(path: &Path) -> Result<File, StoreError> {
    File::create(path).map_err(|e| StoreError(format!("cannot create {}: {e}", path.display())))
}

#[derive(clap::Args)]
pub struct StoryArgs {
    /// The story to print; without it, the largest stories are listed.
    id: Option<i64>,
    /// The store file.
    #[arg(long, value_name = "FILE", default_value = dyad_store::DEFAULT_DB)]
    db: PathBuf,
    /// How many stories to list.
    #[arg(long, default_value_t = 20)]
    limit: usize,
}

pub fn story(args: StoryArgs) -> ExitCode {
    let run = || -> Result<(), StoreError> {
        let store = dyad_store::Store::open_read(&args.db)?;
        let mut out = io::stdout().lock();
        let text = match args.id {
            Some(id) => story::timeline(store.connection(), id)?.to_string(),
            None => story::list(store.connection(), args.limit)?.iter().map(|s| format!("{s}\n")).collect(),
        };
        out.write_all(text.as_bytes()).map_err(|e| StoreError(format!("cannot write output: {e}")))
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}
