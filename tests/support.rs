//! Shared helpers: loading scenario levels and playing them headlessly.

use bevy::prelude::*;
use parts_unlimited::level::{Level, parse_level};
use parts_unlimited::sim::board;
use parts_unlimited::sim::objectives::ChapterResult;
use parts_unlimited::sim::{self, Origin, PersonId, PlayerCommand, TicketState};

pub const SEEDS: u64 = 30;

pub fn scenario(name: &str, src: &str) -> Level {
    parse_level(name, src).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

pub fn flow_shop() -> Level {
    scenario("flow_shop.ron", include_str!("scenarios/flow_shop.ron"))
}

pub fn queue() -> Level {
    scenario("queue.ron", include_str!("scenarios/queue.ron"))
}

pub fn outage() -> Level {
    scenario("outage.ron", include_str!("scenarios/outage.ron"))
}

pub fn deploys() -> Level {
    scenario("deploys.ron", include_str!("scenarios/deploys.ron"))
}

pub fn new_chapter(level: &Level, seed: u64) -> App {
    let mut app = sim::headless_app();
    sim::start_chapter(app.world_mut(), level, seed);
    app
}

/// Plays a chapter: `opening` first, then each hour the player's commands and one hour.
pub fn play(
    level: &Level,
    seed: u64,
    opening: &[PlayerCommand],
    player: impl Fn(&World) -> Vec<PlayerCommand>,
) -> ChapterResult {
    play_app(level, seed, opening, player)
        .world()
        .resource::<ChapterResult>()
        .clone()
}

/// As `play`, returning the finished app for a closer look.
pub fn play_app(
    level: &Level,
    seed: u64,
    opening: &[PlayerCommand],
    player: impl Fn(&World) -> Vec<PlayerCommand>,
) -> App {
    let mut app = new_chapter(level, seed);
    for command in opening {
        app.world_mut().write_message(command.clone());
    }
    app.update();
    while !app.world().contains_resource::<ChapterResult>() {
        for command in player(app.world()) {
            app.world_mut().write_message(command);
        }
        app.world_mut()
            .write_message(PlayerCommand::Advance { hours: 1 });
        app.update();
    }
    app
}

/// A plain dispatcher: the backlog first come, first served, each ticket to the least-loaded
/// person who can do its step. Requests held by the shield go to someone other than the
/// constraint. No other policy: the lesson tests change one thing at a time around it.
pub fn first_come_first_served(world: &World) -> Vec<PlayerCommand> {
    let people = board::all_people(world);
    let tickets = board::all_tickets(world);
    let mut load: Vec<f64> = people
        .iter()
        .map(|p| {
            p.queue
                .iter()
                .map(|&t| tickets[t.0 as usize].remaining)
                .sum()
        })
        .collect();
    let mut commands = Vec::new();
    for ticket in tickets.iter().filter(|t| t.state == TicketState::Backlog) {
        let Some(step) = ticket.current_step() else {
            continue;
        };
        let shielded = matches!(ticket.origin, Origin::Interrupt { .. });
        let best = people
            .iter()
            .filter(|p| p.has_skill(&step.skill) && !(shielded && p.constraint))
            .min_by(|a, b| load[a.id.0 as usize].total_cmp(&load[b.id.0 as usize]));
        if let Some(person) = best {
            load[person.id.0 as usize] += ticket.remaining;
            commands.push(PlayerCommand::Assign {
                ticket: ticket.id,
                person: PersonId(person.id.0),
            });
        }
    }
    commands
}

pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// A one-step internal ticket, for tests to adjust.
pub fn plain_ticket(id: &str) -> parts_unlimited::level::TicketDef {
    parts_unlimited::level::TicketDef::one_step(
        id,
        id,
        parts_unlimited::level::WorkKind::Internal,
        "ops",
        1.0,
    )
}

/// A kittest harness for a panel, with the game's fonts. egui has none of its own in this
/// build, and a harness draws its first frame as it is made: that frame puts the game's fonts
/// in and draws nothing (as the game does before its first frame); the panel is drawn from
/// the next frame on.
pub fn panel<'a, S>(
    size: bevy_egui::egui::Vec2,
    mut app: impl FnMut(&mut bevy_egui::egui::Ui, &mut S) + 'a,
    state: S,
) -> egui_kittest::Harness<'a, S> {
    let mut fonts_in = false;
    let mut harness = egui_kittest::Harness::builder()
        .with_size(size)
        .build_ui_state(
            move |ui, state| {
                if !fonts_in {
                    parts_unlimited::ui::art::install_fonts(ui.ctx());
                    fonts_in = true;
                    ui.ctx().request_repaint();
                    return;
                }
                app(ui, state);
            },
            state,
        );
    harness.run();
    harness
}
