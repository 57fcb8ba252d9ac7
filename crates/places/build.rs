//! Inflates the gazetteer's gzip files into `OUT_DIR` in the forms the gazetteer reads in place, so the
//! binary carries them ready to use and no run pays for inflating or splitting them:
//!
//! - `places.tsv`, the place file's text, and `places.starts`, where each line starts (and one past the end);
//! - `names.keys`, the names file's keys run together, `names.key_ends`, where each line's key ends in it,
//!   and `names.ids`, each line's place id;
//! - `name_index.bin`, the hash index of every name and name prefix, and `name_filter.bin`, the Bloom
//!   filter in front of it (`src/name_index.rs`).
//!
//! The arrays are little-endian `u32`s, one per line.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/name_index.rs"]
mod name_index;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    println!("cargo:rerun-if-changed=src/name_index.rs");
    let places = inflate(&data.join("places.tsv.gz"));
    let names = inflate(&data.join("names.tsv.gz"));

    assert!(places.ends_with('\n'), "places.tsv.gz ends with a newline");
    let mut starts = vec![0];
    starts.extend(places.match_indices('\n').map(|(i, _)| i + 1));
    write_u32s(&out.join("places.starts"), starts);
    fs::write(out.join("places.tsv"), &places).expect("writes the place file");

    let mut keys = String::with_capacity(names.len());
    let (mut key_ends, mut ids) = (Vec::new(), Vec::new());
    let mut previous = "";
    for row in names.lines() {
        let (key, id) = row.split_once('\t').expect("every line of the names file has a key and an id");
        // The gazetteer reads a name's lines from its first one on: they must be together.
        assert!(previous <= key, "names.tsv.gz is not sorted by key at {key:?}");
        previous = key;
        keys.push_str(key);
        key_ends.push(keys.len());
        ids.push(id.parse().expect("a place id"));
    }
    let (index, filter) = name_index_table(names.lines().map(|row| &row[..row.find('\t').unwrap_or(row.len())]));
    fs::write(out.join("name_index.bin"), index).expect("writes the name index");
    fs::write(out.join("name_filter.bin"), filter).expect("writes the name filter");
    fs::write(out.join("names.keys"), keys).expect("writes the name keys");
    write_u32s(&out.join("names.key_ends"), key_ends);
    write_u32s(&out.join("names.ids"), ids);
}

/// The whole text of a (multi-member) gzip file.
fn inflate(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    let gz = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(&gz[..]).read_to_string(&mut text).expect("the gazetteer is gzip UTF-8");
    text
}

fn write_u32s(path: &Path, values: Vec<usize>) {
    let bytes: Vec<u8> = values.into_iter().flat_map(|v| u32::try_from(v).expect("fits in a u32").to_le_bytes()).collect();
    fs::write(path, bytes).expect("writes a u32 array");
}

/// The name index's slots and its filter's words, as bytes, for the names file's keys in file order.
fn name_index_table<'a>(line_keys: impl Iterator<Item = &'a str>) -> (Vec<u8>, Vec<u8>) {
    // Every key with its flags and, for a name, its first line; `order` keeps file order so the table is
    // the same on every build.
    let mut keys: HashMap<&str, (u64, usize)> = HashMap::new();
    let mut order = Vec::new();
    let mut add = |key, flags, line| {
        let entry = keys.entry(key).or_insert_with(|| {
            order.push(key);
            (0, line)
        });
        if flags & name_index::NAME != 0 && entry.0 & name_index::NAME == 0 {
            entry.1 = line;
        }
        entry.0 |= flags;
    };
    for (line, key) in line_keys.enumerate() {
        add(key, name_index::NAME, line);
        for (space, _) in key.match_indices(' ') {
            add(&key[..space], name_index::PREFIX, 0);
        }
    }
    let len = (order.len() * 4 / 3).next_power_of_two();
    let mut table = vec![0u64; len];
    let mut filter = vec![0u64; name_index::FILTER_WORDS];
    for key in order {
        let (flags, line) = keys[key];
        let hash = name_index::hash(key.as_bytes());
        let free = name_index::probe(hash, len).find(|&s| table[s] == 0).expect("the table has free slots");
        table[free] = name_index::slot(hash, flags, line);
        let (word, bits) = name_index::filter_bits(hash);
        filter[word] |= bits;
    }
    let bytes = |words: Vec<u64>| words.iter().flat_map(|w| w.to_le_bytes()).collect();
    (bytes(table), bytes(filter))
}
