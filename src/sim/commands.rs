//! The one command language. Every change to the game (a click, a scripted player, a replay,
//! a facilitator's hotkey) is a `PlayerCommand`: validated, applied, and written to the log.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::board::{self, column_count, enqueue, needs_approval, withdraw};
use super::clock::Clock;
use super::model::*;
use super::policies::Policies;
use super::setup::{CurrentLevel, LevelTuning};
use super::story::{self, Story};
use super::work::is_freezable;
use crate::level::{Policy, WorkKind};

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

    /// The commands alone, for a replay.
    pub fn commands(&self) -> Vec<PlayerCommand> {
        self.0.iter().map(|c| c.command.clone()).collect()
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

/// Validates and applies one command, logging it. Returns the refusal, if any.
pub fn execute(world: &mut World, command: PlayerCommand) -> Result<(), String> {
    let tick = world.resource::<Clock>().tick;
    let outcome = validate(world, &command);
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

fn ticket_of(world: &World, id: TicketId) -> Result<&Ticket, String> {
    board::ticket(world, id).ok_or_else(|| format!("there is no ticket {}", id.0))
}

fn person_of(world: &World, id: PersonId) -> Result<&Person, String> {
    board::person(world, id).ok_or_else(|| format!("there is no person {}", id.0))
}

fn unlocked(world: &World, policy: Policy) -> Result<(), String> {
    if world.resource::<Policies>().unlocked.contains(&policy) {
        Ok(())
    } else {
        Err(format!(
            "the {} is not available yet in the story",
            policy.label()
        ))
    }
}

fn validate(world: &World, command: &PlayerCommand) -> Result<(), String> {
    let over = world.resource::<Clock>().is_over();
    if over {
        return Err("the chapter is over".into());
    }
    let policies = world.resource::<Policies>();
    match command {
        PlayerCommand::Assign { ticket, person } => {
            let t = ticket_of(world, *ticket)?;
            let p = person_of(world, *person)?;
            if !t.is_open() {
                return Err(format!("`{}` is already closed", t.title));
            }
            if t.holder == Some(*person) {
                return Err(format!("`{}` is already with {}", t.title, p.name));
            }
            if t.is_started() && t.holder.is_some() {
                return Err(format!(
                    "`{}` is being worked on; it cannot change hands now",
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
                    "{} lacks the skill `{}` that this step needs",
                    p.name, step.skill
                ));
            }
            if needs_approval(t, policies) {
                return Err(format!(
                    "`{}` is a high-risk change: the CAB must approve it first",
                    t.title
                ));
            }
            if policies.on(Policy::ProjectFreeze) && is_freezable(t) && !t.is_started() {
                return Err("the project freeze holds it: only critical work may start".into());
            }
            if t.state == TicketState::Backlog
                && let Some(limit) = policies.wip_limit(Column::Ready)
                && column_count(world, Column::Ready) >= limit
                && t.kind != WorkKind::Unplanned
            {
                return Err(format!("Ready is at its WIP limit of {limit}"));
            }
            Ok(())
        }
        PlayerCommand::Unassign { ticket } => {
            let t = ticket_of(world, *ticket)?;
            if t.state != TicketState::Queued {
                return Err(format!("`{}` is not in anyone's queue", t.title));
            }
            if t.is_started() {
                return Err(format!(
                    "`{}` has started; finish it rather than shelve it",
                    t.title
                ));
            }
            Ok(())
        }
        PlayerCommand::SetWipLimit { column, limit } => {
            unlocked(world, Policy::WipLimits)?;
            if !matches!(column, Column::Ready | Column::Doing) {
                return Err("only Ready and Doing take a WIP limit".into());
            }
            if *limit == Some(0) {
                return Err("a WIP limit of 0 would stop all work".into());
            }
            Ok(())
        }
        PlayerCommand::ApproveChange { ticket } | PlayerCommand::RejectChange { ticket } => {
            let t = ticket_of(world, *ticket)?;
            if !t.is_change() || t.state != TicketState::Backlog {
                return Err(format!(
                    "`{}` is not a change waiting for approval",
                    t.title
                ));
            }
            if t.approval != Approval::None {
                return Err(format!("`{}` has been decided already", t.title));
            }
            if matches!(command, PlayerCommand::ApproveChange { .. })
                && let Some(system) = &t.system
                && world.resource::<Incidents>().open_sev1_on(system)
            {
                return Err(format!("no changes to {system} while its Sev 1 is open"));
            }
            Ok(())
        }
        PlayerCommand::DeflectInterrupt { ticket } => {
            let t = ticket_of(world, *ticket)?;
            if !matches!(t.origin, Origin::Interrupt { .. }) || t.state != TicketState::Backlog {
                return Err(format!("`{}` is not a request waiting for triage", t.title));
            }
            Ok(())
        }
        PlayerCommand::StartDocumentation { skill, learner } => {
            unlocked(world, Policy::Documentation)?;
            let l = person_of(world, *learner)?;
            let people = board::all_people(world);
            if !people.iter().any(|p| p.constraint && p.has_skill(skill)) {
                return Err(format!(
                    "nobody at the constraint knows `{skill}` to write it down"
                ));
            }
            if l.constraint {
                return Err(format!("{} is the one who already knows it", l.name));
            }
            if l.has_skill(skill) {
                return Err(format!("{} already knows `{skill}`", l.name));
            }
            let underway = board::all_tickets(world).into_iter().any(|t| {
                t.is_open()
                    && matches!(&t.origin, Origin::Documentation { skill: s, learner: who } | Origin::Study { skill: s, learner: who } if s == skill && who == learner)
            });
            if underway {
                return Err(format!("{} is already learning `{skill}`", l.name));
            }
            Ok(())
        }
        PlayerCommand::DeclareSev1 {
            incident,
            responders,
        } => {
            let i = world
                .resource::<Incidents>()
                .get(*incident)
                .ok_or("there is no such incident")?;
            if i.declared {
                return Err("a bridge is already open for it".into());
            }
            if !i.is_down() {
                return Err("service is already restored".into());
            }
            if responders.is_empty() {
                return Err("a bridge needs at least one responder".into());
            }
            let skill = system_skill(world, &i.system);
            let mut skilled = false;
            for r in responders {
                let p = person_of(world, *r)?;
                if p.on_bridge.is_some() {
                    return Err(format!("{} is already on another bridge", p.name));
                }
                skilled |= p.has_skill(&skill);
            }
            if !skilled {
                return Err(format!("nobody on that bridge knows `{skill}`"));
            }
            Ok(())
        }
        PlayerCommand::ResolveSev1 { incident } => {
            let i = world
                .resource::<Incidents>()
                .get(*incident)
                .ok_or("there is no such incident")?;
            if i.is_down() {
                return Err("service is still down".into());
            }
            if i.resolved.is_some() {
                return Err("it is already resolved".into());
            }
            Ok(())
        }
        PlayerCommand::SetBatchSize { size } => {
            unlocked(world, Policy::SmallBatches)?;
            if world.resource::<CurrentLevel>().0.deployment.is_none() {
                return Err("changes in this chapter go live as they are finished".into());
            }
            if *size == 0 {
                return Err("a batch holds at least one change".into());
            }
            Ok(())
        }
        PlayerCommand::SetPolicy { policy, on } => {
            unlocked(world, *policy)?;
            if !policy.is_switch() {
                return Err(format!("the {} is used, not switched", policy.label()));
            }
            if policies.on(*policy) == *on {
                return Err(format!(
                    "the {} is already {}",
                    policy.label(),
                    if *on { "on" } else { "off" }
                ));
            }
            Ok(())
        }
        PlayerCommand::Choose { scene, choice } => {
            let story = world.resource::<Story>();
            if story.awaiting_choice.as_deref() != Some(scene.as_str()) {
                return Err(format!("scene `{scene}` is not waiting for a choice"));
            }
            let count = world
                .resource::<CurrentLevel>()
                .0
                .scenes
                .iter()
                .find(|s| &s.id == scene)
                .map_or(0, |s| s.choices.len());
            if *choice >= count {
                return Err(format!("scene `{scene}` has {count} choices"));
            }
            Ok(())
        }
        PlayerCommand::RetireWork { ticket } => {
            unlocked(world, Policy::ObjectiveLinks)?;
            let t = ticket_of(world, *ticket)?;
            if !is_retirable(t) {
                return Err(format!(
                    "`{}` cannot be retired: only a project that serves no objective and has not started",
                    t.title
                ));
            }
            Ok(())
        }
        PlayerCommand::Inject { event } => {
            let level = &world.resource::<CurrentLevel>().0;
            match event {
                Injection::Sev1 if level.systems.is_empty() => {
                    Err("this chapter has no systems to take down".into())
                }
                Injection::InterruptForConstraint
                    if !board::all_people(world).iter().any(|p| p.constraint) =>
                {
                    Err("this chapter has no constraint to interrupt".into())
                }
                _ => Ok(()),
            }
        }
        PlayerCommand::Advance { hours } => {
            if *hours == 0 {
                return Err("advance by at least one hour".into());
            }
            if let Some(scene) = &world.resource::<Story>().awaiting_choice {
                return Err(format!("scene `{scene}` is waiting for a choice"));
            }
            Ok(())
        }
    }
}

/// A project that serves no business objective and that nobody has started yet.
pub fn is_retirable(ticket: &Ticket) -> bool {
    is_freezable(ticket) && ticket.is_open() && !ticket.is_started()
}

pub fn system_skill(world: &World, system: &str) -> String {
    system_skill_of(&world.resource::<CurrentLevel>().0, system)
}

/// The skill that diagnoses and fixes a system.
pub fn system_skill_of(level: &crate::level::Level, system: &str) -> String {
    level
        .systems
        .iter()
        .find(|s| s.id == system)
        .map(|s| s.skill.clone())
        .unwrap_or_default()
}

fn apply(world: &mut World, command: PlayerCommand) {
    let now = world.resource::<Clock>().now();
    match command {
        PlayerCommand::Assign { ticket, person } => enqueue(world, ticket, person, now),
        PlayerCommand::Unassign { ticket } => withdraw(world, ticket, TicketState::Backlog),
        PlayerCommand::SetWipLimit { column, limit } => {
            let mut policies = world.resource_mut::<Policies>();
            match limit {
                Some(l) => policies.wip_limits.insert(column, l),
                None => policies.wip_limits.remove(&column),
            };
        }
        PlayerCommand::ApproveChange { ticket } => {
            if let Some(mut t) = board::ticket_mut(world, ticket) {
                t.approval = Approval::Approved;
            }
        }
        PlayerCommand::RejectChange { ticket } => {
            if let Some(mut t) = board::ticket_mut(world, ticket) {
                t.approval = Approval::Rejected;
            }
            withdraw(world, ticket, TicketState::Dropped);
        }
        PlayerCommand::DeflectInterrupt { ticket } => withdraw(world, ticket, TicketState::Dropped),
        PlayerCommand::RetireWork { ticket } => withdraw(world, ticket, TicketState::Dropped),
        PlayerCommand::StartDocumentation { skill, learner } => {
            start_documentation(world, skill, learner, now)
        }
        PlayerCommand::DeclareSev1 {
            incident,
            responders,
        } => declare(world, incident, responders),
        PlayerCommand::ResolveSev1 { incident } => {
            if let Some(i) = world
                .resource_mut::<Incidents>()
                .0
                .get_mut(incident.0 as usize)
            {
                i.resolved = Some(now);
            }
        }
        PlayerCommand::SetPolicy { policy, on } => {
            let mut policies = world.resource_mut::<Policies>();
            if on {
                policies.enabled.insert(policy);
            } else {
                policies.enabled.remove(&policy);
            }
        }
        PlayerCommand::SetBatchSize { size } => {
            world.resource_mut::<Policies>().batch_size = Some(size)
        }
        PlayerCommand::Choose { scene, choice } => story::choose(world, &scene, choice),
        PlayerCommand::Advance { hours } => run_hours(world, hours),
        PlayerCommand::Inject { event } => inject(world, event, now),
    }
}

fn inject(world: &mut World, event: Injection, now: f64) {
    match event {
        Injection::Sev1 => super::incidents::open_live_outage(world),
        Injection::InterruptForConstraint => {
            let Some((id, skill)) = board::all_people(world)
                .into_iter()
                .find(|p| p.constraint)
                .map(|p| (p.id, p.skills.iter().next().cloned().unwrap_or_default()))
            else {
                return;
            };
            super::interrupts::arrive(world, id, 2.0, &skill, now);
        }
    }
}

/// Runs the clock hour by hour; stops early at the chapter's end or at a choice to make.
pub fn run_hours(world: &mut World, hours: u32) {
    for _ in 0..hours {
        if world.resource::<Clock>().is_over()
            || world.resource::<Story>().awaiting_choice.is_some()
        {
            break;
        }
        world.run_schedule(super::SimTick);
    }
}

fn start_documentation(world: &mut World, skill: String, learner: PersonId, now: f64) {
    let hours = world.resource::<LevelTuning>().0.documentation_hours.0;
    let Some(writer) = board::all_people(world)
        .into_iter()
        .find(|p| p.constraint && p.has_skill(&skill))
        .map(|p| p.id)
    else {
        return;
    };
    let name = board::person(world, learner)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let mut def = crate::level::TicketDef::one_step(
        format!("document-{skill}-{}", learner.0),
        format!("Write down how `{skill}` is done, for {name}"),
        WorkKind::Internal,
        &skill,
        hours,
    );
    def.critical = true;
    let id = board::create_ticket(
        world,
        &def,
        Origin::Documentation { skill, learner },
        now,
        None,
    );
    enqueue(world, id, writer, now);
}

fn declare(world: &mut World, incident: IncidentId, responders: Vec<PersonId>) {
    let ticket = {
        let mut incidents = world.resource_mut::<Incidents>();
        let Some(i) = incidents.0.get_mut(incident.0 as usize) else {
            return;
        };
        i.declared = true;
        i.responders = responders.clone();
        i.ticket
    };
    // The bridge takes the work off anyone's queue: the responders share it.
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
