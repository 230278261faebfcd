//! Parts Unlimited: a game of the story in *The Phoenix Project*.
//!
//! # How it is built
//!
//! The layers run one way; no module imports one to its right:
//!
//! ```text
//! platform ← level ← sim ← policy ← save ← classroom ← ui ← screens   (cli and `run` on top)
//! ```
//!
//! - `platform`: the only code that differs between desktop and browser (files or
//!   localStorage, a written file or a download, the page's address).
//! - `level`: the RON format, loading, and the checker that refuses a bad level with its
//!   file, line and column; the campaign built into the binary.
//! - `sim`: the simulation, Bevy ECS with no rendering. It runs under `MinimalPlugins`.
//! - `policy`: the scripted players (`naive`, `flow`) and the headless runner.
//! - `save`: saves and settings; `classroom`: class codes, session reports, the roll-up.
//! - `ui`: egui panels as plain functions over read-only views; `screens`: the Bevy states.
//!
//! # The command flow
//!
//! Everything that changes the game is a [`sim::PlayerCommand`]: a click, a key, a scripted
//! player, a replay, a facilitator's hotkey. [`sim::commands::check`] says whether it may
//! happen (the panels ask it too, to enable a button), [`sim::commands::execute`] applies it
//! and writes it to the [`sim::CommandLog`]. `Advance` runs the `SimTick` schedule once per
//! working hour. The seed plus the log *is* the game: saves, replays, "What if?" and class
//! reports all replay it.
//!
//! # Where each rule lives
//!
//! | rule | file |
//! |---|---|
//! | giving work to someone, taking it back, retiring it; columns | `sim/board.rs` |
//! | what a person does each hour, switching, juggling, hand-offs | `sim/work.rs` |
//! | the Sev 1 bridge: who may open it, its speed, closing it | `sim/bridge.rs` |
//! | incidents: opening, diagnosis, background and overload failures, what is a Sev 1 | `sim/incidents.rs` |
//! | changes: the CAB, failure, collisions, batches and deployments | `sim/changes.rs` |
//! | policies: switching, WIP limits, the project freeze | `sim/policies.rs` |
//! | interrupts and the shield | `sim/interrupts.rs` |
//! | documentation: the constraint writes a skill down, a learner studies it | `sim/documentation.rs` |
//! | scenes, choices and their effects | `sim/story.rs` |
//! | the chapter's timeline, arrivals, running the clock | `sim/timeline.rs` |
//! | revenue, share price, traffic and capacity | `sim/business.rs` |
//! | objectives and stars | `sim/objectives.rs` |
//! | the chapter's measured numbers, and their wording | `sim/summary.rs`, `sim/key_numbers.rs` |
//! | what one chapter leaves to the next | `sim/campaign.rs` |
//! | the facilitator's live events | `sim/facilitator.rs` |
//! | every number a level may tune, with its default | `level/schema.rs` (`Tuning`) |

pub mod classroom;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod level;
pub mod platform;
pub mod policy;
pub mod save;
mod screens;
pub mod sim;
pub mod ui;

use bevy::prelude::*;
use bevy_egui::EguiPlugin;

/// How the game was started.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Walk every screen, write a picture of each, and quit.
    pub screenshots: Option<std::path::PathBuf>,
    /// A class code to join before the title screen.
    pub class: Option<String>,
    /// Large type and high contrast for a room, whatever the saved settings say.
    pub projector: bool,
    /// Open this chapter straight away, as the campaign map would.
    pub chapter: Option<u32>,
    /// The live class server to join (in the browser: the page's own, when it is one).
    pub server: Option<String>,
}

/// Bevy's plugins, less its own Ctrl-C handler: the save module turns every quit signal into
/// a saved exit itself.
fn default_plugins() -> bevy::app::PluginGroupBuilder {
    let plugins = DefaultPlugins.build();
    #[cfg(not(target_arch = "wasm32"))]
    let plugins = plugins.disable::<bevy::app::TerminalCtrlCHandlerPlugin>();
    plugins
}

/// Opens the game window and plays `campaign`.
pub fn run(campaign: level::LoadedCampaign, options: StartOptions) {
    let mut app = App::new();
    app.add_plugins((
        default_plugins().set(WindowPlugin {
            primary_window: Some(Window {
                title: "Parts Unlimited".into(),
                resolution: (1280, 720).into(),
                // In the browser: draw into the page's canvas and follow its size.
                canvas: Some("#game".into()),
                fit_canvas_to_parent: true,
                ..default()
            }),
            ..default()
        }),
        EguiPlugin::default(),
    ))
    .insert_resource(screens::Campaign(campaign))
    .insert_resource(classroom::ClassFromStart(options.class))
    .insert_resource(classroom::live::LiveServer(options.server))
    .insert_resource(screens::Start {
        screenshots: options.screenshots,
        projector: options.projector,
        chapter: options.chapter,
    })
    .add_plugins((
        save::plugin,
        classroom::plugin,
        sim::plugin,
        screens::plugin,
    ));
    app.run();
}

/// The browser build: the built-in campaign, the class code from the page's address.
#[cfg(target_arch = "wasm32")]
pub fn play_in_browser() {
    match level::load_campaign(&level::LevelSource::Embedded) {
        Ok(campaign) => run(
            campaign,
            StartOptions {
                class: platform::class_in_address(),
                ..StartOptions::default()
            },
        ),
        Err(errors) => {
            for error in errors {
                bevy::log::error!("{error}");
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use screens::autoplay::{Autoplay, autoplay};
