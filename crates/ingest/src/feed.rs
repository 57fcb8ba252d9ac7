//! RSS and Atom feeds (feed-rs): each item becomes a document.
//!
//! The id is the item's guid (or link), the url its first link, the date its
//! publication (or update) date, the title its title and the text its content
//! or summary with the HTML tags dropped. The source is the feed's title.

use std::io::Read;

use dyad_core::Document;

use crate::{html, InputError, Origin, Record};

pub(crate) fn records(reader: impl Read, file: String) -> Box<dyn Iterator<Item = Record>> {
    // An item without a guid is known by its link (feed-rs would otherwise make up a hash).
    let parser = feed_rs::parser::Builder::new().id_generator(|links, _, _| links.first().map(|l| l.href.clone()).unwrap_or_default()).build();
    let feed = match parser.parse(reader) {
        Ok(feed) => feed,
        Err(e) => {
            let error = InputError::Feed(e.to_string());
            return Box::new(std::iter::once(Record { origin: Origin { file, line: None }, document: Err(error), warnings: vec![] }));
        }
    };
    let source = feed.title.map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    Box::new(feed.entries.into_iter().enumerate().map(move |(n, entry)| {
        let origin = Origin { file: format!("{file} item {}", n + 1), line: None };
        let mut warnings = Vec::new();
        let url = entry.links.first().map(|l| l.href.clone());
        let id = if entry.id.trim().is_empty() { url.clone().unwrap_or_else(|| origin.to_string()) } else { entry.id.clone() };
        let body = entry.content.and_then(|c| c.body).filter(|b| !b.trim().is_empty()).or(entry.summary.map(|s| s.content));
        if body.is_none() {
            warnings.push("the item has no content or summary; only its title is coded".into());
        }
        let title = entry.title.map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
        let document = html::fragment_text(body.as_deref().unwrap_or_default(), &mut warnings).map_err(InputError::Html).map(|text| {
            // An item without a body still says something in its title.
            let text = if text.trim().is_empty() { title.clone().unwrap_or_default() } else { text };
            Document { id, text, date: entry.published.or(entry.updated).map(|d| d.date_naive().to_string()), title, url, source: source.clone() }
        });
        Record { origin, document, warnings }
    }))
}
