//! dyad's shared vocabulary: the types every stage of the pipeline passes on.
//!
//! A [`Document`] comes in, an [`Event`] goes out. Every mention and event keeps
//! [`Span`]s as UTF-8 byte offsets into `Document::text`, so a user can always go
//! back to the exact words an event came from. This crate has no logic beyond
//! small helpers and knows nothing of how the stages work.

pub mod bytes;
pub mod calendar;
pub mod tsv;

use serde::{Deserialize, Serialize};

/// One news report, as read by `dyad-ingest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// The UTF-8 text every span points into.
    pub text: String,
    /// Publication date, `YYYY-MM-DD` when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A half-open byte range `start..end` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// A span with the text it covers, as written to the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Evidence {
    pub fn of(span: Span, text: &str) -> Evidence {
        Evidence { start: span.start, end: span.end, text: span.slice(text).to_string() }
    }
}

/// A resolved actor mention: who, from where, in which role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The words of the mention as written.
    pub text: String,
    /// CAMEO-style code: country (or IGO group) followed by the sector, e.g. `USAGOV`.
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// Main role (CAMEO/PLOVER sector code), e.g. `GOV`, `MIL`, `CRM`.
    pub sector: Option<String>,
    /// Canonical full name for named people and organisations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the country came from when the mention itself does not say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_from: Option<String>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Actual,
    Planned,
    Possible,
    Negated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confirmation {
    Confirmed,
    Unconfirmed,
    Denied,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionKind {
    Named,
    Anonymous,
    Outlet,
}

/// Who says the event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub text: String,
    pub kind: AttributionKind,
    /// The outlet that carried an anonymous or named source, when the text gives the chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// The first-level division (state, province, department) the place lies in, or is.
    #[serde(default)]
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// `country`, `admin1`, `city` or `sub-city`: how exactly `lat`/`lon` place the event.
    pub precision: String,
    /// "document" when the text of the event names no place and the document's main country stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_from: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    /// One of the 16 PLOVER event types, or null where PLOVER does not code the CAMEO event.
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    pub mode: Option<String>,
}

/// An ACLED event and sub-event type, spelled as ACLED spells them, or one of CASE 2021's extension
/// types for events ACLED does not code ([`CASE_EXTENSION_TYPES`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acled {
    pub event_type: String,
    pub sub_event_type: String,
}

/// ACLED's own six event types.
pub const ACLED_EVENT_TYPES: &[&str] =
    &["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];

/// CASE 2021's extension of the ACLED types, as (event type, sub-event type): the sub-event type is
/// CASE's own label. These are not ACLED events, and the ACLED export leaves them out.
pub const CASE_EXTENSION_TYPES: &[(&str, &str)] = &[("Organized crime", "ORG_CRIME"), ("Diplomatic", "DIPLO"), ("Attribution", "ATTRIB")];

/// A CAMEO code with its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Act {
    pub cameo: String,
    pub name: String,
}

/// One coded event: the output contract of `dyad code`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc_id: String,
    pub cameo: String,
    pub cameo_root: String,
    pub cameo_name: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Plover,
    pub acled: Option<Acled>,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    /// Further actors in the source role: "Hungarian and Romanian officials agreed" is one agreement
    /// with two sources, not two events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_sources: Vec<Actor>,
    /// Further actors in the target role ("sanctions against Iran and Syria").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_targets: Vec<Actor>,
    pub modality: Modality,
    /// The act itself, when the report announces, threatens or refuses it rather than reporting it
    /// done: "is willing to withdraw its troops" is coded 0356 (intent to de-escalate), act 0874.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<Act>,
    pub confirmation: Option<Confirmation>,
    pub attribution: Option<Attribution>,
    pub location: Option<Location>,
    pub date: Option<String>,
    /// `day` when the text dates the event, `publication` when the publication date stands in.
    pub date_precision: Option<String>,
    pub evidence: Evidence,
    /// The words that triggered the event.
    pub trigger: Evidence,
    pub confidence: f32,
}
