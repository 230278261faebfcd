//! The game never loses what the player did: the real binary plays a chapter in real time
//! (`autoplay`, the game's own screens and saving without a window), is killed at random
//! moments, and Continue must find every command it had carried out.

use std::io::BufRead;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use parts_unlimited::save::SaveFiles;
use parts_unlimited::sim::PlayerCommand;

const GAME: &str = env!("CARGO_BIN_EXE_parts-unlimited");

fn data_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pu-kill-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// A running game and the commands it has said it kept.
struct Running {
    child: std::process::Child,
    kept: Arc<Mutex<Vec<PlayerCommand>>>,
    reader: std::thread::JoinHandle<()>,
}

fn start(dir: &std::path::Path, args: &[&str]) -> Running {
    let mut child = Command::new(GAME)
        .arg("autoplay")
        .args(args)
        .env("PARTS_UNLIMITED_DATA", dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the game starts");
    let stdout = child.stdout.take().unwrap();
    let kept = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&kept);
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            // `kept <number> <hour> <command>`; a line cut off by the kill does not parse.
            let mut parts = line.splitn(4, ' ');
            if parts.next() == Some("kept")
                && let Some(command) = parts.nth(2)
                && let Ok(command) = ron::from_str::<PlayerCommand>(command)
            {
                sink.lock().unwrap().push(command);
            }
            if line.starts_with("resumed") {
                println!("    {line}");
            }
        }
    });
    Running {
        child,
        kept,
        reader,
    }
}

impl Running {
    fn finish(self) -> (std::process::ExitStatus, Vec<PlayerCommand>) {
        let mut child = self.child;
        let status = child.wait().unwrap();
        self.reader.join().unwrap();
        let kept = self.kept.lock().unwrap().clone();
        (status, kept)
    }
}

fn saved_commands(dir: &std::path::Path) -> Vec<PlayerCommand> {
    let (save, notice) = SaveFiles::in_dir(dir).load();
    assert_eq!(notice, None, "the save reads back cleanly");
    save.in_progress.map(|p| p.commands).unwrap_or_default()
}

fn hours(commands: &[PlayerCommand]) -> usize {
    commands
        .iter()
        .filter(|c| matches!(c, PlayerCommand::Advance { .. }))
        .count()
}

#[test]
fn a_killed_game_resumes_with_every_command_it_kept() {
    // Moments spread over a two-day chapter at four game hours a second.
    for (round, delay) in [450u64, 1300, 2100, 2900].into_iter().enumerate() {
        let dir = data_dir(&format!("sigkill-{round}"));
        let mut running = start(
            &dir,
            &[
                "--chapter",
                "9",
                "--seed",
                &round.to_string(),
                "--hours-per-second",
                "4",
            ],
        );
        std::thread::sleep(Duration::from_millis(delay));
        running.child.kill().unwrap();
        let (_, kept) = running.finish();
        let saved = saved_commands(&dir);
        println!(
            "killed after {delay} ms: {} commands kept ({} hours), {} in the save ({} hours)",
            kept.len(),
            hours(&kept),
            saved.len(),
            hours(&saved)
        );
        assert!(
            saved.len() >= kept.len() && saved[..kept.len()] == kept[..],
            "the save holds every command the game kept, in order"
        );
        // Continue: the chapter is put back, every saved command accepted again.
        let again = start(&dir, &["--continue", "--hours", "1"]);
        let (status, _) = again.finish();
        assert!(status.success(), "the game resumes and plays on");
        let after = saved_commands(&dir);
        assert!(
            after.len() > saved.len() && after[..saved.len()] == saved[..],
            "the resumed chapter went on from where it was killed"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_terminated_game_saves_everything_and_exits_cleanly() {
    for (round, delay) in [800u64, 2300].into_iter().enumerate() {
        let dir = data_dir(&format!("sigterm-{round}"));
        let running = start(&dir, &["--chapter", "9", "--hours-per-second", "4"]);
        std::thread::sleep(Duration::from_millis(delay));
        let pid = running.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success());
        let (status, kept) = running.finish();
        assert!(status.success(), "SIGTERM ends the game cleanly: {status}");
        let saved = saved_commands(&dir);
        println!(
            "terminated after {delay} ms: {} commands kept, {} saved",
            kept.len(),
            saved.len()
        );
        assert!(!kept.is_empty());
        assert_eq!(saved, kept, "nothing at all is lost");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_finished_chapter_keeps_its_story_in_the_save() {
    let dir = data_dir("story");
    let (status, _) = start(&dir, &["--chapter", "1", "--hours-per-second", "200"]).finish();
    assert!(status.success());
    let (save, notice) = SaveFiles::in_dir(&dir).load();
    assert_eq!(notice, None);
    let story = &save.chapters.get(&1).expect("chapter 1 is recorded").story;
    let lines: usize = story.iter().map(|s| s.lines.len()).sum();
    let chosen: Vec<&str> = story.iter().filter_map(|s| s.chosen_text()).collect();
    println!("{} scenes, {lines} lines, chose {chosen:?}", story.len());
    assert!(story.len() >= 2 && lines >= 5, "every scene shown is kept");
    assert!(!chosen.is_empty(), "with the options taken");
    let _ = std::fs::remove_dir_all(&dir);
}
