//! The briefing: the chapter opens, and its first scenes play before the clock starts.

use bevy::prelude::*;
use bevy_egui::EguiContexts;

use super::{Campaign, Playing, Screen};
use crate::sim::PlayerCommand;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::ui::dialogue::{DialogueOutcome, DialogueState};

/// How many of the scenes played so far the player has read.
#[derive(Resource, Default, Debug)]
pub struct ScenesRead(pub usize);

/// The "Previously" card waiting to be read before the chapter's first scene.
#[derive(Resource, Default, Debug)]
pub struct PreviouslyCard(pub Option<crate::ui::journal::Previously>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ScenesRead>()
        .init_resource::<PreviouslyCard>()
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
    // A chapter opened before the player reached it starts as the book's choices leave it.
    let base = if playing.from_book {
        crate::policy::book_state_before(
            &world.resource::<Campaign>().0,
            playing.chapter,
            playing.seed,
        )
    } else {
        world.resource::<crate::save::SaveGame>().campaign.clone()
    };
    let level = base.prepare(&level);
    crate::sim::start_chapter_in(world, &base, &level, playing.seed);
    world.resource_mut::<ScenesRead>().0 = 0;
    let card = (!playing.from_book)
        .then(|| previously(world, playing.chapter))
        .flatten();
    world.resource_mut::<PreviouslyCard>().0 = card;
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
        world.resource_mut::<PreviouslyCard>().0 = None;
    }
}

/// What the chapter before `chapter` left, if the player has played it.
fn previously(world: &World, chapter: u32) -> Option<crate::ui::journal::Previously> {
    let campaign = &world.resource::<Campaign>().0;
    let before = campaign
        .chapters()
        .map(|l| l.chapter)
        .take_while(|&c| c != chapter)
        .last()?;
    let level = campaign.chapter(before)?;
    let save = world.resource::<crate::save::SaveGame>();
    let record = save.chapters.get(&before)?;
    record.played.as_ref()?;
    let outcome = save.campaign.results.get(&before);
    Some(crate::ui::journal::Previously {
        chapter: before,
        title: level.title.clone(),
        stars: outcome.map_or(record.best_stars, |o| o.stars),
        passed: outcome.is_some_and(|o| o.passed),
        chose: record
            .story
            .iter()
            .filter_map(|s| s.chosen_text().map(str::to_owned))
            .collect(),
        numbers: outcome
            .filter(|_| !level.narrative_only)
            .map(|o| o.numbers.headline()),
    })
}

/// A chapter to pick up where the player left it.
#[derive(Resource)]
pub struct Resume(pub crate::save::InProgress);

#[allow(clippy::too_many_arguments)]
pub(super) fn briefing_screen(
    mut contexts: EguiContexts,
    level: Option<Res<CurrentLevel>>,
    story: Option<Res<Story>>,
    mut read: ResMut<ScenesRead>,
    mut state: Local<DialogueState>,
    mut send: MessageWriter<PlayerCommand>,
    mut next: ResMut<NextState<Screen>>,
    playing: Option<Res<Playing>>,
    mut previously: ResMut<PreviouslyCard>,
) -> Result {
    let (Some(level), Some(story)) = (level, story) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let level = &level.0;
    if let Some(card) = &previously.0 {
        let heading = format!(
            "Chapter {}: {} · {}",
            level.chapter, level.title, level.date
        );
        if crate::ui::journal::previously(ctx, &heading, card) {
            previously.0 = None;
        }
        return Ok(());
    }
    let Some(scene) = story.played.get(read.0) else {
        // Nothing (more) to read before the clock starts. A chapter that is only story
        // has no board: its hours pass at once and the debrief follows.
        if level.narrative_only && story.awaiting_choice.is_none() {
            send.write(PlayerCommand::Advance {
                hours: level.hours(),
            });
        }
        next.set(Screen::Operations);
        return Ok(());
    };
    let mut heading = format!(
        "Chapter {}: {} · {}",
        level.chapter, level.title, level.date
    );
    if playing.is_some_and(|p| p.from_book) {
        heading.push_str(" · not reached yet: it starts as the book's choices leave the campaign");
    }
    let outcome = crate::ui::dialogue::story(
        ctx,
        &heading,
        &story.played,
        read.0,
        &level.cast,
        &mut state,
    );
    match outcome {
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
    Ok(())
}
