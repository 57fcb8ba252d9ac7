//! Calendar days as integers (days since 1970-01-01), so date windows are arithmetic.

/// The day number of a `YYYY-MM-DD` date (a longer string is read by its first 10 bytes), or None.
pub fn day(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let mut parts = d.split('-');
    let (y, m, dd) = (parts.next()?.parse::<i64>().ok()?, parts.next()?.parse::<i64>().ok()?, parts.next()?.parse::<i64>().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&dd) || d.len() != 10 {
        return None;
    }
    // Days from civil date (proleptic Gregorian), era-based.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` date of a day number.
pub fn date(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// (year, month, day) of a day number.
pub fn civil(day: i64) -> (i64, i64, i64) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
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
