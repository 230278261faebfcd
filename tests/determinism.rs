//! Same seed and same commands give the same game, to the byte; another seed does not.

use parts_unlimited::level::{LevelSource, load_campaign};
use parts_unlimited::policy::{ScriptedPlayer, play_chapter, replay_chapter};

fn fingerprint(played: &parts_unlimited::policy::Played) -> String {
    ron::to_string(&(&played.metrics, &played.result)).expect("metrics serialize")
}

#[test]
fn same_seed_and_commands_give_identical_metrics() {
    let campaign = load_campaign(&LevelSource::Embedded).expect("built-in levels load");
    for level in campaign.chapters() {
        let first = play_chapter(level, 7, ScriptedPlayer::Flow);
        let again = play_chapter(level, 7, ScriptedPlayer::Flow);
        let replayed = replay_chapter(level, 7, &first.log.commands());
        let other = play_chapter(level, 8, ScriptedPlayer::Flow);
        println!(
            "chapter {}: {} commands, fingerprint {} bytes",
            level.chapter,
            first.log.0.len(),
            fingerprint(&first).len()
        );
        assert_eq!(
            fingerprint(&first),
            fingerprint(&again),
            "chapter {}",
            level.chapter
        );
        assert_eq!(
            fingerprint(&first),
            fingerprint(&replayed),
            "chapter {} replay",
            level.chapter
        );
        // A chapter that is only story has nothing random in it.
        if !level.narrative_only {
            assert_ne!(
                fingerprint(&first),
                fingerprint(&other),
                "chapter {}: seed 8 = seed 7",
                level.chapter
            );
        }
    }
}

#[test]
fn lesson_scenarios_are_deterministic_too() {
    let level = crate::support::flow_shop();
    let a = crate::support::play(&level, 3, &[], crate::support::first_come_first_served);
    let b = crate::support::play(&level, 3, &[], crate::support::first_come_first_served);
    let c = crate::support::play(&level, 4, &[], crate::support::first_come_first_served);
    assert_eq!(ron::to_string(&a).unwrap(), ron::to_string(&b).unwrap());
    assert_ne!(ron::to_string(&a).unwrap(), ron::to_string(&c).unwrap());
}

#[test]
fn questions_are_filled_with_the_players_numbers() {
    let campaign = load_campaign(&LevelSource::Embedded).expect("built-in levels load");
    let level = campaign.chapter(1).unwrap();
    let played = play_chapter(level, 7, ScriptedPlayer::Naive);
    let summary = &played.result.summary;
    let brent = summary.people.iter().find(|p| p.key == "brent").unwrap();
    let filled = parts_unlimited::sim::questions::fill(
        "Brent's queue peaked at {peak_queue:brent} hours ({peak_queue_when:brent}); {unplanned_share}% unplanned.",
        summary,
    );
    println!("{filled}");
    assert!(
        filled.contains(&format!("{:.1} hours", brent.peak_queue_hours)),
        "{filled}"
    );
    assert!(filled.contains(&format!(
        "{:.0}% unplanned",
        summary.unplanned_share * 100.0
    )));
    assert!(!filled.contains('{'));
}
