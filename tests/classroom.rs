//! The classroom: a class code fixes the scenario, reports are reproducible and guarded by
//! their checksum, the roll-up merges what belongs and names what it skips, "What if?"
//! replays the chapter another way, and the facilitator's live events are replayable.

use parts_unlimited::classroom::ClassCode;
use parts_unlimited::classroom::report::{PlayedChapter, ReportError, SessionReport};
use parts_unlimited::classroom::rollup::{Handed, roll_up};
use parts_unlimited::level::{LevelSource, LoadedCampaign, load_campaign};
use parts_unlimited::policy::what_if::{Alternative, alternatives, play_alternative};
use parts_unlimited::policy::{ScriptedPlayer, play_chapter, replay_chapter};
use parts_unlimited::save::SaveGame;
use parts_unlimited::sim::commands::{Injection, execute};
use parts_unlimited::sim::{Incidents, PlayerCommand, board};

use crate::support::{new_chapter, outage};

fn campaign() -> LoadedCampaign {
    load_campaign(&LevelSource::Embedded).expect("the embedded campaign loads")
}

/// A chapter with a board, decisions and randomness: chapter 3's first Sev 1s and changes.
const CHAPTER: u32 = 3;

/// A student's report for one chapter, played with `commands` on `code`'s seed.
fn report_for(
    campaign: &LoadedCampaign,
    code: &str,
    student: &str,
    commands: &[PlayerCommand],
) -> SessionReport {
    let code = ClassCode::parse(code).unwrap();
    let level = campaign.chapter(CHAPTER).unwrap();
    let played = replay_chapter(level, code.seed(), commands);
    let mut save = SaveGame::default();
    save.join_class(&code);
    save.student = student.to_owned();
    save.record(CHAPTER, played.result.stars, vec![]);
    let record = save.chapters.get_mut(&CHAPTER).unwrap();
    record.questions = vec!["What held the work up?".into()];
    record.answers = vec![answer_of(student).to_owned()];
    record.played = Some(PlayedChapter::new(
        level,
        code.seed(),
        &played.result,
        played.log.commands(),
    ));
    SessionReport::from_save(&save)
}

fn answer_of(student: &str) -> &'static str {
    match student {
        "Ada" => "Everything waited for Brent",
        "Grace" => "Too much work in progress",
        _ => "Not sure yet",
    }
}

/// The commands a player gave: the flow player's, recorded on the class's seed.
fn recorded_commands(campaign: &LoadedCampaign, code: &str) -> Vec<PlayerCommand> {
    let seed = ClassCode::parse(code).unwrap().seed();
    play_chapter(
        campaign.chapter(CHAPTER).unwrap(),
        seed,
        ScriptedPlayer::Flow,
    )
    .log
    .commands()
}

#[test]
fn one_code_and_one_command_log_give_identical_reports() {
    let campaign = campaign();
    let commands = recorded_commands(&campaign, "DEVOPS-7");
    let first = report_for(&campaign, "devops 7", "Ada", &commands);
    let second = report_for(&campaign, "DEVOPS-7", "Ada", &commands);
    assert_eq!(first.to_json(), second.to_json(), "byte for byte");
    assert_eq!(first.to_markdown(), second.to_markdown());
    assert_eq!(first.class_code.as_deref(), Some("DEVOPS-7"));
    assert!(first.to_markdown().contains("Everything waited for Brent"));

    let other = report_for(&campaign, "DEVOPS-8", "Ada", &commands);
    assert_ne!(other.seed, first.seed);
    assert_ne!(
        other.chapters[0].played.metrics, first.chapters[0].played.metrics,
        "another code is another scenario: the same commands meet other arrivals and outages"
    );
}

#[test]
fn a_report_reads_back_and_an_edited_one_is_caught() {
    let campaign = campaign();
    let commands = recorded_commands(&campaign, "ROOM-1");
    let report = report_for(&campaign, "ROOM-1", "Grace", &commands);
    let json = report.to_json();
    assert_eq!(SessionReport::from_json(&json), Ok(report.clone()));

    let stars = format!("\"stars\": {}", report.chapters[0].played.stars);
    assert!(json.contains(&stars));
    let edited = json.replacen(&stars, "\"stars\": 3", 1);
    let edited = if edited == json {
        json.replacen("\"student\": \"Grace\"", "\"student\": \"Someone else\"", 1)
    } else {
        edited
    };
    assert_eq!(
        SessionReport::from_json(&edited),
        Err(ReportError::ChecksumMismatch)
    );
    assert!(matches!(
        SessionReport::from_json(&json[..json.len() / 2]),
        Err(ReportError::Unreadable(_))
    ));
    assert!(report.file_stem().starts_with("report-room-1-grace"));
}

#[test]
fn the_roll_up_merges_the_class_and_names_what_it_skips() {
    let campaign = campaign();
    let commands = recorded_commands(&campaign, "ROOM-2");
    let handed = |name: &str, report: &SessionReport| Handed {
        name: name.into(),
        text: report.to_json(),
    };
    let ada = report_for(&campaign, "ROOM-2", "Ada", &commands);
    let grace = report_for(
        &campaign,
        "ROOM-2",
        "Grace",
        &commands[..commands.len() / 2],
    );
    let other_class = report_for(&campaign, "ROOM-3", "Linus", &commands);
    let mut damaged = handed("damaged.json", &grace).text;
    damaged = damaged.replacen("Grace", "Gracie", 1);
    let files = vec![
        handed("ada.json", &ada),
        handed("grace.json", &grace),
        handed("linus.json", &other_class),
        Handed {
            name: "damaged.json".into(),
            text: damaged,
        },
        handed("ada-again.json", &ada),
        Handed {
            name: "notes.json".into(),
            text: "{\"hello\": 1}".into(),
        },
    ];
    let rolled = roll_up(&files, vec![], None, false);
    assert_eq!(rolled.class_code.as_deref(), Some("ROOM-2"));
    assert_eq!(rolled.merged, vec!["ada.json", "grace.json"]);
    let reason = |file: &str| {
        rolled
            .skipped
            .iter()
            .find(|(f, _)| f == file)
            .map(|(_, why)| why.clone())
            .unwrap_or_else(|| panic!("{file} should be skipped"))
    };
    assert!(reason("linus.json").contains("ROOM-3"));
    assert!(reason("damaged.json").contains("checksum"));
    assert!(reason("ada-again.json").contains("duplicate of ada.json"));
    assert!(reason("notes.json").contains("not a readable session report"));

    let rows: Vec<&str> = rolled.csv.lines().collect();
    assert_eq!(
        rows.len(),
        3,
        "a header and one row per student per chapter"
    );
    assert!(rows[1].starts_with("Student 1,3,"));
    assert!(
        !rolled.csv.contains("Ada") && !rolled.summary.contains("Ada"),
        "anonymised"
    );
    assert!(rolled.summary.contains("Played by 2"));
    assert!(
        rolled
            .summary
            .contains("- Student 2: Too much work in progress")
    );

    let named = roll_up(&files, vec![], Some("ROOM-2"), true);
    assert!(named.csv.lines().nth(1).unwrap().starts_with("Ada,3,"));
    assert!(named.summary.contains("- Ada: Everything waited for Brent"));
}

#[test]
fn what_if_replays_the_same_chapter_another_way() {
    let campaign = campaign();
    let alone = parts_unlimited::sim::campaign::CampaignState::default();
    let level = &alone.prepare(campaign.chapter(CHAPTER).unwrap());
    let seed = 11;
    let naive = play_chapter(level, seed, ScriptedPlayer::Naive);
    let commands = naive.log.commands();
    let offered = alternatives(level, &commands);
    assert_eq!(offered[0].1, Alternative::Flow);

    let flow = play_alternative(&alone, level, seed, &commands, &Alternative::Flow);
    assert_eq!(
        flow.result,
        play_chapter(level, seed, ScriptedPlayer::Flow).result,
        "the flow alternative is the flow player on the same seed"
    );
    assert_ne!(flow.result.summary, naive.result.summary);
    assert!(!flow.lead_times.is_empty(), "charts get the lead times");

    // "Your play, plus one change": the change comes first, then every command as given.
    let same = play_alternative(&alone, level, seed, &commands, &Alternative::Also(vec![]));
    assert_eq!(
        same.result, naive.result,
        "no change gives the player's own run back"
    );
    for (_, alternative) in &offered[1..] {
        let Alternative::Also(first) = alternative else {
            panic!("only the first alternative is the flow player")
        };
        let changed = play_alternative(&alone, level, seed, &commands, alternative);
        assert_eq!(
            &changed.log.commands()[..first.len()],
            &first[..],
            "the change is applied from the first hour"
        );
    }
}

#[test]
fn a_facilitators_live_events_land_and_replay_exactly() {
    let level = outage();
    let mut app = new_chapter(&level, 5);
    execute(app.world_mut(), PlayerCommand::Advance { hours: 2 }).unwrap();
    let before = app.world().resource::<Incidents>().0.len();
    execute(
        app.world_mut(),
        PlayerCommand::Inject {
            event: Injection::Sev1,
        },
    )
    .unwrap();
    let incidents = &app.world().resource::<Incidents>().0;
    assert_eq!(incidents.len(), before + 1);
    let live = incidents.last().unwrap();
    assert!(live.sev1 && live.restored.is_none(), "a Sev 1, down now");

    let constraint = board::all_people(app.world())
        .into_iter()
        .find(|p| p.constraint)
        .map(|p| (p.id, p.queue.len()))
        .unwrap();
    execute(
        app.world_mut(),
        PlayerCommand::Inject {
            event: Injection::InterruptForConstraint,
        },
    )
    .unwrap();
    let queue = board::person(app.world(), constraint.0)
        .unwrap()
        .queue
        .len();
    assert_eq!(
        queue,
        constraint.1 + 1,
        "the favour lands in the constraint's queue"
    );
    execute(app.world_mut(), PlayerCommand::Advance { hours: 6 }).unwrap();

    let log = app
        .world()
        .resource::<parts_unlimited::sim::CommandLog>()
        .commands();
    let replayed = replay_chapter(&level, 5, &log);
    let again = replay_chapter(&level, 5, &log);
    assert_eq!(replayed.result, again.result);
    assert_eq!(
        replayed.log.commands(),
        log,
        "the injections are in the log"
    );
}

#[test]
fn joining_a_class_sets_the_seed_and_starts_afresh() {
    let mut save = SaveGame {
        student: "Ada".into(),
        ..SaveGame::default()
    };
    save.record(1, 2, vec![]);
    let code = parts_unlimited::classroom::join(&mut save, " devops 7 ").unwrap();
    assert_eq!(save.seed, code.seed());
    assert_eq!(save.class_code.as_deref(), Some("DEVOPS-7"));
    assert!(save.chapters.is_empty(), "a class campaign starts afresh");
    assert_eq!(save.student, "Ada", "the name is kept");
    save.record(1, 2, vec![]);
    parts_unlimited::classroom::join(&mut save, "DEVOPS-7").unwrap();
    assert_eq!(
        save.chapters.len(),
        1,
        "joining the same class again changes nothing"
    );
    assert!(parts_unlimited::classroom::join(&mut save, "!!").is_err());
}

#[test]
fn class_report_on_the_command_line_writes_the_table_and_names_what_it_skipped() {
    let campaign = campaign();
    let commands = recorded_commands(&campaign, "ROOM-4");
    let dir = std::env::temp_dir().join(format!("pu-class-report-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let ada = report_for(&campaign, "ROOM-4", "Ada", &commands);
    let grace = report_for(&campaign, "ROOM-4", "Grace", &commands);
    std::fs::write(dir.join("ada.json"), ada.to_json()).unwrap();
    std::fs::write(dir.join("grace.json"), grace.to_json()).unwrap();
    std::fs::write(dir.join("torn.json"), &ada.to_json()[..100]).unwrap();
    let out = dir.join("results");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_parts-unlimited"))
        .arg("class-report")
        .args(["ada.json", "grace.json", "torn.json", "missing.json"].map(|f| dir.join(f)))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("the game's binary runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains("torn.json: not a readable session report"),
        "{stdout}"
    );
    assert!(
        stdout.contains("missing.json: could not be read"),
        "{stdout}"
    );
    assert!(
        stdout.contains("class ROOM-4: 2 reports merged"),
        "{stdout}"
    );
    let csv = std::fs::read_to_string(out.join("class.csv")).unwrap();
    assert_eq!(csv.lines().count(), 3);
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.contains("torn.json") && summary.contains("missing.json"));
}
