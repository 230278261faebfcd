//! Levels: the RON schema, loading with located errors, and the campaign built into the binary.

mod embedded;
pub use embedded::file as embedded_file;
pub use embedded::names as embedded_names;
pub mod bounds;
pub mod locate;
pub mod placeholders;
pub mod schema;
pub mod story_check;
mod validate;
pub mod warnings;

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

/// The largest level or campaign file read: the biggest built-in level is a small fraction.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Reads a level file, refusing one too large to be a level before reading it.
fn read_file(path: &Path) -> Result<String, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(format!(
            "{size} bytes, more than a level file can be ({MAX_FILE_BYTES})"
        ));
    }
    std::fs::read_to_string(path).map_err(|e| e.to_string())
}

/// Whether the text begins the way a RON level or campaign does (after comments and
/// `#![enable(...)]` lines): with `(`, or a name and `(`. Anything else is not a level, and
/// its content is not quoted back.
fn begins_like_a_level(src: &str) -> bool {
    let mut rest = src.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else if rest.starts_with("#!") {
            rest = rest.split_once('\n').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    rest[name_end..].trim_start().starts_with('(')
}

fn parse_ron<T: serde::de::DeserializeOwned>(file: &str, src: &str) -> Result<T, LevelError> {
    if src.len() > MAX_FILE_BYTES {
        return Err(LevelError::whole_file(
            file,
            format!(
                "{} bytes, more than a level file can be ({MAX_FILE_BYTES})",
                src.len()
            ),
        ));
    }
    if !begins_like_a_level(src) {
        return Err(LevelError::whole_file(
            file,
            "not a level file: a level begins with `(` (or `Level(`)",
        ));
    }
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
            LevelSource::Dir(dir) => {
                let path = inside(dir, name)?;
                read_file(&path).map_err(|e| LevelError::whole_file(&path.display().to_string(), e))
            }
        }
    }

    fn display_name(&self, name: &str) -> String {
        match self {
            LevelSource::Embedded => format!("levels/{name}"),
            LevelSource::Dir(dir) => dir.join(name).display().to_string(),
        }
    }
}

/// A campaign names only `.ron` files inside its own folder: no absolute paths, no `..`, no
/// link that leads out. The refusal names the file, never what it holds.
fn inside(dir: &Path, name: &str) -> Result<PathBuf, LevelError> {
    let shown = dir.join("campaign.ron").display().to_string();
    let relative = Path::new(name);
    let plain = relative
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain || name.is_empty() {
        return Err(LevelError::whole_file(
            &shown,
            format!(
                "`{name}` is outside the campaign's folder: name a level file inside it, as `part1/01-payroll.ron`"
            ),
        ));
    }
    if relative.extension().is_none_or(|e| e != "ron") {
        return Err(LevelError::whole_file(
            &shown,
            format!("`{name}` is not a level file: levels end in .ron"),
        ));
    }
    let path = dir.join(relative);
    if let (Ok(real), Ok(folder)) = (path.canonicalize(), dir.canonicalize())
        && !real.starts_with(&folder)
    {
        return Err(LevelError::whole_file(
            &shown,
            format!("`{name}` leads outside the campaign's folder"),
        ));
    }
    Ok(path)
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
    load_with_texts(source).map(|(campaign, _)| campaign)
}

/// Each chapter with its file's name and text (`texts` in the campaign's order).
fn sourced<'a>(
    campaign: &'a LoadedCampaign,
    texts: &'a [(String, String)],
) -> Vec<story_check::Source<'a>> {
    campaign
        .chapters()
        .zip(texts)
        .map(|(level, (file, src))| story_check::Source { file, src, level })
        .collect()
}

/// Each level's file name and text, in the campaign's order.
type Texts = Vec<(String, String)>;

/// The campaign, and each level's file name and text in its order.
fn load_with_texts(source: &LevelSource) -> Result<(LoadedCampaign, Texts), Vec<LevelError>> {
    let campaign_name = "campaign.ron";
    let src = source.read(campaign_name).map_err(|e| vec![e])?;
    let campaign: Campaign =
        parse_ron(&source.display_name(campaign_name), &src).map_err(|e| vec![e])?;
    let named: usize = campaign.parts.iter().map(|p| p.chapters.len()).sum();
    if named > bounds::TICKETS {
        return Err(vec![LevelError::whole_file(
            &source.display_name(campaign_name),
            format!(
                "the campaign names {named} files; at most {}",
                bounds::TICKETS
            ),
        )]);
    }
    let mut errors = Vec::new();
    let mut parts = Vec::new();
    let mut seen_chapters = std::collections::BTreeSet::new();
    // Each level's file name and text, for the story's checks across the campaign.
    let mut sources: Texts = Vec::new();
    for part in &campaign.parts {
        let mut chapters = Vec::new();
        for name in &part.chapters {
            let shown = source.display_name(name);
            match source.read(name) {
                Err(mut e) => {
                    // A name the campaign may not use: point at it in the campaign file.
                    if e.file == source.display_name(campaign_name) {
                        let at = locate::locate(&src, &[locate::text(name)]);
                        (e.line, e.col) = (at.line, at.col);
                    }
                    errors.push(e)
                }
                Ok(src) => match parse_level(&shown, &src) {
                    Ok(level) => {
                        sources.push((shown.clone(), src.clone()));
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
    let campaign = LoadedCampaign { parts };
    if errors.is_empty() {
        errors = story_check::campaign_problems(&sourced(&campaign, &sources));
    }
    if errors.is_empty() {
        Ok((campaign, sources))
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
        let src = match read_file(file) {
            Ok(src) => src,
            Err(e) => {
                errors.push(LevelError::whole_file(&shown, e));
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

/// What `check` warns about under `path` (levels that play but contradict themselves), as
/// "file: warning" lines. Files with errors are left to `check_path`.
pub fn warn_path(path: &Path) -> Vec<String> {
    let mut files = Vec::new();
    collect_ron_files(path, &mut files);
    let mut out = Vec::new();
    for file in &files {
        let shown = file.display().to_string();
        if file.file_name().is_some_and(|n| n == "campaign.ron") {
            let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
            if let Ok((campaign, texts)) = load_with_texts(&LevelSource::Dir(dir)) {
                for warning in warnings::campaign_warnings(campaign.chapters()) {
                    out.push(format!("{shown}: {warning}"));
                }
                let (_, flags) = story_check::flag_report(&sourced(&campaign, &texts));
                out.extend(flags);
            }
        } else if let Ok(src) = read_file(file)
            && let Ok(level) = parse_level(&shown, &src)
        {
            for warning in warnings::level_warnings(&level, warnings::traced(&level)) {
                out.push(format!("{shown}: {warning}"));
            }
        }
    }
    out
}

/// Every flag of each campaign under `path`: where choices set it and conditions read it.
pub fn flags_path(path: &Path) -> Vec<String> {
    let mut files = Vec::new();
    collect_ron_files(path, &mut files);
    let mut out = Vec::new();
    for file in files
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "campaign.ron"))
    {
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        if let Ok((campaign, texts)) = load_with_texts(&LevelSource::Dir(dir)) {
            out.extend(story_check::flag_report(&sourced(&campaign, &texts)).0);
        }
    }
    out
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
        // A folder of levels is walked as it is: links out of it are not followed.
        if entry
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            continue;
        }
        if entry.is_dir() {
            collect_ron_files(&entry, out);
        } else if entry.extension().is_some_and(|x| x == "ron") {
            out.push(entry);
        }
    }
}
