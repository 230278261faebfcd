//! The desktop: files in the player's data folder.

use std::path::{Path, PathBuf};

pub fn read_text(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// Writes the whole file to a temporary name, then renames it into place, so a crash
/// mid-write never leaves half a file.
pub fn write_text(path: &Path, contents: &str) -> Result<(), String> {
    let write = || -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(".tmp");
        std::fs::write(&temporary, contents)?;
        std::fs::rename(&temporary, path)
    };
    write().map_err(|e| format!("could not write {}: {e}", path.display()))
}

pub fn rename(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::rename(from, to).map_err(|e| format!("could not move {}: {e}", from.display()))
}

/// Hands a finished file to the player: written into `folder`; says where.
pub fn deliver(folder: &Path, file_name: &str, contents: &str) -> Result<String, String> {
    let path: PathBuf = folder.join(file_name);
    write_text(&path, contents)?;
    Ok(path.display().to_string())
}

/// The class code in the page's address: there is no page on the desktop.
pub fn class_in_address() -> Option<String> {
    None
}

/// The first frame is up.
pub fn page_ready() {}
