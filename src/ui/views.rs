//! Read-only views of the simulation for the panels: plain data, built from the world only
//! when it has changed, so panels neither compute rules nor rebuild anything every frame.

use bevy::prelude::*;

use crate::level::{Policy, Risk, WorkKind};
use crate::sim::board::{self, column_of, needs_approval};
use crate::sim::business::Business;
use crate::sim::clock::Clock;
use crate::sim::policies::Policies;
use crate::sim::setup::CurrentLevel;
use crate::sim::story::Story;
use crate::sim::{
    Column, CommandLog, IncidentId, Incidents, Origin, PersonId, TicketId, TicketState,
};

#[derive(Clone, Debug, PartialEq)]
pub struct CardView {
    pub id: TicketId,
    pub title: String,
    pub kind: WorkKind,
    pub column: Column,
    /// Each step's skill and hours.
    pub route: Vec<(String, f64)>,
    pub step: usize,
    pub remaining: f64,
    /// Hours since it arrived.
    pub age: f64,
    /// Hours it has spent waiting in queues, including the wait going on now.
    pub waited: f64,
    pub due: Option<u32>,
    pub risk: Option<Risk>,
    pub system: Option<String>,
    pub holder: Option<String>,
    pub needs_approval: bool,
    /// A request for the constraint held by the shield, waiting for triage.
    pub shielded_request: bool,
    pub critical: bool,
    /// Dollars a day it is worth once done, shown once work is traced to objectives.
    pub value: Option<f64>,
    /// It serves no objective and has not started: it may be retired.
    pub retirable: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnView {
    pub column: Column,
    pub limit: Option<u32>,
    pub cards: Vec<CardView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PersonView {
    pub id: PersonId,
    pub key: String,
    pub name: String,
    pub role: String,
    pub skills: Vec<String>,
    pub constraint: bool,
    pub queue: Vec<(TicketId, String)>,
    pub queue_hours: f64,
    pub utilization: f64,
    pub at_work: bool,
    pub on_bridge: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChangeLogEntry {
    pub title: String,
    pub finished_at: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IncidentView {
    pub id: IncidentId,
    pub title: String,
    pub system: String,
    pub sev1: bool,
    pub down: bool,
    pub declared: bool,
    pub hours_down: f64,
    pub responders: Vec<String>,
    /// People who know the system and are free to join a bridge, and whether each is the
    /// constraint.
    pub candidates: Vec<(PersonId, String, bool)>,
    /// Recent logged changes to the system: what the change log can tell the bridge.
    pub change_log: Vec<ChangeLogEntry>,
}

/// Everything the operations screen shows.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct OpsView {
    pub chapter: u32,
    pub title: String,
    pub clock: String,
    pub hours_left: u32,
    pub columns: Vec<ColumnView>,
    pub wip_limits_unlocked: bool,
    pub people: Vec<PersonView>,
    pub incidents: Vec<IncidentView>,
    pub policies: Vec<(Policy, bool)>,
    pub documentation_unlocked: bool,
    pub revenue_lost: f64,
    pub share_price: f64,
    pub audit_findings: i64,
    pub refusal: Option<String>,
    pub awaiting_choice: bool,
    /// Each objective with its goal and where it stands now.
    pub objectives: Vec<String>,
    /// The deployment batch size, when the player may change it.
    pub batch_size: Option<u32>,
    /// Systems carrying other than ordinary traffic: name, load, capacity.
    pub traffic: Vec<(String, f64, f64)>,
}

impl OpsView {
    pub fn cards(&self) -> impl Iterator<Item = &CardView> {
        self.columns.iter().flat_map(|c| c.cards.iter())
    }

    pub fn card(&self, id: TicketId) -> Option<&CardView> {
        self.cards().find(|c| c.id == id)
    }

    pub fn approvals(&self) -> impl Iterator<Item = &CardView> {
        self.cards().filter(|c| c.needs_approval)
    }

    pub fn shielded_requests(&self) -> impl Iterator<Item = &CardView> {
        self.cards().filter(|c| c.shielded_request)
    }
}

/// How many finished cards the Done column keeps on screen.
const DONE_SHOWN: usize = 30;

pub fn build(world: &World) -> OpsView {
    let clock = world.resource::<Clock>();
    let policies = world.resource::<Policies>();
    let level = &world.resource::<CurrentLevel>().0;
    let business = world.resource::<Business>();
    OpsView {
        chapter: level.chapter,
        title: level.title.clone(),
        clock: clock.label(),
        hours_left: clock.end.saturating_sub(clock.tick),
        columns: columns(world),
        wip_limits_unlocked: policies.unlocked.contains(&Policy::WipLimits),
        people: people(world),
        incidents: incidents(world),
        policies: Policy::ALL
            .iter()
            .filter(|p| p.is_switch() && policies.unlocked.contains(p))
            .map(|&p| (p, policies.on(p)))
            .collect(),
        documentation_unlocked: policies.unlocked.contains(&Policy::Documentation),
        revenue_lost: business.revenue_lost,
        share_price: business.share_price(&level.tuning),
        audit_findings: business.audit_findings,
        refusal: world
            .resource::<CommandLog>()
            .last_refusal()
            .map(str::to_owned),
        awaiting_choice: world.resource::<Story>().awaiting_choice.is_some(),
        objectives: objectives(world, level),
        traffic: level
            .systems
            .iter()
            .filter_map(|system| {
                let traffic = world.resource::<crate::sim::business::Traffic>();
                let load = traffic.load.get(&system.id).copied().unwrap_or(1.0);
                let capacity = traffic.capacity.get(&system.id).copied().unwrap_or(1.0);
                ((load - 1.0).abs() > 1e-9 || (capacity - 1.0).abs() > 1e-9)
                    .then(|| (system.name.clone(), load, capacity))
            })
            .collect(),
        batch_size: level
            .deployment
            .as_ref()
            .filter(|_| policies.unlocked.contains(&Policy::SmallBatches))
            .map(|d| policies.batch_size.unwrap_or(d.batch_size)),
    }
}

fn name_of(world: &World, id: PersonId) -> Option<String> {
    board::person(world, id).map(|p| p.name.clone())
}

/// The board's columns with their cards (the Done column keeps only the latest few).
fn columns(world: &World) -> Vec<ColumnView> {
    let policies = world.resource::<Policies>();
    let now = world.resource::<Clock>().now();
    let mut columns: Vec<ColumnView> = Column::ALL
        .iter()
        .map(|&column| ColumnView {
            column,
            limit: policies.wip_limit(column),
            cards: Vec::new(),
        })
        .collect();
    let traced = policies.unlocked.contains(&Policy::ObjectiveLinks);
    for ticket in board::all_tickets(world)
        .into_iter()
        .filter(|t| t.state != TicketState::Dropped)
    {
        let column = column_of(ticket, policies);
        columns[column as usize].cards.push(CardView {
            id: ticket.id,
            title: ticket.title.clone(),
            kind: ticket.kind,
            column,
            route: ticket
                .route
                .iter()
                .map(|s| (s.skill.clone(), s.hours))
                .collect(),
            step: ticket.step,
            remaining: ticket.remaining,
            age: ticket.finished.unwrap_or(now) - ticket.arrived,
            waited: ticket.waits.iter().sum::<f64>()
                + if ticket.state == TicketState::Queued && !ticket.step_touched {
                    (now - ticket.ready_at).max(0.0)
                } else {
                    0.0
                },
            due: ticket.due,
            risk: ticket.risk,
            system: ticket.system.clone(),
            holder: ticket.holder.and_then(|id| name_of(world, id)),
            needs_approval: needs_approval(ticket, policies),
            shielded_request: matches!(ticket.origin, Origin::Interrupt { .. })
                && ticket.state == TicketState::Backlog,
            critical: ticket.critical,
            value: traced.then_some(ticket.value),
            retirable: traced && board::is_retirable(ticket),
        });
    }
    let done = &mut columns[Column::Done as usize].cards;
    let skip = done.len().saturating_sub(DONE_SHOWN);
    done.drain(..skip);
    columns
}

fn people(world: &World) -> Vec<PersonView> {
    let tick = world.resource::<Clock>().tick;
    let tickets = board::all_tickets(world);
    board::all_people(world)
        .into_iter()
        .map(|p| {
            let queue = || p.queue.iter().filter_map(|&t| tickets.get(t.0 as usize));
            PersonView {
                id: p.id,
                key: p.key.clone(),
                name: p.name.clone(),
                role: p.role.clone(),
                skills: p.skills.iter().cloned().collect(),
                constraint: p.constraint,
                queue: queue().map(|t| (t.id, t.title.clone())).collect(),
                queue_hours: queue().map(|t| t.remaining).sum::<f64>() + 0.0,
                utilization: p.stats.utilization(),
                at_work: p.works_at(tick),
                on_bridge: p.on_bridge.is_some(),
            }
        })
        .collect()
}

/// Open incidents, with who could join a bridge and what the change log knows.
fn incidents(world: &World) -> Vec<IncidentView> {
    let level = &world.resource::<CurrentLevel>().0;
    let now = world.resource::<Clock>().now();
    let people = board::all_people(world);
    let tickets = board::all_tickets(world);
    world
        .resource::<Incidents>()
        .0
        .iter()
        .filter(|i| i.resolved.is_none())
        .map(|i| {
            let skill = level.system_skill(&i.system);
            IncidentView {
                id: i.id,
                title: i.title.clone(),
                system: i.system.clone(),
                sev1: i.sev1,
                down: i.is_down(),
                declared: i.declared,
                hours_down: i.time_to_restore(now),
                responders: i
                    .responders
                    .iter()
                    .filter_map(|&r| name_of(world, r))
                    .collect(),
                candidates: people
                    .iter()
                    .filter(|p| p.has_skill(&skill) && p.on_bridge.is_none())
                    .map(|p| (p.id, p.name.clone(), p.constraint))
                    .collect(),
                change_log: tickets
                    .iter()
                    .filter(|t| {
                        t.is_change()
                            && t.logged
                            && t.system.as_deref() == Some(i.system.as_str())
                            && t.finished.is_some_and(|f| f <= now && now - f <= 24.0)
                    })
                    .map(|t| ChangeLogEntry {
                        title: t.title.clone(),
                        finished_at: t.finished.unwrap_or(0.0),
                    })
                    .collect(),
            }
        })
        .collect()
}

fn objectives(world: &World, level: &crate::level::Level) -> Vec<String> {
    let summary = crate::sim::summary::summarize(world);
    level
        .objectives
        .iter()
        .map(|o| {
            let value = crate::sim::objectives::measure(world, &summary, &o.measure);
            let (word, goal) = if o.measure.lower_is_better() {
                ("at most", o.goal.pass)
            } else {
                ("at least", o.goal.pass)
            };
            format!("{} ({word} {goal}; now {value:.1})", o.text)
        })
        .collect()
}
