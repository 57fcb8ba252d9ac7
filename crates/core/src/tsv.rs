//! A small reader for the project's TSV files: `#` comments, one header line, tab-separated rows.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct TsvError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for TsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for TsvError {}

/// The data rows of a TSV file as (line number, cells), checked against the expected header.
pub fn rows<'a>((name, content): (&str, &'a str), header: &[&str]) -> Result<Vec<(usize, Vec<&'a str>)>, TsvError> {
    let err = |line: usize, message: String| TsvError { file: name.to_string(), line, message };
    let mut lines = content.lines().enumerate().map(|(n, l)| (n + 1, l)).filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((n, head)) = lines.next() else { return Err(err(0, "empty file".into())) };
    let found: Vec<&str> = head.split('\t').map(str::trim).collect();
    if found != header {
        return Err(err(n, format!("header is {found:?}, expected {header:?}")));
    }
    lines
        .map(|(n, line)| {
            let mut cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cells.len() > header.len() {
                return Err(err(n, format!("{} cells, expected at most {}", cells.len(), header.len())));
            }
            cells.resize(header.len(), "");
            if cells[0].is_empty() {
                return Err(err(n, "first cell is empty".into()));
            }
            Ok((n, cells))
        })
        .collect()
}
