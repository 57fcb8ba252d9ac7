//! Time mentions resolved to calendar days, each with a precision: explicit dates ("30 DEC 89",
//! "March 3, 2024", "Dec. 30": `day`), relative days ("yesterday", "today", "last night": `day`),
//! weekdays ("on Tuesday": the latest such day on or before the reference date; "next Tuesday" the
//! next one), weeks ("last week", "this week": the week's Monday, `week`), months ("earlier this
//! month", "last month", "in March": the month's first day, `month`), years ("last year": `year`) and
//! vague spans ("in recent months": the reference date, `recent`).
//! The reference date is the publication date, else the dateline's date ("SAN SALVADOR, 3 JAN 90 --");
//! without either only explicit dates with a year resolve.

use std::ops::Range;
use std::sync::LazyLock;

use dyad_core::calendar::{civil_from_days, days_from_civil};
use dyad_lexicon::Tokens;
use dyad_text::Kind;
use rustc_hash::FxHashSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    pub tokens: Range<usize>,
    /// `YYYY-MM-DD`; for a week its Monday, for a month its first day, for a year January 1.
    pub date: String,
    /// `day`, `week`, `month`, `year` or `recent`.
    pub precision: &'static str,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
    ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9),
    ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// The words `relative` expressions start with, besides weekdays.
const RELATIVE_STARTS: &[&str] = &["today", "tonight", "yesterday", "tomorrow", "last", "this", "past", "next", "earlier", "later", "recent"];

/// Every word other than a number that can start a time expression.
static STARTS: LazyLock<Starts> = LazyLock::new(|| Starts::new(MONTHS.iter().map(|&(m, _)| m).chain(WEEKDAYS.iter().copied()).chain(RELATIVE_STARTS.iter().copied())));

/// A set of short lower-case words that every token is checked against. The first two letters allowed at
/// each length rule out most tokens with two bit tests, before any hashing.
struct Starts {
    words: FxHashSet<&'static str>,
    first: [u32; Starts::MAX_LEN],
    second: [u32; Starts::MAX_LEN],
}

impl Starts {
    const MAX_LEN: usize = 16;

    fn new(words: impl Iterator<Item = &'static str>) -> Starts {
        let mut set = Starts { words: FxHashSet::default(), first: [0; Self::MAX_LEN], second: [0; Self::MAX_LEN] };
        for w in words {
            let b = w.as_bytes();
            assert!((2..Self::MAX_LEN).contains(&b.len()) && b.iter().all(u8::is_ascii_lowercase), "time words are short and lower case");
            set.first[b.len()] |= Self::bit(b[0]);
            set.second[b.len()] |= Self::bit(b[1]);
            set.words.insert(w);
        }
        set
    }

    fn bit(c: u8) -> u32 {
        if c.is_ascii_lowercase() {
            1 << (c - b'a')
        } else {
            0
        }
    }

    fn contains(&self, w: &str) -> bool {
        let b = w.as_bytes();
        (2..Self::MAX_LEN).contains(&b.len())
            && self.first[b.len()] & Self::bit(b[0]) != 0
            && self.second[b.len()] & Self::bit(b[1]) != 0
            && self.words.contains(w)
    }
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

/// The first explicit date with a year at the very start of the text: a dateline's date.
fn dateline_date(cx: &Tokens) -> Option<i64> {
    let head = cx.prefix(12);
    scan(&head, None).into_iter().find(|(_, _, precision, year)| *precision == "day" && *year).map(|(_, days, _, _)| days)
}

pub(crate) fn find(cx: &Tokens, doc_date: Option<&str>) -> Vec<TimeMention> {
    let today = doc_date.and_then(parse_date).or_else(|| dateline_date(cx));
    scan(cx, today)
        .into_iter()
        // A misread number must not date an event years away.
        .filter(|(_, days, _, _)| today.is_none_or(|t| (days - t).abs() <= 3660))
        .map(|(tokens, days, precision, _)| TimeMention { tokens, date: format(days), precision })
        .collect()
}

fn first_of_month(days: i64, months_back: i64) -> i64 {
    let (y, m, _) = civil_from_days(days);
    let index = y * 12 + m as i64 - 1 - months_back;
    days_from_civil(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32, 1)
}

/// Every time expression: (tokens, day number, precision, whether an explicit year was given).
fn scan(cx: &Tokens, today: Option<i64>) -> Vec<(Range<usize>, i64, &'static str, bool)> {
    let reference_year = today.map(|t| civil_from_days(t).0);
    let word = |i: usize| cx.tokens.get(i).map_or("", |t| t.folded.as_str());
    let skip_dot = |i: usize| if word(i) == "." { i + 1 } else { i };
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.tokens.len() {
        let w = word(i);
        if cx.tokens[i].kind != Kind::Number && !STARTS.contains(w) {
            i += 1;
            continue;
        }
        // (end, days, precision, explicit year)
        let mut found: Option<(usize, i64, &'static str, bool)> = None;
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
                    found = Some((if year.is_some() { after + 1 } else { i + 2 }, days, "day", year.is_some()));
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
                    found = Some((end, days, "day", year.is_some()));
                }
            } else if let (Some(t), true) = (today, matches!(word(i.wrapping_sub(1)), "in" | "since" | "during" | "early" | "late" | "mid")) {
                // "in March" (the nearest such month), "in August 1988": the month's first day.
                let year = number(cx, i + 1).filter(|y| (1900..2100).contains(y));
                if let Some(y) = year {
                    found = Some((i + 2, days_from_civil(y as i64, m, 1), "month", true));
                } else if w.len() > 3 || w == "may" {
                    found = Some((i + 1, first_of_month(nearest(m, 1, t), 0), "month", false));
                }
            }
        } else if let (Some(t), false) = (today, word(i.wrapping_sub(1)) == "since") {
            // "since last year" is a span up to now, not a date.
            found = relative(&word, i, t).map(|(end, days, precision)| (end, days, precision, false));
        }
        match found {
            Some((end, days, precision, year)) => {
                out.push((i..end, days, precision, year));
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Expressions relative to the reference day `t`: (end token, day number, precision).
fn relative<'a>(word: &impl Fn(usize) -> &'a str, i: usize, t: i64) -> Option<(usize, i64, &'static str)> {
    let w = word(i);
    let next = word(i + 1);
    let weekday = |k: usize| WEEKDAYS.iter().position(|d| *d == word(k));
    // 1970-01-01 was a Thursday (index 3).
    let today_index = (t + 3).rem_euclid(7);
    let monday = t - today_index;
    Some(match (w, next) {
        ("today" | "tonight", _) => (i + 1, t, "day"),
        ("yesterday", _) => (i + 1, t - 1, "day"),
        ("tomorrow", _) => (i + 1, t + 1, "day"),
        ("last", "night" | "evening") => (i + 2, t - 1, "day"),
        ("this", "morning" | "afternoon" | "evening") => (i + 2, t, "day"),
        ("last" | "past", "week") => (i + 2, monday - 7, "week"),
        ("this", "week") => (i + 2, monday, "week"),
        ("next", "week") => (i + 2, monday + 7, "week"),
        ("earlier" | "later", "this") if matches!(word(i + 2), "week" | "month" | "year") => match word(i + 2) {
            "week" => (i + 3, monday, "week"),
            "month" => (i + 3, first_of_month(t, 0), "month"),
            _ => (i + 3, first_of_month(t, civil_from_days(t).1 as i64 - 1), "year"),
        },
        ("this", "month") => (i + 2, first_of_month(t, 0), "month"),
        ("last" | "past", "month") => (i + 2, first_of_month(t, 1), "month"),
        ("this", "year") => (i + 2, first_of_month(t, civil_from_days(t).1 as i64 - 1), "year"),
        ("last" | "past", "year") => (i + 2, first_of_month(t, civil_from_days(t).1 as i64 - 1 + 12), "year"),
        ("recent", "days" | "weeks" | "months") => (i + 2, t, "recent"),
        ("next", _) if weekday(i + 1).is_some() => {
            let k = weekday(i + 1)? as i64;
            (i + 2, t + (k - today_index - 1).rem_euclid(7) + 1, "day")
        }
        _ => {
            let k = weekday(i)? as i64;
            // "Tuesday, 5 August", "Friday March 3": the date that follows says which one; it is read on its own.
            let after = if next == "," { i + 2 } else { i + 1 };
            let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
            if (digits(word(after)) && month(word(after + 1)).is_some()) || (month(word(after)).is_some() && digits(word(after + 1))) {
                return None;
            }
            (i + 1, t - (today_index - k).rem_euclid(7), "day")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_lexicon::Lexicon;
    use dyad_text::tokenize;

    fn dates(text: &str, doc_date: Option<&str>) -> Vec<String> {
        mentions(text, doc_date).into_iter().map(|t| t.date).collect()
    }

    fn mentions(text: &str, doc_date: Option<&str>) -> Vec<TimeMention> {
        let tokens = tokenize(text);
        let cx = Tokens::new(text, &tokens, &Lexicon::get().lemmas);
        find(&cx, doc_date)
    }

    fn dated(text: &str, doc_date: &str) -> Vec<(String, &'static str)> {
        mentions(text, Some(doc_date)).into_iter().map(|t| (t.date, t.precision)).collect()
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
        // A date after the weekday says which one: not the latest Tuesday, but 5 August.
        assert_eq!(dates("She was shot on Tuesday, 5 August.", Some("1989-09-06")), ["1989-08-05"]);
        assert_eq!(dates("She was shot on Tuesday August 5.", Some("1989-09-06")), ["1989-08-05"]);
        // The modal "may" is no month; "in May" is one.
        assert_eq!(dates("Officials may meet in May.", Some("2026-03-05")), ["2026-05-01"]);
    }

    #[test]
    fn each_expression_with_its_precision() {
        // 2026-03-05 is a Thursday.
        let pub_date = "2026-03-05";
        let one = |text: &str| dated(text, pub_date).into_iter().next().map(|(d, p)| (d, p.to_string()));
        let want = |d: &str, p: &str| Some((d.to_string(), p.to_string()));
        assert_eq!(one("Rebels attacked on March 3."), want("2026-03-03", "day"));
        assert_eq!(one("Rebels attacked on Dec. 30, 2025."), want("2025-12-30", "day"));
        assert_eq!(one("Rebels attacked on Tuesday."), want("2026-03-03", "day"));
        assert_eq!(one("Talks resume next Tuesday."), want("2026-03-10", "day"));
        assert_eq!(one("Rebels attacked yesterday."), want("2026-03-04", "day"));
        assert_eq!(one("Rebels attacked last night."), want("2026-03-04", "day"));
        assert_eq!(one("Rebels attacked last week."), want("2026-02-23", "week"));
        assert_eq!(one("Rebels attacked earlier this month."), want("2026-03-01", "month"));
        assert_eq!(one("Rebels attacked last month."), want("2026-02-01", "month"));
        assert_eq!(one("Rebels attacked last year."), want("2025-01-01", "year"));
        assert_eq!(one("Rebels attacked in January."), want("2026-01-01", "month"));
        assert_eq!(one("Rebels attacked in August 2024."), want("2024-08-01", "month"));
        assert_eq!(one("Attacks have grown since last year."), None);
        assert_eq!(one("Attacks grew in recent months."), want("2026-03-05", "recent"));
        assert_eq!(one("Rebels attacked the village."), None);
    }

    #[test]
    fn the_dateline_date_stands_in_for_a_missing_publication_date() {
        let found = mentions("SAN SALVADOR, 3 JAN 90 -- [TEXT] TERRORISTS ATTACKED A POST YESTERDAY AND ON 30 DECEMBER.", None);
        let dates: Vec<&str> = found.iter().map(|t| t.date.as_str()).collect();
        assert_eq!(dates, ["1990-01-03", "1990-01-02", "1989-12-30"]);
    }
}
