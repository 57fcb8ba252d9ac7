//! `dyad code`: read, code and write, one document at a time, never stopping on a bad one.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;

use dyad_coder::{Coder, DEFAULT_MAX_BYTES};
use dyad_ingest::{Input, Origin};

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
    let coder = Coder::new(args.max_bytes);
    let mut tally = Tally::default();
    for record in dyad_ingest::read(inputs) {
        let origin = record.origin;
        for w in &record.warnings {
            tally.warnings += 1;
            if !args.quiet {
                eprintln!("dyad: {origin}: warning: {w}");
            }
        }
        let doc = match record.document {
            Ok(doc) => doc,
            Err(e) => {
                report_error(&mut tally, &origin, &e.to_string());
                continue;
            }
        };
        let coded = match panic::catch_unwind(AssertUnwindSafe(|| coder.code(&doc))) {
            Ok(Ok(coded)) => coded,
            Ok(Err(e)) => {
                report_error(&mut tally, &origin, &format!("document {:?}: {e}", doc.id));
                continue;
            }
            Err(panic) => {
                let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
                report_error(&mut tally, &origin, &format!("document {:?}: internal error, please report it: {what}", doc.id));
                continue;
            }
        };
        for w in &coded.warnings {
            tally.warnings += 1;
            if !args.quiet {
                eprintln!("dyad: {origin}: warning: {w}");
            }
        }
        tally.documents += 1;
        for c in &coded.events {
            let line = if args.why {
                let mut value = serde_json::to_value(&c.event).expect("events serialize");
                value["why"] = serde_json::to_value(&c.why).expect("why serializes");
                serde_json::to_string(&value)
            } else {
                serde_json::to_string(&c.event)
            };
            if let Err(e) = writeln!(out, "{}", line.expect("events serialize")) {
                eprintln!("dyad: error: cannot write output: {e}");
                return ExitCode::from(2);
            }
            tally.events += 1;
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

fn report_error(tally: &mut Tally, origin: &Origin, message: &str) {
    tally.errors += 1;
    eprintln!("dyad: {origin}: error: {message}; skipped");
}
