//! Creating tickets and moving them onto people's desks: the few ways a ticket enters a
//! queue, and the rules for giving work to someone, taking it back and retiring it.

use bevy::prelude::*;

use super::model::*;
use super::policies::{Policies, is_freezable};
use super::rng::SimRng;
use super::setup::tuning;
use crate::level::{Policy, Risk, TicketDef, WorkKind};

/// Puts a new ticket on the board and returns its id. `fate` decides whether it will fail
/// as a change; pass `None` to draw it now.
pub fn create_ticket(
    world: &mut World,
    def: &TicketDef,
    origin: Origin,
    at: f64,
    fate: Option<f64>,
) -> TicketId {
    let id = world.resource::<Board>().next_id();
    let fate = fate.unwrap_or_else(|| world.resource_mut::<SimRng>().unit());
    let first = def.route.first().map_or(0.0, |s| s.hours);
    let started = def.started_hours > 0.0;
    let mut ticket = Ticket {
        id,
        key: def.id.clone(),
        title: def.title.clone(),
        kind: def.kind,
        route: def.route.clone(),
        step: 0,
        remaining: first - def.started_hours,
        due: def.due,
        value: def.value,
        risk: def.risk,
        system: def.system.clone(),
        logged: def.logged,
        critical: def.critical,
        closes_findings: def.closes_findings,
        origin,
        state: TicketState::Backlog,
        holder: None,
        approval: Approval::None,
        reviewed: false,
        collided: false,
        fate,
        arrived: at,
        released: None,
        started: started.then_some(at),
        finished: None,
        ready_at: at,
        step_touched: started,
        waits: if started { vec![0.0] } else { Vec::new() },
        touch_hours: def.started_hours,
        prior: def.already_done,
        deployed_at: None,
    };
    if def.already_done {
        ticket.state = TicketState::Done;
        ticket.step = ticket.route.len();
        ticket.remaining = 0.0;
        ticket.released = Some(at);
        ticket.started = Some(at);
        ticket.finished = Some(at);
        // Done before the chapter: it never passes through this chapter's paperwork.
        let entity = world.spawn(ticket).id();
        world.resource_mut::<Board>().0.push(entity);
        return id;
    }
    write_in_change_log(world, &mut ticket);
    // Work put straight on someone's desk still waits for the CAB when it must.
    let held = needs_approval(&ticket, world.resource::<Policies>());
    let entity = world.spawn(ticket).id();
    world.resource_mut::<Board>().0.push(entity);
    if let Some(person) = &def.assign_to
        && let Some(pid) = person_by_key(world, person)
        && !held
    {
        enqueue(world, id, pid, at);
    }
    id
}

/// With the change log in force, a change is written down before it is made, at a small cost.
fn write_in_change_log(world: &World, ticket: &mut Ticket) {
    if ticket.is_change() && !ticket.logged && world.resource::<Policies>().on(Policy::ChangeLog) {
        ticket.logged = true;
        let paperwork = tuning(world).logging_hours;
        if let Some(last) = ticket.route.last_mut() {
            last.hours += paperwork;
        }
        if ticket.route.len() == 1 {
            ticket.remaining += paperwork;
        }
    }
}

/// Puts a ticket into a person's queue (releasing it if it was in the backlog).
pub fn enqueue(world: &mut World, ticket_id: TicketId, person_id: PersonId, at: f64) {
    let Some(ticket_entity) = world.resource::<Board>().entity(ticket_id) else {
        return;
    };
    let Some(person_entity) = world.resource::<Roster>().entity(person_id) else {
        return;
    };
    let cab = world.resource::<Policies>().on(Policy::Cab);
    let mut ticket = world
        .get::<Ticket>(ticket_entity)
        .cloned()
        .expect("board entities hold tickets");
    if let Some(previous) = ticket.holder
        && let Some(e) = world.resource::<Roster>().entity(previous)
        && let Some(mut p) = world.get_mut::<Person>(e)
    {
        p.queue.retain(|&t| t != ticket_id);
    }
    write_in_change_log(world, &mut ticket);
    if ticket.released.is_none() {
        ticket.released = Some(at);
        ticket.ready_at = at;
        ticket.reviewed = match ticket.risk {
            None | Some(Risk::Standard) => true,
            Some(Risk::Medium) => cab,
            Some(Risk::High) => ticket.approval == Approval::Approved,
        };
    } else {
        ticket.ready_at = ticket.ready_at.max(at);
    }
    ticket.state = TicketState::Queued;
    ticket.holder = Some(person_id);
    *world
        .get_mut::<Ticket>(ticket_entity)
        .expect("checked above") = ticket;
    if let Some(mut person) = world.get_mut::<Person>(person_entity) {
        person.queue.push(ticket_id);
    }
}

/// Takes a ticket off whoever holds it and back to the backlog (or drops it for good).
pub fn withdraw(world: &mut World, ticket_id: TicketId, state: TicketState) {
    let Some(entity) = world.resource::<Board>().entity(ticket_id) else {
        return;
    };
    let holder = world.get::<Ticket>(entity).and_then(|t| t.holder);
    if let Some(pid) = holder
        && let Some(e) = world.resource::<Roster>().entity(pid)
        && let Some(mut person) = world.get_mut::<Person>(e)
    {
        person.queue.retain(|&t| t != ticket_id);
    }
    if let Some(mut ticket) = world.get_mut::<Ticket>(entity) {
        ticket.holder = None;
        ticket.state = state;
    }
}

/// Who work needing `skill` is handed to, by the same rule as a finished step
/// (`work::handoff_choice`).
pub fn handoff_to(world: &World, skill: &str) -> Option<PersonId> {
    let tick = world.resource::<super::clock::Clock>().tick;
    let spare = tuning(world).handoff_constraint_reserve;
    let people = all_people(world);
    let skilled = people
        .iter()
        .filter(|p| p.has_skill(skill))
        .map(|p| (*p, queue_hours(world, p)));
    super::work::handoff_choice(skilled, tick, spare)
}

pub fn person_by_key(world: &World, key: &str) -> Option<PersonId> {
    let roster = world.resource::<Roster>();
    roster
        .0
        .iter()
        .filter_map(|&e| world.get::<Person>(e))
        .find(|p| p.key == key)
        .map(|p| p.id)
}

pub fn ticket(world: &World, id: TicketId) -> Option<&Ticket> {
    world
        .resource::<Board>()
        .entity(id)
        .and_then(|e| world.get::<Ticket>(e))
}

pub fn person(world: &World, id: PersonId) -> Option<&Person> {
    world
        .resource::<Roster>()
        .entity(id)
        .and_then(|e| world.get::<Person>(e))
}

pub fn ticket_mut(world: &mut World, id: TicketId) -> Option<Mut<'_, Ticket>> {
    let entity = world.resource::<Board>().entity(id)?;
    world.get_mut::<Ticket>(entity)
}

pub fn person_mut(world: &mut World, id: PersonId) -> Option<Mut<'_, Person>> {
    let entity = world.resource::<Roster>().entity(id)?;
    world.get_mut::<Person>(entity)
}

/// Hours from release to done of every finished ticket (the lead-time histogram).
pub fn lead_times(world: &World) -> Vec<f64> {
    all_tickets(world)
        .iter()
        .filter_map(|t| t.lead_time())
        .collect()
}

/// All tickets in id order.
pub fn all_tickets(world: &World) -> Vec<&Ticket> {
    components(world, &world.resource::<Board>().0)
}

/// All people in roster order.
pub fn all_people(world: &World) -> Vec<&Person> {
    components(world, &world.resource::<Roster>().0)
}

fn components<'w, T: Component>(world: &'w World, entities: &[Entity]) -> Vec<&'w T> {
    entities.iter().filter_map(|&e| world.get::<T>(e)).collect()
}

/// The column a ticket shows in, under the policies in force.
pub fn column_of(ticket: &Ticket, policies: &Policies) -> Column {
    match ticket.state {
        TicketState::Done | TicketState::Dropped => Column::Done,
        _ if ticket.is_started() => Column::Doing,
        TicketState::Queued => Column::Ready,
        TicketState::Backlog if needs_approval(ticket, policies) => Column::Approval,
        TicketState::Backlog => Column::Backlog,
    }
}

/// A high-risk change under the CAB waits for approval before anyone may take it.
pub fn needs_approval(ticket: &Ticket, policies: &Policies) -> bool {
    ticket.is_change()
        && ticket.risk == Some(Risk::High)
        && policies.on(Policy::Cab)
        && ticket.approval != Approval::Approved
}

/// Tickets in each column, counted the way WIP limits count them.
pub fn column_count(world: &World, column: Column) -> u32 {
    let policies = world.resource::<Policies>();
    all_tickets(world)
        .into_iter()
        .filter(|t| t.state != TicketState::Dropped && column_of(t, policies) == column)
        .count() as u32
}

pub(super) fn ticket_of(world: &World, id: TicketId) -> Result<&Ticket, String> {
    ticket(world, id).ok_or_else(|| format!("there is no ticket {}", id.0))
}

pub(super) fn person_of(world: &World, id: PersonId) -> Result<&Person, String> {
    person(world, id).ok_or_else(|| format!("there is no person {}", id.0))
}

/// Whether `ticket` may go to `person` now: the skill its step needs, the CAB, the freeze, a
/// bridge working it, and the Ready column's WIP limit.
pub fn check_assign(world: &World, ticket: TicketId, person: PersonId) -> Result<(), String> {
    let policies = world.resource::<Policies>();
    let t = ticket_of(world, ticket)?;
    let p = person_of(world, person)?;
    if !t.is_open() {
        return Err(format!("“{}” is already closed", t.title));
    }
    if t.holder == Some(person) {
        return Err(format!("“{}” is already with {}", t.title, p.name));
    }
    // A step someone has begun stays with them; a step waiting in a queue (a hand-off
    // included) may go to someone else.
    if t.step_touched && t.holder.is_some() {
        return Err(format!(
            "“{}” is being worked on; it cannot change hands now",
            t.title
        ));
    }
    if matches!(t.origin, Origin::Incident(id) if world.resource::<Incidents>().get(id).is_some_and(|i| i.declared))
    {
        return Err("the Sev 1 bridge is working this one".into());
    }
    let step = t.current_step().ok_or("the ticket has no step left")?;
    if !p.has_skill(&step.skill) {
        return Err(format!(
            "{} lacks the skill “{}” that this step needs",
            p.name, step.skill
        ));
    }
    if needs_approval(t, policies) {
        return Err(format!(
            "“{}” is a high-risk change: the CAB must approve it first",
            t.title
        ));
    }
    if policies.on(Policy::ProjectFreeze) && is_freezable(t) && !t.is_started() {
        return Err("the project freeze holds it: only critical work may start".into());
    }
    // A WIP limit never keeps an idle person from being given something to do.
    if t.state == TicketState::Backlog
        && let Some(limit) = policies.wip_limit(Column::Ready)
        && column_count(world, Column::Ready) >= limit
        && t.kind != WorkKind::Unplanned
        && !p.queue.is_empty()
    {
        return Err(format!(
            "Ready is at its WIP limit of {limit} (and {} has work waiting)",
            p.name
        ));
    }
    Ok(())
}

pub fn check_unassign(world: &World, ticket: TicketId) -> Result<(), String> {
    let t = ticket_of(world, ticket)?;
    if t.state != TicketState::Queued {
        return Err(format!("“{}” is not in anyone's queue", t.title));
    }
    if t.is_started() {
        return Err(format!(
            "“{}” has started; finish it rather than shelve it",
            t.title
        ));
    }
    Ok(())
}

/// A project that serves no business objective and that nobody has started yet.
pub fn is_retirable(ticket: &Ticket) -> bool {
    is_freezable(ticket) && ticket.is_open() && !ticket.is_started()
}

pub fn check_retire(world: &World, ticket: TicketId) -> Result<(), String> {
    super::policies::unlocked(world, Policy::ObjectiveLinks)?;
    let t = ticket_of(world, ticket)?;
    if !is_retirable(t) {
        return Err(format!(
            "“{}” cannot be retired: only a project that serves no objective and has not started",
            t.title
        ));
    }
    Ok(())
}

/// Hours of work waiting in (or under way at) a person's desk.
pub fn queue_hours(world: &World, person: &Person) -> f64 {
    person
        .queue
        .iter()
        .filter_map(|&t| ticket(world, t))
        .map(|t| t.remaining)
        .sum::<f64>()
        + 0.0
}

/// A column holding more cards than its WIP limit.
pub fn over_limit(world: &World, column: Column) -> bool {
    world
        .resource::<Policies>()
        .wip_limit(column)
        .is_some_and(|limit| column_count(world, column) > limit)
}
