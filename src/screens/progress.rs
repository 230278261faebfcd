//! Keeping the chapter in progress: after every command (each game hour is one), on leaving
//! any screen, and on the way out, so that Continue puts the chapter back however the game
//! ended. The chapter file is small, so keeping it after every command is cheap.

use bevy::prelude::*;

use super::briefing::ScenesRead;
use super::{Playing, Screen};
use crate::save::{InProgress, SaveFiles, SaveGame, SaveNotice, SaveSet};
use crate::sim::objectives::ChapterResult;
use crate::sim::setup::CurrentLevel;
use crate::sim::{CommandLog, SimSet};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<KeptAt>()
        .add_systems(
            Update,
            keep_progress
                .in_set(SimSet::Observe)
                .run_if(in_state(Screen::Briefing).or_else(in_state(Screen::Operations))),
        )
        .add_systems(OnExit(Screen::Briefing), keep_everything)
        .add_systems(OnExit(Screen::Operations), keep_everything)
        .add_systems(OnExit(Screen::Title), store_everything)
        .add_systems(OnExit(Screen::Map), store_everything)
        .add_systems(OnExit(Screen::Debrief), store_everything)
        .add_systems(Last, gather_on_exit.in_set(SaveSet::Gather));
}

/// What the chapter in progress was last kept at: chapter, seed, commands, scenes read.
#[derive(Resource, Default, Debug, PartialEq)]
pub(super) struct KeptAt(Option<(u32, u64, usize, usize)>);

/// Puts the chapter being played into the save, if it moved since it was last kept.
/// Returns whether it did.
fn gather(world: &mut World) -> bool {
    let Some(playing) = world.get_resource::<Playing>().copied() else {
        return false;
    };
    // A finished chapter is the debrief's to record; a chapter not yet opened has no log.
    let live = world
        .get_resource::<CurrentLevel>()
        .is_some_and(|level| level.0.chapter == playing.chapter)
        && !world.contains_resource::<ChapterResult>();
    if !live {
        return false;
    }
    let log = world.resource::<CommandLog>();
    let read = world.resource::<ScenesRead>().0;
    let stamp = Some((playing.chapter, playing.seed, log.0.len(), read));
    if world.resource::<KeptAt>().0 == stamp {
        return false;
    }
    let progress = InProgress::from_log(playing.chapter, playing.seed, log, read);
    world.resource_mut::<SaveGame>().keep_in_progress(progress);
    world.resource_mut::<KeptAt>().0 = stamp;
    true
}

fn report(world: &mut World, outcome: Result<(), String>) {
    if let Err(e) = outcome {
        warn!("{e}");
        world.resource_mut::<SaveNotice>().0 = Some(format!("Your game could not be saved: {e}"));
    }
}

pub(super) fn keep_progress(world: &mut World) {
    if gather(world) {
        let outcome = world
            .resource::<SaveFiles>()
            .store_progress(world.resource::<SaveGame>());
        report(world, outcome);
    }
}

fn keep_everything(world: &mut World) {
    gather(world);
    store_everything(world);
}

fn store_everything(world: &mut World) {
    let outcome = world
        .resource::<SaveFiles>()
        .store(world.resource::<SaveGame>());
    report(world, outcome);
}

/// On the way out, mid-chapter: the chapter goes into the save before it is written.
fn gather_on_exit(world: &mut World) {
    let leaving = !world.resource::<Messages<AppExit>>().is_empty();
    let playing = matches!(
        world.resource::<State<Screen>>().get(),
        Screen::Briefing | Screen::Operations
    );
    if leaving && playing {
        gather(world);
    }
}
