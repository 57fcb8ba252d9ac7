//! HTML pages: the main text (Readability-style, via dom_smoothie) with title,
//! publication date and outlet from the page's meta tags and JSON-LD.
//!
//! Navigation, scripts, styles and other boilerplate are dropped. When no main
//! article can be found, the visible body text without those parts is used.
//! Parsing and Readability cost time in proportion to size times nesting depth,
//! so markup nested deeper than [`MAX_DEPTH`] (no real page is) is not parsed: its
//! tags are dropped by a linear scan instead, with a warning. Extraction runs on
//! its own thread with a large stack, as walking a deep tree recurses.

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

/// Deeper markup is flattened instead of parsed.
pub(crate) const MAX_DEPTH: usize = 400;

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
pub(crate) fn extract(html: String, url: Option<&str>, warnings: &mut Vec<String>) -> Result<Page, String> {
    if too_deep(&html, warnings) {
        return Ok(Page { text: flat_text(&html), ..Page::default() });
    }
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://")).map(str::to_string);
    on_big_stack(move || extract_here(html, url.as_deref()))
}

/// The visible text of an HTML fragment (a feed item's summary), tags dropped.
pub(crate) fn fragment_text(html: &str, warnings: &mut Vec<String>) -> Result<String, String> {
    if !html.contains('<') && !html.contains('&') {
        return Ok(html.to_string());
    }
    if too_deep(html, warnings) {
        return Ok(flat_text(html));
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

fn too_deep(html: &str, warnings: &mut Vec<String>) -> bool {
    let deep = nesting_depth(html) > MAX_DEPTH;
    if deep {
        warnings.push(format!("HTML nested more than {MAX_DEPTH} levels deep; its tags were dropped without looking for the main text"));
    }
    deep
}

/// Elements that never nest (void) or whose end tag is often left out.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "rt", "rp",
];

/// Elements whose content is never text for a reader.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// A tag seen by [`scan_tags`]: its lower-case name, whether it closes, whether it closes itself.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
}

/// What [`scan_tags`] meets: a run of text or a tag.
enum Piece<'a> {
    Text(&'a str),
    Tag(&'a Tag),
}

/// Walks the markup once, calling `visit` for each run of text and each tag, until it returns false.
/// Comments and the content of hidden elements are skipped.
fn scan_tags(html: &str, mut visit: impl FnMut(Piece) -> bool) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if !visit(Piece::Text(&rest[..open])) {
            return;
        }
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let inside = rest[1..end].trim_end_matches('>');
        rest = &rest[end..];
        let closing = inside.starts_with('/');
        let name: String = inside.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let found = Tag { self_closing: inside.ends_with('/'), closing, name };
        if !visit(Piece::Tag(&found)) {
            return;
        }
        if !found.closing && HIDDEN.contains(&found.name.as_str()) {
            let close = format!("</{}", found.name);
            rest = find_ignore_case(rest, &close).map_or("", |at| &rest[at..]);
        }
    }
    visit(Piece::Text(rest));
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// How deep the markup nests, counted from its tags (stops counting past [`MAX_DEPTH`]).
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    scan_tags(html, |piece| {
        match piece {
            Piece::Tag(t) if t.closing => depth = depth.saturating_sub(1),
            Piece::Tag(t) if !t.self_closing && !NOT_NESTING.contains(&t.name.as_str()) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            _ => {}
        }
        deepest <= MAX_DEPTH
    });
    deepest
}

/// The text of markup with every tag dropped and the common entities decoded, in linear time.
fn flat_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    scan_tags(html, |piece| {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Tag(_) => out.push(' '),
        }
        true
    });
    let decoded = [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")]
        .iter()
        .fold(out, |text, (entity, plain)| if text.contains(entity) { text.replace(entity, plain) } else { text });
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
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

    fn nested(depth: usize) -> String {
        format!("<html><body>{}<p>Rebels attacked the town.</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth))
    }

    #[test]
    fn deep_nesting_is_flattened_not_parsed() {
        for depth in [10_000, 100_000] {
            let mut warnings = Vec::new();
            let page = extract(nested(depth), None, &mut warnings).unwrap();
            assert_eq!(page.text, "Rebels attacked the town.");
            assert!(warnings[0].contains("nested more than"), "{warnings:?}");
        }
    }

    #[test]
    fn nesting_up_to_the_limit_is_parsed_on_a_big_stack() {
        let mut warnings = Vec::new();
        let page = extract(nested(MAX_DEPTH - 3), None, &mut warnings).unwrap();
        assert_eq!(page.text, "Rebels attacked the town.");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn depth_ignores_void_and_unclosed_paragraph_tags() {
        let html = "<div><p>one<p>two<br><img src=x><li>three</div>".repeat(1000);
        assert_eq!(nesting_depth(&html), 1);
        assert_eq!(nesting_depth("<a><b/><!-- <c><d><e> --><script>if (a<b) x = '<div><div>'</script></a>"), 2, "a and script");
    }

    #[test]
    fn flat_text_drops_tags_scripts_and_comments() {
        assert_eq!(flat_text("<p>Police&nbsp;<b>arrested</b> ten &amp; more.</p><script>x('<b>')</script><!-- c --> End"), "Police arrested ten & more. End");
    }

    #[test]
    fn fragments_lose_their_tags() {
        let mut warnings = Vec::new();
        assert_eq!(fragment_text("<p>Police <b>arrested</b> ten.</p><script>x()</script>", &mut warnings).unwrap(), "Police arrested ten.");
        assert_eq!(fragment_text("no tags", &mut warnings).unwrap(), "no tags");
    }

    #[test]
    fn time_element_dates_are_used_when_meta_tags_are_absent() {
        let html = "<html><body><article><time datetime=\"2024-03-09T08:00\">9 March</time><p>Text here.</p></article></body></html>";
        let page = extract(html.into(), None, &mut Vec::new()).unwrap();
        assert_eq!(page.date.as_deref(), Some("2024-03-09"));
    }
}
