//! When two reports describe the same real-world event: the matching rules and their thresholds.
//!
//! Mentions are compared only with events in the same block: same CAMEO root, same
//! source and target at country level (the `events_block` index). Within a block a
//! mention joins an event when all of these hold:
//! - actors: equal, or one code refines the other (`USA` vs `USAGOV`); `USAGOV` vs `USAMIL` differ;
//! - CAMEO: equal, one refines the other (`19` < `190` < `193` < `1931`), or one is the
//!   root's generic code (`19`, `190`), which a specific code absorbs; `193` vs `194` differ;
//! - place: unknown on either side, the same name, a country and a place in it, a
//!   province-level place and a city within `admin1_km`, or two cities within `city_km`;
//! - date: within a window that depends on how precise both dates are ([`Thresholds`]);
//!   a mention with no date (no date in the text, none for the document) matches nothing.
//!
//! The thresholds are data (`data/store/thresholds.tsv`), compiled in and tunable per store.

use dyad_core::tsv;

/// The store's tunable thresholds; see `data/store/thresholds.tsv` for their meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    pub day_window: i64,
    pub publication_window: i64,
    pub intent_window: i64,
    pub max_span_days: i64,
    pub city_km: f64,
    pub admin1_km: f64,
    pub story_gap_days: i64,
}

const DEFAULT_THRESHOLDS: &str = include_str!("../../../data/store/thresholds.tsv");
const HEADER: [&str; 3] = ["name", "value", "meaning"];

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds::parse(("data/store/thresholds.tsv", DEFAULT_THRESHOLDS)).expect("the built-in thresholds parse")
    }
}

impl Thresholds {
    /// Reads a thresholds TSV (name, value, meaning); every name must be given once.
    pub fn parse(file: (&str, &str)) -> Result<Thresholds, String> {
        let rows = tsv::rows(file, &HEADER).map_err(|e| e.to_string())?;
        let get = |name: &str| -> Result<f64, String> {
            let (line, cells) = rows.iter().find(|(_, c)| c[0] == name).ok_or_else(|| format!("{}: threshold `{name}` is missing", file.0))?;
            cells[1].parse::<f64>().ok().filter(|v| *v >= 0.0).ok_or_else(|| format!("{}:{line}: `{name}` must be a number ≥ 0, not {:?}", file.0, cells[1]))
        };
        let days = |name: &str| get(name).map(|v| v.round() as i64);
        let t = Thresholds {
            day_window: days("day_window")?,
            publication_window: days("publication_window")?,
            intent_window: days("intent_window")?,
            max_span_days: days("max_span_days")?,
            city_km: get("city_km")?,
            admin1_km: get("admin1_km")?,
            story_gap_days: days("story_gap_days")?,
        };
        if let Some((line, cells)) = rows.iter().find(|(_, c)| !t.names().contains(&c[0])) {
            return Err(format!("{}:{line}: unknown threshold `{}`; known: {}", file.0, cells[0], t.names().join(", ")));
        }
        Ok(t)
    }

    fn names(&self) -> [&'static str; 7] {
        ["day_window", "publication_window", "intent_window", "max_span_days", "city_km", "admin1_km", "story_gap_days"]
    }

    /// The thresholds as a TSV that [`Thresholds::parse`] reads back (kept in the store).
    pub fn to_tsv(&self) -> String {
        let values = [
            self.day_window as f64,
            self.publication_window as f64,
            self.intent_window as f64,
            self.max_span_days as f64,
            self.city_km,
            self.admin1_km,
            self.story_gap_days as f64,
        ];
        let mut out = String::from("name\tvalue\tmeaning\n");
        for (name, value) in self.names().iter().zip(values) {
            out.push_str(&format!("{name}\t{value}\t\n"));
        }
        out
    }

    /// The widest date window any pair can have: the range searched in the block index.
    pub fn max_window(&self) -> i64 {
        self.day_window.max(self.publication_window).max(self.intent_window)
    }
}

/// A place as dedup sees it. `rank`: 1 country, 2 province, 3 city, 4 sub-city.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub country: Option<String>,
    pub rank: u8,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl Place {
    /// The rank of a location precision; a place inferred from the document is only a country.
    pub fn rank_of(precision: &str, from_document: bool) -> u8 {
        match precision {
            _ if from_document => 1,
            "sub-city" => 4,
            "city" => 3,
            "admin1" => 2,
            _ => 1,
        }
    }

    fn km_to(&self, other: &Place) -> Option<f64> {
        let (a1, o1, a2, o2) = (self.lat?, self.lon?, other.lat?, other.lon?);
        let (p1, p2) = (a1.to_radians(), a2.to_radians());
        let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((o2 - o1).to_radians() / 2.0).sin().powi(2);
        Some(2.0 * 6371.0 * h.sqrt().asin())
    }
}

/// What dedup compares, for a new mention (`day_first == day_last`) or a stored event; borrowed,
/// since a mention is compared with every candidate event of its block.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub cameo: &'a str,
    pub source_code: Option<&'a str>,
    pub target_code: Option<&'a str>,
    pub place: Option<&'a Place>,
    pub day_first: Option<i64>,
    pub day_last: Option<i64>,
    /// All dates are from the text (precision `day`), not publication dates standing in.
    pub precise: bool,
    /// Some report is of a planned, possible or negated act, which may happen later.
    pub intent: bool,
}

/// The blocking key: CAMEO root and the two actors at country level.
pub fn block(cameo_root: &str, source: &str, target: &str) -> String {
    format!("{cameo_root}|{source}|{target}")
}

/// An actor's side of the blocking key: its country, else the first three letters of its code, else `-`.
pub fn actor_key<'a>(code: Option<&'a str>, country: Option<&'a str>) -> &'a str {
    country.or_else(|| code.and_then(|c| c.get(..3))).unwrap_or("-")
}

/// A CAMEO code that says no more than its root: `19`, `190`.
pub fn generic(code: &str) -> bool {
    code.len() <= 2 || (code.len() == 3 && code.ends_with('0'))
}

/// Whether two CAMEO codes of one root can name the same act.
pub fn cameo_compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a) || generic(a) || generic(b)
}

/// Whether `new` says more than `old` about the act, so the event should take it.
pub fn cameo_refines(old: &str, new: &str) -> bool {
    !generic(new) && (generic(old) || (new.starts_with(old) && new.len() > old.len()))
}

/// Whether two actor codes can name the same actor (one refines the other).
pub fn actor_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.starts_with(b) || b.starts_with(a),
        _ => true,
    }
}

/// Whether `new` is a more specific code for the same actor than `old`.
pub fn actor_refines(old: Option<&str>, new: Option<&str>) -> bool {
    match (old, new) {
        (None, Some(_)) => true,
        (Some(old), Some(new)) => new.len() > old.len() && new.starts_with(old),
        _ => false,
    }
}

/// Whether two places can be where one event happened.
pub fn place_compatible(t: &Thresholds, a: Option<&Place>, b: Option<&Place>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    if let (Some(ca), Some(cb)) = (&a.country, &b.country) {
        if ca != cb {
            return false;
        }
    }
    if a.name.eq_ignore_ascii_case(&b.name) {
        return true;
    }
    let (wide, narrow) = if a.rank <= b.rank { (a, b) } else { (b, a) };
    match wide.rank {
        1 => wide.country.is_some() && wide.country == narrow.country,
        2 => wide.km_to(narrow).is_some_and(|km| km <= t.admin1_km),
        _ => wide.km_to(narrow).is_some_and(|km| km <= t.city_km),
    }
}

/// Whether the dates of a mention and an event are close enough for one event.
pub fn dates_compatible(t: &Thresholds, mention: &Facts, event: &Facts) -> bool {
    // A report with no date cannot be placed next to others: it stays an event of its own.
    let (Some(day), Some(first), Some(last)) = (mention.day_first, event.day_first, event.day_last) else {
        return false;
    };
    if day.max(last) - day.min(first) > t.max_span_days {
        return false;
    }
    let mut window = if mention.precise && event.precise { t.day_window } else { t.publication_window };
    if day < first {
        // An intention reported before the act: the act may come days later.
        if mention.intent {
            window = window.max(t.intent_window);
        }
        first - day <= window
    } else if day > last {
        if event.intent {
            window = window.max(t.intent_window);
        }
        day - last <= window
    } else {
        true
    }
}

/// Whether a mention is a report of an event (both in the same block).
pub fn matches(t: &Thresholds, mention: &Facts, event: &Facts) -> bool {
    cameo_compatible(mention.cameo, event.cameo)
        && actor_compatible(mention.source_code, event.source_code)
        && actor_compatible(mention.target_code, event.target_code)
        && place_compatible(t, mention.place, event.place)
        && dates_compatible(t, mention, event)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(cameo: &'a str, source: &'a str, place: Option<&'a Place>, day: i64, precise: bool) -> Facts<'a> {
        Facts {
            cameo,
            source_code: Some(source),
            target_code: None,
            place,
            day_first: Some(day),
            day_last: Some(day),
            precise,
            intent: false,
        }
    }

    fn city(name: &str, lat: f64, lon: f64) -> Option<Place> {
        Some(Place { name: name.into(), country: Some("COD".into()), rank: 3, lat: Some(lat), lon: Some(lon) })
    }

    #[test]
    fn actors_and_codes_refine() {
        let t = Thresholds::default();
        assert!(matches(&t, &facts("193", "USA", None, 10, true), &facts("190", "USAGOV", None, 10, true)));
        assert!(!matches(&t, &facts("193", "USAMIL", None, 10, true), &facts("193", "USAGOV", None, 10, true)));
        assert!(!matches(&t, &facts("193", "USA", None, 10, true), &facts("194", "USA", None, 10, true)));
        assert!(cameo_refines("190", "1931") && cameo_refines("193", "1931") && !cameo_refines("193", "190"));
    }

    #[test]
    fn places_and_dates() {
        let t = Thresholds::default();
        let country = Some(Place { name: "DR Congo".into(), country: Some("COD".into()), rank: 1, lat: None, lon: None });
        let goma = city("Goma", -1.68, 29.22);
        let kinshasa = city("Kinshasa", -4.32, 15.31);
        assert!(matches(&t, &facts("14", "COD", goma.as_ref(), 5, true), &facts("14", "COD", country.as_ref(), 5, true)));
        assert!(!matches(&t, &facts("14", "COD", goma.as_ref(), 5, true), &facts("14", "COD", kinshasa.as_ref(), 5, true)));
        assert!(!matches(&t, &facts("14", "COD", goma.as_ref(), 5, true), &facts("14", "COD", goma.as_ref(), 9, true)));
        assert!(matches(&t, &facts("14", "COD", goma.as_ref(), 5, false), &facts("14", "COD", goma.as_ref(), 7, true)));
        let mut planned = facts("14", "COD", goma.as_ref(), 1, false);
        planned.intent = true;
        assert!(matches(&t, &planned, &facts("14", "COD", goma.as_ref(), 9, true)));
    }

    #[test]
    fn thresholds_round_trip_and_reject_unknown_names() {
        let t = Thresholds::default();
        assert_eq!(Thresholds::parse(("x", &t.to_tsv())), Ok(t));
        let bad = "name\tvalue\tmeaning\nday_windw\t1\t\n";
        assert!(Thresholds::parse(("x", bad)).unwrap_err().contains("missing"));
    }
}
