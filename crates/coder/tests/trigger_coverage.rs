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

#[test]
fn property_destruction_phrasings() {
    assert_codes("Militants burned several shops in the northern town on Friday.", "1712");
    assert_codes("Witnesses said soldiers began torching huts after the raid.", "1712");
    assert_codes("Troops razed the village to the ground last week.", "1712");
    assert_codes("Insurgents destroyed two schools in the province.", "1712");
}

#[test]
fn burning_people_alive_is_a_killing_not_arson() {
    // "burn * alive" is shorter than "burn * shop": the longer guard row keeps the killing
    let evs = code("Rioters burned four traders alive in a shop in the old city.");
    assert!(evs.iter().any(|e| e.cameo == "1823") && evs.iter().all(|e| e.cameo != "1712"), "{evs:#?}");
}

#[test]
fn fires_that_destroy_homes_are_no_event() {
    // a wildfire burns houses; a place in its phrase is no actor doing it
    assert!(code("A wildfire in northern Greece has burned dozens of houses, officials said.").iter().all(|e| e.cameo_root != "17"));
    assert!(code("Smoke from burning buildings drifted over Aleppo on Tuesday.").iter().all(|e| e.cameo != "1712"));
}

#[test]
fn truces_deals_and_troop_moves() {
    assert_codes("Israel and Hamas agreed a truce late on Thursday.", "0871");
    assert_codes("Sudan and the rebels inked a peace accord in Juba.", "057");
    assert_codes("Russia is redeploying troops to its southern border.", "154");
    assert_codes("Venezuela moved troops to the border with Colombia.", "154");
    assert_codes("Rebels captured an army outpost near the border on Monday.", "192");
    assert_codes("The prime minister had lunch with the Japanese ambassador on Friday.", "040");
}

#[test]
fn a_person_captured_at_a_checkpoint_takes_no_territory() {
    assert!(code("Police said the rebel commander was captured at a checkpoint outside Goma.").iter().all(|e| e.cameo != "192"));
}

#[test]
fn troop_moves_truces_and_force_against_crowds() {
    assert_codes("Moscow has beefed up its military presence near the Finnish border.", "154");
    assert_codes("The army pulled its troops back from the frontline on Thursday.", "0874");
    assert_codes("The militia and the army reached a truce on Saturday.", "0871");
    assert_codes("Police baton-charged stone-throwing students in the city.", "175");
    assert_codes("Militants sabotaged a railway line in the east.", "1712");
}

#[test]
fn recovered_shells_are_no_attack() {
    // "mortar shells" found in a search are no firing: only shells that hit or land are
    assert!(code("Soldiers recovered mortar shells and rifles during a search in the valley.").iter().all(|e| e.cameo_root != "19"));
    assert_codes("Artillery shells hit a residential district of the city, the army said.", "194");
}

#[test]
fn an_inquiry_into_an_attack_is_no_attack() {
    let evs = code("The United Nations launched an investigation into the attack on the convoy.");
    assert!(evs.iter().any(|e| e.cameo_root == "09") && evs.iter().all(|e| e.cameo_root != "18"), "{evs:#?}");
    assert_codes("Tehran dismissed the offer of talks as a stunt.", "125");
}

#[test]
fn weapons_recovered_and_cities_taken_back() {
    assert_codes("Soldiers recovered a cache of rifles and grenades in the forest.", "1711");
    assert_codes("The army took back the town from the insurgents on Friday.", "192");
    // recovering from something is no seizure
    assert!(code("The president is trying to recover from the scandal over secret arms deals.").iter().all(|e| e.cameo != "1711"));
}

#[test]
fn meeting_a_deadline_or_a_target_is_no_meeting() {
    // "meet" in the sense of satisfying: the shadow rows give no event
    for text in [
        "Ghana met the deadline for repaying the loan, the finance ministry said.",
        "Brazil will not meet its emissions targets this decade, the minister said.",
        "The auditors said Peru meets all the conditions for the next tranche.",
        "Power plants in Egypt struggled to meet the rising demand for electricity.",
    ] {
        let evs = code(text);
        assert!(evs.iter().all(|e| e.cameo_root != "04" && e.cameo != "083"), "{text:?}: {evs:#?}");
    }
    // a meeting about targets is still a meeting: the gap stops short, or the "meet with"/"meet to" guards win
    assert_codes("The French envoy met with officials to discuss targets.", "040");
    assert_codes("The Chilean minister met with Bolivian diplomats over the deadline.", "040");
    // conceding to the demands of people stays 083
    assert_codes("Ecuador met the demands of the striking truckers on Friday.", "083");
}

#[test]
fn bombs_going_off_are_bombings_without_the_bomb_as_actor() {
    for text in [
        "A bomb went off near a bus stop in Peshawar on Monday.",
        "A bomb had gone off outside the courthouse in Mogadishu.",
        "The device went off as a Nigerian army convoy passed.",
        "A grenade exploded in a crowded market in Bujumbura.",
        "A landmine exploded under a police truck in Cauca.",
    ] {
        let evs = code(text);
        assert!(evs.iter().any(|e| e.cameo_root == "18"), "{text:?} should be a bombing: {evs:#?}");
    }
    let evs = code("A car bomb blew up outside the interior ministry in Baghdad.");
    assert!(evs.iter().any(|e| e.cameo == "1832") && evs.iter().all(|e| e.cameo != "183"), "one vehicular bombing: {evs:#?}");
    // a figurative time bomb is no bombing
    for text in ["Youth unemployment is a ticking time bomb for Tunisia, the report said.", "Italy faces a demographic time bomb, the minister warned."] {
        assert!(code(text).iter().all(|e| e.cameo_root != "18"), "{text:?}");
    }
}

#[test]
fn downing_an_aircraft_is_force_and_the_downed_plane_no_second_event() {
    let evs = code("Houthi rebels downed a Saudi drone over Saada, a spokesman said; the downed drone was shown on television.");
    assert_eq!(evs.iter().filter(|e| e.cameo == "190").count(), 1, "{evs:#?}");
    assert_codes("Ukrainian forces downed a Russian helicopter near Kharkiv.", "190");
    // the participle alone names no act
    assert!(code("Investigators reached the wreckage of the downed jet in eastern Ukraine.").iter().all(|e| e.cameo_root != "19"));
}

#[test]
fn wanted_for_a_crime_is_no_second_event() {
    // the "wanted for" charge cue keeps the crime out: only the arrest is news
    let evs = code("Colombian police arrested a man wanted for the kidnapping of a mayor.");
    assert!(evs.iter().any(|e| e.cameo == "173") && evs.iter().all(|e| e.cameo_root != "18"), "{evs:#?}");
}

#[test]
fn dynamite_and_placed_charges_are_bombings() {
    for text in [
        "Unknown attackers dynamited a power pylon outside Cajamarca on Sunday.",
        "Insurgents placed a charge of dynamite under a police truck in Huancayo.",
        "A powerful dynamite charge exploded outside the mayor's office in Ayacucho.",
        "The party headquarters in Rosario was destroyed by a bomb on Tuesday night.",
        "Bombs were set off outside two banks in central Cali, police said.",
    ] {
        let evs = code(text);
        assert!(evs.iter().any(|e| e.cameo.starts_with("183")), "{text:?} should be a bombing: {evs:#?}");
    }
    // the explosive named, not used: a find, no bombing
    let evs = code("Soldiers found forty sticks of dynamite in a farmhouse near the border.");
    assert!(evs.iter().all(|e| e.cameo_root != "18"), "{evs:#?}");
    // "placed in charge of" is no planted charge
    assert!(code("The colonel was placed in charge of the inquiry on Monday.").iter().all(|e| e.cameo_root != "18"));
}

#[test]
fn bombs_and_devices_exploding_after_an_auxiliary_or_a_gap() {
    assert_codes("Another device has exploded near the stock exchange in Lima.", "183");
    assert_codes("A bomb hidden in a parked van exploded near the barracks.", "183");
    assert_codes("Militants hurled explosives at the embassy gate on Friday.", "183");
    // the bomb squad reporting some other blast is no bombing
    let evs = code("Bomb squad officers said a gas cylinder exploded in the kitchen.");
    assert!(evs.iter().all(|e| e.cameo_root != "18"), "{evs:#?}");
}

#[test]
fn machinegunning_strafing_and_hostage_seizures() {
    assert_codes("Gunmen machinegunned a bus carrying farm workers near Santa Ana.", "193");
    assert_codes("Air force jets strafed rebel positions on the volcano.", "195");
    assert_codes("Armed men seized twelve hostages inside the bank branch.", "181");
    assert_codes("A town councillor was shot by two men on a motorbike in Cucuta.", "193");
    assert_codes("A car-bomb blew up outside the police academy in Bogota.", "1832");
    // the weapon named is no shooting, and freeing hostages is no seizure
    let evs = code("The raiders carried machineguns and hand grenades.");
    assert!(evs.iter().all(|e| e.cameo_root != "19"), "{evs:#?}");
    assert!(code("The rebels freed the hostages on Sunday.").iter().all(|e| e.cameo != "181"));
    // filming is no shooting
    assert!(code("Most of the documentary was shot in northern Chile last year.").iter().all(|e| e.cameo_root != "19"));
}

#[test]
fn assassination_as_a_bare_noun() {
    assert_codes("The senator's assassination on Friday shocked the country.", "186");
    // a threat or a plot is not the act
    for text in ["The judge left the country after receiving assassination threats.", "Police said they had uncovered an assassination plot against the president."] {
        assert!(code(text).iter().all(|e| e.cameo != "186"), "{text:?}");
    }
}

#[test]
fn acts_named_by_nouns_and_staged_rallies() {
    // A verb row after an article gives no event ("the arrest"), so the nouns have rows of their own.
    assert_codes("The arrest of four students in Dhaka angered the opposition.", "173");
    assert_codes("Hungary ordered the expulsion of three Iranian diplomats.", "161");
    // "announced" with an act named by a noun as its object is that act, by the announcer.
    let evs = code("Spain announced a suspension of air links with Venezuela on Friday.");
    assert_eq!(evs.first().and_then(|e| e.source.as_ref()).and_then(|s| s.country.as_deref()), Some("ESP"), "{evs:#?}");
    assert_codes("Teachers staged rallies in six cities against the pay cut.", "141");
}

#[test]
fn sub_codes_of_appeals_intents_cooperation_and_yielding() {
    assert_codes("The opposition called for sweeping electoral reform before the vote.", "0244");
    assert_codes("The junta called for a return to civilian rule.", "0244");
    assert_codes("The IMF urged Ghana to adopt economic reforms.", "0242");
    assert_codes("The Kremlin pledged to share intelligence with Ankara.", "0314");
    assert_codes("Norway pledged medical supplies to Lebanon.", "033");
    assert_codes("The junta promised to respect human rights.", "0343");
    assert_codes("Canada and Mexico agreed to resolve their lumber dispute.", "037");
    assert_codes("Colombia and Venezuela accepted a compromise formula proposed by Brazil.", "037");
    assert_codes("Washington and Moscow met in a third country, Finland.", "044");
    assert_codes("India and Brazil boosted bilateral trade last year.", "061");
    assert_codes("Russian and Chinese navies launched war games in the Pacific.", "062");
    assert_codes("Thailand eased visa rules for Indian tourists.", "081");
    assert_codes("The government shelved plans to raise fuel prices after protests.", "0832");
    assert_codes("Chad allowed Sudanese refugees to return home.", "0833");
    assert_codes("Kabul returned the remains of two Pakistani soldiers.", "084");
    assert_codes("Myanmar permitted aid convoys into Rakhine state.", "0863");
    // a market report, a business pledge, a drive and a stock rally are no events of these kinds
    assert!(code("The company pledged to supply the market with more chips.").iter().all(|e| e.cameo != "033"));
    assert!(code("The exercise of power is a matter for parliament.").is_empty());
    assert!(code("Stocks rallied on Friday.").is_empty());
}

#[test]
fn sub_codes_of_demands_threats_reductions_and_mass_expulsion() {
    assert_codes("Ottawa demanded that Seoul open its beef market.", "1011");
    assert_codes("Kiev demanded more assistance from Berlin.", "103");
    assert_codes("The rebels demanded humanitarian aid for the refugees.", "1033");
    assert_codes("The governor demanded that teachers call off their strike.", "1052");
    assert_codes("Tehran demanded that London return the seized tanker.", "1053");
    assert_codes("The Arab League rallied support against Israel.", "113");
    assert_codes("Sudan threatened ethnic cleansing of the Nuba.", "1385");
    assert_codes("Belgium pulled its peacekeepers out of Rwanda.", "1661");
    assert_codes("Nepal recalled its peacekeepers from Lebanon.", "1661");
    assert_codes("Khartoum ordered aid agencies to leave Darfur.", "1663");
    assert_codes("Ethiopia expelled relief agencies from the Ogaden.", "1663");
    assert_codes("Militias forced thousands of villagers from their homes.", "201");
    assert_codes("Soldiers forced out residents of the border village.", "201");
    // the economic noun "demand" is no demand, and a drive from home or a taking by force is no expulsion
    for text in ["Weak demand in open markets cut tariff revenue.", "Demand dropped as trade barriers rose."] {
        assert!(code(text).iter().all(|e| e.cameo_root != "10"), "{text:?}");
    }
    assert!(code("The hotel is a short drive from his home.").iter().all(|e| e.cameo_root != "20"));
    assert!(code("The kidnappers took the boy by force from his home.").iter().all(|e| e.cameo != "201"));
}

#[test]
fn a_trigger_ending_inside_its_objects_mention_still_codes() {
    // "aid agencies" is an actor that begins inside "expel * aid": the agencies are what was expelled.
    assert_codes("Niger expelled aid agencies from the north.", "1663");
    assert_codes("A court in Prague released opposition leader Ivan Novak on Friday.", "0841");
}

fn country_of(a: Option<&dyad_core::Actor>) -> Option<&str> {
    a.and_then(|a| a.country.as_deref())
}

#[test]
fn aid_provided_with_made_available_and_donated() {
    let evs = code("Japan provided Haiti with tents and blankets after the storm.");
    let aid = evs.iter().find(|e| e.cameo == "070").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!((country_of(aid.source.as_ref()), country_of(aid.target.as_ref())), (Some("JPN"), Some("HTI")), "{evs:#?}");
    assert_codes("Turkey supplied the Syrian refugees with winter clothing.", "070");
    assert_codes("The European Union made 300 tonnes of seed available to Malawi.", "070");
    assert_codes("Qatar made a large donation to the Palestinian Authority on Monday.", "070");
    // handing over information is sharing it, not aid
    assert_codes("Pakistan provided India with information about the suspects.", "064");
    assert_codes("Kabul made the information available to Tehran on Sunday.", "064");
    // a product supplied to customers, and "with" in another role, are no aid
    for text in [
        "The firm supplies car makers with steering parts, its chief executive said.",
        "The minister said the plan would provide growth with little inflation.",
    ] {
        assert!(code(text).iter().all(|e| e.cameo_root != "07"), "{text:?}: {:#?}", code(text));
    }
}

#[test]
fn pledged_assistance_and_money() {
    assert_codes("Sweden pledged humanitarian assistance to Yemen on Tuesday.", "0333");
    assert_codes("Britain pledged military assistance to Kenya.", "0332");
    let evs = code("Germany pledged 50 million euros to Jordan for schools.");
    let pledge = evs.iter().find(|e| e.cameo == "0331").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(country_of(pledge.source.as_ref()), Some("DEU"), "{evs:#?}");
    assert_codes("Japan pledged to give 10 million dollars to the refugee agency.", "0331");
    // a pledge to do something else is no aid pledge
    assert!(code("The mayor pledged to plant a million trees in the city.").iter().all(|e| !e.cameo.starts_with("033")));
}

#[test]
fn accepting_proposals_formulas_and_offers() {
    assert_codes("Peru accepted a formula for ending its border dispute with Ecuador.", "037");
    assert_codes("Serbia accepted the proposal put forward by the European Union.", "030");
    assert_codes("Hanoi accepted an offer of talks from Beijing.", "036");
    // a peace plan stays a peace plan
    assert_codes("The rebels accepted the peace plan on Friday.", "037");
    // the word "acceptable" is no acceptance
    assert!(code("Diplomats said the proposal was acceptable to neither side.").iter().all(|e| e.cameo != "030" && e.cameo != "037"));
}

#[test]
fn verbal_defence_of_an_actor() {
    let evs = code("Russia defended Syria against criticism over the chemical attacks.");
    let defence = evs.iter().find(|e| e.cameo == "052").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!((country_of(defence.source.as_ref()), country_of(defence.target.as_ref())), (Some("RUS"), Some("SYR")), "{evs:#?}");
    assert_codes("China came to the defence of Pakistan after the vote.", "052");
    assert_codes("The French minister spoke in defence of Mali's government.", "052");
    // a military defence is no verbal one
    assert!(code("Soldiers defended the town against a rebel assault.").iter().all(|e| e.cameo != "052"));
}

#[test]
fn hosting_counterparts_and_talks() {
    let evs = code("Egypt's president welcomed his Sudanese counterpart in Cairo on Sunday.");
    assert!(evs.iter().any(|e| e.cameo == "043") && evs.iter().all(|e| e.cameo != "051"), "{evs:#?}");
    // hosting talks announced for next week is an intent to meet (036), by the host
    let evs = code("Oman will host talks with Iranian officials next week.");
    let host = evs.iter().find(|e| e.cameo == "036").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(country_of(host.source.as_ref()), Some("OMN"), "{evs:#?}");
    // a host of problems is no hosting, and welcoming a decision stays praise
    assert!(code("Kenya faces a host of talks-related problems, analysts said.").iter().all(|e| e.cameo != "043"));
    assert_codes("Brazil welcomed the decision of the court.", "051");
    // a request from counterparts received is no visit hosted
    assert!(code("Italian police received a request from their Albanian counterparts.").iter().all(|e| e.cameo != "043"));
}

#[test]
fn airspace_and_bases_opened_to_foreign_forces() {
    let evs = code("Uzbekistan gave the United States permission to use its airspace.");
    let allow = evs.iter().find(|e| e.cameo == "086").unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!((country_of(allow.source.as_ref()), country_of(allow.target.as_ref())), (Some("UZB"), Some("USA")), "{evs:#?}");
    assert_codes("Turkey allowed American warplanes to use its air bases.", "086");
    // a violation of airspace is no permission, nor is use of a base by one's own army
    assert!(code("Russian jets violated Estonian airspace on Monday.").iter().all(|e| e.cameo != "086"));
    assert!(code("The air force uses the base for training flights.").iter().all(|e| e.cameo != "086"));
}

#[test]
fn stolen_and_looted_goods_and_skulls_returned() {
    assert_codes("Germany returned looted bronzes to Nigeria on Tuesday.", "0842");
    assert_codes("Police returned the stolen paintings to the museum in Kiev.", "0842");
    assert_codes("Germany returned the skulls of Herero victims to Namibia.", "084");
    // a return of people home, or of stolen goods found, is no property returned
    assert!(code("The thieves returned to the village with stolen cattle.").iter().all(|e| e.cameo != "0842"));
}

#[test]
fn defections_prisoner_exchanges_and_robberies() {
    assert_codes("Dozens of soldiers defected to the opposition in the north.", "0873");
    assert_codes("Armenia and Azerbaijan carried out an exchange of 40 prisoners on Friday.", "0841");
    assert_codes("Two men robbed a petrol station in Kumasi.", "1711");
}

fn assert_no_root(text: &str, roots: &[&str]) {
    let evs = code(text);
    assert!(evs.iter().all(|e| !roots.contains(&e.cameo_root.as_str())), "{text:?} should code nothing in roots {roots:?}: {evs:#?}");
}

#[test]
fn illness_sport_and_film_senses_of_violent_words_are_no_violence() {
    // medical attacks
    assert_no_root("The Kenyan ambassador suffered a heart attack in Nairobi on Monday.", &["18"]);
    assert_no_root("The Peruvian senator was treated for an asthma attack after the debate.", &["18"]);
    // sport: styles of play, fixtures and tie-breaks
    assert_no_root("Brazil's coach wants more attacking football from his side against Argentina.", &["18"]);
    assert_no_root("Ireland named an unchanged side for the league clash with Wales.", &["19"]);
    assert_no_root("Portugal beat Ghana in a penalty shootout on Sunday.", &["19"]);
    assert_no_root("Morocco must not let Senegal take control of the game, the coach said.", &["19"]);
    // filming
    assert_no_root("Shooting on the film starts in Morocco next month.", &["19"]);
    // a violent act is still one
    assert_codes("Gunmen attacked a police station in Peshawar on Monday.", "180");
    assert_codes("Rebels clashed with the army near Goma.", "193");
}

#[test]
fn business_senses_of_coercive_words_are_no_coercion() {
    assert_no_root("Merrill Lynch advised Nestle on the purchase of the Brazilian firm.", &["18"]);
    assert_no_root("Siemens executed a letter of intent with the Egyptian government.", &["18"]);
    assert_no_root("Vietnam must seize the opportunity offered by the trade pact, the minister said.", &["17"]);
    assert_no_root("German officials shot down the idea of a joint eurobond.", &["19"]);
    assert_no_root("Republicans in the Senate killed the legislation on Tuesday.", &["19"]);
    assert_no_root("Qatar's wealth fund plans to deploy more capital in Africa.", &["15"]);
    assert_no_root("The Chinese group took control of the Italian tyre company last year.", &["19"]);
    assert_no_root("The Indian government sanctioned Rs 500 crore for the dam.", &["16"]);
    assert_no_root("British unions condemned the Treasury's cash raid on pension funds.", &["17"]);
    // the violent senses stay
    assert_codes("Iran executed two men convicted of spying for Israel.", "1823");
    assert_codes("Rebels took control of the town of Bunia on Friday.", "192");
    assert_codes("Police seized two tonnes of cocaine in Guayaquil.", "1711");
}

#[test]
fn thanks_praise_and_loans_in_other_senses() {
    assert_no_root("Exports from Chile rose sharply thanks to record copper prices.", &["05", "03"]);
    assert_no_root("The new Kenyan finance minister hails from Mombasa.", &["05"]);
    assert_no_root("\"Thank you, Mr President,\" the Kenyan reporter said.", &["05"]);
    assert_no_root("Barclays cut its base lending rate to 5 percent, the Bank of England said.", &["07", "03", "12"]);
    assert_no_root("The report from Washington lent credence to claims of a rift in Iran.", &["07"]);
    assert_no_root("Google provides users in India with free storage.", &["07"]);
    // real thanks and loans stay
    assert_codes("The Egyptian foreign minister expressed his thanks to Japan.", "051");
    assert_codes("Japan lent Indonesia 500 million dollars.", "071");
}

#[test]
fn a_plan_that_meets_with_criticism_holds_no_meeting() {
    assert_no_root("The Kenyan plan met with criticism from Uganda.", &["04"]);
    assert_no_root("The French proposal met with a cool response in Berlin.", &["04"]);
    assert_no_root("Smugglers used the Guatemalan border town as a meeting point.", &["04"]);
    // meetings with people about the criticism are meetings
    assert_codes("The Kenyan president met with Ugandan officials to answer their criticism.", "040");
    assert_codes("The Kenyan president met with Ugandan officials on Monday.", "040");
}

#[test]
fn attacks_on_plans_and_standards_are_in_words() {
    assert_codes("The Labour leader attacked the government's plans for Wales.", "111");
    assert_no_root("The comedian attacked the declining standards of British television.", &["18"]);
    // an attack that was planned is an attack
    assert_codes("The attack on the army post in Kashmir was planned by militants from Pakistan.", "180");
}

#[test]
fn sporting_bans_and_banned_substances_are_no_political_ban() {
    assert_no_root("The Kenyan runner has never taken a banned substance, her lawyer said.", &["17"]);
    assert_no_root("The Scottish midfielder was banned for three matches for shoving the referee.", &["17"]);
    assert_no_root("The Jamaican sprinter was disqualified for a false start in the final.", &["17"]);
    assert_codes("Thailand banned the opposition party from the election.", "1722");
}

#[test]
fn figurative_hijacks_bombardments_occupations_and_risks_of_attack() {
    assert_no_root("Indian opposition leaders accused the ruling party of hijacking the debate on farm prices.", &["18"]);
    assert_no_root("Voters in Ohio were bombarded with campaign ads from both parties.", &["19"]);
    assert_no_root("The Kenyan minister has occupied the chair of the committee since 2019.", &["19"]);
    assert_no_root("French officials said the risk of a terrorist attack during the summit was high.", &["18"]);
    assert_no_root("Microsoft said unpatched computers in Brazil were left open to attack.", &["18"]);
    // the real acts stay
    assert_codes("Gunmen hijacked a bus carrying pilgrims in Nigeria.", "181");
    assert_codes("Russian artillery bombarded Kharkiv overnight.", "194");
}

#[test]
fn aid_handed_over_or_flown_in_and_territory_regained() {
    assert_codes("Japan handed over new hospital equipment and 40 ambulances to the Kenyan health ministry.", "070");
    assert_codes("Norway flew 20 tonnes of medicine into Sanaa on Friday.", "073");
    assert_codes("Sweden announced new humanitarian assistance for refugees in Chad.", "073");
    assert_codes("Malian troops regained control of the town of Ansongo on Sunday.", "192");
}
