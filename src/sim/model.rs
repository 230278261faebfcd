//! The simulation's components and resources: tickets, people, incidents and the board.

use std::collections::BTreeSet;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::level::{Risk, Step, WorkKind};

pub use crate::level::HOURS_PER_DAY;
/// Fractions of an hour below this are treated as nothing, to absorb float rounding.
pub const EPSILON: f64 = 1e-9;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TicketId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PersonId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IncidentId(pub u32);

/// The board's columns, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Column {
    /// Known but not released to anyone.
    Backlog,
    /// High-risk changes waiting for the CAB.
    Approval,
    /// Released into someone's queue, not started.
    Ready,
    /// Started and not finished, wherever it waits between steps.
    Doing,
    Done,
}

impl Column {
    pub const ALL: [Column; 5] = [
        Column::Backlog,
        Column::Approval,
        Column::Ready,
        Column::Doing,
        Column::Done,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TicketState {
    Backlog,
    /// In `holder`'s queue.
    Queued,
    Done,
    /// Rejected, deflected or cancelled: never done.
    Dropped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Approval {
    None,
    Approved,
    Rejected,
}

/// Where a ticket came from, which decides what finishing it does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Origin {
    Board,
    Interrupt {
        for_person: PersonId,
    },
    Incident(IncidentId),
    /// The constraint writing down a skill for a learner.
    Documentation {
        skill: String,
        learner: PersonId,
    },
    /// The learner working through what was written.
    Study {
        skill: String,
        learner: PersonId,
    },
    /// Putting a batch of finished changes into production.
    Deployment {
        batch: Vec<TicketId>,
    },
}

#[derive(Component, Clone, Debug, Serialize, Deserialize)]
pub struct Ticket {
    pub id: TicketId,
    /// The level's id for it, or a generated one.
    pub key: String,
    pub title: String,
    pub kind: WorkKind,
    pub route: Vec<Step>,
    /// Index of the current step in `route`.
    pub step: usize,
    /// Hours left on the current step.
    pub remaining: f64,
    pub due: Option<u32>,
    pub value: f64,
    pub risk: Option<Risk>,
    pub system: Option<String>,
    pub logged: bool,
    pub critical: bool,
    pub closes_findings: u32,
    pub origin: Origin,
    pub state: TicketState,
    pub holder: Option<PersonId>,
    pub approval: Approval,
    /// Whoever had to look at this change did, before it started.
    pub reviewed: bool,
    /// Another change ran on the same system while this one did.
    pub collided: bool,
    /// A uniform draw made when the ticket was created: a change fails when this falls below
    /// its failure chance, so the same change fails or succeeds alike across what-ifs.
    pub fate: f64,
    pub arrived: f64,
    pub released: Option<f64>,
    pub started: Option<f64>,
    pub finished: Option<f64>,
    /// When it joined its current queue.
    pub ready_at: f64,
    /// Whether the current step has been touched yet (its wait is recorded on first touch).
    pub step_touched: bool,
    /// Queue wait before each step started.
    pub waits: Vec<f64>,
    pub touch_hours: f64,
    /// Done before the chapter opened: history an incident can blame, not this chapter's work.
    pub prior: bool,
    /// When a change went live (with batched deployments, later than it was finished).
    pub deployed_at: Option<f64>,
}

impl Ticket {
    pub fn current_step(&self) -> Option<&Step> {
        self.route.get(self.step)
    }

    pub fn is_open(&self) -> bool {
        matches!(self.state, TicketState::Backlog | TicketState::Queued)
    }

    pub fn is_started(&self) -> bool {
        self.started.is_some()
    }

    pub fn is_change(&self) -> bool {
        self.kind == WorkKind::Change
    }

    /// Emergencies first: a Sev 1's work, then other unplanned work, then the plan.
    pub fn priority(&self) -> u8 {
        match (&self.origin, self.kind) {
            (Origin::Incident(_), _) => 2,
            (_, WorkKind::Unplanned) => 1,
            _ => 0,
        }
    }

    /// Hours it has waited in queues so far, the wait going on now included.
    pub fn waited(&self, now: f64) -> f64 {
        let waiting_now = if self.state == TicketState::Queued && !self.step_touched {
            (now - self.ready_at).max(0.0)
        } else {
            0.0
        };
        self.waits.iter().sum::<f64>() + waiting_now
    }

    /// Hours since it came onto the board (until it was done).
    pub fn age(&self, now: f64) -> f64 {
        (self.finished.unwrap_or(now) - self.arrived).max(0.0)
    }

    pub fn lead_time(&self) -> Option<f64> {
        Some(self.finished? - self.released?)
    }

    /// Finished after its due hour, or still open once that hour has come.
    pub fn was_late(&self, now: f64) -> bool {
        match (self.due, self.finished) {
            (Some(due), Some(finished)) => finished > f64::from(due) + EPSILON,
            (Some(due), None) => now >= f64::from(due),
            (None, _) => false,
        }
    }
}

#[derive(Component, Clone, Debug, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub key: String,
    pub name: String,
    pub role: String,
    pub skills: BTreeSet<String>,
    pub hours_per_day: u32,
    pub constraint: bool,
    /// Tickets waiting for or under this person, in arrival order.
    pub queue: Vec<TicketId>,
    /// The last ticket worked on, for the cost of switching away from it.
    pub last: Option<TicketId>,
    pub on_bridge: Option<IncidentId>,
    pub stats: PersonStats,
    /// Hours of tiredness still to pay from overtime, taken off their next working hours.
    #[serde(default)]
    pub fatigue: f64,
}

impl Person {
    pub fn has_skill(&self, skill: &str) -> bool {
        self.skills.contains(skill)
    }

    /// Whether the person is at work in this hour of the chapter.
    pub fn works_at(&self, tick: u32) -> bool {
        tick % HOURS_PER_DAY < self.hours_per_day
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct PersonStats {
    pub capacity: f64,
    pub planned: f64,
    pub unplanned: f64,
    pub switching: f64,
    pub juggling: f64,
    /// Total hours steps waited in this person's queue before they started them.
    pub waited: f64,
    pub steps_started: u32,
    /// Hours on a Sev 1 bridge after their working day was over.
    #[serde(default)]
    pub overtime: f64,
    /// Working hours lost to tiredness after overtime.
    #[serde(default)]
    pub tired: f64,
}

impl PersonStats {
    pub fn busy(&self) -> f64 {
        self.planned + self.unplanned + self.switching + self.juggling
    }

    pub fn utilization(&self) -> f64 {
        if self.capacity > 0.0 {
            self.busy() / self.capacity
        } else {
            0.0
        }
    }
}

/// People in the level's order; `PersonId(n)` is the n-th.
#[derive(Resource, Default, Debug)]
pub struct Roster(pub Vec<Entity>);

impl Roster {
    pub fn entity(&self, id: PersonId) -> Option<Entity> {
        self.0.get(id.0 as usize).copied()
    }
}

/// Every ticket ever created this chapter; `TicketId(n)` is the n-th.
#[derive(Resource, Default, Debug)]
pub struct Board(pub Vec<Entity>);

impl Board {
    pub fn entity(&self, id: TicketId) -> Option<Entity> {
        self.0.get(id.0 as usize).copied()
    }

    pub fn next_id(&self) -> TicketId {
        TicketId(self.0.len() as u32)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Incident {
    pub id: IncidentId,
    pub key: String,
    pub title: String,
    pub system: String,
    pub sev1: bool,
    /// The change that caused it, when one did.
    pub cause: Option<TicketId>,
    pub cause_logged: bool,
    pub started: f64,
    pub ticket: TicketId,
    pub declared: bool,
    pub responders: Vec<PersonId>,
    pub restored: Option<f64>,
    pub resolved: Option<f64>,
    /// Times a change made during it made it worse.
    pub widened: u32,
}

impl Incident {
    pub fn is_down(&self) -> bool {
        self.restored.is_none()
    }

    pub fn time_to_restore(&self, now: f64) -> f64 {
        self.restored.unwrap_or(now) - self.started
    }
}

#[derive(Resource, Default, Debug)]
pub struct Incidents(pub Vec<Incident>);

impl Incidents {
    pub fn get(&self, id: IncidentId) -> Option<&Incident> {
        self.0.get(id.0 as usize)
    }

    /// A Sev 1 still open on this system (down, or restored but not yet declared over).
    pub fn open_sev1_on(&self, system: &str) -> bool {
        self.0
            .iter()
            .any(|i| i.sev1 && i.system == system && i.resolved.is_none())
    }
}
