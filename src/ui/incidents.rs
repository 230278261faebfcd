//! The Sev 1 panel, the CAB queue and the requests the shield holds back.

use bevy_egui::egui;

use super::OpsUiState;
use super::theme::Theme;
use super::views::OpsView;
use crate::sim::{IncidentId, PersonId, PlayerCommand};

pub fn sev1_panel(ui: &mut egui::Ui, view: &OpsView, theme: &Theme, out: &mut Vec<PlayerCommand>) {
    ui.heading("Incidents");
    if view.incidents.is_empty() {
        ui.weak("All quiet.");
    }
    for incident in &view.incidents {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let severity = if incident.sev1 { "Sev 1" } else { "Sev 2" };
            let state = if incident.down {
                format!("down {:.1} h", incident.hours_down)
            } else {
                "service restored".to_owned()
            };
            ui.colored_label(
                if incident.down {
                    theme.bad()
                } else {
                    theme.good()
                },
                format!("{severity}: {} ({state})", incident.title),
            );
            if incident.declared {
                ui.small(format!("bridge: {}", incident.responders.join(", ")));
            }
            ui.small(format!("change log for {}:", incident.system));
            if incident.change_log.is_empty() {
                ui.small("  nothing logged in the last day");
            }
            for entry in &incident.change_log {
                ui.small(format!("  hour {:.1}: {}", entry.finished_at, entry.title));
            }
            ui.horizontal_wrapped(|ui| {
                if incident.down && !incident.declared && !incident.candidates.is_empty() {
                    let others: Vec<_> = incident.candidates.iter().filter(|c| !c.2).collect();
                    let everyone: Vec<_> = incident.candidates.iter().collect();
                    if !others.is_empty() {
                        bridge_button(ui, incident.id, "Open a bridge without Brent", &others, out);
                    }
                    bridge_button(
                        ui,
                        incident.id,
                        "Open a bridge with everyone",
                        &everyone,
                        out,
                    );
                }
                if !incident.down && ui.button("Resolve").clicked() {
                    out.push(PlayerCommand::ResolveSev1 {
                        incident: incident.id,
                    });
                }
            });
        });
    }
}

/// A button that declares a Sev 1 with these responders, who are named on hover.
fn bridge_button(
    ui: &mut egui::Ui,
    incident: IncidentId,
    label: &str,
    responders: &[&(PersonId, String, bool)],
    out: &mut Vec<PlayerCommand>,
) {
    let names: Vec<&str> = responders.iter().map(|c| c.1.as_str()).collect();
    if ui
        .button(label)
        .on_hover_text(format!("Responders: {}", names.join(", ")))
        .clicked()
    {
        out.push(PlayerCommand::DeclareSev1 {
            incident,
            responders: responders.iter().map(|c| c.0).collect(),
        });
    }
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
    ui.heading("CAB queue");
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

/// Requests for the constraint held back by the shield pop up to be deflected or passed on.
pub fn interrupt_popups(
    ctx: &egui::Context,
    view: &OpsView,
    state: &mut OpsUiState,
    out: &mut Vec<PlayerCommand>,
) {
    let requests: Vec<_> = view.shielded_requests().take(3).collect();
    for (i, card) in requests.into_iter().enumerate() {
        egui::Window::new(format!("Request #{}", card.id.0))
            .collapsible(false)
            .resizable(false)
            .anchor(
                egui::Align2::RIGHT_BOTTOM,
                [-340.0, -10.0 - 110.0 * i as f32],
            )
            .show(ctx, |ui| {
                ui.label(&card.title);
                ui.horizontal(|ui| {
                    if ui.button("Deflect").clicked() {
                        out.push(PlayerCommand::DeflectInterrupt { ticket: card.id });
                    }
                    if ui.button("Accept: pick who takes it").clicked() {
                        state.card = Some(card.id);
                    }
                });
            });
    }
}
