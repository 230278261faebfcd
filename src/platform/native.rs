//! The desktop: files in the player's data folder, written so that a crash or a power cut
//! never leaves half a file; and the terminal's signals, which end the game cleanly.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub fn read_text(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// Writes the whole file to a temporary name and flushes it to the disk, then renames it into
/// place and flushes the folder, so the file is either the old one or the new one, complete.
pub fn write_text(path: &Path, contents: &str) -> Result<(), String> {
    let write = || -> std::io::Result<()> {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        if let Some(dir) = dir {
            std::fs::create_dir_all(dir)?;
        }
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(".tmp");
        {
            let mut file = std::fs::File::create(&temporary)?;
            file.write_all(contents.as_bytes())?;
            file.sync_all()?;
        }
        std::fs::rename(&temporary, path)?;
        sync_folder(dir.unwrap_or(Path::new(".")))
    };
    write().map_err(|e| format!("could not write {}: {e}", path.display()))
}

/// A rename is only on the disk once the folder that holds it is.
#[cfg(unix)]
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Moves a file; a file that is not there is not an error (there is nothing to move).
pub fn rename(from: &Path, to: &Path) -> Result<(), String> {
    match std::fs::rename(from, to) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("could not move {}: {e}", from.display()))
        }
        _ => Ok(()),
    }
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

/// The address the game was served from: there is none on the desktop.
pub fn page_base() -> Option<String> {
    None
}

/// The first frame is up.
pub fn page_ready() {}

static QUIT: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();

/// From now on Ctrl-C, `kill` (SIGTERM) and a closed terminal (SIGHUP) ask the game to save
/// and quit; a second one quits at once.
pub fn watch_for_quit_signals() {
    let flag = QUIT.get_or_init(|| Arc::new(AtomicBool::new(false)));
    for signal in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        // The second signal finds the flag already set and ends the process.
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(flag));
        let _ = signal_hook::flag::register(signal, Arc::clone(flag));
    }
}

/// Whether a signal has asked the game to quit.
pub fn quit_requested() -> bool {
    QUIT.get().is_some_and(|flag| flag.load(Ordering::Relaxed))
}
