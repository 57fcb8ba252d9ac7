//! The text pipeline: any bytes, decoded lossily, coded as one document.
#![no_main]

use std::sync::OnceLock;

use dyad_coder::Coder;
use dyad_core::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static CODER: OnceLock<Coder> = OnceLock::new();
    let coder = CODER.get_or_init(|| Coder::new(1 << 16));
    let doc = Document { id: "fuzz".into(), text: String::from_utf8_lossy(data).into_owned(), date: Some("2024-01-01".into()), ..Document::default() };
    let _ = coder.code(&doc);
});
