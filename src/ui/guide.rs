//! The guide: a level's steps that teach the controls as part of the story. Each step is said
//! by someone in the cast, points at a part of the screen, and waits until the player has
//! done what it asks; the whole guide can be skipped.

use std::collections::BTreeMap;

use bevy_egui::egui;

use super::portraits::portrait;
use super::theme::Theme;
use super::views::{OpsView, Tally};
use crate::level::{Character, GuideGoal, GuideStep, Spot};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GuideState {
    pub step: usize,
    pub skipped: bool,
    /// What the player had done when the step began.
    pub base: Option<Tally>,
    /// The step up waits for a favour to land on the constraint (the clock stops for it).
    pub waits_for_a_favour: bool,
}

impl GuideState {
    /// The step up now, if the guide is still going.
    pub fn current<'a>(&self, steps: &'a [GuideStep]) -> Option<&'a GuideStep> {
        (!self.skipped).then(|| steps.get(self.step)).flatten()
    }
}

/// Where each part of the screen was drawn this frame, so a step can point at it.
#[derive(Clone, Debug, Default)]
pub struct Spots(pub BTreeMap<Spot, egui::Rect>);

/// Whether the player has done what the step waits for since it began.
fn done(goal: GuideGoal, base: &Tally, now: &Tally, card_picked: bool) -> bool {
    match goal {
        GuideGoal::Read => false,
        GuideGoal::PickCard => card_picked,
        GuideGoal::GiveCard => now.given > base.given,
        GuideGoal::OpenBridge {
            without_constraint: true,
        } => now.bridges_without_constraint > base.bridges_without_constraint,
        GuideGoal::OpenBridge { .. } => now.bridges > base.bridges,
        GuideGoal::RunClock => now.hours > base.hours,
        GuideGoal::MoveFavour => now.favours_moved > base.favours_moved,
        GuideGoal::Resolve => now.resolved > base.resolved,
    }
}

/// Moves the guide on when its step is done, and draws the step with what it points at.
#[allow(clippy::too_many_arguments)]
pub fn guide(
    ctx: &egui::Context,
    steps: &[GuideStep],
    cast: &[Character],
    view: &OpsView,
    card_picked: bool,
    state: &mut GuideState,
    spots: &Spots,
    theme: &Theme,
) {
    state.waits_for_a_favour = false;
    let Some(step) = state.current(steps) else {
        return;
    };
    state.waits_for_a_favour = step.until == GuideGoal::MoveFavour;
    let base = *state.base.get_or_insert(view.done);
    if done(step.until, &base, &view.done, card_picked) {
        state.step += 1;
        state.base = Some(view.done);
        return;
    }
    if let Some(rect) = step.point_at.and_then(|spot| spots.0.get(&spot)) {
        spotlight(ctx, *rect, theme);
    }
    let name = cast
        .iter()
        .find(|c| c.id == step.who)
        .map_or(step.who.as_str(), |c| c.name.as_str());
    // Over the board's right-hand columns, away from the Backlog and the team.
    let board = spots
        .0
        .get(&Spot::Board)
        .copied()
        .unwrap_or(ctx.content_rect());
    let screen = ctx.content_rect();
    egui::Window::new("Guide")
        .title_bar(false)
        .resizable(false)
        .anchor(
            egui::Align2::RIGHT_BOTTOM,
            [
                board.right() - screen.right() - 8.0,
                board.bottom() - screen.bottom() - 8.0,
            ],
        )
        .default_width(430.0)
        .show(ctx, |ui| {
            ui.set_max_width(430.0);
            ui.horizontal(|ui| {
                portrait(ui, &step.who, name, 48.0);
                ui.vertical(|ui| {
                    ui.small(format!(
                        "{name} · step {} of {}",
                        state.step + 1,
                        steps.len()
                    ));
                    ui.add(egui::Label::new(egui::RichText::new(&step.text).size(15.0)).wrap());
                });
            });
            ui.horizontal(|ui| {
                if step.until == GuideGoal::Read {
                    if ui.button("Next ▶").clicked() {
                        state.step += 1;
                        state.base = None;
                    }
                } else {
                    ui.weak("Waiting for you to do it…");
                    if ui.small_button("Skip this step").clicked() {
                        state.step += 1;
                        state.base = None;
                    }
                }
                if ui
                    .small_button("Skip the guide")
                    .on_hover_text("Play on without the guide")
                    .clicked()
                {
                    state.skipped = true;
                }
            });
        });
}

/// A bold outline around the part of the screen a step is about. It holds still: a pulse
/// would redraw the whole screen many times a second on a laptop's battery.
fn spotlight(ctx: &egui::Context, rect: egui::Rect, theme: &Theme) {
    // Above the board, below a scene that comes up over it.
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Middle,
        egui::Id::new("spotlight"),
    ));
    painter.rect_stroke(
        rect.expand(3.0),
        6.0,
        egui::Stroke::new(3.0, theme.constraint()),
        egui::StrokeKind::Outside,
    );
}
