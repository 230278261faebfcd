//! People walking up to someone's desk. Without a shield they land on top of whatever that
//! person is doing; with one, requests for the constraint go through Bill or Patty instead.

use bevy::prelude::*;

use super::board::{self, create_ticket, enqueue};
use super::model::*;
use super::news::{NewsKind, tell};
use super::policies::Policies;
use crate::level::{Policy, TicketDef, WorkKind};

pub fn arrive(
    world: &mut World,
    to: PersonId,
    hours: f64,
    skill: &str,
    at: f64,
) -> Option<TicketId> {
    let (name, shielded) = {
        let person = board::person(world, to)?;
        let shield = world.resource::<Policies>().on(Policy::BrentShield);
        (person.name.clone(), shield && person.constraint)
    };
    let number = board::all_tickets(world).len();
    let def = TicketDef::one_step(
        format!("interrupt-{number}"),
        format!("Quick favour for {name}: {skill}"),
        WorkKind::Unplanned,
        skill,
        hours,
    );
    let id = create_ticket(world, &def, Origin::Interrupt { for_person: to }, at, None);
    let constraint = board::person(world, to).is_some_and(|p| p.constraint);
    if shielded {
        let text = format!("A request for {name} waits at the shield: {skill}");
        tell(world, NewsKind::RequestShielded, text, Some(id), None);
    } else {
        enqueue(world, id, to, at);
        if constraint {
            let text = format!("{name} was asked a quick favour ({skill}): it is in his queue");
            tell(world, NewsKind::FavourForConstraint, text, Some(id), None);
        }
    }
    Some(id)
}

pub fn check_deflect(world: &World, ticket: TicketId) -> Result<(), String> {
    let t = board::ticket_of(world, ticket)?;
    if !matches!(t.origin, Origin::Interrupt { .. }) || t.state != TicketState::Backlog {
        return Err(format!("“{}” is not a request waiting for triage", t.title));
    }
    Ok(())
}

/// The shield turns a request away: it is never done.
pub fn deflect(world: &mut World, ticket: TicketId) {
    board::withdraw(world, ticket, TicketState::Dropped);
}
