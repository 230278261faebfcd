//! The chapter's numbers, measured from the board and the recorder: flow, the busy/idle
//! curve, the four DORA keys, and what the business lost.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::board;
use super::business::Business;
use super::clock::Clock;
use super::metrics::{Metrics, PersonSeries};
use super::model::*;
use crate::level::WorkKind;

/// A DORA performance band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Band {
    Elite,
    High,
    Medium,
    Low,
}

/// The four keys, over the chapter so far. Hours are working hours.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Dora {
    pub deploys_per_day: f64,
    /// Mean hours from a change's arrival to its going live.
    pub change_lead_time: Option<f64>,
    pub change_fail_rate: Option<f64>,
    /// Mean hours from a Sev 1's start to service restored.
    pub time_to_restore: Option<f64>,
}

impl Dora {
    pub fn deploy_band(&self) -> Band {
        band_higher(self.deploys_per_day, [1.0, 1.0 / 5.0, 1.0 / 22.0])
    }
    pub fn lead_time_band(&self) -> Option<Band> {
        self.change_lead_time
            .map(|h| band_lower(h, [8.0, 40.0, 176.0]))
    }
    pub fn fail_rate_band(&self) -> Option<Band> {
        self.change_fail_rate
            .map(|r| band_lower(r, [0.15, 0.30, 0.45]))
    }
    pub fn restore_band(&self) -> Option<Band> {
        self.time_to_restore
            .map(|h| band_lower(h, [1.0, 8.0, 40.0]))
    }
}

fn band_lower(value: f64, limits: [f64; 3]) -> Band {
    match limits.iter().position(|&l| value <= l) {
        Some(0) => Band::Elite,
        Some(1) => Band::High,
        Some(2) => Band::Medium,
        _ => Band::Low,
    }
}

fn band_higher(value: f64, limits: [f64; 3]) -> Band {
    match limits.iter().position(|&l| value >= l) {
        Some(0) => Band::Elite,
        Some(1) => Band::High,
        Some(2) => Band::Medium,
        _ => Band::Low,
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct PersonSummary {
    pub key: String,
    pub name: String,
    pub constraint: bool,
    pub utilization: f64,
    /// Mean hours a step waited in this person's queue before they started it.
    pub mean_wait: Option<f64>,
    /// Mean hours of work per step they took on (to scale the busy/idle curve).
    pub mean_service: Option<f64>,
    pub mean_queue_hours: f64,
    pub peak_queue_hours: f64,
    /// The hour the queue peaked.
    pub peak_queue_tick: u32,
}

impl PersonSummary {
    /// Mean wait in units of their mean task: the y of the busy/idle curve u / (1 − u).
    pub fn wait_over_task(&self) -> Option<f64> {
        Some(self.mean_wait? / self.mean_service?)
    }
}

/// The chapter's numbers, all measured.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub hours: u32,
    pub done: u32,
    pub done_by_kind: [u32; 4],
    /// Planned tickets finished per working day.
    pub planned_throughput: f64,
    /// Mean hours from release to done.
    pub lead_time: Option<f64>,
    /// Mean hours a step waited in a queue before anyone started it.
    pub step_wait: Option<f64>,
    /// Mean tickets in Ready and Doing, hour by hour.
    pub mean_wip: f64,
    pub unplanned_share: f64,
    pub missed_due_dates: u32,
    pub people: Vec<PersonSummary>,
    pub dora: Dora,
    pub sev1s: u32,
    pub revenue_lost: f64,
    pub share_price: f64,
    pub audit_findings: i64,
    pub failed_changes: u32,
    pub deployments: u32,
    /// Dollars a day of business value from the work finished this chapter.
    #[serde(default)]
    pub value_delivered: f64,
}

impl Summary {
    pub fn constraint(&self) -> Option<&PersonSummary> {
        self.people.iter().find(|p| p.constraint)
    }

    pub fn done_of(&self, kind: WorkKind) -> u32 {
        self.done_by_kind[kind as usize]
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn person_summary(person: &Person, series: &PersonSeries) -> PersonSummary {
    let (peak_at, peak) = series
        .queue_hours
        .iter()
        .enumerate()
        .fold(
            (0, 0.0),
            |best, (i, &q)| if q > best.1 { (i, q) } else { best },
        );
    let stats = &person.stats;
    let started = (stats.steps_started > 0).then(|| f64::from(stats.steps_started));
    PersonSummary {
        key: person.key.clone(),
        name: person.name.clone(),
        constraint: person.constraint,
        utilization: stats.utilization(),
        mean_wait: started.map(|n| stats.waited / n),
        mean_service: started.map(|n| (stats.planned + stats.unplanned) / n),
        mean_queue_hours: mean(series.queue_hours.iter().copied()).unwrap_or(0.0),
        peak_queue_hours: peak,
        peak_queue_tick: peak_at as u32,
    }
}

pub fn summarize(world: &World) -> Summary {
    let clock = world.resource::<Clock>();
    let now = clock.now();
    let hours = clock.tick;
    let metrics = world.resource::<Metrics>();
    let business = world.resource::<Business>();
    let incidents = world.resource::<Incidents>();
    let tickets = board::all_tickets(world);
    let done: Vec<&&Ticket> = tickets
        .iter()
        .filter(|t| t.state == TicketState::Done && !t.prior)
        .collect();
    // Objectives count the work asked of the team: writing down and studying a skill is
    // the team's own investment, and a campaign that already made it would count less.
    let mut done_by_kind = [0; 4];
    for t in done.iter().filter(|t| {
        !matches!(
            t.origin,
            Origin::Documentation { .. } | Origin::Study { .. }
        )
    }) {
        done_by_kind[t.kind as usize] += 1;
    }
    let planned_done = done.iter().filter(|t| t.kind.is_planned()).count() as f64;
    let days = (f64::from(hours) / f64::from(HOURS_PER_DAY)).max(1.0 / 8.0);
    let (planned, unplanned) = metrics.samples.iter().fold((0.0, 0.0), |(p, u), s| {
        (p + s.planned_hours, u + s.unplanned_hours)
    });
    let changes: Vec<&&Ticket> = done.iter().filter(|t| t.is_change()).copied().collect();
    let sev1s: Vec<&Incident> = incidents.0.iter().filter(|i| i.sev1).collect();
    let people = board::all_people(world)
        .into_iter()
        .zip(&metrics.people)
        .map(|(person, series)| person_summary(person, series))
        .collect();
    Summary {
        hours,
        done: done.len() as u32,
        done_by_kind,
        planned_throughput: planned_done / days,
        lead_time: mean(done.iter().filter_map(|t| t.lead_time())),
        step_wait: mean(tickets.iter().flat_map(|t| t.waits.iter().copied())),
        mean_wip: mean(metrics.samples.iter().map(|s| {
            f64::from(s.columns[Column::Ready as usize] + s.columns[Column::Doing as usize])
        }))
        .unwrap_or(0.0),
        unplanned_share: if planned + unplanned > 0.0 {
            unplanned / (planned + unplanned)
        } else {
            0.0
        },
        missed_due_dates: tickets
            .iter()
            .filter(|t| t.state != TicketState::Dropped && !t.prior && t.was_late(now))
            .count() as u32,
        people,
        dora: Dora {
            deploys_per_day: f64::from(business.deploys) / days,
            change_lead_time: mean(
                changes
                    .iter()
                    .filter_map(|t| Some(t.deployed_at? - t.arrived)),
            ),
            change_fail_rate: (business.deploys > 0)
                .then(|| f64::from(business.failed_changes) / f64::from(business.deploys)),
            time_to_restore: mean(sev1s.iter().map(|i| i.time_to_restore(now))),
        },
        sev1s: sev1s.len() as u32,
        revenue_lost: business.revenue_lost,
        share_price: business.share_price(super::setup::tuning(world)),
        // This chapter's findings: what earlier chapters left is theirs, not this one's.
        audit_findings: (business.audit_findings - business.carried_findings).max(0),
        failed_changes: business.failed_changes,
        deployments: business.deploys,
        value_delivered: done.iter().map(|t| t.value).sum(),
    }
}
