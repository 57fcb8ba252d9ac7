//! `dyad places`: the place mentions of each document and how they were resolved.

use std::process::ExitCode;

use dyad_coder::Coder;

use crate::code::InputArgs;

pub fn run(input: &InputArgs, json: bool) -> ExitCode {
    let coder = Coder::default();
    let mut coded_any = false;
    for record in input.records() {
        let doc = match record.document {
            Ok(d) => d,
            Err(e) => {
                eprintln!("dyad: {}: error: {e}; skipped", record.origin);
                continue;
            }
        };
        let coded = match coder.code(&doc) {
            Ok(coded) => coded,
            Err(e) => {
                eprintln!("dyad: {}: error: {e}; skipped", record.origin);
                continue;
            }
        };
        coded_any = true;
        let tokens = &coded.analyzed.tokens;
        if !json {
            println!("{} (home country {})", doc.id, coded.mentions.home_country.as_deref().unwrap_or("-"));
        }
        for m in &coded.places.mentions {
            let (start, end) = (tokens[m.tokens.start].span.start, tokens[m.tokens.end - 1].span.end);
            let p = &m.place;
            if json {
                let line = serde_json::json!({
                    "doc_id": doc.id, "start": start, "end": end, "text": &doc.text[start..end], "role": m.role.as_str(),
                    "reason": m.reason, "candidates": m.candidates, "location": m.location(), "population": p.population,
                });
                println!("{line}");
            } else {
                println!(
                    "  [{start}..{end}] {:<24} {:<9} {:<8} {} ({}{}, {:.3} {:.3}, pop {}) by {} of {}",
                    format!("{:?}", &doc.text[start..end]),
                    m.role.as_str(),
                    p.kind.precision(),
                    p.name,
                    m.admin1.as_deref().map(|a| format!("{a}, ")).unwrap_or_default(),
                    p.country,
                    p.lat,
                    p.lon,
                    p.population,
                    m.reason,
                    m.candidates,
                );
            }
        }
    }
    if coded_any {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
