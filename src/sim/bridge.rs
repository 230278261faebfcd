//! The Sev 1 bridge: who may open one, how fast its responders fix the outage together, and
//! how it closes. While a bridge is open its responders drop everything else; the incident's
//! ticket is the bridge's, not anyone's queue.

use std::collections::BTreeMap;

use bevy::prelude::*;

use super::board::{self, person_of, withdraw};
use super::clock::Clock;
use super::model::*;
use super::work::{TicketFinished, complete_step};
use crate::level::Tuning;

fn incident_of(world: &World, id: IncidentId) -> Result<&Incident, String> {
    world
        .resource::<Incidents>()
        .get(id)
        .ok_or_else(|| "there is no such incident".to_owned())
}

pub fn check_declare(
    world: &World,
    incident: IncidentId,
    responders: &[PersonId],
) -> Result<(), String> {
    let i = incident_of(world, incident)?;
    if i.declared {
        return Err("a bridge is already open for it".into());
    }
    if !i.is_down() {
        return Err("service is already restored".into());
    }
    if responders.is_empty() {
        return Err(if candidates(world, i).is_empty() {
            format!(
                "nobody free knows the {}: everyone who does is on another bridge",
                i.system
            )
        } else {
            "a bridge needs at least one responder".to_owned()
        });
    }
    let skill = world
        .resource::<super::setup::CurrentLevel>()
        .0
        .system_skill(&i.system);
    let mut skilled = false;
    for r in responders {
        let p = person_of(world, *r)?;
        if p.on_bridge.is_some() {
            return Err(format!("{} is already on another bridge", p.name));
        }
        skilled |= p.has_skill(&skill);
    }
    if !skilled {
        return Err(format!("nobody on that bridge knows {skill}"));
    }
    Ok(())
}

/// Opens the bridge: the incident's work leaves anyone's queue and the responders share it.
pub fn declare(world: &mut World, incident: IncidentId, responders: Vec<PersonId>) {
    let ticket = {
        let mut incidents = world.resource_mut::<Incidents>();
        let Some(i) = incidents.0.get_mut(incident.0 as usize) else {
            return;
        };
        i.declared = true;
        i.responders = responders.clone();
        i.ticket
    };
    withdraw(world, ticket, TicketState::Queued);
    let now = world.resource::<Clock>().now();
    if let Some(mut t) = board::ticket_mut(world, ticket)
        && t.released.is_none()
    {
        t.released = Some(now);
    }
    for r in responders {
        if let Some(mut p) = board::person_mut(world, r) {
            p.on_bridge = Some(incident);
        }
    }
}

fn open_bridge(world: &World, incident: IncidentId) -> Result<&Incident, String> {
    let i = incident_of(world, incident)?;
    if !i.declared {
        return Err("no bridge is open for it yet".into());
    }
    if !i.is_down() {
        return Err("service is back: the bridge is done".into());
    }
    Ok(i)
}

pub fn check_join(world: &World, incident: IncidentId, person: PersonId) -> Result<(), String> {
    let i = open_bridge(world, incident)?;
    let p = person_of(world, person)?;
    match p.on_bridge {
        Some(on) if on == i.id => Err(format!("{} is already on this bridge", p.name)),
        Some(_) => Err(format!("{} is on another bridge", p.name)),
        None => Ok(()),
    }
}

/// Someone joins an open bridge: their queue waits until service is back.
pub fn join(world: &mut World, incident: IncidentId, person: PersonId) {
    if let Some(i) = world
        .resource_mut::<Incidents>()
        .0
        .get_mut(incident.0 as usize)
    {
        i.responders.push(person);
    }
    if let Some(mut p) = board::person_mut(world, person) {
        p.on_bridge = Some(incident);
    }
}

pub fn check_leave(world: &World, incident: IncidentId, person: PersonId) -> Result<(), String> {
    let i = open_bridge(world, incident)?;
    let p = person_of(world, person)?;
    if !i.responders.contains(&person) {
        return Err(format!("{} is not on this bridge", p.name));
    }
    if i.responders.len() == 1 {
        return Err(format!(
            "{} is the last one on the bridge: someone has to stay",
            p.name
        ));
    }
    Ok(())
}

pub fn leave(world: &mut World, incident: IncidentId, person: PersonId) {
    if let Some(i) = world
        .resource_mut::<Incidents>()
        .0
        .get_mut(incident.0 as usize)
    {
        i.responders.retain(|&r| r != person);
    }
    stand_down(world, &[person]);
}

/// Service is back: the responders go back to their own work.
pub fn stand_down(world: &mut World, responders: &[PersonId]) {
    for &person in responders {
        if let Some(mut p) = board::person_mut(world, person) {
            p.on_bridge = None;
        }
    }
}

pub fn check_resolve(world: &World, incident: IncidentId) -> Result<(), String> {
    let i = incident_of(world, incident)?;
    if i.is_down() {
        return Err("service is still down".into());
    }
    if i.resolved.is_some() {
        return Err("it is already resolved".into());
    }
    Ok(())
}

/// Declares the outage over once service is back.
pub fn resolve(world: &mut World, incident: IncidentId, now: f64) {
    if let Some(i) = world
        .resource_mut::<Incidents>()
        .0
        .get_mut(incident.0 as usize)
    {
        i.resolved = Some(now);
    }
}

/// How many times as fast as one person a bridge works with `skilled` responders on shift
/// who have the skill the current step needs.
pub fn speed(skilled: usize, tuning: &Tuning) -> f64 {
    1.0 + tuning.bridge_speedup * (skilled as f64 - 1.0)
}

/// Works every open bridge for the hour, all responders together. Returns, per bridge, when
/// its work stopped (the fix went in, or the hour ended): every responder is on the call
/// until then.
pub(super) fn run_bridges(
    clock: &Clock,
    tuning: &Tuning,
    board: &Board,
    incidents: &Incidents,
    people: &Query<&mut Person>,
    tickets: &mut Query<&mut Ticket>,
    finished: &mut MessageWriter<TicketFinished>,
) -> BTreeMap<IncidentId, f64> {
    let (start, end) = (clock.now(), clock.now() + 1.0);
    let mut busy_until = BTreeMap::new();
    for incident in incidents.0.iter().filter(|i| i.declared && i.is_down()) {
        let Some(mut ticket) = board
            .entity(incident.ticket)
            .and_then(|e| tickets.get_mut(e).ok())
        else {
            continue;
        };
        let mut now = start;
        while ticket.is_open() && now < end - EPSILON {
            let Some(skill) = ticket.current_step().map(|s| s.skill.clone()) else {
                break;
            };
            // Everyone on the bridge stays on it until service is back, shift or no shift.
            let skilled = people
                .iter()
                .filter(|p| p.on_bridge == Some(incident.id) && p.has_skill(&skill))
                .count();
            if skilled == 0 {
                break;
            }
            let rate = speed(skilled, tuning);
            if !ticket.step_touched {
                ticket.step_touched = true;
                let wait = (now - ticket.ready_at).max(0.0);
                ticket.waits.push(wait);
            }
            ticket.started.get_or_insert(now);
            let progress = ((end - now) * rate).min(ticket.remaining);
            ticket.remaining -= progress;
            ticket.touch_hours += progress;
            now += progress / rate;
            if ticket.remaining <= EPSILON {
                complete_step(&mut ticket, now, finished);
            }
        }
        // With nobody able to work it, the call still runs the whole hour.
        busy_until.insert(incident.id, if ticket.is_open() { end } else { now });
    }
    busy_until
}

/// A bridge the player could open for an incident: who would be on it, and whether it may.
#[derive(Clone, Debug, PartialEq)]
pub struct BridgeOffer {
    /// The bridge leaves the constraint out.
    pub without_constraint: bool,
    pub responders: Vec<PersonId>,
    pub allowed: Result<(), String>,
}

/// People who know the incident's system and are not on another bridge.
pub fn candidates(world: &World, incident: &Incident) -> Vec<PersonId> {
    let skill = world
        .resource::<super::setup::CurrentLevel>()
        .0
        .system_skill(&incident.system);
    board::all_people(world)
        .into_iter()
        .filter(|p| p.has_skill(&skill) && p.on_bridge.is_none())
        .map(|p| p.id)
        .collect()
}

/// The two bridges worth offering: without the constraint, and with everyone who can help.
pub fn offers(world: &World, incident: &Incident) -> Vec<BridgeOffer> {
    let everyone = candidates(world, incident);
    let others: Vec<PersonId> = everyone
        .iter()
        .copied()
        .filter(|&p| board::person(world, p).is_some_and(|p| !p.constraint))
        .collect();
    let offer = |without_constraint: bool, responders: Vec<PersonId>| BridgeOffer {
        allowed: check_declare(world, incident.id, &responders),
        without_constraint,
        responders,
    };
    let mut offers = vec![offer(true, others.clone())];
    if everyone != others {
        offers.push(offer(false, everyone));
    }
    offers
}
