//! Format sniffing and gzip/zstd streams (seeded with compressed JSONL, WARC and HTML).
#![no_main]

use dyad_ingest::{read_stream, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for record in read_stream(std::io::Cursor::new(data.to_vec()), "fuzz", Format::Auto).take(10_000) {
        let _ = record.document;
    }
});
