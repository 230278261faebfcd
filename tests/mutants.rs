//! Nobody's level can break the game: the built-in levels are mutated (extreme numbers, cut
//! short, spans deleted and doubled, deep nesting, flipped bytes, huge strings, swapped ids)
//! and each mutant is checked; every one the checker accepts is played by both scripted
//! players. Nothing may panic, and nothing may take long. Session reports get the same.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use parts_unlimited::classroom::report::SessionReport;
use parts_unlimited::classroom::rollup::{Handed, roll_up};
use parts_unlimited::level::{embedded_names, parse_level};
use parts_unlimited::policy::{ScriptedPlayer, play_chapter};

/// A small, seeded generator (xorshift64*): the mutants are the same on every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const EXTREMES: &[&str] = &[
    "1e308",
    "-1e308",
    "1.8e19",
    "NaN",
    "inf",
    "-inf",
    "-0.0",
    "4294967295",
    "18446744073709551615",
    "99999999999999999999999",
    "0",
    "-1",
    "0.0000001",
];

/// Byte positions where a character starts, so cuts never split one.
fn boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn spans_of(text: &str, start: char, end: char) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match open {
            None if c == start => open = Some(i),
            Some(s) if c == end => {
                spans.push((s, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    spans
}

fn numbers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            spans.push((start, i));
        }
        i += 1;
    }
    spans
}

/// One mutant of `text`, and what was done to it.
fn mutate(text: &str, dice: &mut Dice) -> (String, String) {
    let mut out = text.to_owned();
    let pick = |dice: &mut Dice, spans: &[(usize, usize)]| spans[dice.below(spans.len())];
    let kind = dice.below(8);
    let what = match kind {
        0 => {
            let spans = numbers(text);
            let (a, b) = pick(dice, &spans);
            let value = EXTREMES[dice.below(EXTREMES.len())];
            out.replace_range(a..b, value);
            format!("number at {a} → {value}")
        }
        1 => {
            let at = boundary(text, dice.below(text.len()));
            out.truncate(at);
            format!("cut at {at}")
        }
        2 => {
            let a = boundary(text, dice.below(text.len()));
            let b = boundary(text, a + dice.below(400));
            out.replace_range(a..b, "");
            format!("deleted {a}..{b}")
        }
        3 => {
            let a = boundary(text, dice.below(text.len()));
            let b = boundary(text, a + dice.below(400));
            let span = text[a..b].to_owned();
            out.insert_str(b, &span);
            format!("doubled {a}..{b}")
        }
        4 => {
            let at = boundary(text, dice.below(text.len()));
            let depth = 50 + dice.below(5000);
            let nest = format!("{}{}", "[(".repeat(depth), ")]".repeat(depth));
            out.insert_str(at, &nest);
            format!("nesting {depth} deep at {at}")
        }
        5 => {
            let mut bytes = out.into_bytes();
            let flips = 1 + dice.below(8);
            for _ in 0..flips {
                let at = dice.below(bytes.len());
                if bytes[at].is_ascii() {
                    bytes[at] = b' ' + (dice.below(95) as u8);
                }
            }
            out = String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned());
            format!("{flips} flipped bytes")
        }
        6 => {
            let spans = spans_of(text, '"', '"');
            let (a, b) = pick(dice, &spans);
            let size = 1000 + dice.below(300_000);
            out.replace_range(a..b, &format!("\"{}\"", "w".repeat(size)));
            format!("a string of {size} characters at {a}")
        }
        _ => {
            let spans = spans_of(text, '"', '"');
            let (a, b) = pick(dice, &spans);
            let (c, d) = pick(dice, &spans);
            let (first, second) = if a < c {
                ((a, b), (c, d))
            } else {
                ((c, d), (a, b))
            };
            if first.1 <= second.0 {
                let one = text[first.0..first.1].to_owned();
                let two = text[second.0..second.1].to_owned();
                out.replace_range(second.0..second.1, &one);
                out.replace_range(first.0..first.1, &two);
            }
            format!("swapped strings at {a} and {c}")
        }
    };
    (out, what)
}

const MUTANTS: usize = 600;

/// Longest a mutant may take to check and play twice (a debug build on two cores).
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn mutated_levels_are_refused_or_played_without_panic_or_hang() {
    let levels: Vec<(&str, &str)> = embedded_names()
        .filter(|n| n.ends_with(".ron") && *n != "campaign.ron")
        .map(|n| (n, parts_unlimited::level::embedded_file(n).unwrap()))
        .collect();
    let (done, finished) = mpsc::channel::<(String, Duration, bool)>();
    let (started, current) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        let mut dice = Dice(0x5EED_1E7E_15BA_D0FF);
        for round in 0..MUTANTS {
            let (name, text) = levels[dice.below(levels.len())];
            let (mutant, what) = mutate(text, &mut dice);
            let _ = started.send(format!("mutant {round}: {name}, {what}"));
            let clock = Instant::now();
            let accepted = match parse_level(name, &mutant) {
                Ok(level) => {
                    let seed = dice.next() % 50;
                    play_chapter(&level, seed, ScriptedPlayer::Naive);
                    play_chapter(&level, seed, ScriptedPlayer::Flow);
                    true
                }
                Err(errors) => {
                    assert!(!errors.is_empty(), "a refusal says why");
                    false
                }
            };
            let _ = done.send((what, clock.elapsed(), accepted));
        }
    });
    let (mut accepted, mut refused, mut slowest) = (0, 0, Duration::ZERO);
    while let Ok(what) = current.recv() {
        match finished.recv_timeout(LIMIT) {
            Ok((_, took, ok)) => {
                slowest = slowest.max(took);
                if ok {
                    accepted += 1;
                } else {
                    refused += 1;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                panic!("{what} took more than {LIMIT:?}: a hang")
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what} panicked"),
        }
    }
    println!("{accepted} mutants played by both players, {refused} refused; slowest {slowest:?}");
    assert_eq!(accepted + refused, MUTANTS, "every mutant was tried");
    assert!(
        accepted > 20,
        "some mutants are still levels, and were played"
    );
    assert!(refused > 100, "most mutants are refused");
}

#[test]
fn mutated_session_reports_are_refused_or_read_without_panic() {
    let campaign =
        parts_unlimited::level::load_campaign(&parts_unlimited::level::LevelSource::Embedded)
            .unwrap();
    let mut save = parts_unlimited::save::SaveGame::default();
    parts_unlimited::classroom::join(&mut save, "FUZZ-1").unwrap();
    for chapter in [1, 2] {
        let level = campaign.chapter(chapter).unwrap();
        let played = play_chapter(level, save.seed, ScriptedPlayer::Flow);
        let record = save.chapters.entry(chapter).or_default();
        record.best_stars = played.result.stars;
        record.played = Some(parts_unlimited::save::played::PlayedChapter::new(
            level,
            save.seed,
            &played.result,
            played.log.commands(),
        ));
    }
    let json = SessionReport::from_save(&save).to_json();
    assert!(SessionReport::from_json(&json).is_ok());
    let mut dice = Dice(0xC1A5_5E55_0000_0001);
    let mut files = Vec::new();
    let mut refused = 0;
    for round in 0..300 {
        let (mutant, _) = mutate(&json, &mut dice);
        if SessionReport::from_json(&mutant).is_err() {
            refused += 1;
        }
        files.push(Handed {
            name: format!("mutant-{round}.json"),
            text: mutant,
        });
    }
    let rolled = roll_up(&files, Vec::new(), None, true);
    println!(
        "{refused} of 300 mutated reports refused; the roll-up merged {} and skipped {}",
        rolled.merged.len(),
        rolled.skipped.len()
    );
    assert!(
        refused > 250,
        "a changed report fails its checksum or its format"
    );
    let huge = " ".repeat(9 * 1024 * 1024) + &json;
    assert!(
        SessionReport::from_json(&huge).is_err(),
        "a report file past the size limit is refused"
    );
}

#[test]
fn a_level_built_past_the_bounds_is_stopped_not_run_forever() {
    // Built in code, so the checker never saw it: the simulation guards itself.
    let mut level = crate::support::flow_shop();
    level.arrivals[0].per_day = 1e308;
    let clock = Instant::now();
    let played = play_chapter(&level, 1, ScriptedPlayer::Flow);
    println!(
        "stopped in {:?}: {:?}",
        clock.elapsed(),
        played.result.stopped
    );
    let why = played.result.stopped.expect("the chapter was stopped");
    assert!(why.contains("more than 50000 tickets"), "{why}");
    assert_eq!(played.result.stars, 0);
    assert!(clock.elapsed() < LIMIT);
}
