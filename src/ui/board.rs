//! The kanban board: a column per state with its WIP limit, and cards that explain
//! themselves: the kind of work, what the current step needs, whose desk it is on, how far it
//! has got and how long it has waited. Every number explains itself on hover.

use bevy_egui::egui;

use super::OpsUiState;
use super::art;
use super::portraits::portrait;
use super::theme::Theme;
use super::views::{CardView, ColumnView, OpsView};
use crate::level::WorkKind;
use crate::sim::{Column, PlayerCommand};

pub fn column_name(column: Column) -> &'static str {
    match column {
        Column::Backlog => "Backlog",
        Column::Approval => "Awaiting CAB",
        Column::Ready => "Ready",
        Column::Doing => "Doing",
        Column::Done => "Done",
    }
}

fn column_help(column: Column) -> &'static str {
    match column {
        Column::Backlog => "Known work nobody has been given yet. Click a card, then a person.",
        Column::Approval => "High-risk changes waiting for the CAB: approve or reject them.",
        Column::Ready => "Given to someone, not started yet: it waits in their queue.",
        Column::Doing => "Started and not finished, wherever it waits between steps.",
        Column::Done => "Finished work (the latest on the board).",
    }
}

pub fn kind_icon(kind: WorkKind) -> &'static str {
    match kind {
        WorkKind::Business => "business",
        WorkKind::Internal => "internal",
        WorkKind::Change => "change",
        WorkKind::Unplanned => "unplanned",
    }
}

fn kind_help(kind: WorkKind) -> &'static str {
    match kind {
        WorkKind::Business => "Business project: work the business asked for.",
        WorkKind::Internal => "Internal IT project: upgrades, fixes, paying down debt.",
        WorkKind::Change => "Change: it touches a live system, and can fail when it goes live.",
        WorkKind::Unplanned => "Unplanned work: outages and favours. It jumps every queue.",
    }
}

/// Draws the board; returns where the Backlog column is (for the guide to point at).
pub fn board(
    ui: &mut egui::Ui,
    view: &OpsView,
    theme: &Theme,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) -> Option<egui::Rect> {
    ui.horizontal(|ui| {
        ui.strong("Board");
        legend(ui, theme);
    });
    // Under everything else: a click on the board away from any card lets the card go.
    let background = ui.interact(
        ui.available_rect_before_wrap(),
        egui::Id::new("board background"),
        egui::Sense::click(),
    );
    let columns: Vec<&ColumnView> = view.shown_columns().collect();
    let (clicked_a_card, backlog) = ui.columns(columns.len(), |uis| {
        let mut clicked = false;
        let mut backlog = None;
        for (ui, column) in uis.iter_mut().zip(&columns) {
            clicked |= column_widget(ui, view, column, theme, state, out);
            if column.column == Column::Backlog {
                backlog = Some(ui.min_rect());
            }
        }
        (clicked, backlog)
    });
    if background.clicked() && !clicked_a_card {
        state.card = None;
    }
    backlog
}

/// The colours, icons and marks of the cards, on hover.
fn legend(ui: &mut egui::Ui, theme: &Theme) {
    ui.small("? What the cards mean").on_hover_ui(|ui| {
        for kind in WorkKind::ALL {
            ui.horizontal(|ui| {
                art::icon(ui, kind_icon(kind), 14.0, theme.kind(kind));
                ui.colored_label(theme.kind(kind), kind_help(kind));
            });
        }
        ui.separator();
        ui.label(
            "★ the most important work: it serves a business objective, and a freeze lets it run.",
        );
        ui.colored_label(
            theme.constraint(),
            "A gold edge: the work is with the constraint, or only the constraint can do it.",
        );
        ui.label("The bar shows how far the work has got; the hourglass, how long it has waited in queues.");
    });
}

/// One column; returns whether a card in it was clicked.
fn column_widget(
    ui: &mut egui::Ui,
    view: &OpsView,
    column: &ColumnView,
    theme: &Theme,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) -> bool {
    ui.horizontal_wrapped(|ui| {
        let name = column_name(column.column);
        let count = if column.column == Column::Done {
            column.cards.len() as u32
        } else {
            column.count
        };
        let text = match column.limit {
            Some(limit) => format!("{name} {count}/{limit}"),
            None => format!("{name} {count}"),
        };
        let mut text = egui::RichText::new(text).strong();
        if column.over_limit {
            text = text.color(theme.bad());
        }
        let mut help = column_help(column.column).to_owned();
        if let Some(limit) = column.limit {
            help.push_str(&format!(" Its WIP limit is {limit}."));
        }
        ui.label(text).on_hover_text(help);
        if view.wip_limits_unlocked && matches!(column.column, Column::Ready | Column::Doing) {
            wip_limit_editor(ui, column, out);
        }
    });
    ui.separator();
    let mut clicked = false;
    egui::ScrollArea::vertical()
        .id_salt(column_name(column.column))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if column.cards.is_empty() {
                ui.weak("(empty)");
            }
            for card in &column.cards {
                clicked |= card_widget(ui, card, theme, state);
            }
        });
    clicked
}

fn wip_limit_editor(ui: &mut egui::Ui, column: &ColumnView, out: &mut Vec<PlayerCommand>) {
    let label = format!("{} limit", column_name(column.column));
    let (target, limit) = (column.column, column.limit);
    if ui
        .small_button("−")
        .on_hover_text(format!("Lower the {label}"))
        .clicked()
    {
        let lower = limit.map_or(column.count.max(1), |l| l.saturating_sub(1).max(1));
        out.push(PlayerCommand::SetWipLimit {
            column: target,
            limit: Some(lower),
        });
    }
    if ui
        .small_button("+")
        .on_hover_text(format!("Raise the {label}"))
        .clicked()
    {
        // From no limit, a limit starts where the column stands.
        let raised = limit.map_or(column.count.max(1), |l| l + 1);
        out.push(PlayerCommand::SetWipLimit {
            column: target,
            limit: Some(raised),
        });
    }
    if limit.is_some()
        && ui
            .small_button("no limit")
            .on_hover_text(format!("Remove the {label}"))
            .clicked()
    {
        out.push(PlayerCommand::SetWipLimit {
            column: target,
            limit: None,
        });
    }
}

/// A card's face. Returns whether it was clicked (which picks it, or lets it go).
fn card_widget(ui: &mut egui::Ui, card: &CardView, theme: &Theme, state: &mut OpsUiState) -> bool {
    let selected = state.card == Some(card.id);
    let colour = theme.kind(card.kind);
    let edge = if card.at_constraint {
        theme.constraint()
    } else {
        colour.gamma_multiply(0.6)
    };
    let flash = state.flashing(card.id, ui.input(|i| i.time));
    let mut frame = egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(if selected { 3.0 } else { 1.0 }, edge))
        .inner_margin(egui::Margin::same(4));
    if selected {
        frame = frame.fill(ui.visuals().selection.bg_fill.gamma_multiply(0.5));
    } else if flash {
        frame = frame.fill(colour.gamma_multiply(0.35));
    }
    let id = egui::Id::new(("card", card.id.0));
    let response = ui
        .dnd_drag_source(id, card.id, |ui| {
            frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                card_face(ui, card, theme);
            })
        })
        .response
        .interact(egui::Sense::click());
    let response = response.on_hover_ui(|ui| card_tooltip(ui, card));
    if response.clicked() {
        state.card = if selected { None } else { Some(card.id) };
        return true;
    }
    false
}

fn card_face(ui: &mut egui::Ui, card: &CardView, theme: &Theme) {
    let colour = theme.kind(card.kind);
    ui.horizontal(|ui| {
        art::icon(ui, kind_icon(card.kind), 14.0, colour);
        let star = if card.critical { "★ " } else { "" };
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!("{star}#{} {}", card.id.0, card.title)).color(colour),
            )
            .wrap()
            .selectable(false),
        );
    });
    if card.column == Column::Done {
        return;
    }
    let need = match card.step_now() {
        Some((skill, left)) if card.column == Column::Doing && left < 0.05 => {
            format!("{skill}, finishing")
        }
        Some((skill, left)) if card.column == Column::Doing => format!("{skill}, {left:.1} h left"),
        Some((skill, left)) => format!("needs {skill}, {left:.1} h"),
        None => String::new(),
    };
    ui.horizontal_wrapped(|ui| {
        ui.small(need);
        if card.waited >= 0.05 {
            let colour = ui.visuals().weak_text_color();
            art::icon(ui, "wait", 12.0, colour);
            ui.small(format!("{:.1} h", card.waited))
                .on_hover_text("How long it has waited in queues");
        }
        if let Some(due) = &card.due {
            let text = egui::RichText::new(format!("due {due}")).small();
            ui.label(if card.late {
                text.color(theme.bad())
            } else {
                text
            });
        }
    });
    ui.horizontal(|ui| {
        if let Some((key, name)) = &card.holder {
            portrait(ui, key, name, 16.0);
            if card.holder_away {
                ui.small(format!("{}, gone for the day", first_name(name)));
            } else {
                ui.small(first_name(name));
            }
        } else if card.on_bridge {
            ui.small("on the Sev 1 bridge");
        } else if card.needs_approval {
            ui.small("waits for the CAB");
        } else if card.shielded_request {
            ui.small("held at the shield");
        }
        if card.progress > 0.0 {
            ui.add(
                egui::ProgressBar::new(card.progress)
                    .desired_height(6.0)
                    .fill(colour.gamma_multiply(0.8)),
            );
        }
    });
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Everything about a card, on hover.
fn card_tooltip(ui: &mut egui::Ui, card: &CardView) {
    ui.strong(format!("#{} {}", card.id.0, card.title));
    ui.label(kind_help(card.kind));
    for line in card_lines(card) {
        ui.label(line);
    }
    if card.column != Column::Done {
        ui.weak("Click to pick it, then give it to someone on the team.");
    }
}

/// The card's route, wait, due time and who can do it, in words (the tooltip and the
/// selected card's panel both show them).
pub fn card_lines(card: &CardView) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, (skill, hours)) in card.route.iter().enumerate() {
        let mark = match i.cmp(&card.step) {
            std::cmp::Ordering::Less => "✔",
            std::cmp::Ordering::Equal => "▶",
            std::cmp::Ordering::Greater => "·",
        };
        let left = if i == card.step && card.column != Column::Done {
            format!(" ({:.1} h left)", card.remaining)
        } else {
            String::new()
        };
        lines.push(format!("{mark} {skill}, {hours:.1} h{left}"));
    }
    lines.push(format!(
        "On the board {:.1} h, waiting in queues {:.1} h of it",
        card.age, card.waited
    ));
    if !card.who_can.is_empty() && card.column != Column::Done {
        lines.push(format!("Can do this step: {}", card.who_can.join(", ")));
    }
    if let Some(due) = &card.due {
        lines.push(format!(
            "Due by {due}{}",
            if card.late { " (late)" } else { "" }
        ));
    }
    if let (Some(risk), Some(system)) = (card.risk, &card.system) {
        lines.push(format!("{risk:?} risk change to {system}"));
    }
    if let Some((_, holder)) = &card.holder {
        lines.push(format!("With {holder}"));
    }
    if let Some(value) = card.value {
        lines.push(format!(
            "Worth {} a day; {}",
            crate::sim::objectives::dollars(value),
            if card.critical {
                "serves a business objective"
            } else {
                "serves none of the business's objectives"
            }
        ));
    }
    lines
}

/// The picked card, across the bottom of the screen: what it needs and what may be done to
/// it. The panel keeps its place whether or not a card is picked, so nothing moves.
pub fn selected_card(
    ui: &mut egui::Ui,
    view: &OpsView,
    theme: &Theme,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) -> super::ops::Area {
    let Some(selected) = &view.selected else {
        ui.horizontal_wrapped(|ui| {
            ui.weak("No card picked.");
            ui.label("Click a card on the board, then Give it to a person on the right (or drag it onto them).");
        });
        return super::ops::Area::fixed(ui.max_rect());
    };
    let card = &selected.card;
    let shown = egui::ScrollArea::vertical()
        .id_salt("selected card")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                art::icon(ui, kind_icon(card.kind), 18.0, theme.kind(card.kind));
                ui.strong(format!("Picked: #{} {}", card.id.0, card.title));
                ui.small(card.kind.label());
                if ui
                    .small_button("× Put it down (Esc)")
                    .on_hover_text("Stop pointing at this card")
                    .clicked()
                {
                    state.card = None;
                }
            });
            ui.horizontal_wrapped(|ui| {
                for line in card_lines(card) {
                    ui.small(line);
                    ui.separator();
                }
            });
            if state.retiring == Some(card.id) {
                confirm_retire(ui, card, state, out);
                return;
            }
            ui.horizontal_wrapped(|ui| {
                for action in &selected.actions {
                    let button = ui.add_enabled(
                        action.allowed.is_ok(),
                        egui::Button::new(format!("{} ({})", action.label, action.key)),
                    );
                    let button = match &action.allowed {
                        Err(why) => button.on_disabled_hover_text(why),
                        Ok(()) => button,
                    };
                    if button.clicked() {
                        // Retiring is for good: it asks first.
                        if matches!(action.command, PlayerCommand::RetireWork { .. }) {
                            state.retiring = Some(card.id);
                        } else {
                            out.push(action.command.clone());
                        }
                    }
                }
                if card.column != Column::Done {
                    ui.weak("Give it to someone: the buttons are beside each person on the right.");
                }
            });
        });
    super::ops::Area::scrolled(&shown)
}

/// "Retire it for good?" in place of the card's actions.
fn confirm_retire(
    ui: &mut egui::Ui,
    card: &CardView,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "Retire #{} for good? It leaves the board and is never done.",
            card.id.0
        ));
        if ui.button("Retire it").clicked() {
            out.push(PlayerCommand::RetireWork { ticket: card.id });
            state.retiring = None;
        }
        if ui.button("Keep it").clicked() {
            state.retiring = None;
        }
    });
}
