//! Changes: the CAB's decisions, deployment in batches, and what happens when they reach
//! production: whether they fail, collide, or make a live outage worse.

use std::collections::BTreeMap;

use bevy::prelude::*;

use super::board::{self, ticket_of};
use super::business::Business;
use super::incidents::{self, IncidentSpec};
use super::model::*;
use super::policies::{Policies, unlocked};
use super::rng::SimRng;
use super::setup::{CurrentLevel, tuning};
use crate::level::{Policy, Risk};

/// Whether the CAB may approve (or reject) this change now.
pub fn check_decision(world: &World, ticket: TicketId, approve: bool) -> Result<(), String> {
    let t = ticket_of(world, ticket)?;
    if !t.is_change() || t.state != TicketState::Backlog {
        return Err(format!(
            "“{}” is not a change waiting for approval",
            t.title
        ));
    }
    if t.approval != Approval::None {
        return Err(format!("“{}” has been decided already", t.title));
    }
    if approve
        && let Some(system) = &t.system
        && world.resource::<Incidents>().open_sev1_on(system)
    {
        return Err(format!("no changes to {system} while its Sev 1 is open"));
    }
    Ok(())
}

pub fn approve(world: &mut World, ticket: TicketId) {
    if let Some(mut t) = board::ticket_mut(world, ticket) {
        t.approval = Approval::Approved;
    }
}

pub fn reject(world: &mut World, ticket: TicketId) {
    if let Some(mut t) = board::ticket_mut(world, ticket) {
        t.approval = Approval::Rejected;
    }
    board::withdraw(world, ticket, TicketState::Dropped);
}

pub fn check_batch_size(world: &World, size: u32) -> Result<(), String> {
    unlocked(world, Policy::SmallBatches)?;
    if world.resource::<CurrentLevel>().0.deployment.is_none() {
        return Err("changes in this chapter go live as they are finished".into());
    }
    if size == 0 {
        return Err("a batch holds at least one change".into());
    }
    Ok(())
}

pub fn set_batch_size(world: &mut World, size: u32) {
    world.resource_mut::<Policies>().batch_size = Some(size);
}

/// The chance this change fails when it goes live.
pub fn failure_chance(ticket: &Ticket, tuning: &crate::level::Tuning) -> f64 {
    let (standard, medium, high) = tuning.change_failure;
    let base = match ticket.risk {
        Some(Risk::High) => high,
        Some(Risk::Medium) => medium,
        _ => standard,
    };
    let unreviewed = if ticket.reviewed {
        1.0
    } else {
        tuning.unreviewed_factor
    };
    let collided = if ticket.collided {
        tuning.collision_factor
    } else {
        1.0
    };
    (base * unreviewed * collided).min(tuning.change_failure_cap)
}

/// Finished changes waiting for the next deployment (only when the level batches them).
#[derive(Resource, Clone, Debug, Default)]
pub struct Staging(pub Vec<TicketId>);

/// A change is done: it goes live now, or waits for the next batch when deployments are
/// batched. Returns the batch to deploy once the batch is full.
pub fn change_finished(world: &mut World, id: TicketId, at: f64) {
    let Some(deployment) = world.resource::<CurrentLevel>().0.deployment.clone() else {
        deploy_batch(world, &[id], at);
        return;
    };
    let batch_size = world
        .resource::<Policies>()
        .batch_size
        .unwrap_or(deployment.batch_size)
        .max(1);
    let batch = {
        let mut staging = world.resource_mut::<Staging>();
        staging.0.push(id);
        if staging.0.len() < batch_size as usize {
            return;
        }
        std::mem::take(&mut staging.0)
    };
    let automated = world.resource::<Policies>().on(Policy::DeployAutomation);
    let hours = if automated {
        deployment.automated_setup_hours
    } else {
        deployment.setup_hours
    };
    let mut def = crate::level::TicketDef::one_step(
        format!("deploy-{}", batch[0].0),
        format!(
            "Deploy {} change{}",
            batch.len(),
            if batch.len() == 1 { "" } else { "s" }
        ),
        crate::level::WorkKind::Internal,
        &deployment.skill,
        hours,
    );
    def.critical = true;
    let ticket = board::create_ticket(world, &def, Origin::Deployment { batch }, at, None);
    if let Some(person) = board::handoff_to(world, &deployment.skill) {
        board::enqueue(world, ticket, person, at);
    }
}

/// Changes go live together. Each may fail; a failed deployment is one incident, and the
/// more changes it held the longer the hunt for the one that broke it.
pub fn deploy_batch(world: &mut World, ids: &[TicketId], at: f64) {
    let changes: Vec<Ticket> = ids
        .iter()
        .filter_map(|&id| board::ticket(world, id).cloned())
        .collect();
    let Some(first) = changes.first() else {
        return;
    };
    let Some(system) = first.system.clone() else {
        return;
    };
    let tuning = tuning(world).clone();
    // Scripted deployments into consistent environments cut the chance of a bad one.
    let automated = world.resource::<Policies>().on(Policy::DeployAutomation);
    let scale = if automated {
        tuning.automated_failure_factor
    } else {
        1.0
    };
    let failed: Vec<&Ticket> = changes
        .iter()
        .filter(|t| t.fate < failure_chance(t, &tuning) * scale)
        .collect();
    for id in ids {
        if let Some(mut t) = board::ticket_mut(world, *id) {
            t.deployed_at = Some(at);
        }
    }
    {
        let mut business = world.resource_mut::<Business>();
        business.deploys += 1;
        if !failed.is_empty() {
            business.failed_changes += 1;
            // An unrecorded change that broke production is a control failure.
            business.audit_findings += failed.iter().filter(|t| !t.logged).count() as i64;
        }
    }
    let live_outage = world
        .resource::<Incidents>()
        .0
        .iter()
        .find(|i| i.sev1 && i.system == system && i.is_down())
        .map(|i| i.id);
    if let Some(outage) = live_outage {
        let reviewed = changes.iter().all(|t| t.reviewed);
        let chance = tuning.widen_chance
            * if reviewed {
                tuning.reviewed_widen_factor
            } else {
                1.0
            };
        if world.resource_mut::<SimRng>().unit() < chance {
            incidents::widen(world, outage);
        }
    }
    if let Some(culprit) = failed.first() {
        let text = format!("A change failed in production: {}", culprit.title);
        super::news::tell(
            world,
            super::news::NewsKind::ChangeFailed,
            text,
            Some(culprit.id),
            None,
        );
        let system = culprit.system.clone().unwrap_or(system);
        let sev1 = world
            .resource::<CurrentLevel>()
            .0
            .system(&system)
            .is_some_and(incidents::fails_as_sev1);
        let (diagnose_hours, fix_hours) = tuning.failed_change_hours;
        let suspects = changes.len() as f64;
        incidents::open(
            world,
            IncidentSpec {
                key: format!("failed-{}", culprit.key),
                title: format!("Outage after change: {}", culprit.title),
                system,
                sev1,
                cause: Some(culprit.id),
                diagnose_hours: diagnose_hours
                    * (1.0 + tuning.batch_suspect_diagnosis * (suspects - 1.0)),
                fix_hours,
            },
            at,
        );
    }
}

/// Two changes in progress on one system at once collide: both become riskier.
pub fn detect_collisions(mut tickets: Query<&mut Ticket>) {
    let mut running: BTreeMap<String, Vec<TicketId>> = BTreeMap::new();
    for ticket in &tickets {
        if ticket.is_change()
            && ticket.is_open()
            && ticket.is_started()
            && let Some(system) = &ticket.system
        {
            running.entry(system.clone()).or_default().push(ticket.id);
        }
    }
    let colliding: Vec<TicketId> = running
        .into_values()
        .filter(|ids| ids.len() > 1)
        .flatten()
        .collect();
    if colliding.is_empty() {
        return;
    }
    for mut ticket in &mut tickets {
        if colliding.contains(&ticket.id) {
            ticket.collided = true;
        }
    }
}
