//! The campaign carries state from chapter to chapter.

use parts_unlimited::level::{Condition, LevelSource, Policy, load_campaign};
use parts_unlimited::policy::{ScriptedPlayer, play_campaign};
use parts_unlimited::sim::campaign::CampaignState;

#[test]
fn the_campaign_runs_every_chapter_and_carries_state() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let (rows, state) = play_campaign(&campaign, 5, ScriptedPlayer::Flow);
    print!(
        "{}",
        parts_unlimited::cli::campaign_report(&rows, &state, 5, ScriptedPlayer::Flow)
    );
    assert_eq!(rows.len(), campaign.chapters().count());
    assert!(
        state.unlocked.contains(&Policy::ObjectiveLinks),
        "a policy a choice unlocked stays unlocked"
    );
    assert!(
        !state.flags.is_empty(),
        "choices leave flags for later chapters"
    );
    assert!(
        !state.learned.is_empty(),
        "the flow player has Brent write things down, and the learners keep the skill"
    );
}

#[test]
fn carried_state_shapes_the_next_level() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let mut level = campaign.chapter(1).unwrap().clone();
    level.tickets[0].only_if = Some(Condition::Flag("pushed-back".into()));
    level.tickets[1].only_if = Some(Condition::NotFlag("pushed-back".into()));
    let mut state = CampaignState::default();
    state
        .learned
        .entry("lena".into())
        .or_default()
        .insert("phoenix".into());
    state.technical_debt = 0.5;
    state.audit_findings = 3;
    let prepared = state.prepare(&level);
    assert!(
        prepared
            .team
            .iter()
            .find(|m| m.id == "lena")
            .unwrap()
            .skills
            .contains(&"phoenix".to_owned())
    );
    assert_eq!(prepared.technical_debt, level.technical_debt + 0.5);
    assert_eq!(
        prepared.business.audit_findings,
        level.business.audit_findings
    );
    assert_eq!(
        prepared.business.carried_findings, 3,
        "findings earlier chapters left stay open, apart from the chapter's own"
    );
    assert!(
        !prepared.tickets.iter().any(|t| t.id == level.tickets[0].id),
        "flag not set: ticket left out"
    );
    assert!(prepared.tickets.iter().any(|t| t.id == level.tickets[1].id));
    state.flags.insert("pushed-back".into());
    let prepared = state.prepare(&level);
    assert!(prepared.tickets.iter().any(|t| t.id == level.tickets[0].id));
    assert!(!prepared.tickets.iter().any(|t| t.id == level.tickets[1].id));
}

#[test]
fn saying_yes_in_chapter_4_makes_launch_night_worse() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let launch = campaign.chapter(12).unwrap();
    let incidents = |state: &CampaignState| {
        state
            .prepare(launch)
            .timeline
            .iter()
            .filter(|e| matches!(e.event, parts_unlimited::level::Event::Incident(_)))
            .count()
    };
    let pushed_back = CampaignState::default();
    let mut said_yes = CampaignState::default();
    said_yes.flags.insert("ch4-said-yes".into());
    assert_eq!(incidents(&said_yes), incidents(&pushed_back) + 1);
}

#[test]
fn what_brent_wrote_down_shortens_the_outage_in_chapter_28() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let chapter = campaign.chapter(28).unwrap();
    let diagnosis = |state: &CampaignState| {
        state
            .prepare(chapter)
            .timeline
            .iter()
            .find_map(|e| match &e.event {
                parts_unlimited::level::Event::Incident(i) if i.id == "pos-down" => {
                    Some(i.diagnose_hours)
                }
                _ => None,
            })
            .expect("one tills outage either way")
    };
    let mut documented = CampaignState::default();
    documented
        .learned
        .entry("lena".into())
        .or_default()
        .insert("phoenix".into());
    assert!(diagnosis(&documented) < diagnosis(&CampaignState::default()));
}

#[test]
fn a_choice_unlocks_for_good_but_a_level_offers_only_for_itself() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let mut state = CampaignState::default();
    for chapter in [7, 25] {
        let prepared = state.prepare(campaign.chapter(chapter).unwrap());
        let app = crate::support::play_app(&prepared, 3, &[], |world| {
            ScriptedPlayer::Flow.decide(world)
        });
        state.carry(app.world(), &prepared);
    }
    assert!(
        !state.unlocked.contains(&Policy::WipLimits),
        "the plant's WIP limits stay at the plant until Patty's kanban board (22)"
    );
    assert!(
        state.unlocked.contains(&Policy::ObjectiveLinks),
        "tracing work to objectives, chosen in 25, stays"
    );
}
