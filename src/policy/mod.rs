//! Scripted players. They read the simulation and send `PlayerCommand`s, exactly as the UI
//! does: `naive` plays the way Bill's department worked before the story, `flow` plays the
//! way the book teaches.

mod flow;
mod naive;
mod plan;
mod runner;
pub mod what_if;

use bevy::prelude::*;

pub use runner::{
    CampaignRow, Played, book_state_before, play_campaign, play_chapter, play_chapter_in,
    play_chapter_in_campaign, replay_chapter, replay_chapter_in,
};

use crate::sim::PlayerCommand;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptedPlayer {
    /// First come, first served; Brent takes whatever he can; no change control.
    Naive,
    /// Protects Brent, limits WIP, logs and tiers changes, runs incidents by the book.
    Flow,
}

impl ScriptedPlayer {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "naive" => Some(Self::Naive),
            "flow" => Some(Self::Flow),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Naive => "naive",
            Self::Flow => "flow",
        }
    }

    /// The commands this player gives at the current hour, before the clock moves on.
    pub fn decide(self, world: &World) -> Vec<PlayerCommand> {
        let mut plan = plan::Plan::new(world);
        if let Some(choice) = self.choose(world) {
            // Nothing else can happen until the scene's choice is made.
            return vec![choice];
        }
        match self {
            Self::Naive => plan.naive(),
            Self::Flow => plan.flow(),
        }
        plan.commands
    }

    fn choose(self, world: &World) -> Option<PlayerCommand> {
        let played = world.resource::<Story>().awaiting()?;
        let level = &world.resource::<CurrentLevel>().0;
        let choices = &level.scene(&played.id)?.choices;
        let wise = |index: usize| choices.get(index).is_some_and(|c| c.wise);
        // Of the options offered, in the level's order (not the order shown).
        let mut offered: Vec<usize> = played.choices.iter().map(|o| o.index).collect();
        offered.sort_unstable();
        let choice = match self {
            Self::Flow => offered.iter().copied().find(|&i| wise(i)),
            Self::Naive => offered.iter().copied().find(|&i| !wise(i)),
        }
        .or(offered.first().copied())?;
        Some(PlayerCommand::Choose {
            scene: played.id.clone(),
            choice,
        })
    }
}
