//! What finishing a ticket sets off: a change goes live, an outage ends, a skill is learned.

use bevy::prelude::*;

use super::board::{self, create_ticket, enqueue};
use super::business::Business;
use super::changes;
use super::incidents;
use super::model::*;
use super::work::TicketFinished;

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
        if ticket.is_change() {
            changes::change_finished(world, id, at);
        }
        match ticket.origin {
            Origin::Incident(incident) => incidents::restore(world, incident, at),
            Origin::Documentation { skill, learner } => {
                let hours = world
                    .resource::<super::setup::LevelTuning>()
                    .0
                    .documentation_hours
                    .1;
                let name = board::person(world, learner)
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                let def = crate::level::TicketDef::one_step(
                    format!("study-{skill}-{}", learner.0),
                    format!("{name} learns {skill} from the write-up"),
                    crate::level::WorkKind::Internal,
                    &skill,
                    hours,
                );
                let study = create_ticket(world, &def, Origin::Study { skill, learner }, at, None);
                enqueue(world, study, learner, at);
            }
            Origin::Study { skill, learner } => {
                if let Some(mut person) = board::person_mut(world, learner) {
                    person.skills.insert(skill);
                }
            }
            Origin::Deployment { batch } => changes::deploy_batch(world, &batch, at),
            Origin::Board | Origin::Interrupt { .. } => {}
        }
    }
}
