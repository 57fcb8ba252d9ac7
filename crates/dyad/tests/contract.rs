//! The output contract of `dyad code`, checked on the binary itself.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn dyad(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn events(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

const REPORT: &str = "Kenyan troops clashed with Somali militants near the border on Monday, the army said. \
Kenya's foreign minister met his Ethiopian counterpart in Nairobi.";

fn doc(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "date": "2026-01-12"}).to_string()
}

fn is_str_or_null(v: &Value) -> bool {
    v.is_string() || v.is_null()
}

fn check_actor(a: &Value) {
    if a.is_null() {
        return;
    }
    for key in ["text", "code", "country", "sector"] {
        assert!(is_str_or_null(&a[key]), "actor.{key} in {a}");
    }
    assert!(a["text"].is_string());
    if let Some(c) = a["country"].as_str() {
        assert!(c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase()), "country {c}");
    }
}

#[test]
fn every_contract_field_is_present_and_typed() {
    let out = dyad(&["code", "-"], doc("k1", REPORT).as_bytes());
    assert!(out.status.success());
    let evs = events(&out);
    assert!(!evs.is_empty(), "the report has events: {}", String::from_utf8_lossy(&out.stderr));
    for e in &evs {
        assert_eq!(e["doc_id"], "k1");
        let cameo = e["cameo"].as_str().unwrap();
        assert!((2..=4).contains(&cameo.len()) && cameo.chars().all(|c| c.is_ascii_digit()));
        assert_eq!(e["cameo_root"].as_str().unwrap(), &cameo[..2]);
        assert!((1..=4).contains(&e["quad_class"].as_u64().unwrap()));
        assert!(e["goldstein"].is_number());
        assert!(is_str_or_null(&e["plover"]["type"]) && is_str_or_null(&e["plover"]["mode"]));
        assert!(e["acled"].is_null() || (e["acled"]["event_type"].is_string() && e["acled"]["sub_event_type"].is_string()));
        check_actor(&e["source"]);
        check_actor(&e["target"]);
        assert!(["actual", "planned", "possible", "negated"].contains(&e["modality"].as_str().unwrap()));
        assert!(e["confirmation"].is_null() || ["confirmed", "unconfirmed", "denied"].contains(&e["confirmation"].as_str().unwrap()));
        let att = &e["attribution"];
        assert!(att.is_null() || (att["text"].is_string() && ["named", "anonymous", "outlet"].contains(&att["kind"].as_str().unwrap())));
        let loc = &e["location"];
        assert!(loc.is_null() || (loc["name"].is_string() && loc.get("lat").is_some() && loc.get("lon").is_some() && loc["precision"].is_string()));
        assert_eq!(e["date"], "2026-01-12");
        assert!(e["evidence"]["start"].is_u64() && e["evidence"]["end"].is_u64() && e["evidence"]["text"].is_string());
        let c = e["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
    }
}

#[test]
fn evidence_is_the_exact_byte_slice_of_its_sentence() {
    // Multi-byte characters before the event make byte and char offsets differ.
    let text = "«Bogotá» — São Paulo. Colombian police arrested three members of the Clan del Golfo gang in Medellín on Friday.";
    let out = dyad(&["code", "-"], doc("b1", text).as_bytes());
    let evs = events(&out);
    assert!(!evs.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = text.as_bytes();
    for e in evs {
        let (s, t) = (e["evidence"]["start"].as_u64().unwrap() as usize, e["evidence"]["end"].as_u64().unwrap() as usize);
        assert_eq!(std::str::from_utf8(&bytes[s..t]).unwrap(), e["evidence"]["text"].as_str().unwrap());
        assert!(e["evidence"]["text"].as_str().unwrap().starts_with("Colombian police arrested"));
        let (ts, tt) = (e["trigger"]["start"].as_u64().unwrap() as usize, e["trigger"]["end"].as_u64().unwrap() as usize);
        assert!(s <= ts && tt <= t, "the trigger lies inside the evidence");
    }
}

#[test]
fn bad_lines_are_reported_and_the_rest_is_coded() {
    let mut input = Vec::new();
    input.extend(doc("good-1", REPORT).as_bytes());
    input.extend(b"\n{not json at all\n");
    input.extend(b"{\"id\": \"no-text\"}\n");
    input.extend(b"{\"id\": \"empty\", \"text\": \"   \"}\n");
    input.extend(b"{\"id\": \"latin1\", \"text\": \"Kenyan troops clashed with Somali militants \xe9.\"}\n");
    input.extend(b"[1, 2, 3]\n");
    input.extend(doc("good-2", REPORT).as_bytes());
    input.push(b'\n');
    let out = dyad(&["code", "-"], &input);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(stderr.contains("<stdin>:2: error: invalid JSON"), "{stderr}");
    assert!(stderr.contains("<stdin>:3: error: no \"text\" field"), "{stderr}");
    assert!(stderr.contains("<stdin>:4: error: document \"empty\": the document has no text"), "{stderr}");
    assert!(stderr.contains("<stdin>:5: warning: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("<stdin>:6: error: the line is JSON but not an object"), "{stderr}");
    assert!(stderr.contains("4 errors"), "{stderr}");
    let ids: Vec<String> = events(&out).iter().map(|e| e["doc_id"].as_str().unwrap().to_string()).collect();
    for id in ["good-1", "latin1", "good-2"] {
        assert!(ids.iter().any(|i| i == id), "{id} coded: {ids:?}");
    }
    // Output keeps input order.
    let first = |id: &str| ids.iter().position(|i| i == id).unwrap();
    assert!(first("good-1") < first("latin1") && first("latin1") < first("good-2"));
}

#[test]
fn nothing_codable_exits_non_zero() {
    let out = dyad(&["code", "-"], b"{broken\n");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn plain_text_files_use_the_file_name_as_id() {
    let dir = std::env::temp_dir().join(format!("dyad-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("kenya.txt");
    std::fs::write(&path, REPORT).unwrap();
    let out = dyad(&["code", path.to_str().unwrap()], b"");
    std::fs::remove_dir_all(&dir).ok();
    let evs = events(&out);
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e["doc_id"] == "kenya.txt"));
}

#[test]
fn the_embedded_example_codes() {
    let out = dyad(&["code", "--example"], b"");
    assert!(out.status.success());
    assert!(events(&out).len() >= 3);
}

#[test]
fn actors_are_listed_as_events_carry_them() {
    // "Shanghai police" has no country word; the city names its country, as it does in events.
    let out = dyad(&["actors", "--json", "-"], doc("a", "Shanghai police detained two activists on Monday.").as_bytes());
    assert!(out.status.success());
    let police = events(&out).into_iter().find(|m| m["actor"]["text"] == "Shanghai police").expect("the police are an actor");
    assert_eq!(police["actor"]["country"], "CHN", "{police}");
}

#[test]
fn codes_lists_every_root() {
    let out = dyad(&["codes", "--json"], b"");
    let rows: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for root in 1..=20 {
        assert!(rows.iter().any(|r| r["code"] == format!("{root:02}")));
    }
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let mut input = String::new();
    for i in 0..40 {
        input += &doc(&format!("d{i}"), REPORT);
        input.push('\n');
    }
    let one = dyad(&["code", "--threads", "1", "-"], input.as_bytes());
    let two = dyad(&["code", "--threads", "2", "-"], input.as_bytes());
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}
