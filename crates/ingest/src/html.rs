//! HTML pages: the main text (Readability-style, via dom_smoothie) with title,
//! publication date and outlet from the page's meta tags and JSON-LD.
//!
//! Navigation, scripts, styles and other boilerplate are dropped. When no main
//! article can be found, the visible body text without those parts is used.
//! Extraction runs on its own thread with a large stack, because parsing and
//! walking a tree nested thousands of levels deep recurses that deep.

use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};

use crate::normalise_date;

/// What a page yields.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Page {
    pub title: Option<String>,
    pub text: String,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// Stack for the extraction thread: trees nested 100,000 deep fit. It is reserved, not committed, memory.
const STACK: usize = 512 << 20;

/// Meta tags (name, property or itemprop) that hold a publication date, in order of trust.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
];

const BOILERPLATE: &str = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg";

/// Extracts a page; `url` (absolute) helps resolve links but is optional.
pub(crate) fn extract(html: String, url: Option<&str>) -> Result<Page, String> {
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://")).map(str::to_string);
    on_big_stack(move || extract_here(html, url.as_deref()))
}

/// The visible text of an HTML fragment (a feed item's summary), tags dropped.
pub(crate) fn fragment_text(html: &str) -> Result<String, String> {
    if !html.contains('<') && !html.contains('&') {
        return Ok(html.to_string());
    }
    let html = html.to_string();
    on_big_stack(move || {
        let dom = Dom::fragment(html);
        dom.select(BOILERPLATE).remove();
        tidy(&dom.formatted_text())
    })
}

fn on_big_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    let worker = std::thread::Builder::new().name("dyad-html".into()).stack_size(STACK).spawn(work).map_err(|e| format!("cannot start the HTML thread: {e}"))?;
    worker.join().map_err(|_| "the HTML could not be parsed (internal error in the HTML extractor)".to_string())
}

fn extract_here(html: String, url: Option<&str>) -> Page {
    let dom = Dom::from(html);
    let meta_date = meta_date(&dom);
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let article = Readability::with_document(dom.clone(), url, Some(config)).ok().and_then(|mut r| r.parse().ok());
    let (title, text, published, source) = match article {
        Some(a) if !a.text_content.trim().is_empty() => (a.title, tidy(&a.text_content), a.published_time, a.site_name.or(a.byline)),
        _ => {
            let title = dom.select("title").text().trim().to_string();
            dom.select(BOILERPLATE).remove();
            (title, tidy(&dom.select("body").formatted_text()), None, None)
        }
    };
    let date = published.as_deref().and_then(normalise_date).or(meta_date);
    let nonempty = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Page { title: nonempty(title), text, date, source: source.and_then(nonempty) }
}

fn meta_date(dom: &Dom) -> Option<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for node in dom.select("meta[content]").nodes() {
        let key = ["property", "name", "itemprop"].iter().find_map(|a| node.attr(a)).map(|k| k.to_ascii_lowercase());
        let rank = key.and_then(|k| DATE_META.iter().position(|&m| m == k));
        if let (Some(rank), Some(day)) = (rank, node.attr("content").and_then(|c| normalise_date(&c))) {
            found.push((rank, day));
        }
    }
    if let Some(day) = found.into_iter().min_by_key(|(rank, _)| *rank).map(|(_, day)| day) {
        return Some(day);
    }
    dom.select("time[datetime]").nodes().iter().find_map(|n| n.attr("datetime").and_then(|d| normalise_date(&d)))
}

/// Collapses runs of blank lines and trailing spaces left by the markup.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 10_000;
        let html = format!("<html><body>{}<p>Rebels attacked the town.</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        let page = extract(html, None).unwrap();
        assert!(page.text.contains("Rebels attacked the town."), "{:?}", &page.text[..page.text.len().min(200)]);
    }

    #[test]
    fn fragments_lose_their_tags() {
        assert_eq!(fragment_text("<p>Police <b>arrested</b> ten.</p><script>x()</script>").unwrap(), "Police arrested ten.");
        assert_eq!(fragment_text("no tags").unwrap(), "no tags");
    }

    #[test]
    fn time_element_dates_are_used_when_meta_tags_are_absent() {
        let page = extract("<html><body><article><time datetime=\"2024-03-09T08:00\">9 March</time><p>Text here.</p></article></body></html>".into(), None).unwrap();
        assert_eq!(page.date.as_deref(), Some("2024-03-09"));
    }
}
