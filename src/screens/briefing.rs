//! The briefing: the chapter opens, and its first scenes play before the clock starts.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::{Campaign, Playing, Screen, root_ui};
use crate::sim::PlayerCommand;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::ui::dialogue::{DialogueOutcome, DialogueState, dialogue};

/// How many of the scenes played so far the player has read.
#[derive(Resource, Default, Debug)]
pub struct ScenesRead(pub usize);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ScenesRead>()
        .add_systems(OnEnter(Screen::Briefing), open_chapter);
}

fn open_chapter(world: &mut World) {
    let Some(playing) = world.get_resource::<Playing>().copied() else {
        return;
    };
    let Some(level) = world
        .resource::<Campaign>()
        .0
        .chapter(playing.chapter)
        .cloned()
    else {
        return;
    };
    // The chapter as this campaign plays it: what earlier chapters left behind carried in.
    let level = world
        .resource::<crate::save::SaveGame>()
        .campaign
        .prepare(&level);
    crate::sim::start_chapter(world, &level, playing.seed);
    world.resource_mut::<ScenesRead>().0 = 0;
    // Continuing a chapter left part-way: replay what the player did.
    if let Some(resume) = world.remove_resource::<Resume>() {
        if let Err(e) = resume.0.replay(world) {
            let message = format!(
                "Your saved chapter could not be put back in full: {e}. It goes on from just before that command."
            );
            warn!("{message}");
            world.resource_mut::<crate::save::SaveNotice>().0 = Some(message);
        }
        world.resource_mut::<ScenesRead>().0 = resume.0.scenes_read;
    }
}

/// A chapter to pick up where the player left it.
#[derive(Resource)]
pub struct Resume(pub crate::save::InProgress);

/// The next scene the player has not read, if any.
pub fn unread_scene<'a>(
    story: &Story,
    level: &'a crate::level::Level,
    read: usize,
) -> Option<&'a crate::level::SceneDef> {
    let (_, id) = story.played.get(read)?;
    level.scenes.iter().find(|s| &s.id == id)
}

pub(super) fn briefing_screen(
    mut contexts: EguiContexts,
    level: Option<Res<CurrentLevel>>,
    story: Option<Res<Story>>,
    mut read: ResMut<ScenesRead>,
    mut state: Local<DialogueState>,
    mut send: MessageWriter<PlayerCommand>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let (Some(level), Some(story)) = (level, story) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    let level = &level.0;
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading(format!("Chapter {}: {}", level.chapter, level.title));
        ui.label(&level.date);
        ui.separator();
        let Some(scene) = unread_scene(&story, level, read.0) else {
            // Nothing (more) to read before the clock starts. A chapter that is only story
            // has no board: its hours pass at once and the debrief follows.
            if level.narrative_only && story.awaiting_choice.is_none() {
                send.write(PlayerCommand::Advance {
                    hours: level.hours(),
                });
            }
            next.set(Screen::Operations);
            return;
        };
        match dialogue(ui, scene, &level.cast, &mut state) {
            DialogueOutcome::Reading => {}
            DialogueOutcome::Chose(choice) => {
                send.write(PlayerCommand::Choose {
                    scene: scene.id.clone(),
                    choice,
                });
                read.0 += 1;
            }
            DialogueOutcome::Finished => read.0 += 1,
        }
    });
    Ok(())
}
