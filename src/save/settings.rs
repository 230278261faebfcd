//! What the player sets once and keeps: kept beside the save, the same careful way.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::store;

#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub ui_scale: f32,
    /// 1, 2 or 4.
    pub default_speed: u32,
    pub colour_blind: bool,
    pub text_size: f32,
    pub projector: bool,
    /// The clock stops for a new Sev 1 and after every conversation or choice.
    pub auto_pause: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            ui_scale: 1.0,
            default_speed: 1,
            colour_blind: false,
            text_size: 1.0,
            projector: false,
            auto_pause: true,
        }
    }
}

/// The settings file's format.
pub const SETTINGS_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct SettingsFile {
    version: u32,
    settings: Settings,
}

pub fn settings_path() -> std::path::PathBuf {
    super::save_dir().join("settings.ron")
}

/// The kept settings (the defaults when there are none), and what to tell the player.
pub fn load(path: &std::path::Path) -> store::Read<Settings> {
    store::read(path, "settings", SETTINGS_VERSION, |_, text| {
        store::parse::<SettingsFile>(text).map(|file| file.settings)
    })
}

pub fn store(settings: &Settings, path: &std::path::Path) -> Result<(), String> {
    let file = SettingsFile {
        version: SETTINGS_VERSION,
        settings: settings.clone(),
    };
    let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    store::write(path, &text)
}

/// Where the settings live, and what was last written there.
#[derive(Resource, Clone, Debug)]
pub struct SettingsFileAt {
    pub path: std::path::PathBuf,
    pub written: Settings,
}

/// Keeps the settings once they have stopped changing for a moment (a dragged slider
/// changes them every frame), and on the way out.
pub fn keep_settings(
    settings: Res<Settings>,
    mut file: ResMut<SettingsFileAt>,
    time: Res<Time>,
    mut exits: MessageReader<AppExit>,
    mut last_seen: Local<Option<(Settings, f32)>>,
) {
    let now = time.elapsed_secs();
    if last_seen
        .as_ref()
        .is_none_or(|(seen, _)| seen != &*settings)
    {
        *last_seen = Some((settings.clone(), now));
    }
    let since = last_seen.as_ref().map_or(now, |(_, at)| *at);
    let leaving = exits.read().next().is_some();
    if *settings != file.written && (now - since > 0.5 || leaving) {
        match store(&settings, &file.path) {
            Ok(()) => file.written = settings.clone(),
            Err(e) => warn!("{e}"),
        }
    }
}
