//! Writes the gazetteer's name index (`src/name_index.rs`) from the embedded names file, so the gazetteer
//! starts with it and a short document pays nothing to build it.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::Path;


#[allow(dead_code)]
#[path = "src/name_index.rs"]
mod name_index;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer");
    let (gz_path, idx_path) = (data.join("names.tsv.gz"), data.join("names.idx.tsv"));
    for path in [gz_path.as_path(), idx_path.as_path(), Path::new("src/name_index.rs")] {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let gz = fs::read(&gz_path).expect("data/gazetteer/names.tsv.gz");
    let idx = fs::read_to_string(&idx_path).expect("data/gazetteer/names.idx.tsv");
    let texts: Vec<String> = idx
        .lines()
        .skip(1)
        .map(|line| {
            let mut f = line.split('\t').map(|x| x.parse::<usize>().expect("offset and length"));
            let (offset, len) = (f.next().expect("offset"), f.next().expect("length"));
            let mut text = String::new();
            flate2::read::GzDecoder::new(&gz[offset..offset + len]).read_to_string(&mut text).expect("names.tsv.gz is gzip UTF-8");
            text
        })
        .collect();
    // Every key with its flags and, for a name, the chunk and line where its lines start; `order` keeps
    // file order so the table is the same on every build.
    let mut keys: HashMap<&str, (u64, usize, usize)> = HashMap::new();
    let mut order = Vec::new();
    let mut add = |key, flags, (chunk, line)| {
        let entry = keys.entry(key).or_insert_with(|| {
            order.push(key);
            (0, chunk, line)
        });
        if flags & name_index::NAME != 0 && entry.0 & name_index::NAME == 0 {
            (entry.1, entry.2) = (chunk, line);
        }
        entry.0 |= flags;
    };
    let mut previous = "";
    for (chunk, text) in texts.iter().enumerate() {
        for (line, row) in text.lines().enumerate() {
            let key = &row[..row.find('\t').unwrap_or(row.len())];
            // The gazetteer reads a name's lines from its first one on: they must be together.
            assert!(previous <= key, "names.tsv.gz is not sorted by key at {key:?}");
            previous = key;
            add(key, name_index::NAME, (chunk, line));
            for (space, _) in key.match_indices(' ') {
                add(&key[..space], name_index::PREFIX, (0, 0));
            }
        }
    }
    let len = (order.len() * 4 / 3).next_power_of_two();
    let mut table = vec![0u64; len];
    for key in order {
        let (flags, chunk, line) = keys[key];
        let hash = name_index::hash(key.as_bytes());
        let free = name_index::probe(hash, len).find(|&s| table[s] == 0).expect("the table has free slots");
        table[free] = name_index::slot(hash, flags, chunk, line);
    }
    let bytes: Vec<u8> = table.iter().flat_map(|s| s.to_le_bytes()).collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("name_index.bin");
    fs::write(out, bytes).expect("writes the name index");
}
