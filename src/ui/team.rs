//! The team: each person's queue and how busy they are, with Brent marked as the constraint.

use bevy_egui::egui;

use super::OpsUiState;
use super::portraits::portrait;
use super::theme::Theme;
use super::views::OpsView;
use crate::sim::{PlayerCommand, TicketId};

pub fn team(
    ui: &mut egui::Ui,
    view: &OpsView,
    theme: &Theme,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    ui.heading("Team");
    for person in &view.people {
        let selected = state.person == Some(person.id);
        let frame = egui::Frame::group(ui.style()).stroke(egui::Stroke::new(
            if selected { 2.5 } else { 1.0 },
            if person.constraint {
                theme.constraint()
            } else {
                ui.visuals().widgets.noninteractive.bg_stroke.color
            },
        ));
        let (inner, dropped) = ui.dnd_drop_zone::<TicketId, _>(frame, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                portrait(ui, &person.key, &person.name, 40.0);
                ui.vertical(|ui| {
                    let mut name = egui::RichText::new(&person.name).strong();
                    if person.constraint {
                        name = name.color(theme.constraint());
                    }
                    let response = ui.selectable_label(selected, name);
                    if response.clicked() {
                        state.person = Some(person.id);
                    }
                    if person.constraint {
                        ui.small("the constraint");
                    }
                    if !person.at_work {
                        ui.small("gone for the day");
                    } else if person.on_bridge {
                        ui.small("on a Sev 1 bridge");
                    }
                });
            });
            ui.small(format!("skills: {}", person.skills.join(", ")));
            ui.add(
                egui::ProgressBar::new(person.utilization as f32)
                    .desired_height(16.0)
                    .text(format!("{:.0}% busy", person.utilization * 100.0)),
            );
            ui.small(format!(
                "queue: {} ({:.1} h)",
                person.queue.len(),
                person.queue_hours
            ));
            // The constraint's queue is always in full view.
            let shown = if person.constraint {
                person.queue.len()
            } else {
                person.queue.len().min(3)
            };
            for (id, title) in person.queue.iter().take(shown) {
                ui.small(format!("  #{} {title}", id.0));
            }
            if shown < person.queue.len() {
                ui.small(format!("  … {} more", person.queue.len() - shown));
            }
            if let Some(card) = state.card
                && ui
                    .button(format!(
                        "Assign #{} to {}",
                        card.0,
                        first_name(&person.name)
                    ))
                    .clicked()
            {
                out.push(PlayerCommand::Assign {
                    ticket: card,
                    person: person.id,
                });
            }
            if view.documentation_unlocked && !person.constraint {
                documentation_menu(ui, view, person.id, out);
            }
        });
        if let Some(ticket) = dropped {
            out.push(PlayerCommand::Assign {
                ticket: *ticket,
                person: person.id,
            });
        }
        let _ = inner;
    }
}

fn documentation_menu(
    ui: &mut egui::Ui,
    view: &OpsView,
    learner: crate::sim::PersonId,
    out: &mut Vec<PlayerCommand>,
) {
    let Some(brent) = view.people.iter().find(|p| p.constraint) else {
        return;
    };
    let me = view.people.iter().find(|p| p.id == learner);
    let missing: Vec<&String> = brent
        .skills
        .iter()
        .filter(|s| me.is_some_and(|m| !m.skills.contains(s)))
        .collect();
    if missing.is_empty() {
        return;
    }
    ui.menu_button("Learn from Brent…", |ui| {
        for skill in missing {
            if ui.button(format!("Document {skill}")).clicked() {
                out.push(PlayerCommand::StartDocumentation {
                    skill: skill.clone(),
                    learner,
                });
                ui.close();
            }
        }
    });
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}
