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
    let mut app = new_chapter(&outage(), 1);
    execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).unwrap();
    let task = board::all_tickets(app.world())
        .into_iter()
        .find(|t| t.key.starts_with("task"))
        .map(|t| t.id);
    let Some(task) = task else { return };
    let mut level = outage();
    level.team[1].skills = vec!["store".into()];
    let mut app = new_chapter(&level, 1);
    execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).unwrap();
    let ana = person(&app, "ana");
    let refusal = execute(
        app.world_mut(),
        PlayerCommand::Assign {
            ticket: task,
            person: ana,
        },
    )
    .unwrap_err();
    println!("refused: {refusal}");
    assert!(refusal.contains("lacks the skill `ops`"), "{refusal}");
    let t = board::ticket(app.world(), task).unwrap();
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
    let cy = person(&app, "cy");
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
    let _ = cy;
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
    let _ = ticket;
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
    assert!(r.contains("has 2 choices"), "{r}");
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
