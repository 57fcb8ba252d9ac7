//! The classic geocoding traps, on short reports of our own: each place is resolved from the document's
//! context (dateline, containment, the countries it mentions), not from a fixed reading of the name.

use dyad_lexicon::Lexicon;
use dyad_places::{PlaceKind, PlaceMention, Role};

fn places(text: &str) -> Vec<(String, PlaceMention)> {
    let analyzed = dyad_text::analyze(text);
    let cx = dyad_lexicon::Tokens::new(text, &analyzed.tokens, &Lexicon::get().lemmas);
    let mentions = dyad_mentions::find(&cx, &analyzed, Lexicon::get(), Some("2026-03-05"));
    let found = dyad_places::find(&analyzed, &mentions);
    found
        .mentions
        .into_iter()
        .map(|m| (text[analyzed.tokens[m.tokens.start].span.start..analyzed.tokens[m.tokens.end - 1].span.end].to_string(), m))
        .collect()
}

/// The mention with these words (the last one, when the name recurs).
fn place(text: &str, words: &str) -> PlaceMention {
    places(text).into_iter().rev().find(|(w, _)| w == words).map(|(_, m)| m).unwrap_or_else(|| panic!("no place {words:?} in {text:?}"))
}

#[test]
fn washington_the_government_the_city_and_the_state() {
    let said = places("Washington said on Tuesday it would impose new sanctions on Iran.");
    assert!(said.iter().all(|(_, m)| m.role != Role::Locative), "{said:?}");
    let city = place("Protesters marched in Washington on Tuesday against the war.", "Washington");
    assert_eq!((city.role, city.place.kind, city.place.country.as_str()), (Role::Locative, PlaceKind::City, "USA"));
    assert!((city.place.lat - 38.9).abs() < 0.2, "{city:?}");
    let state = place("Wildfires burned across Washington state as firefighters from Oregon arrived.", "Washington");
    assert_eq!((state.place.kind, state.place.country.as_str()), (PlaceKind::Admin1, "USA"));
}

#[test]
fn georgia_the_country_or_the_state() {
    let country = place("Russian troops clashed with soldiers in Georgia near Tbilisi, the Kremlin said.", "Georgia");
    assert_eq!((country.place.kind, country.place.country.as_str()), (PlaceKind::Country, "GEO"));
    let state = place("Police in Atlanta, Georgia arrested two men after a shooting.", "Georgia");
    assert_eq!((state.place.kind, state.place.country.as_str(), state.place.name.as_str()), (PlaceKind::Admin1, "USA", "Georgia"));
}

#[test]
fn paris_france_or_texas() {
    let france = place("French police detained three men in Paris after the attack.", "Paris");
    assert_eq!((france.place.country.as_str(), france.admin1.as_deref()), ("FRA", Some("Ile-de-France")));
    let texas = place("A tornado struck Paris, Texas, on Tuesday, killing two people.", "Paris");
    assert_eq!((texas.place.country.as_str(), texas.admin1.as_deref()), ("USA", Some("Texas")));
}

#[test]
fn santiago_chile_or_spain_from_context() {
    let chile = place("Chilean police fired tear gas at students in Santiago.", "Santiago");
    assert_eq!(chile.place.country, "CHL");
    let spain = place("MADRID (Reuters) - Spanish police arrested pilgrims in Santiago on Tuesday.", "Santiago");
    assert_eq!(spain.place.country, "ESP");
}

#[test]
fn guadalajara_mexico_or_spain() {
    let mexico = place("Mexican soldiers clashed with gunmen in Guadalajara.", "Guadalajara");
    assert_eq!((mexico.place.country.as_str(), mexico.admin1.as_deref()), ("MEX", Some("Jalisco")));
    let spain = place("Spanish firefighters battled a blaze near Guadalajara, east of Madrid.", "Guadalajara");
    assert_eq!(spain.place.country, "ESP");
}

#[test]
fn mexico_city_is_not_mexico() {
    let found = places("Gunmen attacked a police station in Mexico City, Mexico's interior ministry said.");
    let (words, city) = &found[0];
    assert_eq!((words.as_str(), city.place.kind, city.place.name.as_str()), ("Mexico City", PlaceKind::City, "Mexico City"));
    assert!(city.place.capital);
}

#[test]
fn the_capital_is_the_home_countrys() {
    let text = "   SAN SALVADOR, 3 JAN 90 -- [TEXT] A SALVADORAN SOLDIER WAS WOUNDED AND TAKEN TO THE MILITARY HOSPITAL IN THIS CAPITAL.";
    let capital = place(text, "THIS CAPITAL");
    assert_eq!((capital.role, capital.place.name.as_str(), capital.reason), (Role::Locative, "San Salvador", "the capital"));
    let peru = place("Peruvian rebels set off a car bomb in the capital on Tuesday.", "the capital");
    assert_eq!(peru.place.name, "Lima");
}

#[test]
fn a_dateline_overrides_a_later_mention() {
    let text = "PARIS, Texas (AP) - Two men were arrested on Tuesday. Police in Paris said the men had fled.";
    let dateline = place(text, "PARIS");
    assert_eq!((dateline.role, dateline.place.country.as_str()), (Role::Dateline, "USA"));
    let later = place(text, "Paris");
    assert_eq!((later.place.country.as_str(), later.reason), ("USA", "earlier mention"));
}

#[test]
fn all_caps_and_accents_meet_the_same_entry() {
    let caps = place("CULIACAN, MEXICO (REUTERS) - GUNMEN KILLED FIVE POLICE OFFICERS IN CULIACAN.", "CULIACAN");
    let accents = place("Gunmen killed five police officers in Culiacán.", "Culiacán");
    assert_eq!(caps.place, accents.place);
    assert_eq!((caps.place.country.as_str(), caps.admin1.as_deref()), ("MEX", Some("Sinaloa")));
}

#[test]
fn containment_by_a_division() {
    let town = place("Soldiers clashed with cartel members near Apatzingan, in the western state of Michoacan.", "Apatzingan");
    assert_eq!((town.place.country.as_str(), town.admin1.as_deref(), town.role), ("MEX", Some("Michoacan"), Role::Locative));
    let department = place("   SAN SALVADOR, 3 JAN 90 -- [TEXT] 50 PEASANTS WERE KIDNAPPED IN SAN MIGUEL DEPARTMENT.", "SAN MIGUEL");
    assert_eq!((department.place.kind, department.place.country.as_str()), (PlaceKind::Admin1, "SLV"));
}

#[test]
fn common_words_are_not_places() {
    // "Mobile", "Police" and "Of" are towns; "PART" is an alternate name of Perth.
    let found = places("Police said the mobile unit was part of the army. POLICE SAID THE UNIT WAS PART OF THE ARMY.");
    assert!(found.is_empty(), "{found:?}");
    // A longer name that the gazetteer lacks is not its shorter prefix.
    let found = places("   SAN SALVADOR, 3 JAN 90 -- [TEXT] THE KIDNAPPING TOOK PLACE IN SAN LUIS DE LA REINA.");
    assert!(found.iter().all(|(w, _)| !w.starts_with("SAN LUIS")), "{found:?}");
}
