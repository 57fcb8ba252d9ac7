//! The hash index of the gazetteer's name keys, written at compile time by `build.rs` from the names file
//! and probed by the gazetteer. For any folded token sequence, a probe or two say whether it is a name
//! (and where its first line is) and whether a longer name starts with it, so the many words of a text
//! that are neither never reach the names file. Shared by both sides so they hash and encode alike.
//!
//! The table is a power-of-two array of little-endian `u64` slots, linearly probed from a key's hash;
//! 0 is an empty slot. A slot holds the hash's high half (a fingerprint), the flags below and the number
//! of the name's first line in the names file. Fingerprints can collide, so a name is confirmed against its line.
//!
//! Most probes are for words that start no name, and the table is too large to stay in cache. So a small
//! Bloom filter goes in front of it: two bits per key, both in one `u64` word, in a table that stays cached.
//! A key whose bits are not both set is in no slot; the rest (about one in twelve of the absent) probe on.

/// The key is a name; the slot holds its first line.
pub const NAME: u64 = 1 << 31;
/// A longer name starts with the key and a space.
pub const PREFIX: u64 = 1 << 30;
/// The bits below the flags, which hold a name's first line.
const LINE_MASK: u64 = PREFIX - 1;

/// The filter's size in `u64` words (256 KiB).
pub const FILTER_WORDS: usize = 1 << 15;

/// The filter word of a hash, and the two bits the key sets in it.
pub fn filter_bits(hash: u64) -> (usize, u64) {
    let word = (hash >> 16) as usize & (FILTER_WORDS - 1);
    (word, 1 << ((hash >> 40) & 63) | 1 << ((hash >> 46) & 63))
}

/// A 64-bit hash whose low bits pick the slot and whose high half is the fingerprint.
pub fn hash(key: &[u8]) -> u64 {
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(MULTIPLIER).rotate_left(29);
    let mut words = key.chunks_exact(8);
    let mut h = words.by_ref().fold(key.len() as u64, |h, w| mix(h, u64::from_le_bytes(w.try_into().expect("eight bytes"))));
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(last));
    }
    // The splitmix64 finaliser spreads every input bit over the slot bits.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// A slot's content: fingerprint, flags, and for a name its first line.
#[allow(dead_code)] // written by build.rs only
pub fn slot(hash: u64, flags: u64, line: usize) -> u64 {
    assert!(line as u64 <= LINE_MASK, "the names file outgrew the index's line bits");
    (hash & !0xffff_ffff) | flags | line as u64
}

/// Whether a slot may hold the key of this hash.
pub fn fingerprint_matches(slot: u64, hash: u64) -> bool {
    slot >> 32 == hash >> 32
}

/// The first line a name slot points at.
pub fn first_line(slot: u64) -> usize {
    (slot & LINE_MASK) as usize
}

/// The slots to try for a hash in a table of `len` slots (a power of two), in order.
pub fn probe(hash: u64, len: usize) -> impl Iterator<Item = usize> {
    let start = hash as usize & (len - 1);
    (0..len).map(move |i| (start + i) & (len - 1))
}
