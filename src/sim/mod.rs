//! The simulation: Bevy ECS with no rendering and no egui. It runs the same under
//! `MinimalPlugins` (tests, benchmarks, the command line) as inside the game.
//!
//! Each `app.update()` applies the `PlayerCommand`s sent that frame, in order; an `Advance`
//! command runs the `SimTick` schedule once per working hour.

pub mod board;
pub mod bridge;
pub mod business;
pub mod campaign;
pub mod changes;
pub mod clock;
pub mod commands;
pub mod conditions;
pub mod documentation;
pub mod facilitator;
mod finish;
pub mod incidents;
pub mod interrupts;
pub mod key_numbers;
pub mod metrics;
pub mod model;
pub mod news;
pub mod objectives;
pub mod policies;
pub mod questions;
pub mod rng;
pub mod setup;
pub mod story;
pub mod summary;
pub mod timeline;
pub mod work;

use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;

pub use commands::{CommandLog, PlayerCommand};
pub use model::*;
pub use setup::{start_chapter, start_chapter_in};

/// One working hour of the chapter.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SimTick;

/// Where the simulation's frame work sits in `Update`: input first (UI, scripted players),
/// then the commands are applied (and the clock runs), then whatever reads the result.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum SimSet {
    Input,
    Apply,
    Observe,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlayerCommand>()
        .add_message::<work::TicketFinished>()
        .init_resource::<story::Flags>()
        .configure_sets(
            Update,
            (SimSet::Input, SimSet::Apply, SimSet::Observe).chain(),
        )
        .add_systems(
            Update,
            (
                commands::apply_player_commands,
                objectives::close_chapter_when_over,
            )
                .chain()
                .in_set(SimSet::Apply)
                .run_if(resource_exists::<clock::Clock>),
        );
    let mut tick = Schedule::new(SimTick);
    tick.add_systems(
        (
            work::work_one_hour,
            finish::on_tickets_finished,
            incidents::background_incidents,
            incidents::overload_incidents,
            changes::detect_collisions,
            business::accrue_revenue,
            metrics::record_hour,
            timeline::advance_clock,
        )
            .chain(),
    );
    app.add_schedule(tick);
}

/// A headless app with the simulation and nothing else: for tests, benchmarks and the
/// command-line runner.
pub fn headless_app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, bevy::state::app::StatesPlugin));
    plugin(&mut app);
    app
}
