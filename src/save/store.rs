//! Files the game keeps for the player (the campaign, the chapter in progress, the settings):
//! each carries a format version, the one before it is kept as a backup, and a file that
//! cannot be read is moved aside, never overwritten.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::platform;

/// Enough of any kept file to tell which format it is in.
#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// What reading a kept file found.
#[derive(Debug, PartialEq)]
pub struct Read<T> {
    /// What was read (from the backup, if the newest could not be); `None` when there was
    /// nothing usable.
    pub value: Option<T>,
    /// What the player should be told, if anything went wrong.
    pub notice: Option<String>,
}

pub fn backup_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Writes `text` durably over `path`, keeping what was there as the backup.
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    platform::rename(path, &backup_of(path))?;
    platform::write_text(path, text)
}

pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    ron::from_str(text).map_err(|e| e.to_string())
}

/// Why a file's text is not a `T` of a version this game reads.
enum Unusable {
    Damaged(String),
    Newer(u32),
}

/// The file's version, then the file read by `read_version` (which migrates older ones).
fn decode<T>(
    text: &str,
    current: u32,
    read_version: &impl Fn(u32, &str) -> Result<T, String>,
) -> Result<T, Unusable> {
    let header: Header = parse(text).map_err(Unusable::Damaged)?;
    if header.version > current {
        return Err(Unusable::Newer(header.version));
    }
    read_version(header.version, text).map_err(Unusable::Damaged)
}

/// A free name beside `path` to keep an unusable file under.
fn aside(path: &Path, tag: &str) -> PathBuf {
    let name = |n: u32| {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{tag}"));
        if n > 1 {
            name.push(n.to_string());
        }
        PathBuf::from(name)
    };
    (1..)
        .map(name)
        .find(|p| !platform::exists(p))
        .expect("some name is free")
}

/// Reads the file kept at `path`, of format `current` (older formats go through
/// `read_version`, which migrates them). `what` names it for the player ("save").
pub fn read<T>(
    path: &Path,
    what: &str,
    current: u32,
    read_version: impl Fn(u32, &str) -> Result<T, String>,
) -> Read<T> {
    let backup = || {
        platform::read_text(&backup_of(path))
            .and_then(|text| decode(&text, current, &read_version).ok())
    };
    let Some(text) = platform::read_text(path) else {
        // Nothing kept, or a write that stopped between keeping the backup and the new file.
        return Read {
            value: backup(),
            notice: None,
        };
    };
    match decode(&text, current, &read_version) {
        Ok(value) => Read {
            value: Some(value),
            notice: None,
        },
        Err(Unusable::Newer(version)) => {
            let kept_at = aside(path, &format!("v{version}"));
            let _ = platform::rename(path, &kept_at);
            Read {
                value: None,
                notice: Some(format!(
                    "Your {what} was made by a newer version of the game (format {version}; this one reads {current}). It was kept at {} and starts afresh here.",
                    kept_at.display()
                )),
            }
        }
        Err(Unusable::Damaged(reason)) => {
            let kept_at = aside(path, "damaged");
            let _ = platform::rename(path, &kept_at);
            let value = backup();
            let then = if value.is_some() {
                "the one written before it is used instead"
            } else {
                "it starts afresh"
            };
            Read {
                value,
                notice: Some(format!(
                    "Your {what} could not be read ({reason}). It was kept at {} and {then}.",
                    kept_at.display()
                )),
            }
        }
    }
}
