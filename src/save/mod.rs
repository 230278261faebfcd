//! Saves and settings. The campaign's progress (stars, answers, the chapter under way) is a
//! RON file written atomically; a save that cannot be read is moved aside and reported,
//! never overwritten. Settings go through Bevy's settings framework.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::reflect::Reflect;
use bevy_settings::{ReflectSettingsGroup, SettingsGroup};
use serde::{Deserialize, Serialize};

use crate::platform;
use crate::sim::CommandLog;
use crate::sim::commands::ReplayError;

pub mod played;

/// What the player sets once and keeps.
#[derive(Resource, SettingsGroup, Reflect, Clone, Debug, PartialEq)]
#[reflect(Resource, SettingsGroup, Default)]
pub struct Settings {
    pub ui_scale: f32,
    /// 1, 2 or 4.
    pub default_speed: u32,
    pub colour_blind: bool,
    pub text_size: f32,
    pub projector: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            ui_scale: 1.0,
            default_speed: 1,
            colour_blind: false,
            text_size: 1.0,
            projector: false,
        }
    }
}

/// One chapter's record in the campaign.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChapterRecord {
    pub best_stars: u8,
    /// The questions as the player last saw them, filled in with their numbers.
    #[serde(default)]
    pub questions: Vec<String>,
    pub answers: Vec<String>,
    /// Choices made the last time it was played: scene and index.
    pub choices: Vec<(String, usize)>,
    /// The last play in full (outcome, numbers, commands), for the session report.
    #[serde(default)]
    pub played: Option<played::PlayedChapter>,
}

#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveGame {
    pub version: u32,
    pub seed: u64,
    pub chapters: BTreeMap<u32, ChapterRecord>,
    /// The chapter to continue with.
    pub next_chapter: Option<u32>,
    /// A chapter left part-way: replaying its commands on its seed puts it back exactly.
    #[serde(default)]
    pub in_progress: Option<InProgress>,
    /// What the chapters played so far leave to the next.
    #[serde(default)]
    pub campaign: crate::sim::campaign::CampaignState,
    /// The class this campaign is played for; its code set `seed`.
    #[serde(default)]
    pub class_code: Option<String>,
    /// The player's name, for the report they hand in.
    #[serde(default)]
    pub student: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InProgress {
    pub chapter: u32,
    pub seed: u64,
    pub commands: Vec<crate::sim::PlayerCommand>,
    /// Scenes the player had already read.
    pub scenes_read: usize,
    /// `commands` holds only what was carried out, so a replay must accept every one.
    /// Saves from before this was kept hold refused commands too.
    #[serde(default)]
    pub accepted_only: bool,
}

impl InProgress {
    /// The chapter as far as it has got, from its log: enough for Continue to replay it.
    pub fn from_log(chapter: u32, seed: u64, log: &CommandLog, scenes_read: usize) -> Self {
        Self {
            chapter,
            seed,
            commands: log.accepted(),
            scenes_read,
            accepted_only: true,
        }
    }

    /// Puts the chapter, already opened on its seed, back as it was left. A command refused
    /// now that was carried out then stops the replay, and the error says which.
    pub fn replay(&self, world: &mut World) -> Result<(), ReplayError> {
        if self.accepted_only {
            return crate::sim::commands::replay(world, &self.commands);
        }
        for command in &self.commands {
            // An older save: its refusals were kept, and are refused again.
            let _ = crate::sim::commands::execute(world, command.clone());
        }
        Ok(())
    }
}

impl Default for SaveGame {
    fn default() -> Self {
        Self {
            version: 1,
            seed: 1,
            chapters: BTreeMap::new(),
            next_chapter: None,
            in_progress: None,
            campaign: Default::default(),
            class_code: None,
            student: String::new(),
        }
    }
}

impl SaveGame {
    pub fn stars(&self, chapter: u32) -> Option<u8> {
        self.chapters.get(&chapter).map(|c| c.best_stars)
    }

    /// A chapter is open once the one before it in the campaign has been passed. In a class
    /// every chapter is open: the instructor says which ones the session plays.
    pub fn is_unlocked(&self, chapter: u32, previous: Option<u32>) -> bool {
        self.class_code.is_some()
            || previous.is_none_or(|p| self.stars(p).is_some_and(|s| s > 0))
            || self.chapters.contains_key(&chapter)
    }

    /// Keeps a chapter left part-way, and makes it the one Continue opens.
    pub fn keep_in_progress(&mut self, progress: InProgress) {
        self.next_chapter = Some(progress.chapter);
        self.in_progress = Some(progress);
    }

    pub fn record(&mut self, chapter: u32, stars: u8, choices: Vec<(String, usize)>) {
        let record = self.chapters.entry(chapter).or_default();
        record.best_stars = record.best_stars.max(stars);
        record.choices = choices;
    }
}

/// Where saves live: the platform's data folder, or beside the game when there is none.
/// In the browser this is only the prefix of the localStorage keys.
pub fn save_dir() -> PathBuf {
    if cfg!(target_arch = "wasm32") {
        return PathBuf::from("parts-unlimited");
    }
    if let Ok(dir) = std::env::var("PARTS_UNLIMITED_DATA") {
        return PathBuf::from(dir);
    }
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .map_or_else(|| PathBuf::from("."), |d| d.join("parts-unlimited"))
}

pub fn save_path() -> PathBuf {
    save_dir().join("save.ron")
}

pub fn store(save: &SaveGame, path: &Path) -> Result<(), String> {
    let text = ron::ser::to_string_pretty(save, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    platform::write_text(path, &text)
}

/// What loading found.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    Fresh,
    Found(Box<SaveGame>),
    /// The file could not be read; it was moved aside to the path given.
    Damaged {
        reason: String,
        kept_at: PathBuf,
    },
}

pub fn load(path: &Path) -> Loaded {
    let Some(text) = platform::read_text(path) else {
        return Loaded::Fresh;
    };
    match ron::from_str::<SaveGame>(&text) {
        Ok(save) => Loaded::Found(Box::new(save)),
        Err(e) => {
            let mut kept_at = path.with_extension("ron.damaged");
            let mut n = 1;
            while platform::exists(&kept_at) {
                n += 1;
                kept_at = path.with_extension(format!("ron.damaged{n}"));
            }
            let _ = platform::rename(path, &kept_at);
            Loaded::Damaged {
                reason: e.to_string(),
                kept_at,
            }
        }
    }
}

/// A message for the title screen when the save could not be read.
#[derive(Resource, Clone, Debug, Default)]
pub struct SaveNotice(pub Option<String>);

#[derive(Resource, Clone, Debug)]
pub struct SavePath(pub PathBuf);

/// Saving on the way out, in order: the screens put what they hold into the save, then it is
/// written.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum SaveSet {
    Gather,
    Write,
}

pub(super) fn plugin(app: &mut App) {
    let path = save_path();
    let (save, notice) = match load(&path) {
        Loaded::Fresh => (SaveGame::default(), None),
        Loaded::Found(save) => (*save, None),
        Loaded::Damaged { reason, kept_at } => (
            SaveGame::default(),
            Some(format!(
                "Your save could not be read ({reason}). It was kept at {} and a new campaign begins.",
                kept_at.display()
            )),
        ),
    };
    app.register_type::<Settings>()
        .insert_resource(save)
        .insert_resource(SaveNotice(notice))
        .insert_resource(SavePath(path))
        .add_plugins(bevy_settings::SettingsPlugin::new(
            "org.partsunlimited.game",
        ))
        .configure_sets(Last, (SaveSet::Gather, SaveSet::Write).chain())
        .add_systems(Last, save_on_exit.in_set(SaveSet::Write));
}

fn save_on_exit(
    mut exits: MessageReader<AppExit>,
    save: Res<SaveGame>,
    path: Res<SavePath>,
    mut commands: Commands,
) {
    if exits.read().next().is_some() {
        if let Err(e) = store(&save, &path.0) {
            warn!("{e}");
        }
        commands.queue(bevy_settings::SaveSettingsSync::IfChanged);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pu-save-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("save.ron")
    }

    #[test]
    fn a_save_round_trips() {
        let path = temp("round");
        let mut save = SaveGame::default();
        save.record(1, 2, vec![("briefing".into(), 1)]);
        save.in_progress = Some(InProgress {
            chapter: 2,
            seed: 9,
            commands: vec![crate::sim::PlayerCommand::Advance { hours: 3 }],
            scenes_read: 1,
            accepted_only: true,
        });
        save.chapters.get_mut(&1).unwrap().answers = vec!["Because Brent".into()];
        store(&save, &path).unwrap();
        assert_eq!(load(&path), Loaded::Found(Box::new(save)));
        assert!(
            !std::path::PathBuf::from(format!("{}.tmp", path.display())).exists(),
            "the temporary file is renamed away"
        );
    }

    #[test]
    fn a_damaged_save_is_kept_aside_and_reported() {
        let path = temp("damaged");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "SaveGame(version: oops").unwrap();
        match load(&path) {
            Loaded::Damaged { kept_at, reason } => {
                assert!(
                    kept_at.exists() && !path.exists(),
                    "moved aside, not overwritten"
                );
                assert!(!reason.is_empty());
            }
            other => panic!("expected a damaged save, got {other:?}"),
        }
    }

    #[test]
    fn chapters_unlock_in_order() {
        let mut save = SaveGame::default();
        assert!(save.is_unlocked(1, None));
        assert!(!save.is_unlocked(2, Some(1)));
        save.record(1, 0, vec![]);
        assert!(
            !save.is_unlocked(2, Some(1)),
            "a failed chapter does not open the next"
        );
        save.record(1, 2, vec![]);
        assert!(save.is_unlocked(2, Some(1)));
        save.class_code = Some("DEVOPS-7".into());
        assert!(
            save.is_unlocked(30, Some(29)),
            "a class may start at any chapter"
        );
    }
}

#[cfg(test)]
mod settings_tests {
    use super::*;

    fn app() -> App {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .register_type::<Settings>()
            .add_plugins(bevy_settings::SettingsPlugin::new(
                "org.partsunlimited.test",
            ));
        app
    }

    #[test]
    fn settings_persist_between_runs() {
        let dir = std::env::temp_dir().join(format!("pu-settings-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        // SAFETY: no other test in this binary reads or writes these variables.
        unsafe {
            std::env::set_var("XDG_CONFIG_HOME", &dir);
            std::env::set_var("HOME", &dir);
        }
        let mut first = app();
        first.update();
        {
            let mut settings = first.world_mut().resource_mut::<Settings>();
            assert_eq!(
                *settings,
                Settings::default(),
                "a first run starts from the defaults"
            );
            settings.text_size = 1.4;
            settings.colour_blind = true;
        }
        first
            .world_mut()
            .commands()
            .queue(bevy_settings::SaveSettingsSync::Always);
        first.update();
        let second = app();
        let settings = second.world().resource::<Settings>();
        assert_eq!(settings.text_size, 1.4);
        assert!(settings.colour_blind);
    }
}
