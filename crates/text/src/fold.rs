//! Folding for matching: lower case, Latin accents removed, curly apostrophes straightened.

use compact_str::CompactString;

/// Folds a word for lexicon matching: "Bogotá" → "bogota", "U.S." → "u.s.".
pub fn fold(word: &str) -> CompactString {
    if word.is_ascii() {
        // Most words: one copy, lowered in place if it has a capital at all.
        let mut out = CompactString::new(word);
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            out.make_ascii_lowercase();
        }
        return out;
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\u{2019}' || c == '\u{2018}' || c == '\u{02bc}' {
            out.push('\'');
        } else if let Some(base) = strip_accent(c) {
            out.push(base);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.into()
}

/// The unaccented lower-case base of common Latin letters.
fn strip_accent(c: char) -> Option<char> {
    const TABLE: &[(&str, char)] = &[
        ("àáâãäåāăąÀÁÂÃÄÅĀĂĄ", 'a'),
        ("çćĉċčÇĆĈĊČ", 'c'),
        ("ďđĎĐ", 'd'),
        ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", 'e'),
        ("ĝğġģĜĞĠĢ", 'g'),
        ("ĥħĤĦ", 'h'),
        ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", 'i'),
        ("ĵĴ", 'j'),
        ("ķĶ", 'k'),
        ("ĺļľŀłĹĻĽĿŁ", 'l'),
        ("ñńņňÑŃŅŇ", 'n'),
        ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", 'o'),
        ("ŕŗřŔŖŘ", 'r'),
        ("śŝşšșŚŜŞŠȘ", 's'),
        ("ţťŧțŢŤŦȚ", 't'),
        ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", 'u'),
        ("ŵŴ", 'w'),
        ("ýÿŷÝŸŶ", 'y'),
        ("źżžŹŻŽ", 'z'),
    ];
    TABLE.iter().find(|(set, _)| set.contains(c)).map(|&(_, base)| base)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Bogotá"), "bogota");
        assert_eq!(fold("RAMÓN"), "ramon");
        assert_eq!(fold("U.S."), "u.s.");
        assert_eq!(fold("Mexico’s"), "mexico's");
    }
}
