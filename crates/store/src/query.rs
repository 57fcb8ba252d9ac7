//! Questions an analyst asks of the store: which events match these filters, and how
//! many per day or week by quad class, between which dyads, with what Goldstein balance.

use rusqlite::types::Value as SqlValue;
use rusqlite::Connection;

use crate::table::{Column, Kind, Sink, Value};
use crate::{dates, Result, StoreError};

/// Event filters; every one given must hold. Actors are CAMEO-style codes matched by
/// prefix at country level: `USA` matches `USA` and `USAGOV`, `USAGOV` only `USAGOV…`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// First day, `YYYY-MM-DD` (inclusive).
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD` (inclusive).
    pub to: Option<String>,
    /// An actor on either side.
    pub actor: Option<String>,
    /// Source and target, in this direction.
    pub dyad: Option<(String, String)>,
    /// A CAMEO root (`19`) or code prefix (`193`).
    pub cameo: Option<String>,
    pub plover: Option<String>,
    pub modality: Option<String>,
    pub confirmation: Option<String>,
    /// A place name (substring) or ISO alpha-3 country of the location.
    pub location: Option<String>,
    /// An FTS5 query over the evidence sentences of the event's mentions.
    pub text: Option<String>,
    pub story: Option<i64>,
}

impl Filter {
    /// The filter as SQL over `events e`, with its parameters.
    pub fn sql(&self) -> Result<(String, Vec<SqlValue>)> {
        let mut clauses: Vec<String> = vec!["1".into()];
        let mut params: Vec<SqlValue> = Vec::new();
        let mut add = |clause: String, values: Vec<SqlValue>| {
            clauses.push(clause);
            params.extend(values);
        };
        for (bound, op) in [(&self.from, ">="), (&self.to, "<=")] {
            if let Some(date) = bound {
                let day = dates::day(date).ok_or_else(|| StoreError(format!("{date:?} is not a date; write YYYY-MM-DD")))?;
                add(format!("e.day {op} ?"), vec![day.into()]);
            }
        }
        if let Some(actor) = &self.actor {
            let (s, mut sp) = actor_sql("source", actor);
            let (t, tp) = actor_sql("target", actor);
            sp.extend(tp);
            add(format!("({s} OR {t})"), sp);
        }
        if let Some((source, target)) = &self.dyad {
            let (s, mut sp) = actor_sql("source", source);
            let (t, tp) = actor_sql("target", target);
            sp.extend(tp);
            add(format!("{s} AND {t}"), sp);
        }
        if let Some(code) = &self.cameo {
            if code.len() <= 2 {
                add("e.cameo_root = ?".into(), vec![format!("{code:0>2}").into()]);
            } else {
                add("e.cameo LIKE ?".into(), vec![format!("{code}%").into()]);
            }
        }
        for (value, column) in [(&self.plover, "plover_type"), (&self.modality, "modality"), (&self.confirmation, "confirmation")] {
            if let Some(v) = value {
                let v = if column == "plover_type" { v.to_uppercase() } else { v.to_lowercase() };
                add(format!("e.{column} = ?"), vec![v.into()]);
            }
        }
        if let Some(place) = &self.location {
            add("(e.loc_country = upper(?) OR e.location LIKE ?)".into(), vec![place.clone().into(), format!("%{place}%").into()]);
        }
        if let Some(text) = &self.text {
            add("e.id IN (SELECT m.event FROM mentions_fts f JOIN mentions m ON m.id = f.rowid WHERE mentions_fts MATCH ?)".into(), vec![text.clone().into()]);
        }
        if let Some(story) = self.story {
            add("e.story = ?".into(), vec![story.into()]);
        }
        Ok((clauses.join(" AND "), params))
    }
}

/// `source_key = 'USA'`, plus a code prefix when the spec says more than the country.
fn actor_sql(side: &str, spec: &str) -> (String, Vec<SqlValue>) {
    let spec = spec.to_uppercase();
    let key: String = spec.chars().take(3).collect();
    if spec.len() <= 3 {
        (format!("e.{side}_key = ?"), vec![key.into()])
    } else {
        (format!("(e.{side}_key = ? AND e.{side}_code LIKE ?)"), vec![key.into(), format!("{spec}%").into()])
    }
}

/// Time buckets for series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

impl Period {
    /// The bucket of `e.day` as a date string (weeks start on Monday).
    fn sql(self) -> &'static str {
        match self {
            Period::Day => "e.date",
            Period::Week => "date((e.day - (((e.day + 3) % 7) + 7) % 7) * 86400, 'unixepoch')",
            Period::Month => "substr(e.date, 1, 7)",
        }
    }
}

/// What a query returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregation {
    /// The matching events, latest first.
    Events,
    /// Events per period by quad class.
    Counts(Period),
    /// The dyads with the most events.
    TopDyads,
    /// Per period: cooperation (sum of positive Goldstein scores), conflict (sum of negative
    /// ones), their net, and the net weighted by mentions.
    Goldstein(Period),
}

/// Runs a query and writes its rows into `sink`; returns the number of rows.
pub fn run(conn: &Connection, filter: &Filter, aggregation: Aggregation, limit: usize, sink: &mut dyn Sink) -> Result<usize> {
    let sql = statement(filter, aggregation, limit)?;
    let (_, params) = filter.sql()?;
    let mut stmt = conn.prepare(&sql)?;
    let n = stmt.column_count();
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let values: Vec<Value> = (0..n).map(|i| row.get_ref(i).map(Value::from_sql)).collect::<rusqlite::Result<_>>()?;
        sink.row(&values)?;
        count += 1;
    }
    Ok(count)
}

/// The columns a query returns (names; types are those SQLite gives).
pub fn columns(conn: &Connection, filter: &Filter, aggregation: Aggregation, limit: usize) -> Result<Vec<Column>> {
    let sql = statement(filter, aggregation, limit)?;
    let stmt = conn.prepare(&sql)?;
    Ok(stmt.column_names().map(|name| Column { name: name.to_string(), kind: Kind::Text }).collect())
}

fn statement(filter: &Filter, aggregation: Aggregation, limit: usize) -> Result<String> {
    let (filter, _) = filter.sql()?;
    let sql = match aggregation {
        Aggregation::Events => format!(
            "SELECT e.id AS event, e.date, coalesce(e.source_code, e.source_key) AS source, coalesce(e.target_code, e.target_key) AS target, \
             e.cameo, e.cameo_name, e.goldstein, e.quad_class, e.plover_type AS plover, e.modality, e.confirmation, e.location, \
             e.num_mentions AS mentions, e.num_sources AS sources, e.num_articles AS articles, e.story \
             FROM events e WHERE {filter} ORDER BY e.day DESC, e.id LIMIT {limit}"
        ),
        Aggregation::Counts(period) => format!(
            "SELECT {p} AS period, sum(e.quad_class = 1) AS verbal_cooperation, sum(e.quad_class = 2) AS material_cooperation, \
             sum(e.quad_class = 3) AS verbal_conflict, sum(e.quad_class = 4) AS material_conflict, count(*) AS events, \
             sum(e.num_mentions) AS mentions FROM events e WHERE {filter} AND e.day IS NOT NULL GROUP BY period ORDER BY period",
            p = period.sql()
        ),
        Aggregation::TopDyads => format!(
            "SELECT e.source_key AS source, e.target_key AS target, count(*) AS events, sum(e.num_mentions) AS mentions, \
             round(avg(e.goldstein), 2) AS mean_goldstein FROM events e WHERE {filter} GROUP BY e.source_key, e.target_key \
             ORDER BY events DESC, mentions DESC LIMIT {limit}"
        ),
        Aggregation::Goldstein(period) => format!(
            "SELECT {p} AS period, count(*) AS events, round(total(max(e.goldstein, 0)), 2) AS cooperation, \
             round(total(min(e.goldstein, 0)), 2) AS conflict, round(total(e.goldstein), 2) AS net, \
             round(total(e.goldstein * e.num_mentions), 2) AS net_by_mentions FROM events e WHERE {filter} AND e.day IS NOT NULL \
             GROUP BY period ORDER BY period",
            p = period.sql()
        ),
    };
    Ok(sql)
}
