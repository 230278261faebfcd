//! The operations screen: the board, the team, incidents, changes and the clock.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Campaign, Playing, Screen, root_ui};
use crate::level::{Policy, WorkKind};
use crate::sim::board::{column_of, needs_approval};
use crate::sim::business::Business;
use crate::sim::clock::Clock;
use crate::sim::objectives::ChapterResult;
use crate::sim::policies::Policies;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::sim::{
    Column, CommandLog, Incidents, Origin, Person, PlayerCommand, SimSet, Ticket, TicketId,
    TicketState,
};

/// How fast the clock runs: hours of the chapter per real second.
#[derive(Resource, Debug)]
struct Pace {
    running: bool,
    hours_per_second: f32,
    owed: f32,
}

#[derive(Resource, Default, Debug)]
struct Selection(Option<TicketId>);

/// How many played scenes the player has closed.
#[derive(Resource, Default, Debug)]
struct ScenesSeen(usize);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(Pace {
        running: false,
        hours_per_second: 1.0,
        owed: 0.0,
    })
    .init_resource::<Selection>()
    .init_resource::<ScenesSeen>()
    .add_systems(OnEnter(Screen::Operations), open_chapter)
    .add_systems(
        Update,
        (
            run_clock.in_set(SimSet::Input),
            finish_when_over.after(SimSet::Apply),
        )
            .run_if(in_state(Screen::Operations)),
    )
    .add_systems(
        EguiPrimaryContextPass,
        operations_ui.run_if(in_state(Screen::Operations)),
    );
}

fn open_chapter(world: &mut World) {
    let Some(playing) = world.get_resource::<Playing>().copied() else {
        return;
    };
    let Some(level) = world
        .resource::<Campaign>()
        .0
        .chapter(playing.chapter)
        .cloned()
    else {
        return;
    };
    crate::sim::start_chapter(world, &level, playing.seed);
    world.resource_mut::<ScenesSeen>().0 = 0;
    world.resource_mut::<Selection>().0 = None;
    world.resource_mut::<Pace>().running = false;
}

fn run_clock(
    time: Res<Time>,
    mut pace: ResMut<Pace>,
    story: Res<Story>,
    mut commands: MessageWriter<PlayerCommand>,
) {
    if !pace.running || story.awaiting_choice.is_some() {
        pace.owed = 0.0;
        return;
    }
    pace.owed += time.delta_secs() * pace.hours_per_second;
    let hours = pace.owed.floor();
    if hours >= 1.0 {
        pace.owed -= hours;
        commands.write(PlayerCommand::Advance {
            hours: hours as u32,
        });
    }
}

fn finish_when_over(result: Option<Res<ChapterResult>>, mut next: ResMut<NextState<Screen>>) {
    if result.is_some() {
        next.set(Screen::Debrief);
    }
}

fn kind_colour(kind: WorkKind) -> egui::Color32 {
    match kind {
        WorkKind::Business => egui::Color32::from_rgb(70, 130, 180),
        WorkKind::Internal => egui::Color32::from_rgb(120, 120, 200),
        WorkKind::Change => egui::Color32::from_rgb(210, 150, 40),
        WorkKind::Unplanned => egui::Color32::from_rgb(200, 70, 70),
    }
}

#[allow(clippy::too_many_arguments)]
fn operations_ui(
    mut contexts: EguiContexts,
    clock: Res<Clock>,
    policies: Res<Policies>,
    business: Res<Business>,
    incidents: Res<Incidents>,
    story: Res<Story>,
    log: Res<CommandLog>,
    level: Res<CurrentLevel>,
    tickets: Query<&Ticket>,
    people: Query<&Person>,
    mut pace: ResMut<Pace>,
    mut selection: ResMut<Selection>,
    mut seen: ResMut<ScenesSeen>,
    mut send: MessageWriter<PlayerCommand>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root_ui(ctx);
    let mut tickets: Vec<&Ticket> = tickets.iter().collect();
    tickets.sort_by_key(|t| t.id);
    let mut people: Vec<&Person> = people.iter().collect();
    people.sort_by_key(|p| p.id);

    egui::Panel::top("status").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.strong(format!("Ch. {}: {}", level.0.chapter, level.0.title));
            ui.separator();
            ui.label(clock.label());
            if ui
                .button(if pace.running { "Pause" } else { "Run" })
                .clicked()
            {
                pace.running = !pace.running;
            }
            if ui.button("Step 1 h").clicked() {
                send.write(PlayerCommand::Advance { hours: 1 });
            }
            for speed in [1.0, 2.0, 4.0] {
                if ui
                    .selectable_label(pace.hours_per_second == speed, format!("{speed}×"))
                    .clicked()
                {
                    pace.hours_per_second = speed;
                }
            }
            ui.separator();
            ui.label(format!("Revenue lost ${:.0}", business.revenue_lost));
            ui.label(format!("Share price ${:.2}", business.share_price()));
            ui.label(format!("Audit findings {}", business.audit_findings));
        });
        if let Some(reason) = log.last_refusal() {
            ui.colored_label(egui::Color32::LIGHT_RED, format!("Refused: {reason}"));
        }
    });

    egui::Panel::right("team")
        .min_size(320.0)
        .show(&mut root, |ui| {
            ui.heading("Team");
            for person in &people {
                ui.group(|ui| {
                    let name = if person.constraint {
                        format!("{} (constraint)", person.name)
                    } else {
                        person.name.clone()
                    };
                    ui.strong(name);
                    ui.label(format!(
                        "skills: {}",
                        person.skills.iter().cloned().collect::<Vec<_>>().join(", ")
                    ));
                    // Adding 0.0 turns the empty sum's -0.0 into 0.0 for display.
                    let queued = person
                        .queue
                        .iter()
                        .filter_map(|t| tickets.get(t.0 as usize))
                        .map(|t| t.remaining)
                        .sum::<f64>()
                        + 0.0;
                    ui.label(format!(
                        "queue: {} tickets, {queued:.1} h",
                        person.queue.len()
                    ));
                    ui.add(
                        egui::ProgressBar::new(person.stats.utilization() as f32)
                            .text("utilization"),
                    );
                    if let Some(selected) = selection.0
                        && ui.button(format!("Assign #{} here", selected.0)).clicked()
                    {
                        send.write(PlayerCommand::Assign {
                            ticket: selected,
                            person: person.id,
                        });
                    }
                });
            }
            ui.separator();
            ui.heading("Incidents");
            for incident in incidents.0.iter().filter(|i| i.resolved.is_none()) {
                ui.label(format!(
                    "{} {} on {}",
                    if incident.sev1 { "Sev 1:" } else { "Sev 2:" },
                    incident.title,
                    incident.system
                ));
                if incident.is_down()
                    && !incident.declared
                    && ui
                        .button("Open a bridge (everyone who knows the system)")
                        .clicked()
                {
                    let skill = crate::sim::commands::system_skill_of(&level.0, &incident.system);
                    let responders = people
                        .iter()
                        .filter(|p| p.has_skill(&skill) && p.on_bridge.is_none())
                        .map(|p| p.id)
                        .collect();
                    send.write(PlayerCommand::DeclareSev1 {
                        incident: incident.id,
                        responders,
                    });
                }
                if !incident.is_down() && ui.button("Resolve").clicked() {
                    send.write(PlayerCommand::ResolveSev1 {
                        incident: incident.id,
                    });
                }
            }
            ui.separator();
            ui.heading("Policies");
            for policy in Policy::ALL
                .into_iter()
                .filter(|p| policies.unlocked.contains(p) && p.is_switch())
            {
                let mut on = policies.on(policy);
                if ui.checkbox(&mut on, policy.label()).changed() {
                    send.write(PlayerCommand::SetPolicy { policy, on });
                }
            }
        });

    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.columns(Column::ALL.len(), |columns| {
            for (ui, column) in columns.iter_mut().zip(Column::ALL) {
                let count = tickets
                    .iter()
                    .filter(|t| {
                        t.state != TicketState::Dropped && column_of(t, &policies) == column
                    })
                    .count();
                let limit = policies
                    .wip_limit(column)
                    .map_or(String::new(), |l| format!(" / {l}"));
                ui.strong(format!("{column:?} ({count}{limit})"));
                egui::ScrollArea::vertical()
                    .id_salt(format!("{column:?}"))
                    .show(ui, |ui| {
                        for ticket in tickets
                            .iter()
                            .filter(|t| {
                                t.state != TicketState::Dropped && column_of(t, &policies) == column
                            })
                            .rev()
                            .take(40)
                        {
                            let selected = selection.0 == Some(ticket.id);
                            let text =
                                egui::RichText::new(format!("#{} {}", ticket.id.0, ticket.title))
                                    .color(kind_colour(ticket.kind));
                            if ui.selectable_label(selected, text).clicked() {
                                selection.0 = Some(ticket.id);
                            }
                            if selected {
                                let step = ticket.current_step().map_or("done".to_owned(), |s| {
                                    format!("{} ({:.1} h left)", s.skill, ticket.remaining)
                                });
                                ui.weak(format!(
                                    "{} · step {}/{}: {step}",
                                    ticket.kind.label(),
                                    ticket.step + 1,
                                    ticket.route.len()
                                ));
                                if let Some(due) = ticket.due {
                                    ui.weak(format!("due at hour {due}"));
                                }
                                if needs_approval(ticket, &policies) {
                                    ui.horizontal(|ui| {
                                        if ui.button("Approve").clicked() {
                                            send.write(PlayerCommand::ApproveChange {
                                                ticket: ticket.id,
                                            });
                                        }
                                        if ui.button("Reject").clicked() {
                                            send.write(PlayerCommand::RejectChange {
                                                ticket: ticket.id,
                                            });
                                        }
                                    });
                                }
                                if matches!(ticket.origin, Origin::Interrupt { .. })
                                    && ticket.state == TicketState::Backlog
                                    && ui.button("Deflect").clicked()
                                {
                                    send.write(PlayerCommand::DeflectInterrupt {
                                        ticket: ticket.id,
                                    });
                                }
                            }
                        }
                    });
            }
        });
    });

    // Scenes play over the board; one with choices holds the clock until answered.
    if let Some((_, scene_id)) = story.played.get(seen.0) {
        if let Some(scene) = level.0.scenes.iter().find(|s| &s.id == scene_id) {
            egui::Window::new("Briefing")
                .collapsible(false)
                .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
                .show(ctx, |ui| {
                    for crate::level::Line(who, text) in &scene.lines {
                        let name = level
                            .0
                            .cast
                            .iter()
                            .find(|c| &c.id == who)
                            .map_or(who.as_str(), |c| c.name.as_str());
                        ui.label(egui::RichText::new(name).strong());
                        ui.label(text);
                    }
                    if story.awaiting_choice.as_deref() == Some(scene_id.as_str()) {
                        for (index, choice) in scene.choices.iter().enumerate() {
                            if ui.button(&choice.text).clicked() {
                                send.write(PlayerCommand::Choose {
                                    scene: scene_id.clone(),
                                    choice: index,
                                });
                                seen.0 += 1;
                            }
                        }
                    } else if ui.button("Continue").clicked() {
                        seen.0 += 1;
                    }
                });
        } else {
            seen.0 += 1;
        }
    }
    Ok(())
}
