//! The kanban board: a column per state with its WIP limit, cards coloured by type of work.

use bevy_egui::egui;

use super::OpsUiState;
use super::theme::Theme;
use super::views::{CardView, OpsView};
use crate::sim::{Column, PlayerCommand};

fn column_name(column: Column) -> &'static str {
    match column {
        Column::Backlog => "Backlog",
        Column::Approval => "Awaiting CAB",
        Column::Ready => "Ready",
        Column::Doing => "Doing",
        Column::Done => "Done",
    }
}

pub fn board(
    ui: &mut egui::Ui,
    view: &OpsView,
    theme: &Theme,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    ui.columns(view.columns.len(), |columns| {
        for (ui, column) in columns.iter_mut().zip(&view.columns) {
            ui.horizontal(|ui| {
                let count = column.cards.len();
                match column.limit {
                    Some(limit) => {
                        let over = count as u32 > limit;
                        let text = egui::RichText::new(format!(
                            "{} {count}/{limit}",
                            column_name(column.column)
                        ));
                        ui.strong(if over { text.color(theme.bad()) } else { text });
                    }
                    None => {
                        ui.strong(format!("{} {count}", column_name(column.column)));
                    }
                }
                if view.wip_limits_unlocked
                    && matches!(column.column, Column::Ready | Column::Doing)
                {
                    wip_limit_editor(ui, column.column, column.limit, out);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt(column_name(column.column))
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for card in column.cards.iter().rev() {
                        card_widget(ui, card, theme, state, out);
                    }
                });
        }
    });
}

fn wip_limit_editor(
    ui: &mut egui::Ui,
    column: Column,
    limit: Option<u32>,
    out: &mut Vec<PlayerCommand>,
) {
    let label = format!("{} limit", column_name(column));
    if ui
        .small_button("−")
        .on_hover_text(format!("Lower the {label}"))
        .clicked()
    {
        let lower = limit.map_or(8, |l| l.saturating_sub(1).max(1));
        out.push(PlayerCommand::SetWipLimit {
            column,
            limit: Some(lower),
        });
    }
    if ui
        .small_button("+")
        .on_hover_text(format!("Raise the {label}"))
        .clicked()
    {
        out.push(PlayerCommand::SetWipLimit {
            column,
            limit: Some(limit.map_or(8, |l| l + 1)),
        });
    }
    if limit.is_some()
        && ui
            .small_button("∞")
            .on_hover_text(format!("Remove the {label}"))
            .clicked()
    {
        out.push(PlayerCommand::SetWipLimit {
            column,
            limit: None,
        });
    }
}

fn card_widget(
    ui: &mut egui::Ui,
    card: &CardView,
    theme: &Theme,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    let selected = state.card == Some(card.id);
    let colour = theme.kind(card.kind);
    let id = egui::Id::new(("card", card.id.0));
    let response = ui
        .dnd_drag_source(id, card.id, |ui| {
            egui::Frame::group(ui.style())
                .stroke(egui::Stroke::new(if selected { 2.5 } else { 1.0 }, colour))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                        let marker = if card.critical { "★ " } else { "" };
                        ui.label(
                            egui::RichText::new(format!("{marker}#{} {}", card.id.0, card.title))
                                .color(colour),
                        );
                    });
                })
        })
        .response
        .interact(egui::Sense::click());
    if response.clicked() {
        state.card = Some(card.id);
    }
    if selected {
        card_details(ui, card, out);
    }
}

/// The selected card's route, wait so far, due date and the actions it allows.
pub fn card_details(ui: &mut egui::Ui, card: &CardView, out: &mut Vec<PlayerCommand>) {
    ui.indent(("details", card.id.0), |ui| {
        ui.small(card.kind.label());
        for (i, (skill, hours)) in card.route.iter().enumerate() {
            let mark = match i.cmp(&card.step) {
                std::cmp::Ordering::Less => "✔",
                std::cmp::Ordering::Equal => "▶",
                std::cmp::Ordering::Greater => "·",
            };
            let left = if i == card.step {
                format!(" ({:.1} h left)", card.remaining)
            } else {
                String::new()
            };
            ui.small(format!("{mark} {skill}, {hours:.1} h{left}"));
        }
        ui.small(format!(
            "on the board {:.1} h, waiting in queues {:.1} h",
            card.age, card.waited
        ));
        if let Some(due) = card.due {
            ui.small(format!("due by hour {due}"));
        }
        if let Some(risk) = card.risk {
            ui.small(format!(
                "{risk:?} risk change to {}",
                card.system.as_deref().unwrap_or("?")
            ));
        }
        if let Some(holder) = &card.holder {
            ui.small(format!("with {holder}"));
        }
        if let Some(value) = card.value {
            ui.small(format!(
                "worth ${value:.0} a day; {}",
                if card.critical {
                    "serves a business objective"
                } else {
                    "serves none of the business's objectives"
                }
            ));
        }
        ui.horizontal_wrapped(|ui| {
            if card.needs_approval {
                if ui.button("Approve").clicked() {
                    out.push(PlayerCommand::ApproveChange { ticket: card.id });
                }
                if ui.button("Reject").clicked() {
                    out.push(PlayerCommand::RejectChange { ticket: card.id });
                }
            }
            if card.shielded_request && ui.button("Deflect").clicked() {
                out.push(PlayerCommand::DeflectInterrupt { ticket: card.id });
            }
            if card.retirable && ui.button("Retire: serves no objective").clicked() {
                out.push(PlayerCommand::RetireWork { ticket: card.id });
            }
            if card.column == Column::Ready && ui.button("Back to backlog").clicked() {
                out.push(PlayerCommand::Unassign { ticket: card.id });
            }
        });
    });
}
