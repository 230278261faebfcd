//! The egui panels driven without a window by egui_kittest: widgets found by label, clicked
//! and typed into, and the player commands that come out checked. The views are built from a
//! real headless simulation.

use bevy::prelude::App;
use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parts_unlimited::level::Policy;
use parts_unlimited::sim::commands::execute;
use parts_unlimited::sim::{PlayerCommand, board as sim_board};
use parts_unlimited::ui::OpsUiState;
use parts_unlimited::ui::theme::Theme;
use parts_unlimited::ui::views::{self, OpsView};

use crate::support::{new_chapter, outage, plain_ticket};

const THEME: Theme = Theme {
    colour_blind: false,
    projector: false,
};

type PanelState = (OpsUiState, Vec<PlayerCommand>);

/// A shop with a high-risk change under the CAB and a store outage on the way.
fn chapter() -> App {
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
    let mut app = new_chapter(&level, 3);
    execute(app.world_mut(), PlayerCommand::Advance { hours: 3 }).unwrap();
    app
}

fn view(app: &App) -> OpsView {
    views::build(app.world())
}

fn ticket(app: &App, key: &str) -> parts_unlimited::sim::TicketId {
    sim_board::all_tickets(app.world())
        .into_iter()
        .find(|t| t.key == key)
        .unwrap()
        .id
}

#[test]
fn the_board_selects_a_card_and_approves_a_change() {
    let app = chapter();
    let view = view(&app);
    let id = ticket(&app, "db-upgrade");
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut PanelState| {
            parts_unlimited::ui::board::board(ui, &view, &THEME, &mut state.0, &mut state.1)
        },
        PanelState::default(),
    );
    harness
        .get_by_label(&format!("#{} Upgrade the store database", id.0))
        .click();
    harness.run();
    assert_eq!(
        harness.state().0.card,
        Some(id),
        "clicking a card selects it"
    );
    harness.get_by_label("Approve").click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![PlayerCommand::ApproveChange { ticket: id }]
    );
}

#[test]
fn the_board_edits_wip_limits() {
    let app = chapter();
    let view = view(&app);
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut PanelState| {
            parts_unlimited::ui::board::board(ui, &view, &THEME, &mut state.0, &mut state.1)
        },
        PanelState::default(),
    );
    harness
        .get_all_by_label("+")
        .next()
        .expect("a raise button on Ready")
        .click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![PlayerCommand::SetWipLimit {
            column: parts_unlimited::sim::Column::Ready,
            limit: Some(8)
        }]
    );
}

#[test]
fn the_team_panel_assigns_the_selected_card() {
    let app = chapter();
    let view = view(&app);
    let card = sim_board::all_tickets(app.world())
        .into_iter()
        .find(|t| t.key.starts_with("task"))
        .expect("tasks arrive in three hours")
        .id;
    let ana = sim_board::person_by_key(app.world(), "ana").unwrap();
    let state = (
        OpsUiState {
            card: Some(card),
            ..Default::default()
        },
        Vec::new(),
    );
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut PanelState| {
            parts_unlimited::ui::team::team(ui, &view, &THEME, &mut state.0, &mut state.1)
        },
        state,
    );
    harness
        .get_by_label(&format!("Assign #{} to Ana", card.0))
        .click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![PlayerCommand::Assign {
            ticket: card,
            person: ana
        }]
    );
    // The constraint is marked as such.
    harness.get_by_label("the constraint");
}

#[test]
fn the_cab_queue_approves_and_rejects() {
    let app = chapter();
    let view = view(&app);
    let id = ticket(&app, "db-upgrade");
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut PanelState| {
            parts_unlimited::ui::incidents::cab_queue(ui, &view, &mut state.0, &mut state.1)
        },
        PanelState::default(),
    );
    harness.get_by_label("Reject").click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![PlayerCommand::RejectChange { ticket: id }]
    );
}

#[test]
fn the_sev1_panel_opens_a_bridge_without_brent() {
    let mut app = chapter();
    execute(app.world_mut(), PlayerCommand::Advance { hours: 1 }).unwrap();
    let view = view(&app);
    let incident = view
        .incidents
        .first()
        .expect("the store went down at hour 3");
    assert!(incident.change_log.is_empty(), "the cause was never logged");
    let ana = sim_board::person_by_key(app.world(), "ana").unwrap();
    let id = incident.id;
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut PanelState| {
            parts_unlimited::ui::incidents::sev1_panel(ui, &view, &THEME, &mut state.1)
        },
        PanelState::default(),
    );
    // The first incident's button comes first (a failed change may have added a second).
    harness
        .get_all_by_label("Open a bridge without Brent")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness.state().1,
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
    let mut harness = Harness::new_ui_state(
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
    let mut harness = Harness::new_ui_state(
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
    use parts_unlimited::ui::status::ClockControls;
    let mut harness = Harness::new_ui_state(
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
