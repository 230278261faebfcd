//! The top bar: the clock (pause, step, speed), business numbers, policies, refusals.

use bevy_egui::egui;

use super::theme::Theme;
use super::views::OpsView;
use crate::sim::PlayerCommand;

/// The clock as the player drives it (UI state, not simulation state).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClockControls {
    pub running: bool,
    /// 1, 2 or 4: how many game hours pass in three real seconds.
    pub speed: u32,
}

impl Default for ClockControls {
    fn default() -> Self {
        Self {
            running: false,
            speed: 1,
        }
    }
}

impl ClockControls {
    pub fn hours_per_second(&self) -> f32 {
        self.speed as f32 / 3.0
    }
}

pub fn status_bar(
    ui: &mut egui::Ui,
    view: &OpsView,
    theme: &Theme,
    clock: &mut ClockControls,
    objectives: &[String],
    out: &mut Vec<PlayerCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Chapter {}: {}", view.chapter, view.title));
        ui.separator();
        ui.label(format!("{}  ({} h left)", view.clock, view.hours_left));
        if ui
            .button(if clock.running {
                "⏸ Pause"
            } else {
                "▶ Run"
            })
            .clicked()
        {
            clock.running = !clock.running;
        }
        if ui.button("Step 1 h").clicked() {
            out.push(PlayerCommand::Advance { hours: 1 });
        }
        for speed in [1, 2, 4] {
            if ui
                .selectable_label(clock.speed == speed, format!("{speed}×"))
                .clicked()
            {
                clock.speed = speed;
            }
        }
        ui.separator();
        ui.label(format!("Revenue lost ${:.0}", view.revenue_lost));
        ui.label(format!("Share price ${:.2}", view.share_price));
        ui.label(format!("Audit findings {}", view.audit_findings));
    });
    ui.horizontal_wrapped(|ui| {
        ui.small("Objectives:");
        for objective in objectives {
            ui.small(format!("• {objective}"));
        }
    });
    if !view.policies.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.small("Policies:");
            for &(policy, on) in &view.policies {
                let mut checked = on;
                if ui.checkbox(&mut checked, policy.label()).changed() {
                    out.push(PlayerCommand::SetPolicy {
                        policy,
                        on: checked,
                    });
                }
            }
        });
    }
    if !view.traffic.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.small("Traffic:");
            for (name, load, capacity) in &view.traffic {
                let text = format!("{name} {load:.1}× on capacity {capacity:.1}×");
                if load > capacity {
                    ui.colored_label(theme.bad(), egui::RichText::new(text).small());
                } else {
                    ui.small(text);
                }
            }
        });
    }
    if let Some(size) = view.batch_size {
        ui.horizontal(|ui| {
            ui.small(format!(
                "Deployment batch: {size} change{}",
                if size == 1 { "" } else { "s" }
            ));
            if ui
                .small_button("−")
                .on_hover_text("Smaller batches")
                .clicked()
                && size > 1
            {
                out.push(PlayerCommand::SetBatchSize { size: size - 1 });
            }
            if ui
                .small_button("+")
                .on_hover_text("Bigger batches")
                .clicked()
            {
                out.push(PlayerCommand::SetBatchSize { size: size + 1 });
            }
        });
    }
    if let Some(reason) = &view.refusal {
        ui.colored_label(theme.bad(), format!("Refused: {reason}"));
    }
}

/// Every shortcut, for the F1 / ? overlay.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Space", "run or pause the clock"),
    ("N", "advance one hour"),
    ("1 / 2 / 4", "clock speed"),
    ("J / K", "select the next / previous card"),
    ("P", "select the next person"),
    ("A", "assign the selected card to the selected person"),
    ("U", "take the selected card back to the backlog"),
    ("Y / R", "approve / reject the selected change"),
    ("X", "deflect the selected request"),
    (
        "T",
        "retire the selected project (once work is traced to objectives)",
    ),
    ("B", "open a bridge for the first Sev 1 without one"),
    ("E", "resolve the first restored Sev 1"),
    ("F1 or ?", "this help"),
    ("F6", "facilitator: pause or resume the clock for the room"),
    (
        "F7",
        "facilitator: take the biggest earner down now (a Sev 1)",
    ),
    (
        "F8",
        "facilitator: send someone to the constraint's desk now",
    ),
];

pub fn help_overlay(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for (key, what) in SHORTCUTS {
                    ui.strong(*key);
                    ui.label(*what);
                    ui.end_row();
                }
            });
        });
}

/// The facilitator's live controls, which work even while a scene is up: pause the room's
/// clock, or make something happen now.
pub fn facilitator_keys(
    ctx: &egui::Context,
    clock: &mut ClockControls,
    out: &mut Vec<PlayerCommand>,
) {
    use crate::sim::commands::Injection;
    let pressed = |key: egui::Key| ctx.input(|i| i.key_pressed(key));
    if pressed(egui::Key::F6) {
        clock.running = !clock.running;
    }
    if pressed(egui::Key::F7) {
        out.push(PlayerCommand::Inject {
            event: Injection::Sev1,
        });
    }
    if pressed(egui::Key::F8) {
        out.push(PlayerCommand::Inject {
            event: Injection::InterruptForConstraint,
        });
    }
}
