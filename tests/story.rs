//! The story answers the player: lines and scenes decided as they play, options offered by
//! condition and dealt in an order that hides the wise one, checked flags, and a campaign
//! whose later chapters (and ending) follow from the choices made.

use std::collections::BTreeSet;

use parts_unlimited::classroom::ClassCode;
use parts_unlimited::level::{LevelSource, load_campaign};
use parts_unlimited::policy::{CampaignRow, ScriptedPlayer, play_campaign};
use parts_unlimited::sim::PlayerCommand;
use parts_unlimited::sim::campaign::CampaignState;
use parts_unlimited::sim::commands::execute;
use parts_unlimited::sim::story::{PlayedScene, Story};

use crate::support::scenario;

fn story_level() -> parts_unlimited::level::Level {
    scenario("story.ron", include_str!("scenarios/story.ron"))
}

fn choose(app: &mut bevy::prelude::App, scene: &str, choice: usize) -> Result<(), String> {
    execute(
        app.world_mut(),
        PlayerCommand::Choose {
            scene: scene.into(),
            choice,
        },
    )
}

fn said(scene: &PlayedScene) -> Vec<&str> {
    scene.lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn a_flag_set_earlier_in_the_chapter_decides_later_lines_and_scenes() {
    let level = story_level();
    for (choice, froze) in [(0, true), (1, false)] {
        let mut app = crate::support::new_chapter(&level, 1);
        choose(&mut app, "ask", choice).unwrap();
        execute(app.world_mut(), PlayerCommand::Advance { hours: 3 }).unwrap();
        let story = app.world().resource::<Story>();
        let ids: Vec<&str> = story.played.iter().map(|s| s.id.as_str()).collect();
        let later = story.played.iter().find(|s| s.id == "later").unwrap();
        println!(
            "chose {choice}: scenes {ids:?}, later says {:?}",
            said(later)
        );
        if froze {
            // The follow-up plays straight after the choice; the scene kept for a freeze plays.
            assert_eq!(ids, ["ask", "froze-now", "later", "only-frozen"]);
            assert_eq!(
                said(later),
                ["About this morning.", "The freeze is holding."]
            );
        } else {
            assert_eq!(ids, ["ask", "later"]);
            assert_eq!(
                said(later),
                [
                    "About this morning.",
                    "No freeze, then. We keep shipping.",
                    "I said: Keep shipping."
                ]
            );
        }
        let ask = &story.played[0];
        assert_eq!(ask.chosen, Some(choice), "the option taken is in the log");
    }
}

#[test]
fn an_option_is_offered_only_when_its_condition_holds() {
    let level = story_level();
    let mut app = crate::support::new_chapter(&level, 1);
    let offered = |app: &bevy::prelude::App| {
        let mut i: Vec<usize> = app
            .world()
            .resource::<Story>()
            .awaiting()
            .unwrap()
            .choices
            .iter()
            .map(|o| o.index)
            .collect();
        i.sort_unstable();
        i
    };
    assert_eq!(offered(&app), [0, 1], "Wes does not trust Bill enough yet");
    let refused = choose(&mut app, "ask", 2).unwrap_err();
    assert!(refused.contains("offers choices 0, 1"), "{refused}");

    // A campaign where Bill has earned Wes's trust offers the third option.
    let mut trusted = CampaignState::default();
    trusted.trust.insert("wes".into(), 5);
    let mut app = parts_unlimited::sim::headless_app();
    parts_unlimited::sim::start_chapter_in(app.world_mut(), &trusted, &level, 1);
    assert_eq!(offered(&app), [0, 1, 2]);
    choose(&mut app, "ask", 2).unwrap();
}

/// The order each choice point of the campaign dealt its options in, by chapter and scene.
fn dealt(rows: &[CampaignRow]) -> Vec<(u32, String, Vec<usize>)> {
    rows.iter()
        .flat_map(|row| {
            row.story.iter().filter(|s| s.choices.len() > 1).map(|s| {
                (
                    row.chapter,
                    s.id.clone(),
                    s.choices.iter().map(|o| o.index).collect(),
                )
            })
        })
        .collect()
}

#[test]
fn options_are_dealt_by_the_seed_the_same_for_a_whole_class() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let code = ClassCode::parse("OPS101").unwrap();
    // Two students of one class: each joins with the code and plays.
    let first = dealt(&play_campaign(&campaign, code.seed(), ScriptedPlayer::Flow).0);
    let second = dealt(&play_campaign(&campaign, code.seed(), ScriptedPlayer::Flow).0);
    assert_eq!(first, second, "the same class code deals the same order");
    let other = ClassCode::parse("OPS102").unwrap().seed();
    let elsewhere = dealt(&play_campaign(&campaign, other, ScriptedPlayer::Flow).0);
    let differ = first
        .iter()
        .zip(&elsewhere)
        .filter(|(a, b)| a.0 == b.0 && a.1 == b.1 && a.2 != b.2)
        .count();
    println!(
        "{} choice points; {differ} dealt differently for another class",
        first.len()
    );
    assert!(differ > 0, "another seed deals another order");
    // The wise option is not always in the same place.
    let wise_first = first
        .iter()
        .filter(|(chapter, scene, order)| {
            campaign
                .chapter(*chapter)
                .and_then(|l| l.scene(scene))
                .is_some_and(|s| s.choices[order[0]].wise)
        })
        .count();
    println!(
        "the wise option is shown first at {wise_first} of {}",
        first.len()
    );
    assert!(
        wise_first * 5 > first.len() && wise_first * 5 < first.len() * 4,
        "shown first at {wise_first} of {} choice points",
        first.len()
    );
}

#[test]
fn the_questions_name_the_option_taken() {
    let level = story_level();
    let mut app = crate::support::new_chapter(&level, 1);
    choose(&mut app, "ask", 1).unwrap();
    let filled = parts_unlimited::sim::story::fill(app.world(), &level.questions[0]);
    assert_eq!(filled, "You chose \"Keep shipping.\". What did it cost?");
}

fn write_campaign(dir: &std::path::Path, level: &str) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("campaign.ron"),
        r#"(parts: [(title: "Test", chapters: ["story.ron"])])"#,
    )
    .unwrap();
    std::fs::write(dir.join("story.ron"), level).unwrap();
}

#[test]
fn the_checker_refuses_an_unknown_flag_and_trust_name_where_they_are_written() {
    let dir = std::env::temp_dir().join(format!("pu-story-check-{}", std::process::id()));
    let good = include_str!("scenarios/story.ron");
    write_campaign(&dir, good);
    load_campaign(&LevelSource::Dir(dir.clone())).expect("the story scenario is a campaign");

    let bad = good
        .replace(
            r#"only_if: Flag("test-froze")"#,
            r#"only_if: Flag("test-frozen")"#,
        )
        .replace(r#"Trust("wes", 5)"#, r#"Trust("wess", 5)"#);
    write_campaign(&dir, &bad);
    let errors = load_campaign(&LevelSource::Dir(dir.clone())).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    println!("{}", shown.join("\n"));
    let line_of = |needle: &str| bad.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let flag = format!("story.ron:{}:", line_of(r#"only_if: Flag("test-frozen")"#));
    assert!(
        shown.iter().any(|e| e.contains(&flag)
            && e.contains("unknown flag `test-frozen`: no choice in the campaign sets it")),
        "{shown:?}"
    );
    let trust = format!("story.ron:{}:", line_of(r#"Trust("wess", 5)"#));
    assert!(
        shown
            .iter()
            .any(|e| e.contains(&trust) && e.contains("unknown person `wess`")),
        "{shown:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_lists_where_each_flag_is_set_and_read() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parts-unlimited"))
        .args(["check", "levels"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let listed: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("flag `"))
        .collect();
    println!("{} flags listed, e.g. {:?}", listed.len(), listed.first());
    assert!(!listed.is_empty());
    assert!(
        listed
            .iter()
            .all(|l| l.contains("set at levels/") && l.contains("; read at ")),
        "{listed:?}"
    );
    let unread: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("no condition reads it"))
        .collect();
    assert!(
        unread.is_empty(),
        "flags nothing reads:\n{}",
        unread.join("\n")
    );
}

/// Every line a run showed in chapters after the first, by chapter.
fn lines_by_chapter(rows: &[CampaignRow]) -> Vec<(u32, BTreeSet<String>)> {
    rows.iter()
        .filter(|r| r.chapter > 1)
        .map(|r| {
            let lines = r
                .story
                .iter()
                .flat_map(|s| s.lines.iter().map(|l| format!("{}: {}", l.who, l.text)))
                .collect();
            (r.chapter, lines)
        })
        .collect()
}

fn ending(rows: &[CampaignRow]) -> Option<String> {
    rows.iter()
        .flat_map(|r| &r.story)
        .filter_map(|s| s.ending.clone())
        .next_back()
}

#[test]
fn two_campaigns_that_choose_differently_are_told_differently() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let wise = play_campaign(&campaign, 7, ScriptedPlayer::Flow).0;
    let other = play_campaign(&campaign, 7, ScriptedPlayer::Naive).0;
    let mut places = 0;
    for ((chapter, a), (_, b)) in lines_by_chapter(&wise).iter().zip(lines_by_chapter(&other)) {
        let only_wise: Vec<&String> = a.difference(&b).collect();
        let only_other: Vec<&String> = b.difference(a).collect();
        if only_wise.is_empty() && only_other.is_empty() {
            continue;
        }
        println!("chapter {chapter}:");
        for line in &only_wise {
            println!("  wise only:  {line}");
        }
        for line in &only_other {
            println!("  other only: {line}");
        }
        places += only_wise.len().max(only_other.len());
    }
    println!("{places} places differ");
    assert!(
        places >= 30,
        "only {places} lines differ between the two campaigns"
    );
    let (a, b) = (ending(&wise), ending(&other));
    println!("endings: {a:?} and {b:?}");
    assert!(a.is_some() && b.is_some(), "both campaigns reach an ending");
    assert_ne!(a, b, "the two campaigns reach different endings");
}

#[test]
fn the_journal_lists_every_chapter_played() {
    use egui_kittest::kittest::Queryable;
    let campaign = load_campaign(&LevelSource::Embedded).unwrap();
    let rows: Vec<CampaignRow> = play_campaign(&campaign, 3, ScriptedPlayer::Flow)
        .0
        .into_iter()
        .take(4)
        .collect();
    let chapters: Vec<parts_unlimited::ui::journal::JournalChapter> = rows
        .iter()
        .map(|r| parts_unlimited::ui::journal::JournalChapter {
            chapter: r.chapter,
            title: &r.title,
            stars: r.result.stars,
            scenes: &r.story,
            cast: &campaign.chapter(r.chapter).unwrap().cast,
        })
        .collect();
    let harness = crate::support::panel(
        bevy_egui::egui::vec2(900.0, 700.0),
        |ui, _: &mut ()| parts_unlimited::ui::journal::journal(ui, &chapters, None),
        (),
    );
    for row in &rows {
        let label = format!(
            "{}. {}  {}",
            row.chapter,
            row.title,
            parts_unlimited::sim::objectives::star_row(row.result.stars)
        );
        assert!(
            harness.query_by_label(&label).is_some(),
            "the journal lists {label}"
        );
        for chosen in row.story.iter().filter_map(PlayedScene::chosen_text) {
            let shown = format!("    You chose: {chosen}");
            assert!(harness.query_by_label(&shown).is_some(), "{shown}");
        }
    }
}
