//! Trigger lexicon coverage: general news phrasings for CAMEO sub-codes (data/events/triggers.tsv),
//! on short reports of our own.

use dyad_coder::Coder;
use dyad_core::{Document, Event};

fn code(text: &str) -> Vec<Event> {
    let doc = Document { id: "t".into(), text: text.into(), date: Some("2026-02-03".into()), ..Document::default() };
    Coder::default().code(&doc).expect("codes").events.into_iter().map(|c| c.event).collect()
}

fn assert_codes(text: &str, cameo: &str) {
    let evs = code(text);
    assert!(evs.iter().any(|e| e.cameo == cameo), "{text:?} should be coded {cameo}: {:?}", evs.iter().map(|e| &e.cameo).collect::<Vec<_>>());
}

#[test]
fn sub_codes_of_appeals_consults_and_cooperation() {
    assert_codes("Germany urged Belgium to extradite the suspect.", "0213");
    assert_codes("The two presidents held a telephone talk on Tuesday.", "041");
    assert_codes("The minister paid a courtesy call on the Indian president.", "042");
}

#[test]
fn sub_codes_of_yielding_and_reduced_relations() {
    assert_codes("Rebels freed the captured sailors on Sunday.", "0841");
    assert_codes("The European Union suspended economic aid to Niger on Monday.", "1621");
    assert_codes("Pakistan recalled its diplomats from Kabul.", "161");
}

#[test]
fn sub_codes_of_conflictual_verbal_acts() {
    assert_codes("Egypt threatened to suspend talks with Ethiopia.", "134");
    assert_codes("Israel rejected a proposal for a truce.", "1246");
    assert_codes("Brazil called the decision unacceptable.", "111");
    assert_codes("The court convicted the former minister of corruption.", "116");
}

#[test]
fn coercion_of_protest() {
    assert_codes("Police prevented a protest outside parliament.", "170");
}

#[test]
fn market_demand_is_no_demand() {
    // "demand" the economic noun: the inflected "demanded * support" rows do not fire on it
    assert!(code("Firm exporter demand lent support to wheat futures, traders said.").iter().all(|e| e.cameo_root != "10"));
}

#[test]
fn demands_that_are_met_are_no_meeting() {
    let evs = code("The union said the strike will go on until its demands are met.");
    assert!(evs.iter().all(|e| e.cameo_root != "04" && e.cameo != "036"), "{evs:#?}");
    assert_codes("Kenya's president will meet the Somali president on Monday.", "036");
}
