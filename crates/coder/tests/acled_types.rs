//! ACLED sub-event types of short reports of our own: the type of the report's main event (the
//! highest-confidence event with an ACLED type, the earliest on a tie).

use dyad_coder::Coder;
use dyad_core::Document;

fn main_type(text: &str) -> Option<String> {
    let doc = Document { id: "t".into(), text: text.into(), date: Some("2026-02-03".into()), ..Document::default() };
    let events = Coder::default().code(&doc).expect("codes").events;
    let mut best: Option<(f32, String)> = None;
    for e in events.into_iter().map(|c| c.event) {
        if let Some(a) = e.acled {
            if best.as_ref().is_none_or(|(c, _)| e.confidence > *c) {
                best = Some((e.confidence, a.sub_event_type));
            }
        }
    }
    best.map(|(_, t)| t)
}

fn assert_type(text: &str, want: &str) {
    assert_eq!(main_type(text).as_deref(), Some(want), "{text}");
}

#[test]
fn seized_found_defused_or_intercepted_weapons_are_disrupted() {
    assert_type("Kenyan police seized twelve rifles and 500 rounds of ammunition in Garissa on Monday.", "Disrupted weapons use");
    assert_type("Two explosive devices were found near a bus station in Kaduna on Tuesday.", "Disrupted weapons use");
    assert_type("Army engineers defused a roadside bomb outside Mosul on Sunday.", "Disrupted weapons use");
    assert_type("Saudi air defences intercepted a ballistic missile fired at Jazan.", "Disrupted weapons use");
    // An article before the weapon heads the passive clause's subject, not a noun use of the verb.
    assert_type("A bomb has been found near the courthouse in Mombasa.", "Disrupted weapons use");
    assert_type("The weapons were recovered from a warehouse in Lagos.", "Disrupted weapons use");
    // Weapons captured, destroyed or intercepted, in either voice.
    assert_type("Troops captured 40 rifles and a mortar during a raid near Kidal.", "Disrupted weapons use");
    assert_type("Dozens of pistols were captured at a checkpoint outside Juba.", "Disrupted weapons use");
    assert_type("Special forces destroyed heavy machine guns and rockets in a cave near Tora Bora.", "Disrupted weapons use");
    assert_type("Customs officers intercepted a shipment of ammunition bound for Misrata.", "Disrupted weapons use");
}

#[test]
fn destroyed_by_explosives_is_a_bombing_not_a_seizure() {
    assert_type("The police station was destroyed by explosives planted overnight in Quetta.", "Remote explosive/landmine/IED");
}

#[test]
fn mines_and_improvised_explosives_are_remote_explosives() {
    assert_type("A minibus hit a landmine near Kandahar on Sunday, killing five passengers.", "Remote explosive/landmine/IED");
    assert_type("An improvised explosive detonated near a police station in Imphal.", "Remote explosive/landmine/IED");
    assert_type("Three soldiers were killed when their truck ran over a ground mine laid by rebels.", "Remote explosive/landmine/IED");
}

#[test]
fn an_attack_takes_its_weapon_from_the_sentence_after_it() {
    assert_type("Gunmen attacked police posts in nine districts of Pattani on Friday. The attacks, mostly with grenades, wounded four officers.", "Grenade");
    // A next sentence that does not speak of the violence again says nothing of its means.
    assert_type("Gunmen attacked police posts in nine districts of Pattani on Friday. Separately, officials found grenades in a warehouse.", "Armed clash");
}

#[test]
fn seizure_without_weapons_stays_property() {
    assert_type("Soldiers looted shops and seized cattle in the market town of Bambari.", "Looting/property destruction");
}

#[test]
fn a_new_base_or_post_is_headquarters_established() {
    assert_type("Turkish troops set up a new military base near Tal Abyad on Friday.", "Headquarters or base established");
    assert_type("The army has established two observation posts along the river.", "Headquarters or base established");
}

#[test]
fn lethal_dispersal_of_a_protest_is_excessive_force() {
    assert_type("Police violently dispersed a peaceful rally in Minsk, firing live ammunition into the crowd.", "Excessive force against protesters");
    assert_type("Police fired tear gas to disperse students outside the ministry.", "Protest with intervention");
}

#[test]
fn protesters_fighting_or_blocking_roads_make_a_violent_demonstration() {
    assert_type("Protesters clashed with police in Lagos on Saturday.", "Violent demonstration");
    assert_type("Truck drivers blocked the main highway into Nairobi to protest fuel prices.", "Violent demonstration");
    // Police intervention against demonstrators who throw stones is still their violent demonstration.
    assert_type("Police fired tear gas at students who threw stones outside parliament in Kampala.", "Violent demonstration");
    assert_type("Police fired tear gas at students outside parliament in Kampala.", "Protest with intervention");
}

#[test]
fn the_thing_attacked_decides_clash_or_attack() {
    assert_type("Rebel fighters attacked an army checkpoint near Goma on Wednesday.", "Armed clash");
    assert_type("Militants attacked a convoy of government troops near Kidal.", "Armed clash");
    assert_type("Gunmen attacked villagers in Zamfara State, killing ten people.", "Attack");
}

#[test]
fn who_takes_a_place_decides_the_territory_type() {
    assert_type("Rebel fighters seized the district capital of Mbala after two days of fighting.", "Non-state actor overtakes territory");
    assert_type("Government troops recaptured three villages from the insurgents on Monday.", "Government regains territory");
    assert_type("The army freed two villages from militants in the east of the province.", "Government regains territory");
    assert_type("The insurgents took control of the border town after the army withdrew without resistance.", "Non-violent transfer of territory");
}

#[test]
fn a_withdrawal_near_a_clash_leaves_the_clash() {
    let doc = Document { id: "t".into(), text: "Clashes broke out between soldiers and rebels after the army withdrew from the hills.".into(), ..Document::default() };
    let events = Coder::default().code(&doc).expect("codes").events;
    let clash = events.iter().map(|c| &c.event).find(|e| e.cameo_root == "19").expect("a clash");
    assert_eq!(clash.acled.as_ref().map(|a| a.sub_event_type.as_str()), Some("Armed clash"), "{events:#?}");
}

#[test]
fn arrests_at_a_protest_are_an_intervention() {
    assert_type("Police detained dozens of students during a protest against tuition fees in Santiago.", "Protest with intervention");
    assert_type("Police arrested two opposition leaders in Santiago.", "Arrests");
}

#[test]
fn crime_for_profit_is_organised_crime() {
    // CASE 2021's extension type for what ACLED does not code: arrests and seizures in a sentence about
    // smuggling, drugs or theft, and robberies.
    assert_type("Police arrested two men suspected of robbing a bank in Santiago.", "ORG_CRIME");
    assert_type("Coast guards intercepted twelve suspected smugglers off the coast of Sicily.", "ORG_CRIME");
    assert_type("Mexican police seized 40 kg of cocaine in the port of Veracruz.", "ORG_CRIME");
    assert_type("Armed robbers attacked a petrol station in Accra on Sunday.", "ORG_CRIME");
    // Weapons seized with the drugs are still disrupted weapons use.
    assert_type("Mexican police seized guns and drugs in a raid on a house in Veracruz.", "Disrupted weapons use");
}

#[test]
fn sanctions_and_expulsions_are_diplomatic_and_claims_are_attribution() {
    assert_type("The European Union imposed new sanctions on Belarus over the crackdown.", "DIPLO");
    assert_type("Poland expelled two Russian diplomats on Tuesday.", "DIPLO");
    assert_type("The Pakistani Taliban claimed responsibility for the attack on a police post.", "ATTRIB");
    assert_type("Iran denied any involvement in the attack on the tanker.", "ATTRIB");
}

#[test]
fn troops_deployed_change_the_group_activity_but_based_is_no_base() {
    assert_type("Chad deployed troops to its northern border with Libya on Monday.", "Change to group/activity");
    let drill = main_type("The navy held a military exercise based on new war plans.");
    assert_ne!(drill.as_deref(), Some("Headquarters or base established"));
}

#[test]
fn releases_exchanges_truces_and_surrenders_are_agreements() {
    assert_type("Rebels and the army exchanged forty prisoners near Kindu on Friday.", "Agreement");
    assert_type("Two hundred militia fighters surrendered to the army in Ituri province.", "Agreement");
    assert_type("Rebel units retreated from the hills above Kindu on Friday.", "Non-violent transfer of territory");
}

#[test]
fn promises_and_talks_toward_a_truce_or_peace_deal_are_agreements() {
    assert_type("The junta agreed on Monday to a ceasefire with the ethnic armed groups in Shan State.", "Agreement");
    assert_type("Rebel leaders opened peace talks with the government in Addis Ababa.", "Agreement");
    // Talks about anything else have no ACLED type.
    assert_eq!(main_type("The two ministers held talks on trade in Lisbon."), None);
}

#[test]
fn property_set_on_fire_with_no_one_named_is_still_destruction() {
    assert_type("Dozens of shops were set alight in the old town on Tuesday night.", "Looting/property destruction");
    assert_eq!(main_type("Hundreds of homes were destroyed when the flood swept through the valley."), None);
}

#[test]
fn armed_men_who_change_sides_change_the_group_activity() {
    assert_type("Some 300 rebel fighters defected to the government in Upper Nile on Friday.", "Change to group/activity");
    assert_type("Two army commanders defected with their men near the border.", "Change to group/activity");
    assert_type("About 200 soldiers have reportedly defected from the garrison in Bentiu.", "Change to group/activity");
    // A manufacturing defect is no defection.
    assert_eq!(main_type("The carmaker recalled 2,000 vehicles over a brake defect."), None);
}

#[test]
fn joining_a_peaceful_protest_is_a_peaceful_protest() {
    assert_type("Thousands of students took part in a march through central Lima on Saturday.", "Peaceful protest");
    assert_type("Hundreds of nurses participated in a demonstration outside the health ministry.", "Peaceful protest");
    assert_type("About 3,000 residents gathered in the main square for a peaceful protest on Sunday.", "Peaceful protest");
}

#[test]
fn more_ways_of_sanctioning_and_expelling_are_diplomatic() {
    assert_type("Washington targeted Tehran with new sanctions on its oil sector.", "DIPLO");
    assert_type("The Treasury unveiled sanctions on three Iranian banks on Thursday.", "DIPLO");
    assert_type("Prague threw out two Russian diplomats over the explosion.", "DIPLO");
    assert_type("Beijing cancelled a meeting with the Lithuanian foreign minister.", "DIPLO");
}

#[test]
fn bank_and_shop_robberies_and_bribery_arrests_are_organised_crime() {
    assert_type("Three masked men robbed a bank in Nairobi on Tuesday.", "ORG_CRIME");
    assert_type("Gunmen robbed a jewelry store in Durban on Friday.", "ORG_CRIME");
    assert_type("Police arrested a customs officer in a bribery investigation in Mombasa.", "ORG_CRIME");
    // A figurative robbery is none.
    assert_eq!(main_type("Profit-taking robbed the currency of momentum on Friday."), None);
}

#[test]
fn suicide_bombers_detonating_explosives_are_suicide_bombs() {
    assert_type("A suicide bomber detonated explosives at a checkpoint in Mogadishu on Monday.", "Suicide bomb");
    assert_type("Militants set off a suicide vest outside a police station in Quetta.", "Suicide bomb");
    // A bombing whose bomb its bearer set off narrows from remote explosive to suicide bomb.
    assert_type("A bomb carried by a suicide bomber exploded at a wedding in Kabul.", "Suicide bomb");
}

#[test]
fn fighters_leaving_a_town_under_a_deal_transfer_it_without_violence() {
    assert_type("Rebel fighters withdrew from the town under an evacuation deal with the army.", "Non-violent transfer of territory");
}

#[test]
fn arrests_at_a_protest_whose_demonstrators_threw_things_are_a_violent_demonstration() {
    assert_type("Police arrested forty people in Leeds after stones were thrown at officers during a demonstration.", "Violent demonstration");
    // Arrests at a protest that stayed peaceful are an intervention in it.
    assert_type("Police arrested forty demonstrators at a protest outside parliament in Leeds.", "Protest with intervention");
}

#[test]
fn a_ban_or_curfew_takes_no_acled_type_from_its_sentence() {
    // ACLED counts no ban, curfew or deportation, whatever their sentence names.
    assert_eq!(main_type("The government banned the sale of cocaine and heroin in the capital on Monday."), None);
    assert_eq!(main_type("The governor imposed a curfew in the town after a demonstration on Sunday."), None);
}

#[test]
fn an_attack_on_an_unnamed_target_is_a_clash_when_the_next_sentence_has_it_hit_armed_men() {
    assert_type("Militants attacked a village near Kidal on Sunday. In the attack they killed three soldiers at a checkpoint.", "Armed clash");
    // Victims who cannot fight back leave it an attack on civilians.
    assert_type("Militants attacked a village near Kidal on Sunday. In the attack they killed three farmers.", "Attack");
}

#[test]
fn fighting_that_retook_a_place_is_the_recapture() {
    assert_type("Government troops clashed with rebels near Kidal on Sunday and recaptured the town.", "Government regains territory");
    assert_type("Government troops clashed with rebels near Kidal on Sunday.", "Armed clash");
}
