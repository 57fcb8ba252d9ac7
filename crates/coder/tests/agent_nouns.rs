//! Generic agent nouns of data/actors/agents.tsv: each makes an actor of the right sector.

use dyad_coder::Coder;
use dyad_core::{Actor, Document, Event};

fn code(text: &str) -> Vec<Event> {
    let doc = Document { id: "t".into(), text: text.into(), date: Some("2026-02-03".into()), ..Document::default() };
    Coder::default().code(&doc).expect("codes").events.into_iter().map(|c| c.event).collect()
}

/// Every actor (source or target) of every event whose text contains `word`.
fn actors_with<'a>(evs: &'a [Event], word: &str) -> Vec<&'a Actor> {
    evs.iter()
        .flat_map(|e| [e.source.as_ref(), e.target.as_ref()])
        .flatten()
        .filter(|a| a.text.to_lowercase().contains(word))
        .collect()
}

/// The sector of the actor named by `word` in the events of `text`.
fn sector_of(text: &str, word: &str) -> String {
    let evs = code(text);
    let actors = actors_with(&evs, word);
    let a = actors.first().unwrap_or_else(|| panic!("no actor with {word:?} in {text:?}: {evs:#?}"));
    a.sector.clone().unwrap_or_else(|| panic!("actor {:?} has no sector: {evs:#?}", a.text))
}

#[test]
fn criminals() {
    assert_eq!(sector_of("Police in Karachi arrested two killers on Monday.", "killers"), "CRM");
    assert_eq!(sector_of("Abductors attacked the engineer's convoy near the border.", "abductors"), "CRM");
    assert_eq!(sector_of("Looters attacked shops in the capital overnight.", "looters"), "CRM");
    assert_eq!(sector_of("Hijackers seized a bus carrying pilgrims near the border.", "hijackers"), "CRM");
    assert_eq!(sector_of("Police arrested a drug dealer in Medellin on Friday.", "drug dealer"), "CRM");
    assert_eq!(sector_of("Hoodlums attacked traders at the market in Ibadan.", "hoodlums"), "CRM");
    assert_eq!(sector_of("Police arrested members of a fraud ring in Nairobi.", "fraud ring"), "CRM");
    assert_eq!(sector_of("An angry mob attacked the police station in Lahore.", "mob"), "CVL");
}

#[test]
fn an_agent_noun_is_read_through_its_plural_only() {
    // The lemmatizer also knows verbs: "mobbed" and "policing" are no mob and no police.
    let evs = code("Mobbed by reporters in Leeds, the mayor accused the government of neglecting community policing.");
    assert!(!evs.is_empty(), "the accusation is coded");
    assert!(actors_with(&evs, "mobbed").is_empty() && actors_with(&evs, "policing").is_empty(), "{evs:#?}");
}

#[test]
fn irregular_armed_actors() {
    assert_eq!(sector_of("A shooter opened fire on worshippers outside a church.", "shooter"), "UAF");
    // A fighter plane is no rebel.
    let evs = code("Fighter planes bombed rebel positions near the town.");
    assert!(actors_with(&evs, "fighter").iter().all(|a| a.sector.as_deref() != Some("REB")), "{evs:#?}");
}

#[test]
fn lawyers_are_judiciary() {
    assert_eq!(sector_of("Lawyers for the journalist accused the government of persecution.", "lawyers"), "JUD");
    assert_eq!(sector_of("His attorney criticized the prosecutors for leaking the evidence.", "attorney"), "JUD");
}

#[test]
fn officials() {
    assert_eq!(sector_of("The human rights ombudsman condemned the killings of the farmers.", "ombudsman"), "GOV");
    assert_eq!(sector_of("A presidential aide met the union leaders on Tuesday.", "aide"), "GOV");
}

#[test]
fn civilians_labour_and_others() {
    assert_eq!(sector_of("Gunmen kidnapped three foreigners in the Niger Delta.", "foreigners"), "CVL");
    assert_eq!(sector_of("Inmates attacked guards at the prison on Sunday.", "inmates"), "CVL");
    assert_eq!(sector_of("Longshoremen protested against the new contract in Oakland.", "longshoremen"), "LAB");
    assert_eq!(sector_of("Seamen protested against the shipowners' pay offer.", "seamen"), "LAB");
    assert_eq!(sector_of("Shareholders rejected the merger proposal on Thursday.", "shareholders"), "BUS");
}
