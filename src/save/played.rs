//! A chapter as it was last played: its outcome, key numbers, choices and every command.
//! The save keeps it; the session report hands it in.

use serde::{Deserialize, Serialize};

use crate::level::Level;
use crate::sim::PlayerCommand;
use crate::sim::key_numbers::{KeyNumbers, finite};
use crate::sim::objectives::ChapterResult;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChoiceMade {
    pub scene: String,
    pub choice: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveOutcome {
    pub text: String,
    pub value: f64,
    pub met: bool,
}

/// A chapter as it was last played: enough to report it and to replay it exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlayedChapter {
    pub chapter: u32,
    pub title: String,
    pub seed: u64,
    pub passed: bool,
    pub stars: u8,
    pub objectives: Vec<ObjectiveOutcome>,
    pub metrics: KeyNumbers,
    pub choices: Vec<ChoiceMade>,
    /// Every command, in order: the seed and these give the chapter back.
    pub commands: Vec<PlayerCommand>,
}

impl PlayedChapter {
    pub fn new(
        level: &Level,
        seed: u64,
        result: &ChapterResult,
        commands: Vec<PlayerCommand>,
    ) -> Self {
        let choices = commands
            .iter()
            .filter_map(|command| match command {
                PlayerCommand::Choose { scene, choice } => Some(ChoiceMade {
                    scene: scene.clone(),
                    choice: *choice,
                    text: level
                        .scenes
                        .iter()
                        .find(|s| &s.id == scene)
                        .and_then(|s| s.choices.get(*choice))
                        .map_or_else(String::new, |c| c.text.clone()),
                }),
                _ => None,
            })
            .collect();
        Self {
            chapter: level.chapter,
            title: level.title.clone(),
            seed,
            passed: result.passed(),
            stars: result.stars,
            objectives: result
                .objectives
                .iter()
                .map(|o| ObjectiveOutcome {
                    text: o.text.clone(),
                    value: finite(Some(o.value)).unwrap_or(0.0),
                    met: o.met,
                })
                .collect(),
            metrics: KeyNumbers::of(&result.summary),
            choices,
            commands,
        }
    }
}
