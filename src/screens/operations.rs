//! The operations screen: the board, the team, incidents and changes, and the clock.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::briefing::{ScenesRead, unread_scene};
use super::{Screen, root_ui, theme};
use crate::save::Settings;
use crate::sim::objectives::ChapterResult;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::sim::{Column, CommandLog, PlayerCommand, SimSet};
use crate::ui::OpsUiState;
use crate::ui::dialogue::{DialogueOutcome, DialogueState, dialogue};
use crate::ui::status::ClockControls;
use crate::ui::views::{self, OpsView};

/// The clock as driven from this screen, and the part-hour owed to the simulation.
#[derive(Resource, Default, Debug)]
pub(super) struct UiClock {
    controls: ClockControls,
    owed: f32,
}

#[derive(Resource, Default, Debug)]
pub(super) struct Selection(OpsUiState);

/// What the view was built from, so it is rebuilt only when the simulation moved.
#[derive(Resource, Default, Debug, PartialEq)]
struct ViewStamp(Option<(u32, u32, usize, usize)>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiClock>()
        .init_resource::<Selection>()
        .init_resource::<OpsView>()
        .init_resource::<ViewStamp>()
        .add_systems(OnEnter(Screen::Operations), reset_controls)
        .add_systems(
            Update,
            (
                run_clock.in_set(SimSet::Input),
                (refresh_view, each_new_day, finish_when_over)
                    .chain()
                    .in_set(SimSet::Observe),
            )
                .run_if(in_state(Screen::Operations)),
        );
}

fn reset_controls(
    mut clock: ResMut<UiClock>,
    settings: Res<Settings>,
    mut selection: ResMut<Selection>,
    mut stamp: ResMut<ViewStamp>,
) {
    clock.controls = ClockControls {
        running: false,
        speed: settings.default_speed,
    };
    clock.owed = 0.0;
    selection.0 = OpsUiState::default();
    stamp.0 = None;
}

fn run_clock(
    time: Res<Time>,
    mut clock: ResMut<UiClock>,
    story: Res<Story>,
    read: Res<ScenesRead>,
    mut commands: MessageWriter<PlayerCommand>,
) {
    // The clock waits while a scene is unread or a choice is pending.
    let reading = read.0 < story.played.len();
    if !clock.controls.running || story.awaiting_choice.is_some() || reading {
        clock.owed = 0.0;
        return;
    }
    clock.owed += time.delta_secs() * clock.controls.hours_per_second();
    if clock.owed >= 1.0 {
        clock.owed -= 1.0;
        commands.write(PlayerCommand::Advance { hours: 1 });
    }
}

fn refresh_view(world: &mut World) {
    let stamp = {
        let clock = world.resource::<crate::sim::clock::Clock>();
        let level = world.resource::<CurrentLevel>();
        Some((
            level.0.chapter,
            clock.tick,
            world.resource::<CommandLog>().0.len(),
            world.resource::<Story>().played.len(),
        ))
    };
    if world.resource::<ViewStamp>().0 == stamp {
        return;
    }
    let view = views::build(world);
    world.insert_resource(view);
    world.resource_mut::<ViewStamp>().0 = stamp;
}

/// Each morning: says so in the log (the browser test follows the chapter by it).
fn each_new_day(world: &mut World, mut last: Local<Option<(u32, u32)>>) {
    let clock = world.resource::<crate::sim::clock::Clock>();
    if clock.is_over() {
        return;
    }
    let day = clock.day();
    let chapter = world.resource::<CurrentLevel>().0.chapter;
    if *last != Some((chapter, day)) {
        *last = Some((chapter, day));
        info!("chapter {chapter}: day {} begins", day + 1);
    }
}

fn finish_when_over(result: Option<Res<ChapterResult>>, mut next: ResMut<NextState<Screen>>) {
    if result.is_some() {
        next.set(Screen::Debrief);
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn operations_ui(
    mut contexts: EguiContexts,
    view: Res<OpsView>,
    settings: Res<Settings>,
    level: Res<CurrentLevel>,
    story: Res<Story>,
    mut read: ResMut<ScenesRead>,
    mut clock: ResMut<UiClock>,
    mut selection: ResMut<Selection>,
    mut dialogue_state: Local<DialogueState>,
    mut notice: ResMut<crate::save::SaveNotice>,
    mut send: MessageWriter<PlayerCommand>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let theme = theme(&settings);
    let mut out = Vec::new();
    let state = &mut selection.0;
    let mut root = root_ui(ctx);
    let mut leave = false;
    egui::Panel::top("status").show(&mut root, |ui| {
        crate::ui::status::status_bar(
            ui,
            &view,
            &theme,
            &mut clock.controls,
            &view.objectives,
            &mut out,
        );
        if let Some(message) = notice.0.clone() {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(theme.bad(), message);
                if ui.small_button("OK").clicked() {
                    notice.0 = None;
                }
            });
        }
        leave = ui.small_button("Save and leave to the title").clicked();
    });
    if leave {
        // Leaving the board keeps the chapter in progress (screens::progress).
        commands.queue(|world: &mut World| {
            world.resource_mut::<NextState<Screen>>().set(Screen::Title);
        });
    }
    egui::Panel::right("team")
        .min_size(330.0)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                crate::ui::team::team(ui, &view, &theme, state, &mut out);
                ui.separator();
                crate::ui::incidents::sev1_panel(ui, &view, &theme, &mut out);
                ui.separator();
                crate::ui::incidents::cab_queue(ui, &view, state, &mut out);
            });
        });
    egui::CentralPanel::default().show(&mut root, |ui| {
        crate::ui::board::board(ui, &view, &theme, state, &mut out);
    });
    crate::ui::incidents::interrupt_popups(ctx, &view, state, &mut out);
    if !ctx.egui_wants_keyboard_input() {
        crate::ui::status::facilitator_keys(ctx, &mut clock.controls, &mut out);
    }
    if let Some(scene) = unread_scene(&story, &level.0, read.0) {
        egui::Window::new("Meanwhile…")
            .collapsible(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .default_width(560.0)
            .show(ctx, |ui| {
                match dialogue(ui, scene, &level.0.cast, &mut dialogue_state) {
                    DialogueOutcome::Reading => {}
                    DialogueOutcome::Chose(choice) => {
                        out.push(PlayerCommand::Choose {
                            scene: scene.id.clone(),
                            choice,
                        });
                        read.0 += 1;
                    }
                    DialogueOutcome::Finished => read.0 += 1,
                }
            });
    } else if !ctx.egui_wants_keyboard_input() {
        keyboard(ctx, &view, state, &mut clock.controls, &mut out);
    }
    crate::ui::status::help_overlay(ctx, &mut state.show_help);
    for command in out {
        send.write(command);
    }
    Ok(())
}

/// Every action on this screen by keyboard.
pub fn keyboard(
    ctx: &egui::Context,
    view: &OpsView,
    state: &mut OpsUiState,
    clock: &mut ClockControls,
    out: &mut Vec<PlayerCommand>,
) {
    use egui::Key;
    let pressed = |key: Key| ctx.input(|i| i.key_pressed(key));
    if pressed(Key::F1)
        || ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if t == "?"))
        })
    {
        state.show_help = !state.show_help;
    }
    if pressed(Key::Space) {
        clock.running = !clock.running;
    }
    if pressed(Key::N) {
        out.push(PlayerCommand::Advance { hours: 1 });
    }
    for (key, speed) in [(Key::Num1, 1), (Key::Num2, 2), (Key::Num4, 4)] {
        if pressed(key) {
            clock.speed = speed;
        }
    }
    let open: Vec<_> = view
        .cards()
        .filter(|c| c.column != Column::Done)
        .map(|c| c.id)
        .collect();
    let step = |forward: bool, current: Option<crate::sim::TicketId>| {
        let at = current.and_then(|c| open.iter().position(|&id| id == c));
        match (at, forward) {
            (None, _) => open.first().copied(),
            (Some(i), true) => open.get((i + 1) % open.len()).copied(),
            (Some(i), false) => open.get((i + open.len() - 1) % open.len()).copied(),
        }
    };
    if pressed(Key::J) {
        state.card = step(true, state.card);
    }
    if pressed(Key::K) {
        state.card = step(false, state.card);
    }
    if pressed(Key::P) && !view.people.is_empty() {
        let at = state
            .person
            .and_then(|p| view.people.iter().position(|v| v.id == p));
        state.person = Some(view.people[at.map_or(0, |i| (i + 1) % view.people.len())].id);
    }
    if let Some(card) = state.card {
        if pressed(Key::A)
            && let Some(person) = state.person
        {
            out.push(PlayerCommand::Assign {
                ticket: card,
                person,
            });
        }
        if pressed(Key::U) {
            out.push(PlayerCommand::Unassign { ticket: card });
        }
        if pressed(Key::Y) {
            out.push(PlayerCommand::ApproveChange { ticket: card });
        }
        if pressed(Key::R) {
            out.push(PlayerCommand::RejectChange { ticket: card });
        }
        if pressed(Key::X) {
            out.push(PlayerCommand::DeflectInterrupt { ticket: card });
        }
        if pressed(Key::T) {
            out.push(PlayerCommand::RetireWork { ticket: card });
        }
    }
    if pressed(Key::B)
        && let Some(incident) = view
            .incidents
            .iter()
            .find(|i| i.down && !i.declared && !i.candidates.is_empty())
    {
        out.push(PlayerCommand::DeclareSev1 {
            incident: incident.id,
            responders: incident.candidates.iter().map(|c| c.0).collect(),
        });
    }
    if pressed(Key::E)
        && let Some(incident) = view.incidents.iter().find(|i| !i.down)
    {
        out.push(PlayerCommand::ResolveSev1 {
            incident: incident.id,
        });
    }
}
