//! The later chapters play fair: bridges hold past a shift, hand-offs spare the constraint,
//! policies carry over, choices set what they name, and the checker catches data that
//! contradicts itself.

use parts_unlimited::level::{LevelSource, Policy, load_campaign, parse_level};
use parts_unlimited::sim::commands::execute;
use parts_unlimited::sim::{Column, Incidents, PlayerCommand, TicketState, board};

use crate::support::{SEEDS, mean, new_chapter, scenario};

/// Ana builds, Tom and Brent deploy; Tom goes home after four hours.
const RELAY: &str = r#"Level(
    chapter: 903, title: "Lesson: hand-offs", date: "test", days: 10,
    cast: [
        Character(id: "brent", name: "Brent", role: "Lead engineer"),
        Character(id: "ana", name: "Ana", role: "Developer"),
        Character(id: "tom", name: "Tom", role: "Operations"),
    ],
    team: [
        TeamMember(id: "brent", skills: ["deploy", "phoenix"], constraint: true),
        TeamMember(id: "ana", skills: ["build"]),
        TeamMember(id: "tom", skills: ["deploy"], hours_per_day: 4),
    ],
    systems: [SystemDef(id: "store", name: "Store", skill: "deploy", revenue_share: 1.0)],
    arrivals: [
        ArrivalDef(per_day: 5.0, ticket: TicketDef(id: "feature", title: "Feature", kind: Business,
            route: [Step(skill: "build", hours: 1.0), Step(skill: "deploy", hours: 0.5)],
            assign_to: "ana")),
    ],
    questions: ["Who deployed?"],
)"#;

fn relay() -> parts_unlimited::level::Level {
    scenario("relay.ron", RELAY)
}

fn person(app: &bevy::prelude::App, key: &str) -> parts_unlimited::sim::PersonId {
    board::person_by_key(app.world(), key).unwrap()
}

#[test]
fn a_hand_off_goes_to_someone_free_before_the_constraint_and_to_someone_at_work() {
    let mut app = new_chapter(&relay(), 2);
    execute(app.world_mut(), PlayerCommand::Advance { hours: 4 }).unwrap();
    let (brent, tom) = (person(&app, "brent"), person(&app, "tom"));
    let deployed_by = |app: &bevy::prelude::App, who| {
        board::all_tickets(app.world())
            .into_iter()
            .filter(|t| t.step == 1 && t.holder == Some(who))
            .count()
    };
    let queued_at_brent_while_tom_works = deployed_by(&app, brent);
    // Through the evening Tom is gone: hand-offs go to Brent, who is at work.
    execute(app.world_mut(), PlayerCommand::Advance { hours: 3 }).unwrap();
    let late = board::all_tickets(app.world())
        .into_iter()
        .filter(|t| t.step == 1 && t.state == TicketState::Queued)
        .map(|t| t.holder)
        .collect::<Vec<_>>();
    println!(
        "while Tom works, {queued_at_brent_while_tom_works} deploy steps wait at Brent; after he leaves, the queued ones are with {late:?}"
    );
    assert_eq!(
        queued_at_brent_while_tom_works, 0,
        "Tom was free: Brent got none"
    );
    assert!(
        late.iter().all(|&h| h == Some(brent) || h == Some(tom)),
        "{late:?}"
    );
    assert!(
        late.contains(&Some(brent)),
        "with Tom gone, the work goes to someone at work"
    );
}

#[test]
fn the_constraint_carries_less_when_hand_offs_spare_it() {
    let mut spared = Vec::new();
    let mut plain = Vec::new();
    for seed in 0..SEEDS {
        for (reserve, out) in [(1.0, &mut spared), (0.0, &mut plain)] {
            let mut level = relay();
            level.team[2].hours_per_day = 8;
            level.tuning.handoff_constraint_reserve = reserve;
            let app = crate::support::play_app(&level, seed, &[], |_| Vec::new());
            let brent = board::all_people(app.world())
                .into_iter()
                .find(|p| p.constraint)
                .unwrap()
                .stats
                .utilization();
            out.push(brent);
        }
    }
    let (spared, plain) = (mean(&spared), mean(&plain));
    println!(
        "Brent busy {:.0}% when hand-offs spare him, {:.0}% when they go to whoever is least loaded",
        spared * 100.0,
        plain * 100.0
    );
    assert!(spared < plain * 0.8, "the constraint's load falls");
}

#[test]
fn a_bridge_keeps_its_responders_past_their_shift_and_takes_in_more() {
    let mut app = new_chapter(&relay(), 1);
    let (tom, brent) = (person(&app, "tom"), person(&app, "brent"));
    // An outage late in Tom's day, on a bridge he staffs alone.
    execute(app.world_mut(), PlayerCommand::Advance { hours: 3 }).unwrap();
    execute(
        app.world_mut(),
        PlayerCommand::Inject {
            event: parts_unlimited::sim::commands::Injection::Sev1,
        },
    )
    .unwrap();
    let incident = app.world().resource::<Incidents>().0[0].id;
    execute(
        app.world_mut(),
        PlayerCommand::DeclareSev1 {
            incident,
            responders: vec![tom],
        },
    )
    .unwrap();
    execute(app.world_mut(), PlayerCommand::Advance { hours: 2 }).unwrap();
    let on_call = board::person(app.world(), tom).unwrap();
    assert_eq!(
        on_call.on_bridge,
        Some(incident),
        "still on the bridge after hours"
    );
    assert!(on_call.stats.overtime > 0.0, "and the overtime is counted");
    // Brent is called on to finish it.
    execute(
        app.world_mut(),
        PlayerCommand::JoinBridge {
            incident,
            person: brent,
        },
    )
    .unwrap();
    execute(app.world_mut(), PlayerCommand::Advance { hours: 4 }).unwrap();
    let i = app.world().resource::<Incidents>().0[0].clone();
    assert!(i.restored.is_some(), "the bridge restored service");
    let tom_now = board::person(app.world(), tom).unwrap();
    println!(
        "Tom: {:.1} h overtime, {:.1} h lost to tiredness the next day",
        tom_now.stats.overtime, tom_now.stats.tired
    );
    let leave = execute(
        app.world_mut(),
        PlayerCommand::LeaveBridge {
            incident,
            person: tom,
        },
    )
    .unwrap_err();
    assert!(leave.contains("done"), "{leave}");
}

#[test]
fn a_policy_switched_on_stays_on_in_the_next_chapter() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let (first, next) = (
        campaign.chapter(9).unwrap().clone(),
        campaign.chapter(10).unwrap().clone(),
    );
    let mut state = parts_unlimited::sim::campaign::CampaignState::default();
    let prepared = state.prepare(&first);
    let mut app = new_chapter(&prepared, 1);
    let policy = Policy::ChangeLog;
    assert!(prepared.policies.unlocked.contains(&policy));
    let _ = execute(
        app.world_mut(),
        PlayerCommand::SetPolicy { policy, on: true },
    );
    play_out(&mut app, &prepared);
    state.carry(app.world(), &prepared);
    let after = state.prepare(&next);
    assert!(after.policies.unlocked.contains(&policy));
    assert!(
        after.policies.enabled.contains(&policy),
        "the change log is still on"
    );
    let mut kept_off = next.clone();
    kept_off.policies.switched_off.push(policy);
    assert!(
        !state.prepare(&kept_off).policies.enabled.contains(&policy),
        "unless the chapter says otherwise"
    );
}

/// Lets the clock run to the chapter's end, taking the first option of every choice.
fn play_out(app: &mut bevy::prelude::App, level: &parts_unlimited::level::Level) {
    for _ in 0..(level.hours() * 4) {
        let pending = app
            .world()
            .resource::<parts_unlimited::sim::story::Story>()
            .awaiting_choice
            .clone();
        let command = match pending {
            Some(scene) => PlayerCommand::Choose { scene, choice: 0 },
            None => PlayerCommand::Advance { hours: 1 },
        };
        if execute(app.world_mut(), command).is_err() {
            break;
        }
    }
}

/// Plays `chapter` far enough for its `scene` to be chosen, and chooses the wise option.
fn choose_wisely(chapter: u32) -> bevy::prelude::App {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let level = campaign.chapter(chapter).unwrap().clone();
    let mut app = new_chapter(&level, 1);
    for _ in 0..(level.hours() * 2) {
        let pending = app
            .world()
            .resource::<parts_unlimited::sim::story::Story>()
            .awaiting_choice
            .clone();
        match pending {
            Some(scene) => {
                let choice = level
                    .scene(&scene)
                    .unwrap()
                    .choices
                    .iter()
                    .position(|c| c.wise)
                    .unwrap_or(0);
                execute(app.world_mut(), PlayerCommand::Choose { scene, choice }).unwrap();
            }
            None => {
                let policies = app
                    .world()
                    .resource::<parts_unlimited::sim::policies::Policies>();
                if !policies.wip_limits.is_empty() || policies.batch_size.is_some() {
                    break;
                }
                if execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).is_err() {
                    break;
                }
            }
        }
    }
    app
}

#[test]
fn the_wise_choices_of_chapters_22_and_29_set_what_they_name() {
    let kanban = choose_wisely(22);
    let policies = kanban
        .world()
        .resource::<parts_unlimited::sim::policies::Policies>();
    println!("chapter 22: WIP limits {:?}", policies.wip_limits);
    assert!(policies.wip_limit(Column::Ready).is_some());
    assert!(policies.wip_limit(Column::Doing).is_some());
    let batches = choose_wisely(29);
    let policies = batches
        .world()
        .resource::<parts_unlimited::sim::policies::Policies>();
    println!("chapter 29: batch size {:?}", policies.batch_size);
    let level_batch = load_campaign(&LevelSource::Embedded)
        .unwrap()
        .chapter(29)
        .unwrap()
        .deployment
        .as_ref()
        .unwrap()
        .batch_size;
    assert!(policies.batch_size.is_some_and(|b| b < level_batch));
}

#[test]
fn the_checker_warns_of_data_that_contradicts_itself() {
    let crafted = r#"Level(
        chapter: 904, title: "Crafted", date: "test", days: 1,
        cast: [Character(id: "will", name: "William", role: "QA")],
        team: [TeamMember(id: "will", skills: ["testing"])],
        policies: PolicySetup(unlocked: [ObjectiveLinks]),
        tickets: [
            TicketDef(id: "automation", title: "Automate the deployment", kind: Internal,
                route: [Step(skill: "testing", hours: 1.0)], value: 9000.0),
            TicketDef(id: "vital", title: "Vital report", kind: Business, critical: true,
                route: [Step(skill: "testing", hours: 1.0)]),
        ],
        questions: ["Why?"],
    )"#;
    let level = parse_level("crafted.ron", crafted).unwrap();
    let warnings = parts_unlimited::level::warnings::level_warnings(&level, true);
    println!("{}", warnings.join("\n"));
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`automation` serves an objective"))
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`vital` serves an objective but is worth $0"))
    );
    let mut other = level.clone();
    other.chapter = 905;
    other.team[0].skills = vec!["qa".into()];
    let spelled = parts_unlimited::level::warnings::campaign_warnings([&level, &other].into_iter());
    assert!(
        spelled.iter().any(|w| w.contains("spelled 2 ways")),
        "{spelled:?}"
    );
    // The built-in campaign is clean.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("levels");
    let built_in = parts_unlimited::level::warn_path(&dir);
    assert!(built_in.is_empty(), "{}", built_in.join("\n"));
}
