//! What a scripted player knows while it decides an hour: the board as it will be once its
//! own commands so far are applied, so several decisions in one hour respect limits and
//! spread the load.

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::level::Policy;
use crate::sim::PlayerCommand;
use crate::sim::board::{self, column_count, needs_approval};
use crate::sim::model::*;
use crate::sim::policies::{Policies, is_freezable};

/// A player's view of the hour, kept up to date as it decides, so that several
/// assignments in one hour respect limits and spread the load.
pub(super) struct Plan<'w> {
    pub(super) world: &'w World,
    /// The policies as they will be once this hour's commands are applied.
    pub(super) policies: Policies,
    pub(super) people: Vec<&'w Person>,
    pub(super) tickets: Vec<&'w Ticket>,
    pub(super) load: BTreeMap<PersonId, f64>,
    pub(super) ready: u32,
    /// Changes approved this hour, which may be released in the same hour.
    pub(super) approved: Vec<TicketId>,
    /// Projects retired this hour, which must not be released.
    pub(super) retired: Vec<TicketId>,
    pub(super) commands: Vec<PlayerCommand>,
}

impl<'w> Plan<'w> {
    pub(super) fn new(world: &'w World) -> Self {
        let people = board::all_people(world);
        let tickets = board::all_tickets(world);
        let load = people
            .iter()
            .map(|p| {
                let hours = p
                    .queue
                    .iter()
                    .filter_map(|&t| tickets.get(t.0 as usize))
                    .map(|t| t.remaining)
                    .sum::<f64>();
                // Someone on a Sev 1 bridge has no hours for anything else.
                let bridge = if p.on_bridge.is_some() {
                    f64::from(crate::sim::HOURS_PER_DAY)
                } else {
                    0.0
                };
                (p.id, hours + bridge)
            })
            .collect();
        Self {
            world,
            policies: world.resource::<Policies>().clone(),
            people,
            tickets,
            load,
            ready: column_count(world, Column::Ready),
            approved: Vec::new(),
            retired: Vec::new(),
            commands: Vec::new(),
        }
    }

    pub(super) fn send(&mut self, command: PlayerCommand) {
        self.commands.push(command);
    }

    pub(super) fn assign(&mut self, ticket: &Ticket, person: PersonId) {
        *self.load.entry(person).or_default() += ticket.remaining;
        if ticket.state == TicketState::Backlog {
            self.ready += 1;
        }
        self.send(PlayerCommand::Assign {
            ticket: ticket.id,
            person,
        });
    }

    pub(super) fn qualified(&self, skill: &str) -> Vec<&'w Person> {
        self.people
            .iter()
            .copied()
            .filter(|p| p.has_skill(skill))
            .collect()
    }

    /// The tickets in `person`'s queue, as the world has them this hour.
    pub(super) fn queue_of(&self, person: PersonId) -> Vec<&'w Ticket> {
        self.people
            .iter()
            .find(|p| p.id == person)
            .map(|p| {
                p.queue
                    .iter()
                    .filter_map(|&t| self.tickets.get(t.0 as usize).copied())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub(super) fn least_loaded(&self, candidates: &[&Person]) -> Option<PersonId> {
        candidates
            .iter()
            .min_by(|a, b| {
                self.load[&a.id]
                    .total_cmp(&self.load[&b.id])
                    .then(a.id.cmp(&b.id))
            })
            .map(|p| p.id)
    }

    pub(super) fn backlog(&self) -> Vec<&'w Ticket> {
        self.tickets
            .iter()
            .copied()
            .filter(|t| t.state == TicketState::Backlog)
            .collect()
    }

    pub(super) fn may_release(&self, ticket: &Ticket) -> bool {
        let held_by_cab =
            needs_approval(ticket, &self.policies) && !self.approved.contains(&ticket.id);
        let frozen = self.policies.on(Policy::ProjectFreeze) && is_freezable(ticket);
        let on_a_bridge = matches!(ticket.origin,
            Origin::Incident(id) if self.incident(id).is_some_and(|i| i.declared));
        !(held_by_cab || frozen || on_a_bridge || self.retired.contains(&ticket.id))
    }

    pub(super) fn incident(&self, id: IncidentId) -> Option<&'w Incident> {
        self.world.resource::<Incidents>().get(id)
    }
}
