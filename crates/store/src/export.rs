//! Exports in the layouts other tools read: GDELT 2.0 events and mentions (TSV), PLOVER
//! JSON lines, ACLED-style CSV, and dyad's own event table as CSV or typed Parquet.
//!
//! The tabular layouts are data (`data/store/exports/*.tsv`: column, type, SQL
//! expression), so each is one list of columns over one SQL source, not code.

use std::io::Write;
use std::str::FromStr;

use rusqlite::Connection;
use serde_json::{json, Map, Value as Json};

use crate::query::Filter;
use crate::table::{self, Column, Format, Kind, Value};
use crate::{Result, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Gdelt,
    GdeltMentions,
    Plover,
    Acled,
    Csv,
    Parquet,
}

impl FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Ok(match s {
            "gdelt" => ExportFormat::Gdelt,
            "gdelt-mentions" => ExportFormat::GdeltMentions,
            "plover" => ExportFormat::Plover,
            "acled" => ExportFormat::Acled,
            "csv" => ExportFormat::Csv,
            "parquet" => ExportFormat::Parquet,
            _ => return Err(format!("unknown format {s:?}; use gdelt, gdelt-mentions, plover, acled, csv or parquet")),
        })
    }
}

/// A tabular layout: its columns with their SQL, and the rows they are computed over.
struct Layout {
    columns: Vec<Column>,
    exprs: Vec<String>,
    from: String,
}

/// ACLED's actor category (inter code) of one side, from its sector: 1 state forces,
/// 2 rebels, 3 political militias, 5 rioters, 6 protesters, 7 civilians, 8 external forces, 0 none.
fn acled_inter(side: &str) -> String {
    format!(
        "CASE WHEN e.{side}_key = '-' THEN 0 WHEN e.{side}_sector IN ('GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG') THEN 1 \
         WHEN e.{side}_sector IN ('REB', 'INS', 'SEP') THEN 2 WHEN e.{side}_sector = 'UAF' THEN 3 \
         WHEN e.{side}_sector = 'PKO' OR e.{side}_code LIKE 'IGO%' THEN 8 WHEN e.acled_type = 'Riots' THEN 5 \
         WHEN e.acled_type = 'Protests' THEN 6 ELSE 7 END"
    )
}

impl Layout {
    fn of(format: ExportFormat) -> Layout {
        let (file, from) = match format {
            ExportFormat::Gdelt => (include_str!("../../../data/store/exports/gdelt.tsv"), "events e".to_string()),
            ExportFormat::GdeltMentions => (
                include_str!("../../../data/store/exports/gdelt-mentions.tsv"),
                "mentions m JOIN events e ON e.id = m.event JOIN documents d ON d.id = m.document".to_string(),
            ),
            ExportFormat::Acled => (
                include_str!("../../../data/store/exports/acled.tsv"),
                format!(
                    "(SELECT *, {} AS inter1, {} AS inter2 FROM events e WHERE e.acled_type IN ({})) e LEFT JOIN mentions r ON r.id = e.root_mention",
                    acled_inter("source"),
                    acled_inter("target"),
                    // Only ACLED's own types: CASE 2021's extension types are no ACLED events.
                    dyad_core::ACLED_EVENT_TYPES.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ")
                ),
            ),
            ExportFormat::Csv | ExportFormat::Parquet | ExportFormat::Plover => {
                (include_str!("../../../data/store/exports/events.tsv"), "events e LEFT JOIN mentions r ON r.id = e.root_mention".to_string())
            }
        };
        let rows = dyad_core::tsv::rows(("data/store/exports", file), &["column", "type", "sql"]).expect("the built-in export layouts parse");
        let (columns, exprs) = rows
            .into_iter()
            .map(|(_, c)| (Column { name: c[0].to_string(), kind: Kind::parse(c[1]).expect("export layout types are int, float or text") }, c[2].to_string()))
            .unzip();
        Layout { columns, exprs, from }
    }

    fn sql(&self, filter: &str, order: &str) -> String {
        let select: Vec<String> = self.exprs.iter().zip(&self.columns).map(|(e, c)| format!("{e} AS \"{}\"", c.name)).collect();
        format!("SELECT {} FROM {} WHERE {filter} ORDER BY {order}", select.join(", "), self.from)
    }
}

/// Writes the events that match `filter` in `format` to `out`; returns the number of rows.
pub fn export(conn: &Connection, format: ExportFormat, filter: &Filter, out: Box<dyn Write + Send + '_>) -> Result<usize> {
    if format == ExportFormat::Plover {
        return plover(conn, filter, out);
    }
    let layout = Layout::of(format);
    let (sink_format, header, order) = match format {
        ExportFormat::Gdelt => (Format::Tsv, false, "e.id"),
        ExportFormat::GdeltMentions => (Format::Tsv, false, "m.event, m.id"),
        ExportFormat::Parquet => (Format::Parquet, true, "e.id"),
        _ => (Format::Csv, true, "e.id"),
    };
    let (filter_sql, params) = filter.sql()?;
    let mut sink = table::sink(sink_format, &layout.columns, header, out)?;
    let mut stmt = conn.prepare(&layout.sql(&filter_sql, order))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let n = layout.columns.len();
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let values: Vec<Value> = (0..n).map(|i| row.get_ref(i).map(Value::from_sql)).collect::<rusqlite::Result<_>>()?;
        sink.row(&values)?;
        count += 1;
    }
    sink.finish()?;
    Ok(count)
}

/// PLOVER event records (JSON lines) for the events PLOVER codes (those with a PLOVER type).
/// Actors are lists of entities; planned, possible and negated acts carry PLOVER's auxiliary
/// modes `future`, `hypothetical` and `negation`; `link` groups the events of one story; the
/// `dyad` object keeps what PLOVER has no field for (status and report counts).
fn plover(conn: &Connection, filter: &Filter, mut out: Box<dyn Write + Send + '_>) -> Result<usize> {
    let (filter_sql, params) = filter.sql()?;
    let mut stmt = conn.prepare(&format!(
        "SELECT e.id, e.date, e.plover_type, e.plover_mode, e.quad_class, e.source_code, e.source_sector, e.source_name, \
         e.target_code, e.target_sector, e.target_name, e.location, e.loc_country, e.loc_precision, e.lat, e.lon, \
         r.evidence, r.evidence_start, r.evidence_end, r.outlet, e.source_url, e.story, e.modality, e.confirmation, \
         e.num_mentions, e.num_sources, e.num_articles, r.doc_id \
         FROM events e LEFT JOIN mentions r ON r.id = e.root_mention WHERE e.plover_type IS NOT NULL AND {filter_sql} ORDER BY e.id"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let mut count = 0;
    while let Some(r) = rows.next()? {
        let entity = |code: Option<String>, sector: Option<String>, name: Option<String>| -> Json {
            json!({"code": code.as_deref().map(|c| &c[..c.len().min(3)]), "sector": sector, "entity_text": name})
        };
        let mut record = Map::new();
        record.insert("id".into(), format!("dyad-{}", r.get::<_, i64>(0)?).into());
        record.insert("date".into(), r.get::<_, Option<String>>(1)?.into());
        record.insert("actor".into(), json!([entity(r.get(5)?, r.get(6)?, r.get(7)?)]));
        if r.get::<_, Option<String>>(10)?.is_some() {
            record.insert("recipient".into(), json!([entity(r.get(8)?, r.get(9)?, r.get(10)?)]));
        }
        record.insert("event".into(), json!([r.get::<_, String>(2)?]));
        let modality: String = r.get(22)?;
        let mut modes: Vec<String> = r.get::<_, Option<String>>(3)?.into_iter().collect();
        if let Some(aux) = match modality.as_str() {
            "planned" => Some("future"),
            "possible" => Some("hypothetical"),
            "negated" => Some("negation"),
            _ => None,
        } {
            modes.push(aux.into());
        }
        record.insert("mode".into(), json!(modes));
        if let Some(place) = r.get::<_, Option<String>>(11)? {
            let resolution = match r.get::<_, Option<String>>(13)?.as_deref() {
                Some("sub-city") => 5,
                Some("city") => 4,
                Some("admin1") => 2,
                _ => 1,
            };
            record.insert(
                "event_loc".into(),
                json!({"resolved_place": place, "country_code": r.get::<_, Option<String>>(12)?, "lat": r.get::<_, Option<f64>>(14)?,
                       "lon": r.get::<_, Option<f64>>(15)?, "resolution": resolution}),
            );
        }
        record.insert("event_text".into(), r.get::<_, Option<String>>(16)?.into());
        record.insert("quad_code".into(), r.get::<_, i64>(4)?.into());
        record.insert("text_info".into(), json!({"start": r.get::<_, Option<i64>>(17)?, "end": r.get::<_, Option<i64>>(18)?}));
        record.insert(
            "cite_info".into(),
            json!({"url": r.get::<_, Option<String>>(20)?, "publication": r.get::<_, Option<String>>(19)?, "citation": r.get::<_, Option<String>>(27)?, "coder": "dyad"}),
        );
        if let Some(story) = r.get::<_, Option<i64>>(21)? {
            record.insert("link".into(), format!("dyad-story-{story}").into());
        }
        record.insert("coder".into(), "dyad".into());
        record.insert(
            "dyad".into(),
            json!({"modality": modality, "confirmation": r.get::<_, Option<String>>(23)?, "mentions": r.get::<_, i64>(24)?,
                   "sources": r.get::<_, i64>(25)?, "articles": r.get::<_, i64>(26)?}),
        );
        writeln!(out, "{}", Json::Object(record)).map_err(|e| StoreError(format!("cannot write output: {e}")))?;
        count += 1;
    }
    out.flush().map_err(|e| StoreError(format!("cannot write output: {e}")))?;
    Ok(count)
}

/// Parquet output with typed columns (feature `parquet`).
#[cfg(feature = "parquet")]
pub(crate) mod parquet {
    use std::io::Write;
    use std::sync::Arc;

    use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
    use arrow_array::{ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;

    use crate::table::{Column, Kind, Sink, Value};
    use crate::{Result, StoreError};

    /// Rows per row group written at a time: bounds memory on big exports.
    const BATCH_ROWS: usize = 65_536;

    enum Builder {
        Date(Date32Builder),
        Int(Int64Builder),
        Float(Float64Builder),
        Text(StringBuilder),
    }

    pub struct ParquetSink<'a> {
        schema: Arc<Schema>,
        builders: Vec<Builder>,
        rows: usize,
        writer: ArrowWriter<Box<dyn Write + Send + 'a>>,
    }

    fn err(e: impl std::fmt::Display) -> StoreError {
        StoreError(format!("cannot write Parquet: {e}"))
    }

    fn builders(columns: &[Column]) -> Vec<Builder> {
        columns
            .iter()
            .map(|c| match c.kind {
                Kind::Int => Builder::Int(Int64Builder::new()),
                Kind::Float => Builder::Float(Float64Builder::new()),
                Kind::Text => Builder::Text(StringBuilder::new()),
                Kind::Date => Builder::Date(Date32Builder::new()),
            })
            .collect()
    }

    impl<'a> ParquetSink<'a> {
        pub fn new(columns: &[Column], out: Box<dyn Write + Send + 'a>) -> Result<ParquetSink<'a>> {
            let fields: Vec<Field> = columns
                .iter()
                .map(|c| {
                    let t = match c.kind {
                        Kind::Int => DataType::Int64,
                        Kind::Float => DataType::Float64,
                        Kind::Text => DataType::Utf8,
                        Kind::Date => DataType::Date32,
                    };
                    Field::new(&c.name, t, true)
                })
                .collect();
            let schema = Arc::new(Schema::new(fields));
            let writer = ArrowWriter::try_new(out, schema.clone(), None).map_err(err)?;
            Ok(ParquetSink { schema, builders: builders(columns), rows: 0, writer })
        }

        fn flush_batch(&mut self) -> Result<()> {
            let arrays: Vec<ArrayRef> = self
                .builders
                .iter_mut()
                .map(|b| -> ArrayRef {
                    match b {
                        Builder::Int(b) => Arc::new(b.finish()),
                        Builder::Float(b) => Arc::new(b.finish()),
                        Builder::Text(b) => Arc::new(b.finish()),
                        Builder::Date(b) => Arc::new(b.finish()),
                    }
                })
                .collect();
            let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(err)?;
            self.writer.write(&batch).map_err(err)?;
            self.rows = 0;
            Ok(())
        }
    }

    impl Sink for ParquetSink<'_> {
        fn row(&mut self, values: &[Value]) -> Result<()> {
            for (b, v) in self.builders.iter_mut().zip(values) {
                match (b, v) {
                    (Builder::Int(b), Value::Int(i)) => b.append_value(*i),
                    (Builder::Int(b), Value::Float(f)) => b.append_value(*f as i64),
                    (Builder::Float(b), Value::Float(f)) => b.append_value(*f),
                    (Builder::Float(b), Value::Int(i)) => b.append_value(*i as f64),
                    (Builder::Text(b), Value::Text(t)) => b.append_value(t),
                    (Builder::Text(b), Value::Int(i)) => b.append_value(i.to_string()),
                    (Builder::Text(b), Value::Float(f)) => b.append_value(f.to_string()),
                    (Builder::Date(b), Value::Text(t)) => b.append_option(crate::dates::day(t).and_then(|d| i32::try_from(d).ok())),
                    (Builder::Date(b), _) => b.append_null(),
                    (Builder::Int(b), _) => b.append_null(),
                    (Builder::Float(b), _) => b.append_null(),
                    (Builder::Text(b), _) => b.append_null(),
                }
            }
            self.rows += 1;
            if self.rows == BATCH_ROWS {
                self.flush_batch()?;
            }
            Ok(())
        }

        fn finish(mut self: Box<Self>) -> Result<()> {
            if self.rows > 0 {
                self.flush_batch()?;
            }
            let mut out = self.writer.into_inner().map_err(err)?;
            out.flush().map_err(err)
        }
    }
}
