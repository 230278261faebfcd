//! "What if?": the chapter just played, run again on the same seed another way: as the
//! `flow` player would have played it, or as the player did with one change from the start.

use crate::level::{Level, Policy};
use crate::sim::{Column, PlayerCommand};

use super::{Played, ScriptedPlayer, play_chapter_in, replay_chapter_in};
use crate::sim::campaign::CampaignState;

/// Another way to play the same chapter.
#[derive(Clone, Debug, PartialEq)]
pub enum Alternative {
    /// The scripted `flow` player's decisions throughout.
    Flow,
    /// The player's own commands, after these from the first hour.
    Also(Vec<PlayerCommand>),
}

/// The alternatives worth offering for this chapter: the flow player, and each policy the
/// chapter unlocks that the player did not switch on at the start.
pub fn alternatives(level: &Level, played: &[PlayerCommand]) -> Vec<(String, Alternative)> {
    let mut out = vec![(
        "Played by the book (the flow player)".to_owned(),
        Alternative::Flow,
    )];
    // What the player already had, at any point of the chapter, is not offered again.
    let switched_on = |policy: Policy| {
        played.iter().any(|c| match c {
            PlayerCommand::SetPolicy {
                policy: p,
                on: true,
            } => *p == policy,
            PlayerCommand::SetWipLimit { limit: Some(_), .. } => policy == Policy::WipLimits,
            PlayerCommand::SetBatchSize { .. } => policy == Policy::SmallBatches,
            _ => false,
        }) || level.policies.enabled.contains(&policy)
    };
    for &policy in &level.policies.unlocked {
        if switched_on(policy) {
            continue;
        }
        let on = PlayerCommand::SetPolicy { policy, on: true };
        let (label, commands) = match policy {
            Policy::WipLimits => {
                let cap = level.team.len().max(1) as u32;
                (
                    format!("Your play, with Doing capped at {cap} from the start"),
                    vec![
                        on,
                        PlayerCommand::SetWipLimit {
                            column: Column::Doing,
                            limit: Some(cap),
                        },
                    ],
                )
            }
            Policy::SmallBatches => (
                "Your play, deploying each change on its own".to_owned(),
                vec![on, PlayerCommand::SetBatchSize { size: 1 }],
            ),
            // Tools used card by card, not one switch for the whole chapter.
            Policy::Documentation | Policy::ObjectiveLinks => continue,
            other => (
                format!("Your play, with the {} on from the start", other.label()),
                vec![on],
            ),
        };
        out.push((label, Alternative::Also(commands)));
    }
    out
}

/// Plays the chapter the other way, on the same seed and with the same campaign behind it
/// (`level` is the chapter as `campaign` prepared it).
pub fn play_alternative(
    campaign: &CampaignState,
    level: &Level,
    seed: u64,
    played: &[PlayerCommand],
    alternative: &Alternative,
) -> Played {
    match alternative {
        Alternative::Flow => play_chapter_in(campaign, level, seed, ScriptedPlayer::Flow),
        Alternative::Also(first) => {
            let commands: Vec<PlayerCommand> = first.iter().chain(played).cloned().collect();
            replay_chapter_in(campaign, level, seed, &commands)
        }
    }
}
