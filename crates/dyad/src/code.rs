//! `dyad code`: read, code and write, one document at a time, never stopping on a bad one.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;

use dyad_coder::{Coded, Coder, DEFAULT_MAX_BYTES};
use dyad_ingest::{Input, Origin, Record};
use rayon::prelude::*;

/// Documents coded in parallel at a time: enough to keep every core busy, few enough to bound memory.
pub(crate) const BATCH: usize = 512;

/// The example reports shipped in the repository, compiled in for `--example`.
pub const EXAMPLE: &[u8] = include_bytes!("../../../examples/reports.jsonl");

#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories; "-" is standard input.
    paths: Vec<String>,
    /// Write events to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Code the example reports built into dyad (examples/reports.jsonl).
    #[arg(long)]
    example: bool,
    /// Add a "why" object to each event: the trigger pattern and the cues behind modality, attribution and confirmation.
    #[arg(long)]
    why: bool,
    /// Code at most this many bytes of each document; longer texts are cut with a warning.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Print no warnings and no summary, only errors.
    #[arg(short, long)]
    quiet: bool,
    /// Threads to code with (default: all cores). Output is the same for any number.
    #[arg(long, value_name = "N", default_value_t = default_threads())]
    threads: usize,
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[derive(Default)]
struct Tally {
    documents: usize,
    events: usize,
    errors: usize,
    warnings: usize,
}

pub fn run(args: Args) -> ExitCode {
    let mut inputs: Vec<Input> = args.paths.iter().map(|p| Input::parse(p)).collect();
    if args.example {
        inputs.push(Input::Embedded { name: "examples/reports.jsonl", jsonl: EXAMPLE });
    }
    if inputs.is_empty() {
        inputs.push(Input::Stdin);
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                eprintln!("dyad: error: cannot create {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    // A bug on one document must not end the batch: panics are caught per document and reported.
    panic::set_hook(Box::new(|_| {}));
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(args.threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("dyad: error: cannot start {} threads: {e}", args.threads);
            return ExitCode::from(2);
        }
    };
    let coder = Coder::new(args.max_bytes);
    let mut tally = Tally::default();
    let mut records = dyad_ingest::read(inputs).peekable();
    while records.peek().is_some() {
        // Documents are coded in parallel a batch at a time and written in input order,
        // so output is identical whatever the thread count and memory stays bounded.
        let batch: Vec<Record> = records.by_ref().take(BATCH).collect();
        let results: Vec<Outcome> = pool.install(|| batch.into_par_iter().map(|record| code_one(&coder, record)).collect());
        for outcome in results {
            if let Err(e) = write_outcome(&mut *out, outcome, &args, &mut tally) {
                eprintln!("dyad: error: cannot write output: {e}");
                return ExitCode::from(2);
            }
        }
        // Keep finished documents on disk even if a later one takes the process down.
        if let Err(e) = out.flush() {
            eprintln!("dyad: error: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    let _ = panic::take_hook();
    if !args.quiet {
        eprintln!("dyad: {} documents coded, {} events, {} errors, {} warnings", tally.documents, tally.events, tally.errors, tally.warnings);
    }
    if tally.documents == 0 && tally.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What became of one input record.
pub(crate) struct Outcome {
    pub(crate) origin: Origin,
    pub(crate) warnings: Vec<String>,
    pub(crate) result: Result<(Vec<String>, Vec<Coded>), String>,
}

pub(crate) fn code_one(coder: &Coder, record: Record) -> Outcome {
    let Record { origin, document, warnings } = record;
    let result = match document {
        Err(e) => Err(e.to_string()),
        Ok(doc) => match panic::catch_unwind(AssertUnwindSafe(|| coder.code(&doc))) {
            Ok(Ok(coded)) => Ok((coded.warnings, coded.events)),
            Ok(Err(e)) => Err(format!("document {:?}: {e}", doc.id)),
            Err(panic) => {
                let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
                Err(format!("document {:?}: internal error, please report it: {what}", doc.id))
            }
        },
    };
    Outcome { origin, warnings, result }
}

fn write_outcome(out: &mut dyn Write, outcome: Outcome, args: &Args, tally: &mut Tally) -> io::Result<()> {
    let Outcome { origin, mut warnings, result } = outcome;
    let events = match result {
        Ok((coder_warnings, events)) => {
            warnings.extend(coder_warnings);
            tally.documents += 1;
            events
        }
        Err(message) => {
            report_error(tally, &origin, &message);
            Vec::new()
        }
    };
    for w in &warnings {
        tally.warnings += 1;
        if !args.quiet {
            eprintln!("dyad: {origin}: warning: {w}");
        }
    }
    for c in &events {
        let line = if args.why {
            let mut value = serde_json::to_value(&c.event).expect("events serialize");
            value["why"] = serde_json::to_value(&c.why).expect("why serializes");
            serde_json::to_string(&value)
        } else {
            serde_json::to_string(&c.event)
        };
        writeln!(out, "{}", line.expect("events serialize"))?;
        tally.events += 1;
    }
    Ok(())
}

fn report_error(tally: &mut Tally, origin: &Origin, message: &str) {
    tally.errors += 1;
    eprintln!("dyad: {origin}: error: {message}; skipped");
}
