//! Saves and settings. The campaign (stars, answers, what each chapter left) is `save.ron`;
//! the chapter in progress is `chapter.ron`, kept after every command so that a crash loses at
//! most the last moment; the settings are `settings.ron`. Each is written durably, with the
//! one before kept as a backup, in a versioned format (`store`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::sim::CommandLog;
use crate::sim::commands::ReplayError;

pub mod played;
pub mod settings;
pub mod store;

pub use settings::Settings;

/// The save file's format. 1 kept the chapter in progress inside `save.ron`, with the
/// commands it refused; 2 keeps it in `chapter.ron`, with only what was carried out.
pub const SAVE_VERSION: u32 = 2;

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
    /// The story as it played the last time: every line shown and the options taken.
    #[serde(default)]
    pub story: Vec<crate::sim::story::PlayedScene>,
}

#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveGame {
    pub version: u32,
    /// Counts the chapters closed and campaigns begun: the chapter file belongs to the save
    /// only while the two agree, so a crash between writing them can never bring a
    /// finished chapter back.
    #[serde(default)]
    pub generation: u64,
    pub seed: u64,
    pub chapters: BTreeMap<u32, ChapterRecord>,
    /// The chapter to continue with.
    pub next_chapter: Option<u32>,
    /// A chapter left part-way: replaying its commands on its seed puts it back exactly.
    /// Kept in its own file (format 1 kept it here, and is still read).
    #[serde(default, skip_serializing)]
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
    /// The seat in a live class, once joined: kept so a reload carries on.
    #[serde(default)]
    pub live: Option<LiveSeat>,
}

/// A seat in a live class (`parts-unlimited serve`): whose it is, the token that proves it,
/// how far the facilitator's calls have been read and what has reached the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LiveSeat {
    /// The server's address, as the game reaches it.
    pub server: String,
    pub code: String,
    pub name: String,
    pub token: String,
    /// The last facilitator's call acted on.
    pub last_event: i64,
    /// Each chapter's record as the server last took it (its checksum): a chapter whose
    /// record differs from this is sent again, after a reload or a lost connection too.
    #[serde(default)]
    pub delivered: BTreeMap<u32, String>,
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
            version: SAVE_VERSION,
            generation: 0,
            seed: 1,
            chapters: BTreeMap::new(),
            next_chapter: None,
            in_progress: None,
            campaign: Default::default(),
            class_code: None,
            student: String::new(),
            live: None,
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

    /// The chapter Continue opens: the one left part-way, or the next to play, once there is
    /// anything to continue.
    pub fn continue_with(&self, first: Option<u32>) -> Option<u32> {
        if let Some(progress) = &self.in_progress {
            return Some(progress.chapter);
        }
        if self.chapters.is_empty() {
            return None;
        }
        self.next_chapter.or(first)
    }

    /// Whether starting over would lose anything.
    pub fn has_progress(&self) -> bool {
        !self.chapters.is_empty() || self.in_progress.is_some()
    }

    /// A new campaign on `seed` (for `class_code`, if any); the player's name stays.
    pub fn fresh(&self, seed: u64, class_code: Option<String>) -> Self {
        SaveGame {
            seed,
            class_code,
            student: self.student.clone(),
            live: self.live.clone(),
            generation: self.generation + 1,
            ..SaveGame::default()
        }
    }

    /// The chapter under way is over: nothing is left to continue.
    pub fn close_chapter(&mut self) {
        self.in_progress = None;
        self.generation += 1;
    }

    /// Keeps a chapter left part-way, and makes it the one Continue opens.
    pub fn keep_in_progress(&mut self, progress: InProgress) {
        self.next_chapter = Some(progress.chapter);
        self.in_progress = Some(progress);
    }

    /// The campaign ending the story reached, if the last chapter played one.
    pub fn ending(&self) -> Option<&str> {
        self.chapters
            .values()
            .flat_map(|r| &r.story)
            .filter_map(|s| s.ending.as_deref())
            .next_back()
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

/// The chapter file: the chapter in progress, for the save of the same generation.
#[derive(Serialize, Deserialize)]
struct ChapterFile {
    version: u32,
    generation: u64,
    progress: Option<InProgress>,
}

/// Where the campaign and the chapter in progress are kept.
#[derive(Resource, Clone, Debug)]
pub struct SaveFiles {
    pub dir: PathBuf,
}

impl SaveFiles {
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn campaign(&self) -> PathBuf {
        self.dir.join("save.ron")
    }

    pub fn chapter(&self) -> PathBuf {
        self.dir.join("chapter.ron")
    }

    /// The campaign and, if one is under way, the chapter in progress. The message says
    /// what went wrong, if anything did.
    pub fn load(&self) -> (SaveGame, Option<String>) {
        // Format 1 differs only in keeping the chapter in progress inline, which still reads.
        let campaign = store::read(&self.campaign(), "save", SAVE_VERSION, |_, text| {
            let mut save: SaveGame = store::parse(text)?;
            save.version = SAVE_VERSION;
            Ok(save)
        });
        let mut save = campaign.value.unwrap_or_default();
        let chapter = store::read(
            &self.chapter(),
            "chapter in progress",
            SAVE_VERSION,
            |_, text| store::parse::<ChapterFile>(text),
        );
        if let Some(file) = chapter.value
            && file.generation == save.generation
            && let Some(progress) = file.progress
        {
            save.keep_in_progress(progress);
        }
        let notice = [campaign.notice, chapter.notice]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
        (save, (!notice.is_empty()).then(|| notice.join(" ")))
    }

    /// Keeps the whole campaign, and the chapter in progress with it.
    pub fn store(&self, save: &SaveGame) -> Result<(), String> {
        let text = ron::ser::to_string_pretty(save, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        store::write(&self.campaign(), &text)?;
        self.store_progress(save)
    }

    /// Keeps only the chapter in progress: small, so cheap after every command.
    pub fn store_progress(&self, save: &SaveGame) -> Result<(), String> {
        let file = ChapterFile {
            version: SAVE_VERSION,
            generation: save.generation,
            progress: save.in_progress.clone(),
        };
        let text = ron::ser::to_string(&file).map_err(|e| e.to_string())?;
        store::write(&self.chapter(), &text)
    }
}

/// A message for the player when a save could not be read or a chapter not put back.
#[derive(Resource, Clone, Debug, Default)]
pub struct SaveNotice(pub Option<String>);

/// Saving on the way out, in order: the screens put what they hold into the save, then it is
/// written. Both come after Bevy has decided to exit (a closed window, say) in that frame.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum SaveSet {
    Gather,
    Write,
}

pub(super) fn plugin(app: &mut App) {
    let files = SaveFiles::in_dir(save_dir());
    let (save, save_notice) = files.load();
    let settings_path = settings::settings_path();
    let kept = settings::load(&settings_path);
    let settings = kept.value.unwrap_or_default();
    let notice = [save_notice, kept.notice]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    crate::platform::watch_for_quit_signals();
    app.insert_resource(save)
        .insert_resource(SaveNotice((!notice.is_empty()).then(|| notice.join(" "))))
        .insert_resource(files)
        .insert_resource(settings::SettingsFileAt {
            path: settings_path,
            written: settings.clone(),
        })
        .insert_resource(settings)
        .configure_sets(
            Last,
            (SaveSet::Gather, SaveSet::Write)
                .chain()
                .after(bevy::window::ExitSystems),
        )
        .add_systems(First, quit_on_signal)
        .add_systems(
            Last,
            (save_on_exit, settings::keep_settings).in_set(SaveSet::Write),
        );
}

/// Ctrl-C, SIGTERM or SIGHUP: leave the way the Quit button does, saving first.
fn quit_on_signal(mut exits: MessageWriter<AppExit>, mut asked: Local<bool>) {
    if !*asked && crate::platform::quit_requested() {
        *asked = true;
        info!("asked to quit: saving and leaving");
        exits.write(AppExit::Success);
    }
}

fn save_on_exit(mut exits: MessageReader<AppExit>, save: Res<SaveGame>, files: Res<SaveFiles>) {
    if exits.read().next().is_some()
        && let Err(e) = files.store(&save)
    {
        warn!("{e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(name: &str) -> SaveFiles {
        let dir = std::env::temp_dir().join(format!("pu-save-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        SaveFiles::in_dir(dir)
    }

    fn a_campaign_under_way() -> SaveGame {
        let mut save = SaveGame::default();
        save.record(1, 2, vec![("briefing".into(), 1)]);
        save.keep_in_progress(InProgress {
            chapter: 2,
            seed: 9,
            commands: vec![crate::sim::PlayerCommand::Advance { hours: 3 }],
            scenes_read: 1,
            accepted_only: true,
        });
        save.chapters.get_mut(&1).unwrap().answers = vec!["Because Brent".into()];
        save
    }

    #[test]
    fn a_save_round_trips_with_its_chapter_in_progress() {
        let files = files("round");
        let save = a_campaign_under_way();
        files.store(&save).unwrap();
        assert_eq!(files.load(), (save, None));
        assert!(
            !files.dir.join("save.ron.tmp").exists(),
            "the temporary file is renamed away"
        );
    }

    #[test]
    fn a_damaged_save_falls_back_to_the_one_before_and_says_so() {
        let files = files("damaged");
        let mut save = a_campaign_under_way();
        files.store(&save).unwrap();
        let before = save.clone();
        save.record(2, 3, vec![]);
        files.store(&save).unwrap();
        std::fs::write(files.campaign(), "(version: 2, seed: oops").unwrap();
        let (loaded, notice) = files.load();
        let notice = notice.expect("the player is told");
        println!("{notice}");
        assert!(notice.contains("could not be read") && notice.contains("before it is used"));
        assert_eq!(loaded.chapters, before.chapters, "the backup's campaign");
        assert!(
            files.dir.join("save.ron.damaged").exists(),
            "the damaged file is kept"
        );
    }

    #[test]
    fn a_save_from_a_newer_game_is_refused_and_kept() {
        let files = files("newer");
        std::fs::create_dir_all(&files.dir).unwrap();
        let text = "(version: 9, seed: 4, chapters: {}, next_chapter: None)";
        std::fs::write(files.campaign(), text).unwrap();
        let (loaded, notice) = files.load();
        let notice = notice.unwrap();
        println!("{notice}");
        assert!(notice.contains("newer version") && notice.contains("format 9"));
        assert_eq!(loaded, SaveGame::default());
        let kept = files.dir.join("save.ron.v9");
        assert_eq!(
            std::fs::read_to_string(kept).unwrap(),
            text,
            "kept as it was"
        );
        files.store(&loaded).unwrap();
        assert!(
            files.dir.join("save.ron.v9").exists(),
            "never overwritten by the fresh save"
        );
    }

    #[test]
    fn a_format_1_save_is_read_with_its_chapter_in_progress() {
        let files = files("format1");
        std::fs::create_dir_all(&files.dir).unwrap();
        std::fs::write(
            files.campaign(),
            "(version: 1, seed: 4, chapters: {}, next_chapter: Some(3), in_progress: Some((chapter: 3, seed: 4, commands: [Advance(hours: 2)], scenes_read: 1)))",
        )
        .unwrap();
        let (loaded, notice) = files.load();
        assert_eq!(notice, None);
        assert_eq!(loaded.version, SAVE_VERSION, "migrated");
        let progress = loaded.in_progress.unwrap();
        assert_eq!(progress.chapter, 3);
        assert!(
            !progress.accepted_only,
            "its refusals were kept: replayed leniently"
        );
    }

    #[test]
    fn a_finished_chapter_never_comes_back() {
        let files = files("stale");
        let mut save = a_campaign_under_way();
        files.store_progress(&save).unwrap();
        files.store(&save).unwrap();
        save.close_chapter();
        // A crash after the campaign was written but before the chapter file was.
        let text = ron::ser::to_string_pretty(&save, Default::default()).unwrap();
        store::write(&files.campaign(), &text).unwrap();
        let (loaded, _) = files.load();
        assert_eq!(loaded.in_progress, None);
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

    #[test]
    fn settings_persist_between_runs_and_survive_damage() {
        let files = files("settings");
        let path = files.dir.join("settings.ron");
        let first = settings::load(&path);
        assert_eq!(
            first,
            store::Read {
                value: None,
                notice: None
            },
            "a first run"
        );
        let mut chosen = Settings {
            text_size: 1.4,
            colour_blind: true,
            ..Settings::default()
        };
        settings::store(&chosen, &path).unwrap();
        assert_eq!(settings::load(&path).value, Some(chosen.clone()));
        let earlier = chosen.clone();
        chosen.ui_scale = 1.5;
        settings::store(&chosen, &path).unwrap();
        std::fs::write(&path, "garbage").unwrap();
        let read = settings::load(&path);
        assert_eq!(read.value, Some(earlier), "the settings written before");
        assert!(read.notice.unwrap().contains("settings could not be read"));
    }
}
