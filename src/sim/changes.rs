//! Changes reaching production: whether they fail, collide, or make a live outage worse.

use std::collections::BTreeMap;

use bevy::prelude::*;

use super::board;
use super::business::Business;
use super::incidents::{self, IncidentSpec};
use super::model::*;
use super::rng::SimRng;
use super::setup::{CurrentLevel, LevelTuning};
use crate::level::Risk;

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
    (base * unreviewed * collided).min(0.95)
}

/// A change is done: it goes live, and may fail or widen an outage already running.
pub fn deploy(world: &mut World, id: TicketId, at: f64) {
    let Some(ticket) = board::ticket(world, id).cloned() else {
        return;
    };
    let Some(system) = ticket.system.clone() else {
        return;
    };
    let tuning = world.resource::<LevelTuning>().0.clone();
    let failed = ticket.fate < failure_chance(&ticket, &tuning);
    {
        let mut business = world.resource_mut::<Business>();
        business.deploys += 1;
        if failed {
            business.failed_changes += 1;
            if !ticket.logged {
                // An unrecorded change that broke production is a control failure.
                business.audit_findings += 1;
            }
        }
    }
    let live_outage = world
        .resource::<Incidents>()
        .0
        .iter()
        .find(|i| i.sev1 && i.system == system && i.is_down())
        .map(|i| i.id);
    if let Some(outage) = live_outage {
        let chance = tuning.widen_chance * if ticket.reviewed { 0.5 } else { 1.0 };
        if world.resource_mut::<SimRng>().unit() < chance {
            incidents::widen(world, outage);
        }
    }
    if failed {
        let revenue = world
            .resource::<CurrentLevel>()
            .0
            .systems
            .iter()
            .find(|s| s.id == system)
            .is_some_and(|s| s.revenue_share > 0.0);
        let (diagnose_hours, fix_hours) = tuning.failed_change_hours;
        incidents::open(
            world,
            IncidentSpec {
                key: format!("failed-{}", ticket.key),
                title: format!("Outage after change: {}", ticket.title),
                system,
                sev1: revenue,
                cause: Some(id),
                diagnose_hours,
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
