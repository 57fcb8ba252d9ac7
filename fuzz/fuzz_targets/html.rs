//! The html reader on any bytes: every record must come out as a document or an error.
#![no_main]

use dyad_ingest::{read_stream, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for record in read_stream(std::io::Cursor::new(data.to_vec()), "fuzz", Format::Html) {
        if let Ok(doc) = record.document {
            assert!(!doc.text.bytes().any(|b| b == 0), "control characters are blanked");
        }
    }
});
