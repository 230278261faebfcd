//! The menu every screen opens with Escape (the clock stops while it is up): resume, the
//! settings, the keys, leave to the title, quit. The settings' sizes move in steps with − and
//! + buttons, so the window never rescales under a dragging pointer.

use bevy_egui::egui;

use crate::save::Settings;

/// What the player chose in the menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuChoice {
    Stay,
    /// Close the menu and play on.
    Resume,
    /// Leave to the title screen (the chapter in progress is kept).
    Title,
    Quit,
}

/// The largest UI scale that still leaves this window 1000 × 560 points to lay out in.
pub fn largest_scale(ctx: &egui::Context) -> f32 {
    largest_scale_for(ctx.content_rect().size() * ctx.zoom_factor())
}

/// The same, for a window of `size` (at scale 1).
pub fn largest_scale_for(size: egui::Vec2) -> f32 {
    (size.x / 1000.0).min(size.y / 560.0).clamp(1.0, 2.0)
}

/// A − value + control that changes in steps between `low` and `high`. Returns whether the
/// value changed.
fn stepper(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut f32,
    (low, high, step): (f32, f32, f32),
) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.label(label);
        if ui
            .add_enabled(*value > low + 1e-3, egui::Button::new(" − "))
            .clicked()
        {
            *value = ((*value - step) / step).round() * step;
            changed = true;
        }
        ui.monospace(format!("{:.0}%", *value * 100.0));
        if ui
            .add_enabled(*value < high - 1e-3, egui::Button::new(" + "))
            .clicked()
        {
            *value = ((*value + step) / step).round() * step;
            changed = true;
        }
        *value = value.clamp(low, high);
    });
    changed
}

/// The settings, edited in place. Returns whether anything changed.
pub fn settings_panel(ui: &mut egui::Ui, settings: &mut Settings) -> bool {
    let mut changed = false;
    let largest = largest_scale(ui.ctx());
    changed |= stepper(
        ui,
        "Size of everything",
        &mut settings.ui_scale,
        (0.8, largest, 0.1),
    );
    changed |= stepper(ui, "Text size", &mut settings.text_size, (0.8, 1.6, 0.1));
    ui.horizontal(|ui| {
        ui.label("Clock speed at the start");
        for speed in [1, 2, 4] {
            changed |= ui
                .selectable_value(&mut settings.default_speed, speed, format!("{speed}×"))
                .changed();
        }
    });
    changed |= ui
        .checkbox(
            &mut settings.auto_pause,
            "Stop the clock for a new Sev 1 and after every conversation",
        )
        .changed();
    changed |= ui
        .checkbox(&mut settings.colour_blind, "Colour-blind-safe palette")
        .changed();
    changed |= ui
        .checkbox(
            &mut settings.projector,
            "Projector: large type, high contrast",
        )
        .changed();
    changed
}

/// The menu as a window over the screen. `playing` offers leaving to the title.
pub fn pause_menu(
    ctx: &egui::Context,
    settings: &mut Settings,
    show_help: &mut bool,
    playing: bool,
) -> MenuChoice {
    let mut choice = MenuChoice::Stay;
    egui::Window::new("Menu")
        .collapsible(false)
        .resizable(false)
        // Above the guide and the toasts, which are windows too and would cover it.
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_min_width(340.0);
            if ui.button("▶ Resume (Esc)").clicked() {
                choice = MenuChoice::Resume;
            }
            ui.separator();
            ui.strong("Settings");
            settings_panel(ui, settings);
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Keys (F1)").clicked() {
                    *show_help = true;
                }
                let leave = if playing {
                    "Save and leave to the title"
                } else {
                    "Title screen"
                };
                if ui.button(leave).clicked() {
                    choice = MenuChoice::Title;
                }
                if ui
                    .button("Quit")
                    .on_hover_text("Your game is saved first")
                    .clicked()
                {
                    choice = MenuChoice::Quit;
                }
            });
        });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        choice = MenuChoice::Resume;
    }
    choice
}
