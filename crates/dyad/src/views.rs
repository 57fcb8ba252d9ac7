//! Views for users: `dyad codes`, `dyad explain` and `dyad actors`.

use std::process::ExitCode;

use dyad_codes::Tables;
use dyad_coder::{Coded, CodedDocument, Coder};
use dyad_core::{Actor, Document};

use crate::code::InputArgs;

pub fn codes(json: bool) -> ExitCode {
    let tables = Tables::get();
    if !json {
        println!("{:<5} {:<4} {:>4} {:>9}  {:<22} {:<44} name", "code", "root", "quad", "goldstein", "plover", "acled");
    }
    for c in &tables.cameo {
        let acled = tables.acled(&c.code);
        if json {
            let line = serde_json::json!({
                "code": c.code, "root": c.root, "name": c.name, "goldstein": c.goldstein, "quad_class": c.quad_class,
                "plover": {"type": c.plover_type, "mode": c.plover_mode},
                "acled": acled.map(|a| serde_json::json!({"event_type": a.event_type, "sub_event_type": a.sub_event_type})),
            });
            println!("{line}");
        } else {
            let plover = match (&c.plover_type, &c.plover_mode) {
                (Some(t), Some(m)) => format!("{t}/{m}"),
                (Some(t), None) => t.clone(),
                _ => "-".into(),
            };
            let acled = acled.map_or("-".into(), |a| format!("{}/{}", a.event_type, a.sub_event_type));
            println!("{:<5} {:<4} {:>4} {:>9.1}  {:<22} {:<44} {}", c.code, c.root, c.quad_class, c.goldstein, plover, acled, c.name);
        }
    }
    ExitCode::SUCCESS
}

fn actor_line(a: &Actor) -> String {
    let mut s = format!("{:?} → {}", a.text, a.code.as_deref().unwrap_or("-"));
    s += &format!(" (country {}, sector {}", a.country.as_deref().unwrap_or("-"), a.sector.as_deref().unwrap_or("-"));
    if let Some(name) = &a.name {
        s += &format!(", name {name:?}");
    }
    if let Some(from) = &a.country_from {
        s += &format!(", country from the {from}");
    }
    s + ")"
}

pub fn explain(text: String, date: Option<String>) -> ExitCode {
    let doc = Document { id: "explain".into(), text, date, ..Document::default() };
    let coded = match Coder::default().code(&doc) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("dyad: error: {e}");
            return ExitCode::from(1);
        }
    };
    let CodedDocument { analyzed, mentions, events, .. } = &coded;
    for (n, s) in analyzed.sentences.iter().enumerate() {
        let tokens: Vec<&str> = analyzed.tokens[s.tokens.clone()].iter().map(|t| t.span.slice(&doc.text)).collect();
        println!("sentence {n} [{}..{}]: {}", s.span.start, s.span.end, tokens.join(" | "));
    }
    println!("\nactors (home country {}):", mentions.home_country.as_deref().unwrap_or("-"));
    for m in &mentions.actors {
        println!("  {:?} {}", m.kind, actor_line(&m.actor));
    }
    println!("\nevents: {}", events.len());
    for c in events {
        print_event(c);
    }
    ExitCode::SUCCESS
}

fn print_event(c: &Coded) {
    let e = &c.event;
    let who = |a: &Option<Actor>| a.as_ref().map_or("-".to_string(), actor_line);
    println!("  {} {} (root {}, quad {}, goldstein {}, confidence {})", e.cameo, e.cameo_name, e.cameo_root, e.quad_class, e.goldstein, e.confidence);
    println!("    trigger     {:?} [{}..{}] from pattern {:?}", e.trigger.text, e.trigger.start, e.trigger.end, c.why.pattern);
    if let Some(act) = &e.act {
        // The act a threat, promise, refusal, claim or demand is about.
        println!("    act         {} {}", act.cameo, act.name);
    }
    println!("    source      {} [{}]", who(&e.source), c.why.source_rule);
    println!("    target      {} [{}]", who(&e.target), c.why.target_rule);
    let cue = |cue: &Option<dyad_coder::Cited>| cue.as_ref().map_or("no cue".to_string(), |c| format!("cue {:?} at {}..{}", c.text, c.start, c.end));
    println!("    modality    {:?}: {}", e.modality, cue(&c.why.modality_cue));
    let attribution = e.attribution.as_ref().map_or("none".to_string(), |a| {
        format!("{:?} {:?}{}", a.kind, a.text, a.via.as_ref().map_or(String::new(), |v| format!(" via {v:?}")))
    });
    println!("    attribution {attribution}: {}", cue(&c.why.attribution_cue));
    println!("    confirmation {:?}: {}", e.confirmation, cue(&c.why.confirmation_cue));
    if let Some(l) = &e.location {
        println!("    location    {} ({})", l.name, l.country.as_deref().unwrap_or("-"));
    }
    println!("    evidence    [{}..{}] {:?}", e.evidence.start, e.evidence.end, e.evidence.text);
}

pub fn actors(input: &InputArgs, json: bool) -> ExitCode {
    let coder = Coder::default();
    for record in input.records() {
        let doc = match record.document {
            Ok(d) => d,
            Err(e) => {
                eprintln!("dyad: {}: error: {e}; skipped", record.origin);
                continue;
            }
        };
        match coder.code(&doc) {
            Ok(coded) if json => {
                for (m, actor) in coded.mentions.actors.iter().zip(coder.placed_actors(&doc, &coded)) {
                    let line = serde_json::json!({
                        "doc_id": doc.id, "kind": format!("{:?}", m.kind), "start": m.actor.span.start, "end": m.actor.span.end, "actor": actor,
                    });
                    println!("{line}");
                }
            }
            Ok(coded) => {
                println!("{} (home country {})", doc.id, coded.mentions.home_country.as_deref().unwrap_or("-"));
                for (m, actor) in coded.mentions.actors.iter().zip(coder.placed_actors(&doc, &coded)) {
                    println!("  [{}..{}] {:?} {}", m.actor.span.start, m.actor.span.end, m.kind, actor_line(&actor));
                }
            }
            Err(e) => eprintln!("dyad: {}: error: {e}; skipped", record.origin),
        }
    }
    ExitCode::SUCCESS
}
