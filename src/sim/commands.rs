//! The one command language. Every change to the game (a click, a scripted player, a replay,
//! a facilitator's hotkey) is a `PlayerCommand`: checked, applied, and written to the log.
//!
//! This file holds the commands, the log and the dispatch; each command's rule lives with its
//! subject (`check` below names the module of every one).

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::clock::Clock;
use super::model::*;
use super::timeline;
use super::{board, bridge, changes, documentation, facilitator, interrupts, policies, story};
use crate::level::Policy;

#[derive(Message, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PlayerCommand {
    /// Release a ticket to a person, or move a waiting one to someone else.
    Assign {
        ticket: TicketId,
        person: PersonId,
    },
    /// Take a ticket that has not started back to the backlog.
    Unassign {
        ticket: TicketId,
    },
    SetWipLimit {
        column: Column,
        limit: Option<u32>,
    },
    ApproveChange {
        ticket: TicketId,
    },
    RejectChange {
        ticket: TicketId,
    },
    /// Send a shielded request elsewhere instead of to the constraint.
    DeflectInterrupt {
        ticket: TicketId,
    },
    /// Take a project that serves none of the business's objectives off the board for good.
    RetireWork {
        ticket: TicketId,
    },
    /// Ask the constraint to write down a skill for a learner.
    StartDocumentation {
        skill: String,
        learner: PersonId,
    },
    /// Open a bridge: the responders drop everything for the incident.
    DeclareSev1 {
        incident: IncidentId,
        responders: Vec<PersonId>,
    },
    /// Declare the outage over once service is back.
    ResolveSev1 {
        incident: IncidentId,
    },
    /// Call someone onto an open bridge.
    JoinBridge {
        incident: IncidentId,
        person: PersonId,
    },
    /// Send a responder back to their own work.
    LeaveBridge {
        incident: IncidentId,
        person: PersonId,
    },
    SetPolicy {
        policy: Policy,
        on: bool,
    },
    /// How many finished changes go out in one deployment.
    SetBatchSize {
        size: u32,
    },
    Choose {
        scene: String,
        choice: usize,
    },
    /// Let the clock run this many working hours.
    Advance {
        hours: u32,
    },
    /// The facilitator's hand: something happens now, live, for the room to deal with.
    /// Logged like any command, so a replay brings it back at the same hour.
    Inject {
        event: Injection,
    },
}

/// What a facilitator can make happen during a chapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Injection {
    /// The system that earns the most goes down.
    Sev1,
    /// Someone walks up to the constraint's desk with a quick favour.
    InterruptForConstraint,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoggedCommand {
    /// The hour it was given at.
    pub tick: u32,
    pub command: PlayerCommand,
    /// Why it was refused, if it was.
    pub refused: Option<String>,
}

/// Every command given this chapter, refused ones included: with the seed, this is the game.
#[derive(Resource, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CommandLog(pub Vec<LoggedCommand>);

impl CommandLog {
    pub fn last_refusal(&self) -> Option<&str> {
        self.0.last().and_then(|c| c.refused.as_deref())
    }

    /// The commands alone, refused ones included.
    pub fn commands(&self) -> Vec<PlayerCommand> {
        self.0.iter().map(|c| c.command.clone()).collect()
    }

    /// The commands that were carried out: a replay of these must accept every one.
    pub fn accepted(&self) -> Vec<PlayerCommand> {
        self.0
            .iter()
            .filter(|c| c.refused.is_none())
            .map(|c| c.command.clone())
            .collect()
    }
}

/// Applies every command sent this frame, in order.
pub fn apply_player_commands(world: &mut World) {
    let commands: Vec<PlayerCommand> = world
        .resource_mut::<Messages<PlayerCommand>>()
        .drain()
        .collect();
    for command in commands {
        // A refusal is kept in the log, where the UI shows it.
        let _ = execute(world, command);
    }
}

/// Checks and applies one command, logging it. Returns the refusal, if any.
pub fn execute(world: &mut World, command: PlayerCommand) -> Result<(), String> {
    let tick = world.resource::<Clock>().tick;
    let outcome = check(world, &command);
    world.resource_mut::<CommandLog>().0.push(LoggedCommand {
        tick,
        command: command.clone(),
        refused: outcome.clone().err(),
    });
    if outcome.is_ok() {
        apply(world, command);
    }
    outcome
}

/// Whether `command` would be carried out now, and if not, why. The panels ask this too, so
/// a button and the rule behind it never disagree.
pub fn check(world: &World, command: &PlayerCommand) -> Result<(), String> {
    if world.resource::<Clock>().is_over() {
        return Err("the chapter is over".into());
    }
    use PlayerCommand as C;
    match command {
        C::Assign { ticket, person } => board::check_assign(world, *ticket, *person),
        C::Unassign { ticket } => board::check_unassign(world, *ticket),
        C::RetireWork { ticket } => board::check_retire(world, *ticket),
        C::SetWipLimit { column, limit } => policies::check_wip_limit(world, *column, *limit),
        C::SetPolicy { policy, on } => policies::check_switch(world, *policy, *on),
        C::SetBatchSize { size } => changes::check_batch_size(world, *size),
        C::ApproveChange { ticket } => changes::check_decision(world, *ticket, true),
        C::RejectChange { ticket } => changes::check_decision(world, *ticket, false),
        C::DeflectInterrupt { ticket } => interrupts::check_deflect(world, *ticket),
        C::StartDocumentation { skill, learner } => {
            documentation::check_start(world, skill, *learner)
        }
        C::DeclareSev1 {
            incident,
            responders,
        } => bridge::check_declare(world, *incident, responders),
        C::ResolveSev1 { incident } => bridge::check_resolve(world, *incident),
        C::JoinBridge { incident, person } => bridge::check_join(world, *incident, *person),
        C::LeaveBridge { incident, person } => bridge::check_leave(world, *incident, *person),
        C::Choose { scene, choice } => story::check_choose(world, scene, *choice),
        C::Advance { hours } => timeline::check_advance(world, *hours),
        C::Inject { event } => facilitator::check(world, *event),
    }
}

fn apply(world: &mut World, command: PlayerCommand) {
    let now = world.resource::<Clock>().now();
    use PlayerCommand as C;
    match command {
        C::Assign { ticket, person } => board::enqueue(world, ticket, person, now),
        C::Unassign { ticket } => board::withdraw(world, ticket, TicketState::Backlog),
        C::RetireWork { ticket } => board::withdraw(world, ticket, TicketState::Dropped),
        C::SetWipLimit { column, limit } => policies::set_wip_limit(world, column, limit),
        C::SetPolicy { policy, on } => policies::switch(world, policy, on),
        C::SetBatchSize { size } => changes::set_batch_size(world, size),
        C::ApproveChange { ticket } => changes::approve(world, ticket),
        C::RejectChange { ticket } => changes::reject(world, ticket),
        C::DeflectInterrupt { ticket } => interrupts::deflect(world, ticket),
        C::StartDocumentation { skill, learner } => {
            documentation::start(world, skill, learner, now)
        }
        C::DeclareSev1 {
            incident,
            responders,
        } => bridge::declare(world, incident, responders),
        C::ResolveSev1 { incident } => bridge::resolve(world, incident, now),
        C::JoinBridge { incident, person } => bridge::join(world, incident, person),
        C::LeaveBridge { incident, person } => bridge::leave(world, incident, person),
        C::Choose { scene, choice } => story::choose(world, &scene, choice),
        C::Advance { hours } => timeline::run_hours(world, hours),
        C::Inject { event } => facilitator::inject(world, event, now),
    }
}

/// A replayed command the simulation refused: the saved game and this one have parted ways.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplayError {
    /// Which command of the replay (1 for the first).
    pub number: usize,
    pub of: usize,
    /// When it was given, as the clock shows it.
    pub at: String,
    pub command: String,
    pub reason: String,
}

impl std::fmt::Display for ReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "command {} of {} ({}, at {}) was refused: {}",
            self.number, self.of, self.command, self.at, self.reason
        )
    }
}

/// Replays commands that were all carried out before. Stops at the first one refused now and
/// says which, when and why; everything before it stands.
pub fn replay(world: &mut World, commands: &[PlayerCommand]) -> Result<(), ReplayError> {
    for (index, command) in commands.iter().enumerate() {
        let at = world.resource::<Clock>().label();
        let described = describe(world, command);
        if let Err(reason) = execute(world, command.clone()) {
            return Err(ReplayError {
                number: index + 1,
                of: commands.len(),
                at,
                command: described,
                reason,
            });
        }
    }
    Ok(())
}

/// A command in words, with the names of the tickets and people it names.
pub fn describe(world: &World, command: &PlayerCommand) -> String {
    let ticket = |id: &TicketId| {
        board::ticket(world, *id).map_or_else(|| format!("ticket {}", id.0), |t| t.title.clone())
    };
    let person = |id: &PersonId| {
        board::person(world, *id).map_or_else(|| format!("person {}", id.0), |p| p.name.clone())
    };
    use PlayerCommand as C;
    match command {
        C::Assign {
            ticket: t,
            person: p,
        } => format!("give “{}” to {}", ticket(t), person(p)),
        C::Unassign { ticket: t } => format!("take “{}” back to the backlog", ticket(t)),
        C::RetireWork { ticket: t } => format!("retire “{}”", ticket(t)),
        C::SetWipLimit { column, limit } => match limit {
            Some(l) => format!("cap {column:?} at {l}"),
            None => format!("lift the {column:?} limit"),
        },
        C::SetPolicy { policy, on } => format!(
            "switch the {} {}",
            policy.label(),
            if *on { "on" } else { "off" }
        ),
        C::SetBatchSize { size } => format!("deploy {size} changes at a time"),
        C::ApproveChange { ticket: t } => format!("approve “{}”", ticket(t)),
        C::RejectChange { ticket: t } => format!("reject “{}”", ticket(t)),
        C::DeflectInterrupt { ticket: t } => format!("deflect “{}”", ticket(t)),
        C::StartDocumentation { skill, learner } => {
            format!("document {skill} for {}", person(learner))
        }
        C::DeclareSev1 { responders, .. } => format!(
            "open a bridge with {}",
            responders.iter().map(person).collect::<Vec<_>>().join(", ")
        ),
        C::ResolveSev1 { .. } => "declare the outage over".to_owned(),
        C::JoinBridge { person: p, .. } => format!("call {} onto the bridge", person(p)),
        C::LeaveBridge { person: p, .. } => format!("send {} back from the bridge", person(p)),
        C::Choose { scene, choice } => format!("choose option {} in `{scene}`", choice + 1),
        C::Advance { hours } => format!("run the clock {hours} h"),
        C::Inject { event } => format!("facilitator: {event:?}"),
    }
}
