//! ACLED event and sub-event type: the CAMEO code's default (data/codes/acled.tsv),
//! refined by the sentence's context (data/events/acled_context.tsv) and the target.
//!
//! A generic violent code says little about how: "killed in a car bomb blast" is a
//! remote explosive, "militants attacked an army post" is an armed clash and
//! "gunmen attacked villagers" an attack on civilians, and police beating
//! demonstrators excessive force against protesters. Specific codes (abduction,
//! arrest) keep their own type.

use std::ops::Range;

use dyad_codes::Tables;
use dyad_core::{Acled, Event};
use dyad_lexicon::{Lexicon, Tokens};

/// Default types that context may replace.
const GENERIC: &[&str] = &["Attack", "Armed clash", "Peaceful protest"];
/// Words that make a target a crowd of protesters.
const PROTESTERS: &[&str] = &["protest", "demonstrat", "rally", "marcher", "rioter"];
/// Targets that fight back: violence against them is a clash, not an attack on civilians.
const ARMED: &[&str] = &["MIL", "COP", "REB", "UAF", "SPY", "INS"];

pub(crate) fn classify(cx: &Tokens, lexicon: &Lexicon, tables: &Tables, sentence: Range<usize>, events: &mut [crate::Coded]) {
    if events.is_empty() {
        return;
    }
    let context = lexicon.acled_context.find_all(cx, sentence);
    for c in events {
        let e: &mut Event = &mut c.event;
        let mut acled = tables.acled(&e.cameo).map(|a| Acled { event_type: a.event_type.clone(), sub_event_type: a.sub_event_type.clone() });
        let generic = acled.as_ref().is_none_or(|a| GENERIC.contains(&a.sub_event_type.as_str()));
        let hint = context.iter().flat_map(|m| m.values.iter()).filter(|v| v.roots.contains(&e.cameo_root)).min_by_key(|v| v.order);
        if let (true, Some(h)) = (generic, hint) {
            acled = Some(Acled { event_type: h.event_type.clone(), sub_event_type: h.sub_event_type.clone() });
        }
        if let Some(a) = &mut acled {
            let target = e.target.as_ref().and_then(|t| t.sector.as_deref());
            let source = e.source.as_ref().and_then(|t| t.sector.as_deref());
            // Territory taken by a state's forces is regained; by anyone else, overtaken.
            if a.sub_event_type == "Non-state actor overtakes territory" && source.is_some_and(|s| matches!(s, "GOV" | "MIL" | "COP")) {
                a.sub_event_type = "Government regains territory".into();
            }
            // Violence by state forces against people protesting is excessive force against protesters.
            let against_protesters = e.target.as_ref().is_some_and(|t| {
                let words = t.text.to_lowercase();
                PROTESTERS.iter().any(|p| words.contains(p))
            });
            let state_force = source.is_some_and(|s| matches!(s, "COP" | "MIL" | "GOV"));
            if against_protesters && state_force && matches!(e.cameo_root.as_str(), "18" | "19" | "20") {
                *a = Acled { event_type: "Protests".into(), sub_event_type: "Excessive force against protesters".into() };
            }
            match (a.sub_event_type.as_str(), target) {
                ("Attack", Some(s)) if ARMED.contains(&s) => *a = Acled { event_type: "Battles".into(), sub_event_type: "Armed clash".into() },
                ("Armed clash", Some(s)) if !ARMED.contains(&s) => {
                    *a = Acled { event_type: "Violence against civilians".into(), sub_event_type: "Attack".into() }
                }
                _ => {}
            }
        }
        e.acled = acled;
    }
}
