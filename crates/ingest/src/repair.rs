//! Text repair applied to every document after decoding: control characters and mojibake.
//!
//! Control characters (NUL and the other C0 controls except tab, line feed and
//! carriage return, plus DEL) become spaces: each is one byte, so byte offsets do
//! not move. Mojibake is UTF-8 that was read as Windows-1252 or Latin-1 and
//! written out again ("â€™" for "’", "Ã©" for "é"). A run of characters is
//! repaired only when its Windows-1252 bytes are a complete UTF-8 sequence that
//! decodes to a character in the ranges such text holds (Latin letters and signs,
//! typographic punctuation, €, ™). Repairing changes lengths, so the evidence
//! offsets of a repaired document refer to the repaired text, which is the text
//! dyad works on.

/// Replaces control characters by spaces; returns how many there were.
pub fn blank_controls(text: &mut String) -> usize {
    let is_control = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f;
    let count = dyad_core::bytes::count(text.as_bytes(), is_control);
    if count > 0 {
        // Each control character is a single byte, so this keeps every offset.
        *text = text.chars().map(|c| if c.is_ascii() && is_control(c as u8) { ' ' } else { c }).collect();
    }
    count
}

/// Repairs mojibake in place; returns how many characters were repaired.
pub fn fix_mojibake(text: &mut String) -> usize {
    let mut total = 0;
    // Text garbled twice ("Ã¢â‚¬â„¢") needs a second pass.
    for _ in 0..2 {
        // Every garbled lead byte (0xC2..=0xF4) is a Latin-1 letter, which UTF-8 writes as 0xC3 xx.
        if !text.as_bytes().contains(&0xC3) {
            break;
        }
        let (fixed, count) = fix_pass(text);
        if count == 0 {
            break;
        }
        *text = fixed;
        total += count;
    }
    total
}

fn fix_pass(text: &str) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        // "gujaratÂ  curfew", "stories Â  vhp": a no-break space garbled to "Â" and a second byte that was
        // later made a plain space. A capital Â before a space and not after a capital is no letter.
        let stray_nbsp_lead = chars[i] == 'Â' && chars.get(i + 1).is_some_and(|&c| c == ' ' || c == '\u{a0}') && (i == 0 || !chars[i - 1].is_uppercase());
        if stray_nbsp_lead {
            count += 1;
            i += 1;
        } else if let Some((repaired, used)) = repair_at(&chars[i..]) {
            out.push(repaired);
            count += 1;
            i += used;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    (out, count)
}

/// The character a garbled sequence at the start of `chars` stands for, and how many characters it spans.
fn repair_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = cp1252_byte(chars[0])?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0];
    for (k, &c) in chars.get(1..len)?.iter().enumerate() {
        let b = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes[k + 1] = b;
    }
    let decoded = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    plausible(decoded).then_some((decoded, len))
}

/// Characters that news text garbled this way usually held; anything else is left alone.
fn plausible(c: char) -> bool {
    matches!(c as u32, 0xA0..=0x24F | 0x2010..=0x2044 | 0x20AC | 0x2122)
}

/// The Windows-1252 byte a character came from, if it came from one (Latin-1 for the five undefined slots).
fn cp1252_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match c as u32 {
        0xA0..=0xFF => Some(c as u8),
        _ => HIGH.iter().position(|&h| h == c).map(|p| 0x80 + p as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> (String, usize) {
        let mut t = s.to_string();
        let n = fix_mojibake(&mut t);
        (t, n)
    }

    #[test]
    fn common_patterns_are_repaired() {
        assert_eq!(fixed("the army\u{e2}\u{20ac}\u{2122}s convoy"), ("the army’s convoy".into(), 1));
        assert_eq!(fixed("â€œWe will fight,â€\u{9d} he said â€” in Bogotá"), ("“We will fight,” he said — in Bogotá".into(), 3));
        assert_eq!(fixed("PiÃ±era met SÃ£o Paulo officials in MÃ¼nchen for 5 â‚¬"), ("Piñera met São Paulo officials in München for 5 €".into(), 4));
        assert_eq!(fixed("Ã¢â‚¬â„¢"), ("’".into(), 4), "three, then one on the second pass");
        assert_eq!(fixed("curfew in gujaratÂ  on friday.Â  police"), ("curfew in gujarat  on friday.  police".into(), 2), "a no-break space's stray lead");
        assert_eq!(fixed("related stories Â  vhp"), ("related stories   vhp".into(), 1));
    }

    #[test]
    fn legitimate_text_is_left_alone() {
        for s in ["Straße» und Café", "Bogotá, São Paulo, ÉTAT, naïve", "ABC ÃO", "plain ascii", "ROMÂ NIA"] {
            assert_eq!(fixed(s), (s.to_string(), 0), "{s}");
        }
    }

    #[test]
    fn controls_become_spaces_at_the_same_offsets() {
        let mut t = "a\0b\x07c\td\ne\x7f".to_string();
        assert_eq!(blank_controls(&mut t), 3);
        assert_eq!(t, "a b c\td\ne ");
    }
}
