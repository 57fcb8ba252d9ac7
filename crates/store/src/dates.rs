//! Calendar days as integers (days since 1970-01-01), so date windows are arithmetic.

use dyad_core::calendar::{civil_from_days, days_from_civil};

/// The day number of a `YYYY-MM-DD` date (a longer string is read by its first 10 bytes), or None.
pub fn day(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let mut parts = d.split('-');
    let (y, m, dd) = (parts.next()?.parse::<i64>().ok()?, parts.next()?.parse::<u32>().ok()?, parts.next()?.parse::<u32>().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&dd) || d.len() != 10 {
        return None;
    }
    Some(days_from_civil(y, m, dd))
}

/// The `YYYY-MM-DD` date of a day number.
pub fn date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The Monday that starts the week of a day (1970-01-01 was a Thursday).
pub fn week_start(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weeks() {
        assert_eq!(day("1970-01-01"), Some(0));
        assert_eq!(day("2024-03-01"), Some(19_783));
        for d in [-700_000, -1, 0, 59, 19_783, 2_000_000] {
            assert_eq!(day(&date(d)), Some(d));
        }
        assert_eq!(date(week_start(day("2026-11-25").unwrap())), "2026-11-23");
        assert_eq!(day("2026-13-01"), None);
        assert_eq!(day("soon"), None);
    }
}
