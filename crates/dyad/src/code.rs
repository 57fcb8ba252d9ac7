//! `dyad code`: read, code and write, one document at a time, never stopping on a bad one.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

use clap::builder::TypedValueParser;
use dyad_coder::{Coded, Coder, DEFAULT_MAX_BYTES};
use dyad_ingest::{Format, Input, Options, Origin, Record};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

/// Documents coded in parallel at a time: enough to keep every core busy, few enough to bound memory.
pub(crate) const BATCH: usize = 512;
/// Batches the reader thread may have ready ahead of the coder: the workers never wait for input, and
/// memory stays bounded whatever the input's size.
const READ_AHEAD: usize = 2;

/// The example reports shipped in the repository, compiled in for `--example`.
pub const EXAMPLE: &[u8] = include_bytes!("../../../examples/reports.jsonl");

/// The inputs of the commands that read documents (`dyad code`, `actors`, `places`).
#[derive(clap::Args)]
pub struct InputArgs {
    /// Input files or directories; "-" is standard input.
    paths: Vec<String>,
    /// How to read the inputs; "auto" goes by file extension, else by content.
    #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = format_parser())]
    input_format: Format,
}

impl InputArgs {
    /// The inputs named; none means standard input.
    fn inputs(&self) -> Vec<Input> {
        self.paths.iter().map(|p| Input::parse(p)).collect()
    }

    /// The records of every input, read in the chosen format (standard input when none is named).
    pub fn records(&self) -> impl Iterator<Item = Record> {
        let mut inputs = self.inputs();
        if inputs.is_empty() {
            inputs.push(Input::Stdin);
        }
        dyad_ingest::read_with(inputs, Options { format: self.input_format, ..Options::default() })
    }
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
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

/// `--input-format`, listing the formats in `--help`.
fn format_parser() -> impl TypedValueParser<Value = Format> {
    clap::builder::PossibleValuesParser::new(Format::NAMES).map(|name| name.parse::<Format>().expect("a listed format"))
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[derive(Default)]
struct Tally {
    documents: usize,
    sentences: usize,
    events: usize,
    errors: usize,
    warnings: usize,
    /// Shown on a terminal only; messages are printed above it.
    progress: Option<ProgressBar>,
}

impl Tally {
    fn say(&self, message: String) {
        match &self.progress {
            Some(bar) => bar.println(message),
            None => eprintln!("{message}"),
        }
    }

    fn show_progress(&self, started: Instant, bytes_read: &AtomicU64) {
        if let Some(bar) = &self.progress {
            let per_second = self.documents as f64 / started.elapsed().as_secs_f64().max(1e-3);
            bar.set_position(bytes_read.load(Ordering::Relaxed));
            bar.set_message(format!("{} documents ({per_second:.0}/s), {} events, {} errors", self.documents, self.events, self.errors));
        }
    }
}

/// A bar with an ETA when the input size is known (files), else a spinner with counts.
fn progress_bar(total_bytes: Option<u64>) -> ProgressBar {
    let (bar, template) = match total_bytes {
        Some(total) => (ProgressBar::new(total), "{spinner} [{elapsed_precise}] {bar:30} {percent:>3}% {msg}, ETA {eta}"),
        None => (ProgressBar::new_spinner(), "{spinner} [{elapsed_precise}] {msg}"),
    };
    bar.set_style(ProgressStyle::with_template(template).expect("a valid progress template"));
    bar.set_message("0 documents");
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

pub fn run(args: Args) -> ExitCode {
    let mut inputs = args.input.inputs();
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
    // Named threads show up by name in `top -H` and profilers.
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(args.threads).thread_name(|k| format!("dyad-code-{k}")).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("dyad: error: cannot start {} threads: {e}", args.threads);
            return ExitCode::from(2);
        }
    };
    let mut tally = Tally::default();
    if !args.quiet && io::stderr().is_terminal() {
        tally.progress = Some(progress_bar(dyad_ingest::total_bytes(&inputs)));
    }
    let bytes_read = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let options = Options { format: args.input.input_format, bytes_read: Some(bytes_read.clone()) };
    // The reader starts first, so the first batches are parsed while the lexicons load.
    let (batches, reader) = read_ahead(inputs, options);
    let coder = Coder::new(args.max_bytes);
    let written: io::Result<()> = pool.in_place_scope(|scope| {
        // Documents are coded (and their events serialised) in parallel a batch at a time and written in
        // input order, so output is identical whatever the thread count and memory stays bounded. A batch
        // is written here while the pool codes the next one.
        let mut in_flight: Option<mpsc::Receiver<Vec<(Outcome, Vec<String>)>>> = None;
        for batch in batches.iter().map(Some).chain([None]) {
            let next = batch.map(|batch| {
                let (done, results) = mpsc::sync_channel(1);
                let (coder, why) = (&coder, args.why);
                scope.spawn(move |_| {
                    let coded = batch.into_par_iter().map(|record| code_one(coder, record)).map(|outcome| {
                        let lines = event_lines(&outcome, why);
                        (outcome, lines)
                    });
                    // The receiver is gone only when writing failed; the batch is then dropped.
                    let _ = done.send(coded.collect());
                });
                results
            });
            if let Some(results) = std::mem::replace(&mut in_flight, next).and_then(|r| r.recv().ok()) {
                write_batch(&mut *out, results, &args, &mut tally)?;
                tally.show_progress(started, &bytes_read);
            }
        }
        Ok(())
    });
    if let Err(e) = written {
        eprintln!("dyad: error: cannot write output: {e}");
        return ExitCode::from(2);
    }
    let _ = panic::take_hook();
    if let Some(bar) = &tally.progress {
        bar.finish_and_clear();
    }
    if reader.join().is_err() {
        eprintln!("dyad: error: internal error while reading the inputs, please report it; the rest was not coded");
        return ExitCode::from(2);
    }
    if !args.quiet {
        let Tally { documents, sentences, events, errors, warnings, .. } = tally;
        eprintln!("dyad: {documents} documents coded, {sentences} sentences, {events} events, {errors} errors, {warnings} warnings");
    }
    if tally.documents == 0 && tally.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads the inputs on a thread of their own, a batch at a time, while the batches before are coded.
fn read_ahead(inputs: Vec<Input>, options: Options) -> (mpsc::Receiver<Vec<Record>>, thread::JoinHandle<()>) {
    let (sender, batches) = mpsc::sync_channel(READ_AHEAD);
    let reader = thread::Builder::new().name("dyad-read".into()).spawn(move || {
        let mut records = dyad_ingest::read_with(inputs, options);
        loop {
            let batch: Vec<Record> = records.by_ref().take(BATCH).collect();
            // An empty batch is the end; a closed channel means the coder stopped on an error.
            if batch.is_empty() || sender.send(batch).is_err() {
                break;
            }
        }
    });
    // As with `thread::spawn`, failing to start a thread is fatal.
    (batches, reader.expect("the reader thread starts"))
}

/// What became of one input record.
pub(crate) struct Outcome {
    pub(crate) origin: Origin,
    pub(crate) warnings: Vec<String>,
    pub(crate) result: Result<(Vec<String>, Vec<Coded>), String>,
    /// Sentences in the coded text (0 when it could not be coded), for the run's summary.
    pub(crate) sentences: usize,
}

pub(crate) fn code_one(coder: &Coder, record: Record) -> Outcome {
    let Record { origin, document, warnings } = record;
    let mut sentences = 0;
    let result = match document {
        Err(e) => Err(e.to_string()),
        Ok(doc) => match panic::catch_unwind(AssertUnwindSafe(|| coder.code(&doc))) {
            Ok(Ok(coded)) => {
                sentences = coded.analyzed.sentences.len();
                Ok((coded.warnings, coded.events))
            }
            Ok(Err(e)) => Err(format!("document {:?}: {e}", doc.id)),
            Err(panic) => {
                let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
                Err(format!("document {:?}: internal error, please report it: {what}", doc.id))
            }
        },
    };
    Outcome { origin, warnings, result, sentences }
}

/// The JSON lines of an outcome's events, with their "why" when asked for.
fn event_lines(outcome: &Outcome, why: bool) -> Vec<String> {
    let Ok((_, events)) = &outcome.result else { return Vec::new() };
    let line = |c: &Coded| {
        if why {
            let mut value = serde_json::to_value(&c.event).expect("events serialize");
            value["why"] = serde_json::to_value(&c.why).expect("why serializes");
            serde_json::to_string(&value)
        } else {
            serde_json::to_string(&c.event)
        }
    };
    events.iter().map(|c| line(c).expect("events serialize")).collect()
}

/// Writes a coded batch, then flushes: finished documents stay on disk even if a later one takes the process down.
fn write_batch(out: &mut dyn Write, results: Vec<(Outcome, Vec<String>)>, args: &Args, tally: &mut Tally) -> io::Result<()> {
    for (outcome, lines) in results {
        write_outcome(out, outcome, &lines, args, tally)?;
    }
    out.flush()
}

fn write_outcome(out: &mut dyn Write, outcome: Outcome, lines: &[String], args: &Args, tally: &mut Tally) -> io::Result<()> {
    let Outcome { origin, mut warnings, result, sentences } = outcome;
    match result {
        Ok((coder_warnings, _)) => {
            warnings.extend(coder_warnings);
            tally.documents += 1;
            tally.sentences += sentences;
        }
        Err(message) => report_error(tally, &origin, &message),
    }
    for w in &warnings {
        tally.warnings += 1;
        if !args.quiet {
            tally.say(format!("dyad: {origin}: warning: {w}"));
        }
    }
    for line in lines {
        writeln!(out, "{line}")?;
        tally.events += 1;
    }
    Ok(())
}

fn report_error(tally: &mut Tally, origin: &Origin, message: &str) {
    tally.errors += 1;
    tally.say(format!("dyad: {origin}: error: {message}; skipped"));
}
