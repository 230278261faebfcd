//! Documentation: the constraint writes down a skill only they have, then a learner studies
//! the write-up and has the skill from then on (carried to later chapters).

use bevy::prelude::*;

use super::board::{self, create_ticket, enqueue, person_of};
use super::model::*;
use super::policies::unlocked;
use super::setup::tuning;
use crate::level::{Policy, TicketDef, WorkKind};

pub fn check_start(world: &World, skill: &str, learner: PersonId) -> Result<(), String> {
    unlocked(world, Policy::Documentation)?;
    let l = person_of(world, learner)?;
    let people = board::all_people(world);
    if !people.iter().any(|p| p.constraint && p.has_skill(skill)) {
        return Err(format!(
            "nobody at the constraint knows {skill} to write it down"
        ));
    }
    if l.constraint {
        return Err(format!("{} is the one who already knows it", l.name));
    }
    if l.has_skill(skill) {
        return Err(format!("{} already knows {skill}", l.name));
    }
    let underway = board::all_tickets(world).into_iter().any(|t| {
        t.is_open()
            && matches!(&t.origin, Origin::Documentation { skill: s, learner: who } | Origin::Study { skill: s, learner: who } if s == skill && *who == learner)
    });
    if underway {
        return Err(format!("{} is already learning {skill}", l.name));
    }
    Ok(())
}

/// The constraint's write-up goes to the top of their queue as critical work.
pub fn start(world: &mut World, skill: String, learner: PersonId, now: f64) {
    let hours = tuning(world).documentation_hours.0;
    let Some(writer) = board::all_people(world)
        .into_iter()
        .find(|p| p.constraint && p.has_skill(&skill))
        .map(|p| p.id)
    else {
        return;
    };
    let name = learner_name(world, learner);
    let mut def = TicketDef::one_step(
        format!("document-{skill}-{}", learner.0),
        format!("Write down how {skill} is done, for {name}"),
        WorkKind::Internal,
        &skill,
        hours,
    );
    def.critical = true;
    let id = create_ticket(
        world,
        &def,
        Origin::Documentation { skill, learner },
        now,
        None,
    );
    enqueue(world, id, writer, now);
}

/// The write-up is done: the learner gets it to study.
pub fn written(world: &mut World, skill: String, learner: PersonId, at: f64) {
    let hours = tuning(world).documentation_hours.1;
    let name = learner_name(world, learner);
    let def = TicketDef::one_step(
        format!("study-{skill}-{}", learner.0),
        format!("{name} learns {skill} from the write-up"),
        WorkKind::Internal,
        &skill,
        hours,
    );
    let study = create_ticket(world, &def, Origin::Study { skill, learner }, at, None);
    enqueue(world, study, learner, at);
}

/// The learner has studied it: the skill is theirs.
pub fn studied(world: &mut World, skill: String, learner: PersonId) {
    if let Some(mut person) = board::person_mut(world, learner) {
        person.skills.insert(skill);
    }
}

fn learner_name(world: &World, learner: PersonId) -> String {
    board::person(world, learner)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

/// The constraint's skills the constraint could write down for `learner` now.
pub fn teachable(world: &World, learner: PersonId) -> Vec<String> {
    let Some(writer) = board::all_people(world).into_iter().find(|p| p.constraint) else {
        return Vec::new();
    };
    writer
        .skills
        .iter()
        .filter(|skill| check_start(world, skill, learner).is_ok())
        .cloned()
        .collect()
}
