//! Inputs found by the fuzzers (fuzz/regressions/) stay regression tests: each goes through
//! every reader and the coder, as the fuzz targets do, and must come out as documents or errors.

use std::io::Cursor;
use std::path::PathBuf;

use dyad_coder::Coder;
use dyad_core::Document;
use dyad_ingest::{read_stream, Format};

#[test]
fn fuzz_findings_are_read_and_coded_without_panics() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).expect("fuzz/regressions exists").map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty());
    let coder = Coder::new(1 << 16);
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let text = Document { id: "fuzz".into(), text: String::from_utf8_lossy(&bytes).into_owned(), date: Some("2024-01-01".into()), ..Document::default() };
        let _ = coder.code(&text);
        for format in [Format::Auto, Format::Jsonl, Format::Text, Format::Html, Format::Feed, Format::Warc] {
            for record in read_stream(Cursor::new(bytes.clone()), "fuzz", format).take(10_000) {
                if let Ok(doc) = record.document {
                    assert!(!doc.text.contains('\0'), "{}: NUL left in the text", file.display());
                    let _ = coder.code(&doc);
                }
            }
        }
    }
}
