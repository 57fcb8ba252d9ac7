//! Rows out of the store, written as an aligned text table, CSV, TSV, JSON lines or Parquet.
//! Queries and exports produce the same thing, a stream of typed rows; only the sink differs.

use std::io::Write;

use rusqlite::types::ValueRef;

use crate::{Result, StoreError};

/// A column's type, for typed outputs (Parquet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Text,
    /// A `YYYY-MM-DD` text, typed as a date where the output has dates (Parquet).
    Date,
}

impl Kind {
    pub fn parse(name: &str) -> Option<Kind> {
        match name {
            "int" => Some(Kind::Int),
            "float" => Some(Kind::Float),
            "text" => Some(Kind::Text),
            "date" => Some(Kind::Date),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
}

impl Value {
    pub fn from_sql(v: ValueRef) -> Value {
        match v {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Int(i),
            ValueRef::Real(f) => Value::Float(f),
            ValueRef::Text(t) | ValueRef::Blob(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        }
    }

    fn text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format!("{}", (f * 1e6).round() / 1e6),
            Value::Text(t) => t.clone(),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Int(i) => (*i).into(),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::Text(t) => t.clone().into(),
        }
    }
}

/// Where rows go.
pub trait Sink {
    fn row(&mut self, values: &[Value]) -> Result<()>;
    /// Writes what is buffered; the output is complete after this.
    fn finish(self: Box<Self>) -> Result<()>;
}

fn io_error(e: impl std::fmt::Display) -> StoreError {
    StoreError(format!("cannot write output: {e}"))
}

/// Output formats for rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    /// Tab-separated, no quoting (tabs and line breaks inside values become spaces), as GDELT files are.
    Tsv,
    Json,
    Parquet,
}

/// A sink for `format` writing to `out`. `header`: whether CSV/TSV get a header line.
pub fn sink<'a>(format: Format, columns: &[Column], header: bool, out: Box<dyn Write + Send + 'a>) -> Result<Box<dyn Sink + 'a>> {
    let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    Ok(match format {
        Format::Table => Box::new(TextTable { names, rows: Vec::new(), out }),
        Format::Json => Box::new(JsonLines { names, out }),
        Format::Csv | Format::Tsv => {
            let tsv = format == Format::Tsv;
            let mut writer = csv::WriterBuilder::new()
                .delimiter(if tsv { b'\t' } else { b',' })
                .quote_style(if tsv { csv::QuoteStyle::Never } else { csv::QuoteStyle::Necessary })
                .from_writer(out);
            if header {
                writer.write_record(&names).map_err(io_error)?;
            }
            Box::new(Delimited { writer, tsv })
        }
        Format::Parquet => parquet_sink(columns, out)?,
    })
}

#[cfg(feature = "parquet")]
fn parquet_sink<'a>(columns: &[Column], out: Box<dyn Write + Send + 'a>) -> Result<Box<dyn Sink + 'a>> {
    Ok(Box::new(crate::export::parquet::ParquetSink::new(columns, out)?))
}

#[cfg(not(feature = "parquet"))]
fn parquet_sink<'a>(_: &[Column], _: Box<dyn Write + Send + 'a>) -> Result<Box<dyn Sink + 'a>> {
    Err(StoreError("this dyad was built without Parquet support; rebuild with `cargo build --release --features parquet`".into()))
}

struct Delimited<'a> {
    writer: csv::Writer<Box<dyn Write + Send + 'a>>,
    tsv: bool,
}

impl Sink for Delimited<'_> {
    fn row(&mut self, values: &[Value]) -> Result<()> {
        let cells = values.iter().map(|v| {
            let t = v.text();
            if self.tsv {
                t.replace(['\t', '\n', '\r'], " ")
            } else {
                t
            }
        });
        self.writer.write_record(cells).map_err(io_error)
    }
    fn finish(mut self: Box<Self>) -> Result<()> {
        self.writer.flush().map_err(io_error)
    }
}

struct JsonLines<'a> {
    names: Vec<String>,
    out: Box<dyn Write + Send + 'a>,
}

impl Sink for JsonLines<'_> {
    fn row(&mut self, values: &[Value]) -> Result<()> {
        let object: serde_json::Map<String, serde_json::Value> = self.names.iter().cloned().zip(values.iter().map(Value::json)).collect();
        writeln!(self.out, "{}", serde_json::Value::Object(object)).map_err(io_error)
    }
    fn finish(mut self: Box<Self>) -> Result<()> {
        self.out.flush().map_err(io_error)
    }
}

/// An aligned table for people; long cells are cut so rows stay on one line.
struct TextTable<'a> {
    names: Vec<String>,
    rows: Vec<Vec<String>>,
    out: Box<dyn Write + Send + 'a>,
}

const WIDEST_CELL: usize = 48;

impl Sink for TextTable<'_> {
    fn row(&mut self, values: &[Value]) -> Result<()> {
        self.rows.push(
            values
                .iter()
                .map(|v| {
                    let t = v.text().replace(['\n', '\t'], " ");
                    if t.chars().count() > WIDEST_CELL {
                        format!("{}…", t.chars().take(WIDEST_CELL - 1).collect::<String>())
                    } else {
                        t
                    }
                })
                .collect(),
        );
        Ok(())
    }
    fn finish(mut self: Box<Self>) -> Result<()> {
        let mut widths: Vec<usize> = self.names.iter().map(|n| n.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| -> String {
            let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
            padded.join("  ").trim_end().to_string()
        };
        writeln!(self.out, "{}", line(&self.names)).map_err(io_error)?;
        for row in &self.rows {
            writeln!(self.out, "{}", line(row)).map_err(io_error)?;
        }
        self.out.flush().map_err(io_error)
    }
}
