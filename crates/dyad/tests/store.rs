//! The event store through the binary: `dyad ingest`, `query`, `export`, `story`, re-ingest and crash recovery.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store_reports.jsonl");

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).output().expect("dyad runs")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "dyad failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-store-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn db_arg(dir: &Path) -> String {
    dir.join("dyad.db").display().to_string()
}

fn ingest(db: &str, path: &str) -> String {
    let out = dyad(&["ingest", path, "--db", db]);
    assert!(out.status.success(), "ingest failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stderr).unwrap()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn one_event_reported_by_four_outlets_and_another_elsewhere_are_two_events() {
    let dir = scratch("fixture");
    let db = db_arg(&dir);
    let summary = ingest(&db, FIXTURE);
    assert!(summary.contains("5 documents stored"), "{summary}");
    let events = json_lines(&stdout(&dyad(&["query", "--db", &db, "--format", "json"])));
    assert_eq!(events.len(), 2, "{events:?}");
    let somalia = events.iter().find(|e| e["location"] == "Somalia").expect("the event in Somalia");
    // The other event is placed in Kenya, at whatever precision the gazetteer resolves ("Mandera").
    let kenya = events.iter().find(|e| e["location"] != "Somalia").expect("the event in Kenya");
    assert_eq!((&somalia["mentions"], &somalia["sources"], &somalia["articles"]), (&4.into(), &4.into(), &4.into()));
    assert_eq!((&kenya["mentions"], &kenya["sources"], &kenya["articles"]), (&1.into(), &1.into(), &1.into()));
    assert_eq!((&somalia["modality"], &somalia["confirmation"]), (&"actual".into(), &"confirmed".into()));
    assert_eq!(somalia["date"], "2026-03-04", "the event happened when the first report of the act says");

    // The history keeps the planned, unconfirmed first report and the report that confirmed the act.
    let store = dyad_store::Store::open_read(Path::new(&db)).unwrap();
    let id = somalia["event"].as_i64().unwrap();
    let mut stmt = store
        .connection()
        .prepare("SELECT s.modality, s.confirmation, m.doc_id, s.pub_date FROM event_status s JOIN mentions m ON m.id = s.mention WHERE s.event = ?1 ORDER BY s.seq")
        .unwrap();
    let history: Vec<(String, Option<String>, String, Option<String>)> =
        stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(
        history,
        [
            ("planned".into(), Some("unconfirmed".into()), "nation-0302".into(), Some("2026-03-02".into())),
            ("actual".into(), Some("confirmed".into()), "reuters-0304".into(), Some("2026-03-04".into())),
        ]
    );
    assert!(store.check().unwrap().is_empty());

    // Both events are one story; its timeline carries every report with its source.
    let story = stdout(&dyad(&["story", "--db", &db, &somalia["story"].to_string()]));
    for outlet in ["Daily Nation", "The Standard", "Reuters", "AFP"] {
        assert!(story.contains(outlet), "{story}");
    }
    assert!(story.contains("Kenyan troops attacked al-Shabaab militants near Mandera"), "{story}");
    assert!(story.contains("status: planned, unconfirmed (2026-03-02, Daily Nation) → actual, confirmed (2026-03-04, Reuters)"), "{story}");
}

#[test]
fn filters_and_aggregations() {
    let dir = scratch("query");
    let db = db_arg(&dir);
    ingest(&db, FIXTURE);
    let q = |args: &[&str]| json_lines(&stdout(&dyad(&[&["query", "--db", &db, "--format", "json"], args].concat())));
    assert_eq!(q(&["--text", "Mandera"]).len(), 1);
    assert_eq!(q(&["--dyad", "KEN:SOM", "--location", "Somalia"])[0]["mentions"], 4);
    assert_eq!(q(&["--dyad", "SOM:KEN"]).len(), 0, "dyads are directed");
    assert_eq!(q(&["--actor", "KENMIL", "--cameo", "18", "--plover", "assault"]).len(), 2);
    assert_eq!(q(&["--from", "2026-03-05"]).len(), 0);
    let weeks = q(&["--count", "week"]);
    assert_eq!(weeks.len(), 1);
    assert_eq!((&weeks[0]["period"], &weeks[0]["material_conflict"], &weeks[0]["mentions"]), (&"2026-03-02".into(), &2.into(), &5.into()));
    let dyads = q(&["--top-dyads"]);
    assert_eq!((&dyads[0]["source"], &dyads[0]["target"], &dyads[0]["events"]), (&"KEN".into(), &"SOM".into(), &2.into()));
    let series = q(&["--goldstein", "day"]);
    assert!(series[0]["conflict"].as_f64().unwrap() < 0.0 && series[0]["cooperation"] == 0.0);
    let bad = dyad(&["query", "--db", &db, "--from", "March"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn reingesting_the_same_documents_changes_nothing() {
    let dir = scratch("reingest");
    let db = db_arg(&dir);
    ingest(&db, FIXTURE);
    let before = stdout(&dyad(&["export", "--db", &db, "--format", "csv"]));
    let summary = ingest(&db, FIXTURE);
    assert!(summary.contains("0 documents stored, 5 already in the store"), "{summary}");
    // The same text from the same outlet under another id is the same document.
    let copy = dir.join("copy.jsonl");
    let first = std::fs::read_to_string(FIXTURE).unwrap().lines().next().unwrap().replace("nation-0302", "nation-0302-again");
    std::fs::write(&copy, first).unwrap();
    let summary = ingest(&db, copy.to_str().unwrap());
    assert!(summary.contains("0 documents stored, 1 already in the store"), "{summary}");
    assert_eq!(stdout(&dyad(&["export", "--db", &db, "--format", "csv"])), before);
}

#[test]
fn every_export_reads_back() {
    let dir = scratch("export");
    let db = db_arg(&dir);
    ingest(&db, FIXTURE);
    let export = |format: &str| stdout(&dyad(&["export", "--db", &db, "--format", format]));
    let tsv = |text: String| -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new().delimiter(b'\t').has_headers(false).quoting(false).from_reader(text.as_bytes()).records().map(Result::unwrap).collect()
    };
    let gdelt = tsv(export("gdelt"));
    assert_eq!(gdelt.len(), 2);
    for row in &gdelt {
        assert_eq!(row.len(), 61);
        assert_eq!(&row[1], "20260304");
        assert_eq!(&row[26], "180");
        assert_eq!(&row[28], "18");
        row[30].parse::<f64>().expect("GoldsteinScale is a number");
    }
    assert!(gdelt.iter().any(|r| (&r[31], &r[32], &r[33]) == ("4", "4", "4")));
    let mentions = tsv(export("gdelt-mentions"));
    assert_eq!(mentions.len(), 5);
    assert!(mentions.iter().all(|r| r.len() == 16));
    let plover = json_lines(&export("plover"));
    assert_eq!(plover.len(), 2);
    for record in &plover {
        assert_eq!(record["event"], serde_json::json!(["ASSAULT"]));
        assert_eq!(record["actor"][0]["code"], "KEN");
        assert!(record["date"].is_string() && record["id"].is_string());
    }
    let csv_rows = |text: String| -> (csv::StringRecord, Vec<csv::StringRecord>) {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        (reader.headers().unwrap().clone(), reader.records().map(Result::unwrap).collect())
    };
    let (header, acled) = csv_rows(export("acled"));
    assert_eq!(header.len(), 31);
    assert_eq!(&header[0], "event_id_cnty");
    assert_eq!(acled.len(), 2);
    assert!(acled.iter().any(|r| &r[25] == "Daily Nation; The Standard; Reuters; AFP"));
    let (header, rows) = csv_rows(export("csv"));
    assert_eq!(&header[0], "event_id");
    assert_eq!(rows.len(), 2);
}

#[test]
fn the_acled_export_leaves_out_case_extension_types() {
    let dir = scratch("acled-extension");
    let db = db_arg(&dir);
    let input = dir.join("sanctions.jsonl");
    let doc = serde_json::json!({"id": "s1", "date": "2026-03-04", "text": "The European Union imposed new sanctions on Belarus on Monday."});
    std::fs::write(&input, format!("{doc}\n")).unwrap();
    ingest(&db, input.to_str().unwrap());
    let events = stdout(&dyad(&["export", "--db", &db, "--format", "csv"]));
    assert!(events.contains("DIPLO"), "the sanctions are coded with CASE's diplomatic type: {events}");
    let acled = stdout(&dyad(&["export", "--db", &db, "--format", "acled"]));
    assert_eq!(acled.lines().count(), 1, "header only: sanctions are no ACLED event: {acled}");
}

/// Builds a JSONL input of `copies` variants of the fixture: other ids, texts and days.
fn big_input(dir: &Path, copies: usize) -> (PathBuf, usize) {
    let lines: Vec<Value> = std::fs::read_to_string(FIXTURE).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut out = String::new();
    for i in 0..copies {
        for line in &lines {
            let mut doc = line.clone();
            doc["id"] = format!("{}-{i}", doc["id"].as_str().unwrap()).into();
            doc["text"] = format!("{} Dispatch {i}.", doc["text"].as_str().unwrap()).into();
            doc["date"] = format!("20{:02}-{:02}-{:02}", 10 + i / 336, 1 + (i / 28) % 12, 1 + i % 28).into();
            out.push_str(&doc.to_string());
            out.push('\n');
        }
    }
    let path = dir.join("big.jsonl");
    std::fs::write(&path, out).unwrap();
    (path, copies * lines.len())
}

fn count(db: &str, table: &str) -> i64 {
    let store = dyad_store::Store::open_read(Path::new(db)).unwrap();
    store.connection().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn kill_9_mid_ingest_leaves_a_consistent_store_that_the_next_ingest_completes() {
    let dir = scratch("kill");
    let (input, total) = big_input(&dir, 4000);
    let db = db_arg(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", input.to_str().unwrap(), "--db", &db, "-q"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for some batches to be committed, query while the ingest runs, then kill it.
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let stored = Path::new(&db).exists() && dyad_store::Store::open_read(Path::new(&db)).is_ok() && count(&db, "documents") >= 1000;
        if stored {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "ingest stored nothing in two minutes");
    }
    let reading = dyad(&["query", "--db", &db, "--count", "month", "--format", "csv"]);
    assert!(reading.status.success(), "a reader can query during an ingest: {}", String::from_utf8_lossy(&reading.stderr));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let at_kill = count(&db, "documents") as usize;
    assert!(at_kill < total, "the ingest finished before it could be killed; make the input bigger");
    let store = dyad_store::Store::open_read(Path::new(&db)).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new(), "consistent after kill -9");
    drop(store);

    let summary = ingest(&db, input.to_str().unwrap());
    assert!(summary.contains(&format!("{} documents stored, {at_kill} already in the store", total - at_kill)), "{summary}");
    assert_eq!(count(&db, "documents") as usize, total);
    assert_eq!(dyad_store::Store::open_read(Path::new(&db)).unwrap().check().unwrap(), Vec::<String>::new());

    // Resuming gives the same store as one uninterrupted ingest.
    let clean = dir.join("clean.db").display().to_string();
    ingest(&clean, input.to_str().unwrap());
    let export = |db: &str| stdout(&dyad(&["export", "--db", db, "--format", "csv"]));
    assert_eq!(export(&db), export(&clean));
}
