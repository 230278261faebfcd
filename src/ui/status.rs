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

/// The top bar: the chapter, the clock and its controls, what the business has lost.
/// Returns whether the player asked for the menu.
pub fn status_bar(
    ui: &mut egui::Ui,
    view: &OpsView,
    theme: &Theme,
    clock: &mut ClockControls,
    out: &mut Vec<PlayerCommand>,
) -> bool {
    let mut menu = false;
    ui.horizontal_wrapped(|ui| {
        menu = ui
            .button("Menu")
            .on_hover_text("Settings, keys, save and leave (Esc)")
            .clicked();
        ui.strong(format!("Chapter {}: {}", view.chapter, view.title));
        ui.separator();
        let left = egui::RichText::new(format!("{} ({} h left)", view.clock, view.hours_left));
        ui.label(if view.hours_left <= 1 {
            left.color(theme.bad())
        } else {
            left
        })
        .on_hover_text(
            "Working hours: a day runs 9:00 to 17:00. The chapter ends when its hours run out.",
        );
        let (icon, label, help) = if clock.running {
            ("pause", "Pause", "Stop the clock (Space)")
        } else {
            ("play", "Run", "Let the clock run (Space)")
        };
        ui.horizontal(|ui| {
            super::art::icon(ui, icon, 14.0, ui.visuals().text_color());
            if ui.button(label).on_hover_text(help).clicked() {
                clock.running = !clock.running;
            }
        });
        if ui
            .button("Step 1 h")
            .on_hover_text("Let one working hour pass (N)")
            .clicked()
        {
            out.push(PlayerCommand::Advance { hours: 1 });
        }
        for speed in [1, 2, 4] {
            if ui
                .selectable_label(clock.speed == speed, format!("{speed}×"))
                .on_hover_text(format!(
                    "{speed} game hour{} every three seconds ({speed})",
                    if speed == 1 { "" } else { "s" }
                ))
                .clicked()
            {
                clock.speed = speed;
            }
        }
        ui.separator();
        ui.label(format!(
            "Revenue lost {}",
            crate::sim::objectives::dollars(view.revenue_lost)
        ))
        .on_hover_text(
            "Sales that outages (and systems past their capacity) have turned away this chapter.",
        );
        ui.label(format!("Share price ${:.2}", view.share_price))
            .on_hover_text("Falls with lost revenue and bad news.");
        let carried = if view.carried_findings > 0 {
            format!(
                " {} of them left open by earlier chapters: they stay on the books, but this chapter's objectives count only its own.",
                view.carried_findings
            )
        } else {
            String::new()
        };
        ui.label(format!("Audit findings {}", view.audit_findings))
            .on_hover_text(format!(
                "Open findings: unlogged changes that break production add to them.{carried}"
            ));
    });
    if let Some(reason) = &view.refusal {
        ui.colored_label(theme.bad(), format!("Not done: {reason}"));
    }
    menu
}

/// The chapter's objectives in plain words, live: what each star needs and where it stands.
pub fn objectives(ui: &mut egui::Ui, view: &OpsView, theme: &Theme) {
    for objective in &view.objectives {
        ui.horizontal_wrapped(|ui| {
            let (mark, colour) = match objective.settled {
                Some(0) => ("✘", theme.bad()),
                Some(_) => ("✔", theme.good()),
                None => ("…", ui.visuals().text_color()),
            };
            ui.colored_label(colour, mark)
                .on_hover_text(match objective.settled {
                    Some(0) => "Lost: nothing done now can meet it.",
                    Some(_) => "Won: it can no longer change.",
                    None => "Still open.",
                });
            ui.label(egui::RichText::new(&objective.text).strong());
            ui.small(&objective.needed);
            let now = format!(
                "now: {} {}",
                objective.now,
                crate::sim::objectives::star_row(objective.stars_now)
            );
            ui.label(egui::RichText::new(now).color(colour));
        });
    }
}

/// The rules in force and the dials the story has handed Bill: policies, deployment batch
/// size, and systems under unusual traffic.
pub fn rules(ui: &mut egui::Ui, view: &OpsView, theme: &Theme, out: &mut Vec<PlayerCommand>) {
    if !view.policies.is_empty() {
        ui.strong("Policies")
            .on_hover_text("Rules you may switch on or off. Hover each for what it does.");
        ui.horizontal_wrapped(|ui| {
            for policy in &view.policies {
                let mut checked = policy.on;
                if ui
                    .checkbox(&mut checked, policy.label)
                    .on_hover_text(policy.help)
                    .changed()
                {
                    out.push(PlayerCommand::SetPolicy {
                        policy: policy.policy,
                        on: checked,
                    });
                }
            }
        });
    }
    if let Some(size) = view.batch_size {
        ui.horizontal(|ui| {
            ui.label(format!(
                "Deployment batch: {size} change{}",
                if size == 1 { "" } else { "s" }
            ))
            .on_hover_text("Finished changes wait until this many are ready, then go live together. Smaller batches fail less and are easier to fix.");
            if ui.small_button("−").on_hover_text("Smaller batches").clicked() && size > 1 {
                out.push(PlayerCommand::SetBatchSize { size: size - 1 });
            }
            if ui.small_button("+").on_hover_text("Bigger batches").clicked() {
                out.push(PlayerCommand::SetBatchSize { size: size + 1 });
            }
        });
    }
    if !view.traffic.is_empty() {
        ui.strong("Traffic and capacity").on_hover_text(
            "1× is an ordinary day. A system carrying more than its capacity turns customers away and gives way now and then; capacity equal to the traffic stops both.",
        );
    }
    for strain in &view.traffic {
        let over = strain.load > strain.capacity + 1e-9;
        ui.horizontal_wrapped(|ui| {
            let text = format!(
                "{}: {:.1}× traffic on {:.1}× capacity",
                strain.name, strain.load, strain.capacity
            );
            if over {
                ui.colored_label(theme.bad(), text);
            } else {
                ui.label(text);
            }
        });
        let share = (strain.capacity / strain.load.max(1e-9)).min(1.0) as f32;
        ui.add(
            egui::ProgressBar::new(share)
                .desired_height(8.0)
                .fill(if over { theme.bad() } else { theme.good() }),
        )
        .on_hover_text("How much of the traffic the system can carry.");
        if over {
            ui.small(format!(
                "turning away {} of sales an hour; {:.0}% chance an hour it gives way. Capacity for {:.1}× would stop both.",
                crate::sim::objectives::dollars(strain.turned_away_per_hour),
                strain.failure_chance * 100.0,
                strain.load
            ));
        }
    }
}

/// Every shortcut, for the F1 / ? overlay.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Space", "run or pause the clock"),
    ("N", "advance one hour"),
    ("1 / 2 / 4", "clock speed"),
    (
        "J / K",
        "pick the next / previous card, in the order on screen",
    ),
    (
        "Esc",
        "put the picked card down (or close this help, or open the menu)",
    ),
    ("P", "pick the next person"),
    ("A", "give the picked card to the picked person"),
    ("U", "take the selected card back to the backlog"),
    ("Y / R", "approve / reject the selected change"),
    ("X", "deflect the selected request"),
    (
        "T",
        "retire the selected project (once work is traced to objectives)",
    ),
    (
        "B",
        "open a bridge, without the constraint, for the first Sev 1 without one",
    ),
    ("Shift+B", "the same bridge with everyone who can help"),
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
    if *open && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        *open = false;
        ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        return;
    }
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
