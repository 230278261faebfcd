//! Any text, read as a level: refused with a located error or accepted; if accepted, played
//! by both scripted players. It must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parts_unlimited::level::parse_level;
use parts_unlimited::policy::{ScriptedPlayer, play_chapter};

fuzz_target!(|text: &str| {
    if let Ok(level) = parse_level("fuzz.ron", text) {
        play_chapter(&level, 1, ScriptedPlayer::Naive);
        play_chapter(&level, 1, ScriptedPlayer::Flow);
    }
});
