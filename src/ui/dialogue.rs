//! Dialogue: a scene line by line with the speaker's portrait, a backlog of what was said,
//! skip, and the scene's choices at the end.

use bevy_egui::egui;

use super::portraits::portrait;
use crate::level::{Character, SceneDef};

/// How far into a scene the player has read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DialogueState {
    pub scene: String,
    pub line: usize,
    pub show_backlog: bool,
}

pub enum DialogueOutcome {
    Reading,
    /// The player chose this choice.
    Chose(usize),
    /// A scene without choices was read to the end (or skipped).
    Finished,
}

pub fn dialogue(
    ui: &mut egui::Ui,
    scene: &SceneDef,
    cast: &[Character],
    state: &mut DialogueState,
) -> DialogueOutcome {
    if state.scene != scene.id {
        *state = DialogueState {
            scene: scene.id.clone(),
            ..Default::default()
        };
    }
    let last = scene.lines.len().saturating_sub(1);
    let name_of = |id: &str| {
        cast.iter()
            .find(|c| c.id == id)
            .map_or(id.to_owned(), |c| c.name.clone())
    };
    let role_of = |id: &str| {
        cast.iter()
            .find(|c| c.id == id)
            .map_or(String::new(), |c| c.role.clone())
    };
    if let Some(crate::level::Line(who, text)) = scene.lines.get(state.line.min(last)) {
        ui.horizontal(|ui| {
            portrait(ui, who, &name_of(who), 96.0);
            ui.vertical(|ui| {
                ui.heading(name_of(who));
                ui.small(role_of(who));
                ui.add_space(6.0);
                ui.label(egui::RichText::new(text).size(17.0));
            });
        });
    }
    ui.add_space(8.0);
    let at_end = state.line >= last;
    let mut outcome = DialogueOutcome::Reading;
    ui.horizontal(|ui| {
        if !at_end {
            let advance = ui.button("Next ▶").clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Space) || i.key_pressed(egui::Key::Enter));
            if advance {
                state.line += 1;
            }
            if ui.button("Skip").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                state.line = last;
            }
        } else if scene.choices.is_empty()
            && (ui.button("Continue ▶").clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Space) || i.key_pressed(egui::Key::Enter)))
        {
            outcome = DialogueOutcome::Finished;
        }
        ui.toggle_value(&mut state.show_backlog, "Backlog");
    });
    if at_end && !scene.choices.is_empty() {
        ui.separator();
        ui.label("What do you do?");
        for (index, choice) in scene.choices.iter().enumerate() {
            let key = [
                egui::Key::Num1,
                egui::Key::Num2,
                egui::Key::Num3,
                egui::Key::Num4,
            ]
            .get(index)
            .copied();
            let pressed = key.is_some_and(|k| ui.input(|i| i.key_pressed(k)));
            if ui
                .button(format!("{}. {}", index + 1, choice.text))
                .clicked()
                || pressed
            {
                outcome = DialogueOutcome::Chose(index);
            }
        }
    }
    if state.show_backlog {
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(200.0)
            .show(ui, |ui| {
                for crate::level::Line(who, text) in scene.lines.iter().take(state.line + 1) {
                    ui.label(egui::RichText::new(name_of(who)).strong());
                    ui.label(text);
                }
            });
    }
    outcome
}
