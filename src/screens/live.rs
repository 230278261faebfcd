//! A live class on the screens: the dashboard learns where the player is, the facilitator's
//! calls act on the chapter being played (the same logged commands as F6/F7/F8, so a report
//! still replays exactly), and a question from the facilitator goes up on every screen.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::operations::UiClock;
use super::{Playing, Screen, UiSet};
use crate::classroom::live::protocol::Call;
use crate::classroom::live::{LiveClass, LiveSet, LiveStatus, LiveWhere};
use crate::save::SaveNotice;
use crate::sim::commands::Injection;
use crate::sim::{PlayerCommand, SimSet};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            report_where.before(LiveSet),
            act_on_calls.after(LiveSet).before(SimSet::Input),
        ),
    )
    .add_systems(
        EguiPrimaryContextPass,
        facilitator_overlay.in_set(UiSet::Menu),
    );
}

fn report_where(
    screen: Res<State<Screen>>,
    playing: Option<Res<Playing>>,
    mut place: ResMut<LiveWhere>,
) {
    let here = match screen.get() {
        Screen::Title => "title",
        Screen::Map => "map",
        Screen::Briefing => "briefing",
        Screen::Operations => "playing",
        Screen::Debrief => "debrief",
    };
    let chapter = match screen.get() {
        Screen::Briefing | Screen::Operations | Screen::Debrief => playing.map(|p| p.chapter),
        _ => None,
    };
    let now = LiveWhere {
        chapter,
        screen: here,
    };
    if *place != now {
        *place = now;
    }
}

fn act_on_calls(
    mut live: ResMut<LiveClass>,
    screen: Res<State<Screen>>,
    mut clock: ResMut<UiClock>,
    mut notice: ResMut<SaveNotice>,
    mut send: MessageWriter<PlayerCommand>,
) {
    if live.status == LiveStatus::Off {
        return;
    }
    let playing = *screen.get() == Screen::Operations;
    if live.held && clock.controls.running {
        clock.controls.running = false;
    }
    let calls = live.take_calls();
    for call in calls {
        if !playing {
            info!("a facilitator's call between chapters: {call:?}");
            continue;
        }
        let said = call.describe();
        let event = match call {
            Call::Sev1 => Injection::Sev1,
            Call::Brent => Injection::InterruptForConstraint,
            Call::Resume => {
                clock.controls.running = true;
                continue;
            }
            Call::Pause | Call::Question { .. } => continue,
        };
        info!("parts-unlimited: the facilitator's {event:?} goes into this chapter");
        notice.0 = Some(said);
        send.write(PlayerCommand::Inject { event });
    }
    if let Some(refused) = live.notice.take() {
        notice.0 = Some(refused);
    }
}

/// The facilitator's question, over whatever screen is up, and a word when the room is paused.
fn facilitator_overlay(mut contexts: EguiContexts, mut live: ResMut<LiveClass>) -> Result {
    if live.status == LiveStatus::Off {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    if live.held {
        egui::Area::new(egui::Id::new("held"))
            .anchor(egui::Align2::CENTER_TOP, [0.0, 48.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.strong("Your facilitator has paused the room: the clock waits for them.");
                });
            });
    }
    let mut close = false;
    if let Some(question) = &live.question {
        egui::Window::new("A question from your facilitator")
            .collapsible(false)
            .resizable(false)
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 90.0])
            .show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.label(egui::RichText::new(question).size(20.0));
                ui.add_space(8.0);
                ui.label("Talk it over with the room; your facilitator will take answers.");
                close = ui.button("Close").clicked();
            });
    }
    if close {
        live.question = None;
    }
    Ok(())
}
