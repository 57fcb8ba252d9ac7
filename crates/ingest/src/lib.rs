//! Readers: bytes in, [`Document`]s out.
//!
//! Supported now: JSONL (`{"id","text","date"?,"title"?,"url"?,"source"?}` per
//! line; unknown fields ignored), plain text files (one document, the id is the
//! file name), directories (their `.jsonl`/`.ndjson`/`.txt` files, recursively, in
//! name order) and standard input (`-`, sniffed: JSONL if it starts with `{`).
//!
//! Bad input never stops a batch: each problem is a [`Record`] with an error for
//! that document only, and reading goes on. Invalid UTF-8 is decoded lossily with
//! a warning rather than dropped.

mod jsonl;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use dyad_core::Document;

/// Where a record came from: `file.jsonl:12`, `report.txt`, `<stdin>:3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// One document read, or the reason it could not be.
#[derive(Debug)]
pub struct Record {
    pub origin: Origin,
    pub document: Result<Document, InputError>,
    /// Problems that did not stop the document (lossy UTF-8, a bad date).
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    InvalidJson(String),
    NotAnObject,
    MissingText,
    TextNotString,
    Binary,
    Io(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::InvalidJson(e) => write!(f, "invalid JSON ({e}); expected one object per line like {{\"id\": \"a1\", \"text\": \"...\"}}"),
            InputError::NotAnObject => write!(f, "the line is JSON but not an object; expected {{\"id\": ..., \"text\": ...}}"),
            InputError::MissingText => write!(f, "no \"text\" field; every document needs its text"),
            InputError::TextNotString => write!(f, "\"text\" is not a string"),
            InputError::Binary => write!(f, "looks like binary data, not text"),
            InputError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

impl std::error::Error for InputError {}

/// What to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
    /// JSONL compiled into the binary (the example reports), with a name for messages.
    Embedded { name: &'static str, jsonl: &'static [u8] },
}

impl Input {
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Reads every input in order, yielding one record per document (or per failure).
pub fn read(inputs: Vec<Input>) -> impl Iterator<Item = Record> {
    inputs.into_iter().flat_map(|input| -> Box<dyn Iterator<Item = Record>> {
        match input {
            Input::Stdin => from_stdin(),
            Input::Path(path) => from_path(&path),
            Input::Embedded { name, jsonl } => Box::new(jsonl::records(jsonl, name.to_string())),
        }
    })
}

fn from_stdin() -> Box<dyn Iterator<Item = Record>> {
    let mut reader = BufReader::new(io::stdin());
    let looks_jsonl = match reader.fill_buf() {
        Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()).is_none_or(|&b| b == b'{'),
        Err(_) => true,
    };
    if looks_jsonl {
        Box::new(jsonl::records(reader, "<stdin>".into()))
    } else {
        Box::new(std::iter::once(text_record(reader, "<stdin>".into(), "stdin".into())))
    }
}

fn from_path(path: &Path) -> Box<dyn Iterator<Item = Record>> {
    let name = path.display().to_string();
    let fail = |e: String| -> Box<dyn Iterator<Item = Record>> {
        Box::new(std::iter::once(Record { origin: Origin { file: name.clone(), line: None }, document: Err(InputError::Io(e)), warnings: vec![] }))
    };
    if path.is_dir() {
        let mut files = Vec::new();
        if let Err(e) = collect_files(path, &mut files) {
            return fail(e.to_string());
        }
        return Box::new(files.into_iter().flat_map(|f| from_path(&f)));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return fail(e.to_string()),
    };
    if is_jsonl(path) {
        Box::new(jsonl::records(BufReader::new(file), name))
    } else {
        let id = path.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
        Box::new(std::iter::once(text_record(file, name, id)))
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson" | "json"))
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if is_jsonl(&path) || path.extension().and_then(|e| e.to_str()) == Some("txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// A whole plain-text file (or stream) as one document.
fn text_record(mut reader: impl Read, file: String, id: String) -> Record {
    let origin = Origin { file, line: None };
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return Record { origin, document: Err(InputError::Io(e.to_string())), warnings: vec![] };
    }
    let mut warnings = Vec::new();
    let document = decode(bytes, &mut warnings).map(|text| Document { id, text, ..Document::default() });
    Record { origin, document, warnings }
}

/// Bytes to text: lossy for invalid UTF-8 (with a warning), refused for binary data.
pub(crate) fn decode(bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, InputError> {
    let control = bytes.iter().filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b)).count();
    if !bytes.is_empty() && control * 10 > bytes.len() {
        return Err(InputError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            warnings.push(format!("invalid UTF-8 at byte {}; decoded with replacement characters", e.utf8_error().valid_up_to()));
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}
