//! Within-document coreference for named people: after "Mexican President Claudia
//! Sheinbaum", a later "Sheinbaum" is the same actor.

use std::collections::HashMap;

use dyad_lexicon::Tokens;
use dyad_text::Analyzed;

use dyad_core::Actor;

use crate::{actor_at, ActorMention, MentionKind};

/// A later mention takes the identity of the person it refers to, keeping its own words and span.
fn adopt(actor: &mut Actor, antecedent: &Actor) {
    actor.country = antecedent.country.clone();
    actor.sector = antecedent.sector.clone();
    actor.name = antecedent.name.clone();
    actor.code = antecedent.code.clone();
    actor.country_from = antecedent.country_from.clone();
}

pub(crate) fn resolve_later_mentions(cx: &Tokens, analyzed: &Analyzed, actors: &mut Vec<ActorMention>) {
    let mut by_surname: HashMap<&str, usize> = HashMap::new();
    for (i, m) in actors.iter().enumerate() {
        if m.kind == MentionKind::Person && m.actor.name.is_some() {
            by_surname.entry(cx.tokens[m.head].folded.as_str()).or_insert(i);
        }
    }
    if by_surname.is_empty() {
        return;
    }
    // Names the lexicon did not know may be a surname seen earlier with a title. So may a surname the
    // lexicon knows as someone else's: after "President Ana Duarte", "Duarte" is her, whoever else
    // bore the name.
    for k in 0..actors.len() {
        let m = &actors[k];
        if !matches!(m.kind, MentionKind::Name | MentionKind::Person) || m.tokens.len() != 1 {
            continue;
        }
        let Some(&first) = by_surname.get(cx.tokens[m.head].folded.as_str()) else { continue };
        if actors[first].tokens.start < m.tokens.start {
            let antecedent = actors[first].actor.clone();
            actors[k].kind = MentionKind::Person;
            adopt(&mut actors[k].actor, &antecedent);
        }
    }
    let mut covered = vec![false; cx.tokens.len()];
    for m in actors.iter() {
        covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut added = Vec::new();
    for (sentence, s) in analyzed.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            let t = &cx.tokens[i];
            if covered[i] || !(t.is_capitalized() || analyzed.all_caps) {
                continue;
            }
            let Some(&first) = by_surname.get(t.folded.as_str()) else { continue };
            let antecedent = &actors[first];
            if antecedent.tokens.start > i {
                continue;
            }
            let mut actor = actor_at(cx.text, cx, i..i + 1);
            adopt(&mut actor, &antecedent.actor);
            added.push(ActorMention { tokens: i..i + 1, head: i, kind: MentionKind::Person, actor, sentence });
        }
    }
    actors.extend(added);
    actors.sort_by_key(|m| m.tokens.start);
}
