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
    CampaignRow, Played, book_state_before, play_campaign, play_chapter, replay_chapter,
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
        let scene = world.resource::<Story>().awaiting_choice.clone()?;
        let level = &world.resource::<CurrentLevel>().0;
        let choices = &level.scene(&scene)?.choices;
        let wise = choices.iter().position(|c| c.wise);
        let choice = match self {
            Self::Flow => wise.unwrap_or(0),
            Self::Naive => choices.iter().position(|c| !c.wise).unwrap_or(0),
        };
        Some(PlayerCommand::Choose { scene, choice })
    }
}
