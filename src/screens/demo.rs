//! `--screenshots DIR`: walks through every screen with scripted input (the `flow` player
//! makes the decisions) and writes one image per screen, then quits. Used by
//! `scripts/screenshots` to look at the game without a person at the keyboard.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use super::briefing::ScenesRead;
use super::{Screen, begin_chapter};
use crate::policy::ScriptedPlayer;
use crate::sim::PlayerCommand;
use crate::sim::objectives::ChapterResult;
use crate::sim::story::Story;

#[derive(Resource)]
pub struct Demo {
    dir: PathBuf,
    stage: usize,
    /// Seconds spent in the current stage.
    waited: f32,
}

/// Seconds to let a screen settle before its picture is taken, and to let it be written.
const SETTLE: f32 = 1.5;
const WRITE: f32 = 1.5;

const STAGES: &[&str] = &[
    "title",
    "map",
    "briefing",
    "operations",
    "hovered-card",
    "menu",
    "debrief",
    "questions",
    "what-if",
    "discussion",
];

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, begin_walk).add_systems(
        Update,
        drive
            .in_set(crate::sim::SimSet::Input)
            .run_if(resource_exists::<Demo>),
    );
}

/// Starts the walk when the command line asked for screenshots.
fn begin_walk(start: Res<super::Start>, mut commands: Commands) {
    if let Some(dir) = &start.screenshots {
        let _ = std::fs::create_dir_all(dir);
        commands.insert_resource(Demo {
            dir: dir.clone(),
            stage: 0,
            waited: 0.0,
        });
    }
}

fn drive(world: &mut World) {
    let delta = world.resource::<Time>().delta_secs();
    let (stage, waited) = {
        let mut demo = world.resource_mut::<Demo>();
        demo.waited += delta;
        (demo.stage, demo.waited)
    };
    let Some(name) = STAGES.get(stage) else {
        world.write_message(AppExit::Success);
        return;
    };
    if waited < SETTLE {
        // Keep the scripted player playing while the screen settles.
        if *name == "debrief" {
            play_on(world);
        }
        return;
    }
    if waited < SETTLE + delta + f32::EPSILON {
        let path = world
            .resource::<Demo>()
            .dir
            .join(format!("{:02}-{name}.ppm", stage + 1));
        world
            .spawn(Screenshot::primary_window())
            .observe(save_ppm(path));
        return;
    }
    if waited < SETTLE + WRITE {
        return;
    }
    // Move on to the next screen.
    {
        let mut demo = world.resource_mut::<Demo>();
        demo.stage += 1;
        demo.waited = 0.0;
    }
    match STAGES.get(stage + 1).copied() {
        Some("map") => world.resource_mut::<NextState<Screen>>().set(Screen::Map),
        Some("briefing") => {
            let first = world
                .resource::<super::Campaign>()
                .0
                .chapters()
                .next()
                .map(|l| l.chapter);
            if let Some(chapter) = first {
                world.resource_scope(|world, mut next: Mut<NextState<Screen>>| {
                    let mut commands = world.commands();
                    begin_chapter(&mut commands, &mut next, chapter, 1);
                });
                world.flush();
            }
        }
        Some("operations") => {
            // Make the briefing's choice the way the flow player would, read every scene,
            // and play three hours.
            for _ in 0..3 {
                play_hour(world);
            }
            let played = world.resource::<Story>().played.len();
            world.resource_mut::<ScenesRead>().0 = played;
            world
                .resource_mut::<NextState<Screen>>()
                .set(Screen::Operations);
        }
        Some("hovered-card") => point_at(world, Vec2::new(110.0, 200.0)),
        Some("menu") => {
            point_at(world, Vec2::new(640.0, 700.0));
            world.resource_mut::<super::Menu>().open = true;
        }
        Some("debrief") => world.resource_mut::<super::Menu>().open = false,
        Some("questions") => super::debrief::open_questions(world),
        Some("what-if") => super::debrief::open_what_if(world),
        Some("discussion") => super::debrief::open_discussion(world),
        _ => {}
    }
}

/// Moves the pointer over the window, as a player's mouse would (egui shows what is under it).
fn point_at(world: &mut World, position: Vec2) {
    let window = world
        .query_filtered::<Entity, With<bevy::window::PrimaryWindow>>()
        .iter(world)
        .next();
    if let Some(window) = window {
        world.write_message(bevy::window::CursorMoved {
            window,
            position,
            delta: None,
        });
    }
}

fn play_hour(world: &mut World) {
    let commands = ScriptedPlayer::Flow.decide(world);
    let choosing = matches!(commands.first(), Some(PlayerCommand::Choose { .. }));
    let advance = (!choosing).then_some(PlayerCommand::Advance { hours: 1 });
    for command in commands.into_iter().chain(advance) {
        let described = crate::sim::commands::describe(world, &command);
        if let Err(why) = crate::sim::commands::execute(world, command) {
            warn!("the scripted player's `{described}` was refused: {why}");
        }
    }
}

/// Plays on to the end of the chapter, a few hours a frame, so the debrief opens.
fn play_on(world: &mut World) {
    if world.contains_resource::<ChapterResult>() {
        return;
    }
    for _ in 0..4 {
        play_hour(world);
    }
    let played = world.resource::<Story>().played.len();
    world.resource_mut::<ScenesRead>().0 = played;
}

/// Writes the captured frame as a binary PPM (the script converts it to PNG).
fn save_ppm(path: PathBuf) -> impl FnMut(On<ScreenshotCaptured>) {
    move |captured: On<ScreenshotCaptured>| {
        let image = match captured.image.clone().try_into_dynamic() {
            Ok(image) => image.to_rgb8(),
            Err(e) => {
                error!("cannot convert the screenshot: {e}");
                return;
            }
        };
        let mut bytes = format!("P6\n{} {}\n255\n", image.width(), image.height()).into_bytes();
        bytes.extend_from_slice(image.as_raw());
        match std::fs::write(&path, bytes) {
            Ok(()) => info!("screenshot written to {}", path.display()),
            Err(e) => error!("cannot write {}: {e}", path.display()),
        }
    }
}
