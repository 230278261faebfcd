//! The chapter's objectives, measured when the clock runs out, and the stars they earn.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::board;
use super::clock::Clock;
use super::model::HOURS_PER_DAY;
use super::setup::CurrentLevel;
use super::summary::{Summary, summarize};
use crate::level::{Goal, Measure, ObjectiveDef};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ObjectiveResult {
    pub id: String,
    pub text: String,
    pub value: f64,
    pub met: bool,
    pub stars: u8,
}

impl ObjectiveResult {
    /// "Payroll restored (measured 4.5, 2 stars)".
    pub fn describe(&self) -> String {
        let plural = if self.stars == 1 { "" } else { "s" };
        format!(
            "{} (measured {:.1}, {} star{plural})",
            self.text, self.value, self.stars
        )
    }
}

/// The outcome, present once the chapter is over.
#[derive(Resource, Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ChapterResult {
    pub objectives: Vec<ObjectiveResult>,
    /// The fewest stars any objective earned: every objective counts.
    pub stars: u8,
    pub summary: Summary,
    /// Why the simulation ended the chapter early, if it did (it earns no stars).
    #[serde(default)]
    pub stopped: Option<String>,
}

impl ChapterResult {
    pub fn passed(&self) -> bool {
        self.stars > 0
    }
}

pub fn measure(world: &World, summary: &Summary, measure: &Measure) -> f64 {
    match measure {
        Measure::FinishedAt(key) => {
            let clock = world.resource::<Clock>();
            board::all_tickets(world)
                .into_iter()
                .find(|t| &t.key == key)
                .and_then(|t| t.finished)
                .unwrap_or(f64::from(clock.end + HOURS_PER_DAY))
        }
        Measure::RestoredAt(key) => world
            .resource::<super::model::Incidents>()
            .0
            .iter()
            .find(|i| &i.key == key)
            .and_then(|i| i.restored)
            .unwrap_or(f64::from(world.resource::<Clock>().end + HOURS_PER_DAY)),
        Measure::Done(Some(kind)) => f64::from(summary.done_of(*kind)),
        Measure::Done(None) => crate::level::WorkKind::ALL
            .iter()
            .filter(|k| k.is_planned())
            .map(|&k| f64::from(summary.done_of(k)))
            .sum(),
        Measure::RevenueLost => summary.revenue_lost,
        Measure::TimeToRestore => summary.dora.time_to_restore.unwrap_or(0.0),
        Measure::LeadTime => summary
            .lead_time
            .unwrap_or(f64::from(world.resource::<Clock>().end)),
        Measure::UnplannedShare => summary.unplanned_share * 100.0,
        Measure::FailedChanges => f64::from(summary.failed_changes),
        Measure::AuditFindings => summary.audit_findings as f64,
        Measure::SharePrice => summary.share_price,
        Measure::MissedDueDates => f64::from(summary.missed_due_dates),
        Measure::Deployments => {
            summary.dora.deploys_per_day * f64::from(summary.hours) / f64::from(HOURS_PER_DAY)
        }
        Measure::ChangeFailRate => summary.dora.change_fail_rate.unwrap_or(0.0) * 100.0,
        Measure::ValueDelivered => summary.value_delivered,
        Measure::ChangeLeadTime => summary
            .dora
            .change_lead_time
            .unwrap_or(f64::from(world.resource::<Clock>().end)),
    }
}

/// Stars out of three as the player sees them: ★★☆.
pub fn star_row(stars: u8) -> String {
    let earned = stars.min(3) as usize;
    format!("{}{}", "★".repeat(earned), "☆".repeat(3 - earned))
}

pub fn stars_for(objective: &ObjectiveDef, value: f64) -> u8 {
    let Goal {
        pass,
        two_stars,
        three_stars,
    } = objective.goal;
    let reaches = |threshold: f64| {
        if objective.measure.lower_is_better() {
            value <= threshold + 1e-9
        } else {
            value >= threshold - 1e-9
        }
    };
    match (reaches(pass), reaches(two_stars), reaches(three_stars)) {
        (false, _, _) => 0,
        (true, false, _) => 1,
        (true, true, false) => 2,
        (true, true, true) => 3,
    }
}

pub fn evaluate(world: &World) -> ChapterResult {
    let summary = summarize(world);
    let level = &world.resource::<CurrentLevel>().0;
    let objectives: Vec<ObjectiveResult> = level
        .objectives
        .iter()
        .map(|objective| {
            let value = measure(world, &summary, &objective.measure);
            let stars = stars_for(objective, value);
            ObjectiveResult {
                id: objective.id.clone(),
                text: objective.text.clone(),
                value,
                met: stars > 0,
                stars,
            }
        })
        .collect();
    let stopped = world
        .get_resource::<super::timeline::Stopped>()
        .map(|s| s.0.clone());
    // A chapter with no objectives (pure story) is passed by playing it.
    let stars = if stopped.is_some() {
        0
    } else {
        objectives.iter().map(|o| o.stars).min().unwrap_or(3)
    };
    ChapterResult {
        objectives,
        stars,
        summary,
        stopped,
    }
}

/// When the clock reaches the end, the result is fixed.
pub fn close_chapter_when_over(world: &mut World) {
    let over = world.resource::<Clock>().is_over();
    if over && !world.contains_resource::<ChapterResult>() {
        let result = evaluate(world);
        world.insert_resource(result);
    }
}
