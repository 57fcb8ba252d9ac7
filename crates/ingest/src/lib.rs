//! Readers: files and streams in, [`Document`]s out, with per-document errors.
//!
//! Formats ([`Format`]): JSONL (`{"id","text","date"?,"title"?,"url"?,"source"?}`
//! per line; unknown fields ignored), plain text (one document per file, the id is
//! the file name), HTML pages (main text, title, date and outlet), RSS and Atom
//! feeds (one document per item) and WARC archives (one document per HTML
//! response). Any of them may be gzip- or zstd-compressed; compression is
//! recognised by its magic bytes and undone while streaming. The format comes from
//! the file extension (`.jsonl`, `.ndjson`, `.json`, `.txt`, `.html`, `.htm`,
//! `.rss`, `.atom`, `.xml`, `.warc`, each optionally followed by `.gz` or `.zst`),
//! else it is sniffed from the first bytes; [`Options::format`] overrides both.
//! Directories are read recursively, in name order, keeping the files with those
//! extensions. Standard input (`-`) is sniffed the same way.
//!
//! Bad input never stops a batch: each problem is a [`Record`] with an error for
//! that document only, and reading goes on (a damaged compressed stream or archive
//! ends that input with one error). Invalid UTF-8 is decoded lossily, control
//! characters are blanked and mojibake is repaired, each with a warning
//! (see [`repair`]); spans then refer to the repaired text.

mod feed;
mod html;
mod jsonl;
pub mod repair;
mod web_archive;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use dyad_core::Document;

/// Where a record came from: `file.jsonl:12`, `report.txt`, `<stdin>:3`, `news.warc.gz record 4`.
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
    /// Problems that did not stop the document (lossy UTF-8, a bad date, repaired text).
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
    Html(String),
    Feed(String),
    Warc(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::InvalidJson(e) => write!(f, "invalid JSON ({e}); expected one object per line like {{\"id\": \"a1\", \"text\": \"...\"}}"),
            InputError::NotAnObject => write!(f, "the line is JSON but not an object; expected {{\"id\": ..., \"text\": ...}}"),
            InputError::MissingText => write!(f, "no \"text\" field; every document needs its text"),
            InputError::TextNotString => write!(f, "\"text\" is not a string"),
            InputError::Binary => write!(f, "looks like binary data, not text (if it is compressed, use gzip or zstd; otherwise set --input-format)"),
            InputError::Io(e) => write!(f, "cannot read: {e}"),
            InputError::Html(e) => write!(f, "cannot extract text from the HTML: {e}"),
            InputError::Feed(e) => write!(f, "not a readable RSS or Atom feed ({e}); check the XML, or set --input-format"),
            InputError::Warc(e) => write!(f, "damaged WARC archive: {e}"),
        }
    }
}

impl std::error::Error for InputError {}

/// How to read an input: by extension or content ([`Format::Auto`]), or forced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Auto,
    Jsonl,
    Text,
    Html,
    Feed,
    Warc,
}

impl Format {
    pub const NAMES: &'static [&'static str] = &["auto", "jsonl", "text", "html", "feed", "warc"];
    const ALL: [Format; 6] = [Format::Auto, Format::Jsonl, Format::Text, Format::Html, Format::Feed, Format::Warc];
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        let i = Format::NAMES.iter().position(|&n| n.eq_ignore_ascii_case(s));
        i.map(|i| Format::ALL[i]).ok_or_else(|| format!("unknown input format {s:?}; use one of {}", Format::NAMES.join(", ")))
    }
}

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

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Format,
    /// Counts the bytes read from input files (compressed size), for a progress bar.
    pub bytes_read: Option<Arc<AtomicU64>>,
}

/// Reads every input in order, yielding one record per document (or per failure).
pub fn read(inputs: Vec<Input>) -> impl Iterator<Item = Record> {
    read_with(inputs, Options::default())
}

/// [`read`] with a forced format or a byte counter.
pub fn read_with(inputs: Vec<Input>, options: Options) -> impl Iterator<Item = Record> {
    inputs.into_iter().flat_map(move |input| -> Box<dyn Iterator<Item = Record>> {
        match input {
            Input::Stdin => read_stream(io::stdin(), "<stdin>", options.format),
            Input::Path(path) => from_path(&path, &options),
            Input::Embedded { name, jsonl } => Box::new(jsonl::records(jsonl, name.to_string()).map(repaired)),
        }
    })
}

/// Reads one stream (a file's bytes, standard input, a fuzzer's input): decompressed if it
/// is gzip or zstd, then read as `format`, sniffed from its first bytes when `Auto`.
pub fn read_stream(reader: impl Read + 'static, name: &str, format: Format) -> Box<dyn Iterator<Item = Record>> {
    let name = name.to_string();
    let fail = |name: String, e: io::Error| one(Record { origin: Origin { file: name, line: None }, document: Err(InputError::Io(e.to_string())), warnings: vec![] });
    let reader = match decompressed(BufReader::new(reader)) {
        Ok(r) => r,
        Err(e) => return fail(name, e),
    };
    let mut reader = BufReader::new(reader);
    let format = match format {
        Format::Auto => match reader.fill_buf() {
            Ok(head) => sniff(head),
            Err(e) => return fail(name, e),
        },
        forced => forced,
    };
    let id = Path::new(&name).file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let origin = Origin { file: name.clone(), line: None };
    let records: Box<dyn Iterator<Item = Record>> = match format {
        Format::Jsonl => Box::new(jsonl::records(reader, name)),
        Format::Feed => feed::records(reader, name),
        Format::Warc => web_archive::records(reader, name),
        Format::Html => one(whole_record(reader, name, |text, warnings| {
            let page = html::extract(text, None, warnings).map_err(InputError::Html)?;
            if page.text.is_empty() {
                warnings.push("no text found in the HTML page".into());
            }
            Ok(Document { id, text: page.text, date: page.date, title: page.title, source: page.source, url: None })
        })),
        Format::Text | Format::Auto => one(whole_record(reader, name, |text, _| Ok(Document { id, text, ..Document::default() }))),
    };
    Box::new(Guarded { records: Some(records), origin }.map(repaired))
}

/// Ends an input with an error instead of ending the process if a parser panics on it.
struct Guarded {
    records: Option<Box<dyn Iterator<Item = Record>>>,
    origin: Origin,
}

impl Iterator for Guarded {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        let records = self.records.as_mut()?;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| records.next())) {
            Ok(record) => record,
            Err(_) => {
                self.records = None;
                let error = InputError::Io("internal error in the reader, please report it; the rest of this input is skipped".into());
                Some(Record { origin: self.origin.clone(), document: Err(error), warnings: vec![] })
            }
        }
    }
}

fn one(record: Record) -> Box<dyn Iterator<Item = Record>> {
    Box::new(std::iter::once(record))
}

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// Undoes gzip (all members, as in `.warc.gz`) or zstd, recognised by their magic bytes.
fn decompressed(mut reader: BufReader<impl Read + 'static>) -> io::Result<Box<dyn Read>> {
    let head = reader.fill_buf()?;
    Ok(if head.starts_with(GZIP_MAGIC) {
        Box::new(flate2::bufread::MultiGzDecoder::new(reader))
    } else if head.starts_with(ZSTD_MAGIC) {
        Box::new(zstd::stream::read::Decoder::with_buffer(reader)?)
    } else {
        Box::new(reader)
    })
}

/// The format of (decompressed) content from its first bytes.
pub fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..head.len().min(start + 4096)];
    // Empty input is read as JSONL: no documents, no error.
    if head.is_empty() || head.starts_with(b"{") {
        return Format::Jsonl;
    }
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if !head.starts_with(b"<") {
        return Format::Text;
    }
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let first = |tags: &[&str]| tags.iter().filter_map(|t| lower.find(t)).min();
    match (first(&["<rss", "<feed", "<rdf:rdf"]), first(&["<html", "<!doctype html", "<body", "<head"])) {
        (Some(feed), Some(page)) if feed < page => Format::Feed,
        (Some(_), None) => Format::Feed,
        _ => Format::Html,
    }
}

/// The format a file name announces, looking through `.gz`/`.zst`.
fn format_from_name(path: &Path) -> Option<Format> {
    let ext = |p: &Path| p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let mut outer = ext(path)?;
    if matches!(outer.as_str(), "gz" | "gzip" | "zst" | "zstd") {
        outer = ext(Path::new(path.file_stem()?))?;
    }
    Some(match outer.as_str() {
        "jsonl" | "ndjson" | "json" => Format::Jsonl,
        "txt" | "text" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "rss" | "atom" | "xml" => Format::Feed,
        "warc" => Format::Warc,
        _ => return None,
    })
}

fn from_path(path: &Path, options: &Options) -> Box<dyn Iterator<Item = Record>> {
    let name = path.display().to_string();
    let fail = |e: String| one(Record { origin: Origin { file: name.clone(), line: None }, document: Err(InputError::Io(e)), warnings: vec![] });
    if path.is_dir() {
        let mut files = Vec::new();
        if let Err(e) = collect_files(path, &mut files) {
            return fail(e.to_string());
        }
        let options = options.clone();
        return Box::new(files.into_iter().flat_map(move |f| from_path(&f, &options)));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return fail(e.to_string()),
    };
    let format = match options.format {
        Format::Auto => format_from_name(path).unwrap_or(Format::Auto),
        forced => forced,
    };
    match &options.bytes_read {
        Some(counter) => read_stream(Counted { inner: file, counter: counter.clone() }, &name, format),
        None => read_stream(file, &name, format),
    }
}

/// Total size of the input files, when every input is a file or directory (for an ETA).
pub fn total_bytes(inputs: &[Input]) -> Option<u64> {
    let mut total = 0;
    for input in inputs {
        let Input::Path(path) = input else { return None };
        let mut files = Vec::new();
        if path.is_dir() {
            collect_files(path, &mut files).ok()?;
        } else {
            files.push(path.clone());
        }
        total += files.iter().map(|f| f.metadata().map_or(0, |m| m.len())).sum::<u64>();
    }
    Some(total)
}

struct Counted<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if format_from_name(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

/// A whole stream read as one document, built by `build` from its decoded text.
fn whole_record(mut reader: impl Read, file: String, build: impl FnOnce(String, &mut Vec<String>) -> Result<Document, InputError>) -> Record {
    let origin = Origin { file, line: None };
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return Record { origin, document: Err(InputError::Io(e.to_string())), warnings: vec![] };
    }
    let mut warnings = Vec::new();
    let document = decode(bytes, &mut warnings).and_then(|text| build(text, &mut warnings));
    Record { origin, document, warnings }
}

/// Bytes to text: lossy for invalid UTF-8 (with a warning), refused for binary data.
pub(crate) fn decode(bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, InputError> {
    let control = dyad_core::bytes::count(&bytes, |b| b < 0x09 || (0x0e..0x20).contains(&b));
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

/// Blanks control characters and repairs mojibake in a document's text, with a warning for each.
fn repaired(mut record: Record) -> Record {
    if let Ok(doc) = &mut record.document {
        let controls = repair::blank_controls(&mut doc.text);
        if controls > 0 {
            record.warnings.push(format!("{controls} control characters (such as NUL) replaced by spaces"));
        }
        let fixed = repair::fix_mojibake(&mut doc.text);
        if fixed > 0 {
            record.warnings.push(format!("{fixed} mojibake sequences (like \"â€™\" for \"’\") repaired; offsets refer to the repaired text"));
        }
    }
    record
}

/// "2025-11-03", "2025-11-03T10:00:00Z", "2025/11/03" → "2025-11-03".
pub(crate) fn normalise_date(d: &str) -> Option<String> {
    let b = d.trim().as_bytes().get(..10)?;
    let number = |r: std::ops::Range<usize>| {
        let digits = &b[r];
        digits.iter().all(u8::is_ascii_digit).then(|| digits.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let separators = (b[4] == b'-' && b[7] == b'-') || (b[4] == b'/' && b[7] == b'/');
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    (separators && year > 0 && (1..=12).contains(&month) && (1..=31).contains(&day)).then(|| format!("{year:04}-{month:02}-{day:02}"))
}
