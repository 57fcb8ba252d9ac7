//! WARC files (Common Crawl News style): `response` records holding HTML pages.
//!
//! Gzip is undone before this reader (one gzip member per record is the usual
//! layout). The HTTP status line and headers are stripped from each body, and the
//! HTML goes through the page extractor. The url is the WARC-Target-URI; the date
//! is the page's own, else the WARC-Date. Other record types (request, metadata,
//! warcinfo) and responses that are not HTML are skipped. A damaged or truncated
//! archive ends with one error for the record that could not be read.

use std::io::BufRead;

use dyad_core::Document;
use warc::{RecordType, WarcHeader, WarcReader};

use crate::{decode, html, InputError, Origin, Record};

pub(crate) fn records(reader: impl BufRead + 'static, file: String) -> Box<dyn Iterator<Item = Record>> {
    let mut warc_records = WarcReader::new(reader).iter_records();
    let mut number = 0usize;
    let mut failed = false;
    Box::new(std::iter::from_fn(move || loop {
        if failed {
            return None;
        }
        number += 1;
        let origin = Origin { file: format!("{file} record {number}"), line: None };
        let record = match warc_records.next()? {
            Ok(r) => r,
            Err(e) => {
                failed = true;
                let error = InputError::Warc(format!("{e}; the rest of the archive is skipped"));
                return Some(Record { origin, document: Err(error), warnings: vec![] });
            }
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let Some(html_body) = http_html_body(record.body()) else { continue };
        let url = record.header(WarcHeader::TargetURI).map(|u| u.trim().to_string());
        let warc_date = record.date().date_naive().to_string();
        let id = record.header(WarcHeader::RecordID).map_or_else(|| origin.to_string(), |i| i.trim().to_string());
        let mut warnings = Vec::new();
        let document = decode(html_body.to_vec(), &mut warnings).and_then(|page| html::extract(page, url.as_deref(), &mut warnings).map_err(InputError::Html)).map(|page| Document {
            id: url.clone().unwrap_or(id),
            text: page.text,
            date: page.date.or(Some(warc_date)),
            title: page.title,
            url,
            source: page.source,
        });
        return Some(Record { origin, document, warnings });
    }))
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
