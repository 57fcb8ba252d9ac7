//! Time mentions resolved to calendar days: explicit dates ("30 DEC 89", "March 3, 2024",
//! "Dec. 30"), relative days ("yesterday", "today", "tomorrow", "last night") and weekdays
//! ("on Tuesday": the latest such day on or before the publication date).
//! Without a publication date only explicit dates with a year resolve.

use std::ops::Range;

use dyad_lexicon::Tokens;
use dyad_text::Kind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    pub tokens: Range<usize>,
    /// `YYYY-MM-DD`.
    pub date: String,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
    ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9),
    ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

fn format(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn parse_date(date: &str) -> Option<i64> {
    let y = date.get(0..4)?.parse().ok()?;
    let m = date.get(5..7)?.parse().ok()?;
    let d = date.get(8..10)?.parse().ok()?;
    valid(m, d).then(|| days_from_civil(y, m, d))
}

fn valid(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn month(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|&(_, m)| m)
}

fn number(cx: &Tokens, i: usize) -> Option<u32> {
    let t = cx.tokens.get(i)?;
    (t.kind == Kind::Number && t.folded.len() <= 4).then(|| t.folded.parse().ok()).flatten()
}

/// A two-digit year is read in the century that puts it nearest the publication year (or 19xx/20xx around 2030).
fn full_year(y: u32, reference_year: Option<i64>) -> i64 {
    if y >= 100 {
        return y as i64;
    }
    let base = reference_year.unwrap_or(2000);
    let century = base - base.rem_euclid(100);
    let candidates = [century - 100 + y as i64, century + y as i64, century + 100 + y as i64];
    *candidates.iter().min_by_key(|c| (*c - base).abs()).unwrap()
}

/// A day and month without a year: the occurrence nearest the publication date ("Dec. 30" in a
/// story of January 4 is last December).
fn nearest(m: u32, d: u32, today: i64) -> i64 {
    let year = civil_from_days(today).0;
    [year - 1, year, year + 1].into_iter().map(|y| days_from_civil(y, m, d)).min_by_key(|days| (days - today).abs()).unwrap()
}

pub(crate) fn find(cx: &Tokens, doc_date: Option<&str>) -> Vec<TimeMention> {
    let today = doc_date.and_then(parse_date);
    let reference_year = today.map(|t| civil_from_days(t).0);
    let word = |i: usize| cx.tokens.get(i).map_or("", |t| t.folded.as_str());
    let skip_dot = |i: usize| if word(i) == "." { i + 1 } else { i };
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.tokens.len() {
        let w = word(i);
        let mut found: Option<(usize, i64)> = None;
        // "30 DEC 89", "30 December 2024", "3 March"
        if let (Some(d), Some(m)) = (number(cx, i), month(word(i + 1))) {
            let after = skip_dot(i + 2);
            let year = number(cx, after).filter(|y| *y < 100 || (1900..2100).contains(y));
            if valid(m, d) {
                let days = match year {
                    Some(y) => Some(days_from_civil(full_year(y, reference_year), m, d)),
                    None => today.map(|t| nearest(m, d, t)),
                };
                if let Some(days) = days {
                    found = Some((if year.is_some() { after + 1 } else { i + 2 }, days));
                }
            }
        } else if let Some(m) = month(w).filter(|_| w != "may" || cx.tokens[i].is_capitalized()) {
            // "March 3, 2024", "Dec. 30"
            let at = skip_dot(i + 1);
            if let Some(d) = number(cx, at).filter(|d| valid(m, *d)) {
                let mut end = at + 1;
                let mut year = None;
                if word(end) == "," && number(cx, end + 1).is_some_and(|y| (1900..2100).contains(&y)) {
                    year = number(cx, end + 1).map(|y| y as i64);
                    end += 2;
                }
                let days = match year {
                    Some(y) => Some(days_from_civil(y, m, d)),
                    None => today.map(|t| nearest(m, d, t)),
                };
                if let Some(days) = days {
                    found = Some((end, days));
                }
            }
        } else if let Some(t) = today {
            let relative = match w {
                "today" | "tonight" => Some(0),
                "yesterday" => Some(-1),
                "tomorrow" => Some(1),
                "last" if word(i + 1) == "night" => Some(-1),
                _ => None,
            };
            if let Some(offset) = relative {
                let end = if w == "last" { i + 2 } else { i + 1 };
                found = Some((end, t + offset));
            } else if let Some(k) = WEEKDAYS.iter().position(|d| *d == w) {
                // 1970-01-01 was a Thursday (index 3).
                let today_index = (t + 3).rem_euclid(7);
                let back = (today_index - k as i64).rem_euclid(7);
                found = Some((i + 1, t - back));
            }
        }
        match found {
            Some((end, days)) => {
                // Relative dates must not drift past a sane range (a misread number).
                if today.is_none_or(|t| (days - t).abs() <= 3660) {
                    out.push(TimeMention { tokens: i..end, date: format(days) });
                }
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_lexicon::Lexicon;
    use dyad_text::tokenize;

    fn dates(text: &str, doc_date: Option<&str>) -> Vec<String> {
        let tokens = tokenize(text);
        let cx = Tokens::new(text, &tokens, &Lexicon::get().lemmas);
        find(&cx, doc_date).into_iter().map(|t| t.date).collect()
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for days in [-1000, 0, 11_016, 19_000, 20_513] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(format(days_from_civil(2024, 2, 29) + 1), "2024-03-01");
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(dates("THE ATTACK TOOK PLACE ON 30 DEC 89 IN THE CAPITAL.", None), ["1989-12-30"]);
        assert_eq!(dates("Talks opened on March 3, 2024 in Doha.", None), ["2024-03-03"]);
        assert_eq!(dates("On Dec. 30 rebels attacked.", Some("2026-01-04")), ["2025-12-30"]);
    }

    #[test]
    fn relative_days_and_weekdays() {
        // 2026-03-05 is a Thursday.
        assert_eq!(dates("Police arrested him yesterday.", Some("2026-03-05")), ["2026-03-04"]);
        assert_eq!(dates("Troops clashed on Tuesday and on Thursday.", Some("2026-03-05")), ["2026-03-03", "2026-03-05"]);
        assert_eq!(dates("They met on Tuesday.", None), Vec::<String>::new());
        assert_eq!(dates("Officials may meet in May.", Some("2026-03-05")), Vec::<String>::new());
    }
}
