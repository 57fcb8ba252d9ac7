//! WARC files (Common Crawl News style): `response` records holding HTML pages.
//!
//! Gzip is undone before this reader (one gzip member per record is the usual
//! layout). The HTTP status line and headers are stripped from each body, and the
//! HTML goes through the page extractor. The url is the WARC-Target-URI; the date
//! is the page's own, else the WARC-Date. Other record types (request, metadata,
//! warcinfo) and responses that are not HTML are skipped. A damaged or truncated
//! archive ends with one error for the record that could not be read.
//!
//! The record framing (a version line, header lines, a blank line, Content-Length
//! bytes of body) is parsed here: the `warc` crate 0.4 panicked on header values
//! that are not UTF-8 and on huge Content-Length values when fuzzed.

use std::collections::HashMap;
use std::io::{self, BufRead, Read};

use dyad_core::Document;

use crate::{decode, html, normalise_date, InputError, Origin, Record};

/// Records larger than this are skipped with an error: no news page is near it.
const MAX_BODY: u64 = 64 << 20;
/// A header block longer than this is not a WARC header.
const MAX_HEADER_LINES: usize = 1000;

pub(crate) fn records(mut reader: impl BufRead + 'static, file: String) -> Box<dyn Iterator<Item = Record>> {
    let mut number = 0usize;
    let mut failed = false;
    Box::new(std::iter::from_fn(move || loop {
        if failed {
            return None;
        }
        number += 1;
        let origin = Origin { file: format!("{file} record {number}"), line: None };
        let fail = |failed: &mut bool, e: String| {
            *failed = true;
            Some(Record { origin: origin.clone(), document: Err(InputError::Warc(format!("{e}; the rest of the archive is skipped"))), warnings: vec![] })
        };
        let headers = match read_headers(&mut reader) {
            Ok(Some(h)) => h,
            Ok(None) => return None,
            Err(e) => return fail(&mut failed, e),
        };
        let Some(length) = headers.get("content-length").and_then(|l| l.trim().parse::<u64>().ok()) else {
            return fail(&mut failed, "a record has no valid Content-Length".into());
        };
        let wanted = headers.get("warc-type").is_some_and(|t| t.trim().eq_ignore_ascii_case("response"));
        if !wanted || length > MAX_BODY {
            match io::copy(&mut (&mut reader).take(length), &mut io::sink()) {
                Ok(n) if n == length => {}
                Ok(_) => return fail(&mut failed, "the archive ends inside a record (truncated)".into()),
                Err(e) => return fail(&mut failed, e.to_string()),
            }
            if !wanted {
                continue;
            }
            let error = InputError::Warc(format!("a record of {length} bytes is larger than {MAX_BODY}; skipped"));
            return Some(Record { origin, document: Err(error), warnings: vec![] });
        }
        let mut body = Vec::new();
        match (&mut reader).take(length).read_to_end(&mut body) {
            Ok(n) if n as u64 == length => {}
            Ok(_) => return fail(&mut failed, "the archive ends inside a record (truncated)".into()),
            Err(e) => return fail(&mut failed, e.to_string()),
        }
        let Some(html_body) = http_html_body(&body) else { continue };
        let url = headers.get("warc-target-uri").map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
        let warc_date = headers.get("warc-date").and_then(|d| normalise_date(d));
        let id = url.clone().or_else(|| headers.get("warc-record-id").map(|i| i.trim().to_string())).unwrap_or_else(|| origin.to_string());
        let mut warnings = Vec::new();
        let document = decode(html_body.to_vec(), &mut warnings)
            .and_then(|page| html::extract(page, url.as_deref(), &mut warnings).map_err(InputError::Html))
            .map(|page| Document { id, text: page.text, date: page.date.or(warc_date), title: page.title, url, source: page.source });
        return Some(Record { origin, document, warnings });
    }))
}

/// The next record's headers (names in lower case), or None at the end of the archive.
fn read_headers(reader: &mut impl BufRead) -> Result<Option<HashMap<String, String>>, String> {
    let mut line = Vec::new();
    // Records end with a blank line or two; skip them (and any before the first record).
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(|e| e.to_string())? == 0 {
            return Ok(None);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        return Err("expected a record starting with \"WARC/1.0\"".into());
    }
    let mut headers = HashMap::new();
    for _ in 0..MAX_HEADER_LINES {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(|e| e.to_string())? == 0 {
            return Err("the archive ends inside a record header (truncated)".into());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(Some(headers));
        }
        if let Some((name, value)) = text.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    Err(format!("a record header has more than {MAX_HEADER_LINES} lines"))
}

/// The body of an HTTP response if it is HTML (by Content-Type, or by its first bytes when there is none).
fn http_html_body(response: &[u8]) -> Option<&[u8]> {
    let (head, body) = match find(response, b"\r\n\r\n") {
        Some(end) => (&response[..end], &response[end + 4..]),
        None => match find(response, b"\n\n") {
            Some(end) => (&response[..end], &response[end + 2..]),
            None => return None,
        },
    };
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    if !head.starts_with("http/") {
        return None;
    }
    let content_type = head.lines().find_map(|l| l.strip_prefix("content-type:")).map(str::trim);
    match content_type {
        Some(t) => (t.contains("html") || t.contains("xml")).then_some(body),
        None => crate::sniff(body).eq(&crate::Format::Html).then_some(body),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
