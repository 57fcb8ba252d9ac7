//! Behaviour of the whole pipeline on short reports of our own.

use dyad_coder::Coder;
use dyad_core::{AttributionKind, Confirmation, Document, Event, Modality};

fn code(text: &str) -> Vec<Event> {
    let doc = Document { id: "t".into(), text: text.into(), date: Some("2026-02-03".into()), ..Document::default() };
    Coder::default().code(&doc).expect("codes").events.into_iter().map(|c| c.event).collect()
}

fn with_root<'a>(events: &'a [Event], root: &str) -> Vec<&'a Event> {
    events.iter().filter(|e| e.cameo_root == root).collect()
}

fn code_of(a: &Option<dyad_core::Actor>) -> Option<&str> {
    a.as_ref().and_then(|a| a.code.as_deref())
}

/// The source (or target) of the first event with this CAMEO root.
fn first_actor<'a>(evs: &'a [Event], root: &str, source: bool) -> &'a dyad_core::Actor {
    let actor = with_root(evs, root).first().and_then(|e| if source { e.source.as_ref() } else { e.target.as_ref() });
    actor.unwrap_or_else(|| panic!("no {} for root {root}: {evs:#?}", if source { "source" } else { "target" }))
}

fn countries(e: &Event) -> (Option<&str>, Option<&str>) {
    (e.source.as_ref().and_then(|a| a.country.as_deref()), e.target.as_ref().and_then(|a| a.country.as_deref()))
}

#[test]
fn no_trigger_no_event() {
    assert!(code("The weather in Lima was mild on Sunday, and the markets were quiet.").is_empty());
    assert!(code("Peruvian officials spent the weekend at home.").is_empty());
}

#[test]
fn demonym_and_agent_noun_make_an_actor() {
    let evs = code("Colombian police arrested three members of a drug cartel on Friday.");
    let arrest = with_root(&evs, "17");
    assert_eq!(arrest.len(), 1, "{evs:#?}");
    assert_eq!(code_of(&arrest[0].source), Some("COLCOP"));
    assert_eq!(arrest[0].target.as_ref().and_then(|a| a.sector.as_deref()), Some("CRM"));
}

#[test]
fn title_gives_role_to_a_person_no_lexicon_knows() {
    let evs = code("Chilean Foreign Minister Ximena Oyarzún-Belloso met Argentine officials in Santiago.");
    let meet = with_root(&evs, "04");
    assert!(!meet.is_empty(), "{evs:#?}");
    let src = meet[0].source.as_ref().unwrap();
    assert_eq!((src.country.as_deref(), src.sector.as_deref()), (Some("CHL"), Some("GOV")));
    assert_eq!(src.name.as_deref(), Some("Ximena Oyarzún-Belloso"));
    assert_eq!(countries(meet[0]).1, Some("ARG"));
}

#[test]
fn a_common_word_opening_a_sentence_is_no_name() {
    // "Opinions" opens the sentence only, so it is no actor.
    let evs = code("Opinions on reaching an agreement with Kenya varied widely.");
    assert!(evs.iter().all(|e| e.source.as_ref().is_none_or(|a| a.text != "Opinions")), "{evs:#?}");
    // A name no lexicon knows still opens a sentence, and a common word before one leaves it whole.
    for text in ["Borvania reached an agreement with Kenya.", "Following the vote, Borvania reached an agreement with Kenya."] {
        let evs = code(text);
        assert_eq!(evs[0].source.as_ref().map(|a| a.text.as_str()), Some("Borvania"), "{evs:#?}");
    }
}

#[test]
fn common_words_in_a_title_case_headline_are_no_names() {
    // "Single Day" is no target; a full stop makes the sentence prose, whose capitals keep their names.
    let evs = code("Borvania Sees Three Drivers Murdered in Single Day");
    assert!(evs.iter().all(|e| e.target.as_ref().is_none_or(|a| a.text != "Single Day")), "{evs:#?}");
    let evs = code("The Government of Borvania has agreed to set up a National Centre of Excellence for Animation, Gaming and Visual Effects in Tarvos.");
    assert!(evs.iter().any(|e| e.target.as_ref().is_some_and(|a| a.text.contains("Centre"))), "{evs:#?}");
}

#[test]
fn the_first_person_is_no_name() {
    let evs = code("\"I'm optimistic about the talks,\" the envoy said.");
    assert!(evs.iter().all(|e| e.source.as_ref().is_none_or(|a| !a.text.starts_with('I'))), "{evs:#?}");
}

#[test]
fn a_weapon_written_in_capitals_is_not_the_target() {
    // "Improvised Explosive Device" is the pattern's noun, not someone the militants acted on.
    let evs = code("Militants exploded an Improvised Explosive Device near a market in Quetta.");
    let bombing = with_root(&evs, "18");
    assert!(bombing.iter().all(|e| e.target.as_ref().is_none_or(|a| !a.text.contains("Device"))), "{evs:#?}");
}

#[test]
fn a_country_word_naming_money_is_no_actor() {
    let evs = code("Colombian police seized five billion Colombian pesos from the gang.");
    assert_eq!(evs.iter().map(|e| e.cameo.as_str()).collect::<Vec<_>>(), ["1711"], "{evs:#?}");
    assert_eq!(evs[0].target.as_ref().map(|a| a.text.as_str()), Some("gang"), "the pesos are no Colombian target: {evs:#?}");
    let evs = code("Japan gave 500 million U.S. dollars to Kenya.");
    assert_eq!(countries(&evs[0]), (Some("JPN"), Some("KEN")), "{evs:#?}");
}

#[test]
fn declining_to_a_number_is_a_fall_not_a_refusal() {
    assert_eq!(with_root(&code("Borvania declined to attend the talks."), "12").len(), 1);
    assert!(with_root(&code("Borvania's output declined to 8.8 pct in May."), "12").is_empty());
}

#[test]
fn a_dotted_abbreviation_may_drop_its_last_period() {
    let evs = code("U.S federal agents arrested two smugglers in Texas.");
    assert_eq!(countries(&evs[0]).0, Some("USA"), "{evs:#?}");
}

#[test]
fn compound_modifiers_give_two_actors() {
    let evs = code("Officials said cooperation between Estonian and Latvian border guards has increased.");
    let coop = evs.iter().find(|e| e.cameo_root == "06").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(countries(coop), (Some("EST"), Some("LVA")));
    assert_eq!(coop.modality, Modality::Actual);
}

#[test]
fn capitals_stand_for_governments() {
    let evs = code("Beijing condemned the decision, and Tokyo rejected the criticism.");
    let condemn = with_root(&evs, "11");
    assert_eq!(code_of(&condemn[0].source), Some("CHNGOV"), "{evs:#?}");
}

#[test]
fn later_surname_resolves_to_the_titled_person() {
    let evs = code("Brazilian President Ana Duarte arrived in Lisbon on Monday. Duarte later criticized Portuguese lawmakers.");
    let crit = with_root(&evs, "11");
    assert!(!crit.is_empty(), "{evs:#?}");
    let src = crit[0].source.as_ref().unwrap();
    assert_eq!((src.country.as_deref(), src.name.as_deref()), (Some("BRA"), Some("Ana Duarte")));
    assert_eq!(countries(crit[0]).1, Some("PRT"));
}

#[test]
fn all_caps_wire_copy_is_coded() {
    let evs = code("SALVADORAN TROOPS CLASHED WITH GUERRILLAS NEAR THE CAPITAL YESTERDAY.");
    let fight = with_root(&evs, "19");
    assert!(!fight.is_empty(), "{evs:#?}");
    assert_eq!(code_of(&fight[0].source), Some("SLVMIL"));
}

#[test]
fn passive_voice_swaps_roles() {
    let evs = code("Two Nigerian soldiers were killed by militants in Borno state.");
    let e = evs.iter().find(|e| e.cameo_root == "18" || e.cameo_root == "19").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(e.source.as_ref().and_then(|a| a.sector.as_deref()), Some("REB"));
    assert_eq!(code_of(&e.target), Some("NGAMIL"));
}

#[test]
fn an_armed_group_before_a_plural_act_is_its_agent() {
    // "in Taliban attacks": the attacks are the Taliban's, not the police officer's before them.
    let evs = code("Two police officers were wounded in Taliban attacks in the province of Kunduz.");
    let attack = evs.iter().find(|e| e.cameo == "180").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(attack.source.as_ref().map(|a| a.text.as_str()), Some("Taliban"), "{evs:#?}");
    // A company before the act is what was attacked, not who attacked.
    let evs = code("The minister said Iran was responsible for the Aramco attacks.");
    assert!(evs.iter().all(|e| e.source.as_ref().is_none_or(|a| a.text != "Aramco")), "{evs:#?}");
}

#[test]
fn a_headline_participle_is_passive() {
    // Headlines drop "was": the noun before the participle is the one acted on, and "by" names the agent.
    for (headline, cameo, target) in [
        ("Opposition leader arrested in Harare", "173", "Opposition leader"),
        ("Two Kenyan journalists kidnapped", "181", "Kenyan journalists"),
        ("Nigerian traders deported from Ghana by police", "174", "Nigerian traders"),
        // A title-case headline may keep its full stop.
        ("Three Peruvian Miners Kidnapped in Bolivia.", "181", "Peruvian Miners"),
    ] {
        let evs = code(headline);
        assert_eq!(evs.len(), 1, "{headline}: {evs:#?}");
        assert_eq!((evs[0].cameo.as_str(), evs[0].target.as_ref().map(|a| a.text.as_str())), (cameo, Some(target)), "{headline}");
    }
    assert_eq!(code("Nigerian traders deported from Ghana by police")[0].source.as_ref().map(|a| a.text.as_str()), Some("police"));
    // Prose with a full stop and no object is not read as a headline.
    let evs = code("Police arrested the opposition leader in Harare.");
    assert_eq!(evs[0].source.as_ref().map(|a| a.text.as_str()), Some("Police"), "{evs:#?}");
}

#[test]
fn planned_possible_and_negated_are_not_actual() {
    let planned = code("Turkish troops are preparing to attack Kurdish militants.");
    // CAMEO codes a planned attack as a threat of force; the attack itself is kept as the act.
    let threat = with_root(&planned, "13");
    let t = threat.first().unwrap_or_else(|| panic!("{planned:#?}"));
    assert_eq!(t.modality, Modality::Planned);
    assert!(t.act.as_ref().is_some_and(|a| a.cameo.starts_with("18") || a.cameo.starts_with("19")), "{t:#?}");
    assert!(with_root(&planned, "19").is_empty() && with_root(&planned, "18").is_empty(), "{planned:#?}");
    let possible = code("Indian troops could attack Pakistani militants if talks fail.");
    // A merely possible act keeps its own code, marked possible.
    assert!(possible.iter().filter(|e| e.cameo_root.as_str() >= "18").all(|e| e.modality == Modality::Possible && e.act.is_none()), "{possible:#?}");
    let negated = code("Greek police did not arrest the Albanian smugglers.");
    assert_eq!(with_root(&negated, "17").first().map(|e| e.modality), Some(Modality::Negated), "{negated:#?}");
}

#[test]
fn declined_comment_is_an_event_of_its_own() {
    let evs = code("The Kenyan government has not commented on the report.");
    let decline = with_root(&evs, "01");
    assert_eq!(decline.len(), 1, "{evs:#?}");
    assert_eq!(decline[0].cameo, "011");
    assert_eq!(code_of(&decline[0].source), Some("KENGOV"));
    assert_eq!(decline[0].modality, Modality::Actual);
}

#[test]
fn reported_speech_attributes_instead_of_coding_the_speaker() {
    let evs = code("The Ukrainian Defense Ministry said Russian forces shelled Kharkiv overnight.");
    let e = evs.iter().find(|e| e.cameo_root == "19").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(countries(e).0, Some("RUS"));
    let att = e.attribution.as_ref().unwrap();
    assert_eq!(att.kind, AttributionKind::Named);
    assert_eq!(e.confirmation, Some(Confirmation::Confirmed));
}

#[test]
fn the_first_person_of_a_quote_is_its_speaker() {
    let evs = code("\"We will not negotiate with the rebels,\" the interior minister said.");
    let e = evs.first().unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(e.source.as_ref().map(|a| a.text.as_str()), Some("interior minister"), "{evs:#?}");
    assert_eq!(e.modality, Modality::Negated);
}

#[test]
fn an_according_to_phrase_is_all_speaker() {
    // "Ombudsman" belongs to the phrase that reports the killings; it is not their target.
    let evs = code("According to Borvania's Human Rights Ombudsman, 40 people were murdered on public buses.");
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].target.is_none(), "{evs:#?}");
    assert_eq!(evs[0].attribution.as_ref().map(|a| a.text.as_str()), Some("Borvania's Human Rights Ombudsman"));
}

#[test]
fn anonymous_sources_leave_events_unconfirmed() {
    let evs = code("Two people familiar with the matter said Iranian officials met Saudi diplomats in Baghdad.");
    let e = with_root(&evs, "04");
    assert!(!e.is_empty(), "{evs:#?}");
    assert_eq!(e[0].attribution.as_ref().map(|a| a.kind), Some(AttributionKind::Anonymous));
    assert_eq!(e[0].confirmation, Some(Confirmation::Unconfirmed));
}

#[test]
fn outlet_chain_and_later_non_confirmation() {
    let text = "According to a Reuters report, the Venezuelan government is planning to expel Guyanese diplomats. \
        Officials familiar with the plan told Reuters it could happen within weeks. \
        The Venezuelan presidency has not publicly confirmed the decision.";
    let evs = code(text);
    let expel = evs.iter().find(|e| e.act.as_ref().is_some_and(|a| a.cameo.starts_with("17") || a.cameo.starts_with("16"))).unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(expel.modality, Modality::Planned);
    assert_eq!(expel.confirmation, Some(Confirmation::Unconfirmed));
    let att = expel.attribution.as_ref().unwrap();
    assert_eq!(att.kind, AttributionKind::Anonymous);
    assert_eq!(att.via.as_deref(), Some("Reuters"));
}

#[test]
fn denial_marks_the_event_denied() {
    let evs = code("The Interior Ministry denied that Egyptian police had beaten the protesters.");
    let e = evs.iter().find(|e| e.cameo_root == "18").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(e.confirmation, Some(Confirmation::Denied));
}

#[test]
fn codes_carry_their_table_values() {
    let evs = code("Colombian police arrested three opposition activists on Friday.");
    let e = &with_root(&evs, "17")[0];
    assert_eq!(e.quad_class, 4);
    assert!(e.goldstein < 0.0);
    assert_eq!(e.plover.event_type.as_deref(), Some("COERCE"));
    assert_eq!(e.acled.as_ref().map(|a| a.sub_event_type.as_str()), Some("Arrests"));
    // Published Tuesday 2026-02-03; "on Friday" is the Friday before.
    assert_eq!((e.date.as_deref(), e.date_precision.as_deref()), (Some("2026-01-30"), Some("day")));
}

#[test]
fn undated_events_take_the_publication_date() {
    let evs = code("Colombian police arrested three members of a drug cartel.");
    let e = &with_root(&evs, "17")[0];
    assert_eq!((e.date.as_deref(), e.date_precision.as_deref()), (Some("2026-02-03"), Some("publication")));
}

fn code_on(text: &str, date: Option<&str>) -> Vec<Event> {
    let doc = Document { id: "t".into(), text: text.into(), date: date.map(str::to_string), ..Document::default() };
    Coder::default().code(&doc).expect("codes").events.into_iter().map(|c| c.event).collect()
}

#[test]
fn known_people_take_the_office_they_held_on_the_report_date() {
    let text = "Obama condemned the attack on the embassy.";
    let source = |date| code_on(text, date).into_iter().find(|e| e.cameo_root == "11").and_then(|e| e.source).unwrap_or_else(|| panic!("no source on {date:?}"));
    let in_office = source(Some("2012-05-01"));
    assert_eq!((in_office.code.as_deref(), in_office.name.as_deref()), (Some("USAGOV"), Some("Barack Obama")));
    // Years after his term he is a former official: CAMEO's elites, not the government.
    assert_eq!(source(Some("2024-05-01")).code.as_deref(), Some("USAELI"));
    // With no date, the latest office listed.
    assert_eq!(source(None).code.as_deref(), Some("USAGOV"));
    // With no date and a title, the latest office of the title's kind: the prime minister, not the later envoy.
    let blair = |text| code_on(text, None).into_iter().find(|e| e.cameo_root == "11").and_then(|e| e.source).and_then(|a| a.code);
    assert_eq!(blair("Prime Minister Tony Blair condemned the attack.").as_deref(), Some("GBRGOV"));
    assert_eq!(blair("Tony Blair condemned the attack.").as_deref(), Some("GBRIGO"));
}

#[test]
fn a_title_before_a_known_person_is_one_mention() {
    let evs = code_on("President Vladimir Putin met Chinese officials in Moscow.", Some("2019-06-05"));
    let src = first_actor(&evs, "04", true);
    assert_eq!((src.text.as_str(), src.code.as_deref(), src.name.as_deref()), ("President Vladimir Putin", Some("RUSGOV"), Some("Vladimir Putin")));
}

#[test]
fn a_named_group_before_an_agent_noun_is_the_group() {
    let evs = code("Hezbollah guerrillas wounded two soldiers near the border.");
    let src = first_actor(&evs, "19", true);
    assert_eq!((src.text.as_str(), src.code.as_deref()), ("Hezbollah guerrillas", Some("LBNREBHEZ")));
}

#[test]
fn agents_with_no_stated_country_are_the_home_countrys() {
    let evs = code("Peruvian police clashed with protesters in Lima. The protesters blocked roads on Monday.");
    let protest = evs.iter().find(|e| e.cameo_root == "14").unwrap_or_else(|| panic!("{evs:#?}"));
    let src = protest.source.as_ref().unwrap();
    assert_eq!((src.country.as_deref(), src.country_from.as_deref()), (Some("PER"), Some("document")));
}

#[test]
fn announced_acts_are_plover_announcements() {
    let plover = |text: &str| code(text).into_iter().map(|e| (e.plover.event_type.unwrap_or_default(), e.modality)).collect::<Vec<_>>();
    assert!(plover("Israel will withdraw its troops from southern Lebanon next month.").contains(&("AGREE".into(), Modality::Planned)));
    assert!(plover("Turkey plans to impose sanctions on Syria.").contains(&("THREATEN".into(), Modality::Planned)));
    assert!(plover("Turkey imposed sanctions on Syria.").iter().all(|(t, m)| t != "THREATEN" && *m == Modality::Actual));
}

#[test]
fn actors_sharing_a_role_make_one_event() {
    let evs = code("Hungarian and Romanian officials signed a border agreement with Serbia and Croatia.");
    let signed = with_root(&evs, "05");
    assert_eq!(signed.len(), 1, "{evs:#?}");
    let e = signed[0];
    let co = |actors: &[dyad_core::Actor]| actors.iter().map(|a| a.country.clone().unwrap_or_default()).collect::<Vec<_>>();
    assert_eq!((countries(e), co(&e.co_sources), co(&e.co_targets)), ((Some("HUN"), Some("SRB")), vec!["ROU".to_string()], vec!["HRV".to_string()]));
}

#[test]
fn an_ethnic_group_is_coded_by_where_it_lives() {
    let evs = code("Serbian police detained five ethnic Hungarians near the border in Serbia.");
    let target = first_actor(&evs, "17", false);
    assert_eq!((target.text.as_str(), target.country.as_deref(), target.sector.as_deref()), ("ethnic Hungarians", Some("SRB"), Some("CVL")));
}

#[test]
fn a_country_word_before_a_people_says_where_they_live() {
    let evs = code("Bosnian Croats protested against the new tax law.");
    let src = first_actor(&evs, "14", true);
    assert_eq!((src.text.as_str(), src.code.as_deref()), ("Bosnian Croats", Some("BIHCVL")));
}

#[test]
fn a_group_of_people_is_still_the_subject() {
    let evs = code("A group of Kenyan lawmakers criticized the budget.");
    let crit = with_root(&evs, "11");
    assert_eq!(crit.first().and_then(|e| code_of(&e.source)), Some("KENLEG"), "{evs:#?}");
}

#[test]
fn protesters_who_march_or_gather_protest() {
    // The agent noun opening a verb trigger is its subject, even with another actor earlier in the sentence.
    let evs = code("As police watched from a distance, hundreds of demonstrators marched in the centre of Lyon.");
    let protest = with_root(&evs, "14");
    assert_eq!(protest.first().map(|e| e.cameo.as_str()), Some("141"), "{evs:#?}");
    assert_eq!(protest[0].source.as_ref().map(|a| a.text.as_str()), Some("demonstrators"), "{evs:#?}");
    assert_eq!(protest[0].acled.as_ref().map(|a| a.sub_event_type.as_str()), Some("Peaceful protest"));
    let evs = code("Protesters clashed with riot police outside the ministry.");
    let riot = with_root(&evs, "14");
    assert_eq!(riot.first().and_then(|e| e.source.as_ref()).map(|a| a.text.as_str()), Some("Protesters"), "{evs:#?}");
    // Gathering is no protest when others do it.
    assert!(with_root(&code("Ministers gathered in Oslo for the annual summit."), "14").is_empty());
}

#[test]
fn a_place_in_apposition_to_a_place_noun_is_where() {
    // "in the capital, Nairobi, and criticized": Nairobi is where the speaker was, not who criticized.
    for (text, critic) in [
        ("Activists marched in the capital, Nairobi, and criticized the new tax law.", "Activists"),
        ("The senator spoke in the capital, Nairobi, and criticized the opposition.", "senator"),
    ] {
        let evs = code(text);
        let criticism = with_root(&evs, "11");
        assert_eq!(criticism.first().and_then(|e| e.source.as_ref()).map(|a| a.text.as_str()), Some(critic), "{evs:#?}");
    }
}

#[test]
fn the_subject_of_a_verb_of_suffering_is_the_target() {
    for text in ["The governor survived an assassination attempt by gunmen in Kano.", "The army repelled an attack by rebels on its base."] {
        let evs = code(text);
        let violence = with_root(&evs, "18");
        let e = violence.first().unwrap_or_else(|| panic!("{text}: {evs:#?}"));
        assert_eq!(e.target.as_ref().and_then(|a| a.sector.as_deref()), Some(if text.contains("governor") { "GOV" } else { "MIL" }), "{text}: {evs:#?}");
        assert!(e.source.as_ref().is_some_and(|a| a.text.contains("gunmen") || a.text.contains("rebels")), "{text}: {evs:#?}");
    }
    // A verb of suffering in a clause of the subject's own leaves the subject the agent.
    let evs = code("Rebels who escaped from prison attacked the town.");
    assert_eq!(with_root(&evs, "18").first().and_then(|e| e.source.as_ref()).map(|a| a.text.as_str()), Some("Rebels"), "{evs:#?}");
}

#[test]
fn an_adverb_opening_a_sentence_is_no_name() {
    let evs = code("Additionally, reaching an agreement with Kenya proved hard.");
    assert!(!evs.is_empty() && evs.iter().all(|e| e.source.is_none()), "{evs:#?}");
}

#[test]
fn the_agent_of_an_object_is_the_target() {
    let evs = code("Chile condemned an attack by Bolivian soldiers on Tuesday.");
    let condemn = with_root(&evs, "11");
    assert_eq!(condemn.first().map(|e| countries(e)), Some((Some("CHL"), Some("BOL"))), "{evs:#?}");
}

#[test]
fn a_country_inside_the_trigger_is_the_target() {
    let evs = code("Japan will give Kenya a grant to build new roads.");
    let aid = with_root(&evs, "03");
    assert_eq!(aid.first().map(|e| countries(e)), Some((Some("JPN"), Some("KEN"))), "{evs:#?}");
}

#[test]
fn a_subjects_own_forces_leave_the_country_as_target() {
    let evs = code("Kenya speeded up the withdrawal of some forces from Somalia on Monday.");
    let withdraw = with_root(&evs, "08");
    assert_eq!(withdraw.first().map(|e| countries(e)), Some((Some("KEN"), Some("SOM"))), "{evs:#?}");
}

#[test]
fn a_pronoun_opening_a_sentence_is_the_person_named_before() {
    let evs = code("Ecuadorian Interior Minister Rosa Alvarado arrived in Lima on Monday. She criticized Peruvian officials on Tuesday.");
    let src = first_actor(&evs, "11", true);
    assert_eq!((src.code.as_deref(), src.name.as_deref()), (Some("ECUGOV"), Some("Rosa Alvarado")));
    assert_eq!(first_actor(&evs, "11", false).country.as_deref(), Some("PER"));
}

#[test]
fn an_appositive_title_names_the_person_beside_it() {
    let evs = code("Tomas Varga, Slovakia's deputy foreign minister, criticized Hungarian officials.");
    let src = first_actor(&evs, "11", true);
    assert_eq!((src.country.as_deref(), src.sector.as_deref()), (Some("SVK"), Some("GOV")));
}

#[test]
fn a_bare_armed_group_is_the_one_of_its_kind_the_story_named() {
    let text = "WASHINGTON — The U.S. is weighing strikes on Colombian guerrillas, officials said. \
                The Pentagon said the rebels had attacked a U.S. base. American officials met in Washington on Monday.";
    let doc = Document { id: "t".into(), text: text.into(), ..Document::default() };
    let mentions = Coder::default().code(&doc).expect("codes").mentions;
    let rebels = mentions.actors.iter().find(|m| m.actor.text == "rebels").unwrap_or_else(|| panic!("{mentions:#?}"));
    assert_eq!(rebels.actor.country.as_deref(), Some("COL"), "not the story's home country, USA");
}

#[test]
fn verbs_listed_after_a_subordinate_verb_share_its_clause() {
    // The attack and the looting are one list in the "after" clause: both background to the
    // complaint, not a main looting that pushes the attack out.
    let evs = code("Traders in Ibadan complained after hoodlums attacked the market, looted shops and burned cars.");
    assert!(!with_root(&evs, "18").is_empty(), "{evs:#?}");
    assert!(evs.iter().any(|e| e.cameo == "1711"), "{evs:#?}");
}

#[test]
fn one_plural_group_between_is_on_both_sides() {
    let evs = code("Clashes between rival militias killed four people in Tripoli on Sunday.");
    let clash = with_root(&evs, "19");
    assert_eq!(clash.len(), 1, "{evs:#?}");
    assert_eq!((clash[0].source.as_ref().map(|a| a.text.as_str()), clash[0].target.as_ref().map(|a| a.text.as_str())), (Some("militias"), Some("militias")));
    // A partner the lexicon does not know leaves the group on one side only.
    let evs = code("The minister called for more meetings between ministers and the electorate.");
    assert!(evs.iter().all(|e| e.source.as_ref().map(|a| &a.text) != e.target.as_ref().map(|a| &a.text)), "{evs:#?}");
}

#[test]
fn an_agent_after_a_partitive_is_the_source() {
    let evs = code("Two journalists were kidnapped by suspected members of a drug cartel in Sinaloa.");
    assert_eq!(first_actor(&evs, "18", true).sector.as_deref(), Some("CRM"), "{evs:#?}");
    assert_eq!(first_actor(&evs, "18", false).text, "journalists");
    let evs = code("The convoy was ambushed by a group of militiamen near Beni.");
    assert_eq!(first_actor(&evs, "19", true).text, "militiamen", "{evs:#?}");
    // A number stands between "by" and the agent as before.
    let evs = code("The slums will be occupied by 1,000 soldiers.");
    assert!(evs.iter().any(|e| e.source.as_ref().is_some_and(|a| a.text.contains("soldiers"))), "{evs:#?}");
}

#[test]
fn a_report_verb_that_is_the_trigger_keeps_its_speaker_as_source() {
    // A speaker takes no part in what it reports, but a denial or warning is its own act.
    let evs = code("The ministry denied the charges of torture.");
    assert_eq!(first_actor(&evs, "01", true).text, "ministry", "{evs:#?}");
    let evs = code("The army warned the rebels.");
    assert_eq!(first_actor(&evs, "13", true).text, "army", "{evs:#?}");
    // The reported act keeps its own actors.
    let evs = code("The army said rebels attacked a convoy near Goma.");
    assert_eq!(first_actor(&evs, "18", true).text, "rebels", "{evs:#?}");
}
