//! Incidents and Sev 1 outages: what it takes to find the cause, and what stops while it lasts.

use bevy::prelude::*;

use super::board::{self, create_ticket};
use super::clock::Clock;
use super::model::*;
use super::news::{NewsKind, tell};
use super::setup::{CurrentLevel, tuning};
use super::timeline::Agenda;
use crate::level::{Step, SystemDef, TicketDef, WorkKind};

pub struct IncidentSpec {
    pub key: String,
    pub title: String,
    pub system: String,
    pub sev1: bool,
    pub cause: Option<TicketId>,
    /// Hours to diagnose when the cause is in the change log.
    pub diagnose_hours: f64,
    pub fix_hours: f64,
}

/// Opens an incident and puts its work (diagnose, then fix) on the board as unplanned work.
pub fn open(world: &mut World, spec: IncidentSpec, at: f64) -> IncidentId {
    let id = IncidentId(world.resource::<Incidents>().0.len() as u32);
    let skill = world
        .resource::<CurrentLevel>()
        .0
        .system_skill(&spec.system);
    // With no change to blame, the hunt is as described; an unlogged change makes it long.
    let cause_logged = spec
        .cause
        .and_then(|c| board::ticket(world, c))
        .is_none_or(|t| t.logged);
    let factor = if cause_logged {
        1.0
    } else {
        tuning(world).unlogged_diagnosis_factor
    };
    let def = TicketDef {
        id: format!("incident-{}", spec.key),
        title: spec.title.clone(),
        kind: WorkKind::Unplanned,
        route: vec![
            Step {
                skill: skill.clone(),
                hours: spec.diagnose_hours * factor,
            },
            Step {
                skill,
                hours: spec.fix_hours,
            },
        ],
        ..TicketDef::one_step("", "", WorkKind::Unplanned, "", 0.0)
    };
    let ticket = create_ticket(world, &def, Origin::Incident(id), at, None);
    world.resource_mut::<Incidents>().0.push(Incident {
        id,
        key: spec.key,
        title: spec.title.clone(),
        system: spec.system.clone(),
        sev1: spec.sev1,
        cause: spec.cause,
        cause_logged,
        started: at,
        ticket,
        declared: false,
        responders: Vec::new(),
        restored: None,
        resolved: None,
        widened: 0,
    });
    let system = world
        .resource::<CurrentLevel>()
        .0
        .system(&spec.system)
        .map_or(spec.system.clone(), |s| s.name.clone());
    let (kind, text) = if spec.sev1 {
        (
            NewsKind::Sev1Started,
            format!("Sev 1: {} ({system} down)", spec.title),
        )
    } else {
        (
            NewsKind::IncidentStarted,
            format!("Incident: {}", spec.title),
        )
    };
    tell(world, kind, text, Some(ticket), Some(id));
    id
}

/// Whether a failure of this system stops revenue, which makes it a Sev 1.
pub fn fails_as_sev1(system: &SystemDef) -> bool {
    system.revenue_share > 0.0
}

/// The fix is in: service is back. A Sev 1 that was never declared closes itself.
pub fn restore(world: &mut World, id: IncidentId, at: f64) {
    let responders = {
        let mut incidents = world.resource_mut::<Incidents>();
        let Some(incident) = incidents.0.get_mut(id.0 as usize) else {
            return;
        };
        incident.restored = Some(at);
        if !incident.declared {
            incident.resolved = Some(at);
        }
        let text = format!(
            "Service restored: {} (after {:.1} h)",
            incident.title,
            at - incident.started
        );
        (incident.responders.clone(), text, incident.ticket)
    };
    let (responders, text, ticket) = responders;
    tell(world, NewsKind::Restored, text, Some(ticket), Some(id));
    super::bridge::stand_down(world, &responders);
}

/// A change landing on a system that is already down can make the outage worse.
pub fn widen(world: &mut World, id: IncidentId) {
    let extra = tuning(world).failed_change_hours.0;
    let ticket = {
        let mut incidents = world.resource_mut::<Incidents>();
        let Some(incident) = incidents.0.get_mut(id.0 as usize) else {
            return;
        };
        incident.widened += 1;
        incident.ticket
    };
    if let Some(mut t) = board::ticket_mut(world, ticket) {
        t.remaining += extra;
    }
}

/// Background incidents: fragile systems fail now and then, more often with technical debt
/// and after changes nobody logged or reviewed. The one to blame is the latest such change.
pub fn background_incidents(world: &mut World) {
    let level = &world.resource::<CurrentLevel>().0;
    let tuning = &level.tuning;
    let per_day = tuning.background_incidents_per_day;
    let (window, per_risky) = (
        tuning.recent_change_hours,
        tuning.risky_change_incident_factor,
    );
    if per_day <= 0.0 || level.systems.is_empty() {
        return;
    }
    let debt = world
        .resource::<super::business::Business>()
        .technical_debt
        .max(0.0);
    let systems = level.systems.clone();
    let now = world.resource::<Clock>().now();
    let Some(&(roll, pick, _)) = world
        .resource::<Agenda>()
        .incident_rolls
        .get(world.resource::<Clock>().tick as usize)
    else {
        return;
    };
    let risky: Vec<&Ticket> = board::all_tickets(world)
        .into_iter()
        .filter(|t| {
            t.is_change()
                && t.finished.is_some_and(|f| now - f <= window)
                && (!t.logged || !t.reviewed)
        })
        .collect();
    let rate =
        per_day / f64::from(HOURS_PER_DAY) * (1.0 + debt) * (1.0 + per_risky * risky.len() as f64);
    if roll >= rate {
        return;
    }
    let system = &systems[((pick * systems.len() as f64) as usize).min(systems.len() - 1)];
    let cause = risky
        .iter()
        .filter(|t| t.system.as_deref() == Some(system.id.as_str()))
        .max_by(|a, b| {
            a.finished
                .unwrap_or(0.0)
                .total_cmp(&b.finished.unwrap_or(0.0))
        })
        .map(|t| t.id);
    open_system_failure(
        world,
        "background",
        &format!("{} is failing", system.name),
        system,
        cause,
    );
}

/// A system carrying more than its capacity gives way now and then: the further past
/// capacity, the likelier in any hour.
pub fn overload_incidents(world: &mut World) {
    let tick = world.resource::<Clock>().tick as usize;
    let Some(&(_, _, roll)) = world.resource::<Agenda>().incident_rolls.get(tick) else {
        return;
    };
    let traffic = world.resource::<super::business::Traffic>();
    let level = &world.resource::<CurrentLevel>().0;
    let Some((overload, system)) = level
        .systems
        .iter()
        .map(|s| (traffic.overload(&s.id), s))
        .filter(|(o, _)| *o > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))
    else {
        return;
    };
    let (per_overload, most) = level.tuning.overload_failure;
    if roll >= (per_overload * overload).min(most) {
        return;
    }
    let already_down = world
        .resource::<Incidents>()
        .0
        .iter()
        .any(|i| i.system == system.id && i.is_down());
    if already_down {
        return;
    }
    let system = system.clone();
    open_system_failure(
        world,
        "overload",
        &format!("{} buckles under the load", system.name),
        &system,
        None,
    );
}

/// A facilitator's live outage: the system that earns the most goes down as a Sev 1.
pub fn open_live_outage(world: &mut World) {
    let Some(system) = world
        .resource::<CurrentLevel>()
        .0
        .systems
        .iter()
        .max_by(|a, b| a.revenue_share.total_cmp(&b.revenue_share))
        .cloned()
    else {
        return;
    };
    let title = format!("{} is down", system.name);
    open_failure(world, "live", &title, &system, None, true);
}

/// A system failing on its own: a Sev 1 if it earns revenue, as long to find and fix as a
/// failed change.
fn open_system_failure(
    world: &mut World,
    kind: &str,
    title: &str,
    system: &SystemDef,
    cause: Option<TicketId>,
) {
    open_failure(world, kind, title, system, cause, fails_as_sev1(system));
}

fn open_failure(
    world: &mut World,
    kind: &str,
    title: &str,
    system: &SystemDef,
    cause: Option<TicketId>,
    sev1: bool,
) {
    let (diagnose_hours, fix_hours) = tuning(world).failed_change_hours;
    let number = world.resource::<Incidents>().0.len();
    let now = world.resource::<Clock>().now();
    open(
        world,
        IncidentSpec {
            key: format!("{kind}-{number}"),
            title: title.to_owned(),
            system: system.id.clone(),
            sev1,
            cause,
            diagnose_hours,
            fix_hours,
        },
        now,
    );
}

/// What the change log can tell an incident's bridge: logged changes to its system finished
/// within the window the diagnosis looks back over (`recent_change_hours`), newest last.
pub fn change_log<'w>(world: &'w World, incident: &Incident) -> Vec<&'w Ticket> {
    let now = world.resource::<Clock>().now();
    let window = tuning(world).recent_change_hours;
    board::all_tickets(world)
        .into_iter()
        .filter(|t| {
            t.is_change()
                && t.logged
                && t.system.as_deref() == Some(incident.system.as_str())
                && t.finished.is_some_and(|f| f <= now && now - f <= window)
        })
        .collect()
}
