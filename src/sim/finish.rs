//! What finishing a ticket sets off: a change goes live, an outage ends, a skill is learned.

use bevy::prelude::*;

use super::board;
use super::business::Business;
use super::model::*;
use super::work::TicketFinished;
use super::{changes, documentation, incidents};

pub fn on_tickets_finished(world: &mut World) {
    let finished: Vec<TicketFinished> = world
        .resource_mut::<Messages<TicketFinished>>()
        .drain()
        .collect();
    for TicketFinished { ticket: id, at } in finished {
        let Some(ticket) = board::ticket(world, id).cloned() else {
            continue;
        };
        world.resource_mut::<Business>().audit_findings -= i64::from(ticket.closes_findings);
        if !matches!(ticket.origin, Origin::Incident(_)) {
            let text = format!("Done: #{} {}", id.0, ticket.title);
            super::news::tell(
                world,
                super::news::NewsKind::TicketDone,
                text,
                Some(id),
                None,
            );
        }
        if ticket.is_change() {
            changes::change_finished(world, id, at);
        }
        match ticket.origin {
            Origin::Incident(incident) => incidents::restore(world, incident, at),
            Origin::Documentation { skill, learner } => {
                documentation::written(world, skill, learner, at)
            }
            Origin::Study { skill, learner } => documentation::studied(world, skill, learner),
            Origin::Deployment { batch } => changes::deploy_batch(world, &batch, at),
            Origin::Board | Origin::Interrupt { .. } => {}
        }
    }
}
