//! Live incidents, pinned where they are always seen; the CAB queue; and the requests the
//! shield holds back.

use bevy_egui::egui;

use super::OpsUiState;
use super::theme::Theme;
use super::views::{IncidentView, OpsView};
use crate::sim::PlayerCommand;

/// Every open incident, one row each, with its bridge buttons.
pub fn sev1_panel(ui: &mut egui::Ui, view: &OpsView, theme: &Theme, out: &mut Vec<PlayerCommand>) {
    if view.incidents.is_empty() {
        ui.horizontal(|ui| {
            ui.weak("Incidents: all quiet.").on_hover_text(
                "When a system fails it shows here. A Sev 1 stops revenue until service is back.",
            );
        });
        return;
    }
    for incident in &view.incidents {
        incident_row(ui, view, incident, theme, out);
    }
}

fn incident_row(
    ui: &mut egui::Ui,
    view: &OpsView,
    incident: &IncidentView,
    theme: &Theme,
    out: &mut Vec<PlayerCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        let severity = if incident.sev1 { "Sev 1" } else { "Incident" };
        let (colour, state) = if incident.down {
            (
                theme.bad(),
                format!("{} down {:.1} h", incident.system, incident.hours_down),
            )
        } else {
            (theme.good(), "service restored".to_owned())
        };
        super::art::icon(ui, "warning", 16.0, colour);
        ui.colored_label(colour, egui::RichText::new(severity).strong())
            .on_hover_text(if incident.sev1 {
                "A Sev 1 stops the revenue this system earns until service is back. Open a bridge: the responders drop everything and work it together."
            } else {
                "This failure stops no revenue, but someone has to fix it."
            });
        ui.label(format!("{} ({state})", incident.title));
        if incident.declared {
            ui.small(format!("bridge: {}", incident.responders.join(", ")));
            for (name, command) in &incident.leave {
                if ui
                    .small_button(format!("− {name}"))
                    .on_hover_text(format!("Send {name} back to their own work"))
                    .clicked()
                {
                    out.push(command.clone());
                }
            }
            for (name, command) in &incident.join {
                if ui
                    .small_button(format!("+ {name}"))
                    .on_hover_text(format!(
                        "Call {name} onto the bridge: their own work waits until service is back"
                    ))
                    .clicked()
                {
                    out.push(command.clone());
                }
            }
        }
        change_log(ui, incident);
        if incident.down && !incident.declared {
            for offer in &incident.offers {
                let label = if offer.without_constraint {
                    match &view.constraint {
                        Some(name) => format!("Open a bridge without {name}"),
                        None => "Open a bridge".to_owned(),
                    }
                } else {
                    "Open a bridge with everyone".to_owned()
                };
                let key = if offer.without_constraint {
                    "B"
                } else {
                    "Shift+B"
                };
                let button = ui.add_enabled(offer.allowed.is_ok(), egui::Button::new(label));
                let button = match &offer.allowed {
                    Ok(()) => button.on_hover_text(format!(
                        "Responders: {} ({key})",
                        offer.names.join(", ")
                    )),
                    Err(why) => button.on_disabled_hover_text(why),
                };
                if button.clicked() {
                    out.push(offer.command.clone());
                }
            }
        }
        if !incident.down
            && ui
                .button("Resolve (E)")
                .on_hover_text("Service is back: close the incident and free its bridge.")
                .clicked()
        {
            out.push(PlayerCommand::ResolveSev1 {
                incident: incident.id,
            });
        }
    });
}

fn change_log(ui: &mut egui::Ui, incident: &IncidentView) {
    let text = if incident.change_log.is_empty() {
        "change log: nothing logged".to_owned()
    } else {
        format!("change log: {} recent", incident.change_log.len())
    };
    ui.small(text).on_hover_ui(|ui| {
        ui.label(format!(
            "Logged changes to {} in the last {:.0} hours: what the bridge checks first. A cause nobody logged takes far longer to find.",
            incident.system, incident.change_log_hours
        ));
        for entry in &incident.change_log {
            ui.small(format!("{}: {}", entry.finished_at, entry.title));
        }
    });
}

pub fn cab_queue(
    ui: &mut egui::Ui,
    view: &OpsView,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    let waiting: Vec<_> = view.approvals().collect();
    if waiting.is_empty() {
        return;
    }
    ui.heading("CAB queue").on_hover_text(
        "High-risk changes wait here until you approve them. Approved changes have been reviewed, and fail less.",
    );
    for card in waiting {
        ui.horizontal_wrapped(|ui| {
            if ui.link(format!("#{} {}", card.id.0, card.title)).clicked() {
                state.card = Some(card.id);
            }
            ui.small(format!(
                "{:?} risk, {}",
                card.risk.unwrap_or(crate::level::Risk::High),
                card.system.as_deref().unwrap_or("?")
            ));
            if ui.button("Approve").clicked() {
                out.push(PlayerCommand::ApproveChange { ticket: card.id });
            }
            if ui.button("Reject").clicked() {
                out.push(PlayerCommand::RejectChange { ticket: card.id });
            }
        });
    }
}

/// Requests for the constraint held back by the shield, listed to be deflected or passed on.
pub fn shielded_requests(
    ui: &mut egui::Ui,
    view: &OpsView,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    let requests: Vec<_> = view.shielded_requests().collect();
    if requests.is_empty() {
        return;
    }
    ui.heading("At the shield").on_hover_text(
        "Quick favours people wanted from the constraint. Deflect them, or pick one and give it to someone else.",
    );
    for card in requests {
        ui.horizontal_wrapped(|ui| {
            ui.label(&card.title);
            if ui.button("Deflect").clicked() {
                out.push(PlayerCommand::DeflectInterrupt { ticket: card.id });
            }
            if ui.button("Pick").clicked() {
                state.card = Some(card.id);
            }
        });
    }
}
