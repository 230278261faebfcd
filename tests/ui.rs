//! The egui panels driven without a window by egui_kittest: widgets found by label, clicked
//! and typed into, and the player commands that come out checked. The views are built from a
//! real headless simulation.

use bevy::prelude::App;
use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parts_unlimited::level::{Level, Policy};
use parts_unlimited::sim::commands::execute;
use parts_unlimited::sim::objectives::ChapterResult;
use parts_unlimited::sim::story::Story;
use parts_unlimited::sim::{PlayerCommand, TicketState, board as sim_board};
use parts_unlimited::ui::dialogue::DialogueState;
use parts_unlimited::ui::status::ClockControls;
use parts_unlimited::ui::theme::Theme;
use parts_unlimited::ui::views::{self, OpsView};
use parts_unlimited::ui::{OpsUiState, ops};

use crate::support::{self, new_chapter, outage, plain_ticket};

const THEME: Theme = Theme {
    colour_blind: false,
    projector: false,
};

/// A shop with a high-risk change under the CAB and a store outage on the way.
fn shop() -> Level {
    let mut level = outage();
    level
        .policies
        .unlocked
        .extend([Policy::Cab, Policy::WipLimits]);
    level.policies.enabled.push(Policy::Cab);
    let mut change = plain_ticket("db-upgrade");
    change.title = "Upgrade the store database".into();
    change.kind = parts_unlimited::level::WorkKind::Change;
    change.risk = Some(parts_unlimited::level::Risk::High);
    change.system = Some("store".into());
    change.route[0].skill = "store".into();
    level.tickets.push(change);
    level
}

fn ticket(app: &App, key: &str) -> parts_unlimited::sim::TicketId {
    sim_board::all_tickets(app.world())
        .into_iter()
        .find(|t| t.key == key)
        .unwrap()
        .id
}

/// The operations screen over a live chapter: each frame builds the view from the world,
/// draws the whole screen, and carries out the commands it sent.
struct Screen {
    app: App,
    level: Level,
    /// Scenes read, and how far into the one being read.
    read: usize,
    dialogue: DialogueState,
    ui: OpsUiState,
    clock: ClockControls,
    sent: Vec<PlayerCommand>,
    /// The parts of the screen, as last drawn.
    areas: Vec<ops::Area>,
}

impl Screen {
    fn new(level: Level, seed: u64) -> Self {
        Self {
            app: new_chapter(&level, seed),
            level,
            read: 0,
            dialogue: DialogueState::default(),
            ui: OpsUiState::default(),
            clock: ClockControls::default(),
            sent: Vec::new(),
            areas: Vec::new(),
        }
    }

    fn view(&self) -> OpsView {
        views::build(self.app.world(), self.ui.card)
    }
}

fn harness(screen: Screen, size: egui::Vec2) -> Harness<'static, Screen> {
    support::panel(
        size,
        |ui, screen: &mut Screen| {
            let view = screen.view();
            let story = screen.app.world().resource::<Story>().clone();
            let mut out = Vec::new();
            let drawn = ops::screen(
                ui,
                &view,
                &screen.level,
                ops::Reading {
                    story: &story,
                    read: &mut screen.read,
                    dialogue: &mut screen.dialogue,
                    auto_pause: true,
                },
                &THEME,
                &mut screen.clock,
                &mut screen.ui,
                &mut out,
            );
            screen.areas = drawn.areas;
            for command in out {
                screen.sent.push(command.clone());
                let _ = execute(screen.app.world_mut(), command);
            }
            // The game's frame closes the books once the clock has run out.
            parts_unlimited::sim::objectives::close_chapter_when_over(screen.app.world_mut());
        },
        screen,
    )
}

const SCREEN: egui::Vec2 = egui::vec2(1280.0, 720.0);
/// The size kittest gives a panel when none is asked for.
const PANEL: egui::Vec2 = egui::vec2(800.0, 600.0);

fn shop_screen() -> Harness<'static, Screen> {
    let mut screen = Screen::new(shop(), 3);
    execute(screen.app.world_mut(), PlayerCommand::Advance { hours: 3 }).unwrap();
    let mut harness = harness(screen, SCREEN);
    harness.run_steps(2);
    harness
}

#[test]
fn a_card_is_picked_decided_and_put_down_again() {
    let mut harness = shop_screen();
    let id = ticket(&harness.state().app, "db-upgrade");
    let label = format!("#{} Upgrade the store database", id.0);
    harness.get_all_by_label(&label).next().unwrap().click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().ui.card,
        Some(id),
        "clicking a card picks it"
    );
    // The store is down: the CAB may not approve a change to it now, and the button says so.
    assert!(
        harness
            .get_by_label("Approve (Y)")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Reject (R)").click();
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .sent
            .contains(&PlayerCommand::RejectChange { ticket: id })
    );
    let task = sim_board::all_tickets(harness.state().app.world())
        .into_iter()
        .find(|t| t.key.starts_with("task") && t.state == TicketState::Backlog)
        .map(|t| (t.id, format!("#{} {}", t.id.0, t.title)))
        .expect("tasks arrived");
    harness.get_all_by_label(&task.1).next().unwrap().click();
    harness.run_steps(2);
    assert_eq!(harness.state().ui.card, Some(task.0));
    harness.get_all_by_label(&task.1).next().unwrap().click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().ui.card,
        None,
        "clicking it again puts it down"
    );
    harness.get_all_by_label(&task.1).next().unwrap().click();
    harness.run_steps(2);
    assert_eq!(harness.state().ui.card, Some(task.0));
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().ui.card, None, "Escape puts it down");
    harness.get_by_label("Give a card to Ana");
}

#[test]
fn the_board_edits_wip_limits_from_where_the_column_stands() {
    let mut harness = shop_screen();
    let ready = harness.state().view().columns[parts_unlimited::sim::Column::Ready as usize].count;
    harness
        .get_all_by_label("+")
        .next()
        .expect("a raise button on Ready")
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().sent,
        vec![PlayerCommand::SetWipLimit {
            column: parts_unlimited::sim::Column::Ready,
            limit: Some(ready.max(1))
        }],
        "a limit starts at the number of cards already there"
    );
}

#[test]
fn a_picked_card_is_given_with_the_button_beside_the_person() {
    let mut harness = shop_screen();
    let card = sim_board::all_tickets(harness.state().app.world())
        .into_iter()
        .find(|t| t.key.starts_with("task") && t.state == TicketState::Backlog)
        .expect("tasks arrive in three hours")
        .id;
    let ana = sim_board::person_by_key(harness.state().app.world(), "ana").unwrap();
    harness.state_mut().ui.card = Some(card);
    harness.run_steps(2);
    harness
        .get_by_label(&format!("Give #{} to Ana", card.0))
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().sent,
        vec![PlayerCommand::Assign {
            ticket: card,
            person: ana
        }]
    );
    // The constraint is marked as such.
    harness.get_by_label_contains("the constraint");
}

#[test]
fn the_cab_queue_approves_and_rejects() {
    let mut harness = shop_screen();
    let id = ticket(&harness.state().app, "db-upgrade");
    harness.get_by_label("Reject").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().sent,
        vec![PlayerCommand::RejectChange { ticket: id }]
    );
}

#[test]
fn the_pinned_incident_opens_a_bridge_without_brent() {
    let mut screen = Screen::new(shop(), 3);
    execute(screen.app.world_mut(), PlayerCommand::Advance { hours: 4 }).unwrap();
    let view = screen.view();
    let incident = view
        .incidents
        .first()
        .expect("the store went down at hour 3");
    assert!(incident.change_log.is_empty(), "the cause was never logged");
    let id = incident.id;
    let ana = sim_board::person_by_key(screen.app.world(), "ana").unwrap();
    let mut harness = harness(screen, SCREEN);
    harness.run_steps(2);
    // The first incident's button comes first (a failed change may have added a second).
    harness
        .get_all_by_label("Open a bridge without Brent")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().sent,
        vec![PlayerCommand::DeclareSev1 {
            incident: id,
            responders: vec![ana]
        }]
    );
}

#[test]
fn the_questions_overlay_keeps_typed_answers() {
    let questions = vec![
        "Why did Brent's queue grow?".to_owned(),
        "What would you change?".to_owned(),
    ];
    let mut harness = support::panel(
        PANEL,
        |ui, answers: &mut Vec<String>| {
            parts_unlimited::ui::questions::questions(ui, 1, &questions, answers);
        },
        Vec::new(),
    );
    harness.get_by_label("2. What would you change?").click();
    harness.run();
    harness
        .get_by_label("2. What would you change?")
        .type_text("Shield Brent");
    harness.run();
    assert_eq!(
        harness.state(),
        &vec![String::new(), "Shield Brent".to_owned()]
    );
}

#[test]
fn the_discussion_screen_shows_one_question_at_a_time_to_the_room() {
    let questions = vec![
        "Why did Brent's queue grow?".to_owned(),
        "What would you change?".to_owned(),
    ];
    let mut harness = support::panel(
        PANEL,
        |ui, at: &mut Option<usize>| {
            if let Some(current) = *at {
                *at = parts_unlimited::ui::questions::discussion_screen(
                    ui.ctx(),
                    10,
                    "Everybody Calls Brent",
                    &questions,
                    current,
                );
            }
        },
        Some(0),
    );
    harness.run();
    assert!(
        harness
            .query_by_label("Why did Brent's queue grow?")
            .is_some()
    );
    assert!(harness.query_by_label("What would you change?").is_none());
    harness.get_by_label("Next ▶").click();
    harness.run();
    assert_eq!(harness.state(), &Some(1));
    assert!(harness.query_by_label("What would you change?").is_some());
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state(), &Some(0), "← goes back");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state(), &None, "Esc closes it");
}

#[test]
fn facilitator_keys_pause_the_room_and_inject_live_events() {
    use parts_unlimited::sim::commands::Injection;
    let mut harness = support::panel(
        PANEL,
        |ui, state: &mut (ClockControls, Vec<PlayerCommand>)| {
            parts_unlimited::ui::status::facilitator_keys(ui.ctx(), &mut state.0, &mut state.1);
        },
        (
            ClockControls {
                running: true,
                speed: 1,
            },
            Vec::new(),
        ),
    );
    harness.key_press(egui::Key::F6);
    harness.run();
    assert!(!harness.state().0.running, "F6 pauses the clock");
    harness.key_press(egui::Key::F7);
    harness.run();
    harness.key_press(egui::Key::F8);
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![
            PlayerCommand::Inject {
                event: Injection::Sev1
            },
            PlayerCommand::Inject {
                event: Injection::InterruptForConstraint
            },
        ]
    );
}

fn chapter_one() -> Level {
    let campaign =
        parts_unlimited::level::load_campaign(&parts_unlimited::level::LevelSource::Embedded)
            .unwrap();
    campaign.chapter(1).unwrap().clone()
}

fn buttons(harness: &Harness<'_, Screen>) -> Vec<(String, egui::Rect, bool)> {
    harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .map(|n| {
            let node = n.accesskit_node();
            (
                node.label().unwrap_or_default(),
                n.rect(),
                node.is_disabled(),
            )
        })
        .collect()
}

#[test]
fn every_button_is_in_view_or_scrolls_into_view_at_the_largest_sizes() {
    // 1280 x 720 at the largest size the menu allows there (1.28) leaves 1000 x 562 points,
    // with the text at its largest (1.6).
    let size = egui::vec2(1280.0, 720.0)
        / parts_unlimited::ui::menu::largest_scale_for(egui::vec2(1280.0, 720.0));
    let level = chapter_one();
    let mut screen = Screen::new(level, 1);
    let world = screen.app.world_mut();
    execute(
        world,
        PlayerCommand::Choose {
            scene: "briefing".into(),
            choice: 1,
        },
    )
    .unwrap();
    execute(
        world,
        PlayerCommand::Inject {
            event: parts_unlimited::sim::commands::Injection::Sev1,
        },
    )
    .unwrap();
    execute(world, PlayerCommand::Advance { hours: 1 }).unwrap();
    screen.read = screen.app.world().resource::<Story>().played.len();
    let card = sim_board::all_tickets(screen.app.world())
        .into_iter()
        .find(|t| t.state == TicketState::Backlog)
        .map(|t| t.id);
    screen.ui.card = card;
    let mut harness = harness(screen, size);
    parts_unlimited::ui::theme::apply(&harness.ctx, 1.6, false);
    harness.run_steps(3);
    let live = harness
        .state()
        .view()
        .incidents
        .iter()
        .filter(|i| i.sev1 && i.down)
        .count();
    assert_eq!(live, 2, "two live Sev 1s");
    assert!(
        harness.state().view().selected.is_some(),
        "a card is picked"
    );
    let all = buttons(&harness);
    println!("{} buttons at {size:?}", all.len());

    let screen_rect = egui::Rect::from_min_size(egui::Pos2::ZERO, size).expand(1.0);
    let mut hidden = Vec::new();
    for i in 0..all.len() {
        let node_count = harness
            .query_all_by_role(egui::accesskit::Role::Button)
            .count();
        assert_eq!(node_count, all.len(), "the screen holds still");
        harness
            .query_all_by_role(egui::accesskit::Role::Button)
            .nth(i)
            .unwrap()
            .scroll_to_me();
        // Scrolling is animated: let it settle.
        harness.run_steps(40);
        let (label, rect, _) = buttons(&harness)[i].clone();
        let areas = &harness.state().areas;
        // Scrolled to, it shows on screen, inside a part of the screen that shows content
        // (a button a panel clipped away lies outside every one of them).
        let seen = screen_rect.contains_rect(rect)
            && areas
                .iter()
                .any(|a| a.visible.expand(1.0).contains_rect(rect));
        if !seen {
            hidden.push(format!("{label} at {rect:?}"));
        }
    }
    assert!(hidden.is_empty(), "out of reach:\n{}", hidden.join("\n"));
}

/// Clicks the first widget labelled exactly `label` and lets the screen settle.
fn click(harness: &mut Harness<'_, Screen>, label: &str) {
    harness.get_all_by_label(label).next().unwrap().click();
    harness.run_steps(3);
}

fn has(harness: &Harness<'_, Screen>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

/// Clicks the first enabled "Give #N to …" button for a card, the constraint last.
fn give(harness: &mut Harness<'_, Screen>, card: u32, constraint: &str) -> bool {
    let prefix = format!("Give #{card} to ");
    let mut options: Vec<String> = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter(|n| !n.accesskit_node().is_disabled())
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with(&prefix))
        .collect();
    options.sort_by_key(|l| l.ends_with(constraint));
    match options.first() {
        Some(label) => {
            click(harness, &label.clone());
            true
        }
        None => false,
    }
}

#[test]
fn chapter_one_is_guided_through_the_real_screen_and_won() {
    let mut harness = harness(Screen::new(chapter_one(), 1), SCREEN);
    harness.run_steps(3);
    // The briefing's scene: read it, and choose the bridge.
    click(&mut harness, "Skip (S)");
    harness.run_steps(30);
    let bridge = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.contains("Open a bridge with Lena and Tom"))
        .expect("the choice is offered");
    click(&mut harness, &bridge);
    let step = |h: &Harness<'_, Screen>| h.state().ui.guide.step;
    assert_eq!(step(&harness), 0);
    click(&mut harness, "Next ▶");
    assert_eq!(step(&harness), 1, "the guide went on");
    click(&mut harness, "Open a bridge without Brent");
    assert_eq!(step(&harness), 2, "a bridge without Brent");
    let vpn = ticket(&harness.state().app, "vpn-upgrade");
    click(
        &mut harness,
        &format!("#{} VPN concentrator upgrade", vpn.0),
    );
    assert_eq!(step(&harness), 3, "a card picked");
    click(&mut harness, &format!("Give #{} to Wes", vpn.0));
    assert_eq!(step(&harness), 4, "a card given");
    let phoenix = ticket(&harness.state().app, "phoenix-env");
    click(
        &mut harness,
        &format!("★ #{} Phoenix test environment", phoenix.0),
    );
    click(&mut harness, &format!("Give #{} to Brent", phoenix.0));
    click(&mut harness, "Step 1 h");
    assert_eq!(step(&harness), 5, "the clock ran");
    click(&mut harness, "Step 1 h");
    let favour = sim_board::all_tickets(harness.state().app.world())
        .into_iter()
        .find(|t| {
            t.key.starts_with("interrupt") && t.state == TicketState::Queued && !t.is_started()
        })
        .map(|t| (t.id, t.title.clone()))
        .expect("a favour landed on Brent at the top of the hour");
    click(&mut harness, &format!("#{} {}", favour.0.0, favour.1));
    click(&mut harness, &format!("Give #{} to Tom", favour.0.0));
    assert_eq!(step(&harness), 6, "the favour moved off Brent");
    click(&mut harness, "Next ▶");
    let guide = harness.state().level.guide.clone();
    assert!(harness.state().ui.guide.current(&guide).is_none());
    // Play the day out through the screen: every card to someone who can take it, Brent last.
    for _ in 0..20 {
        if harness
            .state()
            .app
            .world()
            .contains_resource::<ChapterResult>()
        {
            break;
        }
        // A scene over the board is read first, as a player would.
        if has(&harness, "Skip (S)") {
            click(&mut harness, "Skip (S)");
        }
        if has(&harness, "Continue ▶") {
            click(&mut harness, "Continue ▶");
            continue;
        }
        if has(&harness, "Resolve (E)") {
            click(&mut harness, "Resolve (E)");
        }
        let backlog: Vec<(u32, String)> = harness.state().view().columns
            [parts_unlimited::sim::Column::Backlog as usize]
            .cards
            .iter()
            .map(|c| {
                let star = if c.critical { "★ " } else { "" };
                (c.id.0, format!("{star}#{} {}", c.id.0, c.title))
            })
            .collect();
        for (id, label) in backlog {
            click(&mut harness, &label);
            give(&mut harness, id, "Brent");
        }
        click(&mut harness, "Step 1 h");
    }
    let result = harness
        .state()
        .app
        .world()
        .get_resource::<ChapterResult>()
        .cloned()
        .expect("the chapter ended");
    for objective in &result.objectives {
        println!("{}", objective.describe());
    }
    assert!(result.stars >= 2, "{} stars", result.stars);
}

#[test]
fn the_clock_stops_for_a_new_sev1_and_after_a_conversation() {
    let mut screen = Screen::new(chapter_one(), 1);
    screen.read = 1;
    execute(
        screen.app.world_mut(),
        PlayerCommand::Choose {
            scene: "briefing".into(),
            choice: 1,
        },
    )
    .unwrap();
    let mut harness = harness(screen, SCREEN);
    harness.run_steps(3);
    harness.state_mut().clock.running = true;
    harness.run_steps(3);
    assert!(
        harness.state().clock.running,
        "nothing new: the clock runs on"
    );
    execute(
        harness.state_mut().app.world_mut(),
        PlayerCommand::Inject {
            event: parts_unlimited::sim::commands::Injection::Sev1,
        },
    )
    .unwrap();
    harness.run_steps(3);
    assert!(
        !harness.state().clock.running,
        "a new Sev 1 stops the clock"
    );
    // Steve calls at hour 4: a scene over the board; once it is read, the clock waits.
    execute(
        harness.state_mut().app.world_mut(),
        PlayerCommand::Advance { hours: 4 },
    )
    .unwrap();
    harness.run_steps(3);
    harness.state_mut().clock.running = true;
    click(&mut harness, "Skip (S)");
    assert!(harness.state().clock.running);
    click(&mut harness, "Continue ▶");
    assert!(
        !harness.state().clock.running,
        "the clock waits after a conversation"
    );
}

#[test]
fn after_continue_the_backlog_holds_the_chapter_so_far() {
    // Chapter 1 played a while through the real screen: the briefing's choice, then Steve's
    // call at hour 4 left unread when the player quits.
    let screen = Screen::new(chapter_one(), 2);
    let mut before = harness(screen, SCREEN);
    before.run_steps(2);
    click(&mut before, "Skip (S)");
    before.run_steps(30);
    let option = before
        .state()
        .app
        .world()
        .resource::<Story>()
        .awaiting()
        .unwrap()
        .choices[0]
        .clone();
    click(&mut before, &format!("1. {}", option.text));
    execute(
        before.state_mut().app.world_mut(),
        PlayerCommand::Advance { hours: 4 },
    )
    .unwrap();
    let left = parts_unlimited::save::InProgress::from_log(
        1,
        2,
        before
            .state()
            .app
            .world()
            .resource::<parts_unlimited::sim::CommandLog>(),
        before.state().read,
    );
    drop(before);

    // Continue: a fresh chapter, the saved commands replayed, the unread call on screen.
    let mut screen = Screen::new(chapter_one(), 2);
    left.replay(screen.app.world_mut()).unwrap();
    screen.read = left.scenes_read;
    let mut harness = harness(screen, SCREEN);
    harness.run_steps(3);
    let briefing_line = harness.state().app.world().resource::<Story>().played[0].lines[0]
        .text
        .clone();
    assert!(
        !has(&harness, &briefing_line),
        "the call is on screen, not the briefing"
    );
    click(&mut harness, "Backlog (L)");
    harness.run_steps(2);
    assert!(
        has(&harness, &briefing_line),
        "the backlog opens with the briefing"
    );
    assert!(
        has(&harness, &format!("You chose: {}", option.text)),
        "and shows the option taken"
    );
}

/// Every character the game can show is in its font: egui's own fonts are left out of the
/// build, so a missing one would be drawn as an empty box. Read from the sources (all but the
/// class server's, which draws no egui) and the levels, comment lines aside.
#[test]
fn every_character_the_game_shows_is_in_its_font() {
    fn files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("classroom/server") {
                files(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "ron") {
                found.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files(&root.join("src"), &mut sources);
    files(&root.join("levels"), &mut sources);
    assert!(sources.len() > 50, "found the sources: {}", sources.len());

    use skrifa::MetadataProvider;
    let faces = [
        include_bytes!("../assets/fonts/AtkinsonHyperlegible-Regular.ttf").as_slice(),
        include_bytes!("../assets/fonts/AtkinsonHyperlegible-Bold.ttf"),
    ]
    .map(|bytes| skrifa::FontRef::new(bytes).unwrap().charmap());
    let mut missing = std::collections::BTreeMap::new();
    for path in &sources {
        let text = std::fs::read_to_string(path).unwrap();
        let shown = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .flat_map(str::chars)
            .filter(|c| !c.is_ascii());
        for c in shown {
            if !faces.iter().all(|face| face.map(c).is_some()) {
                missing
                    .entry(c)
                    .or_insert_with(|| path.display().to_string());
            }
        }
    }
    assert!(missing.is_empty(), "not in the game's font: {missing:?}");
    // And the check can fail: the font has a star and no hourglass.
    assert!(faces[0].map('★').is_some() && faces[0].map('⌛').is_none());
}

/// Every picture the game names decodes (on the desktop they are all built in).
#[test]
fn every_picture_is_built_in_and_decodes() {
    let ctx = egui::Context::default();
    let names: Vec<&str> = parts_unlimited::ui::art::names().collect();
    assert!(names.len() > 50);
    for name in names {
        assert!(
            matches!(
                parts_unlimited::ui::art::lookup(&ctx, name),
                parts_unlimited::ui::art::Picture::Ready(_)
            ),
            "{name}"
        );
    }
    assert!(matches!(
        parts_unlimited::ui::art::lookup(&ctx, "portraits/nobody"),
        parts_unlimited::ui::art::Picture::Missing
    ));
}
