//! JSONL documents, one per line, each line an independent record.

use std::io::BufRead;

use dyad_core::Document;
use serde_json::Value;

use crate::{decode, normalise_date, InputError, Origin, Record};

pub(crate) fn records(mut reader: impl BufRead, file: String) -> impl Iterator<Item = Record> {
    let mut line_no = 0usize;
    let mut failed = false;
    std::iter::from_fn(move || loop {
        if failed {
            return None;
        }
        let mut bytes = Vec::new();
        line_no += 1;
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                // A read error (a damaged compressed stream) ends this input: what follows cannot be trusted.
                failed = true;
                let origin = Origin { file: file.clone(), line: Some(line_no) };
                return Some(Record { origin, document: Err(InputError::Io(format!("{e}; the rest of this input is skipped"))), warnings: vec![] });
            }
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = Origin { file: file.clone(), line: Some(line_no) };
        let mut warnings = Vec::new();
        let document = decode(bytes, &mut warnings).and_then(|line| parse(&line, &origin, &mut warnings));
        return Some(Record { origin, document, warnings });
    })
}

fn parse(line: &str, origin: &Origin, warnings: &mut Vec<String>) -> Result<Document, InputError> {
    let value: Value = serde_json::from_str(line.trim_start_matches('\u{feff}')).map_err(|e| InputError::InvalidJson(e.to_string()))?;
    let Value::Object(mut obj) = value else { return Err(InputError::NotAnObject) };
    let text = match obj.remove("text") {
        None | Some(Value::Null) => return Err(InputError::MissingText),
        Some(Value::String(s)) => s,
        Some(_) => return Err(InputError::TextNotString),
    };
    let id = match obj.remove("id") {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => {
            warnings.push(format!("no \"id\"; using \"{origin}\""));
            origin.to_string()
        }
    };
    let mut field = |name: &str| match obj.remove(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    };
    let (date, title, url, source) = (field("date"), field("title"), field("url"), field("source"));
    let date = date.and_then(|d| match normalise_date(&d) {
        Some(day) => Some(day),
        None => {
            warnings.push(format!("date {d:?} is not YYYY-MM-DD; ignored"));
            None
        }
    });
    Ok(Document { id, text, date, title, url, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8]) -> Vec<Record> {
        records(input, "t.jsonl".into()).collect()
    }

    #[test]
    fn good_and_bad_lines_are_independent() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\",\"extra\":1}\n{broken\n\n{\"id\":\"c\"}\n{\"id\":2,\"text\":\"Two.\",\"date\":\"2024-05-01T00:00:00Z\"}\n";
        let r = read(input);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].document.as_ref().unwrap().id, "a");
        assert!(matches!(r[1].document, Err(InputError::InvalidJson(_))));
        assert_eq!(r[1].origin.to_string(), "t.jsonl:2");
        assert_eq!(r[2].document, Err(InputError::MissingText));
        assert_eq!(r[2].origin.line, Some(4));
        let d = r[3].document.as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.date.as_deref()), ("2", Some("2024-05-01")));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let r = read(b"{\"id\":\"x\",\"text\":\"caf\xe9 bombing\"}\n");
        assert_eq!(r[0].document.as_ref().unwrap().text, "caf\u{fffd} bombing");
        assert!(r[0].warnings[0].contains("invalid UTF-8"));
    }

    #[test]
    fn bad_dates_and_missing_ids_warn() {
        let r = read(b"{\"text\":\"x\",\"date\":\"last week\"}\n");
        let d = r[0].document.as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.date.as_ref()), ("t.jsonl:1", None));
        assert_eq!(r[0].warnings.len(), 2);
    }
}
