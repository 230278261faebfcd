//! A scene as a story: the place behind, the speaker's portrait large with a name plate, the
//! line in a box along the bottom. Next and Skip sit at the box's right; the choices, when
//! the scene ends in one, come up in the middle of the screen, never under the pointer that
//! just pressed Next, and only take a click once they have been seen.

use bevy_egui::egui;

use super::art;
use super::portraits::portrait;
use crate::level::{Character, Place};
use crate::sim::story::PlayedScene;

/// How far into a scene the player has read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DialogueState {
    pub scene: String,
    pub line: usize,
    pub show_backlog: bool,
    /// When the choices came up (egui's clock).
    pub choices_at: Option<f64>,
}

pub enum DialogueOutcome {
    Reading,
    /// The player chose this option (its index in the level).
    Chose(usize),
    /// A scene without choices was read to the end (or skipped).
    Finished,
}

/// Seconds the choices wait before taking a click, so a double click on Next cannot choose.
const CHOICE_GRACE: f64 = 0.4;

const CHOICE_KEYS: [egui::Key; 6] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
];

fn character<'a>(cast: &'a [Character], id: &str) -> Option<&'a Character> {
    cast.iter().find(|c| c.id == id)
}

/// The name a line's speaker goes by (the id itself for someone not in the cast).
pub(super) fn speaker_name<'a>(cast: &'a [Character], id: &'a str) -> &'a str {
    character(cast, id).map_or(id, |c| c.name.as_str())
}

/// "You chose: …" under a scene, in `colour`.
pub(super) fn you_chose(ui: &mut egui::Ui, chosen: &str, colour: egui::Color32) {
    ui.label(
        egui::RichText::new(format!("You chose: {chosen}"))
            .italics()
            .color(colour),
    );
}

/// Scene `current` of the chapter's `scenes` over the whole window. `heading` names the
/// chapter above it; the backlog shows the chapter so far.
pub fn story(
    ctx: &egui::Context,
    heading: &str,
    scenes: &[PlayedScene],
    current: usize,
    cast: &[Character],
    state: &mut DialogueState,
) -> DialogueOutcome {
    let Some(scene) = scenes.get(current) else {
        return DialogueOutcome::Finished;
    };
    let place = scene.place;
    if state.scene != scene.id {
        *state = DialogueState {
            scene: scene.id.clone(),
            ..Default::default()
        };
    }
    let mut outcome = DialogueOutcome::Reading;
    egui::Area::new("story".into())
        .order(egui::Order::Foreground)
        .fixed_pos(egui::Pos2::ZERO)
        .show(ctx, |ui| {
            let screen = ctx.content_rect();
            ui.set_min_size(screen.size());
            backdrop(ui, screen, place);
            ui.painter().text(
                screen.left_top() + egui::vec2(20.0, 16.0),
                egui::Align2::LEFT_TOP,
                heading,
                art::bold(18.0),
                egui::Color32::from_gray(230),
            );
            outcome = scene_box(ui, screen, &scenes[..=current], cast, state);
        });
    outcome
}

fn backdrop(ui: &mut egui::Ui, screen: egui::Rect, place: Place) {
    let painter = ui.painter();
    match art::texture(ui.ctx(), place.backdrop()) {
        Some(texture) => {
            // Cover the window, keeping the picture's shape.
            let size = texture.size_vec2();
            let scale = (screen.width() / size.x).max(screen.height() / size.y);
            let rect = egui::Rect::from_center_size(screen.center(), size * scale);
            painter.image(
                texture.id(),
                rect,
                egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                egui::Color32::from_gray(200),
            );
        }
        None => {
            painter.rect_filled(screen, 0.0, egui::Color32::from_rgb(30, 34, 44));
        }
    }
}

/// The text box for the last of `scenes` (the ones before it are for the backlog).
fn scene_box(
    ui: &mut egui::Ui,
    screen: egui::Rect,
    scenes: &[PlayedScene],
    cast: &[Character],
    state: &mut DialogueState,
) -> DialogueOutcome {
    let scene = &scenes[scenes.len() - 1];
    let last = scene.lines.len().saturating_sub(1);
    let at_end = state.line >= last;
    let box_height = (screen.height() * 0.3).clamp(150.0, 260.0);
    let text_box = egui::Rect::from_min_max(
        egui::pos2(screen.left() + 24.0, screen.bottom() - box_height - 20.0),
        egui::pos2(screen.right() - 24.0, screen.bottom() - 20.0),
    );
    ui.painter().rect_filled(
        text_box,
        10.0,
        egui::Color32::from_rgba_unmultiplied(14, 16, 22, 225),
    );
    let line = scene.lines.get(state.line.min(last));
    if let Some(said) = line {
        let who = &said.who;
        let speaker = character(cast, who);
        let name = speaker.map_or(who.as_str(), |c| c.name.as_str());
        let size = (screen.height() * 0.28).clamp(110.0, 220.0);
        let spot = egui::Rect::from_min_size(
            egui::pos2(text_box.left() + 16.0, text_box.top() - size - 8.0),
            egui::vec2(size, size),
        );
        ui.scope_builder(egui::UiBuilder::new().max_rect(spot), |ui| {
            portrait(ui, who, name, size);
        });
        let plate = egui::Rect::from_min_size(
            egui::pos2(spot.right() + 12.0, text_box.top() - 44.0),
            egui::vec2(520.0, 40.0),
        );
        ui.scope_builder(egui::UiBuilder::new().max_rect(plate), |ui| {
            egui::Frame::new()
                .fill(egui::Color32::from_rgba_unmultiplied(14, 16, 22, 230))
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(10, 4))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            egui::RichText::new(name)
                                .font(art::bold(20.0))
                                .color(egui::Color32::WHITE),
                        );
                        if let Some(c) = speaker {
                            ui.label(
                                egui::RichText::new(&c.role).color(egui::Color32::from_gray(190)),
                            );
                        }
                    });
                });
        });
    }
    let mut outcome = DialogueOutcome::Reading;
    let inner = text_box.shrink(18.0);
    ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
        ui.visuals_mut().override_text_color = Some(egui::Color32::from_gray(240));
        egui::ScrollArea::vertical()
            .id_salt("story text")
            .max_height(inner.height() - 40.0)
            .show(ui, |ui| {
                if state.show_backlog {
                    backlog(ui, scenes, cast, state.line);
                } else if let Some(said) = line {
                    ui.add(egui::Label::new(egui::RichText::new(&said.text).size(20.0)).wrap());
                }
            });
        outcome = controls(ui, inner, scene, at_end, last, state);
    });
    if at_end && !scene.choices.is_empty() {
        outcome = choices(ui, screen, text_box, scene, state);
    }
    outcome
}

/// Next, Skip and the backlog, at the box's bottom right.
fn controls(
    ui: &mut egui::Ui,
    inner: egui::Rect,
    scene: &PlayedScene,
    at_end: bool,
    last: usize,
    state: &mut DialogueState,
) -> DialogueOutcome {
    let mut outcome = DialogueOutcome::Reading;
    let row = egui::Rect::from_min_max(egui::pos2(inner.left(), inner.bottom() - 32.0), inner.max);
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(row)
            .layout(egui::Layout::right_to_left(egui::Align::Center)),
        |ui| {
            let pressed = |ui: &egui::Ui, keys: &[egui::Key]| {
                ui.input(|i| keys.iter().any(|&k| i.key_pressed(k)))
            };
            let big = |text: &str| egui::Button::new(egui::RichText::new(text).size(17.0));
            if !at_end {
                if ui.add(big("Next ▶")).clicked()
                    || pressed(ui, &[egui::Key::Space, egui::Key::Enter])
                {
                    state.line += 1;
                }
                if ui.add(big("Skip (S)")).clicked() || pressed(ui, &[egui::Key::S]) {
                    state.line = last;
                }
            } else if scene.choices.is_empty()
                && (ui.add(big("Continue ▶")).clicked()
                    || pressed(ui, &[egui::Key::Space, egui::Key::Enter]))
            {
                outcome = DialogueOutcome::Finished;
            }
            ui.toggle_value(&mut state.show_backlog, "Backlog (L)");
            if pressed(ui, &[egui::Key::L]) {
                state.show_backlog = !state.show_backlog;
            }
            ui.weak(format!(
                "line {} of {}",
                (state.line + 1).min(last + 1),
                last + 1
            ));
        },
    );
    outcome
}

/// The chapter so far: every scene before this one whole, with the option taken, and this
/// one up to the line being read.
fn backlog(ui: &mut egui::Ui, scenes: &[PlayedScene], cast: &[Character], upto: usize) {
    let last = scenes.len() - 1;
    for (n, scene) in scenes.iter().enumerate() {
        let lines = if n == last {
            upto + 1
        } else {
            scene.lines.len()
        };
        for said in scene.lines.iter().take(lines) {
            let name = speaker_name(cast, &said.who);
            ui.label(egui::RichText::new(name).font(art::bold(15.0)));
            ui.label(&said.text);
        }
        if let Some(chosen) = scene.chosen_text() {
            you_chose(ui, chosen, egui::Color32::from_rgb(250, 210, 120));
        }
        if n != last {
            ui.separator();
        }
    }
}

/// The scene's choices, in the middle of the screen above the box.
fn choices(
    ui: &mut egui::Ui,
    screen: egui::Rect,
    text_box: egui::Rect,
    scene: &PlayedScene,
    state: &mut DialogueState,
) -> DialogueOutcome {
    let now = ui.input(|i| i.time);
    let since = *state.choices_at.get_or_insert(now);
    let ready = now - since >= CHOICE_GRACE;
    if !ready {
        ui.ctx().request_repaint();
    }
    let width = (screen.width() * 0.6).min(760.0);
    let area = egui::Rect::from_min_max(
        egui::pos2(screen.center().x - width / 2.0, screen.top() + 60.0),
        egui::pos2(screen.center().x + width / 2.0, text_box.top() - 60.0),
    );
    let mut outcome = DialogueOutcome::Reading;
    ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
        egui::Frame::new()
            .fill(egui::Color32::from_rgba_unmultiplied(14, 16, 22, 235))
            .corner_radius(10.0)
            .inner_margin(egui::Margin::same(16))
            .show(ui, |ui| {
                ui.visuals_mut().override_text_color = Some(egui::Color32::from_gray(240));
                ui.label(egui::RichText::new("What do you do?").font(art::bold(20.0)));
                ui.add_space(6.0);
                // Shown in the order the simulation dealt them; keys follow what is shown.
                for (shown, option) in scene.choices.iter().enumerate() {
                    let key = CHOICE_KEYS.get(shown).copied();
                    let pressed = key.is_some_and(|k| ui.input(|i| i.key_pressed(k)));
                    let button = egui::Button::new(
                        egui::RichText::new(format!("{}. {}", shown + 1, option.text)).size(17.0),
                    )
                    .wrap()
                    .min_size(egui::vec2(ui.available_width(), 36.0));
                    let clicked = ui.add_enabled(ready, button).clicked();
                    if ready && (clicked || pressed) {
                        outcome = DialogueOutcome::Chose(option.index);
                    }
                    ui.add_space(4.0);
                }
            });
    });
    outcome
}
