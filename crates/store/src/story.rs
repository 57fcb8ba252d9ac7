//! Stories: the events between one pair of actors on one topic, linked across weeks.
//!
//! An event joins the story of the same unordered dyad (actors at country level) and the
//! same topic (`data/store/topics.tsv`: CAMEO roots grouped into diplomacy, cooperation,
//! conflict, protest) whose events come within `story_gap_days` of it; otherwise it starts
//! a new story. A story's timeline marks each step up or down the Goldstein scale as
//! escalation or de-escalation.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use dyad_core::tsv;
use rusqlite::{params, CachedStatement, Connection, OptionalExtension, Transaction};

use crate::{dates, Result, StoreError, Thresholds};

const TOPICS: &str = include_str!("../../../data/store/topics.tsv");

/// The story topic of a CAMEO root, or None for roots no topic covers.
pub fn topic(cameo_root: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        tsv::rows(("data/store/topics.tsv", TOPICS), &["root", "topic"]).expect("the built-in topics parse").into_iter().map(|(_, c)| (c[0], c[1])).collect()
    })
    .get(cameo_root)
    .copied()
}

/// Links a batch's new events to stories, with its statements prepared once per batch.
pub(crate) struct Linker<'tx> {
    near: CachedStatement<'tx>,
    extend: CachedStatement<'tx>,
    start: CachedStatement<'tx>,
}

impl<'tx> Linker<'tx> {
    pub(crate) fn new(tx: &'tx Transaction) -> rusqlite::Result<Linker<'tx>> {
        Ok(Linker {
            near: tx
                .prepare_cached("SELECT id, day_last FROM stories WHERE actor_a = ?1 AND actor_b = ?2 AND topic = ?3 AND day_last >= ?4 AND day_first <= ?5")?,
            extend: tx
                .prepare_cached("UPDATE stories SET day_first = min(day_first, ?2), day_last = max(day_last, ?2), num_events = num_events + 1 WHERE id = ?1")?,
            start: tx.prepare_cached("INSERT INTO stories (actor_a, actor_b, topic, day_first, day_last, num_events) VALUES (?1, ?2, ?3, ?4, ?4, 1)")?,
        })
    }

    /// The story of a new event (dyad, CAMEO root, day), started when none is near in time; None when
    /// its root has no topic or it has no actor.
    pub(crate) fn link(&mut self, t: &Thresholds, (source, target): (&str, &str), root: &str, day: i64) -> rusqlite::Result<Option<i64>> {
        let Some(topic) = topic(root) else { return Ok(None) };
        if source == "-" && target == "-" {
            return Ok(None);
        }
        let (a, b) = if source <= target { (source, target) } else { (target, source) };
        let gap = t.story_gap_days;
        // The nearest story by its last day; picked here, since ORDER BY ... LIMIT over bound ranges makes SQLite re-plan each call.
        let mut near: Option<(i64, i64)> = None;
        let mut rows = self.near.query(params![a, b, topic, day - gap, day + gap])?;
        while let Some(row) = rows.next()? {
            near = near.max(Some((row.get(1)?, row.get(0)?)));
        }
        let story = match near {
            Some((_, id)) => {
                self.extend.execute(params![id, day])?;
                id
            }
            None => self.start.insert(params![a, b, topic, day])?,
        };
        Ok(Some(story))
    }
}

/// A story's summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: i64,
    pub actor_a: String,
    pub actor_b: String,
    pub topic: String,
    pub first: String,
    pub last: String,
    pub events: i64,
}

/// Which way an event moves the story on the Goldstein scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Start,
    Escalation,
    DeEscalation,
    Steady,
}

/// One report of an event: who said it, when, and the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub outlet: String,
    pub pub_date: String,
    pub sentence: String,
    pub modality: String,
    pub confirmation: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub event: i64,
    pub date: String,
    pub cameo: String,
    pub cameo_name: String,
    pub goldstein: f64,
    pub source: String,
    pub target: String,
    pub location: Option<String>,
    pub modality: String,
    pub confirmation: Option<String>,
    pub mentions: i64,
    pub sources: i64,
    pub trend: Trend,
    /// Status changes: (status, publication date, outlet of the report that caused it).
    pub history: Vec<(String, String, String)>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub summary: Summary,
    pub steps: Vec<Step>,
}

const SUMMARY_SQL: &str = "SELECT id, actor_a, actor_b, topic, day_first, day_last, num_events FROM stories";

fn summary(r: &rusqlite::Row) -> rusqlite::Result<Summary> {
    Ok(Summary {
        id: r.get(0)?,
        actor_a: r.get(1)?,
        actor_b: r.get(2)?,
        topic: r.get(3)?,
        first: dates::date(r.get(4)?),
        last: dates::date(r.get(5)?),
        events: r.get(6)?,
    })
}

/// The stories with the most events (ties: the latest first).
pub fn list(conn: &Connection, limit: usize) -> Result<Vec<Summary>> {
    let mut stmt = conn.prepare(&format!("{SUMMARY_SQL} ORDER BY num_events DESC, day_last DESC LIMIT ?1"))?;
    let rows = stmt.query_map([limit as i64], summary)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A story's events in date order, each with its reports.
pub fn timeline(conn: &Connection, id: i64) -> Result<Timeline> {
    let summary = conn
        .query_row(&format!("{SUMMARY_SQL} WHERE id = ?1"), [id], summary)
        .optional()?
        .ok_or_else(|| StoreError(format!("no story {id}; `dyad story` lists the stories")))?;
    let mut events = conn.prepare(
        "SELECT id, date, cameo, cameo_name, goldstein, coalesce(source_name, source_key), coalesce(target_name, target_key), location, \
         modality, confirmation, num_mentions, num_sources FROM events WHERE story = ?1 ORDER BY day, id",
    )?;
    let mut reports = conn.prepare(
        "SELECT coalesce(outlet, doc_id), coalesce(pub_date, ''), evidence, modality, confirmation FROM mentions WHERE event = ?1 \
         ORDER BY coalesce(pub_date, ''), id",
    )?;
    let mut changes = conn.prepare(
        "SELECT s.modality || coalesce(', ' || s.confirmation, ''), coalesce(s.pub_date, ''), coalesce(m.outlet, m.doc_id) \
         FROM event_status s JOIN mentions m ON m.id = s.mention WHERE s.event = ?1 ORDER BY s.seq",
    )?;
    let mut steps: Vec<Step> = Vec::new();
    let rows: Vec<Step> = events
        .query_map([id], |r| {
            Ok(Step {
                event: r.get(0)?,
                date: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                cameo: r.get(2)?,
                cameo_name: r.get(3)?,
                goldstein: r.get(4)?,
                source: r.get(5)?,
                target: r.get(6)?,
                location: r.get(7)?,
                modality: r.get(8)?,
                confirmation: r.get(9)?,
                mentions: r.get(10)?,
                sources: r.get(11)?,
                trend: Trend::Start,
                history: Vec::new(),
                evidence: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for mut step in rows {
        step.trend = match steps.last() {
            None => Trend::Start,
            Some(prev) if step.goldstein < prev.goldstein => Trend::Escalation,
            Some(prev) if step.goldstein > prev.goldstein => Trend::DeEscalation,
            Some(_) => Trend::Steady,
        };
        step.history = changes.query_map([step.event], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
        step.evidence = reports
            .query_map([step.event], |r| {
                Ok(Evidence { outlet: r.get(0)?, pub_date: r.get(1)?, sentence: r.get(2)?, modality: r.get(3)?, confirmation: r.get(4)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        steps.push(step);
    }
    Ok(Timeline { summary, steps })
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "story {}: {} – {}, {}, {} to {}, {} events", self.id, self.actor_a, self.actor_b, self.topic, self.first, self.last, self.events)
    }
}

impl fmt::Display for Timeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary)?;
        for s in &self.steps {
            let mark = match s.trend {
                Trend::Start => "  start       ",
                Trend::Escalation => "▲ escalation  ",
                Trend::DeEscalation => "▼ de-escalation",
                Trend::Steady => "  steady      ",
            };
            let status = match &s.confirmation {
                Some(c) => format!("{}, {c}", s.modality),
                None => s.modality.clone(),
            };
            let place = s.location.as_deref().map(|l| format!(" in {l}")).unwrap_or_default();
            writeln!(f)?;
            writeln!(
                f,
                "{}  {mark}  event {}: {} → {}: {} ({}, Goldstein {:+.1}){place} [{status}; mentions {}, sources {}]",
                s.date, s.event, s.source, s.target, s.cameo_name, s.cameo, s.goldstein, s.mentions, s.sources
            )?;
            if s.history.len() > 1 {
                let changes: Vec<String> = s.history.iter().map(|(status, date, outlet)| format!("{status} ({date}, {outlet})")).collect();
                writeln!(f, "    status: {}", changes.join(" → "))?;
            }
            for e in &s.evidence {
                let said = match &e.confirmation {
                    Some(c) => format!("{}, {c}", e.modality),
                    None => e.modality.clone(),
                };
                writeln!(f, "    {} {} ({said}): \"{}\"", e.pub_date, e.outlet, e.sentence)?;
            }
        }
        Ok(())
    }
}
