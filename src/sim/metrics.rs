//! The recorder: what the board and the team looked like every hour (for the cumulative flow
//! diagram, the busy bars and the chapter's summary).

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::board;
use super::clock::Clock;
use super::model::*;
use super::policies::Policies;

/// One hour's snapshot.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct TickSample {
    pub tick: u32,
    /// Tickets per column, in `Column::ALL` order (for a cumulative flow diagram).
    pub columns: [u32; 5],
    pub planned_hours: f64,
    pub unplanned_hours: f64,
}

/// One person's hours, hour by hour.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct PersonSeries {
    /// Share of the hour spent busy.
    pub busy: Vec<f64>,
    /// Hours of work waiting in their queue at the hour's end.
    pub queue_hours: Vec<f64>,
}

#[derive(Resource, Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Metrics {
    pub samples: Vec<TickSample>,
    pub people: Vec<PersonSeries>,
    last: Vec<PersonStats>,
}

impl Metrics {
    /// Share of worked hours that were unplanned, over the `window` hours up to each hour.
    pub fn unplanned_share_by_hour(&self, window: usize) -> Vec<f64> {
        (0..self.samples.len())
            .map(|end| {
                let span = &self.samples[(end + 1).saturating_sub(window.max(1))..=end];
                let (p, u) = span.iter().fold((0.0, 0.0), |(p, u), s| {
                    (p + s.planned_hours, u + s.unplanned_hours)
                });
                if p + u > 0.0 { u / (p + u) } else { 0.0 }
            })
            .collect()
    }

    pub fn begin(&mut self, people: usize) {
        *self = Self {
            people: vec![PersonSeries::default(); people],
            last: vec![PersonStats::default(); people],
            ..Default::default()
        };
    }
}

pub fn record_hour(
    clock: Res<Clock>,
    policies: Res<Policies>,
    roster: Res<Roster>,
    board: Res<Board>,
    tickets: Query<&Ticket>,
    people: Query<&Person>,
    mut metrics: ResMut<Metrics>,
) {
    let mut sample = TickSample {
        tick: clock.tick,
        ..Default::default()
    };
    for &entity in &board.0 {
        if let Ok(ticket) = tickets.get(entity)
            && ticket.state != TicketState::Dropped
        {
            let column = board::column_of(ticket, &policies);
            sample.columns[column as usize] += 1;
        }
    }
    let metrics = &mut *metrics;
    for (index, &entity) in roster.0.iter().enumerate() {
        let Ok(person) = people.get(entity) else {
            continue;
        };
        let before = metrics.last.get(index).cloned().unwrap_or_default();
        sample.planned_hours += person.stats.planned - before.planned;
        sample.unplanned_hours += person.stats.unplanned - before.unplanned;
        let queue_hours = person
            .queue
            .iter()
            .filter_map(|&t| board.entity(t).and_then(|e| tickets.get(e).ok()))
            .map(|t| t.remaining)
            .sum();
        if let Some(series) = metrics.people.get_mut(index) {
            series.busy.push(person.stats.busy() - before.busy());
            series.queue_hours.push(queue_hours);
        }
        if let Some(last) = metrics.last.get_mut(index) {
            *last = person.stats.clone();
        }
    }
    metrics.samples.push(sample);
}
