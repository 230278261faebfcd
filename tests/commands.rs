//! Player commands are validated: a refused command says why, changes nothing, and is logged.

use parts_unlimited::level::{LevelSource, Policy, load_campaign};
use parts_unlimited::sim::commands::execute;
use parts_unlimited::sim::story::Story;
use parts_unlimited::sim::{CommandLog, Incidents, PersonId, PlayerCommand, TicketId, board};

use crate::support::{flow_shop, new_chapter, outage};

fn person(app: &bevy::prelude::App, key: &str) -> PersonId {
    board::person_by_key(app.world(), key).expect(key)
}

fn ticket(app: &bevy::prelude::App, key: &str) -> TicketId {
    board::all_tickets(app.world())
        .into_iter()
        .find(|t| t.key == key)
        .expect(key)
        .id
}

#[test]
fn assigning_to_someone_without_the_skill_is_refused_with_a_reason() {
    let mut level = shop_with(&[]);
    let mut deploy = crate::support::plain_ticket("deploy");
    deploy.route[0].skill = "phoenix".into();
    level.tickets.push(deploy);
    let mut app = new_chapter(&level, 1);
    let (deploy, ana) = (ticket(&app, "deploy"), person(&app, "ana"));
    let refusal = execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: deploy,
            person: ana,
        },
    )
    .unwrap_err();
    println!("refused: {refusal}");
    assert_eq!(
        refusal,
        "Ana lacks the skill “phoenix” that this step needs"
    );
    let t = board::ticket(app.world(), deploy).unwrap();
    assert!(
        t.holder.is_none(),
        "a refused assignment must change nothing"
    );
    let log = app.world().resource::<CommandLog>();
    assert_eq!(log.last_refusal(), Some(refusal.as_str()));
}

#[test]
fn commands_through_messages_are_validated_the_same_way() {
    let mut app = new_chapter(&outage(), 1);
    app.world_mut().write_message(PlayerCommand::Assign {
        ticket: TicketId(999),
        person: PersonId(0),
    });
    app.update();
    let log = app.world().resource::<CommandLog>();
    assert_eq!(log.last_refusal(), Some("there is no ticket 999"));
}

#[test]
fn assignment_puts_the_ticket_in_the_queue_and_work_happens() {
    let mut app = new_chapter(&flow_shop(), 2);
    execute(app.world_mut(), PlayerCommand::Advance { hours: 3 }).unwrap();
    let first = board::all_tickets(app.world())[0].clone();
    let ana = person(&app, "ana");
    execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: first.id,
            person: ana,
        },
    )
    .unwrap();
    assert!(
        board::person(app.world(), ana)
            .unwrap()
            .queue
            .contains(&first.id)
    );
    execute(app.world_mut(), PlayerCommand::Advance { hours: 8 }).unwrap();
    let t = board::ticket(app.world(), first.id).unwrap();
    assert!(
        t.step > 0 || t.remaining < first.remaining,
        "nobody worked the ticket"
    );
}

#[test]
fn locked_policies_and_wip_limits_are_refused() {
    let mut app = new_chapter(&flow_shop(), 1);
    let r = execute(
        app.world_mut(),
        PlayerCommand::SetPolicy {
            policy: Policy::BrentShield,
            on: true,
        },
    )
    .unwrap_err();
    assert!(r.contains("not available yet"), "{r}");
    let r = execute(
        app.world_mut(),
        PlayerCommand::SetWipLimit {
            column: parts_unlimited::sim::Column::Ready,
            limit: Some(3),
        },
    )
    .unwrap_err();
    assert!(r.contains("not available yet"), "{r}");
}

#[test]
fn a_wip_limit_refuses_releases_beyond_it() {
    let mut level = flow_shop();
    level.policies.unlocked.push(Policy::WipLimits);
    let mut app = new_chapter(&level, 1);
    execute(
        app.world_mut(),
        PlayerCommand::SetWipLimit {
            column: parts_unlimited::sim::Column::Ready,
            limit: Some(1),
        },
    )
    .unwrap();
    execute(app.world_mut(), PlayerCommand::Advance { hours: 8 }).unwrap();
    let tickets: Vec<_> = board::all_tickets(app.world())
        .into_iter()
        .map(|t| t.id)
        .take(2)
        .collect();
    let ana = person(&app, "ana");
    // Features start with a build step; give both to Ana (who can build).
    execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: tickets[0],
            person: ana,
        },
    )
    .unwrap();
    let r = execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: tickets[1],
            person: ana,
        },
    )
    .unwrap_err();
    assert!(r.contains("WIP limit of 1"), "{r}");
}

#[test]
fn sev1_commands_follow_the_incident() {
    let mut app = new_chapter(&outage(), 1);
    execute(app.world_mut(), PlayerCommand::Advance { hours: 3 }).unwrap();
    let incident = app.world().resource::<Incidents>().0[0].id;
    let r = execute(app.world_mut(), PlayerCommand::ResolveSev1 { incident }).unwrap_err();
    assert_eq!(r, "service is still down");
    let r = execute(
        app.world_mut(),
        PlayerCommand::DeclareSev1 {
            incident,
            responders: vec![],
        },
    )
    .unwrap_err();
    assert!(r.contains("at least one responder"));
    let ana = person(&app, "ana");
    let brent = person(&app, "brent");
    execute(
        app.world_mut(),
        PlayerCommand::DeclareSev1 {
            incident,
            responders: vec![ana, brent],
        },
    )
    .unwrap();
    execute(app.world_mut(), PlayerCommand::Advance { hours: 10 }).unwrap();
    let i = app.world().resource::<Incidents>().0[0].clone();
    assert!(
        i.restored.is_some(),
        "the bridge should have restored service"
    );
    execute(app.world_mut(), PlayerCommand::ResolveSev1 { incident }).unwrap();
    assert!(app.world().resource::<Incidents>().0[0].resolved.is_some());
}

#[test]
fn a_scene_with_choices_holds_the_clock_until_chosen() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let level = campaign.chapter(1).unwrap();
    let mut app = new_chapter(level, 1);
    let waiting = app
        .world()
        .resource::<Story>()
        .awaiting_choice
        .clone()
        .expect("chapter 1 opens with a choice");
    let r = execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).unwrap_err();
    assert!(r.contains("waiting for a choice"), "{r}");
    let r = execute(
        app.world_mut(),
        PlayerCommand::Choose {
            scene: waiting.clone(),
            choice: 9,
        },
    )
    .unwrap_err();
    assert!(r.contains("offers choices 0, 1, not 9"), "{r}");
    execute(
        app.world_mut(),
        PlayerCommand::Choose {
            scene: waiting,
            choice: 1,
        },
    )
    .unwrap();
    execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).unwrap();
    assert_eq!(
        app.world()
            .resource::<parts_unlimited::sim::clock::Clock>()
            .tick,
        1
    );
}

#[test]
fn the_chapter_refuses_commands_once_over() {
    let mut app = new_chapter(&outage(), 1);
    execute(app.world_mut(), PlayerCommand::Advance { hours: 100 }).unwrap();
    let r = execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).unwrap_err();
    assert_eq!(r, "the chapter is over");
}

fn shop_with(policies: &[Policy]) -> parts_unlimited::level::Level {
    let mut level = flow_shop();
    level.arrivals.clear();
    level.policies.unlocked.extend(policies);
    level.systems.push(parts_unlimited::level::SystemDef {
        id: "store".into(),
        name: "Store".into(),
        skill: "ops".into(),
        revenue_share: 1.0,
        capacity: 1.0,
    });
    for (id, risk) in [
        ("c1", parts_unlimited::level::Risk::High),
        ("c2", parts_unlimited::level::Risk::Medium),
    ] {
        level.tickets.push(parts_unlimited::level::TicketDef {
            id: id.into(),
            title: format!("Change {id}"),
            kind: parts_unlimited::level::WorkKind::Change,
            route: vec![parts_unlimited::level::Step {
                skill: "ops".into(),
                hours: 3.0,
            }],
            risk: Some(risk),
            system: Some("store".into()),
            ..crate::support::plain_ticket("p1")
        });
    }
    let mut project = crate::support::plain_ticket("p1");
    project.kind = parts_unlimited::level::WorkKind::Business;
    level.tickets.push(project);
    level
}

#[test]
fn the_cab_holds_high_risk_changes_until_approved() {
    let mut app = new_chapter(&shop_with(&[Policy::Cab]), 1);
    execute(
        app.world_mut(),
        PlayerCommand::SetPolicy {
            policy: Policy::Cab,
            on: true,
        },
    )
    .unwrap();
    let (c1, ana) = (ticket(&app, "c1"), person(&app, "ana"));
    let r = execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: c1,
            person: ana,
        },
    )
    .unwrap_err();
    assert!(r.contains("CAB must approve"), "{r}");
    execute(app.world_mut(), PlayerCommand::ApproveChange { ticket: c1 }).unwrap();
    execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: c1,
            person: ana,
        },
    )
    .unwrap();
    assert!(board::ticket(app.world(), c1).unwrap().reviewed);
}

#[test]
fn the_change_calendar_keeps_one_change_per_system_at_a_time() {
    let mut app = new_chapter(&shop_with(&[Policy::ChangeCalendar]), 1);
    execute(
        app.world_mut(),
        PlayerCommand::SetPolicy {
            policy: Policy::ChangeCalendar,
            on: true,
        },
    )
    .unwrap();
    let (c1, c2) = start_both_changes(&mut app);
    let (t1, t2) = (
        board::ticket(app.world(), c1).unwrap(),
        board::ticket(app.world(), c2).unwrap(),
    );
    assert!(
        t1.is_started() && !t2.is_started(),
        "the second change must wait for the first"
    );
    execute(app.world_mut(), PlayerCommand::Advance { hours: 6 }).unwrap();
    let t2 = board::ticket(app.world(), c2).unwrap();
    assert!(
        t2.is_started()
            && !t2.collided
            && t2.started.unwrap() >= board::ticket(app.world(), c1).unwrap().finished.unwrap()
    );
}

/// Gives change c1 to Ana and c2 (on the same system) to Ben, and lets two hours pass.
fn start_both_changes(app: &mut bevy::prelude::App) -> (TicketId, TicketId) {
    let (c1, c2) = (ticket(app, "c1"), ticket(app, "c2"));
    let (ana, ben) = (person(app, "ana"), person(app, "ben"));
    for (ticket, person) in [(c1, ana), (c2, ben)] {
        execute(app.world_mut(), PlayerCommand::Assign { ticket, person }).unwrap();
    }
    execute(app.world_mut(), PlayerCommand::Advance { hours: 2 }).unwrap();
    (c1, c2)
}

#[test]
fn changes_without_a_calendar_collide() {
    let mut app = new_chapter(&shop_with(&[]), 1);
    let (c1, c2) = start_both_changes(&mut app);
    assert!(
        board::ticket(app.world(), c1).unwrap().collided
            && board::ticket(app.world(), c2).unwrap().collided
    );
}

#[test]
fn a_project_freeze_holds_projects_but_not_changes() {
    let mut app = new_chapter(&shop_with(&[Policy::ProjectFreeze]), 1);
    execute(
        app.world_mut(),
        PlayerCommand::SetPolicy {
            policy: Policy::ProjectFreeze,
            on: true,
        },
    )
    .unwrap();
    let (p1, c2, ana) = (ticket(&app, "p1"), ticket(&app, "c2"), person(&app, "ana"));
    let r = execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: p1,
            person: ana,
        },
    )
    .unwrap_err();
    assert!(r.contains("project freeze"), "{r}");
    execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: c2,
            person: ana,
        },
    )
    .unwrap();
}

#[test]
fn documentation_teaches_brents_skill_to_someone_else() {
    let mut app = new_chapter(&shop_with(&[Policy::Documentation]), 1);
    let (cy, ana) = (person(&app, "cy"), person(&app, "ana"));
    let r = execute(
        app.world_mut(),
        PlayerCommand::StartDocumentation {
            skill: "ops".into(),
            learner: ana,
        },
    )
    .unwrap_err();
    assert!(r.contains("already knows"), "{r}");
    execute(
        app.world_mut(),
        PlayerCommand::StartDocumentation {
            skill: "phoenix".into(),
            learner: cy,
        },
    )
    .unwrap();
    assert!(!board::person(app.world(), cy).unwrap().has_skill("phoenix"));
    execute(app.world_mut(), PlayerCommand::Advance { hours: 16 }).unwrap();
    assert!(
        board::person(app.world(), cy).unwrap().has_skill("phoenix"),
        "Cy should have learned it from Brent's write-up"
    );
}

#[test]
fn two_choices_in_one_hour_are_asked_in_turn() {
    let mut level = shop_with(&[]);
    level.cast.push(parts_unlimited::level::Character {
        id: "wes".into(),
        name: "Wes".into(),
        role: "Director".into(),
    });
    for id in ["first", "second"] {
        level.scenes.push(parts_unlimited::level::SceneDef {
            id: id.into(),
            lines: vec![parts_unlimited::level::Line::Line(
                "wes".into(),
                "Well?".into(),
            )],
            choices: vec![parts_unlimited::level::Choice {
                text: "Yes".into(),
                wise: true,
                ..Default::default()
            }],
            ..Default::default()
        });
        level.timeline.push(parts_unlimited::level::TimedEvent {
            at: 0,
            event: parts_unlimited::level::Event::Scene(id.into()),
            only_if: None,
        });
    }
    let mut app = new_chapter(&level, 1);
    let story = |app: &bevy::prelude::App| app.world().resource::<Story>().awaiting_choice.clone();
    assert_eq!(story(&app).as_deref(), Some("first"));
    execute(
        app.world_mut(),
        PlayerCommand::Choose {
            scene: "first".into(),
            choice: 0,
        },
    )
    .unwrap();
    assert_eq!(story(&app).as_deref(), Some("second"));
    execute(
        app.world_mut(),
        PlayerCommand::Choose {
            scene: "second".into(),
            choice: 0,
        },
    )
    .unwrap();
    assert_eq!(story(&app), None);
}

/// A chapter played for a few hours by the flow player, and the commands it carried out.
fn a_chapter_played_a_while() -> (parts_unlimited::level::Level, Vec<PlayerCommand>) {
    let level = flow_shop();
    let mut app = new_chapter(&level, 4);
    for _ in 0..6 {
        for command in parts_unlimited::policy::ScriptedPlayer::Flow.decide(app.world()) {
            let _ = execute(app.world_mut(), command);
        }
        execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).unwrap();
    }
    let log = app.world().resource::<CommandLog>().accepted();
    (level, log)
}

#[test]
fn a_faithful_replay_puts_the_chapter_back_exactly() {
    let (level, commands) = a_chapter_played_a_while();
    let mut again = new_chapter(&level, 4);
    parts_unlimited::sim::commands::replay(again.world_mut(), &commands)
        .expect("every command was carried out the first time");
    assert_eq!(again.world().resource::<CommandLog>().accepted(), commands);
}

#[test]
fn a_replay_that_meets_a_refused_command_says_which_when_and_why() {
    let (level, mut commands) = a_chapter_played_a_while();
    // Tamper with the log: after the third hour, give work to someone who lacks its skill.
    let third_hour = commands
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, PlayerCommand::Advance { .. }))
        .nth(2)
        .map(|(i, _)| i)
        .unwrap();
    commands.insert(
        third_hour + 1,
        PlayerCommand::Assign {
            ticket: TicketId(0),
            person: PersonId(99),
        },
    );
    let mut again = new_chapter(&level, 4);
    let error = parts_unlimited::sim::commands::replay(again.world_mut(), &commands).unwrap_err();
    println!("{error}");
    assert_eq!(error.number, third_hour + 2);
    assert_eq!(error.of, commands.len());
    assert_eq!(error.at, "Day 1, 12:00", "the hour it was given at");
    assert_eq!(error.reason, "there is no person 99");
    let clock = again
        .world()
        .resource::<parts_unlimited::sim::clock::Clock>();
    assert_eq!(clock.tick, 3, "the replay stopped there");
}
