//! Modality, confirmation and attribution on 66 short reports of our own
//! (tests/fixtures/modality.jsonl, written by hand as an analyst would code them).
//!
//! Each expectation names the trigger words of one event and the three values it
//! must carry. The test prints every mismatch and fails when the share of fully
//! correct expectations falls below the floor: the set is a regression guard that
//! rises as the coder improves, and the figure is quoted in the issue notes.

use dyad_coder::Coder;
use dyad_core::{Document, Event};
use serde::Deserialize;

const FLOOR: f64 = 0.85;

#[derive(Deserialize)]
struct Fixture {
    id: String,
    text: String,
    expect: Vec<Expectation>,
}

#[derive(Deserialize)]
struct Expectation {
    trigger: String,
    modality: String,
    confirmation: Option<String>,
    attribution_kind: Option<String>,
}

fn name<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string))
}

fn values(e: &Event) -> (String, Option<String>, Option<String>) {
    (name(&e.modality).unwrap(), e.confirmation.as_ref().and_then(name), e.attribution.as_ref().and_then(|a| name(&a.kind)))
}

#[test]
fn fixture_reports_meet_the_floor() {
    let coder = Coder::default();
    let (mut total, mut right) = (0usize, 0usize);
    let mut misses = Vec::new();
    for line in include_str!("fixtures/modality.jsonl").lines().filter(|l| !l.trim().is_empty()) {
        let f: Fixture = serde_json::from_str(line).expect("fixture line parses");
        let doc = Document { id: f.id.clone(), text: f.text.clone(), ..Document::default() };
        let events: Vec<Event> = coder.code(&doc).expect("codes").events.into_iter().map(|c| c.event).collect();
        for x in &f.expect {
            total += 1;
            let at = f.text.find(&x.trigger).expect("trigger occurs in text");
            let span = (at, at + x.trigger.len());
            let want = (x.modality.clone(), x.confirmation.clone(), x.attribution_kind.clone());
            let candidates: Vec<_> = events.iter().filter(|e| e.trigger.start < span.1 && span.0 < e.trigger.end).map(values).collect();
            if candidates.contains(&want) {
                right += 1;
            } else {
                misses.push(format!("{} {:?}: want {want:?}, got {candidates:?}", f.id, x.trigger));
            }
        }
    }
    let share = right as f64 / total as f64;
    eprintln!("modality fixtures: {right}/{total} fully right ({share:.2})\n{}", misses.join("\n"));
    assert!(total >= 60, "the fixture set has {total} expectations");
    assert!(share >= FLOOR, "{right}/{total} = {share:.2} is below the floor {FLOOR}");
}
