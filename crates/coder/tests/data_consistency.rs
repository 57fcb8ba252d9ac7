//! The lexicons only use codes that exist: CAMEO codes in the code table, sectors in
//! data/codes/sectors.tsv (from the CAMEO and PLOVER reference lists), countries with a
//! CAMEO code, explicit actor codes built from country, sector and known-group codes, ACLED names from the ACLED list.

use std::collections::HashSet;

use dyad_codes::Tables;
use dyad_core::tsv::rows;

const SECTORS: (&str, &str) = ("data/codes/sectors.tsv", include_str!("../../../data/codes/sectors.tsv"));
const AGENTS: (&str, &str) = ("data/actors/agents.tsv", include_str!("../../../data/actors/agents.tsv"));
const PEOPLE: (&str, &str) = ("data/actors/people.tsv", include_str!("../../../data/actors/people.tsv"));
const COUNTRIES: (&str, &str) = ("data/actors/countries.tsv", include_str!("../../../data/actors/countries.tsv"));
const CAMEO_COUNTRIES: (&str, &str) = ("data/actors/cameo_country_codes.tsv", include_str!("../../../data/actors/cameo_country_codes.tsv"));
const GROUPS: (&str, &str) = ("data/codes/groups.tsv", include_str!("../../../data/codes/groups.tsv"));
const TRIGGERS: (&str, &str) = ("data/events/triggers.tsv", include_str!("../../../data/events/triggers.tsv"));
const ACLED_CONTEXT: (&str, &str) = ("data/events/acled_context.tsv", include_str!("../../../data/events/acled_context.tsv"));

#[test]
fn every_trigger_code_is_in_the_cameo_table() {
    let tables = Tables::get();
    for (line, c) in rows(TRIGGERS, &["pattern", "cameo", "pos", "note"]).unwrap() {
        // "00" marks a non-event sense that shadows a shorter trigger ("wound up" the talks).
        assert!(c[1] == dyad_events::NOT_AN_EVENT || tables.cameo(c[1]).is_some(), "data/events/triggers.tsv:{line}: {} is not a CAMEO code", c[1]);
        assert_ne!(c[1], "010", "data/events/triggers.tsv:{line}: 010 is a fallback, not a trigger code");
    }
}

#[test]
fn every_agent_sector_and_country_is_known() {
    let sectors: HashSet<&str> = rows(SECTORS, &["code", "sources", "description"]).unwrap().into_iter().map(|(_, c)| c[0]).collect();
    let countries: HashSet<&str> = rows(COUNTRIES, &["iso3", "kind", "phrase", "flags"]).unwrap().into_iter().map(|(_, c)| c[0]).collect();
    for (line, c) in rows(AGENTS, &["phrase", "kind", "sector", "country", "code"]).unwrap() {
        assert!(c[2].is_empty() || sectors.contains(c[2]), "data/actors/agents.tsv:{line}: unknown sector {}", c[2]);
        assert!(c[3].is_empty() || countries.contains(c[3]), "data/actors/agents.tsv:{line}: unknown country {}", c[3]);
    }
}

#[test]
fn every_person_sector_country_and_code_is_known() {
    let sectors: HashSet<&str> = rows(SECTORS, &["code", "sources", "description"]).unwrap().into_iter().map(|(_, c)| c[0]).collect();
    let countries: HashSet<&str> = rows(COUNTRIES, &["iso3", "kind", "phrase", "flags"]).unwrap().into_iter().map(|(_, c)| c[0]).collect();
    for (line, c) in rows(PEOPLE, &["name", "country", "sector", "code", "from", "to", "role", "aliases"]).unwrap() {
        let at = format!("data/actors/people.tsv:{line}");
        assert!(c[2].is_empty() || sectors.contains(c[2]), "{at}: unknown sector {}", c[2]);
        assert!(c[1].is_empty() || countries.contains(c[1]), "{at}: unknown country {}", c[1]);
        assert!(c[3].len() % 3 == 0 && c[3].chars().all(|ch| ch.is_ascii_uppercase()), "{at}: {} is not a CAMEO actor code", c[3]);
        assert!(c[5].is_empty() || c[4] <= c[5], "{at}: the office ends ({}) before it starts ({})", c[5], c[4]);
    }
}

/// Explicit actor codes ("IGOUNO", "PSEREBHMS", "NGOHRIAMN") are runs of three-letter codes, each a CAMEO
/// country (ISO or CAMEO's own), a sector, or a known group or region from the reference tables.
#[test]
fn every_explicit_actor_code_is_built_from_known_codes() {
    let mut known: HashSet<&str> = rows(SECTORS, &["code", "sources", "description"]).unwrap().into_iter().map(|(_, c)| c[0]).collect();
    known.extend(rows(COUNTRIES, &["iso3", "kind", "phrase", "flags"]).unwrap().into_iter().map(|(_, c)| c[0]));
    known.extend(rows(CAMEO_COUNTRIES, &["iso3", "cameo"]).unwrap().into_iter().map(|(_, c)| c[1]));
    known.extend(rows(GROUPS, &["code", "name"]).unwrap().into_iter().map(|(_, c)| c[0]));
    let agents = rows(AGENTS, &["phrase", "kind", "sector", "country", "code"]).unwrap().into_iter().map(|(line, c)| (AGENTS.0, line, c[4]));
    let people = rows(PEOPLE, &["name", "country", "sector", "code", "from", "to", "role", "aliases"]).unwrap().into_iter().map(|(line, c)| (PEOPLE.0, line, c[3]));
    for (file, line, code) in agents.chain(people).filter(|(_, _, code)| !code.is_empty()) {
        assert!(code.len() % 3 == 0 && code.is_ascii(), "{file}:{line}: {code} is not a CAMEO actor code");
        for piece in (0..code.len()).step_by(3).map(|k| &code[k..k + 3]) {
            assert!(known.contains(piece), "{file}:{line}: {piece} in {code} is no country, sector or known group");
        }
    }
}

#[test]
fn acled_context_names_are_acleds_own() {
    let tables = Tables::get();
    let known: HashSet<(&str, &str)> = tables.acled.iter().map(|a| (a.event_type.as_str(), a.sub_event_type.as_str())).collect();
    // Context rows may name sub-event types no CAMEO code maps to by default; they must still pair with
    // their ACLED event type the way ACLED does, or be one of CASE 2021's extension types.
    for (line, c) in rows(ACLED_CONTEXT, &["phrase", "roots", "event_type", "sub_event_type"]).unwrap() {
        let known_type = dyad_core::ACLED_EVENT_TYPES.contains(&c[2]) || dyad_core::CASE_EXTENSION_TYPES.contains(&(c[2], c[3]));
        assert!(known_type, "data/events/acled_context.tsv:{line}: unknown ACLED event type {}", c[2]);
        let default_pair = known.iter().find(|(_, sub)| *sub == c[3]);
        assert!(default_pair.is_none_or(|(et, _)| *et == c[2]), "data/events/acled_context.tsv:{line}: {} belongs to another event type", c[3]);
    }
}
