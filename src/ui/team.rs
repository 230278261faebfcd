//! The team: each person's queue and how busy they are, the constraint marked in gold, and
//! beside each person the button that gives them the picked card. Each row keeps its size
//! while the clock runs, so a button stays where the pointer is.

use bevy_egui::egui;

use super::OpsUiState;
use super::portraits::portrait;
use super::theme::Theme;
use super::views::{OpsView, PersonView};
use crate::sim::{PlayerCommand, TicketId};

/// How many of a queue's tickets a row lists (the constraint's: more, and always).
const QUEUE_SHOWN: usize = 1;
const CONSTRAINT_QUEUE_SHOWN: usize = 3;

/// Draws the team; returns where the constraint's row is (for the guide to point at).
pub fn team(
    ui: &mut egui::Ui,
    view: &OpsView,
    theme: &Theme,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) -> Option<egui::Rect> {
    let mut constraint = None;
    ui.heading("Team").on_hover_text(
        "Give work to people by picking a card and pressing the button beside them. Work waits in each person's queue; they do unplanned work first.",
    );
    for person in &view.people {
        let frame = egui::Frame::group(ui.style()).stroke(egui::Stroke::new(
            if state.person == Some(person.id) {
                2.5
            } else {
                1.0
            },
            if person.constraint {
                theme.constraint()
            } else {
                ui.visuals().widgets.noninteractive.bg_stroke.color
            },
        ));
        let (row, dropped) = ui.dnd_drop_zone::<TicketId, _>(frame, |ui| {
            ui.set_width(ui.available_width());
            person_row(ui, view, person, theme, state, out);
        });
        if person.constraint {
            constraint = Some(row.response.rect);
        }
        if let Some(ticket) = dropped {
            out.push(PlayerCommand::Assign {
                ticket: *ticket,
                person: person.id,
            });
        }
    }
    constraint
}

fn person_row(
    ui: &mut egui::Ui,
    view: &OpsView,
    person: &PersonView,
    theme: &Theme,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    ui.horizontal(|ui| {
        portrait(ui, &person.key, &person.name, 40.0);
        ui.vertical(|ui| {
            let mut name = egui::RichText::new(&person.name).strong();
            if person.constraint {
                name = name.color(theme.constraint());
            }
            if ui
                .selectable_label(state.person == Some(person.id), name)
                .on_hover_ui(|ui| person_tooltip(ui, person))
                .clicked()
            {
                state.person = Some(person.id);
            }
            let status = if person.constraint {
                "★ the constraint"
            } else {
                ""
            };
            let whereabouts = if !person.at_work {
                "gone for the day"
            } else if person.on_bridge {
                "on a Sev 1 bridge"
            } else {
                "at work"
            };
            ui.small(format!(
                "{status}{}{whereabouts}",
                if status.is_empty() { "" } else { " · " }
            ));
        });
    });
    busy_bar(ui, person);
    let shown = if person.constraint {
        CONSTRAINT_QUEUE_SHOWN
    } else {
        QUEUE_SHOWN
    };
    ui.small(format!(
        "queue: {} ticket{}, {:.1} h of work",
        person.queue.len(),
        if person.queue.len() == 1 { "" } else { "s" },
        person.queue_hours
    ))
    .on_hover_text("Work given to them and not yet done: it waits here until they get to it.");
    // A fixed number of lines, so the row does not grow and shrink as work comes and goes.
    for line in 0..shown {
        let text = match person.queue.get(line) {
            Some((id, title)) if line + 1 == shown && person.queue.len() > shown => {
                format!(
                    "  #{} {title} … and {} more",
                    id.0,
                    person.queue.len() - shown
                )
            }
            Some((id, title)) => format!("  #{} {title}", id.0),
            None => String::new(),
        };
        ui.add(egui::Label::new(egui::RichText::new(text).small()).truncate());
    }
    give_button(ui, view, person, out);
    if view.documentation_unlocked && !person.constraint {
        documentation_menu(ui, view, person, out);
    }
}

/// The chapter's average against the last hour: idle people read idle.
fn busy_bar(ui: &mut egui::Ui, person: &PersonView) {
    let bar = egui::ProgressBar::new(person.busy_last_hour as f32)
        .desired_height(16.0)
        .text(format!(
            "{:.0}% busy this hour · {:.0}% today",
            person.busy_last_hour * 100.0,
            person.utilization * 100.0
        ));
    ui.add(bar).on_hover_text(
        "How much of the last hour they spent working (switching and juggling included), and the same over the chapter so far. Near 100%, work waits longer and longer: wait grows as busy ÷ idle.",
    );
}

/// "Give #6 to Tom": enabled when the rules allow it, and saying why not when they do not.
fn give_button(
    ui: &mut egui::Ui,
    view: &OpsView,
    person: &PersonView,
    out: &mut Vec<PlayerCommand>,
) {
    let Some(selected) = &view.selected else {
        ui.add_enabled(
            false,
            egui::Button::new(format!("Give a card to {}", person.first_name())),
        )
        .on_disabled_hover_text("Pick a card on the board first.");
        return;
    };
    let card = selected.card.id;
    let allowed = selected
        .assign
        .iter()
        .find(|(p, _)| *p == person.id)
        .map_or(Err("not on this team".to_owned()), |(_, a)| a.clone());
    let button = ui.add_enabled(
        allowed.is_ok(),
        egui::Button::new(format!("Give #{} to {}", card.0, person.first_name())),
    );
    let button = match &allowed {
        Err(why) => button.on_disabled_hover_text(why),
        Ok(()) => button,
    };
    if button.clicked() {
        out.push(PlayerCommand::Assign {
            ticket: card,
            person: person.id,
        });
    }
}

fn person_tooltip(ui: &mut egui::Ui, person: &PersonView) {
    ui.strong(&person.name);
    ui.label(&person.role);
    ui.label(format!("Skills: {}", person.skills.join(", ")));
    ui.label(format!("Works {} hours a day", person.hours_per_day));
    if person.constraint {
        ui.label("The constraint: work that needs a skill only they have waits for them. An hour lost here is an hour lost for everyone.");
    }
    for (id, title) in &person.queue {
        ui.small(format!("#{} {title}", id.0));
    }
}

fn documentation_menu(
    ui: &mut egui::Ui,
    view: &OpsView,
    person: &PersonView,
    out: &mut Vec<PlayerCommand>,
) {
    let teacher = view.constraint.as_deref().unwrap_or("the constraint");
    if person.teachable.is_empty() {
        return;
    }
    ui.menu_button(format!("Learn from {teacher}…"), |ui| {
        for skill in &person.teachable {
            if ui
                .button(format!("Document {skill}"))
                .on_hover_text(format!(
                    "{teacher} writes down how {skill} is done, then {} studies it and can do it too.",
                    person.first_name()
                ))
                .clicked()
            {
                out.push(PlayerCommand::StartDocumentation {
                    skill: skill.clone(),
                    learner: person.id,
                });
                ui.close();
            }
        }
    });
}
