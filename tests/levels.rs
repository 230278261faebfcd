//! Levels: the built-in campaign loads and is embedded whole; broken levels are refused
//! with the file, line, column and what is wrong.

use parts_unlimited::level::{LevelSource, check_path, embedded_names, load_campaign, parse_level};

const VALID: &str = r#"Level(
    chapter: 99,
    title: "Test",
    date: "Mon",
    days: 1,
    cast: [
        Character(id: "brent", name: "Brent", role: "Engineer"),
        Character(id: "wes", name: "Wes", role: "Director"),
    ],
    team: [
        TeamMember(id: "brent", skills: ["db", "net"], constraint: true),
    ],
    systems: [SystemDef(id: "store", name: "Store", skill: "net", revenue_share: 1.0)],
    tickets: [
        TicketDef(id: "t1", title: "One", kind: Internal, route: [Step(skill: "db", hours: 1.0)]),
        TicketDef(id: "c1", title: "Change", kind: Change, risk: High, system: "store",
            route: [Step(skill: "net", hours: 1.0)]),
    ],
    timeline: [
        TimedEvent(at: 2, event: Scene("talk")),
    ],
    scenes: [
        SceneDef(id: "talk", lines: [Line("wes", "Hello.")]),
    ],
    policies: PolicySetup(unlocked: [Cab], enabled: [Cab]),
    objectives: [
        ObjectiveDef(id: "done", text: "Finish", measure: Done(None),
            goal: Goal(pass: 1.0, two_stars: 2.0, three_stars: 2.0)),
    ],
    questions: ["Why?"],
)"#;

/// Breaks the valid level by one replacement and returns the single error it must cause.
fn broken(from: &str, to: &str) -> String {
    assert!(
        VALID.contains(from),
        "test setup: `{from}` not in the valid level"
    );
    let src = VALID.replacen(from, to, 1);
    match parse_level("bad.ron", &src) {
        Ok(_) => panic!("replacing `{from}` with `{to}` should be refused"),
        Err(errors) => {
            let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
            println!("{}", text.join("\n"));
            text.join("\n")
        }
    }
}

#[test]
fn the_valid_level_is_accepted() {
    parse_level("good.ron", VALID).expect("valid");
}

#[test]
fn malformed_levels_are_refused_with_place_and_reason() {
    let cases: &[(&str, &str, &str)] = &[
        // (replace, with, expected message including file:line:col)
        (
            r#"TeamMember(id: "brent""#,
            r#"TeamMember(id: "brant""#,
            "bad.ron:11:24: team member `brant` is not in the cast",
        ),
        (
            r#"Step(skill: "db", hours: 1.0)"#,
            r#"Step(skill: "dba", hours: 1.0)"#,
            "bad.ron:15:79: nobody on the team has the skill `dba`",
        ),
        (
            "TimedEvent(at: 2,",
            "TimedEvent(at: 9,",
            "bad.ron:20:20: an event at hour 9, after the chapter ends (hour 8)",
        ),
        (
            r#"id: "c1""#,
            r#"id: "t1""#,
            "bad.ron:16:23: duplicate id `t1` in tickets",
        ),
        (
            r#"Line("wes""#,
            r#"Line("steve""#,
            "bad.ron:23:43: unknown speaker `steve`: not in the cast",
        ),
        (
            r#"system: "store","#,
            r#"system: "shop","#,
            "unknown system `shop`",
        ),
        ("risk: High, ", "", "change `c1` needs a risk tier"),
        (
            "two_stars: 2.0, three_stars: 2.0",
            "two_stars: 2.0, three_stars: 1.0",
            "objective `done` thresholds are out of order",
        ),
        (
            r#"title: "Test","#,
            r#"title: "Test""#,
            "bad.ron:4:5: Expected comma",
        ),
        ("days: 1,", "dayz: 1,", "bad.ron:5:"),
        (
            r#"Scene("talk")"#,
            r#"Scene("chat")"#,
            "unknown scene `chat`",
        ),
        (
            "unlocked: [Cab]",
            "unlocked: []",
            "policy Cab is enabled but not unlocked",
        ),
        ("days: 1,", "days: 0,", "a chapter lasts at least one day"),
        (
            r#"route: [Step(skill: "db", hours: 1.0)]"#,
            r#"route: [Step(skill: "db", hours: 0.0)]"#,
            "needs hours above 0",
        ),
        (
            r#"questions: ["Why?"]"#,
            "questions: []",
            "at least one discussion question",
        ),
    ];
    for (from, to, expected) in cases {
        let message = broken(from, to);
        assert!(
            message.contains(expected),
            "expected `{expected}`, got:\n{message}"
        );
    }
    println!("{} malformed levels refused as expected", cases.len());
}

#[test]
fn an_unknown_field_names_the_field() {
    let message = broken("days: 1,", "dayz: 1,");
    assert!(message.contains("dayz"), "{message}");
}

#[test]
fn the_built_in_campaign_loads() {
    let campaign = load_campaign(&LevelSource::Embedded).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(campaign.parts.len(), 3);
    let numbers: Vec<u32> = campaign.chapters().map(|l| l.chapter).collect();
    assert!(numbers.starts_with(&[1]), "{numbers:?}");
    assert!(
        numbers.windows(2).all(|w| w[0] < w[1]),
        "chapters out of order: {numbers:?}"
    );
}

#[test]
fn every_level_file_is_embedded_and_checks_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("levels");
    let (files, errors) = check_path(&dir);
    assert!(errors.is_empty(), "{errors:?}");
    let embedded: Vec<&str> = embedded_names().collect();
    let mut on_disk = Vec::new();
    collect(&dir, &dir, &mut on_disk);
    for file in &on_disk {
        assert!(
            embedded.contains(&file.as_str()),
            "levels/{file} is not in src/level/embedded.rs"
        );
    }
    assert_eq!(files, on_disk.len());
}

fn collect(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|x| x == "ron") {
            out.push(
                path.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}

#[test]
fn a_folder_can_replace_the_built_in_levels() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("levels");
    let from_disk = load_campaign(&LevelSource::Dir(dir)).expect("levels folder loads");
    let built_in = load_campaign(&LevelSource::Embedded).expect("built-in levels load");
    assert_eq!(from_disk.chapters().count(), built_in.chapters().count());
}

#[test]
fn a_broken_campaign_names_the_missing_file() {
    let dir = std::env::temp_dir().join(format!("pu-campaign-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("campaign.ron"),
        r#"Campaign(parts: [Part(title: "One", chapters: ["missing.ron"])])"#,
    )
    .unwrap();
    let errors = load_campaign(&LevelSource::Dir(dir.clone())).unwrap_err();
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        errors[0].to_string().contains("missing.ron"),
        "{:?}",
        errors
    );
}

#[test]
fn numbers_no_level_could_mean_are_refused_with_their_place() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "days: 1,",
            "days: 4000000000,",
            "bad.ron:5:5: `days` is 4000000000",
        ),
        (
            "hours: 1.0)]),\n        TicketDef(id: \"c1\"",
            "hours: 1e308)]),\n        TicketDef(id: \"c1\"",
            "bad.ron:15:85: `hours` is 1e308; it needs hours above 0, and at most 200",
        ),
        (
            "hours: 1.0)]),\n    ]",
            "hours: NaN)]),\n    ]",
            "`hours` is NaN",
        ),
        (
            "revenue_share: 1.0)",
            "revenue_share: 1.0, capacity: -3.0)",
            "`capacity` is -3",
        ),
        (
            "pass: 1.0,",
            "pass: inf,",
            "`pass` is inf; it must be from -1e12 to 1e12",
        ),
        (
            r#"title: "Test","#,
            &format!(r#"title: "{}","#, "T".repeat(5000)),
            "bad.ron:3:5: `title` is 5000 characters long; at most 160",
        ),
        (
            r#"Line("wes", "Hello.")"#,
            &format!(r#"Line("wes", "{}")"#, "la ".repeat(2000)),
            "a line of `talk` is longer than 800 characters",
        ),
        (
            "policies:",
            "arrivals: [ArrivalDef(per_day: 1e308, ticket: TicketDef(id: \"a\", title: \"A\", kind: Internal, route: [Step(skill: \"db\", hours: 1.0)]))],\n    policies:",
            "bad.ron:25:27: `per_day` is 1e308; it needs per_day above 0, and at most 100",
        ),
        (
            "policies:",
            "tuning: Tuning(widen_chance: 7.0),\n    policies:",
            "`widen_chance` is 7; it must be from 0 to 1",
        ),
    ];
    for (from, to, expected) in cases {
        let message = broken(from, to);
        assert!(
            message.contains(expected),
            "expected `{expected}`, got:\n{message}"
        );
    }
}

#[test]
fn a_campaign_may_name_only_level_files_inside_its_folder() {
    let dir = std::env::temp_dir().join(format!("pu-outside-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("campaign.ron"),
        r#"(parts: [(title: "x", chapters: ["../../../../etc/passwd", "/etc/hostname", "notes.txt"])])"#,
    )
    .unwrap();
    let errors = load_campaign(&LevelSource::Dir(dir.clone())).unwrap_err();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    println!("{}", text.join("\n"));
    assert_eq!(errors.len(), 3);
    assert!(text[0].contains(":1:34: `../../../../etc/passwd` is outside the campaign's folder"));
    assert!(text[1].contains("`/etc/hostname` is outside the campaign's folder"));
    assert!(text[2].contains("`notes.txt` is not a level file"));
    assert!(
        text.iter()
            .all(|t| !t.contains("root") && !t.contains("found")),
        "nothing of those files is quoted"
    );
    // A file that is not a level, even inside the folder, is not quoted back either.
    std::fs::write(dir.join("secret.ron"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    let (_, errors) = check_path(&dir.join("secret.ron"));
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        errors[0].message.contains("not a level file"),
        "{:?}",
        errors
    );
    assert!(!errors[0].message.contains("root"));
}
