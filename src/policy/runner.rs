//! The headless runner: a chapter or the whole campaign played by a scripted player, or a
//! command log replayed, without a window.

use bevy::prelude::*;

use super::ScriptedPlayer;
use crate::sim::PlayerCommand;
use crate::sim::board;
use crate::sim::campaign::CampaignState;

/// What a finished chapter leaves behind: its outcome, its hour-by-hour record and the
/// commands that produced it.
#[derive(Clone, Debug)]
pub struct Played {
    pub result: crate::sim::objectives::ChapterResult,
    pub metrics: crate::sim::metrics::Metrics,
    pub log: crate::sim::CommandLog,
    /// Hours from release to done of every finished ticket (the lead-time histogram).
    pub lead_times: Vec<f64>,
}

/// Safety stop for a player that never lets the clock run (a scene nobody can answer).
const MAX_FRAMES: u32 = 100_000;

/// Plays a chapter headlessly with a scripted player, one hour a frame, as a chapter played on
/// its own opens: with an empty campaign, so what only earlier choices bring is not there.
pub fn play_chapter(level: &crate::level::Level, seed: u64, player: ScriptedPlayer) -> Played {
    let alone = CampaignState::default();
    play_chapter_in(&alone, &alone.prepare(level), seed, player)
}

/// Plays `prepared` (the level as `campaign` prepared it) with a scripted player, the story
/// reading what `campaign` carried in.
pub fn play_chapter_in(
    campaign: &CampaignState,
    prepared: &crate::level::Level,
    seed: u64,
    player: ScriptedPlayer,
) -> Played {
    let mut app = crate::sim::headless_app();
    crate::sim::start_chapter_in(app.world_mut(), campaign, prepared, seed);
    play_to_the_end(&mut app, player);
    finish(app)
}

/// Lets the player decide each hour until the chapter is over.
fn play_to_the_end(app: &mut App, player: ScriptedPlayer) {
    for _ in 0..MAX_FRAMES {
        if app
            .world()
            .contains_resource::<crate::sim::objectives::ChapterResult>()
        {
            break;
        }
        let commands = player.decide(app.world());
        let choosing = matches!(commands.first(), Some(PlayerCommand::Choose { .. }));
        for command in commands {
            app.world_mut().write_message(command);
        }
        if !choosing {
            app.world_mut()
                .write_message(PlayerCommand::Advance { hours: 1 });
        }
        app.update();
    }
}

/// One chapter of a campaign run.
#[derive(Clone, Debug)]
pub struct CampaignRow {
    pub chapter: u32,
    pub title: String,
    pub narrative_only: bool,
    pub result: crate::sim::objectives::ChapterResult,
    /// The story as it played: lines shown and options taken.
    pub story: Vec<crate::sim::story::PlayedScene>,
}

/// Plays every chapter in order, carrying the campaign's state from each to the next.
pub fn play_campaign(
    campaign: &crate::level::LoadedCampaign,
    seed: u64,
    player: ScriptedPlayer,
) -> (Vec<CampaignRow>, crate::sim::campaign::CampaignState) {
    play_campaign_before(campaign, seed, player, u32::MAX)
}

/// What a player who made the book's choices (the `flow` player) carries into `chapter`.
pub fn book_state_before(
    campaign: &crate::level::LoadedCampaign,
    chapter: u32,
    seed: u64,
) -> crate::sim::campaign::CampaignState {
    play_campaign_before(campaign, seed, ScriptedPlayer::Flow, chapter).1
}

/// Plays chapter `chapter` as a campaign reaches it: the chapters before it played in order by
/// the same player, what they leave carried in. Returns the play and what was carried.
pub fn play_chapter_in_campaign(
    campaign: &crate::level::LoadedCampaign,
    chapter: u32,
    seed: u64,
    player: ScriptedPlayer,
) -> Option<(Played, crate::sim::campaign::CampaignState)> {
    let level = campaign.chapter(chapter)?;
    let state = play_campaign_before(campaign, seed, player, chapter).1;
    let played = play_chapter_in(&state, &state.prepare(level), seed, player);
    Some((played, state))
}

/// Plays the chapters before `stop` in order, carrying the campaign's state.
fn play_campaign_before(
    campaign: &crate::level::LoadedCampaign,
    seed: u64,
    player: ScriptedPlayer,
    stop: u32,
) -> (Vec<CampaignRow>, crate::sim::campaign::CampaignState) {
    let mut state = crate::sim::campaign::CampaignState::default();
    let mut rows = Vec::new();
    for level in campaign.chapters().take_while(|l| l.chapter < stop) {
        let prepared = state.prepare(level);
        let mut app = crate::sim::headless_app();
        crate::sim::start_chapter_in(app.world_mut(), &state, &prepared, seed);
        play_to_the_end(&mut app, player);
        state.carry(app.world(), &prepared);
        let story = app
            .world()
            .resource::<crate::sim::story::Story>()
            .played
            .clone();
        rows.push(CampaignRow {
            chapter: level.chapter,
            title: level.title.clone(),
            narrative_only: level.narrative_only,
            result: finish(app).result,
            story,
        });
    }
    (rows, state)
}

/// Replays a command log on the same level and seed, as a chapter played on its own. The log
/// may hold the refusals it met the first time (a session report's does); they are refused
/// again and change nothing.
pub fn replay_chapter(
    level: &crate::level::Level,
    seed: u64,
    commands: &[PlayerCommand],
) -> Played {
    let alone = CampaignState::default();
    replay_chapter_in(&alone, &alone.prepare(level), seed, commands)
}

/// Replays a command log on `prepared` (the level as `campaign` prepared it), the story
/// reading what `campaign` carried in, so every scene and option comes back as it was.
pub fn replay_chapter_in(
    campaign: &CampaignState,
    prepared: &crate::level::Level,
    seed: u64,
    commands: &[PlayerCommand],
) -> Played {
    let mut app = crate::sim::headless_app();
    crate::sim::start_chapter_in(app.world_mut(), campaign, prepared, seed);
    for command in commands {
        app.world_mut().write_message(command.clone());
        app.update();
    }
    finish(app)
}

fn finish(mut app: App) -> Played {
    // Close the books even if the player stopped early.
    crate::sim::objectives::close_chapter_when_over(app.world_mut());
    let world = app.world();
    let result = world
        .get_resource::<crate::sim::objectives::ChapterResult>()
        .cloned()
        .unwrap_or_else(|| crate::sim::objectives::evaluate(world));
    Played {
        result,
        metrics: world.resource::<crate::sim::metrics::Metrics>().clone(),
        log: world.resource::<crate::sim::CommandLog>().clone(),
        lead_times: board::lead_times(world),
    }
}
