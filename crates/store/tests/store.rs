//! The store's dedup and exports on hand-made coded events (no coder involved).

use std::path::PathBuf;

use dyad_core::Event;
use dyad_store::export::{export, ExportFormat};
use dyad_store::query::Filter;
use dyad_store::{Store, StoredDocument};
use serde_json::json;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-store-lib-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("store.db")
}

/// A coded event as `dyad code` writes it.
fn event(cameo: &str, source: &str, target: &str, place: (&str, &str, &str), date: &str, modality: &str) -> Event {
    let actor = |code: &str| json!({"text": code, "code": code, "country": &code[..3], "sector": code.get(3..)});
    serde_json::from_value(json!({
        "doc_id": "x", "cameo": cameo, "cameo_root": &cameo[..2], "cameo_name": "name", "quad_class": 4, "goldstein": -9.0,
        "plover": {"type": "ASSAULT", "mode": null}, "acled": null,
        "source": actor(source), "target": actor(target), "modality": modality, "confirmation": null, "attribution": null,
        "location": {"name": place.0, "country": place.1, "lat": null, "lon": null, "precision": place.2},
        "date": date, "date_precision": "day",
        "evidence": {"start": 0, "end": 4, "text": format!("{source} {cameo} {target} in {} on {date}", place.0)},
        "trigger": {"start": 0, "end": 4, "text": "hits"}, "confidence": 0.8
    }))
    .unwrap()
}

fn doc(id: &str, outlet: &str, date: &str, events: Vec<Event>) -> StoredDocument {
    StoredDocument {
        doc_id: id.into(),
        content_hash: format!("hash-{id}"),
        source: Some(outlet.into()),
        url: None,
        title: None,
        date: Some(date.into()),
        length: 100,
        origin: id.into(),
        events,
    }
}

fn events(store: &Store) -> Vec<(String, String, String, i64)> {
    let mut stmt = store.connection().prepare("SELECT cameo, source_code, coalesce(location, ''), num_mentions FROM events ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn specific_actors_and_codes_absorb_generic_ones_but_days_and_places_separate() {
    let mut store = Store::open(&scratch("dedup"), None).unwrap();
    let goma = ("Goma", "COD", "city");
    let congo = ("DR Congo", "COD", "country");
    store
        .add_batch(&[
            doc("a", "A", "2026-05-01", vec![event("190", "RWA", "CODREB", congo, "2026-05-01", "actual")]),
            doc("b", "B", "2026-05-02", vec![event("193", "RWAMIL", "CODREB", goma, "2026-05-01", "actual")]),
            // Same kind, same place, a week later: another event.
            doc("c", "C", "2026-05-08", vec![event("193", "RWAMIL", "CODREB", goma, "2026-05-08", "actual")]),
            // Same day, a different specific act: another event.
            doc("d", "D", "2026-05-01", vec![event("194", "RWAMIL", "CODREB", goma, "2026-05-01", "actual")]),
            // Same day, another country: another event.
            doc("e", "E", "2026-05-01", vec![event("193", "RWAMIL", "CODREB", ("Kigali", "RWA", "city"), "2026-05-01", "actual")]),
        ])
        .unwrap();
    let got = events(&store);
    assert_eq!(
        got,
        [
            ("193".into(), "RWAMIL".into(), "Goma".into(), 2),
            ("193".into(), "RWAMIL".into(), "Goma".into(), 1),
            ("194".into(), "RWAMIL".into(), "Goma".into(), 1),
            ("193".into(), "RWAMIL".into(), "Kigali".into(), 1),
        ]
    );
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_planned_act_joins_the_act_days_later_and_history_follows_publication_order() {
    let mut store = Store::open(&scratch("history"), None).unwrap();
    let place = ("Mogadishu", "SOM", "city");
    // Reports arrive out of order: the act first, the plan announced nine days earlier second.
    store.add_batch(&[doc("late", "Reuters", "2026-01-10", vec![event("180", "KENMIL", "SOMREB", place, "2026-01-10", "actual")])]).unwrap();
    store.add_batch(&[doc("early", "AFP", "2026-01-01", vec![event("180", "KENMIL", "SOMREB", place, "2026-01-01", "planned")])]).unwrap();
    assert_eq!(events(&store).len(), 1);
    let mut stmt = store.connection().prepare("SELECT modality, pub_date FROM event_status ORDER BY seq").unwrap();
    let history: Vec<(String, String)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(history, [("planned".into(), "2026-01-01".into()), ("actual".into(), "2026-01-10".into())]);
    let day: String = store.connection().query_row("SELECT date FROM events", [], |r| r.get(0)).unwrap();
    assert_eq!(day, "2026-01-10", "the event happened when the act was reported, not when it was planned");
}

#[test]
fn a_store_keeps_its_thresholds() {
    let path = scratch("thresholds");
    drop(Store::open(&path, None).unwrap());
    let other = dyad_store::Thresholds { day_window: 5, ..Default::default() };
    let err = Store::open(&path, Some(other)).err().expect("other thresholds are refused");
    assert!(err.to_string().contains("new --db"), "{err}");
    assert!(Store::open(&path, Some(Default::default())).is_ok());
}

#[test]
fn parquet_export_has_typed_columns() {
    let path = scratch("parquet");
    let mut store = Store::open(&path, None).unwrap();
    let place = ("Goma", "COD", "city");
    store
        .add_batch(&[
            doc("a", "A", "2026-05-01", vec![event("193", "RWAMIL", "CODREB", place, "2026-05-01", "actual")]),
            doc("b", "B", "2026-05-02", vec![event("193", "RWAMIL", "CODREB", place, "2026-05-01", "actual")]),
        ])
        .unwrap();
    let file = path.with_extension("parquet");
    let out = Box::new(std::fs::File::create(&file).unwrap());
    let result = export(store.connection(), ExportFormat::Parquet, &Filter::default(), out);
    if cfg!(not(feature = "parquet")) {
        assert!(result.unwrap_err().to_string().contains("--features parquet"));
        return;
    }
    assert_eq!(result.unwrap(), 1);
    #[cfg(feature = "parquet")]
    {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        use parquet::record::Field;
        let reader = SerializedFileReader::new(std::fs::File::open(&file).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 1);
        let row = reader.get_row_iter(None).unwrap().next().unwrap().unwrap();
        let fields: std::collections::HashMap<String, Field> = row.get_column_iter().map(|(n, f)| (n.clone(), f.clone())).collect();
        assert_eq!(fields["mentions"], Field::Long(2));
        assert_eq!(fields["goldstein"], Field::Double(-9.0));
        assert_eq!(fields["cameo"], Field::Str("193".into()));
        assert_eq!(fields["lat"], Field::Null);
        assert_eq!(fields["date"], Field::Date(dyad_store::dates::day("2026-05-01").unwrap() as i32));
    }
}

#[test]
fn one_batch_or_a_batch_per_document_gives_the_same_events() {
    let goma = ("Goma", "COD", "city");
    let docs = [
        doc("a", "A", "2026-05-01", vec![event("190", "RWA", "CODREB", ("DR Congo", "COD", "country"), "2026-05-01", "planned")]),
        doc("b", "B", "2026-05-02", vec![event("193", "RWAMIL", "CODREB", goma, "2026-05-02", "actual"), event("194", "RWAMIL", "CODREB", goma, "2026-05-02", "actual")]),
        doc("c", "C", "2026-05-03", vec![event("193", "RWAMIL", "CODREB", goma, "2026-05-02", "actual")]),
        doc("d", "A", "2026-05-20", vec![event("193", "RWAMIL", "CODREB", goma, "2026-05-20", "actual")]),
        doc("e", "D", "2026-05-21", vec![event("190", "RWA", "CODREB", goma, "2026-05-20", "actual")]),
    ];
    let stored = |name: &str, batches: Vec<Vec<StoredDocument>>| {
        let mut store = Store::open(&scratch(name), None).unwrap();
        for batch in batches {
            store.add_batch(&batch).unwrap();
        }
        assert!(store.check().unwrap().is_empty());
        let mut stmt = store
            .connection()
            .prepare("SELECT id, cameo, source_code, location, num_mentions, num_sources, date, modality, root_mention FROM events ORDER BY id")
            .unwrap();
        let rows: Vec<String> = stmt
            .query_map([], |r| Ok((0..9).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join(" ")))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows
    };
    let together = stored("one-batch", vec![docs.to_vec()]);
    let apart = stored("batch-per-document", docs.iter().map(|d| vec![d.clone()]).collect());
    assert_eq!(together.len(), 3, "{together:?}");
    assert_eq!(together, apart);
}
