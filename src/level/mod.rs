//! Levels: the RON schema, loading with located errors, and the campaign built into the binary.

mod embedded;
pub use embedded::names as embedded_names;
pub mod locate;
pub mod placeholders;
pub mod schema;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use schema::*;

/// What is wrong with a level file, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for LevelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

impl LevelError {
    fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line: 1,
            col: 1,
            message: message.into(),
        }
    }
}

fn parse_ron<T: serde::de::DeserializeOwned>(file: &str, src: &str) -> Result<T, LevelError> {
    // Authors write `due: 16`, not `due: Some(16)`.
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<T>(src)
        .map_err(|e| LevelError {
            file: file.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// Parses and checks one level. Every problem found is returned, each with its place.
pub fn parse_level(file: &str, src: &str) -> Result<Level, Vec<LevelError>> {
    let level: Level = parse_ron(file, src).map_err(|e| vec![e])?;
    let problems = validate::validate(&level);
    if problems.is_empty() {
        return Ok(level);
    }
    Err(problems
        .into_iter()
        .map(|p| {
            let at = locate::locate(src, &p.path);
            LevelError {
                file: file.to_owned(),
                line: at.line,
                col: at.col,
                message: p.message,
            }
        })
        .collect())
}

/// Where levels are read from.
#[derive(Clone, Debug, Default)]
pub enum LevelSource {
    /// The campaign compiled into the binary.
    #[default]
    Embedded,
    /// A folder laid out like `levels/`, with a `campaign.ron`.
    Dir(PathBuf),
}

impl LevelSource {
    fn read(&self, name: &str) -> Result<String, LevelError> {
        match self {
            LevelSource::Embedded => embedded::file(name)
                .map(str::to_owned)
                .ok_or_else(|| LevelError::whole_file(name, "no such level is built in")),
            LevelSource::Dir(dir) => std::fs::read_to_string(dir.join(name)).map_err(|e| {
                LevelError::whole_file(&dir.join(name).display().to_string(), e.to_string())
            }),
        }
    }

    fn display_name(&self, name: &str) -> String {
        match self {
            LevelSource::Embedded => format!("levels/{name}"),
            LevelSource::Dir(dir) => dir.join(name).display().to_string(),
        }
    }
}

/// The campaign with every level loaded and checked.
#[derive(Clone, Debug)]
pub struct LoadedCampaign {
    pub parts: Vec<LoadedPart>,
}

#[derive(Clone, Debug)]
pub struct LoadedPart {
    pub title: String,
    pub chapters: Vec<Level>,
}

impl LoadedCampaign {
    pub fn chapters(&self) -> impl Iterator<Item = &Level> {
        self.parts.iter().flat_map(|p| p.chapters.iter())
    }

    pub fn chapter(&self, number: u32) -> Option<&Level> {
        self.chapters().find(|l| l.chapter == number)
    }
}

/// Loads `campaign.ron` and every level it names; all errors are gathered, not just the first.
pub fn load_campaign(source: &LevelSource) -> Result<LoadedCampaign, Vec<LevelError>> {
    let campaign_name = "campaign.ron";
    let src = source.read(campaign_name).map_err(|e| vec![e])?;
    let campaign: Campaign =
        parse_ron(&source.display_name(campaign_name), &src).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut parts = Vec::new();
    let mut seen_chapters = std::collections::BTreeSet::new();
    for part in &campaign.parts {
        let mut chapters = Vec::new();
        for name in &part.chapters {
            let shown = source.display_name(name);
            match source.read(name) {
                Err(e) => errors.push(e),
                Ok(src) => match parse_level(&shown, &src) {
                    Ok(level) => {
                        if !seen_chapters.insert(level.chapter) {
                            errors.push(LevelError::whole_file(
                                &shown,
                                format!("chapter {} appears twice in the campaign", level.chapter),
                            ));
                        }
                        chapters.push(level);
                    }
                    Err(mut e) => errors.append(&mut e),
                },
            }
        }
        parts.push(LoadedPart {
            title: part.title.clone(),
            chapters,
        });
    }
    if errors.is_empty() {
        Ok(LoadedCampaign { parts })
    } else {
        Err(errors)
    }
}

/// Checks a level file, or every `.ron` file under a folder (a campaign file included).
/// Returns the files checked and every error found.
pub fn check_path(path: &Path) -> (usize, Vec<LevelError>) {
    let mut files = Vec::new();
    collect_ron_files(path, &mut files);
    let mut errors = Vec::new();
    for file in &files {
        let shown = file.display().to_string();
        let src = match std::fs::read_to_string(file) {
            Ok(src) => src,
            Err(e) => {
                errors.push(LevelError::whole_file(&shown, e.to_string()));
                continue;
            }
        };
        if file.file_name().is_some_and(|n| n == "campaign.ron") {
            let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
            if let Err(mut e) = load_campaign(&LevelSource::Dir(dir)) {
                // Level errors are reported once, by their own file below.
                e.retain(|err| {
                    err.file == shown || !files.iter().any(|f| f.display().to_string() == err.file)
                });
                errors.append(&mut e);
            }
        } else if let Err(mut e) = parse_level(&shown, &src) {
            errors.append(&mut e);
        }
    }
    if files.is_empty() {
        errors.push(LevelError::whole_file(
            &path.display().to_string(),
            "no .ron level files here",
        ));
    }
    (files.len(), errors)
}

fn collect_ron_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_ron_files(&entry, out);
        } else if entry.extension().is_some_and(|x| x == "ron") {
            out.push(entry);
        }
    }
}
