//! `parts-unlimited autoplay`: a chapter played in real time with no window, by the `flow`
//! player, through the same screens, chapter opening and saving as the game. The tests kill
//! it mid-chapter and check what Continue finds. Every command is printed once it has been
//! saved, as `kept <number> <hour> <command in RON>`, and a resumed chapter says
//! `resumed chapter <n> at <clock> with <k> commands`.

use std::time::Duration;

use bevy::app::ScheduleRunnerPlugin;
use bevy::prelude::*;

use super::briefing::{Resume, ScenesRead};
use super::{Campaign, Playing, Screen};
use crate::policy::ScriptedPlayer;
use crate::save::SaveGame;
use crate::sim::clock::Clock;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::sim::{CommandLog, PlayerCommand, SimSet};

/// What to play, and how fast.
#[derive(Resource, Clone, Debug)]
pub struct Autoplay {
    pub chapter: u32,
    pub seed: u64,
    /// Game hours a second of real time.
    pub hours_per_second: f32,
    /// Pick the chapter up from the save, as Continue does.
    pub resume: bool,
    /// Stop after this many game hours (or at the chapter's end).
    pub hours: Option<u32>,
}

/// Plays as `options` says until the chapter (or the hours asked for) is over.
pub fn autoplay(campaign: crate::level::LoadedCampaign, options: Autoplay) {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins.set(ScheduleRunnerPlugin::run_loop(Duration::from_secs_f64(
            1.0 / 60.0,
        ))),
        bevy::state::app::StatesPlugin,
        bevy::log::LogPlugin::default(),
    ))
    .insert_resource(Campaign(campaign))
    .insert_resource(options)
    .init_resource::<Driven>()
    .add_plugins((
        crate::save::plugin,
        crate::classroom::plugin,
        crate::sim::plugin,
        super::plugin,
    ))
    .add_systems(Update, drive.in_set(SimSet::Input))
    .add_systems(
        Update,
        print_kept
            .in_set(SimSet::Observe)
            .after(super::progress::keep_progress),
    );
    app.run();
}

/// How far the drive has got.
#[derive(Resource, Default)]
struct Driven {
    started: bool,
    /// Real seconds owed to the clock.
    owed: f32,
    hours: u32,
    /// The hour the player last decided at.
    decided: Option<u32>,
    printed: usize,
    announced: bool,
}

fn drive(world: &mut World) {
    let screen = *world.resource::<State<Screen>>().get();
    match screen {
        Screen::Title | Screen::Map => start(world),
        Screen::Briefing => read_the_briefing(world),
        Screen::Operations => play_on(world),
        Screen::Debrief => {
            world.write_message(AppExit::Success);
        }
    }
}

fn start(world: &mut World) {
    if std::mem::replace(&mut world.resource_mut::<Driven>().started, true) {
        return;
    }
    let options = world.resource::<Autoplay>().clone();
    let (chapter, seed) = match world.resource_mut::<SaveGame>().in_progress.take() {
        Some(left) if options.resume => {
            let at = (left.chapter, left.seed);
            world.insert_resource(Resume(left));
            at
        }
        _ => (options.chapter, options.seed),
    };
    world.insert_resource(Playing {
        chapter,
        seed,
        from_book: false,
    });
    world
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Briefing);
}

/// Reads every scene and makes every choice the way `flow` would, then goes to the board.
fn read_the_briefing(world: &mut World) {
    if world.resource::<Autoplay>().resume
        && !std::mem::replace(&mut world.resource_mut::<Driven>().announced, true)
    {
        let clock = world.resource::<Clock>().label();
        let commands = world.resource::<CommandLog>().0.len();
        let chapter = world.resource::<CurrentLevel>().0.chapter;
        println!("resumed chapter {chapter} at {clock} with {commands} commands");
        world.resource_mut::<Driven>().printed = commands;
    }
    choose(world);
    let unread = world.resource::<Story>().played.len() > world.resource::<ScenesRead>().0;
    if unread {
        world.resource_mut::<ScenesRead>().0 += 1;
    } else {
        world
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Operations);
    }
}

fn choose(world: &mut World) {
    if world.resource::<Story>().awaiting_choice.is_some() {
        for command in ScriptedPlayer::Flow.decide(world) {
            world.write_message(command);
        }
    }
}

/// Each hour: the player's decisions, then the clock moves on at the pace asked for.
fn play_on(world: &mut World) {
    let played = world.resource::<Story>().played.len();
    world.resource_mut::<ScenesRead>().0 = played;
    choose(world);
    let tick = world.resource::<Clock>().tick;
    let options = world.resource::<Autoplay>().clone();
    if options
        .hours
        .is_some_and(|h| world.resource::<Driven>().hours >= h)
    {
        world.write_message(AppExit::Success);
        return;
    }
    if world.resource::<Driven>().decided != Some(tick) {
        world.resource_mut::<Driven>().decided = Some(tick);
        for command in ScriptedPlayer::Flow.decide(world) {
            world.write_message(command);
        }
        return;
    }
    let delta = world.resource::<Time>().delta_secs();
    let mut driven = world.resource_mut::<Driven>();
    driven.owed += delta * options.hours_per_second;
    if driven.owed >= 1.0 {
        driven.owed -= 1.0;
        driven.hours += 1;
        world.write_message(PlayerCommand::Advance { hours: 1 });
    }
}

/// Prints each command once the save holds it.
fn print_kept(log: Option<Res<CommandLog>>, mut driven: ResMut<Driven>) {
    let Some(log) = log else { return };
    for (number, logged) in log.0.iter().enumerate().skip(driven.printed) {
        if logged.refused.is_none() {
            let command = ron::to_string(&logged.command).unwrap_or_default();
            println!("kept {} {} {command}", number + 1, logged.tick);
        }
    }
    driven.printed = log.0.len();
}
