//! Every reader on small fixtures of our own (tests/fixtures).

use std::io::Cursor;
use std::path::PathBuf;

use dyad_core::Document;
use dyad_ingest::{read, read_stream, read_with, Format, Input, InputError, Options, Record};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn read_file(name: &str) -> Vec<Record> {
    read(vec![Input::Path(fixture(name))]).collect()
}

fn docs(records: &[Record]) -> Vec<&Document> {
    records.iter().map(|r| r.document.as_ref().unwrap_or_else(|e| panic!("{}: {e}", r.origin))).collect()
}

#[test]
fn compressed_jsonl_is_streamed() {
    for name in ["reports.jsonl.gz", "reports.jsonl.zst"] {
        let records = read_file(name);
        let d = docs(&records);
        assert_eq!(d.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["z1", "z2"], "{name}");
        assert!(d[0].text.starts_with("Rebels attacked"));
        assert_eq!(records[1].origin.to_string(), format!("{}:2", fixture(name).display()));
    }
}

#[test]
fn compression_is_recognised_without_an_extension() {
    let bytes = std::fs::read(fixture("reports.jsonl.zst")).unwrap();
    let records: Vec<Record> = read_stream(Cursor::new(bytes), "<stdin>", Format::Auto).collect();
    assert_eq!(docs(&records).len(), 2);
}

#[test]
fn html_pages_lose_their_boilerplate() {
    let records = read_file("page.html");
    let d = docs(&records)[0];
    assert_eq!(d.id, "page.html");
    assert_eq!(d.title.as_deref(), Some("Troops clash near border"));
    assert_eq!(d.date.as_deref(), Some("2025-03-14"));
    assert_eq!(d.source.as_deref(), Some("The Daily Ledger"));
    assert!(d.text.contains("Kenyan troops clashed with Somali militants"), "{}", d.text);
    assert!(d.text.contains("Kenya's foreign minister later met"));
    for junk in ["Sign in", "Celebrity wedding", "Copyright", "analytics", "trackPageView", "color: red"] {
        assert!(!d.text.contains(junk), "{junk:?} left in {:?}", d.text);
    }
}

#[test]
fn html_is_sniffed_from_content() {
    let html = std::fs::read(fixture("page.html")).unwrap();
    let records: Vec<Record> = read_stream(Cursor::new(html), "<stdin>", Format::Auto).collect();
    assert_eq!(docs(&records)[0].title.as_deref(), Some("Troops clash near border"));
}

#[test]
fn rss_items_become_documents() {
    let records = read_file("feed.rss");
    let d = docs(&records);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].id, "wire-1001");
    assert_eq!(d[0].url.as_deref(), Some("https://wire.example.org/2025/05/02/arrests"));
    assert_eq!(d[0].date.as_deref(), Some("2025-05-02"));
    assert_eq!(d[0].title.as_deref(), Some("Police arrest protesters in capital"));
    assert_eq!(d[0].text, "Police arrested dozens of protesters in the capital on Friday, officials said.");
    assert_eq!(d[0].source.as_deref(), Some("Regional Wire"));
    // No guid: the link stands in.
    assert_eq!(d[1].text, "The trade ministers of Ghana and Nigeria met in Accra on Saturday.");
    assert_eq!(d[1].id, "https://wire.example.org/2025/05/03/trade");
}

#[test]
fn atom_entries_become_documents() {
    let records = read_file("feed.atom");
    let d = docs(&records);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].id, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    assert_eq!(d[0].url.as_deref(), Some("https://harbour.example.com/navy-vessel"));
    assert_eq!(d[0].date.as_deref(), Some("2025-06-09"), "published wins over updated");
    assert_eq!(d[0].text, "The navy intercepted a fishing vessel off the coast on Monday, a spokesman said.");
    assert_eq!(d[1].date.as_deref(), Some("2025-06-10"), "updated when there is no published date");
    assert_eq!(d[1].text, "Port workers went on strike in Mombasa on Tuesday.");
}

#[test]
fn warc_html_responses_become_documents() {
    let records = read_file("news.warc.gz");
    let d = docs(&records);
    // warcinfo, request and the PNG response are skipped.
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].url.as_deref(), Some("https://news.example.net/strike"));
    assert_eq!(d[0].id, "https://news.example.net/strike");
    assert_eq!(d[0].date.as_deref(), Some("2025-03-30"), "the page's own date");
    assert_eq!(d[0].text, "Dock workers went on strike in the port of Durban on Monday, union leaders said.");
    assert_eq!(d[1].date.as_deref(), Some("2025-04-02"), "the WARC-Date when the page has none");
    assert!(d[1].text.contains("agreed to resume talks"));
}

#[test]
fn truncated_warc_ends_with_one_error() {
    let whole = std::fs::read(fixture("news.warc.gz")).unwrap();
    let mut plain = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&whole[..]), &mut plain).unwrap();
    let cut = plain.len() - 120;
    let records: Vec<Record> = read_stream(Cursor::new(plain[..cut].to_vec()), "cut.warc", Format::Warc).collect();
    assert_eq!(records.len(), 2);
    assert!(records[0].document.is_ok());
    assert!(matches!(records[1].document, Err(InputError::Warc(_))), "{:?}", records[1].document);
}

#[test]
fn broken_compression_is_one_error_after_the_good_part() {
    let whole = std::fs::read(fixture("reports.jsonl.gz")).unwrap();
    let mut broken = whole[..whole.len() / 2].to_vec();
    broken.extend_from_slice(&[0xff; 40]);
    let records: Vec<Record> = read_stream(Cursor::new(broken), "broken.jsonl.gz", Format::Auto).collect();
    let last = records.last().unwrap();
    assert!(matches!(last.document, Err(InputError::Io(_))), "{:?}", last.document);
}

#[test]
fn broken_feeds_are_one_clear_error() {
    let records: Vec<Record> = read_stream(Cursor::new(b"<rss><channel><item><title>x</ti".to_vec()), "bad.rss", Format::Feed).collect();
    assert_eq!(records.len(), 1);
    let e = records[0].document.as_ref().unwrap_err();
    assert!(e.to_string().contains("RSS or Atom"), "{e}");
}

#[test]
fn directories_hold_every_format() {
    let records = read(vec![Input::Path(fixture(""))]).collect::<Vec<_>>();
    let ids: Vec<&str> = docs(&records).iter().map(|d| d.id.as_str()).collect();
    // Name order: feed.atom, feed.rss, news.warc.gz, page.html, reports.jsonl.gz, reports.jsonl.zst.
    assert_eq!(ids.len(), 2 + 2 + 2 + 1 + 2 + 2, "{ids:?}");
    assert_eq!(ids[6], "page.html");
}

#[test]
fn the_format_can_be_forced() {
    let records: Vec<Record> = read_with(vec![Input::Path(fixture("page.html"))], Options { format: Format::Text, ..Options::default() }).collect();
    assert!(docs(&records)[0].text.starts_with("<!DOCTYPE html>"));
}

#[test]
fn mojibake_and_controls_are_repaired_with_warnings() {
    let line = "{\"id\":\"m\",\"text\":\"The army\u{e2}\u{20ac}\u{2122}s chief\\u0000 resigned in Bogot\u{c3}\u{a1}.\"}\n";
    let records: Vec<Record> = read_stream(Cursor::new(line.as_bytes().to_vec()), "m.jsonl", Format::Auto).collect();
    assert_eq!(docs(&records)[0].text, "The army’s chief  resigned in Bogotá.");
    assert_eq!(records[0].warnings.len(), 2, "{:?}", records[0].warnings);
}

#[test]
fn sniffing() {
    use dyad_ingest::sniff;
    assert_eq!(sniff(b"  {\"id\":1}"), Format::Jsonl);
    assert_eq!(sniff(b"WARC/1.0\r\n"), Format::Warc);
    assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"), Format::Feed);
    assert_eq!(sniff(b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Format::Feed);
    assert_eq!(sniff(b"<!doctype html><html><body>a feed of news</body>"), Format::Html);
    assert_eq!(sniff(b"Rebels attacked."), Format::Text);
}
