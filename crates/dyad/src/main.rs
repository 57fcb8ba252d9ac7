//! The `dyad` command line: argument parsing and wiring of the pipeline stages.
//!
//! `dyad code` reads documents (dyad-ingest), codes each one (dyad-coder) and
//! writes events as JSONL. Per-document problems go to stderr and never stop the
//! batch. The other subcommands are views for users: the code tables, and the
//! intermediate results behind an event. `ingest`, `query`, `export` and `story` work on
//! the event store (dyad-store).

mod allocator;
mod code;
mod places;
mod store;
mod views;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

/// dyad turns news reports into structured, sourced political event data:
/// who did, plans or threatens what to whom, according to whom, and whether it is confirmed.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into events (JSONL on stdout or -o FILE).
    ///
    /// Inputs are JSONL files (one {"id","text","date"?,"title"?,"url"?,"source"?} per line;
    /// other fields are ignored), plain .txt files (one document each, the id is the file
    /// name), HTML pages (.html, .htm: main text, title, date), RSS and Atom feeds (.rss,
    /// .atom, .xml: one document per item), WARC archives (.warc: one document per HTML
    /// response), any of them gzip- or zstd-compressed (.gz, .zst), directories (those
    /// files, recursively) and "-" for standard input. The format comes from the extension,
    /// else from the content; --input-format overrides it. With no input, standard input is read.
    ///
    /// Each output line is one event: CAMEO code, root, name, quad class and Goldstein
    /// score; PLOVER type and mode; ACLED type or null; source and target actors; modality
    /// (actual, planned, possible, negated); confirmation (confirmed, unconfirmed, denied or
    /// null); attribution; location; date; the evidence sentence and trigger as byte spans
    /// into the document text; and a confidence.
    ///
    /// A document that cannot be read or coded is reported on stderr with its file and line,
    /// and the rest of the batch goes on. A summary line ends the run. The exit status is 0
    /// when at least one document was coded (or there was nothing to code), 1 otherwise.
    Code(code::Args),
    /// List the code tables: CAMEO codes with names, Goldstein values, quad classes, PLOVER and ACLED types.
    Codes {
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show how one sentence or short text is coded: tokens, actors, triggers, cues and events.
    Explain {
        /// The text to explain.
        text: String,
        /// Publication date (YYYY-MM-DD) to resolve relative dates against.
        #[arg(long)]
        date: Option<String>,
    },
    /// Print the actor mentions found in each document, with their resolution.
    Actors {
        #[command(flatten)]
        input: code::InputArgs,
        /// Print one JSON object per mention: {"doc_id", "kind", "start", "end", "actor"}.
        #[arg(long)]
        json: bool,
    },
    /// Print the place mentions found in each document: the gazetteer entry each resolved to
    /// (name, division, country, coordinates, population), its role (locative, dateline, actor
    /// metonym, other) and what decided between places of the same name.
    Places {
        #[command(flatten)]
        input: code::InputArgs,
        /// Print one JSON object per mention: {"doc_id", "start", "end", "text", "role", "reason", "candidates", "location", "population"}.
        #[arg(long)]
        json: bool,
    },
    /// Code documents and keep them in an event store (default dyad.db): every mention with its
    /// evidence, deduplicated events with GDELT-style counts, status history and stories.
    /// Documents already stored (same id or same content) are skipped, so a run can be repeated
    /// or resumed after a crash.
    Ingest(store::IngestArgs),
    /// Query the event store: filtered events, counts per period, top dyads, Goldstein series.
    Query(store::QueryArgs),
    /// Export the event store as GDELT 2.0 events or mentions, PLOVER, ACLED, CSV or Parquet.
    Export(store::ExportArgs),
    /// List the stories in the event store, or print one story's timeline with its evidence.
    Story(store::StoryArgs),
}

fn main() -> ExitCode {
    allocator::keep_freed_memory();
    let cli = Cli::parse();
    match cli.command {
        Command::Code(args) => code::run(args),
        Command::Codes { json } => views::codes(json),
        Command::Explain { text, date } => views::explain(text, date),
        Command::Actors { input, json } => views::actors(&input, json),
        Command::Places { input, json } => places::run(&input, json),
        Command::Ingest(args) => store::ingest(args),
        Command::Query(args) => store::query(args),
        Command::Export(args) => store::export(args),
        Command::Story(args) => store::story(args),
    }
}
