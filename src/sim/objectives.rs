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
    /// What was measured, in words with its unit ("restored at 13:30", "never restored").
    #[serde(default)]
    pub measured: String,
    /// What one, two and three stars needed, in words ("★ by 17:00 · ★★ by 15:00 · …").
    #[serde(default)]
    pub needed: String,
}

impl ObjectiveResult {
    /// "Payroll restored before the day ends: restored at 13:30 (2 stars)".
    pub fn describe(&self) -> String {
        let plural = if self.stars == 1 { "" } else { "s" };
        format!(
            "{}: {} ({} star{plural})",
            self.text, self.measured, self.stars
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
        // A number that was not measured (no Sev 1, nothing finished) is NaN: it reads
        // "none" and earns no stars.
        Measure::TimeToRestore => summary.dora.time_to_restore.unwrap_or(f64::NAN),
        Measure::LeadTime => summary.lead_time.unwrap_or(f64::NAN),
        Measure::UnplannedShare => summary.unplanned_share * 100.0,
        Measure::FailedChanges => f64::from(summary.failed_changes),
        Measure::AuditFindings => summary.audit_findings as f64,
        Measure::SharePrice => summary.share_price,
        Measure::MissedDueDates => f64::from(summary.missed_due_dates),
        Measure::Deployments => {
            summary.dora.deploys_per_day * f64::from(summary.hours) / f64::from(HOURS_PER_DAY)
        }
        Measure::ChangeFailRate => summary
            .dora
            .change_fail_rate
            .map_or(f64::NAN, |r| r * 100.0),
        Measure::ValueDelivered => summary.value_delivered,
        Measure::ChangeLeadTime => summary.dora.change_lead_time.unwrap_or(f64::NAN),
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

/// Where an objective stands while the chapter runs.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveStatus {
    pub text: String,
    /// What each star needs.
    pub needed: String,
    /// Where it stands now, in words.
    pub now: String,
    /// The stars it would earn if the chapter ended now.
    pub stars_now: u8,
    /// `Some(stars)` once nothing the player does can change it any more.
    pub settled: Option<u8>,
}

/// An hour of the chapter as the clock shows it: 4.5 → "13:30", or "Day 2, 13:30" in a
/// chapter of more than one day. The end of a day is its 17:00, not the next 9:00.
pub fn time_of(hour: f64, days: u32) -> String {
    let minutes = (hour.max(0.0) * 60.0).round() as u64;
    let per_day = u64::from(HOURS_PER_DAY) * 60;
    let (mut day, mut into) = (minutes / per_day, minutes % per_day);
    if into == 0 && day > 0 {
        day -= 1;
        into = per_day;
    }
    let clock = format!("{:02}:{:02}", 9 + into / 60, into % 60);
    if days > 1 {
        format!("Day {}, {clock}", day + 1)
    } else {
        clock
    }
}

/// Dollars with thousands separated: 1234567 → "$1,234,567".
pub fn dollars(value: f64) -> String {
    let whole = value.round().abs() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{}${out}", if value < -0.5 { "-" } else { "" })
}

fn plural(n: f64, one: &str, many: &str) -> String {
    let n = n.round();
    format!("{n:.0} {}", if (n - 1.0).abs() < 0.5 { one } else { many })
}

/// A value of `measure` with its unit ("13:30", "3 tickets", "$12,000", "4.5 h", "12%").
pub fn amount(measure: &Measure, value: f64, days: u32) -> String {
    if !value.is_finite() {
        return "none".to_owned();
    }
    match measure {
        Measure::FinishedAt(_) | Measure::RestoredAt(_) => time_of(value, days),
        Measure::Done(_) | Measure::MissedDueDates => plural(value, "ticket", "tickets"),
        Measure::RevenueLost => dollars(value),
        Measure::SharePrice => format!("${value:.2}"),
        Measure::ValueDelivered => format!("{} a day", dollars(value)),
        Measure::TimeToRestore | Measure::LeadTime | Measure::ChangeLeadTime => {
            format!("{value:.1} h")
        }
        Measure::UnplannedShare | Measure::ChangeFailRate => format!("{value:.0}%"),
        Measure::FailedChanges => plural(value, "failed change", "failed changes"),
        Measure::AuditFindings => plural(value, "finding", "findings"),
        Measure::Deployments => plural(value, "deployment", "deployments"),
    }
}

/// What each star needs: "★ by 17:00 · ★★ by 15:00 · ★★★ by 13:30".
pub fn needed(objective: &ObjectiveDef, days: u32) -> String {
    let m = &objective.measure;
    let word = match m {
        Measure::FinishedAt(_) | Measure::RestoredAt(_) => "by",
        _ if m.lower_is_better() => "at most",
        _ => "at least",
    };
    let g = &objective.goal;
    [(1, g.pass), (2, g.two_stars), (3, g.three_stars)]
        .iter()
        .map(|&(stars, threshold)| {
            format!(
                "{} {word} {}",
                "★".repeat(stars),
                amount(m, threshold, days)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The measured value in words: a ticket never finished or a service never restored says so.
fn measured(world: &World, measure: &Measure, value: f64) -> String {
    let end = world.resource::<Clock>().end;
    let days = world.resource::<CurrentLevel>().0.days;
    let never = value > f64::from(end) + 1e-9;
    match measure {
        Measure::FinishedAt(_) if never => "never done".to_owned(),
        Measure::RestoredAt(_) if never => "never restored".to_owned(),
        Measure::FinishedAt(_) => format!("done at {}", time_of(value, days)),
        Measure::RestoredAt(_) => format!("restored at {}", time_of(value, days)),
        _ => amount(measure, value, days),
    }
}

/// A measure that can only grow as the chapter goes on, so a threshold once crossed stays
/// crossed.
fn only_grows(measure: &Measure) -> bool {
    matches!(
        measure,
        Measure::RevenueLost
            | Measure::FailedChanges
            | Measure::MissedDueDates
            | Measure::Done(_)
            | Measure::Deployments
            | Measure::ValueDelivered
    )
}

/// Where `objective` stands now, with its stars so far and whether it is already decided.
pub fn status(world: &World, summary: &Summary, objective: &ObjectiveDef) -> ObjectiveStatus {
    let clock = world.resource::<Clock>();
    let level = &world.resource::<CurrentLevel>().0;
    let now = clock.now();
    let value = measure(world, summary, &objective.measure);
    let stars_now = stars_for(objective, value);
    let goal = &objective.goal;
    let (now_text, settled) = match &objective.measure {
        Measure::FinishedAt(key) => {
            let done = board::all_tickets(world)
                .into_iter()
                .find(|t| &t.key == key)
                .and_then(|t| t.finished);
            match done {
                Some(at) => (
                    format!("done at {}", time_of(at, level.days)),
                    Some(stars_now),
                ),
                None if now > goal.pass + 1e-9 => ("not done, too late now".into(), Some(0)),
                None => ("not done yet".into(), None),
            }
        }
        Measure::RestoredAt(key) => {
            let incident = world
                .resource::<super::model::Incidents>()
                .0
                .iter()
                .find(|i| &i.key == key)
                .cloned();
            match incident {
                Some(i) if i.restored.is_some() => {
                    let at = i.restored.unwrap_or(now);
                    (
                        format!("restored at {}", time_of(at, level.days)),
                        Some(stars_now),
                    )
                }
                Some(i) if now > goal.pass + 1e-9 => (
                    format!("down {:.1} h, too late for the goal", now - i.started),
                    Some(0),
                ),
                Some(i) => (format!("down {:.1} h", now - i.started), None),
                None => ("not started yet".into(), None),
            }
        }
        m => {
            let text = amount(m, value, level.days);
            let settled = if !only_grows(m) {
                None
            } else if m.lower_is_better() && stars_now == 0 {
                Some(0)
            } else if !m.lower_is_better() && stars_now == 3 {
                Some(3)
            } else {
                None
            };
            (text, settled)
        }
    };
    ObjectiveStatus {
        text: objective.text.clone(),
        needed: needed(objective, level.days),
        now: now_text,
        stars_now,
        settled,
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
                measured: measured(world, &objective.measure, value),
                needed: needed(objective, level.days),
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
