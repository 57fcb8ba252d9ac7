//! Where and when events happened, through the whole pipeline, on short reports of our own.

use dyad_coder::Coder;
use dyad_core::{Document, Event};

fn code(text: &str, date: Option<&str>) -> Vec<Event> {
    let doc = Document { id: "t".into(), text: text.into(), date: date.map(String::from), ..Document::default() };
    Coder::default().code(&doc).expect("codes").events.into_iter().map(|c| c.event).collect()
}

fn event<'a>(events: &'a [Event], trigger: &str) -> &'a Event {
    events.iter().find(|e| e.trigger.text.contains(trigger)).unwrap_or_else(|| panic!("no event {trigger:?} in {events:#?}"))
}

#[test]
fn the_place_after_a_locative_preposition_in_the_event_clause() {
    let events = code("CULIACAN, Mexico (Reuters) - Gunmen killed five police officers in Culiacán on Tuesday, and soldiers clashed with cartel members near Apatzingan, in the western state of Michoacan.", Some("2026-03-05"));
    let killed = event(&events, "killed").location.as_ref().unwrap();
    assert_eq!((killed.name.as_str(), killed.country.as_deref(), killed.admin1.as_deref(), killed.precision.as_str()), ("Culiacán", Some("MEX"), Some("Sinaloa"), "city"));
    assert!(killed.lat.is_some() && killed.country_from.is_none());
    let clashed = event(&events, "clashed").location.as_ref().unwrap();
    assert_eq!((clashed.name.as_str(), clashed.admin1.as_deref()), ("Apatzingán", Some("Michoacan")));
}

#[test]
fn the_dateline_then_the_country() {
    // No place in the event's clause: the dateline's city, which lies in the story's country.
    let events = code("CULIACAN, Mexico (Reuters) - Mexican soldiers killed three gunmen on Tuesday.", Some("2026-03-05"));
    let at = event(&events, "killed").location.as_ref().unwrap();
    assert_eq!((at.name.as_str(), at.country_from.as_deref()), ("Culiacán", Some("dateline")));
    // Filed from abroad about Peru: the dateline says nothing of where the attack was.
    let events = code("MOSCOW (Reuters) - Peruvian rebels attacked a Peruvian army post on Tuesday, the Peruvian army said.", Some("2026-03-05"));
    let at = event(&events, "attacked").location.as_ref().unwrap();
    assert_eq!((at.country.as_deref(), at.precision.as_str(), at.country_from.as_deref()), (Some("PER"), "country", Some("document")));
}

#[test]
fn a_metonym_is_no_location() {
    let events = code("Washington accused Iran of arming rebels.", Some("2026-03-05"));
    let loc = event(&events, "accused").location.as_ref().unwrap();
    assert_eq!(loc.country_from.as_deref(), Some("document"), "{loc:?}");
}

#[test]
fn the_date_in_the_sentence_else_the_paragraphs_else_publication() {
    let text = "   SAN SALVADOR, 3 JAN 90 -- [TEXT] THE MASS KIDNAPPING OF PEASANTS TOOK PLACE ON 30 DECEMBER IN SAN MIGUEL DEPARTMENT. TERRORISTS ALSO KIDNAPPED TWO FARMERS.\n\n   SALVADORAN SOLDIERS KILLED THREE REBELS NEAR USULUTAN.";
    let events = code(text, None);
    let kidnapping = event(&events, "KIDNAPPING");
    assert_eq!((kidnapping.date.as_deref(), kidnapping.date_precision.as_deref()), (Some("1989-12-30"), Some("day")));
    let second = events.iter().rfind(|e| e.trigger.text == "KIDNAPPED").expect("a second kidnapping");
    assert_eq!(second.date.as_deref(), Some("1989-12-30"));
    // A new paragraph with no date of its own: the dateline's date stands in for publication.
    let killed = event(&events, "KILLED");
    assert_eq!((killed.date.as_deref(), killed.date_precision.as_deref()), (Some("1990-01-03"), Some("publication")));
    assert_eq!(killed.location.as_ref().and_then(|l| l.country.as_deref()), Some("SLV"));
}

#[test]
fn a_former_state_is_a_party_but_never_the_storys_country() {
    let doc = Document {
        id: "t".into(),
        text: "Gunmen attacked a bus carrying Soviet engineers near Arequipa. The Soviet embassy said two Soviet engineers were hurt.".into(),
        date: Some("1989-07-10".into()),
        ..Document::default()
    };
    let evs: Vec<Event> = Coder::default().code(&doc).expect("codes").events.into_iter().map(|c| c.event).collect();
    let attack = evs.iter().find(|e| e.cameo_root == "18").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(attack.target.as_ref().and_then(|t| t.country.as_deref()), Some("SUN"), "{evs:#?}");
    assert_eq!(attack.location.as_ref().and_then(|l| l.country.as_deref()), Some("PER"), "{evs:#?}");
}
